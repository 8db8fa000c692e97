import { Effect, Stream } from "effect"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import type { WriteOptions } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"

/**
 * The namespace as the shell writes to it, with `maxFileBytes` enforced: a
 * file that would grow past the limit fails with `File too large` (EFBIG)
 * before its bytes reach the resource, so a failed `>` leaves the old content
 * (resources replace a file only once its stream ends). An append counts the
 * bytes already in the file, as the kernel's file size limit does.
 */
export const withFileSizeLimit = (ns: NamespaceShape, limit: () => number): NamespaceShape => {
  const tooLarge = (op: string, path: string) =>
    new VfsError({ reason: "FileTooLarge", op, path, mount: ns.route(path)?.mount.prefix })

  /** The size a write starts from: the current size when appending. */
  const base = (path: string, options: WriteOptions | undefined): Effect.Effect<number> =>
    options?.append === true
      ? ns.stat(path).pipe(
          Effect.map((st) => st.size ?? 0),
          Effect.orElseSucceed(() => 0),
        )
      : Effect.succeed(0)

  const write: NamespaceShape["write"] = (path, data, options) =>
    Effect.suspend(() => {
      const max = limit()
      if (!Number.isFinite(max)) return ns.write(path, data, options)
      return Effect.flatMap(base(path, options), (start) => {
        let total = start
        // Checked per chunk: the chunk that would cross the limit never reaches the resource.
        const counted = Stream.mapArrayEffect(data, (chunks) => {
          for (const c of chunks) total += c.length
          return total > max ? Effect.fail(tooLarge("write", path)) : Effect.succeed(chunks)
        })
        return ns.write(path, counted, options)
      })
    })

  const writeFile: NamespaceShape["writeFile"] = (path, bytes, options) =>
    Effect.suspend(() => {
      const max = limit()
      if (bytes.length > max) return Effect.fail(tooLarge("write", path))
      if (!Number.isFinite(max) || options?.append !== true) return ns.writeFile(path, bytes, options)
      return Effect.flatMap(base(path, options), (start) =>
        start + bytes.length > max ? Effect.fail(tooLarge("write", path)) : ns.writeFile(path, bytes, options),
      )
    })

  const copyFile: NamespaceShape["copyFile"] = (from, to) =>
    Effect.suspend(() => {
      const max = limit()
      if (!Number.isFinite(max)) return ns.copyFile(from, to)
      return Effect.flatMap(ns.stat(from), (st) => {
        if (st.size === null) return write(to, ns.read(from))
        return st.size > max ? Effect.fail(tooLarge("copy", to)) : ns.copyFile(from, to)
      })
    })

  const truncate: NamespaceShape["truncate"] = (path, size) =>
    Effect.suspend(() => (size > limit() ? Effect.fail(tooLarge("truncate", path)) : ns.truncate(path, size)))

  return { ...ns, write, writeFile, copyFile, truncate }
}
