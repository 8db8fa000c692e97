import { Effect, Layer, Stream } from "effect"
import { createClient, RESP_TYPES } from "redis"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { layer, make, RedisResource } from "../../src/resources/Redis.ts"
import type { RedisOptions } from "../../src/resources/Redis.ts"
import { Namespace } from "../../src/vfs/Namespace.ts"
import { bytes, chunks, failure, outcome, run, text } from "../vfs/support.ts"
import { hasRedisServer, skipNotice, startRedis } from "../support/redis.ts"
import type { RedisServer } from "../support/redis.ts"
import { resourceConformance } from "./conformance.ts"

if (!hasRedisServer) console.log(skipNotice)

let server: RedisServer
let raw: ReturnType<typeof createClient>
let prefixes = 0
const freshPrefix = (): string => `t${++prefixes}:`
const open: Array<RedisResource> = []

/** A resource on the test server with a prefix of its own (or the one given). */
const fresh = (options: RedisOptions = {}): RedisResource => {
  const resource = new RedisResource({ url: server.url, keyPrefix: freshPrefix(), ...options })
  open.push(resource)
  return resource
}

/** A deterministic payload whose bytes depend on `seed`. */
const payload = (size: number, seed: number): Uint8Array =>
  new Uint8Array(size).map((_, i) => (i * 31 + seed * 7) % 256)

const keysOf = async (prefix: string): Promise<Array<string>> => (await raw.keys(`${prefix}*`)).sort()

describe.skipIf(!hasRedisServer)("Redis", () => {
  beforeAll(async () => {
    server = await startRedis()
    raw = createClient({ url: server.url })
    await raw.connect()
  })
  afterEach(async () => {
    for (const resource of open.splice(0)) await run(resource.close)
  })
  afterAll(async () => {
    await raw?.close()
    await server?.stop()
  })

  resourceConformance("Redis", async () => ({ resource: fresh(), cleanup: async () => {} }))

  describe("RedisResource", () => {
    it("is a class with the Resource members, a make() and kind 'redis'", () => {
      expect(fresh().kind).toBe("redis")
      expect(make({ url: server.url }).kind).toBe("redis")
    })

    it("keeps the documented key schema", async () => {
      const prefix = freshPrefix()
      const r = fresh({ keyPrefix: prefix })
      await run(r.mkdir("/a"))
      await run(r.writeFile("/a/f", bytes("hi")))
      await run(r.mkdir("/a/d"))
      await run(r.symlink("f", "/a/l"))
      expect(await keysOf(prefix)).toEqual(
        ["c:/a/f", "d:/", "d:/a", "n:/", "n:/a", "n:/a/d", "n:/a/f", "n:/a/l", "seq"].map((k) => prefix + k),
      )
      const file = await raw.hGetAll(`${prefix}n:/a/f`)
      expect([file.type, file.mode, file.size, file.version, file.base]).toEqual(["file", "420", "2", "1", "1"])
      expect(Number(file.mtime)).toBeGreaterThan(1_600_000_000_000)
      expect(await raw.get(`${prefix}c:/a/f`)).toBe("hi")
      expect(await raw.hGetAll(`${prefix}d:/a`)).toEqual({ f: "file", d: "directory", l: "symlink" })
      expect(await raw.hGet(`${prefix}n:/a/l`, "target")).toBe("f")
      // Renaming a tree moves every key below it.
      await run(r.rename("/a", "/b"))
      expect((await keysOf(prefix)).filter((k) => k.includes(":/a"))).toEqual([])
      expect(await raw.get(`${prefix}c:/b/f`)).toBe("hi")
    })

    it("round-trips every byte value and non-ASCII names", async () => {
      const r = fresh()
      const all = new Uint8Array(256 * 4).map((_, i) => i % 256)
      const invalidUtf8 = new Uint8Array([0xff, 0xfe, 0xc3, 0x28, 0x00, 0x80, 0xed, 0xa0, 0x80])
      await run(r.writeFile("/ünï çødé ☃.bin", all))
      await run(r.writeFile("/bad", invalidUtf8))
      expect(await run(r.readFile("/ünï çødé ☃.bin"))).toEqual(all)
      expect(await run(r.readFile("/bad"))).toEqual(invalidUtf8)
      expect(Buffer.concat(await chunks(r.read("/bad", { start: 1, end: 4 })))).toEqual(Buffer.from([0xfe, 0xc3, 0x28]))
      expect((await run(r.list("/"))).map((e) => e.name).sort()).toEqual(["bad", "ünï çødé ☃.bin"])
      await run(r.writeFile("/bad", invalidUtf8, { append: true }))
      expect((await run(r.readFile("/bad"))).length).toBe(18)
    })

    it("streams a large file in pieces through a temp key that is moved into place", async () => {
      const prefix = freshPrefix()
      const r = fresh({ keyPrefix: prefix })
      await run(r.writeFile("/big", bytes("old")))
      const size = 12 * 1024 * 1024 + 17
      const big = payload(size, 1)
      const seen: Array<readonly [string, number, number]> = []
      // Lazy pieces of the payload; at the middle, look at what the store holds.
      const input = Stream.range(0, 11).pipe(
        Stream.mapEffect((i) =>
          Effect.promise(async () => {
            if (i === 6) {
              const temps = await raw.keys(`${prefix}t:*`)
              const mid = text(await run(r.readFile("/big")))
              seen.push([mid, temps.length, temps.length === 1 ? await raw.pTTL(temps[0]) : -1])
            }
            return big.subarray(Math.floor((i * size) / 12), Math.floor(((i + 1) * size) / 12))
          }),
        ),
      )
      await run(r.write("/big", input))
      expect(seen).toHaveLength(1)
      const [mid, temps, ttl] = seen[0]
      expect([mid, temps]).toEqual(["old", 1])
      expect(ttl).toBeGreaterThan(0)
      expect(await raw.keys(`${prefix}t:*`)).toEqual([])
      expect(await raw.pTTL(`${prefix}c:/big`)).toBe(-1)
      const parts = await chunks(r.read("/big"))
      expect(parts.every((c) => c.length > 0 && c.length <= 65536)).toBe(true)
      expect(Buffer.concat(parts).equals(big)).toBe(true)
      const slice = Buffer.concat(await chunks(r.read("/big", { start: 5_000_000, end: 5_200_001 })))
      expect(slice.equals(big.subarray(5_000_000, 5_200_001))).toBe(true)
      expect((await run(r.stat("/big"))).size).toBe(size)
    })

    it("sends one big chunk in slices of at most 1 MiB, not as one command", async () => {
      const r = fresh()
      const big = payload(16 * 1024 * 1024, 2)
      await run(r.writeFile("/one", big))
      const info = await raw.info("clients")
      const biggest = Number(/client_recent_max_input_buffer:(\d+)/.exec(info)?.[1])
      expect(biggest).toBeGreaterThan(0)
      expect(biggest).toBeLessThan(4 * 1024 * 1024)
      expect((await run(r.readFile("/one"))).length).toBe(big.length)
    })

    it("appends large input after the existing bytes", async () => {
      const r = fresh()
      const big = payload(2 * 1024 * 1024 + 5, 3)
      await run(r.writeFile("/f", bytes("head:")))
      await run(r.write("/f", Stream.fromArray([big.subarray(0, 100), big.subarray(100)]), { append: true }))
      const all = await run(r.readFile("/f"))
      expect(text(all.subarray(0, 5))).toBe("head:")
      expect(Buffer.from(all.subarray(5)).equals(big)).toBe(true)
    })

    it("leaves no temp key behind when a large input fails or is interrupted", async () => {
      const prefix = freshPrefix()
      const r = fresh({ keyPrefix: prefix })
      const piece = payload(3 * 1024 * 1024, 4)
      const failing = Stream.concat(Stream.succeed(piece), Stream.fail("boom"))
      expect(await failure(r.write("/f", failing))).toBe("boom")
      const stuck = Stream.concat(Stream.succeed(piece), Stream.never)
      await run(r.write("/g", stuck).pipe(Effect.timeout("200 millis"), Effect.ignore))
      expect(await raw.keys(`${prefix}t:*`)).toEqual([])
      expect(await run(r.exists("/f"))).toBe(false)
      expect(await run(r.exists("/g"))).toBe(false)
    })

    it("fails a multi-chunk read whose file is rewritten meanwhile, but not one appended to", async () => {
      const r = fresh()
      const readWhile = (change: Effect.Effect<void, unknown>) =>
        Effect.scoped(
          Effect.gen(function* () {
            const pull = yield* Stream.toPull(r.read("/f"))
            const first = yield* pull
            yield* change
            const second = yield* pull
            return [first[0].length, second[0].length]
          }),
        )
      await run(r.writeFile("/f", payload(100_000, 5)))
      expect(await run(readWhile(r.writeFile("/f", bytes("more"), { append: true })))).toEqual([65536, 100_000 - 65536])
      const error = await failure(readWhile(r.writeFile("/f", payload(100_000, 6))))
      expect(error).toMatchObject({ reason: "Conflict", detail: "file changed while being read", path: "/f" })
    })

    it("versions content: a fresh etag on every change, never reused", async () => {
      const r = fresh()
      const etag = async (path: string) => (await run(r.stat(path))).etag
      const seen = new Set<string | undefined>()
      const fresh1 = async (path: string) => {
        const tag = await etag(path)
        expect(tag).toBeDefined()
        expect(seen.has(tag)).toBe(false)
        seen.add(tag)
        return tag
      }
      await run(r.writeFile("/f", bytes("a")))
      const first = await fresh1("/f")
      await run(r.setMtime("/f", 5))
      expect(await etag("/f")).toBe(first)
      await run(r.writeFile("/f", bytes("b"), { append: true }))
      await fresh1("/f")
      await run(r.truncate("/f", 1))
      await fresh1("/f")
      await run(r.copyFile("/f", "/g"))
      await fresh1("/g")
      const moved = await etag("/g")
      await run(r.rename("/g", "/h"))
      expect(await etag("/h")).toBe(moved)
      await run(r.remove("/f"))
      await run(r.writeFile("/f", bytes("a")))
      await fresh1("/f")
      expect((await run(r.stat("/"))).etag).toBeUndefined()
    })

    it("resolves links inside the store: absolute from its root, '..' stops there, 40 hops at most", async () => {
      const r = fresh()
      await run(r.mkdirp("/etc"))
      await run(r.writeFile("/etc/passwd", bytes("inside")))
      await run(r.mkdir("/d"))
      await run(r.symlink("/etc/passwd", "/d/abs"))
      await run(r.symlink("/../../etc", "/d/climb"))
      await run(r.symlink("../../../etc/passwd", "/d/up"))
      expect(text(await run(r.readFile("/d/abs")))).toBe("inside")
      expect(text(await run(r.readFile("/d/climb/passwd")))).toBe("inside")
      expect(text(await run(r.readFile("/d/up")))).toBe("inside")
      await run(r.writeFile("/l0", bytes("end")))
      for (let i = 1; i <= 41; i++) await run(r.symlink(`l${i - 1}`, `/l${i}`))
      expect(text(await run(r.readFile("/l40")))).toBe("end")
      const error = await failure(r.readFile("/l41"))
      expect([error.reason, error.detail]).toEqual(["Backend", "Too many levels of symbolic links"])
    })

    it("keeps modes and server times", async () => {
      const r = fresh()
      const before = Date.now() - 1000
      await run(r.writeFile("/f", bytes("x")))
      await run(r.mkdir("/d"))
      await run(r.symlink("f", "/l"))
      const [f, d, l, root] = await run(Effect.all([r.stat("/f"), r.stat("/d"), r.lstat("/l"), r.stat("/")]))
      expect([f.mode, d.mode, l.mode, root.mode]).toEqual([0o644, 0o755, 0o777, 0o755])
      expect([d.size, l.size]).toEqual([4096, 1])
      expect(f.mtime).toBeGreaterThanOrEqual(before)
      expect(root.mtime).toBeGreaterThanOrEqual(before)
    })

    it("refuses a negative or fractional truncate", async () => {
      const r = fresh()
      await run(r.writeFile("/f", bytes("x")))
      expect(await outcome(r.truncate("/f", -1))).toBe("Backend")
      expect(await outcome(r.truncate("/f", 1.5))).toBe("Backend")
    })

    it("provides a namespace through layer(), closing its client with the layer", async () => {
      const clients = async () => (await raw.clientList()).length
      const before = await clients()
      const program = Effect.gen(function* () {
        const ns = yield* Namespace
        yield* ns.writeFile("/scratch/a", bytes("hi"))
        const back = text(yield* ns.readFile("/scratch/a"))
        return [back, yield* Effect.promise(clients)]
      })
      const options = { url: server.url, keyPrefix: freshPrefix() }
      expect(await run(program.pipe(Effect.provide(layer(options, "/scratch"))))).toEqual(["hi", before + 1])
      expect(await clients()).toBe(before)
      const readOnly: Layer.Layer<Namespace> = layer(options, "/ro", "read")
      const attempt = Namespace.use((ns) => ns.writeFile("/ro/a", bytes("")))
      expect(await outcome(attempt.pipe(Effect.provide(readOnly)))).toBe("ReadOnly")
    })

    it("uses a client passed in, with its own options, and leaves it open on close", async () => {
      const client = createClient({ url: server.url })
      const prefix = freshPrefix()
      const r = new RedisResource({ client, keyPrefix: prefix })
      await run(r.writeFile("/f", new Uint8Array([0xff, 0])))
      await run(r.close)
      expect(client.isOpen).toBe(true)
      const buffers = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer })
      expect(await buffers.get(`${prefix}c:/f`)).toEqual(Buffer.from([0xff, 0]))
      await client.close()
    })

    it("reconnects after its connection is killed", async () => {
      const r = fresh()
      await run(r.writeFile("/f", bytes("still here")))
      await raw.sendCommand(["CLIENT", "KILL", "TYPE", "normal", "SKIPME", "yes"])
      expect(text(await run(r.readFile("/f")))).toBe("still here")
    })
  })
})
