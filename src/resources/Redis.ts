import { createHash, randomUUID } from "node:crypto"
import { Cause, Effect, Redacted, Stream } from "effect"
import type { Layer } from "effect"
import { createClient, ErrorReply, RESP_TYPES } from "redis"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { ByteRange, DirEntry, FileStat, FileType, Primitives, Resource, WriteOptions } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import type { Reason } from "../vfs/VfsError.ts"
import * as Scripts from "./RedisScripts.ts"

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

/** A script call's arguments, as node-redis takes them. */
interface ScriptArguments {
  arguments: Array<string | Buffer>
}

/** The commands the resource sends, on a client whose bulk strings come back as Buffers. */
export interface RedisBufferClient {
  eval(script: string, options: ScriptArguments): Promise<unknown>
  evalSha(sha1: string, options: ScriptArguments): Promise<unknown>
  del(key: string): Promise<unknown>
  withAbortSignal(signal: AbortSignal): RedisBufferClient
}

/** What the resource needs of a client passed in `options.client` (a node-redis v6 `createClient()`). */
export interface RedisClientLike {
  readonly isOpen: boolean
  readonly options?: { readonly url?: string | undefined; readonly password?: string | undefined } | undefined
  connect(): Promise<unknown>
  withTypeMapping(mapping: { readonly [RESP_TYPES.BLOB_STRING]: BufferConstructor }): RedisBufferClient
}

/** Chunk size of reads. */
const CHUNK_SIZE = 64 * 1024
/** Size of the pieces an upload is sent in; a smaller write goes in its commit script. */
const PIECE_SIZE = 1024 * 1024
/** How long an abandoned upload lingers; each piece renews it. */
const UPLOAD_TTL_MS = 60 * 60 * 1000
const DEFAULT_PREFIX = "mirage:"
const DEFAULT_URL = "redis://127.0.0.1:6379"

/** The script failures (raised as `MIRAGE <code> <which>`) as reasons, with coreutils' words where no reason has them. */
const codes: Readonly<Record<string, readonly [Reason, string?]>> = {
  ENOENT: ["NotFound"],
  ENOTDIR: ["NotADirectory"],
  EISDIR: ["IsADirectory"],
  EEXIST: ["AlreadyExists"],
  ENOTEMPTY: ["NotEmpty"],
  ELOOP: ["Backend", "Too many levels of symbolic links"],
  EINVAL: ["Backend", "Invalid argument"],
  EBUSY: ["Conflict", "Device or resource busy"],
  ECHANGED: ["Conflict", "file changed while being read"],
  EEXPIRED: ["Backend", "upload expired before it was committed"],
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Where an error happened, for `fromRedisError`. */
export interface ErrorContext {
  /** The target of a two-path operation (rename, copy). */
  readonly to?: string | undefined
  /** `host:port` of the server, named when a connection fails. */
  readonly endpoint?: string | undefined
  /** Strings that must never reach a message (passwords). */
  readonly secrets?: ReadonlyArray<string> | undefined
}

/**
 * The one place Redis and connection errors become `VfsError`s: the scripts'
 * own failures keep their errno meaning, NOAUTH/WRONGPASS are
 * `PermissionDenied`, and anything else (connection refused, timeouts) is
 * `Backend` with the cause and the server it concerns as detail.
 */
export const fromRedisError = (error: unknown, op: string, path: string, context: ErrorContext = {}): VfsError => {
  if (error instanceof VfsError) return error
  // Where in which script an error arose means nothing to a user.
  let message = messageOf(error)
    .split("\n")[0]
    .replace(/\s*script: \w+, on @user_script:\d+\.?$/, "")
    .trim()
  for (const secret of context.secrets ?? []) if (secret !== "") message = message.split(secret).join("***")
  const script = /^MIRAGE (\w+) (\d)/.exec(message)
  if (script !== null) {
    const [reason, detail] = codes[script[1]] ?? ["Backend", script[1]]
    return new VfsError({ reason, op, path: script[2] === "2" && context.to !== undefined ? context.to : path, detail })
  }
  const fail = (reason: Reason, detail: string) => new VfsError({ reason, op, path, detail })
  // The server's NOAUTH text runs on about HELLO; its gist is enough.
  if (/^NOAUTH\b/.test(message)) return fail("PermissionDenied", "NOAUTH Authentication required")
  if (/^(WRONGPASS|NOPERM)\b/.test(message)) return fail("PermissionDenied", message)
  if (/^OOM\b/.test(message)) return fail("QuotaExceeded", message)
  if (/^READONLY\b/.test(message)) return fail("ReadOnly", message)
  const endpoint = context.endpoint
  // A reply error comes from the server itself; a connection error needs to say which server.
  if (error instanceof ErrorReply || endpoint === undefined || message.includes(endpoint))
    return fail("Backend", message)
  return fail("Backend", `${message} (${endpoint})`)
}

/** `host:port` and database of a redis URL, without credentials. */
const serverOf = (url: string): { readonly address: string; readonly db: string } => {
  try {
    const u = new URL(url)
    return { address: `${u.hostname}:${u.port === "" ? "6379" : u.port}`, db: u.pathname.replace(/^\//, "") || "0" }
  } catch {
    return { address: "invalid redis URL", db: "0" }
  }
}

/** The URL the resource talks to: its own, or the passed client's when it tells. */
const urlOf = (options: RedisOptions): string => options.client?.options?.url ?? options.url ?? DEFAULT_URL

/** The password inside a URL, to keep it out of messages. */
const urlPassword = (url: string): string => {
  try {
    return decodeURIComponent(new URL(url).password)
  } catch {
    return ""
  }
}

interface Script {
  readonly source: string
  readonly sha: string
}

const prepare = (source: string): Script => ({ source, sha: createHash("sha1").update(source).digest("hex") })

const scripts = {
  stat: prepare(Scripts.stat),
  list: prepare(Scripts.list),
  open: prepare(Scripts.open),
  chunk: prepare(Scripts.chunk),
  upload: prepare(Scripts.upload),
  write: prepare(Scripts.write),
  mkdir: prepare(Scripts.mkdir),
  remove: prepare(Scripts.remove),
  rename: prepare(Scripts.rename),
  copy: prepare(Scripts.copy),
  symlink: prepare(Scripts.symlink),
  readlink: prepare(Scripts.readlink),
  setMtime: prepare(Scripts.setMtime),
  truncate: prepare(Scripts.truncate),
}

/** EVALSHA, loading the script with EVAL the first time a server has not seen it. */
const evaluate = async (client: RedisBufferClient, script: Script, args: Array<string | Buffer>): Promise<unknown> => {
  try {
    return await client.evalSha(script.sha, { arguments: args })
  } catch (error) {
    if (!messageOf(error).startsWith("NOSCRIPT")) throw error
    return client.eval(script.source, { arguments: args })
  }
}

// Replies arrive as `unknown`: these check their shape instead of trusting it.
const unexpected = (what: string): Error => new Error(`unexpected reply from Redis (${what})`)
const arrayOf = (reply: unknown): ReadonlyArray<unknown> => {
  if (!Array.isArray(reply)) throw unexpected("not an array")
  return reply
}
const bufferOf = (reply: unknown): Buffer => {
  if (Buffer.isBuffer(reply)) return reply
  if (typeof reply === "string") return Buffer.from(reply)
  throw unexpected("not a string")
}
const textOf = (reply: unknown): string | undefined => (reply === null ? undefined : bufferOf(reply).toString("utf8"))
const numberOf = (reply: unknown, fallback: number): number => {
  const n = typeof reply === "number" ? reply : Number(textOf(reply) ?? Number.NaN)
  return Number.isFinite(n) ? n : fallback
}
const typeOf = (reply: unknown): FileType => {
  const type = textOf(reply)
  if (type === "file" || type === "directory" || type === "symlink") return type
  throw unexpected(`node type ${String(type)}`)
}

const defaultMode: Readonly<Record<FileType, number>> = { file: 0o644, directory: 0o755, symlink: 0o777 }

const statOf = (reply: unknown): FileStat => {
  const [typeReply, size, mtime, mode, version, target] = arrayOf(reply)
  const type = typeOf(typeReply)
  return {
    type,
    // What ext4 reports for a directory, so `ls -l` looks as it does on a disk.
    size: type === "directory" ? 4096 : type === "symlink" ? bufferOf(target).length : numberOf(size, 0),
    mtime: numberOf(mtime, 0),
    mode: numberOf(mode, defaultMode[type]),
    etag: type === "file" ? textOf(version) : undefined,
  }
}

/** A view of bytes as a Buffer, without copying them. */
const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

/** The connection a resource talks through: opened on first use, reopened after the client gave up. */
interface Connection {
  readonly ready: () => Promise<RedisBufferClient>
  readonly close: () => Promise<void>
  readonly endpoint: string
  readonly secrets: ReadonlyArray<string>
}

const ownClient = (url: string, password: Redacted.Redacted<string> | undefined, connectTimeout: number) => {
  const client = createClient({
    url,
    ...(password === undefined ? {} : { password: Redacted.value(password) }),
    socket: {
      connectTimeout,
      // A few quick retries, then give up: an unreachable server must fail an operation, not hang it
      // (the next operation connects afresh). A refused password is not retried at all.
      reconnectStrategy: (retries: number, cause: Error) =>
        retries >= 2 || cause instanceof ErrorReply ? cause : 100 * 2 ** retries,
    },
  })
  // Failures reach callers through their commands; without a listener an 'error' event would crash the process.
  client.on("error", () => {})
  return client
}

type OwnClient = ReturnType<typeof ownClient>

const connection = (options: RedisOptions): Connection => {
  const url = options.url ?? DEFAULT_URL
  const password =
    options.password === undefined
      ? undefined
      : Redacted.isRedacted(options.password)
        ? options.password
        : Redacted.make(options.password)
  const secrets = [
    urlPassword(urlOf(options)),
    password === undefined ? "" : Redacted.value(password),
    options.client?.options?.password ?? "",
  ].filter((s) => s !== "")
  const { client, own } = ((): { client: RedisClientLike; own: OwnClient | undefined } => {
    if (options.client !== undefined) return { client: options.client, own: undefined }
    const created = ownClient(url, password, options.connectTimeout ?? 5000)
    return { client: created, own: created }
  })()
  const buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
  let connecting: Promise<unknown> | undefined
  let closed = false

  const ready = async (): Promise<RedisBufferClient> => {
    if (closed) throw new Error("the Redis resource is closed")
    if (connecting !== undefined) await connecting
    else if (!client.isOpen) {
      connecting = client.connect().finally(() => {
        connecting = undefined
      })
      await connecting
    }
    return buffers
  }

  const close = async (): Promise<void> => {
    if (own === undefined || closed) return
    closed = true
    await connecting?.catch(() => {})
    if (own.isOpen) await own.close().catch(() => own.destroy())
  }

  return { ready, close, endpoint: serverOf(urlOf(options)).address, secrets }
}

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
