import * as fs from "node:fs/promises"
import type { FileHandle } from "node:fs/promises"
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

/**
 * A directory of the host, mounted as a resource. Nothing outside `root` is
 * reachable: paths are normalized before they are joined to it, every
 * operation checks with `realpath` that what it touches is inside it, and a
 * symlink whose resolution leaves it fails with `PermissionDenied` (creating
 * such a link is allowed; following it is not). Writes land in a temp file
 * next to the target and are renamed over it, so readers never see half a
 * file. The checks cannot stop a process outside Mirage that swaps a
 * directory for a symlink between a check and its use.
 */

/** Configuration of a disk resource. */
export interface DiskOptions {
  /** The host directory to expose; relative paths resolve against the working directory. */
  readonly root: string
}

const CHUNK_SIZE = 64 * 1024
const MAX_SYMLINKS = 40

const errnoCode = (error: unknown): string | undefined =>
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
    default:
      return "Backend"
  }
}

/** strerror text for the codes that have no reason of their own, so `detail` reads like coreutils. */
const details: Readonly<Record<string, string>> = {
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

const statOf = (st: Stats): FileStat => ({
  type: st.isDirectory() ? "directory" : st.isSymbolicLink() ? "symlink" : "file",
  size: st.size,
  mtime: st.mtimeMs,
  mode: st.mode & 0o7777,
})

/** Write all of `chunk`: a write may be partial. */
const writeAll = async (handle: FileHandle, chunk: Uint8Array): Promise<void> => {
  for (let offset = 0; offset < chunk.length;) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset)
    offset += bytesWritten
  }
}

const closeQuietly = (handle: FileHandle): Effect.Effect<void> => Effect.promise(() => handle.close().catch(() => {}))

const unlinkQuietly = (host: string): Promise<void> => fs.unlink(host).catch(() => {})

/** Where a path landed on the host; `st` (from lstat) is set only when following and the entry exists. */
interface Located {
  readonly host: string
  readonly st: Stats | undefined
}

const primitives = (options: DiskOptions): Primitives => {
  let rootPromise: Promise<string> | undefined
  /** The real path of the root, resolved once (and retried while it fails, e.g. before it is created). */
  const rootDir = (): Promise<string> => {
    rootPromise ??= fs.realpath(nodePath.resolve(options.root)).catch((error: unknown) => {
      rootPromise = undefined
      throw error
    })
    return rootPromise
  }

  const inside = (root: string, host: string): boolean =>
    root === "/" || host === root || (host.startsWith(root) && host.charCodeAt(root.length) === 47)

  const denied = (op: string, path: string): VfsError =>
    new VfsError({ reason: "PermissionDenied", op, path, detail: "outside the resource root" })

  /**
   * The host path for a resource path, checked to be inside the root. The
   * parent is resolved with `realpath`; the last segment is followed by hand
   * when `follow`, so that a dangling link to a new file is checked before a
   * write creates its target.
   */
  const locate = async (path: string, follow: boolean, op: string): Promise<Located> => {
    const root = await rootDir()
    const rel = Path.normalize(path)
    let host = rel === "/" ? root : root === "/" ? rel : root + rel
    for (let hops = 0; ; hops++) {
      if (host === root) return { host, st: follow ? await fs.lstat(host) : undefined }
      let parent: string
      try {
        // The trailing slash makes a parent that is a file fail with ENOTDIR, as the kernel's lookup does.
        parent = await fs.realpath(nodePath.dirname(host) + "/")
      } catch (error) {
        // Whether a directory outside the root exists is not this resource's to tell.
        if (!inside(root, host)) throw denied(op, path)
        throw error
      }
      if (!inside(root, parent)) throw denied(op, path)
      const candidate = nodePath.join(parent, nodePath.basename(host))
      if (!follow) return { host: candidate, st: undefined }
      let st: Stats
      try {
        st = await fs.lstat(candidate)
      } catch (error) {
        if (errnoCode(error) === "ENOENT") return { host: candidate, st: undefined }
        throw error
      }
      if (!st.isSymbolicLink()) return { host: candidate, st }
      if (hops >= MAX_SYMLINKS) throw new VfsError({ reason: "Backend", op, path, detail: details.ELOOP })
      host = nodePath.resolve(parent, await fs.readlink(candidate))
    }
  }

  const attempt = <A>(op: string, path: string, f: () => Promise<A>): Effect.Effect<A, VfsError> =>
    Effect.tryPromise({ try: f, catch: (error) => fromNodeError(error, op, path) })

  const fail = (reason: Reason, op: string, path: string, detail?: string): VfsError =>
    new VfsError({ reason, op, path, detail })

  /** An existing entry, followed. */
  const existing = async (path: string, op: string): Promise<{ readonly host: string; readonly st: Stats }> => {
    const { host, st } = await locate(path, true, op)
    if (st === undefined) throw fail("NotFound", op, path)
    return { host, st }
  }

  const isRoot = (path: string): boolean => Path.normalize(path) === "/"

  const stat = (path: string) => attempt("stat", path, async () => statOf((await existing(path, "stat")).st))

  const lstat = (path: string) =>
    attempt("lstat", path, async () => statOf(await fs.lstat((await locate(path, false, "lstat")).host)))

  const list = (path: string) =>
    attempt("list", path, async (): Promise<ReadonlyArray<DirEntry>> => {
      const { host, st } = await existing(path, "list")
      if (!st.isDirectory()) throw fail("NotADirectory", "list", path)
      const entries = await fs.readdir(host, { withFileTypes: true })
      return entries.map((entry) => ({
        name: entry.name,
        type: entry.isDirectory() ? "directory" : entry.isSymbolicLink() ? "symlink" : "file",
      }))
    })

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      Effect.gen(function* () {
        const handle = yield* Effect.acquireRelease(
          attempt("read", path, async () => {
            const { host, st } = await existing(path, "read")
            if (st.isDirectory()) throw fail("IsADirectory", "read", path)
            return fs.open(host, "r")
          }),
          closeQuietly,
        )
        const end = range?.end
        let position = Math.max(range?.start ?? 0, 0)
        const next = attempt("read", path, async () => {
          const want = end === undefined ? CHUNK_SIZE : Math.min(CHUNK_SIZE, end - position)
          if (want <= 0) return undefined
          // A fresh buffer per chunk: downstream keeps chunks, so none can be reused.
          const buf = new Uint8Array(want)
          const { bytesRead } = await handle.read(buf, 0, want, position)
          position += bytesRead
          return bytesRead === 0 ? undefined : bytesRead === want ? buf : buf.subarray(0, bytesRead)
        })
        return Stream.fromPull(
          Effect.succeed(
            Effect.flatMap(next, (chunk) => {
              if (chunk === undefined) return Cause.done()
              const out: readonly [Uint8Array] = [chunk]
              return Effect.succeed(out)
            }),
          ),
        )
      }),
    )

  const appendTo = <E>(path: string, host: string, data: Stream.Stream<Uint8Array, E>) =>
    // Appends go straight to the file, as `>>` does in bash: copying the file to append atomically would make a loop of `>>` quadratic.
    Effect.acquireUseRelease(
      attempt("write", path, () => fs.open(host, "a")),
      (handle) =>
        Stream.runForEachArray(data, (batch) =>
          attempt("write", path, async () => {
            for (const chunk of batch) await writeAll(handle, chunk)
          }),
        ).pipe(Effect.andThen(attempt("write", path, () => handle.close()))),
      closeQuietly,
    )

  /** Stream into a temp file beside `host`, then move it into place; a failure removes the temp file. */
  const replace = <E>(
    op: string,
    path: string,
    host: string,
    fill: (temp: string) => Effect.Effect<void, VfsError | E>,
    options: { readonly mode: number | undefined; readonly exclusive: boolean },
  ): Effect.Effect<void, VfsError | E> => {
    const temp = nodePath.join(nodePath.dirname(host), `.${nodePath.basename(host)}.${crypto.randomUUID()}.mirage-tmp`)
    let committed = false
    return fill(temp).pipe(
      Effect.andThen(
        attempt(op, path, async () => {
          if (options.mode !== undefined) await fs.chmod(temp, options.mode)
          if (options.exclusive) {
            // link(2) fails if the name exists, which a rename would silently replace.
            await fs.link(temp, host)
            await fs.unlink(temp)
          } else await fs.rename(temp, host)
          committed = true
        }),
      ),
      Effect.onExit(() => (committed ? Effect.void : Effect.promise(() => unlinkQuietly(temp)))),
    )
  }

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> =>
    Effect.gen(function* () {
      const exclusive = options?.exclusive === true
      // Fail before consuming the input, as the shell opens a redirect target before running the command.
      const { host, st } = yield* attempt("write", path, async () => {
        if (exclusive) {
          const { host } = await locate(path, false, "write")
          const taken = await fs.lstat(host).then(
            () => true,
            (error: unknown) => {
              if (errnoCode(error) === "ENOENT") return false
              throw error
            },
          )
          if (taken) throw fail("AlreadyExists", "write", path)
        }
        const located = await locate(path, true, "write")
        if (located.st?.isDirectory()) throw fail("IsADirectory", "write", path)
        return located
      })
      if (options?.append) return yield* appendTo(path, host, data)
      yield* replace(
        "write",
        path,
        host,
        (temp) =>
          Effect.acquireUseRelease(
            attempt("write", path, () => fs.open(temp, "wx", 0o666)),
            (handle) =>
              Stream.runForEachArray(data, (batch) =>
                attempt("write", path, async () => {
                  for (const chunk of batch) await writeAll(handle, chunk)
                }),
              ).pipe(Effect.andThen(attempt("write", path, () => handle.close()))),
            closeQuietly,
          ),
        // A rewrite keeps the file's permissions, as `>` on an existing file does.
        { mode: st === undefined ? undefined : st.mode & 0o7777, exclusive },
      )
    })

  const mkdir = (path: string) =>
    attempt("mkdir", path, async () => {
      if (isRoot(path)) throw fail("AlreadyExists", "mkdir", path)
      await fs.mkdir((await locate(path, false, "mkdir")).host)
    })

  const remove = (path: string) =>
    attempt("remove", path, async () => {
      if (isRoot(path)) throw fail("Conflict", "remove", path, details.EBUSY)
      const { host } = await locate(path, false, "remove")
      const st = await fs.lstat(host)
      if (st.isDirectory()) await fs.rmdir(host)
      else await fs.unlink(host)
    })

  const rename = (from: string, to: string) =>
    Effect.gen(function* () {
      if (isRoot(from) || isRoot(to))
        return yield* Effect.fail(fail("Conflict", "rename", isRoot(from) ? from : to, details.EBUSY))
      const source = yield* attempt("rename", from, () => locate(from, false, "rename"))
      const target = yield* attempt("rename", to, () => locate(to, false, "rename"))
      // rename(2) does not say which side a missing entry is on; the source is the one that must exist.
      yield* attempt("rename", to, () => fs.rename(source.host, target.host)).pipe(
        Effect.mapError((error) => (error.reason === "NotFound" ? fail("NotFound", "rename", from) : error)),
      )
    })

  const copy = (from: string, to: string) =>
    Effect.gen(function* () {
      const source = yield* attempt("copy", from, () => existing(from, "copy"))
      if (source.st.isDirectory()) return yield* Effect.fail(fail("IsADirectory", "copy", from))
      const target = yield* attempt("copy", to, () => locate(to, true, "copy"))
      if (target.st?.isDirectory()) return yield* Effect.fail(fail("IsADirectory", "copy", to))
      if (target.host === source.host) return
      // copyFile lets the kernel move the bytes (copy_file_range, reflinks) without passing through JS.
      yield* replace(
        "copy",
        to,
        target.host,
        (temp) => attempt("copy", from, () => fs.copyFile(source.host, temp, fs.constants.COPYFILE_EXCL)),
        // cp keeps an existing destination's permissions; a new one gets the source's.
        { mode: target.st === undefined ? undefined : target.st.mode & 0o7777, exclusive: false },
      )
    })

  const symlink = (target: string, path: string) =>
    attempt("symlink", path, async () => {
      if (isRoot(path)) throw fail("AlreadyExists", "symlink", path)
      await fs.symlink(target, (await locate(path, false, "symlink")).host)
    })

  const readlink = (path: string) =>
    attempt("readlink", path, async () => fs.readlink((await locate(path, false, "readlink")).host))

  const setMtime = (path: string, mtime: number) =>
    attempt("setMtime", path, async () => {
      const { host, st } = await existing(path, "setMtime")
      // lutimes: the entry is known not to be a link, and must not become one that leads outside.
      await fs.lutimes(host, st.atime, new Date(mtime))
    })

  const truncate = (path: string, size: number) =>
    attempt("truncate", path, async () => {
      const { host, st } = await existing(path, "truncate")
      if (st.isDirectory()) throw fail("IsADirectory", "truncate", path)
      await fs.truncate(host, size)
    })

  return {
    kind: "disk",
    stat,
    lstat,
    list,
    read,
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
