import { Effect, Stream } from "effect"
import { VfsError } from "./VfsError.ts"

/**
 * A storage backend mounted in the namespace.
 *
 * A backend implements only `Primitives`, path-based operations on paths
 * relative to its own root (always absolute and normalized: "/", "/a/b").
 * `make` derives everything else once, so derived behaviour (recursive
 * removal, copying, whole-file reads) is identical on every backend.
 * An operation a backend cannot do fails with reason `NotSupported`.
 */

/** What a path is. */
export type FileType = "file" | "directory" | "symlink"

/** Metadata of one path. `size` is null when unknown until read (API-backed files). */
export interface FileStat {
  readonly type: FileType
  readonly size: number | null
  /** Modification time, milliseconds since the epoch. */
  readonly mtime: number
  /** Permission bits, e.g. 0o644. */
  readonly mode: number
  /**
   * A version of the content that changes whenever the bytes change (an S3
   * ETag, a Git blob sha, a Redis version counter); absent when the backend has
   * none. The cache revalidates against it.
   */
  readonly etag?: string | undefined
}

/** One entry of a directory listing. */
export interface DirEntry {
  readonly name: string
  readonly type: FileType
  /**
   * The entry's stat (not following a symlink), when the listing already
   * carries it (an S3 listing has sizes, times and ETags). The cache keeps it,
   * so `ls -l` or `find -size` after a listing costs no request per entry.
   */
  readonly stat?: FileStat | undefined
}

/** An optional byte range `[start, end)`; `end` undefined reads to the end. */
export interface ByteRange {
  readonly start: number
  readonly end?: number | undefined
}

export interface WriteOptions {
  /** Append to the existing content instead of replacing it. */
  readonly append?: boolean | undefined
  /** Fail with `AlreadyExists` when the path exists (`set -o noclobber`, `cp -n`). */
  readonly exclusive?: boolean | undefined
}

/** The primitives a backend implements. */
export interface Primitives {
  /** A short name for messages, e.g. "ram", "disk", "s3". */
  readonly kind: string
  /** Stat, following symlinks. */
  readonly stat: (path: string) => Effect.Effect<FileStat, VfsError>
  /** Stat without following a final symlink. */
  readonly lstat: (path: string) => Effect.Effect<FileStat, VfsError>
  /** The entries of a directory, in any order. */
  readonly list: (path: string) => Effect.Effect<ReadonlyArray<DirEntry>, VfsError>
  /** The bytes of a file, as a stream of large chunks. */
  readonly read: (path: string, range?: ByteRange) => Stream.Stream<Uint8Array, VfsError>
  /**
   * Optional: the whole of a file of at most `limit` bytes in one piece, or
   * `undefined` when it is larger or the backend would have to fetch it (then
   * `read` streams it). A backend that can look at a file and take its bytes
   * in one step (RAM, a local disk) spares a command that visits thousands of
   * small files (`grep -r`) a stream per file. It fails as `read` does. The
   * bytes may be the backend's own: callers must not change them.
   */
  readonly readSmall?: ((path: string, limit: number) => Effect.Effect<Uint8Array | undefined, VfsError>) | undefined
  /**
   * Write a file from a stream. The parent must exist. The new content becomes
   * visible only once the stream ends (a failed or interrupted write leaves the
   * old content), where the backend allows.
   */
  readonly write: <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ) => Effect.Effect<void, VfsError | E>
  /** Create one directory; the parent must exist. */
  readonly mkdir: (path: string) => Effect.Effect<void, VfsError>
  /** Remove a file, a symlink or an empty directory. */
  readonly remove: (path: string) => Effect.Effect<void, VfsError>
  /** Rename within this backend, replacing a file at `to`. */
  readonly rename: (from: string, to: string) => Effect.Effect<void, VfsError>
  /** Server-side copy of a file; fail with `NotSupported` to let `make` stream it. */
  readonly copy: (from: string, to: string) => Effect.Effect<void, VfsError>
  /** Create a symlink at `path` pointing to `target` (stored as given). */
  readonly symlink: (target: string, path: string) => Effect.Effect<void, VfsError>
  /** The target of a symlink. */
  readonly readlink: (path: string) => Effect.Effect<string, VfsError>
  /** Set the modification time (ms since the epoch). */
  readonly setMtime: (path: string, mtime: number) => Effect.Effect<void, VfsError>
  /** Truncate or extend a file to `size` bytes. */
  readonly truncate: (path: string, size: number) => Effect.Effect<void, VfsError>
  /** Release connections and handles. */
  readonly close: Effect.Effect<void>
}

/** A backend with the derived operations every resource shares. */
export interface Resource extends Primitives {
  readonly exists: (path: string) => Effect.Effect<boolean, VfsError>
  /** The whole file in memory. */
  readonly readFile: (path: string) => Effect.Effect<Uint8Array, VfsError>
  /** See `Primitives.readSmall`; always `undefined` for a backend without one. */
  readonly readSmall: (path: string, limit: number) => Effect.Effect<Uint8Array | undefined, VfsError>
  readonly writeFile: (path: string, data: Uint8Array, options?: WriteOptions) => Effect.Effect<void, VfsError>
  /** `mkdir -p`: create missing parents; an existing directory is fine. */
  readonly mkdirp: (path: string) => Effect.Effect<void, VfsError>
  /** `rm -r`: remove a tree. */
  readonly removeRecursive: (path: string) => Effect.Effect<void, VfsError>
  /** Copy a file: server-side when the backend can, streamed otherwise. */
  readonly copyFile: (from: string, to: string) => Effect.Effect<void, VfsError>
}

/** What a read-only backend implements: the lookups. */
export interface ReadOnlyPrimitives {
  readonly kind: string
  readonly stat: Primitives["stat"]
  readonly lstat: Primitives["lstat"]
  readonly list: Primitives["list"]
  readonly read: Primitives["read"]
  /** Default: a path that exists is no link (`Invalid argument`, as readlink(2) says). */
  readonly readlink?: Primitives["readlink"] | undefined
  readonly close?: Effect.Effect<void> | undefined
}

/**
 * The primitives of a backend that only mirrors a service (Slack, Linear,
 * GitHub): every mutation fails with `ReadOnly` without reaching it.
 */
export const readOnly = (base: ReadOnlyPrimitives): Primitives => {
  const refuse = (op: string, path: string) => Effect.fail(new VfsError({ reason: "ReadOnly", op, path }))
  return {
    kind: base.kind,
    stat: base.stat,
    lstat: base.lstat,
    list: base.list,
    read: base.read,
    readlink:
      base.readlink ??
      ((path) =>
        Effect.flatMap(base.lstat(path), () =>
          Effect.fail(new VfsError({ reason: "Backend", op: "readlink", path, detail: "Invalid argument" })),
        )),
    write: (path) => refuse("write", path),
    mkdir: (path) => refuse("mkdir", path),
    remove: (path) => refuse("remove", path),
    rename: (from) => refuse("rename", from),
    copy: (_from, to) => refuse("copy", to),
    symlink: (_target, path) => refuse("symlink", path),
    setMtime: (path) => refuse("setMtime", path),
    truncate: (path) => refuse("truncate", path),
    close: base.close ?? Effect.void,
  }
}

const isReason =
  (...reasons: ReadonlyArray<VfsError["reason"]>) =>
  (error: VfsError): boolean =>
    reasons.includes(error.reason)

/** Concatenate chunks into one fresh array (always a copy, so callers own it). */
const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/** The parent of a normalized resource path ("/a/b" → "/a", "/a" → "/"). */
const parentOf = (path: string): string => {
  const i = path.lastIndexOf("/")
  return i <= 0 ? "/" : path.slice(0, i)
}

/**
 * Build a `Resource` from a backend's primitives, deriving the shared
 * operations once so they behave identically on every backend.
 *
 * @example
 * const resource = Resource.make({ kind: "ram", stat, lstat, list, read, write, ... })
 * yield* resource.mkdirp("/a/b/c")
 */
export const make = (primitives: Primitives): Resource => {
  const p = primitives

  const exists = (path: string): Effect.Effect<boolean, VfsError> =>
    p.stat(path).pipe(
      Effect.as(true),
      // `test -e` is false both for a missing entry and for a path through a file.
      Effect.catchIf(isReason("NotFound", "NotADirectory"), () => Effect.succeed(false)),
    )

  const readFile = (path: string): Effect.Effect<Uint8Array, VfsError> =>
    Effect.suspend(() => {
      const chunks: Array<Uint8Array> = []
      let size = 0
      return Stream.runForEachArray(p.read(path), (batch) =>
        Effect.sync(() => {
          for (const chunk of batch) {
            chunks.push(chunk)
            size += chunk.length
          }
        }),
      ).pipe(Effect.map(() => concat(chunks, size)))
    })

  const writeFile = (path: string, data: Uint8Array, options?: WriteOptions): Effect.Effect<void, VfsError> =>
    p.write(path, data.length === 0 ? Stream.empty : Stream.succeed(data), options)

  const mkdirp = (path: string): Effect.Effect<void, VfsError> =>
    p.stat(path).pipe(
      Effect.flatMap((st) =>
        st.type === "directory"
          ? Effect.void
          : Effect.fail(new VfsError({ reason: "AlreadyExists", op: "mkdir", path })),
      ),
      Effect.catchIf(isReason("NotFound"), () =>
        (path === "/" ? Effect.void : mkdirp(parentOf(path))).pipe(
          Effect.andThen(p.mkdir(path)),
          // Lost a race with another creator: fine as long as a directory is there now.
          Effect.catchIf(isReason("AlreadyExists"), (error) =>
            p.stat(path).pipe(Effect.flatMap((st) => (st.type === "directory" ? Effect.void : Effect.fail(error)))),
          ),
        ),
      ),
    )

  const removeRecursive = (path: string): Effect.Effect<void, VfsError> =>
    p.lstat(path).pipe(
      Effect.flatMap((st) =>
        st.type === "directory"
          ? p.list(path).pipe(
              Effect.flatMap((entries) =>
                Effect.forEach(
                  entries,
                  (entry) => removeRecursive(path === "/" ? `/${entry.name}` : `${path}/${entry.name}`),
                  {
                    concurrency: 8,
                    discard: true,
                  },
                ),
              ),
              Effect.andThen(p.remove(path)),
            )
          : p.remove(path),
      ),
    )

  const copyFile = (from: string, to: string): Effect.Effect<void, VfsError> =>
    p.copy(from, to).pipe(Effect.catchIf(isReason("NotSupported"), () => p.write(to, p.read(from))))

  const readSmall = p.readSmall ?? (() => Effect.succeed(undefined))

  return { ...p, exists, readFile, readSmall, writeFile, mkdirp, removeRecursive, copyFile }
}

/**
 * A base for backends exposed as classes (`new RAMResource()`): it holds the
 * members of a `Resource` built by `make`, so a subclass only passes one to
 * `super`.
 */
export abstract class ResourceBase implements Resource {
  readonly kind: string
  readonly stat: Resource["stat"]
  readonly lstat: Resource["lstat"]
  readonly list: Resource["list"]
  readonly read: Resource["read"]
  readonly write: Resource["write"]
  readonly mkdir: Resource["mkdir"]
  readonly remove: Resource["remove"]
  readonly rename: Resource["rename"]
  readonly copy: Resource["copy"]
  readonly symlink: Resource["symlink"]
  readonly readlink: Resource["readlink"]
  readonly setMtime: Resource["setMtime"]
  readonly truncate: Resource["truncate"]
  readonly close: Resource["close"]
  readonly exists: Resource["exists"]
  readonly readFile: Resource["readFile"]
  readonly readSmall: Resource["readSmall"]
  readonly writeFile: Resource["writeFile"]
  readonly mkdirp: Resource["mkdirp"]
  readonly removeRecursive: Resource["removeRecursive"]
  readonly copyFile: Resource["copyFile"]

  constructor(resource: Resource) {
    this.kind = resource.kind
    this.stat = resource.stat
    this.lstat = resource.lstat
    this.list = resource.list
    this.read = resource.read
    this.write = resource.write
    this.mkdir = resource.mkdir
    this.remove = resource.remove
    this.rename = resource.rename
    this.copy = resource.copy
    this.symlink = resource.symlink
    this.readlink = resource.readlink
    this.setMtime = resource.setMtime
    this.truncate = resource.truncate
    this.close = resource.close
    this.exists = resource.exists
    this.readFile = resource.readFile
    this.readSmall = resource.readSmall
    this.writeFile = resource.writeFile
    this.mkdirp = resource.mkdirp
    this.removeRecursive = resource.removeRecursive
    this.copyFile = resource.copyFile
  }
}
