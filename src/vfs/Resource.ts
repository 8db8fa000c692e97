import type { Effect, Stream } from "effect"
import type { VfsError } from "./VfsError.ts"

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
}

/** One entry of a directory listing. */
export interface DirEntry {
  readonly name: string
  readonly type: FileType
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
  readonly writeFile: (path: string, data: Uint8Array, options?: WriteOptions) => Effect.Effect<void, VfsError>
  /** `mkdir -p`: create missing parents; an existing directory is fine. */
  readonly mkdirp: (path: string) => Effect.Effect<void, VfsError>
  /** `rm -r`: remove a tree. */
  readonly removeRecursive: (path: string) => Effect.Effect<void, VfsError>
  /** Copy a file: server-side when the backend can, streamed otherwise. */
  readonly copyFile: (from: string, to: string) => Effect.Effect<void, VfsError>
}
