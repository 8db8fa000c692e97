import { Data } from "effect"

/**
 * Why a filesystem operation failed. The set is closed: every backend maps its
 * native errors onto one of these in a single function.
 */
export type Reason =
  | "NotFound"
  | "NotADirectory"
  | "IsADirectory"
  | "AlreadyExists"
  | "NotEmpty"
  | "ReadOnly"
  | "PermissionDenied"
  | "NotSupported"
  | "Conflict"
  | "QuotaExceeded"
  | "FileTooLarge"
  | "Backend"

/**
 * The one error type of the virtual filesystem.
 *
 * `path` is the path the user named (absolute in the namespace when it comes
 * from the namespace, resource-relative when it comes from a resource);
 * `mount` is the mount prefix, when known; `detail` a short backend message
 * (never a secret).
 */
export class VfsError extends Data.TaggedError("VfsError")<{
  readonly reason: Reason
  readonly op: string
  readonly path: string
  readonly mount?: string | undefined
  readonly detail?: string | undefined
}> {
  override get message(): string {
    return `${this.op} ${this.path}: ${describe(this.reason)}${this.detail ? ` (${this.detail})` : ""}`
  }
}

/** The strerror-style text for a reason, as coreutils prints it. */
export const describe = (reason: Reason): string => {
  switch (reason) {
    case "NotFound":
      return "No such file or directory"
    case "NotADirectory":
      return "Not a directory"
    case "IsADirectory":
      return "Is a directory"
    case "AlreadyExists":
      return "File exists"
    case "NotEmpty":
      return "Directory not empty"
    case "ReadOnly":
      return "Read-only file system"
    case "PermissionDenied":
      return "Permission denied"
    case "NotSupported":
      return "Operation not supported"
    case "Conflict":
      return "Device or resource busy"
    case "QuotaExceeded":
      return "Disk quota exceeded"
    case "FileTooLarge":
      return "File too large"
    case "Backend":
      return "Input/output error"
  }
}
