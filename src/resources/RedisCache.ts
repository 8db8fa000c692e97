import { Effect, Redacted } from "effect"
import { createClient, RESP_TYPES } from "redis"
import type { CachedFile, CacheStore } from "../vfs/Cache.ts"

/**
 * A cache store in Redis, so several processes (or machines) share one
 * index and file cache: what one fetched, the others read; what one wrote
 * through Mirage, the others stop serving.
 *
 * Keys, under `keyPrefix` (default `mirage-cache:`):
 * - `i:<key>`  an index entry, JSON, expiring after its TTL (`PX`);
 * - `f:<key>`  a file's bytes, `m:<key>` its JSON metadata (etag, storedAt);
 * - `lru`      a sorted set of file keys scored by last use, `bytes` their total;
 * - `g:<id>`   a backend's generation counter.
 * Storing a file and evicting the least recently used ones past the budget
 * is one Lua script, so concurrent writers keep the total right.
 *
 * The cache is an accelerator: when Redis is unreachable every lookup is a
 * miss and every store a no-op, so the resources keep working.
 */

export interface RedisCacheOptions {
  /** `redis://[[user][:password]@]host[:port][/db]` (default `redis://127.0.0.1:6379`). */
  readonly url?: string | Redacted.Redacted<string> | undefined
  readonly password?: string | Redacted.Redacted<string> | undefined
  /** Prefix of every key (default `mirage-cache:`). */
  readonly keyPrefix?: string | undefined
}

/** A `CacheStore` in Redis, plus `close` to disconnect. */
export interface RedisCacheStore extends CacheStore {
  readonly close: Effect.Effect<void>
}

const SET_FILE = `
local old = redis.call('STRLEN', KEYS[1])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SET', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[3])
local total = redis.call('INCRBY', KEYS[4], string.len(ARGV[1]) - old)
local budget = tonumber(ARGV[5])
while total > budget do
  local oldest = redis.call('ZRANGE', KEYS[3], 0, 0)[1]
  if not oldest then break end
  local size = redis.call('STRLEN', ARGV[6] .. 'f:' .. oldest)
  redis.call('DEL', ARGV[6] .. 'f:' .. oldest, ARGV[6] .. 'm:' .. oldest)
  redis.call('ZREM', KEYS[3], oldest)
  total = redis.call('INCRBY', KEYS[4], -size)
end
return total
`

const DROP = `
for i, key in ipairs(ARGV) do
  if i > 1 then
    local size = redis.call('STRLEN', ARGV[1] .. 'f:' .. key)
    redis.call('DEL', ARGV[1] .. 'i:' .. key, ARGV[1] .. 'f:' .. key, ARGV[1] .. 'm:' .. key)
    if redis.call('ZREM', ARGV[1] .. 'lru', key) == 1 then redis.call('DECRBY', ARGV[1] .. 'bytes', size) end
  end
end
return 0
`

/** How long an unreachable cache is left alone before connecting again. */
const RETRY_AFTER_MS = 5000

const reveal = (value: string | Redacted.Redacted<string> | undefined): string | undefined =>
  value === undefined || typeof value === "string" ? value : Redacted.value(value)

/** Metadata as stored next to a file's bytes. */
const isMeta = (value: unknown): value is { readonly etag?: string; readonly storedAt: number } =>
  typeof value === "object" && value !== null && "storedAt" in value && typeof value.storedAt === "number"

/**
 * Build a Redis-backed cache store. The connection opens on first use.
 *
 * @example
 * const store = RedisCache.store({ url: "redis://cache:6379/0" })
 * new S3Resource({ bucket: "logs", cache: { store } })
 */
export const store = (options: RedisCacheOptions = {}): RedisCacheStore => {
  const prefix = options.keyPrefix ?? "mirage-cache:"
  const client = createClient({
    url: reveal(options.url) ?? "redis://127.0.0.1:6379",
    password: reveal(options.password),
    // A cache must never stall the filesystem: fail fast, reconnect a few times, then give up.
    socket: { connectTimeout: 2000, reconnectStrategy: (retries) => (retries < 3 ? 200 : false) },
  })
  // Errors surface as failed commands (misses); the client's event must not crash the host.
  client.on("error", () => {})
  const bytesClient = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
  let connecting: Promise<unknown> | undefined
  let failedAt = 0
  /** The connection; after a failure, misses come at once for a while before the next attempt. */
  const connected = (): Promise<unknown> => {
    if (connecting === undefined && Date.now() - failedAt > RETRY_AFTER_MS) {
      connecting = client.connect().catch((error: unknown) => {
        failedAt = Date.now()
        connecting = undefined
        throw error
      })
    }
    return connecting ?? Promise.reject(new Error("redis cache unavailable"))
  }

  /** A command that yields `fallback` when Redis fails. */
  const attempt = <A>(fallback: A, run: () => Promise<A>): Effect.Effect<A> =>
    Effect.tryPromise(async () => {
      await connected()
      return run()
    }).pipe(Effect.orElseSucceed(() => fallback))

  const parse = (text: string | null): unknown => {
    if (text === null) return undefined
    try {
      return JSON.parse(text)
    } catch {
      return undefined
    }
  }

  return {
    getIndex: (key) => attempt(undefined, async () => parse(await client.get(`${prefix}i:${key}`))),
    setIndex: (key, value, ttlMs) =>
      attempt(undefined, async () => {
        await client.set(`${prefix}i:${key}`, JSON.stringify(value), { expiration: { type: "PX", value: ttlMs } })
      }),
    getFile: (key) =>
      attempt(undefined, async (): Promise<CachedFile | undefined> => {
        const [bytes, meta] = await Promise.all([bytesClient.get(`${prefix}f:${key}`), client.get(`${prefix}m:${key}`)])
        const parsed = parse(meta)
        if (bytes === null || !isMeta(parsed)) return undefined
        await client.zAdd(`${prefix}lru`, { score: Date.now(), value: key })
        return {
          bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
          etag: parsed.etag,
          storedAt: parsed.storedAt,
        }
      }),
    setFile: (key, file, budget) =>
      attempt(undefined, async () => {
        if (file.bytes.length > budget) return
        await client.eval(SET_FILE, {
          keys: [`${prefix}f:${key}`, `${prefix}m:${key}`, `${prefix}lru`, `${prefix}bytes`],
          arguments: [
            Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength),
            JSON.stringify({ etag: file.etag, storedAt: file.storedAt }),
            key,
            String(Date.now()),
            String(budget),
            prefix,
          ],
        })
      }),
    delete: (keys) =>
      keys.length === 0
        ? Effect.void
        : attempt(undefined, async () => void (await client.eval(DROP, { arguments: [prefix, ...keys] }))),
    generation: (id) => attempt(0, async () => Number((await client.get(`${prefix}g:${id}`)) ?? 0)),
    bump: (id) => attempt(undefined, async () => void (await client.incr(`${prefix}g:${id}`))),
    close: Effect.promise(async () => {
      if (connecting === undefined) return
      await connecting.catch(() => {})
      if (client.isOpen) await client.close()
    }),
  }
}
