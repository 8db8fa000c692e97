import { Cause, Effect, Stream } from "effect"
import type { Layer } from "effect"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { ByteRange, DirEntry, FileStat, Primitives, Resource, WriteOptions } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import type { Reason } from "../vfs/VfsError.ts"

/**
 * The in-memory resource: the reference model every other backend is tested
 * against. A tree of nodes; errors are named as POSIX names them; symlinks
 * resolve inside the resource (absolute targets from its root).
 */

/** Largest chunk `read` emits. Chunks are views into the file, never copies. */
const CHUNK_SIZE = 64 * 1024

/** As Linux's MAXSYMLINKS: following more links than this is a loop. */
const MAX_SYMLINKS = 40

/**
 * File content lives in `buf[0, size)`. Readers keep views of that range, so
 * bytes below `size` never change in place: a rewrite or truncate installs a
 * new buffer, and an append only fills the spare capacity past `size`, which
 * makes a loop of `>>` amortized linear instead of quadratic.
 */
interface FileNode {
  readonly kind: "file"
  buf: Uint8Array
  size: number
  mtime: number
  mode: number
}

interface DirNode {
  readonly kind: "directory"
  readonly children: Map<string, Node>
  mtime: number
  mode: number
}

interface LinkNode {
  readonly kind: "symlink"
  readonly target: string
  mtime: number
  mode: number
}

type Node = FileNode | DirNode | LinkNode

/**
 * Where a path led. `node` is undefined when only the last segment is
 * missing (a name that can be created in `parent`); `parent` is undefined for
 * the root. `ancestors` are the directories walked through, root first,
 * ending with `parent`.
 */
interface Found {
  readonly parent: DirNode | undefined
  readonly name: string
  readonly node: Node | undefined
  readonly ancestors: ReadonlyArray<DirNode>
}

const fail = (reason: Reason, op: string, path: string, detail?: string): VfsError =>
  new VfsError({ reason, op, path, detail })

/** Run synchronous tree code that throws `VfsError`; anything else stays a defect. */
const run = <A>(f: () => A): Effect.Effect<A, VfsError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(f())
    } catch (error) {
      if (error instanceof VfsError) return Effect.fail(error)
      throw error
    }
  })

const encoder = new TextEncoder()

const statOf = (node: Node): FileStat => {
  switch (node.kind) {
    case "file":
      return { type: "file", size: node.size, mtime: node.mtime, mode: node.mode }
    case "directory":
      // What ext4 reports, so `ls -l` looks as it does on a disk.
      return { type: "directory", size: 4096, mtime: node.mtime, mode: node.mode }
    case "symlink":
      return { type: "symlink", size: encoder.encode(node.target).length, mtime: node.mtime, mode: node.mode }
  }
}

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

const newFile = (buf: Uint8Array, now: number): FileNode => ({
  kind: "file",
  buf,
  size: buf.length,
  mtime: now,
  mode: 0o644,
})

const newDir = (now: number): DirNode => ({ kind: "directory", children: new Map(), mtime: now, mode: 0o755 })

/** Configuration of a RAM resource. */
export interface RAMOptions {
  /**
   * Quota: the most bytes its files may hold together (default 1 GiB, so a
   * runaway script cannot exhaust the host's memory). A write past it fails
   * with `QuotaExceeded` ("Disk quota exceeded") and leaves the old content.
   * `Infinity` removes the quota.
   */
  readonly maxBytes?: number | undefined
}

/** The default quota of a RAM resource. */
export const DEFAULT_MAX_BYTES = 1024 * 1024 * 1024

/** Build the primitives over a fresh, empty tree. */
const primitives = (options: RAMOptions = {}): Primitives => {
  const root = newDir(Date.now())
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  /** Bytes held by files now. */
  let used = 0

  /** Fail unless the files may grow by `delta` bytes. */
  const reserve = (op: string, path: string, delta: number): void => {
    if (delta > 0 && used + delta > maxBytes) throw fail("QuotaExceeded", op, path)
  }

  /** The bytes a node holds (files only). */
  const sizeOf = (node: Node | undefined): number => (node?.kind === "file" ? node.size : 0)

  /**
   * Resolve a path segment by segment. Intermediate symlinks are always
   * followed, the last one only when `followLast`; ".." in a link target goes
   * to the physical parent, as in the kernel.
   */
  const walk = (path: string, followLast: boolean, op: string): Found => {
    let ancestors: Array<DirNode> = [root]
    // Remaining segments, next one last, so a link target is spliced in with push.
    const pending = path
      .split("/")
      .filter((s) => s !== "")
      .reverse()
    let links = 0
    for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
      if (name === ".") continue
      if (name === "..") {
        if (ancestors.length > 1) ancestors.pop()
        continue
      }
      const dir = ancestors[ancestors.length - 1]
      const child = dir.children.get(name)
      const last = pending.length === 0
      if (child === undefined) {
        if (last) return { parent: dir, name, node: undefined, ancestors }
        throw fail("NotFound", op, path)
      }
      if (child.kind === "symlink" && (followLast || !last)) {
        if (++links > MAX_SYMLINKS) throw fail("Backend", op, path, "Too many levels of symbolic links")
        if (child.target.startsWith("/")) ancestors = [root]
        const segments = child.target.split("/")
        for (let i = segments.length - 1; i >= 0; i--) if (segments[i] !== "") pending.push(segments[i])
        continue
      }
      if (last) return { parent: dir, name, node: child, ancestors }
      if (child.kind !== "directory") throw fail("NotADirectory", op, path)
      ancestors.push(child)
    }
    // Ended on a directory without a final name: "/" itself, or a link target ending in "." or "..".
    const node = ancestors[ancestors.length - 1]
    return { parent: undefined, name: "", node, ancestors: ancestors.slice(0, -1) }
  }

  const existing = (path: string, followLast: boolean, op: string): Node => {
    const found = walk(path, followLast, op)
    if (found.node === undefined) throw fail("NotFound", op, path)
    return found.node
  }

  const fileAt = (path: string, op: string): FileNode => {
    const node = existing(path, true, op)
    if (node.kind === "directory") throw fail("IsADirectory", op, path)
    if (node.kind === "symlink") throw fail("Backend", op, path, "Too many levels of symbolic links")
    return node
  }

  /** Where a write lands: the followed path, checked before any byte is consumed. */
  const writeTarget = (path: string, options: WriteOptions | undefined): Found => {
    // O_CREAT|O_EXCL fails on any existing entry, a dangling symlink included.
    if (options?.exclusive && walk(path, false, "write").node !== undefined) throw fail("AlreadyExists", "write", path)
    const found = walk(path, true, "write")
    if (found.node !== undefined && found.node.kind !== "file") throw fail("IsADirectory", "write", path)
    return found
  }

  const append = (node: FileNode, chunks: ReadonlyArray<Uint8Array>, size: number): void => {
    const need = node.size + size
    if (need > node.buf.length) {
      const grown = new Uint8Array(Math.max(need, node.buf.length * 2, 64))
      grown.set(node.buf.subarray(0, node.size))
      node.buf = grown
    }
    let offset = node.size
    for (const chunk of chunks) {
      node.buf.set(chunk, offset)
      offset += chunk.length
    }
    node.size = need
  }

  /** How much a write of `size` bytes grows the files, given what is at its target now. */
  const growth = (found: Found, size: number, options: WriteOptions | undefined): number =>
    options?.append ? size : size - sizeOf(found.node)

  const commit = (path: string, chunks: ReadonlyArray<Uint8Array>, size: number, options?: WriteOptions): void => {
    // Re-resolve: the tree may have changed while the stream ran.
    const found = writeTarget(path, options)
    const delta = growth(found, size, options)
    reserve("write", path, delta)
    const now = Date.now()
    const node = found.node
    if (node !== undefined && node.kind === "file") {
      if (options?.append) append(node, chunks, size)
      else {
        node.buf = concat(chunks, size)
        node.size = size
      }
      node.mtime = now
      used += delta
      return
    }
    if (found.parent === undefined) throw fail("IsADirectory", "write", path)
    found.parent.children.set(found.name, newFile(concat(chunks, size), now))
    found.parent.mtime = now
    used += delta
  }

  const stat = (path: string) => run(() => statOf(existing(path, true, "stat")))

  const lstat = (path: string) => run(() => statOf(existing(path, false, "lstat")))

  const list = (path: string) =>
    run((): ReadonlyArray<DirEntry> => {
      const node = existing(path, true, "list")
      if (node.kind !== "directory") throw fail("NotADirectory", "list", path)
      return Array.from(node.children, ([name, child]) => ({ name, type: child.kind }))
    })

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      run(() => {
        const node = fileAt(path, "read")
        // Capture the content now: a later rewrite installs a new buffer and leaves this read consistent.
        const buf = node.buf
        const size = node.size
        const end = Math.min(Math.max(range?.end ?? size, 0), size)
        let position = Math.min(Math.max(range?.start ?? 0, 0), end)
        return Stream.fromPull(
          Effect.succeed(
            Effect.suspend(() => {
              if (position >= end) return Cause.done()
              const next = Math.min(position + CHUNK_SIZE, end)
              const chunk: readonly [Uint8Array] = [buf.subarray(position, next)]
              position = next
              return Effect.succeed(chunk)
            }),
          ),
        )
      }),
    )

  // The bytes as they are now: a rewrite installs a new buffer, an append writes only past `size`.
  const readSmall = (path: string, limit: number) =>
    run(() => {
      const node = fileAt(path, "read")
      return node.size <= limit ? node.buf.subarray(0, node.size) : undefined
    })

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> =>
    Effect.gen(function* () {
      // Fail before consuming the input, as the shell opens a redirect target before running the command.
      const target = yield* run(() => writeTarget(path, options))
      const chunks: Array<Uint8Array> = []
      let size = 0
      // Stop collecting as soon as the quota is passed, rather than hold it all first.
      yield* Stream.runForEachArray(data, (batch) =>
        run(() => {
          for (const chunk of batch) {
            chunks.push(chunk)
            size += chunk.length
          }
          reserve("write", path, growth(target, size, options))
        }),
      )
      yield* run(() => commit(path, chunks, size, options))
    })

  const mkdir = (path: string) =>
    run(() => {
      const found = walk(path, false, "mkdir")
      if (found.node !== undefined || found.parent === undefined) throw fail("AlreadyExists", "mkdir", path)
      const now = Date.now()
      found.parent.children.set(found.name, newDir(now))
      found.parent.mtime = now
    })

  const remove = (path: string) =>
    run(() => {
      const found = walk(path, false, "remove")
      if (found.node === undefined) throw fail("NotFound", "remove", path)
      if (found.parent === undefined) throw fail("Conflict", "remove", path, "Device or resource busy")
      if (found.node.kind === "directory" && found.node.children.size > 0) throw fail("NotEmpty", "remove", path)
      found.parent.children.delete(found.name)
      used -= sizeOf(found.node)
      found.parent.mtime = Date.now()
    })

  // The checks and their order follow Linux's renameat2.
  const rename = (from: string, to: string) =>
    run(() => {
      const source = walk(from, false, "rename")
      const target = walk(to, false, "rename")
      if (source.node === undefined) throw fail("NotFound", "rename", from)
      if (source.parent === undefined || target.parent === undefined)
        throw fail("Conflict", "rename", source.parent === undefined ? from : to, "Device or resource busy")
      const moving = source.node
      if (moving.kind === "directory" && target.ancestors.includes(moving))
        throw fail("Backend", "rename", to, "Invalid argument")
      const replaced = target.node
      if (replaced === moving) return
      if (replaced !== undefined) {
        if (replaced.kind === "directory" && source.ancestors.includes(replaced)) throw fail("NotEmpty", "rename", to)
        if (moving.kind === "directory" && replaced.kind !== "directory") throw fail("NotADirectory", "rename", to)
        if (moving.kind !== "directory" && replaced.kind === "directory") throw fail("IsADirectory", "rename", to)
        if (replaced.kind === "directory" && replaced.children.size > 0) throw fail("NotEmpty", "rename", to)
      }
      const now = Date.now()
      target.parent.children.set(target.name, moving)
      source.parent.children.delete(source.name)
      used -= sizeOf(replaced)
      target.parent.mtime = now
      source.parent.mtime = now
    })

  const copy = (from: string, to: string) =>
    run(() => {
      const source = fileAt(from, "copy")
      const target = walk(to, true, "copy")
      if (target.node !== undefined && target.node.kind !== "file") throw fail("IsADirectory", "copy", to)
      if (target.node === source) return
      const delta = source.size - sizeOf(target.node)
      reserve("copy", to, delta)
      const bytes = source.buf.slice(0, source.size)
      const now = Date.now()
      if (target.node !== undefined) {
        target.node.buf = bytes
        target.node.size = bytes.length
        target.node.mtime = now
        used += delta
        return
      }
      if (target.parent === undefined) throw fail("IsADirectory", "copy", to)
      target.parent.children.set(target.name, newFile(bytes, now))
      target.parent.mtime = now
      used += delta
    })

  const symlink = (target: string, path: string) =>
    run(() => {
      if (target === "") throw fail("NotFound", "symlink", path)
      const found = walk(path, false, "symlink")
      if (found.node !== undefined || found.parent === undefined) throw fail("AlreadyExists", "symlink", path)
      const now = Date.now()
      found.parent.children.set(found.name, { kind: "symlink", target, mtime: now, mode: 0o777 })
      found.parent.mtime = now
    })

  const readlink = (path: string) =>
    run(() => {
      const node = existing(path, false, "readlink")
      if (node.kind !== "symlink") throw fail("Backend", "readlink", path, "Invalid argument")
      return node.target
    })

  const setMtime = (path: string, mtime: number) =>
    run(() => {
      existing(path, true, "setMtime").mtime = mtime
    })

  const truncate = (path: string, size: number) =>
    run(() => {
      const node = fileAt(path, "truncate")
      if (!Number.isSafeInteger(size) || size < 0) throw fail("Backend", "truncate", path, "Invalid argument")
      reserve("truncate", path, size - node.size)
      // A new buffer, never a shrink in place: open readers hold views of the old bytes.
      let buf: Uint8Array
      try {
        buf = new Uint8Array(size)
      } catch {
        // More than an ArrayBuffer can hold: what ftruncate says past a file system's largest file.
        throw fail("FileTooLarge", "truncate", path)
      }
      buf.set(node.buf.subarray(0, Math.min(size, node.size)))
      used += size - node.size
      node.buf = buf
      node.size = size
      node.mtime = Date.now()
    })

  return {
    kind: "ram",
    stat,
    lstat,
    list,
    read,
    readSmall,
    write,
    mkdir,
    remove,
    rename,
    copy,
    symlink,
    readlink,
    setMtime,
    truncate,
    close: Effect.void,
  }
}

/** A fresh, empty in-memory resource. */
export const make = (options?: RAMOptions): Resource => makeResource(primitives(options))

/**
 * An in-memory filesystem, empty at construction, holding at most
 * `options.maxBytes` (default 1 GiB).
 *
 * @example
 * const ns = Namespace.make([{ prefix: "/data", resource: new RAMResource(), mode: MountMode.WRITE }])
 * const small = new RAMResource({ maxBytes: 10 * 1024 * 1024 })
 */
export class RAMResource extends ResourceBase {
  constructor(options?: RAMOptions) {
    super(make(options))
  }
}

/**
 * A namespace with one fresh RAM resource mounted at `prefix` (writable by
 * default): the quickest layer for tests and scratch space.
 */
export const layer = (prefix = "/", mode: MountMode = MountMode.WRITE): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: make(), mode }])
