import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as net from "node:net"
import * as os from "node:os"
import * as nodePath from "node:path"
import { Effect, Redacted, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { SlackResource } from "../../src/resources/Slack.ts"
import type { SlackOptions } from "../../src/resources/Slack.ts"
import { micros, startSlackEmulator } from "../support/slack-emulator.ts"
import type { SeedMessage, SlackEmulator } from "../support/slack-emulator.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"
import { bytes, chunks, failure, outcome, run, text } from "../vfs/support.ts"

/**
 * The Slack resource end to end: the real `WebClient` against the emulator,
 * through the workspace's bash. Expected outputs come from the seed data or
 * from running the real GNU tools on the same bytes.
 */

let emu: SlackEmulator
beforeAll(async () => {
  emu = await startSlackEmulator()
})
afterAll(() => emu.close())

const DAY = "/slack/channels/general/2026-04-12.jsonl"

/** Request counts matter in most tests, so the cache is off unless a test turns it on. */
const slack = (options: Partial<SlackOptions> = {}) =>
  new SlackResource({ apiKey: emu.token, baseUrl: emu.url, cache: false, ...options })

const workspace = (options: Partial<SlackOptions> = {}) =>
  new Workspace({ "/slack": slack(options), "/data": new RAMResource() }, { mode: MountMode.WRITE })

/** Run a script with real bash and coreutils in `dir`. */
const real = (script: string, dir: string): string =>
  execFileSync("bash", ["-c", script], { cwd: dir, env: { ...process.env, LC_ALL: "C" }, encoding: "utf8" })

/** The messages of a channel's UTC day as the seed holds them: each parent, then its replies, oldest first. */
const seeded = (channel: string, day: string): Array<SeedMessage> => {
  const conv = emu.data.conversations.find((c) => c.name === channel)
  const all = conv?.messages ?? []
  const byTs = (a: SeedMessage, b: SeedMessage) => (micros(a.ts) < micros(b.ts) ? -1 : 1)
  const dayOf = (ts: string) => new Date(Number(micros(ts) / 1000n)).toISOString().slice(0, 10)
  const parents = all.filter((m) => (m.thread_ts === undefined || m.thread_ts === m.ts) && dayOf(m.ts) === day)
  return parents.sort(byTs).flatMap((p) => [p, ...all.filter((r) => r.thread_ts === p.ts && r.ts !== p.ts).sort(byTs)])
}

/** A port nothing listens on: one the system just handed out and took back. */
const closedPort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const address = server.address()
      server.close(() => (address !== null && typeof address !== "string" ? resolve(address.port) : reject()))
    })
  })

const parseLines = (out: string): Array<{ ts: string; text: string; thread_ts?: string; user_name?: string }> =>
  out
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l))

describe("SlackResource through the workspace", () => {
  it("lists the sections, channels, users and DMs", async () => {
    const ws = workspace()
    const r = await ws.execute("ls /slack; ls /slack/channels; ls /slack/users; ls /slack/dms")
    expect(r.stderrText).toBe("")
    expect(r.stdoutText).toBe(
      ["channels", "dms", "users", "general", "ops", "random", "alice.json", "bob.json", "carol.json", "dave.json"]
        .concat(["alice", "bob"])
        .join("\n") + "\n",
    )
  })

  it("reads the spec's day file: parents oldest first, each thread inline after its parent", async () => {
    const ws = workspace()
    const r = await ws.execute(`cat ${DAY}`)
    expect(r.exitCode).toBe(0)
    const lines = parseLines(r.stdoutText)
    const want = seeded("general", "2026-04-12")
    expect(lines.map((l) => [l.ts, l.text])).toEqual(want.map((m) => [m.ts, m.text]))
    // The reply posted after midnight stays under its parent, in the 12th's file.
    expect(lines.at(-1)?.text).toBe("late reply 🌙")
    const next = await ws.execute("cat /slack/channels/general/2026-04-13.jsonl")
    expect(next.stdoutText).not.toContain("late reply")
    expect(lines.map((l) => l.user_name)).toEqual(
      want.map((m) => ({ U001: "alice", U002: "bob", U003: "carol" })[m.user]),
    )
  })

  it("lists exactly the days that have messages", async () => {
    const ws = workspace()
    const r = await ws.execute("ls /slack/channels/general | wc -l; ls /slack/channels/ops")
    expect(r.stdoutText).toBe("30\n2026-04-10.jsonl\n2026-04-11.jsonl\n")
  })

  it("counts alerts across a month as real grep does on the same bytes", async () => {
    const ws = workspace()
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "slack-"))
    try {
      for (const name of (await ws.fs.readdir("/slack/channels/general")).map(String))
        fs.writeFileSync(nodePath.join(dir, name), await ws.fs.readFile(`/slack/channels/general/${name}`))
      const script = "grep -c alert *.jsonl | sort -t: -k2 -n | tail -3"
      const r = await ws.execute(`cd /slack/channels/general && ${script}`)
      expect(r.stderrText).toBe("")
      expect(r.stdoutText).toBe(real(script, dir))
      const counts = await ws.execute("grep -c alert /slack/channels/general/*.jsonl")
      const want = Array.from({ length: 30 }, (_, i) => {
        const day = `2026-04-${String(i + 1).padStart(2, "0")}`
        const n = seeded("general", day).filter((m) => m.text.includes("alert")).length
        return `/slack/channels/general/${day}.jsonl:${n}\n`
      })
      expect(counts.stdoutText).toBe(want.join(""))
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it("counts lines and bytes, and jq reads a day", async () => {
    const ws = workspace()
    const raw = text(await ws.fs.readFile(DAY))
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), "slack-"))
    try {
      fs.writeFileSync(nodePath.join(dir, "day.jsonl"), raw)
      const cases = [
        "wc -l < day.jsonl",
        "wc -c < day.jsonl",
        "jq -r '.user_name + \": \" + .text' day.jsonl",
        "jq -s 'map(select(.thread_ts != null and .thread_ts != .ts)) | length' day.jsonl",
      ]
      for (const script of cases) {
        const r = await ws.execute(script.replaceAll("day.jsonl", DAY))
        expect([script, r.stdoutText, r.stderrText]).toEqual([script, real(script, dir), ""])
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    expect(raw.split("\n").length - 1).toBe(seeded("general", "2026-04-12").length)
  })

  it("knows a day's size once it has been read; ls -l measures it", async () => {
    const ws = workspace()
    const size = async () => (await ws.execute(`ls -l ${DAY}`)).stdoutText.split(/\s+/)[4]
    expect((await ws.fs.stat(DAY)).size).toBeNull()
    const wc = await ws.execute(`wc -c ${DAY}`)
    const n = (await ws.fs.readFile(DAY)).length
    expect(wc.stdoutText).toBe(`${n} ${DAY}\n`)
    expect(await size()).toBe(String(n))
    expect((await ws.fs.stat(DAY)).size).toBe(n)
  })

  it("copies a day to RAM byte for byte", async () => {
    const ws = workspace()
    const r = await ws.execute(`cp ${DAY} /data/ && cmp ${DAY} /data/2026-04-12.jsonl && echo same`)
    expect([r.stdoutText, r.stderrText]).toEqual(["same\n", ""])
    expect(await ws.fs.readFile("/data/2026-04-12.jsonl")).toEqual(await ws.fs.readFile(DAY))
  })

  it("refuses every change with Read-only file system", async () => {
    const ws = workspace()
    const cases: ReadonlyArray<readonly [string, string]> = [
      [`rm ${DAY}`, `rm: cannot remove '${DAY}': Read-only file system\n`],
      ["mkdir /slack/channels/new", "mkdir: cannot create directory '/slack/channels/new': Read-only file system\n"],
      ["echo x > /slack/users/eve.json", "mirage: line 1: /slack/users/eve.json: Read-only file system\n"],
    ]
    for (const [script, stderr] of cases) {
      const r = await ws.execute(script)
      expect([script, r.exitCode, r.stderrText]).toEqual([script, 1, stderr])
    }
  })

  it("reads users and DMs", async () => {
    const ws = workspace()
    const r = await ws.execute(
      "jq -r .real_name /slack/users/carol.json; jq -r .text /slack/dms/alice/2026-04-03.jsonl",
    )
    expect(r.stdoutText).toBe("Zoë Carol\nhey, got a minute?\nsure — what's up\n")
  })

  it("puts a broadcast reply once, under its parent", async () => {
    const ws = workspace()
    const r = await ws.execute("jq -r .text /slack/channels/ops/2026-04-11.jsonl")
    expect(r.stdoutText).toBe("rollout plan?\ncanary first\nagreed, shipping\n")
  })

  it("names days in the configured time zone", async () => {
    const utc = await workspace().execute("ls /slack/channels/random")
    const ny = await workspace({ timezone: "America/New_York" }).execute("ls /slack/channels/random")
    const first = emu.data.conversations.find((c) => c.name === "random")?.messages[0]
    const seconds = first?.ts.split(".")[0]
    const want = real(`TZ=America/New_York date -d @${seconds} +%F; TZ=UTC date -d @${seconds} +%F`, os.tmpdir())
    expect(want).toBe("2026-04-01\n2026-04-02\n")
    expect(utc.stdoutText).toBe("2026-04-02.jsonl\n2026-04-05.jsonl\n")
    expect(ny.stdoutText).toBe("2026-04-01.jsonl\n2026-04-05.jsonl\n")
    const line = await workspace({ timezone: "America/New_York" }).execute(
      "jq -r .text /slack/channels/random/2026-04-01.jsonl",
    )
    expect(line.stdoutText).toBe("🎉 party at Zoë’s\n")
  })
})

describe("SlackResource requests", () => {
  it("follows every page: channels, users, a channel's history, a day", async () => {
    const ws = workspace()
    emu.resetCalls()
    await ws.execute("ls /slack/channels /slack/users")
    expect([emu.calls("conversations.list"), emu.calls("users.list")]).toEqual([2, 2])
    emu.resetCalls()
    await ws.execute("ls /slack/channels/general >/dev/null")
    const topLevel = emu.data.conversations[0].messages.filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts)
    expect(emu.calls("conversations.history")).toBe(Math.ceil(topLevel.length / 2))
    emu.resetCalls()
    // 2026-04-12: 3 top-level messages (2 pages), two threads (2 pages of replies each).
    await ws.execute(`cat ${DAY} >/dev/null`)
    expect([emu.calls("conversations.history"), emu.calls("conversations.replies")]).toEqual([2, 3])
  })

  it("waits out a 429 for its Retry-After and retries", async () => {
    const ws = workspace()
    emu.resetCalls()
    emu.rateLimitNext(1, 1)
    const before = emu.rateLimited()
    const started = Date.now()
    const r = await ws.execute("ls /slack/channels")
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([0, "general\nops\nrandom\n", ""])
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(emu.rateLimited() - before).toBe(1)
    // Two pages plus the one retried.
    expect(emu.calls("conversations.list")).toBe(3)
  })

  it("gives up after maxRetries with a one-line rate-limit error", async () => {
    const ws = workspace({ maxRetries: 1 })
    emu.resetCalls()
    emu.rateLimitNext(2, 1)
    const r = await ws.execute("ls /slack/users")
    expect([r.exitCode, r.stderrText]).toEqual([
      2,
      "ls: cannot open directory '/slack/users': Input/output error (/slack: rate limited, retried 1 time)\n",
    ])
    expect(emu.calls("users.list")).toBe(2)
  })

  it("stops waiting out a rate limit when the script is aborted", async () => {
    const ws = workspace()
    emu.rateLimitNext(1, 30)
    const controller = new AbortController()
    const started = Date.now()
    setTimeout(() => controller.abort(), 200)
    const r = await ws.execute("ls /slack/channels", { signal: controller.signal })
    expect(r.exitCode).toBe(130)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it("stats a listed channel's days without fetching each day", async () => {
    const ws = workspace()
    await ws.execute("ls /slack/channels/general >/dev/null")
    emu.resetCalls()
    const r = await ws.execute("ls -l /slack/channels/general | wc -l")
    expect(r.stdoutText).toBe("31\n")
    expect(emu.calls("conversations.history")).toBe(0)
  })

  it("reads without user names when the token lacks users:read", async () => {
    emu.failNext("users.list", "missing_scope")
    const r = await workspace().execute("jq -r '.user_name // \"-\"' /slack/channels/ops/2026-04-10.jsonl")
    expect([r.stdoutText, r.stderrText]).toEqual(["-\n-\n-\n", ""])
  })

  it("reports a wrong token in one line, without the token", async () => {
    const secret = "xoxb-wrong-secret-1234"
    const ws = workspace({ apiKey: secret })
    const r = await ws.execute(`cat ${DAY}; ls /slack/channels`)
    expect(r.stderrText).toBe(
      `cat: ${DAY}: Permission denied (/slack: invalid_auth)\n` +
        "ls: cannot open directory '/slack/channels': Permission denied (/slack: invalid_auth)\n",
    )
    expect(r.stdoutText + r.stderrText).not.toContain(secret)
  })

  it("maps Slack's errors and a dead endpoint to reasons with their cause", async () => {
    emu.failNext("conversations.history", "channel_not_found")
    const gone = await failure(slack().readFile(DAY.replace("/slack", "")))
    expect([gone.reason, gone.detail]).toEqual(["NotFound", "channel_not_found"])
    emu.failNext("users.list", "missing_scope")
    const scope = await failure(slack().list("/users"))
    expect([scope.reason, scope.detail]).toEqual(["PermissionDenied", "missing_scope"])
    const port = await closedPort()
    const dead = await failure(slack({ baseUrl: `http://127.0.0.1:${port}/api/` }).list("/channels"))
    expect([dead.reason, dead.detail]).toEqual(["Backend", `connect ECONNREFUSED 127.0.0.1:${port}`])
  })

  it("makes no request for a second cat with the default cache", async () => {
    const ws = new Workspace({ "/slack": slack({ cache: undefined }) })
    const first = await ws.execute(`cat ${DAY}`)
    emu.resetCalls()
    const second = await ws.execute(`cat ${DAY}`)
    expect(second.stdoutText).toBe(first.stdoutText)
    expect(emu.calls()).toBe(0)
  })
})

describe("SlackResource primitives", () => {
  const path = "/channels/general/2026-04-12.jsonl"

  it("is read-only everywhere", async () => {
    const r = slack()
    const acts = [
      r.writeFile(path, bytes("x")),
      r.writeFile("/channels/new.txt", bytes("x")),
      r.mkdir("/channels/new"),
      r.remove(path),
      r.rename(path, "/x"),
      r.copy(path, "/channels/general/x"),
      r.symlink("x", "/l"),
      r.setMtime(path, 0),
      r.truncate(path, 0),
    ]
    for (const act of acts) expect(await outcome(act)).toBe("ReadOnly")
  })

  it("names missing paths, files and directories as POSIX does", async () => {
    const r = slack()
    const cases: ReadonlyArray<readonly [Effect.Effect<unknown, VfsError>, string]> = [
      [r.stat("/nope"), "NotFound"],
      [r.stat("/channels/nope"), "NotFound"],
      [r.stat("/channels/general/2026-05-01.jsonl"), "NotFound"],
      [r.stat("/channels/general/notes.txt"), "NotFound"],
      [r.stat("/users/nobody.json"), "NotFound"],
      [r.stat("/users/carol.json/x"), "NotADirectory"],
      [r.list(path), "NotADirectory"],
      [r.readFile("/channels"), "IsADirectory"],
      [r.readlink(path), "Backend"],
      [r.stat("/dms/alice"), "ok"],
    ]
    for (const [act, want] of cases) expect(await outcome(act)).toBe(want)
  })

  it("gives a day's size and version once read, and byte ranges of it", async () => {
    const r = slack()
    const before = await run(r.stat(path))
    expect([before.type, before.size, before.mode]).toEqual(["file", null, 0o444])
    const all = await run(r.readFile(path))
    const after = await run(r.stat(path))
    expect([after.size, after.etag]).toEqual([all.length, before.etag])
    // The whole day arrives as one chunk, not one per line.
    expect((await chunks(r.read(path))).length).toBe(1)
    for (const [start, end] of [
      [0, 10],
      [10, 200],
      [500, undefined],
      [all.length - 1, all.length + 5],
      [5, 5],
    ] as const) {
      const got = await run(Stream.runCollect(r.read(path, { start, end })))
      expect(Buffer.concat(got)).toEqual(Buffer.from(all.subarray(start, end)))
    }
  })

  it("keeps the token out of errors and of the resource's text", async () => {
    const secret = "xoxp-very-secret-5678"
    const options = { apiKey: Redacted.make(secret), baseUrl: emu.url, cache: false as const }
    const r = new SlackResource(options)
    const error = await failure(r.list("/channels"))
    expect(error.reason).toBe("PermissionDenied")
    const texts = [error.message, String(error), JSON.stringify(error), String(r), JSON.stringify(r)]
    texts.push(JSON.stringify(options), String(options.apiKey))
    for (const t of texts) expect(t).not.toContain(secret)
  })
})
