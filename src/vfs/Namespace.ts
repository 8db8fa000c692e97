import type { Effect, Stream } from "effect"
import type { ByteRange, DirEntry, FileStat, Resource, WriteOptions } from "./Resource.ts"
import type { VfsError } from "./VfsError.ts"

/** Whether a mount accepts writes. */
export const MountMode = { READ: "read", WRITE: "write" } as const
export type MountMode = (typeof MountMode)[keyof typeof MountMode]

/** One entry of the mount table. `prefix` is normalized: "/" or "/a/b" (no trailing slash). */
export interface Mount {
  readonly prefix: string
  readonly resource: Resource
  readonly mode: MountMode
}

/**
 * The mount table and every filesystem operation on absolute namespace paths.
 *
 * Routing is by longest prefix. A directory that is a parent of a mount point
 * but belongs to no mount (or whose mount lacks it) exists and lists its child
 * mount points. Mutations on a read-only mount fail with `ReadOnly`. `rename`
 * and `copy` across mounts stream between resources. Errors carry the
 * namespace path and the mount prefix.
 */
export interface NamespaceShape {
  readonly mounts: () => ReadonlyArray<Mount>
  readonly addMount: (prefix: string, resource: Resource, mode: MountMode) => void
  readonly removeMount: (prefix: string) => boolean

  readonly stat: (path: string) => Effect.Effect<FileStat, VfsError>
  readonly lstat: (path: string) => Effect.Effect<FileStat, VfsError>
  readonly exists: (path: string) => Effect.Effect<boolean>
  /** Entries sorted by name (byte order), child mount points included. */
  readonly list: (path: string) => Effect.Effect<ReadonlyArray<DirEntry>, VfsError>
  readonly read: (path: string, range?: ByteRange) => Stream.Stream<Uint8Array, VfsError>
  readonly readFile: (path: string) => Effect.Effect<Uint8Array, VfsError>
  readonly write: <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ) => Effect.Effect<void, VfsError | E>
  readonly writeFile: (path: string, data: Uint8Array, options?: WriteOptions) => Effect.Effect<void, VfsError>
  readonly mkdir: (path: string, options?: { readonly recursive?: boolean }) => Effect.Effect<void, VfsError>
  /** Remove a file or empty directory; `recursive` removes a tree. */
  readonly remove: (path: string, options?: { readonly recursive?: boolean }) => Effect.Effect<void, VfsError>
  readonly rename: (from: string, to: string) => Effect.Effect<void, VfsError>
  /** Copy one file (server-side within a mount when possible). */
  readonly copyFile: (from: string, to: string) => Effect.Effect<void, VfsError>
  readonly symlink: (target: string, path: string) => Effect.Effect<void, VfsError>
  readonly readlink: (path: string) => Effect.Effect<string, VfsError>
  readonly setMtime: (path: string, mtime: number) => Effect.Effect<void, VfsError>
  readonly truncate: (path: string, size: number) => Effect.Effect<void, VfsError>
  /** Close every mounted resource. */
  readonly close: Effect.Effect<void>
}
