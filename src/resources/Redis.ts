import { randomUUID } from "node:crypto"
import { Cause, Effect, Redacted, Stream } from "effect"
import type { Layer } from "effect"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { ByteRange, DirEntry, Primitives, Resource, WriteOptions } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import {
  type RedisBufferClient,
  type RedisClientLike,
  fromRedisError,
  serverOf,
  urlOf,
  type Script,
  scripts,
  evaluate,
  arrayOf,
  bufferOf,
  numberOf,
  typeOf,
  statOf,
  asBuffer,
  connection,
} from "./redis/Wire.ts"

export { fromRedisError } from "./redis/Wire.ts"
export type { ErrorContext, RedisBufferClient, RedisClientLike } from "./redis/Wire.ts"

/**
 * A whole filesystem stored in Redis, under a key prefix (default `mirage:`),
 * shared safely by every client that mounts the same server and prefix.
 *
 * Key schema (`<p>` is the prefix, `<path>` the resource path, "/" for the root):
 *
 * - `<p>n:<path>`: hash, the node. `type` (file | directory | symlink), `mode`
 *   (decimal), `mtime` (ms since the epoch, from the server's clock); files
 *   also have `size`, `version` (the etag: a fresh value on every content
 *   change) and `base` (changes when existing bytes change, not on an
 *   append); symlinks have `target`. The root's node may be absent until the
 *   first change.
 * - `<p>d:<path>`: hash of a directory's entries, child name → type (absent
 *   when empty).
 * - `<p>c:<path>`: string, a file's bytes (absent or "" when empty).
 * - `<p>seq`: counter that versions come from, so a version never repeats,
 *   even for a file removed and created again.
 * - `<p>t:<uuid>`: an upload in progress; it expires if its writer dies.
 *
 * Every operation is one Lua script (RedisScripts.ts): its checks and updates
 * are one atomic step. A write of more than 1 MiB is uploaded in pieces to a
 * temp key and moved into place by RENAME in its commit script, so a reader
 * sees the old content or the new, never half, and the file is never held
 * whole in JavaScript memory. Reads run GETRANGE in 64 KiB chunks; a read
 * that spans several chunks fails with `Conflict` if the file is rewritten
 * meanwhile, rather than return a mix (an append does not disturb it).
 * Symlinks resolve on the server as in RAM: at most 40 hops, absolute targets
 * from the resource root, ".." never above it. Renaming a directory moves
 * every key below it in one script, which holds the server for as long as
 * that takes. Scripts build key names themselves, so the store needs a
 * single Redis server (not a cluster).
 */

/** Configuration of a Redis resource. */
export interface RedisOptions {
  /** `redis://[user@]host:port/db` (default `redis://127.0.0.1:6379`); ignored when `client` is given. */
  readonly url?: string | undefined
  /** An existing node-redis v6 client to use; the resource opens it if needed and never closes it. */
  readonly client?: RedisClientLike | undefined
  /** Prefix of every key the resource owns (default `mirage:`). */
  readonly keyPrefix?: string | undefined
  /** The server's password (AUTH), as a string or a `Redacted`. */
  readonly password?: string | Redacted.Redacted<string> | undefined
  /** Give up connecting after this many milliseconds (default 5000). */
  readonly connectTimeout?: number | undefined
  /** Cache in front of the store; off by default, since Redis is itself the store. */
  readonly cache?: CacheOptions | false | undefined
}

/** Chunk size of reads. */
const CHUNK_SIZE = 64 * 1024
/** Size of the pieces an upload is sent in; a smaller write goes in its commit script. */
const PIECE_SIZE = 1024 * 1024
/** How long an abandoned upload lingers; each piece renews it. */
const UPLOAD_TTL_MS = 60 * 60 * 1000
const DEFAULT_PREFIX = "mirage:"

const primitives = (options: RedisOptions): Primitives => {
  const prefix = options.keyPrefix ?? DEFAULT_PREFIX
  const conn = connection(options)

  /** Run one request on a ready client; `to` names the target of a two-path operation in its errors. */
  const call = <A>(op: string, path: string, f: (client: RedisBufferClient) => Promise<A>, to?: string) =>
    Effect.tryPromise({
      try: async (signal) => f((await conn.ready()).withAbortSignal(signal)),
      catch: (error) => fromRedisError(error, op, path, { to, endpoint: conn.endpoint, secrets: conn.secrets }),
    })

  const run = (op: string, path: string, script: Script, args: ReadonlyArray<string | Buffer>, to?: string) =>
    call(op, path, (client) => evaluate(client, script, [prefix, ...args]), to)

  const stat = (path: string) => run("stat", path, scripts.stat, [path, "1"]).pipe(Effect.map(statOf))

  const lstat = (path: string) => run("lstat", path, scripts.stat, [path, "0"]).pipe(Effect.map(statOf))

  const list = (path: string) =>
    run("list", path, scripts.list, [path]).pipe(
      Effect.map((reply): ReadonlyArray<DirEntry> => {
        const flat = arrayOf(reply)
        const entries: Array<DirEntry> = []
        for (let i = 0; i + 1 < flat.length; i += 2)
          entries.push({ name: bufferOf(flat[i]).toString("utf8"), type: typeOf(flat[i + 1]) })
        return entries
      }),
    )

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      Effect.map(
        run("read", path, scripts.open, [
          path,
          String(Math.max(range?.start ?? 0, 0)),
          String(range?.end === undefined ? -1 : Math.max(range.end, 0)),
          String(CHUNK_SIZE),
        ]),
        (reply) => {
          const [real, base, stop, end, first] = arrayOf(reply)
          const realPath = bufferOf(real)
          const baseText = bufferOf(base)
          const last = numberOf(end, 0)
          let position = numberOf(stop, 0)
          let pending: Buffer | undefined = bufferOf(first)
          // Later chunks check `base`, so a rewrite between two chunks fails the read instead of mixing contents.
          const next: Effect.Effect<Uint8Array | undefined, VfsError> = Effect.suspend(() => {
            if (pending !== undefined) {
              const chunk = pending
              pending = undefined
              if (chunk.length > 0) return Effect.succeed(chunk)
            }
            if (position >= last) return Effect.succeed(undefined)
            const to = Math.min(position + CHUNK_SIZE, last)
            return run("read", path, scripts.chunk, [realPath, baseText, String(position), String(to - 1)]).pipe(
              Effect.map((data) => {
                const chunk = bufferOf(data)
                position = chunk.length === 0 ? last : position + chunk.length
                return chunk.length === 0 ? undefined : chunk
              }),
            )
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
        },
      ),
    )

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> => {
    const flags = [path, options?.exclusive ? "1" : "0", options?.append ? "1" : "0"]
    const temp = `${prefix}t:${randomUUID()}`
    let uploaded = false
    let committed = false
    // Bytes not yet sent: at most one piece, so memory stays bounded whatever the file's size.
    let pending: Array<Uint8Array> = []
    let pendingSize = 0
    const send = (piece: Uint8Array) =>
      Effect.suspend(() => {
        uploaded = true
        return run("write", path, scripts.upload, [temp, asBuffer(piece), String(UPLOAD_TTL_MS)])
      })
    const take = (): Buffer => {
      const out = Buffer.concat(pending, pendingSize)
      pending = []
      pendingSize = 0
      return out
    }
    const accept = (chunk: Uint8Array) =>
      Effect.gen(function* () {
        let offset = 0
        while (offset < chunk.length) {
          // A big chunk goes out in slices of itself, never copied.
          if (pendingSize === 0 && chunk.length - offset >= PIECE_SIZE) {
            yield* send(chunk.subarray(offset, offset + PIECE_SIZE))
            offset += PIECE_SIZE
            continue
          }
          const n = Math.min(PIECE_SIZE - pendingSize, chunk.length - offset)
          pending.push(chunk.subarray(offset, offset + n))
          pendingSize += n
          offset += n
          if (pendingSize === PIECE_SIZE) yield* send(take())
        }
      })
    return Effect.gen(function* () {
      // Fail before consuming the input, as the shell opens a redirect target before running the command.
      yield* run("write", path, scripts.write, [...flags, "check", ""])
      yield* Stream.runForEachArray(data, (batch) => Effect.forEach(batch, accept, { discard: true }))
      if (uploaded && pendingSize > 0) yield* send(take())
      yield* run("write", path, scripts.write, [...flags, ...(uploaded ? ["temp", temp] : ["inline", take()])])
      committed = true
    }).pipe(
      Effect.onExit(() =>
        uploaded && !committed
          ? Effect.promise(() =>
              conn
                .ready()
                .then((client) => client.del(temp))
                .catch(() => {}),
            )
          : Effect.void,
      ),
    )
  }

  const mkdir = (path: string) => run("mkdir", path, scripts.mkdir, [path]).pipe(Effect.asVoid)

  const remove = (path: string) => run("remove", path, scripts.remove, [path]).pipe(Effect.asVoid)

  const rename = (from: string, to: string) => run("rename", from, scripts.rename, [from, to], to).pipe(Effect.asVoid)

  const copy = (from: string, to: string) => run("copy", from, scripts.copy, [from, to], to).pipe(Effect.asVoid)

  const symlink = (target: string, path: string) =>
    run("symlink", path, scripts.symlink, [target, path]).pipe(Effect.asVoid)

  const readlink = (path: string) =>
    run("readlink", path, scripts.readlink, [path]).pipe(Effect.map((reply) => bufferOf(reply).toString("utf8")))

  const setMtime = (path: string, mtime: number) =>
    run("setMtime", path, scripts.setMtime, [path, String(mtime)]).pipe(Effect.asVoid)

  const truncate = (path: string, size: number) =>
    Number.isSafeInteger(size) && size >= 0
      ? run("truncate", path, scripts.truncate, [path, String(size)]).pipe(Effect.asVoid)
      : Effect.fail(new VfsError({ reason: "Backend", op: "truncate", path, detail: "Invalid argument" }))

  return {
    kind: "redis",
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
    close: Effect.promise(() => conn.close()),
  }
}

/** The cache id of a store: its server and prefix, never a credential. */
const idOf = (options: RedisOptions): string => {
  const { address, db } = serverOf(urlOf(options))
  return `redis:${address}/${db}/${options.keyPrefix ?? DEFAULT_PREFIX}`
}

/** A resource over the Redis store that `options` names, without a cache; it connects on first use. */
export const make = (options: RedisOptions = {}): Resource => makeResource(primitives(options))

/**
 * A filesystem kept in Redis, shareable by several workspaces.
 *
 * @example
 * const ws = new Workspace({ "/r": new RedisResource({ url: "redis://127.0.0.1:6379/0" }) }, { mode: MountMode.WRITE })
 * await ws.execute("echo hi > /r/greeting && cat /r/greeting")
 */
export class RedisResource extends ResourceBase {
  constructor(options: RedisOptions = {}) {
    super(Cache.wrap(make(options), idOf(options), options.cache ?? false))
  }
}

/** A namespace with a Redis resource mounted at `prefix` (writable by default), closed with the layer. */
export const layer = (
  options: RedisOptions = {},
  prefix = "/",
  mode: MountMode = MountMode.WRITE,
): Layer.Layer<Namespace> => Namespace.layer([{ prefix, resource: new RedisResource(options), mode }])
