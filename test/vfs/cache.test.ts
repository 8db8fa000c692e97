import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { MountMode, Workspace } from "../../src/index.ts"
import * as Cache from "../../src/vfs/Cache.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import { remote } from "../support/counting.ts"

const workspace = (resource: Resource) => new Workspace({ "/r": resource }, { mode: MountMode.WRITE })

const seed = async (ws: Workspace) => {
  const r = await ws.execute("mkdir -p /r/a/b && echo one > /r/a/x.txt && echo two > /r/a/b/y.txt && seq 1000 > /r/n")
  expect(r.exitCode).toBe(0)
}

describe("Cache.wrap", () => {
  it("answers a repeated find, ls -l and cat without reaching the backend", async () => {
    const { resource, calls } = remote()
    const ws = workspace(Cache.wrap(resource, "t1", { store: Cache.memoryStore() }))
    await seed(ws)
    for (const script of [
      "find /r | sort",
      "ls -lR /r",
      "cat /r/a/x.txt /r/a/b/y.txt",
      "wc -l /r/n",
      "grep -r two /r",
    ]) {
      const first = await ws.execute(script)
      calls.length = 0
      const second = await ws.execute(script)
      expect(calls, script).toEqual([])
      expect(second.stdoutText).toBe(first.stdoutText)
      expect(second.exitCode).toBe(first.exitCode)
    }
  })

  it("sees a change made elsewhere after the TTL, or at once with fresh", async () => {
    const { resource, calls, changeElsewhere } = remote()
    const ws = workspace(Cache.wrap(resource, "t2", { indexTtl: 200, store: Cache.memoryStore() }))
    await seed(ws)
    expect((await ws.execute("cat /r/a/x.txt")).stdoutText).toBe("one\n")
    await changeElsewhere("/a/x.txt", "changed\n")
    // Within the TTL the cached stat still vouches for the cached bytes.
    expect((await ws.execute("cat /r/a/x.txt")).stdoutText).toBe("one\n")
    calls.length = 0
    expect((await ws.execute("cat /r/a/x.txt", { fresh: true })).stdoutText).toBe("changed\n")
    expect(calls).toContain("stat")
    await changeElsewhere("/a/x.txt", "again\n")
    await new Promise((resolve) => setTimeout(resolve, 250))
    expect((await ws.execute("cat /r/a/x.txt")).stdoutText).toBe("again\n")
  })

  it("revalidates by version: an unchanged file after the TTL costs one stat, not a read", async () => {
    const { resource, calls } = remote()
    const ws = workspace(Cache.wrap(resource, "t3", { indexTtl: 100, store: Cache.memoryStore() }))
    await seed(ws)
    await ws.execute("cat /r/n > /dev/null")
    await new Promise((resolve) => setTimeout(resolve, 150))
    calls.length = 0
    expect((await ws.execute("wc -l < /r/n")).stdoutText).toBe("1000\n")
    expect(calls).toEqual(["stat"])
  })

  it("invalidates what a write through the workspace touched", async () => {
    const { resource } = remote()
    const ws = workspace(Cache.wrap(resource, "t4", { store: Cache.memoryStore() }))
    await seed(ws)
    await ws.execute("ls /r/a; cat /r/a/x.txt")
    const r = await ws.execute(
      "echo new >> /r/a/x.txt; touch /r/a/z; cat /r/a/x.txt; ls /r/a; rm -r /r/a/b; ls /r/a; mv /r/a /r/c; ls /r; cat /r/c/x.txt",
    )
    expect(r.stdoutText).toBe("one\nnew\nb\nx.txt\nz\nx.txt\nz\nc\nn\none\nnew\n")
    expect(r.exitCode).toBe(0)
  })

  it("remembers a missing path for the TTL and forgets it when the path is created", async () => {
    const { resource, calls } = remote()
    const ws = workspace(Cache.wrap(resource, "t5", { store: Cache.memoryStore() }))
    await seed(ws)
    await ws.execute("test -e /r/nope")
    calls.length = 0
    expect((await ws.execute("test -e /r/nope")).exitCode).toBe(1)
    expect(calls).toEqual([])
    expect((await ws.execute("echo hi > /r/nope && cat /r/nope")).stdoutText).toBe("hi\n")
  })

  it("reports the real size of a file whose size is unknown until read, once read", async () => {
    const { resource } = remote({ sizeUnknown: true, etags: false })
    const ws = workspace(Cache.wrap(resource, "t6", { store: Cache.memoryStore() }))
    await seed(ws)
    expect((await ws.fs.stat("/r/a/x.txt")).size).toBeNull()
    expect((await ws.execute("cat /r/a/x.txt")).stdoutText).toBe("one\n")
    expect((await ws.fs.stat("/r/a/x.txt")).size).toBe(4)
  })

  it("serves byte ranges from cached bytes", async () => {
    const { resource, calls } = remote()
    const cached = Cache.wrap(resource, "t7", { store: Cache.memoryStore() })
    const ws = workspace(cached)
    await ws.execute("seq 100000 > /r/big; cat /r/big > /dev/null")
    calls.length = 0
    const bytes = await Effect.runPromise(
      Stream.runCollect(cached.read("/big", { start: 100_000, end: 100_010 })).pipe(
        Effect.map((chunks) => new TextDecoder().decode(Uint8Array.from(chunks.flatMap((c) => [...c])))),
      ),
    )
    expect(bytes).toBe("8\n18519\n18")
    expect(calls).toEqual([])
  })

  it("keeps at most its byte budget, dropping the least recently used file first", async () => {
    const store = Cache.memoryStore()
    const { resource, calls } = remote()
    const ws = workspace(Cache.wrap(resource, "t8", { store, fileBytes: 10_000, maxFileBytes: 6_000 }))
    await ws.execute("head -c 4000 /dev/zero > /r/a; head -c 4000 /dev/zero > /r/b; head -c 4000 /dev/zero > /r/c")
    await ws.execute("cat /r/a /r/b > /dev/null")
    await ws.execute("cat /r/a > /dev/null") // a is now the most recently used
    await ws.execute("cat /r/c > /dev/null") // evicts b
    calls.length = 0
    await ws.execute("cat /r/a /r/c > /dev/null")
    expect(calls.filter((c) => c === "read")).toEqual([])
    await ws.execute("cat /r/b > /dev/null")
    expect(calls.filter((c) => c === "read")).toEqual(["read"])
  })

  it("never keeps a file larger than maxFileBytes, and still streams it whole", async () => {
    const { resource, calls } = remote()
    const ws = workspace(Cache.wrap(resource, "t9", { store: Cache.memoryStore(), maxFileBytes: 1000 }))
    await ws.execute("seq 10000 > /r/big")
    await ws.execute("cat /r/big > /dev/null")
    calls.length = 0
    expect((await ws.execute("wc -c < /r/big")).stdoutText).toBe("48894\n")
    expect(calls).toContain("read")
  })

  it("is the resource itself when turned off", () => {
    const { resource } = remote()
    expect(Cache.wrap(resource, "t10", false)).toBe(resource)
  })
})
