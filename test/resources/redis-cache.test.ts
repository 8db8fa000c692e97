import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, Workspace } from "../../src/index.ts"
import * as RedisCache from "../../src/resources/RedisCache.ts"
import * as Cache from "../../src/vfs/Cache.ts"
import { remote } from "../support/counting.ts"
import { hasRedisServer, type RedisServer, skipNotice, startRedis } from "../support/redis.ts"

/**
 * The cache kept in Redis is shared: what one workspace (standing for one
 * process) fetched, another reads without reaching the backend, and a write
 * through one makes the other stop serving the old bytes.
 */

if (!hasRedisServer) console.log(`redis-cache.test.ts ${skipNotice}`)

describe.skipIf(!hasRedisServer)("RedisCache.store", () => {
  let server: RedisServer
  const stores: Array<RedisCache.RedisCacheStore> = []
  beforeAll(async () => {
    server = await startRedis()
  })
  afterAll(async () => {
    for (const store of stores) await Effect.runPromise(store.close)
    await server.stop()
  })
  const store = (keyPrefix: string) => {
    const s = RedisCache.store({ url: server.url, keyPrefix })
    stores.push(s)
    return s
  }

  it("shares fetched listings and bytes between workspaces, and invalidations too", async () => {
    const { resource, calls } = remote()
    // Two workspaces, each with its own cache wrapper and store client, as two processes would have.
    const one = new Workspace(
      { "/r": Cache.wrap(resource, "shared", { store: store("s1:") }) },
      { mode: MountMode.WRITE },
    )
    const two = new Workspace(
      { "/r": Cache.wrap(resource, "shared", { store: store("s1:") }) },
      { mode: MountMode.WRITE },
    )
    await one.execute("mkdir -p /r/d && seq 5000 > /r/d/n && printf 'a\\0b\\377' > /r/d/bin")
    expect((await one.execute("find /r | sort; md5sum /r/d/n /r/d/bin")).exitCode).toBe(0)
    calls.length = 0
    const seen = await two.execute("find /r | sort; md5sum /r/d/n /r/d/bin")
    expect(calls).toEqual([])
    expect(seen.stdoutText).toBe((await one.execute("find /r | sort; md5sum /r/d/n /r/d/bin")).stdoutText)

    await two.execute("echo changed > /r/d/n")
    expect((await one.execute("cat /r/d/n")).stdoutText).toBe("changed\n")
    await two.execute("rm -r /r/d")
    expect((await one.execute("ls /r")).stdoutText).toBe("")
  })

  it("evicts the least recently used files past its byte budget", async () => {
    const { resource, calls } = remote()
    const ws = new Workspace(
      { "/r": Cache.wrap(resource, "lru", { store: store("s2:"), fileBytes: 10_000, maxFileBytes: 6_000 }) },
      { mode: MountMode.WRITE },
    )
    await ws.execute("for f in a b c; do head -c 4000 /dev/zero > /r/$f; done")
    await ws.execute("cat /r/a /r/b > /dev/null; sleep 0.01; cat /r/a > /dev/null; sleep 0.01; cat /r/c > /dev/null")
    calls.length = 0
    await ws.execute("cat /r/a /r/c > /dev/null")
    expect(calls.filter((c) => c === "read")).toEqual([])
    await ws.execute("cat /r/b > /dev/null")
    expect(calls.filter((c) => c === "read")).toEqual(["read"])
  })

  it("degrades to no cache when Redis is unreachable", async () => {
    const { resource } = remote()
    const dead = RedisCache.store({ url: "redis://127.0.0.1:1" })
    stores.push(dead)
    const ws = new Workspace({ "/r": Cache.wrap(resource, "dead", { store: dead }) }, { mode: MountMode.WRITE })
    const r = await ws.execute("echo hi > /r/x && cat /r/x && ls /r")
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([0, "hi\nx\n", ""])
  })
})
