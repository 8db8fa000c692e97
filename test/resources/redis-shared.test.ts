import { Effect, Redacted } from "effect"
import { ConnectionTimeoutError, SimpleError } from "redis"
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest"
import { MountMode, Workspace } from "../../src/index.ts"
import { fromRedisError, RedisResource } from "../../src/resources/Redis.ts"
import type { RedisOptions } from "../../src/resources/Redis.ts"
import { bytes, failure, outcome, run, text } from "../vfs/support.ts"
import { freePort, hasRedisServer, skipNotice, startRedis } from "../support/redis.ts"
import type { RedisServer } from "../support/redis.ts"

/**
 * The Redis resource as several workspaces see it: two clients on one store,
 * racing writers, the shell on top, and failures (unreachable server, wrong
 * password) as a user meets them.
 */

if (!hasRedisServer) console.log(skipNotice)

let server: RedisServer
let prefixes = 0
const freshPrefix = (): string => `s${++prefixes}:`
const open: Array<RedisResource> = []
const resource = (options: RedisOptions): RedisResource => {
  const r = new RedisResource(options)
  open.push(r)
  return r
}
/** Two resources, each with its own client, on one store. */
const pair = (): readonly [RedisResource, RedisResource] => {
  const keyPrefix = freshPrefix()
  return [resource({ url: server.url, keyPrefix }), resource({ url: server.url, keyPrefix })]
}
const payload = (size: number, seed: number): Uint8Array => new Uint8Array(size).fill(seed)

describe.skipIf(!hasRedisServer)("Redis shared by several clients", () => {
  beforeAll(async () => {
    server = await startRedis()
  })
  afterEach(async () => {
    for (const r of open.splice(0)) await run(r.close)
  })
  afterAll(() => server?.stop())

  it("shows each client's changes to the other", async () => {
    const [a, b] = pair()
    await run(a.mkdirp("/x/y"))
    await run(a.writeFile("/x/y/f", bytes("from a")))
    expect(text(await run(b.readFile("/x/y/f")))).toBe("from a")
    await run(b.rename("/x/y", "/x/z"))
    await run(b.symlink("z/f", "/x/l"))
    expect((await run(a.list("/x"))).map((e) => `${e.name}:${e.type}`).sort()).toEqual(["l:symlink", "z:directory"])
    expect(text(await run(a.readFile("/x/l")))).toBe("from a")
    await run(b.removeRecursive("/x"))
    expect(await run(a.exists("/x"))).toBe(false)
  })

  it("never mixes two concurrent writers' contents, small or uploaded in pieces", async () => {
    const [a, b] = pair()
    // Even seeds fit in one command (1 MB); odd ones go through a temp key (1.1 MB).
    const payloads = Array.from({ length: 20 }, (_, i) => payload(i % 2 === 0 ? 1_000_000 : 1_100_000, i + 1))
    const reads: Array<string> = []
    const reader = Effect.forEach(
      Array.from({ length: 10 }),
      () =>
        a.readFile("/f").pipe(
          Effect.map((data) => (data.every((v) => v === data[0]) ? `whole ${data[0]}` : "mixed")),
          Effect.catch((error) => Effect.succeed(error.reason)),
          Effect.map((seen) => void reads.push(seen)),
        ),
      { discard: true },
    )
    await run(a.writeFile("/f", payload(10, 0)))
    await run(
      Effect.all(
        [Effect.forEach(payloads, (p, i) => (i % 2 === 0 ? a : b).writeFile("/f", p), { concurrency: 20 }), reader],
        {
          concurrency: 2,
        },
      ),
    )
    const final = await run(b.readFile("/f"))
    expect(payloads.some((p) => Buffer.from(p).equals(final))).toBe(true)
    expect((await run(a.stat("/f"))).size).toBe(final.length)
    // A read sees one whole content, or is told the file changed under it; never a mix.
    expect(reads.filter((r) => !/^whole \d+$|^Conflict$/.test(r))).toEqual([])
  })

  it("loses no concurrent append and lets one of two racing mkdirs win", async () => {
    const [a, b] = pair()
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i}\n`)
    await run(
      Effect.forEach(lines, (l, i) => (i % 2 ? a : b).writeFile("/log", bytes(l), { append: true }), {
        concurrency: 20,
      }),
    )
    expect(
      text(await run(a.readFile("/log")))
        .split("\n")
        .filter(Boolean)
        .sort(),
    ).toEqual(lines.map((l) => l.trim()).sort())
    const outcomes = await Promise.all([outcome(a.mkdir("/d")), outcome(b.mkdir("/d"))])
    expect(outcomes.sort()).toEqual(["AlreadyExists", "ok"])
    await Promise.all([run(a.mkdirp("/p/q/r")), run(b.mkdirp("/p/q/s"))])
    expect((await run(a.list("/p/q"))).map((e) => e.name).sort()).toEqual(["r", "s"])
  })

  it("runs the shell's file commands end to end", async () => {
    const ws = new Workspace(
      { "/r": resource({ url: server.url, keyPrefix: freshPrefix() }) },
      { mode: MountMode.WRITE },
    )
    // Expected outputs were confirmed with GNU bash and coreutils on a real directory.
    const cases: ReadonlyArray<readonly [string, string]> = [
      [
        "mkdir -p /r/a/b && echo hello > /r/a/b/x.txt && echo world >> /r/a/b/x.txt && printf 'b\\na\\nb\\nc\\nb\\n' > /r/a/l.txt && cat /r/a/b/x.txt",
        "hello\nworld\n",
      ],
      ["ls -l /r/a | cut -c1-10", "total 8\ndrwxr-xr-x\n-rw-r--r--\n"],
      ["find /r | sort", "/r\n/r/a\n/r/a/b\n/r/a/b/x.txt\n/r/a/l.txt\n"],
      ["grep -r hello /r", "/r/a/b/x.txt:hello\n"],
      ["cp /r/a/b/x.txt /r/a/y.txt && mv /r/a/y.txt /r/z.txt && cat /r/z.txt", "hello\nworld\n"],
      ["sort /r/a/l.txt | uniq -c", "      1 a\n      3 b\n      1 c\n"],
      [
        "cd /r && tar czf /r/t.tgz a && mkdir /r/out && tar xzf /r/t.tgz -C /r/out && find /r/out | sort && cat /r/out/a/b/x.txt",
        "/r/out\n/r/out/a\n/r/out/a/b\n/r/out/a/b/x.txt\n/r/out/a/l.txt\nhello\nworld\n",
      ],
      ["gzip -k /r/z.txt && ls /r && gunzip -c /r/z.txt.gz", "a\nout\nt.tgz\nz.txt\nz.txt.gz\nhello\nworld\n"],
      ["rm -r /r/a && ls /r", "out\nt.tgz\nz.txt\nz.txt.gz\n"],
    ]
    for (const [script, stdout] of cases) {
      const r = await ws.execute(script)
      expect([script, r.stdoutText, r.stderrText, r.exitCode]).toEqual([script, stdout, "", 0])
    }
    const missing = await ws.execute("cat /r/nope")
    expect([missing.stderrText, missing.exitCode]).toEqual(["cat: /r/nope: No such file or directory\n", 1])
    await ws.close()
  })

  it("fails fast with one line naming the mount and the cause when the server is unreachable", async () => {
    const port = await freePort()
    const ws = new Workspace(
      { "/r": new RedisResource({ url: `redis://127.0.0.1:${port}` }) },
      { mode: MountMode.WRITE },
    )
    const started = Date.now()
    const r = await ws.execute("cat /r/x")
    expect(r.exitCode).toBe(1)
    expect(r.stderrText).toBe(`cat: /r/x: Input/output error (/r: connect ECONNREFUSED 127.0.0.1:${port})\n`)
    const w = await ws.execute("echo hi > /r/x")
    expect(w.exitCode).toBe(1)
    expect(w.stderrText).toContain(`/r/x: Input/output error (/r: connect ECONNREFUSED 127.0.0.1:${port})`)
    expect(Date.now() - started).toBeLessThan(5000)
    await ws.close()
  })
})

describe.skipIf(!hasRedisServer)("Redis with a password", () => {
  const secret = "hunter2-s3cret"
  let guarded: RedisServer
  beforeAll(async () => {
    guarded = await startRedis(["--requirepass", secret])
  })
  afterEach(async () => {
    for (const r of open.splice(0)) await run(r.close)
  })
  afterAll(() => guarded?.stop())

  it("accepts the password as a string or a Redacted", async () => {
    for (const password of [secret, Redacted.make(secret)]) {
      const r = resource({ url: guarded.url, password })
      await run(r.writeFile("/f", bytes("ok")))
      expect(text(await run(r.readFile("/f")))).toBe("ok")
    }
  })

  it.each([
    ["no password", {}, "NOAUTH Authentication required"],
    [
      "a wrong password",
      { password: Redacted.make("wrong-pass-42") },
      "WRONGPASS invalid username-password pair or user is disabled.",
    ],
    [
      "a wrong password in the URL",
      { urlPassword: "wrong-pass-42" },
      "WRONGPASS invalid username-password pair or user is disabled.",
    ],
  ] as const)("refuses %s with PermissionDenied, naming no secret", async (_, given, detail) => {
    const url = "urlPassword" in given ? `redis://:${given.urlPassword}@127.0.0.1:${guarded.port}` : guarded.url
    const options = { url, ...("password" in given ? { password: given.password } : {}) }
    const r = resource(options)
    const error = await failure(r.stat("/"))
    expect([error.reason, error.detail]).toEqual(["PermissionDenied", detail])
    // The options object is the caller's: it holds what they put in it (a URL with its password).
    const ours = [error.message, String(error), JSON.stringify(error), String(r), JSON.stringify(r)]
    for (const t of [...ours, JSON.stringify(options)]) expect(t).not.toContain(secret)
    for (const t of ours) expect(t).not.toContain("wrong-pass-42")
  })
})

describe("fromRedisError", () => {
  const context = { to: "/to", endpoint: "127.0.0.1:7", secrets: ["pw-123"] }
  it.each([
    ["a script's errno", new SimpleError("MIRAGE ENOENT 0 script: 3fe4, on @user_script:1."), "NotFound /from -"],
    ["a script's errno about the target", new SimpleError("MIRAGE EISDIR 2"), "IsADirectory /to -"],
    ["a link loop", new SimpleError("MIRAGE ELOOP 1"), "Backend /from Too many levels of symbolic links"],
    ["a rewrite during a read", new SimpleError("MIRAGE ECHANGED 0"), "Conflict /from file changed while being read"],
    [
      "no password",
      new SimpleError("NOAUTH HELLO must be called with the client already authenticated"),
      "PermissionDenied /from NOAUTH Authentication required",
    ],
    [
      "a wrong password",
      new SimpleError("WRONGPASS invalid username-password pair"),
      "PermissionDenied /from WRONGPASS invalid username-password pair",
    ],
    [
      "a full server",
      new SimpleError("OOM command not allowed when used memory > 'maxmemory'."),
      "QuotaExceeded /from OOM command not allowed when used memory > 'maxmemory'.",
    ],
    [
      "a replica",
      new SimpleError("READONLY You can't write against a read only replica."),
      "ReadOnly /from READONLY You can't write against a read only replica.",
    ],
    [
      "another reply error",
      new SimpleError("ERR string exceeds maximum allowed size"),
      "Backend /from ERR string exceeds maximum allowed size",
    ],
    [
      "a refused connection",
      new Error("connect ECONNREFUSED 127.0.0.1:7"),
      "Backend /from connect ECONNREFUSED 127.0.0.1:7",
    ],
    ["a connect timeout", new ConnectionTimeoutError(), "Backend /from Connection timeout (127.0.0.1:7)"],
    ["a message holding a password", new Error("bad url :pw-123@h"), "Backend /from bad url :***@h (127.0.0.1:7)"],
  ])("maps %s", (_, error, want) => {
    const mapped = fromRedisError(error, "op", "/from", context)
    expect(`${mapped.reason} ${mapped.path} ${mapped.detail ?? "-"}`).toBe(want)
  })
})
