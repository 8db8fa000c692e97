import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"

/** How host filesystem errors (errno codes) become `VfsError`s, for `DiskResource`. */

/** The errno code of a node error (`ENOENT`), if it has one. */
export const errnoCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined

const reasonOf = (code: string | undefined): Reason => {
  switch (code) {
    case "ENOENT":
      return "NotFound"
    case "ENOTDIR":
      return "NotADirectory"
    case "EISDIR":
      return "IsADirectory"
    case "EEXIST":
      return "AlreadyExists"
    case "ENOTEMPTY":
      return "NotEmpty"
    case "EACCES":
    case "EPERM":
      return "PermissionDenied"
    case "EROFS":
      return "ReadOnly"
    case "EDQUOT":
    case "ENOSPC":
      return "QuotaExceeded"
    case "EBUSY":
      return "Conflict"
    case "EFBIG":
      return "FileTooLarge"
    default:
      return "Backend"
  }
}

/** strerror text for the codes that have no reason of their own, so `detail` reads like coreutils. */
export const details: Readonly<Record<string, string>> = {
  ELOOP: "Too many levels of symbolic links",
  EINVAL: "Invalid argument",
  ENAMETOOLONG: "File name too long",
  EXDEV: "Invalid cross-device link",
  EBUSY: "Device or resource busy",
  EMFILE: "Too many open files",
  EIO: "Input/output error",
}

/**
 * The one place node errors become `VfsError`s. `path` is the resource path
 * the caller named; the host path never appears in an error.
 */
export const fromNodeError = (error: unknown, op: string, path: string): VfsError => {
  if (error instanceof VfsError) return error
  const code = errnoCode(error)
  const reason = reasonOf(code)
  const detail =
    reason === "Backend" || reason === "Conflict"
      ? code === undefined
        ? String(error)
        : (details[code] ?? code)
      : undefined
  return new VfsError({ reason, op, path, detail })
}
