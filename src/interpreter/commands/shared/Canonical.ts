import { errorText } from "../../ExitStatus.ts"
import { Effect } from "effect"
import type { NamespaceShape } from "../../../vfs/Namespace.ts"
import type { FileStat } from "../../../vfs/Resource.ts"
import { describe, type VfsError } from "../../../vfs/VfsError.ts"

/**
 * Physical path resolution, as gnulib's `canonicalize_filename_mode` does it
 * for `realpath`, `readlink -f` and `find -L`: symlinks are followed one
 * component at a time, so `..` after a link climbs from the link's target,
 * not lexically. An absolute link target is read from the namespace root.
 */

/**
 * Which components must exist: `existing` all (`-e`), `parents` all but the
 * last (`-f`, realpath's default), `missing` none (`-m`).
 */
export type CanonicalMode = "existing" | "parents" | "missing"

/** Linux's limit on symlinks followed in one lookup. */
const MAX_SYMLINKS = 40

/** The errno text of a filesystem error, including what a backend words itself (`Too many levels of symbolic links`). */
export const strerror = (error: VfsError): string =>
  error.reason === "Backend" && error.detail !== undefined && /^[A-Z][a-z ]+$/.test(error.detail)
    ? error.detail
    : errorText(error)

const LOOP = "Too many levels of symbolic links"

const missingReason = (error: VfsError) => error.reason === "NotFound" || error.reason === "NotADirectory"

const parent = (p: string): string => {
  const i = p.lastIndexOf("/")
  return i <= 0 ? "/" : p.slice(0, i)
}

const join = (dir: string, name: string): string => (dir === "/" ? `/${name}` : `${dir}/${name}`)

const segments = (p: string): Array<string> => p.split("/").filter((s) => s !== "" && s !== ".")

/** The result of resolving: the canonical path, or the errno text of the failure. */
export type Canonical = { readonly path: string } | { readonly error: string }

/**
 * Resolve `name` (relative to `cwd`, itself resolved physically) into an
 * absolute path without symlinks, `.` or `..`.
 *
 * @example
 * canonicalize(fs, "/work", "link/../x", "parents") // { path: "/real/x" } when link -> /real/sub
 */
export const canonicalize = (
  fs: NamespaceShape,
  cwd: string,
  name: string,
  mode: CanonicalMode,
): Effect.Effect<Canonical> =>
  Effect.gen(function* () {
    if (name === "") return { error: describe("NotFound") }
    const pending = name.startsWith("/") ? segments(name) : [...segments(cwd), ...segments(name)]
    pending.reverse()
    // A trailing slash asks for a directory.
    const wantDir = name.endsWith("/") && mode !== "missing"
    let resolved = "/"
    let resolvedIsDir = true
    let links = 0
    while (pending.length > 0) {
      const comp = pending.pop()!
      if (comp === "..") {
        resolved = parent(resolved)
        continue
      }
      const candidate = join(resolved, comp)
      const last = pending.length === 0
      const st = yield* Effect.result(fs.lstat(candidate))
      if (st._tag === "Failure") {
        const error = st.failure
        if (mode === "missing" || (mode === "parents" && last && missingReason(error))) {
          resolved = candidate
          resolvedIsDir = true
          continue
        }
        return { error: strerror(error) }
      }
      const info: FileStat = st.success
      if (info.type === "symlink") {
        if (++links > MAX_SYMLINKS) {
          if (mode === "missing") {
            resolved = candidate
            continue
          }
          return { error: LOOP }
        }
        const target = yield* Effect.result(fs.readlink(candidate))
        if (target._tag === "Failure") return { error: strerror(target.failure) }
        const parts = segments(target.success)
        for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i])
        if (target.success.startsWith("/")) resolved = "/"
        continue
      }
      resolved = candidate
      resolvedIsDir = info.type === "directory"
      if (!resolvedIsDir && pending.length > 0 && mode !== "missing") return { error: describe("NotADirectory") }
    }
    if (wantDir && !resolvedIsDir) return { error: describe("NotADirectory") }
    return { path: resolved }
  })
