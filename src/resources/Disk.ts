import * as fs from "node:fs/promises"
import type { FileHandle } from "node:fs/promises"
import { lstatSync, readdirSync, readFileSync, readlinkSync, realpathSync } from "node:fs"
import type { Stats } from "node:fs"
import * as nodePath from "node:path"
import { Cause, Effect, Stream } from "effect"
import type { Layer } from "effect"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import * as Path from "../vfs/Path.ts"
import type { ByteRange, DirEntry, FileStat, Primitives, Resource, WriteOptions } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import type { Reason } from "../vfs/VfsError.ts"
import { details, errnoCode, fromNodeError } from "./disk/Errors.ts"
import * as Quick from "./disk/Quick.ts"
import { pump } from "./disk/Write.ts"

export { fromNodeError } from "./disk/Errors.ts"

/**
 * A directory of the host, mounted as a resource. Nothing outside `root` is
 * reachable: paths are normalized before they are joined to it, every
 * operation checks with `realpath` that what it touches is inside it, and a
 * symlink whose resolution leaves it fails with `PermissionDenied` (creating
 * such a link is allowed; following it is not). A check and the use it
 * guards either run in one synchronous step (the lookups: stat, list,
 * readlink, reading a small file) or together under one process-wide lock
 * that every change to the tree takes, so a script cannot win a race by
 * swapping a directory for a link in between (with `mv` in a background
 * loop, say); a process outside Mirage that changes the tree still can. Writes land in a temp file next to the target and are renamed
 * over it, so readers never see half a file and a failed or interrupted
 * write leaves the old content.
 */

/** Configuration of a disk resource. */
export interface DiskOptions {
  /** The host directory to expose; relative paths resolve against the working directory. */
  readonly root: string
}

/** The largest chunk a read gives (the resource contract's 64 KiB). */
const READ_CHUNK = 64 * 1024
/** Files up to this size are read whole, in one chunk. */
const SMALL_FILE = READ_CHUNK
/** Bigger files are read from the disk in blocks of this size (then handed out by chunks). */
const READ_BLOCK = 1024 * 1024
const MAX_SYMLINKS = 40

const statOf = (st: Stats): FileStat => ({
  type: st.isDirectory() ? "directory" : st.isSymbolicLink() ? "symlink" : "file",
  size: st.size,
  mtime: st.mtimeMs,
  mode: st.mode & 0o7777,
})

const closeQuietly = (handle: FileHandle): Effect.Effect<void> => Effect.promise(() => handle.close().catch(() => {}))

const unlinkQuietly = (host: string): Promise<void> => fs.unlink(host).catch(() => {})

/** A temp file name beside `host`, for a write that is renamed into place. */
const tempName = (host: string): string =>
  nodePath.join(nodePath.dirname(host), `.${nodePath.basename(host)}.${crypto.randomUUID()}.mirage-tmp`)

/**
 * One lock for every disk resource of the process. Each change to the tree,
 * and each step that resolves a path and then uses it across an await, runs
 * under it, so no other Mirage operation (a script's `mv` in a background
 * loop, say) can swap a directory for a link between the check and the use.
 * A lookup that checks and uses in one synchronous step needs no lock: no
 * other JavaScript runs in between, and it changes nothing another holder
 * relies on. Data moves through open handles outside it.
 */
let lockTail: Promise<unknown> = Promise.resolve()

const serialized = <A>(f: () => Promise<A>): Promise<A> => {
  const result = lockTail.then(f)
  lockTail = result.catch(() => undefined)
  return result
}

/** Where a path landed on the host; `st` (from lstat) is set only when following and the entry exists. */
interface Located {
  readonly host: string
  readonly st: Stats | undefined
}

const primitives = (options: DiskOptions): Primitives => {
  let rootPath: string | undefined
  /** The real path of the root, resolved once (and retried while it fails, e.g. before it is created). */
  const rootDir = (): string => (rootPath ??= realpathSync.native(nodePath.resolve(options.root)))

  const inside = (root: string, host: string): boolean =>
    root === "/" || host === root || (host.startsWith(root) && host.charCodeAt(root.length) === 47)

  const quick = Quick.make((real) => inside(rootDir(), real))

  /** A small file read the quick way (see disk/Quick.ts); `undefined` leaves it to `existing` and its checks. */
  const quickRead = (path: string, limit: number): Uint8Array | typeof Quick.LARGE | undefined => {
    const rel = Path.normalize(path)
    if (rel === "/") return undefined
    const root = rootDir()
    return quick.read(root === "/" ? rel : root + rel, limit)
  }

  const denied = (op: string, path: string): VfsError =>
    new VfsError({ reason: "PermissionDenied", op, path, detail: "outside the resource root" })

  /**
   * The host path for a resource path, checked to be inside the root. The
   * parent is resolved with `realpath`; the last segment is followed by hand
   * when `follow`, so that a dangling link to a new file is checked before a
   * write creates its target. Synchronous: these are metadata lookups on a
   * local disk (microseconds), where each asynchronous call is a trip through
   * the thread pool that costs several times more.
   */
  const locate = (path: string, follow: boolean, op: string): Located => {
    const root = rootDir()
    const rel = Path.normalize(path)
    let host = rel === "/" ? root : root === "/" ? rel : root + rel
    for (let hops = 0; ; hops++) {
      if (host === root) return { host, st: follow ? lstatSync(host) : undefined }
      let parent: string
      try {
        // The trailing slash makes a parent that is a file fail with ENOTDIR, as the kernel's lookup does.
        parent = realpathSync.native(nodePath.dirname(host) + "/")
      } catch (error) {
        // Whether a directory outside the root exists is not this resource's to tell.
        if (!inside(root, host)) throw denied(op, path)
        throw error
      }
      if (!inside(root, parent)) throw denied(op, path)
      const candidate = nodePath.join(parent, nodePath.basename(host))
      if (!follow) return { host: candidate, st: undefined }
      const st = lstatSync(candidate, { throwIfNoEntry: false })
      if (st === undefined || !st.isSymbolicLink()) return { host: candidate, st }
      if (hops >= MAX_SYMLINKS) throw new VfsError({ reason: "Backend", op, path, detail: details.ELOOP })
      host = nodePath.resolve(parent, readlinkSync(candidate))
    }
  }

  const attempt = <A>(op: string, path: string, f: () => Promise<A>): Effect.Effect<A, VfsError> =>
    Effect.tryPromise({ try: f, catch: (error) => fromNodeError(error, op, path) })

  /** A lookup whose check and use run in one synchronous step, so it needs no lock. */
  const atOnce = <A>(op: string, path: string, f: () => A): Effect.Effect<A, VfsError> =>
    Effect.try({ try: f, catch: (error) => fromNodeError(error, op, path) })

  /** `attempt` under the process-wide lock: for every change, and every check whose use awaits. */
  const guarded = <A>(op: string, path: string, f: () => Promise<A>): Effect.Effect<A, VfsError> =>
    attempt(op, path, () => serialized(f))

  const fail = (reason: Reason, op: string, path: string, detail?: string): VfsError =>
    new VfsError({ reason, op, path, detail })

  /** An existing entry, followed. */
  const existing = (path: string, op: string): { readonly host: string; readonly st: Stats } => {
    const { host, st } = locate(path, true, op)
    if (st === undefined) throw fail("NotFound", op, path)
    return { host, st }
  }

  const isRoot = (path: string): boolean => Path.normalize(path) === "/"

  const stat = (path: string) => atOnce("stat", path, () => statOf(existing(path, "stat").st))

  const lstat = (path: string) => atOnce("lstat", path, () => statOf(lstatSync(locate(path, false, "lstat").host)))

  const list = (path: string) =>
    atOnce("list", path, (): ReadonlyArray<DirEntry> => {
      const { host, st } = existing(path, "list")
      if (!st.isDirectory()) throw fail("NotADirectory", "list", path)
      const entries = readdirSync(host, { withFileTypes: true })
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.isDirectory() ? "directory" : entry.isSymbolicLink() ? "symlink" : "file",
      }))
    })

  /**
   * A regular file of at most `limit` bytes, located and read in one
   * synchronous step (the quick way first); `undefined` for anything else
   * that is not an error. (An empty file is read to its end: /proc files say 0.)
   */
  const wholeIfSmall = (path: string, limit: number): Uint8Array | undefined => {
    const fast = quickRead(path, limit)
    if (fast === Quick.LARGE) return undefined
    if (fast !== undefined) return fast
    const { host, st } = existing(path, "read")
    if (st.isDirectory()) throw fail("IsADirectory", "read", path)
    return st.isFile() && st.size <= limit ? readFileSync(host) : undefined
  }

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      Effect.gen(function* () {
        // A small regular file is located and read whole in one synchronous step: each
        // asynchronous step (open, read, close) is a trip through the thread pool that costs more
        // than the read itself, and a search over a tree of small files pays them per file.
        const small = (st: Stats): boolean => st.isFile() && st.size > 0 && st.size <= SMALL_FILE
        let whole = yield* atOnce("read", path, () => wholeIfSmall(path, SMALL_FILE))
        // Anything else is opened under the lock (the open awaits); the handle then holds the
        // file whatever happens to its path.
        let size = 0
        const handle = yield* Effect.acquireRelease(
          whole !== undefined
            ? Effect.succeed(undefined)
            : guarded("read", path, async () => {
                const { host, st } = existing(path, "read")
                if (st.isDirectory()) throw fail("IsADirectory", "read", path)
                size = st.isFile() ? st.size : 0
                // (it may have become small since the first look)
                if (small(st)) {
                  whole = readFileSync(host)
                  return undefined
                }
                return fs.open(host, "r")
              }),
          (h) => (h === undefined ? Effect.void : closeQuietly(h)),
        )
        if (handle === undefined) {
          const data = whole ?? new Uint8Array(0)
          const from = Math.min(Math.max(range?.start ?? 0, 0), data.length)
          const to = Math.min(Math.max(range?.end ?? data.length, from), data.length)
          // (a file that grew since the stat is still handed out in chunks of at most READ_CHUNK)
          const pieces: Array<Uint8Array> = []
          for (let at = from; at < to; at += READ_CHUNK) pieces.push(data.subarray(at, Math.min(to, at + READ_CHUNK)))
          return Stream.fromIterable(pieces)
        }
        // A regular file is read up to the size it had when opened, as fs.readFile does: no read
        // just to see the end. Files of unknown size (size 0: /proc, pipes) are read to the end.
        const end = range?.end ?? (size > 0 ? size : undefined)
        let position = Math.max(range?.start ?? 0, 0)
        // Reads go to the disk in blocks of up to READ_BLOCK, each into a fresh buffer (downstream
        // keeps chunks), handed out as chunks of READ_CHUNK. The next block is read while the
        // consumer works through the current one: each read is a trip through the thread pool.
        const readBlock = async (): Promise<Uint8Array | undefined> => {
          const want = end === undefined ? READ_BLOCK : Math.min(READ_BLOCK, end - position)
          if (want <= 0) return undefined
          const buf = new Uint8Array(want)
          const { bytesRead } = await handle.read(buf, 0, want, position)
          position += bytesRead
          return bytesRead === 0 ? undefined : buf.subarray(0, bytesRead)
        }
        let ahead: Promise<Uint8Array | undefined> | undefined
        const refill = attempt("read", path, async () => {
          const next = await (ahead ?? readBlock())
          ahead = undefined
          if (next !== undefined && (end === undefined || position < end)) {
            ahead = readBlock()
            // observed when awaited; this keeps an abandoned read's failure from going unhandled
            ahead.catch(() => {})
          }
          return next
        })
        let block: Uint8Array = new Uint8Array(0)
        let at = 0
        let finished = false
        return Stream.fromPull(
          Effect.succeed(
            Effect.suspend(() => {
              if (at < block.length) {
                const chunk = block.subarray(at, at + READ_CHUNK)
                at += chunk.length
                const out: readonly [Uint8Array] = [chunk]
                return Effect.succeed(out)
              }
              if (finished) return Cause.done()
              return Effect.flatMap(refill, (next) => {
                if (next === undefined) {
                  finished = true
                  return Cause.done()
                }
                block = next
                at = Math.min(READ_CHUNK, next.length)
                const out: readonly [Uint8Array] = [next.subarray(0, at)]
                return Effect.succeed(out)
              })
            }),
          ),
        )
      }),
    )

  const readSmall = (path: string, limit: number) => atOnce("read", path, () => wholeIfSmall(path, limit))

  /** Where a write lands, checked: an existing directory or a taken name (exclusive) fails. */
  const target = (path: string, exclusive: boolean): Located => {
    if (exclusive) {
      const { host } = locate(path, false, "write")
      if (lstatSync(host, { throwIfNoEntry: false }) !== undefined) throw fail("AlreadyExists", "write", path)
    }
    const located = locate(path, true, "write")
    if (located.st?.isDirectory()) throw fail("IsADirectory", "write", path)
    return located
  }

  const appendTo = <E>(path: string, data: Stream.Stream<Uint8Array, E>) =>
    // Appends go straight to the file, as `>>` does in bash: copying the file to append atomically would make a loop of `>>` quadratic.
    Effect.acquireUseRelease(
      guarded("write", path, async () => fs.open(target(path, false).host, "a")),
      (handle) => pump(path, handle, data, false),
      closeQuietly,
    )

  /**
   * Stream into a temp file beside the target, then move it into place. The
   * temp file is created, and later renamed or removed, under the lock with
   * the target located afresh each time, so the directory it sits in cannot
   * have been swapped for a link in between. A failure or an interruption
   * removes the temp file and leaves the old content.
   */
  const replace = <E>(
    op: string,
    path: string,
    exclusive: boolean,
    fill: (handle: FileHandle) => Effect.Effect<void, VfsError | E>,
  ): Effect.Effect<void, VfsError | E> =>
    Effect.suspend(() => {
      let committed = false
      return Effect.acquireUseRelease(
        guarded(op, path, async () => {
          const located = target(path, exclusive)
          const temp = tempName(located.host)
          // A rewrite keeps the file's permissions, as `>` on an existing file does.
          const mode = located.st === undefined ? undefined : located.st.mode & 0o7777
          return { host: located.host, temp, mode, handle: await fs.open(temp, "wx", 0o666) }
        }),
        ({ host, temp, mode, handle }) =>
          Effect.andThen(
            fill(handle),
            guarded(op, path, async () => {
              // The directory must still be the real one it was: a link swapped in for it (or for one of
              // its parents) while the data was written would send the rename somewhere else. The name
              // itself may have changed; rename and link replace or refuse it without following it.
              const dir = nodePath.dirname(host)
              if (realpathSync.native(dir) !== dir)
                throw fail("Conflict", op, path, "the destination moved during the write")
              if (mode !== undefined) await fs.chmod(temp, mode)
              if (exclusive) {
                // link(2) fails if the name exists, which a rename would silently replace.
                await fs.link(temp, host)
                await fs.unlink(temp)
              } else await fs.rename(temp, host)
              committed = true
            }),
          ),
        ({ temp, handle }) =>
          Effect.andThen(
            closeQuietly(handle),
            Effect.suspend(() =>
              committed ? Effect.void : Effect.promise(() => serialized(() => unlinkQuietly(temp))),
            ),
          ),
      )
    })

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> =>
    options?.append
      ? appendTo(path, data)
      : replace("write", path, options?.exclusive === true, (handle) => pump(path, handle, data, true))

  const mkdir = (path: string) =>
    guarded("mkdir", path, async () => {
      if (isRoot(path)) throw fail("AlreadyExists", "mkdir", path)
      await fs.mkdir(locate(path, false, "mkdir").host)
    })

  const remove = (path: string) =>
    guarded("remove", path, async () => {
      if (isRoot(path)) throw fail("Conflict", "remove", path, details.EBUSY)
      const { host } = locate(path, false, "remove")
      const st = await fs.lstat(host)
      if (st.isDirectory()) await fs.rmdir(host)
      else await fs.unlink(host)
    })

  /** Run `f`, naming `path` in the error it throws (the others name the operation's main path). */
  const about = <A>(op: string, path: string, f: () => A): A => {
    try {
      return f()
    } catch (error) {
      throw fromNodeError(error, op, path)
    }
  }

  /** `about` for an asynchronous `f`. */
  const aboutAsync = <A>(op: string, path: string, f: () => Promise<A>): Promise<A> =>
    f().catch((error: unknown) => {
      throw fromNodeError(error, op, path)
    })

  const rename = (from: string, to: string) =>
    guarded("rename", to, async () => {
      if (isRoot(from) || isRoot(to)) throw fail("Conflict", "rename", isRoot(from) ? from : to, details.EBUSY)
      const source = about("rename", from, () => locate(from, false, "rename"))
      const target = locate(to, false, "rename")
      // rename(2) does not say which side a missing entry is on; the source is the one that must exist.
      await fs.rename(source.host, target.host).catch((error: unknown) => {
        throw errnoCode(error) === "ENOENT" ? fail("NotFound", "rename", from) : error
      })
    })

  // One critical section from the checks to the rename: a large copy holds the lock while the kernel copies.
  const copy = (from: string, to: string) =>
    guarded("copy", to, async () => {
      const source = about("copy", from, () => existing(from, "copy"))
      if (source.st.isDirectory()) throw fail("IsADirectory", "copy", from)
      const target = locate(to, true, "copy")
      if (target.st?.isDirectory()) throw fail("IsADirectory", "copy", to)
      if (target.host === source.host) return
      const temp = tempName(target.host)
      try {
        // copyFile lets the kernel move the bytes (copy_file_range, reflinks) without passing through JS.
        await aboutAsync("copy", from, () => fs.copyFile(source.host, temp, fs.constants.COPYFILE_EXCL))
        // cp keeps an existing destination's permissions; a new one gets the source's.
        if (target.st !== undefined) await fs.chmod(temp, target.st.mode & 0o7777)
        await fs.rename(temp, target.host)
      } catch (error) {
        await unlinkQuietly(temp)
        throw error
      }
    })

  const symlink = (target: string, path: string) =>
    guarded("symlink", path, async () => {
      if (isRoot(path)) throw fail("AlreadyExists", "symlink", path)
      await fs.symlink(target, locate(path, false, "symlink").host)
    })

  const readlink = (path: string) => atOnce("readlink", path, () => readlinkSync(locate(path, false, "readlink").host))

  const setMtime = (path: string, mtime: number) =>
    guarded("setMtime", path, async () => {
      const { host, st } = existing(path, "setMtime")
      // lutimes: the entry is known not to be a link, and must not become one that leads outside.
      await fs.lutimes(host, st.atime, new Date(mtime))
    })

  const truncate = (path: string, size: number) =>
    guarded("truncate", path, async () => {
      const { host, st } = existing(path, "truncate")
      if (st.isDirectory()) throw fail("IsADirectory", "truncate", path)
      await fs.truncate(host, size)
    })

  return {
    kind: "disk",
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

/** A resource over the host directory `options.root`. */
export const make = (options: DiskOptions): Resource => makeResource(primitives(options))

/**
 * A host directory as a resource.
 *
 * @example
 * const ns = Namespace.make([{ prefix: "/work", resource: new DiskResource({ root: "./work" }), mode: MountMode.WRITE }])
 */
export class DiskResource extends ResourceBase {
  constructor(options: DiskOptions) {
    super(make(options))
  }
}

/** A namespace with the host directory `options.root` mounted at `prefix` (writable by default). */
export const layer = (options: DiskOptions, prefix = "/", mode: MountMode = MountMode.WRITE): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: make(options), mode }])
