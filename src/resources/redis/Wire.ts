import { createHash } from "node:crypto"
import { Redacted } from "effect"
import { createClient, ErrorReply, RESP_TYPES } from "redis"
import type { FileStat, FileType } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"
import type { RedisOptions } from "../Redis.ts"
import * as Scripts from "../RedisScripts.ts"

/**
 * Talking to Redis for `RedisResource`: the client and its connection, the
 * Lua scripts by hash, decoding replies, and the one place Redis errors
 * become `VfsError`s.
 */

export const DEFAULT_URL = "redis://127.0.0.1:6379"

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
export const serverOf = (url: string): { readonly address: string; readonly db: string } => {
  try {
    const u = new URL(url)
    return { address: `${u.hostname}:${u.port === "" ? "6379" : u.port}`, db: u.pathname.replace(/^\//, "") || "0" }
  } catch {
    return { address: "invalid redis URL", db: "0" }
  }
}

/** The URL the resource talks to: its own, or the passed client's when it tells. */
export const urlOf = (options: RedisOptions): string => options.client?.options?.url ?? options.url ?? DEFAULT_URL

/** The password inside a URL, to keep it out of messages. */
const urlPassword = (url: string): string => {
  try {
    return decodeURIComponent(new URL(url).password)
  } catch {
    return ""
  }
}

export interface Script {
  readonly source: string
  readonly sha: string
}

const prepare = (source: string): Script => ({ source, sha: createHash("sha1").update(source).digest("hex") })

export const scripts = {
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
export const evaluate = async (
  client: RedisBufferClient,
  script: Script,
  args: Array<string | Buffer>,
): Promise<unknown> => {
  try {
    return await client.evalSha(script.sha, { arguments: args })
  } catch (error) {
    if (!messageOf(error).startsWith("NOSCRIPT")) throw error
    return client.eval(script.source, { arguments: args })
  }
}

// Replies arrive as `unknown`: these check their shape instead of trusting it.
const unexpected = (what: string): Error => new Error(`unexpected reply from Redis (${what})`)
export const arrayOf = (reply: unknown): ReadonlyArray<unknown> => {
  if (!Array.isArray(reply)) throw unexpected("not an array")
  return reply
}
export const bufferOf = (reply: unknown): Buffer => {
  if (Buffer.isBuffer(reply)) return reply
  if (typeof reply === "string") return Buffer.from(reply)
  throw unexpected("not a string")
}
const textOf = (reply: unknown): string | undefined => (reply === null ? undefined : bufferOf(reply).toString("utf8"))
export const numberOf = (reply: unknown, fallback: number): number => {
  const n = typeof reply === "number" ? reply : Number(textOf(reply) ?? Number.NaN)
  return Number.isFinite(n) ? n : fallback
}
export const typeOf = (reply: unknown): FileType => {
  const type = textOf(reply)
  if (type === "file" || type === "directory" || type === "symlink") return type
  throw unexpected(`node type ${String(type)}`)
}

const defaultMode: Readonly<Record<FileType, number>> = { file: 0o644, directory: 0o755, symlink: 0o777 }

export const statOf = (reply: unknown): FileStat => {
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
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

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

export const connection = (options: RedisOptions): Connection => {
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
