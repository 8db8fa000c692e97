import { Context, Effect, Layer, Stream } from "effect"
import * as Path from "./Path.ts"
import type { ByteRange, DirEntry, FileStat, Resource, WriteOptions } from "./Resource.ts"
import * as Transfer from "./Transfer.ts"
import { VfsError } from "./VfsError.ts"
import type { Reason } from "./VfsError.ts"

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
  /** The mount a path falls in and the path its resource sees; undefined when no mount covers it. */
  readonly route: (path: string) => Route | undefined

  readonly stat: (path: string) => Effect.Effect<FileStat, VfsError>
  readonly lstat: (path: string) => Effect.Effect<FileStat, VfsError>
  readonly exists: (path: string) => Effect.Effect<boolean>
  /** Entries sorted by name (byte order), child mount points included. */
  readonly list: (path: string) => Effect.Effect<ReadonlyArray<DirEntry>, VfsError>
  readonly read: (path: string, range?: ByteRange) => Stream.Stream<Uint8Array, VfsError>
  readonly readFile: (path: string) => Effect.Effect<Uint8Array, VfsError>
  /**
   * The whole of a file of at most `limit` bytes, when its backend can hand
   * it over in one step; `undefined` otherwise (then `read` it). Fails as
   * `read` does. The bytes may be the backend's own: do not change them.
   */
  readonly readSmall: (path: string, limit: number) => Effect.Effect<Uint8Array | undefined, VfsError>
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

/** A mount as given to `make`: the mode defaults to read-only, as a workspace's does. */
export interface MountInput {
  readonly prefix: string
  readonly resource: Resource
  readonly mode?: MountMode | undefined
}

/** Mounts as a list, or as a record from prefix to resource (all read-only). */
export type Mounts = Iterable<MountInput> | Readonly<Record<string, Resource>>

/** Where a namespace path lands: its mount and the path the resource sees ("/"-based). */
export interface Route {
  readonly mount: Mount
  readonly path: string
}

const isReason =
  (...reasons: ReadonlyArray<Reason>) =>
  (error: VfsError): boolean =>
    reasons.includes(error.reason)

const missing = isReason("NotFound", "NotADirectory")

const vfsError = (reason: Reason, op: string, path: string, mount?: string, detail?: string): VfsError =>
  new VfsError({ reason, op, path, mount, detail })

const BUSY = "Device or resource busy"
const NO_MOUNT = "not under any mount"

const toInputs = (mounts: Mounts | undefined): ReadonlyArray<MountInput> => {
  if (mounts === undefined) return []
  if (Symbol.iterator in mounts) return Array.from(mounts)
  return Object.entries(mounts).map(([prefix, resource]) => ({ prefix, resource }))
}

/**
 * Build a namespace over a mount table.
 *
 * @example
 * const ns = Namespace.make([
 *   { prefix: "/data", resource: new RAMResource(), mode: MountMode.WRITE },
 *   { prefix: "/docs", resource: new DiskResource({ root: "./docs" }) },
 * ])
 * yield* ns.writeFile("/data/a.txt", new TextEncoder().encode("hi\n"))
 */
export const make = (mounts?: Mounts): NamespaceShape => {
  /** Longest prefix first, so the first match is the route. */
  let table: Array<Mount> = []
  /** Mount points and their ancestors: directories that exist whatever the resources hold. */
  let synthesized = new Set<string>(["/"])
  /** For each synthesized directory, the names of its synthesized children. */
  let childMounts = new Map<string, Set<string>>()
  const createdAt = Date.now()
  const virtualDir: FileStat = { type: "directory", size: 4096, mtime: createdAt, mode: 0o755 }

  const rebuild = (): void => {
    table.sort((a, b) => b.prefix.length - a.prefix.length)
    synthesized = new Set(["/"])
    childMounts = new Map()
    for (const { prefix } of table) {
      synthesized.add(prefix)
      for (let p = prefix; p !== "/"; p = Path.dirname(p)) {
        const parent = Path.dirname(p)
        let names = childMounts.get(parent)
        if (names === undefined) childMounts.set(parent, (names = new Set()))
        names.add(Path.basename(p))
        synthesized.add(parent)
      }
    }
  }

  const addMount = (prefix: string, resource: Resource, mode: MountMode): void => {
    if (mode !== MountMode.READ && mode !== MountMode.WRITE) throw new TypeError(`invalid mount mode: ${String(mode)}`)
    const normalized = Path.normalize(prefix)
    table = table.filter((m) => m.prefix !== normalized)
    table.push({ prefix: normalized, resource, mode })
    rebuild()
  }

  const removeMount = (prefix: string): boolean => {
    const normalized = Path.normalize(prefix)
    const before = table.length
    table = table.filter((m) => m.prefix !== normalized)
    rebuild()
    return table.length !== before
  }

  for (const input of toInputs(mounts)) addMount(input.prefix, input.resource, input.mode ?? MountMode.READ)

  const route = (path: string): Route | undefined => {
    const p = Path.normalize(path)
    for (const mount of table) {
      if (Path.isWithin(mount.prefix, p)) return { mount, path: Path.relativeTo(mount.prefix, p) }
    }
    return undefined
  }

  /** The route of a path, or the error for a path no mount covers. */
  const routed = (op: string, path: string): Effect.Effect<Route, VfsError> => {
    const r = route(path)
    return r === undefined ? Effect.fail(vfsError("NotFound", op, path, undefined, NO_MOUNT)) : Effect.succeed(r)
  }

  /** The route of a path about to change; a read-only mount refuses. */
  const writable = (op: string, path: string): Effect.Effect<Route, VfsError> =>
    Effect.flatMap(routed(op, path), (r) =>
      r.mount.mode === MountMode.WRITE
        ? Effect.succeed(r)
        : Effect.fail(vfsError("ReadOnly", op, path, r.mount.prefix)),
    )

  /**
   * A synthesized parent may be missing from the resource that covers it
   * (`ls /a` shows the mount `/a/b`, but the root resource has no `/a`):
   * create it there before creating an entry in it, so that what `ls` shows
   * is also where one can write.
   */
  const ensureParent = (path: string, r: Route): Effect.Effect<void, VfsError> => {
    const parent = Path.dirname(path)
    if (parent === r.mount.prefix || !synthesized.has(parent)) return Effect.void
    return r.mount.resource
      .mkdirp(Path.relativeTo(r.mount.prefix, parent))
      .pipe(Effect.mapError(Transfer.retag(r.mount)))
  }

  const statWith =
    (op: "stat" | "lstat") =>
    (path: string): Effect.Effect<FileStat, VfsError> => {
      const p = Path.normalize(path)
      const r = route(p)
      if (!synthesized.has(p)) {
        if (r === undefined) return Effect.fail(vfsError("NotFound", op, p, undefined, NO_MOUNT))
        return r.mount.resource[op](r.path).pipe(Effect.mapError(Transfer.retag(r.mount)))
      }
      if (r === undefined) return Effect.succeed(virtualDir)
      // A synthesized directory is a directory even if the covering resource lacks it or has a file there.
      return r.mount.resource[op](r.path).pipe(
        Effect.map((st) => (st.type === "directory" ? st : virtualDir)),
        Effect.catchIf(missing, () => Effect.succeed(virtualDir)),
        Effect.mapError(Transfer.retag(r.mount)),
      )
    }

  const list = (path: string): Effect.Effect<ReadonlyArray<DirEntry>, VfsError> => {
    const p = Path.normalize(path)
    const r = route(p)
    const kids = childMounts.get(p)
    const isVirtual = synthesized.has(p)
    const merge = (entries: ReadonlyArray<DirEntry>): ReadonlyArray<DirEntry> => {
      const byName = new Map<string, DirEntry>()
      for (const entry of entries) byName.set(entry.name, entry)
      if (kids !== undefined) for (const name of kids) byName.set(name, { name, type: "directory" })
      return Array.from(byName.values()).sort((a, b) => Path.compareBytes(a.name, b.name))
    }
    if (r === undefined) {
      return isVirtual ? Effect.succeed(merge([])) : Effect.fail(vfsError("NotFound", "list", p, undefined, NO_MOUNT))
    }
    return r.mount.resource.list(r.path).pipe(
      Effect.catchIf(
        (error) => isVirtual && missing(error),
        () => Effect.succeed([]),
      ),
      Effect.map(merge),
      Effect.mapError(Transfer.retag(r.mount)),
    )
  }

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Stream.fail(vfsError("IsADirectory", "read", p, route(p)?.mount.prefix))
    const r = route(p)
    if (r === undefined) return Stream.fail(vfsError("NotFound", "read", p, undefined, NO_MOUNT))
    return r.mount.resource.read(r.path, range).pipe(Stream.mapError(Transfer.retag(r.mount)))
  }

  const readFile = (path: string): Effect.Effect<Uint8Array, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(vfsError("IsADirectory", "read", p, route(p)?.mount.prefix))
    return Effect.flatMap(routed("read", p), (r) =>
      r.mount.resource.readFile(r.path).pipe(Effect.mapError(Transfer.retag(r.mount))),
    )
  }

  const readSmall = (path: string, limit: number): Effect.Effect<Uint8Array | undefined, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(vfsError("IsADirectory", "read", p, route(p)?.mount.prefix))
    const r = route(p)
    if (r === undefined) return Effect.fail(vfsError("NotFound", "read", p, undefined, NO_MOUNT))
    return r.mount.resource.readSmall(r.path, limit).pipe(Effect.mapError(Transfer.retag(r.mount)))
  }

  /** The error for creating a file where a synthesized directory is. */
  const onDirectory = (op: string, p: string, options?: WriteOptions): VfsError =>
    vfsError(options?.exclusive ? "AlreadyExists" : "IsADirectory", op, p, route(p)?.mount.prefix)

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(onDirectory("write", p, options))
    return writable("write", p).pipe(
      Effect.tap((r) => ensureParent(p, r)),
      Effect.flatMap((r) => Transfer.writeVia(r, data, options)),
    )
  }

  const writeFile = (path: string, data: Uint8Array, options?: WriteOptions): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(onDirectory("write", p, options))
    return writable("write", p).pipe(
      Effect.tap((r) => ensureParent(p, r)),
      Effect.flatMap((r) =>
        r.mount.resource.writeFile(r.path, data, options).pipe(Effect.mapError(Transfer.retag(r.mount))),
      ),
    )
  }

  const mkdir = (path: string, options?: { readonly recursive?: boolean }): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    const recursive = options?.recursive === true
    if (synthesized.has(p))
      return recursive ? Effect.void : Effect.fail(vfsError("AlreadyExists", "mkdir", p, route(p)?.mount.prefix))
    return Effect.gen(function* () {
      const r = yield* routed("mkdir", p)
      if (r.mount.mode !== MountMode.WRITE) {
        // As the kernel, report an existing entry before the read-only file system (`mkdir -p` on one succeeds).
        const st = yield* r.mount.resource.stat(r.path).pipe(
          Effect.map((s): FileStat | undefined => s),
          Effect.catchIf(missing, () => Effect.succeed(undefined)),
          Effect.mapError(Transfer.retag(r.mount)),
        )
        if (st !== undefined && (!recursive || st.type !== "directory"))
          return yield* Effect.fail(vfsError("AlreadyExists", "mkdir", p, r.mount.prefix))
        if (st === undefined) return yield* Effect.fail(vfsError("ReadOnly", "mkdir", p, r.mount.prefix))
        return
      }
      if (recursive) return yield* r.mount.resource.mkdirp(r.path).pipe(Effect.mapError(Transfer.retag(r.mount)))
      yield* ensureParent(p, r)
      yield* r.mount.resource.mkdir(r.path).pipe(Effect.mapError(Transfer.retag(r.mount)))
    })
  }

  const remove = (path: string, options?: { readonly recursive?: boolean }): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    // Linux refuses to remove a mount point with EBUSY; an ancestor of one holds it, so it cannot go either.
    if (synthesized.has(p)) return Effect.fail(vfsError("Conflict", "remove", p, route(p)?.mount.prefix, BUSY))
    return Effect.flatMap(writable("remove", p), (r) =>
      (options?.recursive ? r.mount.resource.removeRecursive(r.path) : r.mount.resource.remove(r.path)).pipe(
        Effect.mapError(Transfer.retag(r.mount)),
      ),
    )
  }

  const rename = (from: string, to: string): Effect.Effect<void, VfsError> => {
    const f = Path.normalize(from)
    const t = Path.normalize(to)
    for (const p of [f, t])
      if (synthesized.has(p)) return Effect.fail(vfsError("Conflict", "rename", p, route(p)?.mount.prefix, BUSY))
    return Effect.gen(function* () {
      const source = yield* writable("rename", f)
      const target = yield* writable("rename", t)
      yield* ensureParent(t, target)
      if (source.mount === target.mount)
        return yield* source.mount.resource
          .rename(source.path, target.path)
          .pipe(Effect.mapError(Transfer.retag(source.mount)))
      yield* Transfer.move(source, target)
    })
  }

  const copyFile = (from: string, to: string): Effect.Effect<void, VfsError> => {
    const f = Path.normalize(from)
    const t = Path.normalize(to)
    if (synthesized.has(f)) return Effect.fail(vfsError("IsADirectory", "copy", f, route(f)?.mount.prefix))
    return Effect.gen(function* () {
      const source = yield* routed("copy", f)
      if (synthesized.has(t)) return yield* Effect.fail(vfsError("IsADirectory", "copy", t, route(t)?.mount.prefix))
      const target = yield* writable("copy", t)
      yield* ensureParent(t, target)
      if (source.mount === target.mount)
        return yield* source.mount.resource
          .copyFile(source.path, target.path)
          .pipe(Effect.mapError(Transfer.retag(source.mount)))
      yield* Transfer.copyFile(source, target)
    })
  }

  const symlink = (target: string, path: string): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(vfsError("AlreadyExists", "symlink", p, route(p)?.mount.prefix))
    return writable("symlink", p).pipe(
      Effect.tap((r) => ensureParent(p, r)),
      Effect.flatMap((r) => r.mount.resource.symlink(target, r.path).pipe(Effect.mapError(Transfer.retag(r.mount)))),
    )
  }

  const readlink = (path: string): Effect.Effect<string, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p))
      return Effect.fail(vfsError("Backend", "readlink", p, route(p)?.mount.prefix, "Invalid argument"))
    return Effect.flatMap(routed("readlink", p), (r) =>
      r.mount.resource.readlink(r.path).pipe(Effect.mapError(Transfer.retag(r.mount))),
    )
  }

  const setMtime = (path: string, mtime: number): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    const r = route(p)
    if (synthesized.has(p) && r === undefined) return Effect.void
    return Effect.flatMap(writable("setMtime", p), (w) =>
      w.mount.resource.setMtime(w.path, mtime).pipe(
        // A synthesized directory the resource lacks has no time to set.
        Effect.catchIf(
          (error) => synthesized.has(p) && missing(error),
          () => Effect.void,
        ),
        Effect.mapError(Transfer.retag(w.mount)),
      ),
    )
  }

  const truncate = (path: string, size: number): Effect.Effect<void, VfsError> => {
    const p = Path.normalize(path)
    if (synthesized.has(p)) return Effect.fail(vfsError("IsADirectory", "truncate", p, route(p)?.mount.prefix))
    return Effect.flatMap(writable("truncate", p), (r) =>
      r.mount.resource.truncate(r.path, size).pipe(Effect.mapError(Transfer.retag(r.mount))),
    )
  }

  // Route when the effect runs, not when it is built: a mount added in between must be seen.
  const defer =
    <Args extends ReadonlyArray<unknown>, A>(f: (...args: Args) => Effect.Effect<A, VfsError>) =>
    (...args: Args): Effect.Effect<A, VfsError> =>
      Effect.suspend(() => f(...args))

  return {
    mounts: () => [...table].sort((a, b) => Path.compareBytes(a.prefix, b.prefix)),
    addMount,
    removeMount,
    route,
    stat: defer(statWith("stat")),
    lstat: defer(statWith("lstat")),
    exists: (path) =>
      Effect.suspend(() => statWith("stat")(path)).pipe(
        Effect.as(true),
        Effect.catch(() => Effect.succeed(false)),
      ),
    list: defer(list),
    read: (path, range) => Stream.suspend(() => read(path, range)),
    readFile: defer(readFile),
    readSmall: defer(readSmall),
    write: (path, data, options) => Effect.suspend(() => write(path, data, options)),
    writeFile: defer(writeFile),
    mkdir: defer(mkdir),
    remove: defer(remove),
    rename: defer(rename),
    copyFile: defer(copyFile),
    symlink: defer(symlink),
    readlink: defer(readlink),
    setMtime: defer(setMtime),
    truncate: defer(truncate),
    close: Effect.suspend(() =>
      Effect.forEach(new Set(table.map((m) => m.resource)), (resource) => resource.close, { discard: true }),
    ),
  }
}

/**
 * The namespace as a service, for Effect programs.
 *
 * @example
 * const program = Effect.gen(function* () {
 *   const ns = yield* Namespace
 *   return yield* ns.list("/")
 * })
 * program.pipe(Effect.provide(Namespace.layer([{ prefix: "/data", resource: new RAMResource() }])))
 */
export class Namespace extends Context.Service<Namespace, NamespaceShape>()("mirage/vfs/Namespace") {
  /** A namespace over `mounts`; its resources are closed when the layer is released. */
  static layer(mounts?: Mounts): Layer.Layer<Namespace> {
    return Layer.effect(
      Namespace,
      Effect.acquireRelease(
        Effect.sync(() => make(mounts)),
        (ns) => ns.close,
      ),
    )
  }
}
