import { Effect, Stream } from "effect"
import { RAMResource } from "../../src/index.ts"
import type { FileStat, Primitives } from "../../src/vfs/Resource.ts"
import { make } from "../../src/vfs/Resource.ts"

/**
 * The cache in front of a stand-in remote: a RAM resource whose every
 * primitive call is counted (as a server counts requests) and whose stats
 * carry a version that changes with the content, as an S3 ETag does.
 */
export const remote = (options: { readonly etags?: boolean; readonly sizeUnknown?: boolean } = {}) => {
  const backing = new RAMResource()
  const calls: Array<string> = []
  const versions = new Map<string, number>()
  const bumpVersion = (path: string) => versions.set(path, (versions.get(path) ?? 0) + 1)
  const count =
    (op: string) =>
    <A>(a: A): A => {
      calls.push(op)
      return a
    }
  const dress = (path: string, st: FileStat): FileStat => ({
    ...st,
    size: options.sizeUnknown === true && st.type === "file" ? null : st.size,
    etag: options.etags === false || st.type !== "file" ? undefined : `v${versions.get(path) ?? 0}`,
  })
  const primitives: Primitives = {
    kind: "remote",
    stat: (path) => count("stat")(Effect.map(backing.stat(path), (st) => dress(path, st))),
    lstat: (path) => count("lstat")(Effect.map(backing.lstat(path), (st) => dress(path, st))),
    list: (path) => count("list")(backing.list(path)),
    read: (path, range) => Stream.unwrap(Effect.sync(() => count("read")(backing.read(path, range)))),
    write: (path, data, opts) =>
      count("write")(Effect.tap(backing.write(path, data, opts), () => Effect.sync(() => bumpVersion(path)))),
    mkdir: (path) => count("mkdir")(backing.mkdir(path)),
    remove: (path) => count("remove")(backing.remove(path)),
    rename: (from, to) => count("rename")(backing.rename(from, to)),
    copy: (from, to) => count("copy")(backing.copy(from, to)),
    symlink: (target, path) => count("symlink")(backing.symlink(target, path)),
    readlink: (path) => count("readlink")(backing.readlink(path)),
    setMtime: (path, mtime) => count("setMtime")(backing.setMtime(path, mtime)),
    truncate: (path, size) => count("truncate")(backing.truncate(path, size)),
    close: Effect.void,
  }
  /** Change a file behind the cache's back, as another client would. */
  const changeElsewhere = async (path: string, text: string) => {
    await Effect.runPromise(backing.writeFile(path, new TextEncoder().encode(text)))
    bumpVersion(path)
  }
  return { resource: make(primitives), backing, calls, changeElsewhere }
}
