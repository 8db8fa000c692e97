import { Clock, Context, Effect, Stream } from "effect"
import type { DirEntry, FileStat, Primitives, Resource, WriteOptions } from "./Resource.ts"
import { make } from "./Resource.ts"
import type { Reason } from "./VfsError.ts"
import { VfsError } from "./VfsError.ts"

/**
 * The cache in front of remote resources: an index cache (stats and
 * listings, fresh for a TTL) and a file cache (bytes, least recently used
 * first out, bounded in bytes), both in a `CacheStore` that lives in this
 * process's memory by default or in Redis when several processes share it.
 *
 * Reads revalidate against the backend's version: cached bytes are served
 * only while the path's stat (itself cached for the TTL) carries the same
 * `etag` as when they were stored. A write through the cache invalidates
 * what it touched; a change made elsewhere shows once the TTL has passed, or
 * at once under `Fresh` (`ws.execute(script, { fresh: true })`), which asks
 * the backend for every stat and listing and revalidates every read.
 */

/** How a remote resource caches listings, stats and bytes. */
export interface CacheOptions {
  /** How long listings and stats stay fresh, in milliseconds (default 10 minutes; 0 turns the index cache off). */
  readonly indexTtl?: number | undefined
  /** Budget of the file cache in bytes (default 512 MiB; 0 turns it off). */
  readonly fileBytes?: number | undefined
  /** The largest single file kept (default an eighth of `fileBytes`). */
  readonly maxFileBytes?: number | undefined
  /** Where entries live (default: one in-memory store shared by every resource of this process). */
  readonly store?: CacheStore | undefined
}

/** Bytes of a file as cached, with the version they were read at. */
export interface CachedFile {
  readonly bytes: Uint8Array
  /** The `etag` of the stat taken before the bytes were read; absent when the backend has none. */
  readonly etag: string | undefined
  /** When the bytes were stored (ms since the epoch): without an etag they are fresh for the TTL. */
  readonly storedAt: number
}

/**
 * Storage for cache entries. Index values are plain JSON data so a shared
 * store can serialize them. Keys are opaque strings built by the cache.
 */
export interface CacheStore {
  readonly getIndex: (key: string) => Effect.Effect<unknown>
  readonly setIndex: (key: string, value: unknown, ttlMs: number) => Effect.Effect<void>
  readonly getFile: (key: string) => Effect.Effect<CachedFile | undefined>
  /** Store bytes, evicting the least recently used files beyond `budget` bytes. */
  readonly setFile: (key: string, file: CachedFile, budget: number) => Effect.Effect<void>
  readonly delete: (keys: ReadonlyArray<string>) => Effect.Effect<void>
  /** A counter per backend, bumped to drop every entry of a backend at once (a tree removed or renamed). */
  readonly generation: (id: string) => Effect.Effect<number>
  readonly bump: (id: string) => Effect.Effect<void>
}

/** When set, stats and listings go to the backend and every cached read is revalidated. */
export const Fresh = Context.Reference<boolean>("mirage/Cache/Fresh", { defaultValue: () => false })

const DEFAULT_TTL = 10 * 60 * 1000
const DEFAULT_FILE_BYTES = 512 * 1024 * 1024
/** Index entries a memory store keeps before dropping the oldest. */
const MAX_INDEX_ENTRIES = 200_000

/** A store in this process's memory. */
export const memoryStore = (): CacheStore => {
  const index = new Map<string, { readonly value: unknown; readonly expires: number }>()
  const files = new Map<string, CachedFile>()
  const generations = new Map<string, number>()
  let fileBytes = 0
  const dropFile = (key: string) => {
    const old = files.get(key)
    if (old === undefined) return
    fileBytes -= old.bytes.length
    files.delete(key)
  }
  return {
    getIndex: (key) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        const entry = index.get(key)
        if (entry === undefined) return undefined
        if (entry.expires <= now) {
          index.delete(key)
          return undefined
        }
        return entry.value
      }),
    setIndex: (key, value, ttlMs) =>
      Effect.map(Clock.currentTimeMillis, (now) => {
        index.delete(key)
        index.set(key, { value, expires: now + ttlMs })
        // Map order is insertion order: the first key is the oldest.
        if (index.size > MAX_INDEX_ENTRIES) index.delete(index.keys().next().value ?? "")
      }),
    getFile: (key) =>
      Effect.sync(() => {
        const file = files.get(key)
        if (file === undefined) return undefined
        // Re-insert so iteration order is least recently used first.
        files.delete(key)
        files.set(key, file)
        return file
      }),
    setFile: (key, file, budget) =>
      Effect.sync(() => {
        dropFile(key)
        if (file.bytes.length > budget) return
        files.set(key, file)
        fileBytes += file.bytes.length
        for (const oldest of files.keys()) {
          if (fileBytes <= budget) break
          dropFile(oldest)
        }
      }),
    delete: (keys) =>
      Effect.sync(() => {
        for (const key of keys) {
          index.delete(key)
          dropFile(key)
        }
      }),
    generation: (id) => Effect.sync(() => generations.get(id) ?? 0),
    bump: (id) =>
      Effect.sync(() => {
        generations.set(id, (generations.get(id) ?? 0) + 1)
      }),
  }
}

let shared: CacheStore | undefined
/** The process-wide memory store that resources use unless given another. */
export const defaultStore = (): CacheStore => (shared ??= memoryStore())

/**
 * Drop every cached entry of a backend, for changes the cache cannot see
 * coming (an issue created through an API call rather than a file write).
 * `options` are the ones given to `wrap`.
 */
export const invalidateAll = (id: string, options?: CacheOptions | false): Effect.Effect<void> =>
  options === false ? Effect.void : (options?.store ?? defaultStore()).bump(id)

/** What the index keeps for a path: a stat, or the reason it has none (a missing path is cached too). */
type StatEntry = { readonly stat: FileStat } | { readonly error: Reason }

/** Reasons worth remembering: the answer will be the same until something changes. */
const STABLE: ReadonlySet<Reason> = new Set(["NotFound", "NotADirectory"])

const parentOf = (path: string): string => {
  const i = path.lastIndexOf("/")
  return i <= 0 ? "/" : path.slice(0, i)
}

const childOf = (dir: string, name: string): string => (dir === "/" ? `/${name}` : `${dir}/${name}`)

const isStatEntry = (value: unknown): value is StatEntry =>
  typeof value === "object" && value !== null && ("stat" in value || "error" in value)

const isEntries = (value: unknown): value is ReadonlyArray<DirEntry> => Array.isArray(value)

/**
 * Wrap a remote resource with the index and file caches. `id` names the
 * backend across processes (e.g. `s3:http://host:port/bucket/prefix`) and must
 * hold no secret. `false` returns the resource unchanged.
 */
export const wrap = (resource: Resource, id: string, options?: CacheOptions | false): Resource => {
  if (options === false) return resource
  const ttl = options?.indexTtl ?? DEFAULT_TTL
  const budget = options?.fileBytes ?? DEFAULT_FILE_BYTES
  const maxFile = options?.maxFileBytes ?? Math.floor(budget / 8)
  if (ttl <= 0 && budget <= 0) return resource
  const store = options?.store ?? defaultStore()
  const r = resource

  const key = (kind: string, path: string): Effect.Effect<string> =>
    Effect.map(store.generation(id), (gen) => `${id}\u0000${gen}\u0000${kind}\u0000${path}`)

  /** Drop what a change at `path` makes stale: its stats, bytes, listing, and the parent's listing and stat. */
  const invalidate = (...paths: ReadonlyArray<string>): Effect.Effect<void> =>
    Effect.gen(function* () {
      const keys: Array<string> = []
      for (const path of paths) {
        for (const kind of ["s", "l", "d", "f"]) keys.push(yield* key(kind, path))
        const parent = parentOf(path)
        for (const kind of ["s", "l", "d"]) keys.push(yield* key(kind, parent))
      }
      yield* store.delete(keys)
    })

  /** Run a mutation, then invalidate whether it succeeded or not (a failure may have changed half). */
  const mutating =
    (...paths: ReadonlyArray<string>) =>
    <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> =>
      Effect.ensuring(effect, invalidate(...paths))

  const wholeTree = <A, E>(effect: Effect.Effect<A, E>): Effect.Effect<A, E> => Effect.ensuring(effect, store.bump(id))

  const statVia =
    (kind: "s" | "l", fetch: (path: string) => Effect.Effect<FileStat, VfsError>, op: string) =>
    (path: string): Effect.Effect<FileStat, VfsError> =>
      Effect.gen(function* () {
        const k = yield* key(kind, path)
        if (ttl > 0 && !(yield* Fresh)) {
          const hit = yield* store.getIndex(k)
          if (isStatEntry(hit)) {
            if ("error" in hit) return yield* Effect.fail(new VfsError({ reason: hit.error, op, path }))
            return yield* withKnownSize(path, hit.stat)
          }
        }
        const result = yield* Effect.exit(fetch(path))
        if (result._tag === "Success") {
          if (ttl > 0) yield* store.setIndex(k, { stat: result.value }, ttl)
          return yield* withKnownSize(path, result.value)
        }
        const error = result.cause.reasons.find((r) => r._tag === "Fail")
        if (ttl > 0 && error !== undefined && STABLE.has(error.error.reason))
          yield* store.setIndex(k, { error: error.error.reason }, ttl)
        return yield* Effect.failCause(result.cause)
      })

  /** A file whose size the backend reports only once read (`null`) shows its real size after a cached read. */
  const withKnownSize = (path: string, stat: FileStat): Effect.Effect<FileStat> =>
    stat.size !== null || stat.type !== "file" || budget <= 0
      ? Effect.succeed(stat)
      : Effect.map(usable(path, stat), (file) => (file === undefined ? stat : { ...stat, size: file.bytes.length }))

  /** The cached bytes of a path, when they are of the version `stat` describes. */
  const usable = (path: string, stat: FileStat): Effect.Effect<CachedFile | undefined> =>
    Effect.gen(function* () {
      const file = yield* store.getFile(yield* key("f", path))
      if (file === undefined) return undefined
      if (stat.etag !== undefined) return file.etag === stat.etag ? file : undefined
      // Without a version, bytes are as fresh as an index entry would be.
      if (yield* Fresh) return undefined
      const now = yield* Clock.currentTimeMillis
      return now - file.storedAt < ttl ? file : undefined
    })

  const stat = statVia("s", r.stat, "stat")
  const lstat = statVia("l", r.lstat, "lstat")

  const list = (path: string): Effect.Effect<ReadonlyArray<DirEntry>, VfsError> =>
    Effect.gen(function* () {
      const k = yield* key("d", path)
      if (ttl > 0 && !(yield* Fresh)) {
        const hit = yield* store.getIndex(k)
        if (isEntries(hit)) return hit
      }
      const entries = yield* r.list(path)
      if (ttl > 0) {
        yield* store.setIndex(k, entries, ttl)
        // A listing that carries stats primes the index: `ls -l` then needs no request per entry.
        for (const entry of entries) {
          if (entry.stat === undefined) continue
          const child = childOf(path, entry.name)
          yield* store.setIndex(yield* key("l", child), { stat: entry.stat }, ttl)
          if (entry.type !== "symlink") yield* store.setIndex(yield* key("s", child), { stat: entry.stat }, ttl)
        }
      }
      return entries
    })

  const read = (path: string, range?: { readonly start: number; readonly end?: number | undefined }) =>
    Stream.unwrap(
      Effect.gen(function* () {
        if (budget <= 0) return r.read(path, range)
        const st = yield* Effect.exit(stat(path))
        // Let the backend word its own error (and a directory's `IsADirectory`).
        if (st._tag === "Failure" || st.value.type !== "file") return r.read(path, range)
        const hit = yield* usable(path, st.value)
        if (hit !== undefined) {
          const bytes = range === undefined ? hit.bytes : hit.bytes.subarray(range.start, range.end ?? hit.bytes.length)
          return chunked(bytes)
        }
        if (range !== undefined || (st.value.size !== null && st.value.size > maxFile)) return r.read(path, range)
        return keeping(path, st.value.etag, r.read(path))
      }),
    )

  /** A small file's cached bytes; anything else (a miss, an error) is left to `read`. */
  const readSmall = (path: string, limit: number): Effect.Effect<Uint8Array | undefined, VfsError> =>
    Effect.gen(function* () {
      if (budget <= 0) return undefined
      const st = yield* Effect.exit(stat(path))
      if (st._tag === "Failure" || st.value.type !== "file") return undefined
      const hit = yield* usable(path, st.value)
      return hit !== undefined && hit.bytes.length <= limit ? hit.bytes : undefined
    })

  /** Pass a whole-file read through, keeping its bytes once it ends (and only if it fits). */
  const keeping = (
    path: string,
    etag: string | undefined,
    stream: Stream.Stream<Uint8Array, VfsError>,
  ): Stream.Stream<Uint8Array, VfsError> =>
    Stream.suspend(() => {
      const chunks: Array<Uint8Array> = []
      let size = 0
      return stream.pipe(
        Stream.tap((chunk) =>
          Effect.sync(() => {
            if (size > maxFile) return
            size += chunk.length
            if (size > maxFile) chunks.length = 0
            else chunks.push(chunk)
          }),
        ),
        Stream.onEnd(
          Effect.gen(function* () {
            if (size > maxFile) return
            const bytes = new Uint8Array(size)
            let offset = 0
            for (const chunk of chunks) {
              bytes.set(chunk, offset)
              offset += chunk.length
            }
            const storedAt = yield* Clock.currentTimeMillis
            yield* store.setFile(yield* key("f", path), { bytes, etag, storedAt }, budget)
          }),
        ),
      )
    })

  const primitives: Primitives = {
    kind: r.kind,
    stat,
    lstat,
    list,
    read,
    readSmall,
    write: <E>(path: string, data: Stream.Stream<Uint8Array, E>, options?: WriteOptions) =>
      mutating(path)(r.write(path, data, options)),
    mkdir: (path) => mutating(path)(r.mkdir(path)),
    remove: (path) => mutating(path)(r.remove(path)),
    rename: (from, to) => wholeTree(r.rename(from, to)),
    copy: (from, to) => mutating(to)(r.copy(from, to)),
    symlink: (target, path) => mutating(path)(r.symlink(target, path)),
    readlink: r.readlink,
    setMtime: (path, mtime) => mutating(path)(r.setMtime(path, mtime)),
    truncate: (path, size) => mutating(path)(r.truncate(path, size)),
    close: r.close,
  }
  const derived = make(primitives)
  return {
    ...derived,
    // Keep the backend's own tree removal and copy (batched deletes, server-side copy).
    removeRecursive: (path) => wholeTree(r.removeRecursive(path)),
    copyFile: (from, to) => mutating(to)(r.copyFile(from, to)),
  }
}

const CHUNK = 64 * 1024

/** Cached bytes as a stream of views no larger than the resources' own chunks. */
const chunked = (bytes: Uint8Array): Stream.Stream<Uint8Array> => {
  if (bytes.length <= CHUNK) return bytes.length === 0 ? Stream.empty : Stream.succeed(bytes)
  const views: Array<Uint8Array> = []
  for (let i = 0; i < bytes.length; i += CHUNK) views.push(bytes.subarray(i, i + CHUNK))
  return Stream.fromArray(views)
}
