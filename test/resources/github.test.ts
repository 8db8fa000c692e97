import { createHash } from "node:crypto"
import * as http from "node:http"
import { Effect, Redacted } from "effect"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { MountMode, Workspace } from "../../src/index.ts"
import type { GitHubOptions } from "../../src/resources/GitHub.ts"
import { GitHubResource, layer, make } from "../../src/resources/GitHub.ts"
import { memoryStore } from "../../src/vfs/Cache.ts"
import { Namespace } from "../../src/vfs/Namespace.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"
import type { GitHubEmulator } from "../support/github-emulator.ts"
import { bigText, binaryBytes, demoRepo } from "../support/github-demo.ts"
import { blobSha, file, startGitHubEmulator } from "../support/github-emulator.ts"
import { bytes, chunks, failure, run, text } from "../vfs/support.ts"

/**
 * The GitHub resource against the emulator, through the public API. Expected
 * outputs were confirmed by running GNU coreutils (LC_ALL=C) on a checkout of
 * the same tree, whose `git write-tree` gives the emulator's root tree sha.
 */

const TOKEN = "ghp_emulatorToken0123456789"
let emu: GitHubEmulator

beforeAll(async () => {
  emu = await startGitHubEmulator(demoRepo(), { token: TOKEN })
})
afterAll(() => emu.close())
beforeEach(() => emu.reset())

const options = (extra: Partial<GitHubOptions> = {}): GitHubOptions => ({
  owner: "octo",
  repo: "demo",
  baseUrl: emu.url,
  token: TOKEN,
  cache: false,
  ...extra,
})

/** A workspace with the repository at /gh, mounted writable so refusals come from the resource itself. */
const mount = (extra: Partial<GitHubOptions> = {}) =>
  new Workspace({ "/gh": new GitHubResource(options(extra)) }, { mode: MountMode.WRITE })

/** A port nothing listens on: one the system just gave out and took back. */
const closedPort = async (): Promise<number> => {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  await new Promise((resolve) => server.close(resolve))
  return typeof address === "object" && address !== null ? address.port : 0
}

const README = "# demo\n\nA small repository for Mirage's GitHub tests.\n"

describe("GitHubResource through the shell", () => {
  const cases: ReadonlyArray<{ readonly cmd: string; readonly out: string }> = [
    {
      cmd: "ls -R /gh",
      out: [
        "/gh:\nREADME.md\nassets\nbin\ndata\ndocs\nlib-link\nsrc\nvendor\n",
        "/gh/assets:\nlogo.bin\n",
        "/gh/bin:\nrun.sh\n",
        "/gh/data:\nbig.txt\n",
        "/gh/docs:\nguide.md\nreadme-link\n",
        "/gh/src:\nindex.ts\nlib\nnew.ts\nutil.ts\n",
        "/gh/src/lib:\nmath.ts\nup\n",
        "/gh/vendor:\nlib\n",
        "/gh/vendor/lib:\n",
      ].join("\n"),
    },
    { cmd: "cat /gh/README.md", out: README },
    {
      cmd: "grep -rn export /gh/src | sort",
      out: [
        '/gh/src/index.ts:1:export { add } from "./util.ts"',
        '/gh/src/index.ts:2:export const version = "2.0.0"',
        "/gh/src/lib/math.ts:1:export const square = (x: number): number => x * x",
        "/gh/src/lib/math.ts:2:export const cube = (x: number): number => x * x * x",
        "/gh/src/new.ts:1:export const added = true",
        "/gh/src/util.ts:1:export const add = (a: number, b: number): number => a + b",
        "",
      ].join("\n"),
    },
    {
      cmd: "find /gh -name '*.ts' | sort | xargs wc -l",
      out: "  2 /gh/src/index.ts\n  2 /gh/src/lib/math.ts\n  1 /gh/src/new.ts\n  2 /gh/src/util.ts\n  7 total\n",
    },
    { cmd: "md5sum /gh/assets/logo.bin", out: "4a846712119b458b797c8a3d87cca37c  /gh/assets/logo.bin\n" },
    {
      cmd: "head -c 130 /gh/data/big.txt",
      out: "line 000001 the quick brown fox jumps over the lazy dog.\nline 000002 the quick brown fox jumps over the lazy dog.\nline 000003 the ",
    },
    { cmd: "tail -c 61 /gh/data/big.txt", out: "og.\nline 005000 the quick brown fox jumps over the lazy dog.\n" },
    { cmd: "wc -c /gh/data/big.txt", out: "285000 /gh/data/big.txt\n" },
    { cmd: "readlink /gh/docs/readme-link /gh/src/lib/up", out: "../README.md\n../../../README.md\n" },
    { cmd: "cat /gh/docs/readme-link", out: README },
    // ".." stops at the repository root, so a link climbing past it lands on the root's README.
    { cmd: "cat /gh/src/lib/up", out: README },
    { cmd: "ls /gh/lib-link/", out: "math.ts\nup\n" },
    { cmd: "find /gh -type l | sort", out: "/gh/docs/readme-link\n/gh/lib-link\n/gh/src/lib/up\n" },
    { cmd: "ls /gh/vendor/lib; test -d /gh/vendor/lib && echo dir", out: "dir\n" },
    {
      cmd: "stat -c '%a %s %F' /gh/bin/run.sh /gh/lib-link /gh/vendor/lib /gh/README.md",
      out: "755 23 regular file\n777 7 symbolic link\n755 4096 directory\n644 54 regular file\n",
    },
  ]

  it.each(cases)("$cmd", async ({ cmd, out }) => {
    const r = await mount().execute(cmd)
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual([out, "", 0])
  })

  it("reads the binary file byte for byte (md5 of the seed)", async () => {
    const md5 = createHash("md5").update(binaryBytes()).digest("hex")
    const r = await mount().execute("md5sum /gh/assets/logo.bin")
    expect(r.stdoutText).toBe(`${md5}  /gh/assets/logo.bin\n`)
  })

  it("shows each ref's tree: a tag and the default branch differ", async () => {
    const ws = new Workspace({
      "/main": new GitHubResource(options()),
      "/v1": new GitHubResource(options({ ref: "v1.0" })),
    })
    const r = await ws.execute("diff /v1/src/index.ts /main/src/index.ts; ls /v1/src; cat /v1/README.md")
    expect(r.stdoutText).toBe(
      '2c2\n< export const version = "1.0.0"\n---\n> export const version = "2.0.0"\n' +
        "index.ts\nlib\nutil.ts\n# demo\n\nFirst release.\n",
    )
    const bySha = await new Workspace({ "/c": new GitHubResource(options({ ref: emu.commitOf("v1.0") })) }).execute(
      "head -1 /c/src/index.ts; cat /c/src/new.ts",
    )
    expect([bySha.stdoutText, bySha.stderrText]).toEqual([
      'export { add } from "./util.ts"\n',
      "cat: /c/src/new.ts: No such file or directory\n",
    ])
  })

  const refusals: ReadonlyArray<readonly [string, string]> = [
    ["rm /gh/README.md", "rm: cannot remove '/gh/README.md': Read-only file system\n"],
    ["echo x > /gh/new.txt", "mirage: line 1: /gh/new.txt: Read-only file system\n"],
    ["mkdir /gh/d", "mkdir: cannot create directory '/gh/d': Read-only file system\n"],
    ["touch /gh/README.md", "touch: cannot touch '/gh/README.md': Read-only file system\n"],
    ["mv /gh/README.md /gh/R", "mv: cannot move '/gh/README.md' to '/gh/R': Read-only file system\n"],
    ["ln -s a /gh/l", "ln: failed to create symbolic link '/gh/l': Read-only file system\n"],
    ["echo x >> /gh/README.md", "mirage: line 1: /gh/README.md: Read-only file system\n"],
    ["echo x > /gh/README.md", "mirage: line 1: /gh/README.md: Read-only file system\n"],
  ]

  it.each(refusals)("refuses `%s`", async (cmd, err) => {
    const ws = mount()
    const r = await ws.execute(cmd)
    expect([r.stderrText, r.exitCode]).toEqual([err, 1])
    expect((await ws.execute("cat /gh/README.md")).stdoutText).toBe(README)
  })

  it("is refused by a read-only mount (the Workspace default) before any request", async () => {
    const ws = new Workspace({ "/gh": new GitHubResource(options()) })
    const r = await ws.execute("echo x >> /gh/README.md; rm /gh/README.md")
    expect(r.stderrText).toBe(
      "mirage: line 1: /gh/README.md: Read-only file system\nrm: cannot remove '/gh/README.md': Read-only file system\n",
    )
  })
})

describe("GitHubResource primitives", () => {
  it("takes size, mode, etag (the blob sha) and type from the tree entries", async () => {
    const r = make(options())
    const [script, link, linked, sub, root] = await run(
      Effect.all([
        r.stat("/bin/run.sh"),
        r.lstat("/lib-link"),
        r.stat("/lib-link"),
        r.stat("/vendor/lib"),
        r.stat("/"),
      ]),
    )
    expect(script).toMatchObject({ type: "file", size: 23, mode: 0o755, etag: blobSha("#!/bin/sh\necho running\n") })
    expect(link).toMatchObject({ type: "symlink", size: 7, mode: 0o777, etag: blobSha("src/lib") })
    expect([linked.type, sub.type, root.type]).toEqual(["directory", "directory", "directory"])
    // Every entry carries the commit's time.
    expect(script.mtime).toBeGreaterThan(Date.parse("2026-01-01"))
    expect(new Set([script.mtime, link.mtime, root.mtime]).size).toBe(1)
    const entries = await run(r.list("/bin"))
    expect(entries).toEqual([{ name: "run.sh", type: "file", stat: script }])
  })

  it("names errors as POSIX does", async () => {
    const r = make(options())
    const attempts: ReadonlyArray<Effect.Effect<unknown, VfsError>> = [
      r.stat("/nope"),
      r.stat("/README.md/x"),
      r.list("/README.md"),
      r.readFile("/src"),
      r.readlink("/README.md"),
      r.stat("/vendor/lib/x"),
    ]
    const reasons = await Promise.all(attempts.map((e) => failure(e).then((error) => error.reason)))
    expect(reasons).toEqual(["NotFound", "NotADirectory", "NotADirectory", "IsADirectory", "Backend", "NotFound"])
  })

  it("fails every mutation with ReadOnly", async () => {
    const r = make(options())
    const attempts: ReadonlyArray<Effect.Effect<unknown, VfsError>> = [
      r.writeFile("/x", bytes("x")),
      r.mkdir("/d"),
      r.remove("/README.md"),
      r.rename("/README.md", "/R"),
      r.copy("/README.md", "/R"),
      r.symlink("README.md", "/l"),
      r.setMtime("/README.md", 0),
      r.truncate("/README.md", 0),
    ]
    const reasons = await Promise.all(attempts.map((e) => failure(e).then((error) => error.reason)))
    expect(reasons).toEqual(Array.from({ length: attempts.length }, () => "ReadOnly"))
    expect(emu.count()).toBe(0)
  })

  it("streams a large file raw in chunks of at most 64 KiB", async () => {
    const parts = await chunks(make(options()).read("/data/big.txt"))
    expect(parts.length).toBeGreaterThan(4)
    expect(parts.every((c) => c.length <= 65536)).toBe(true)
    expect(text(Buffer.concat(parts))).toBe(bigText())
    expect(emu.rawBytes()).toBe(285000)
  })

  it.each([true, false])("reads byte ranges (server honours Range: %s)", async (ranges) => {
    const server = ranges ? emu : await startGitHubEmulator(demoRepo(), { token: TOKEN, ranges })
    try {
      const r = make(options({ baseUrl: server.url }))
      const big = bigText()
      const ranged = [{ start: 70_000, end: 70_100 }, { start: 0, end: 10 }, { start: 284_990 }, { start: 300_000 }]
      for (const range of ranged)
        expect(text(Buffer.concat(await chunks(r.read("/data/big.txt", range))))).toBe(
          big.slice(range.start, range.end),
        )
      if (ranges) expect(server.rawBytes()).toBe(100 + 10 + 10)
      expect(text(Buffer.concat(await chunks(r.read("/README.md", { start: 2, end: 6 }))))).toBe("demo")
    } finally {
      if (!ranges) await server.close()
    }
  })

  it("fetches lazily: one tree per directory walked, remembered, and the ref resolved once", async () => {
    const ws = mount()
    expect((await ws.execute("cat /gh/src/lib/math.ts")).exitCode).toBe(0)
    expect([emu.count("/git/trees/"), emu.count("/git/blobs/"), emu.count()]).toEqual([3, 1, 7])
    expect((await ws.execute("cat /gh/src/util.ts /gh/src/lib/math.ts")).exitCode).toBe(0)
    expect([emu.count("/git/trees/"), emu.count("/git/blobs/"), emu.count("demo/commits/")]).toEqual([3, 3, 1])
  })

  it("keeps the commit it resolved while the branch moves", async () => {
    const server = await startGitHubEmulator(demoRepo(), { token: TOKEN })
    try {
      const before = mount({ baseUrl: server.url })
      expect((await before.execute("cat /gh/README.md")).stdoutText).toBe(README)
      server.setRef("main", { "README.md": file("pushed\n") })
      expect((await before.execute("cat /gh/README.md; ls /gh | wc -l")).stdoutText).toBe(`${README}8\n`)
      const after = mount({ baseUrl: server.url })
      expect((await after.execute("cat /gh/README.md; ls /gh")).stdoutText).toBe("pushed\nREADME.md\n")
    } finally {
      await server.close()
    }
  })

  it("makes no request for a repeated ls or cat when cached", async () => {
    const ws = mount({ cache: { store: memoryStore() } })
    const first = await ws.execute("ls -R /gh >/dev/null; cat /gh/README.md /gh/data/big.txt | wc -c")
    expect(first.stdoutText).toBe("285054\n")
    const before = emu.count()
    const again = await ws.execute("ls -R /gh | wc -l; cat /gh/README.md /gh/data/big.txt | wc -c")
    expect(again.stdoutText).toBe("37\n285054\n")
    expect(emu.count()).toBe(before)
  })

  it("reads a public repository anonymously, sending no Authorization header", async () => {
    const r = await mount({ token: undefined }).execute("head -1 /gh/README.md")
    expect([r.stdoutText, r.stderrText]).toEqual(["# demo\n", ""])
  })

  it("provides a read-only namespace through layer()", async () => {
    const program = Namespace.use((ns) => ns.readFile("/gh/src/new.ts"))
    const provided = program.pipe(Effect.provide(layer(options(), "/gh")))
    expect(text(await run(provided))).toBe("export const added = true\n")
    const write = Namespace.use((ns) => ns.writeFile("/gh/x", bytes("x")))
    expect((await failure(write.pipe(Effect.provide(layer(options(), "/gh"))))).reason).toBe("ReadOnly")
  })
})

describe("GitHubResource failures", () => {
  const oneLine = (s: string) => expect(s.split("\n").filter((l) => l !== "")).toHaveLength(1)

  it("reports a bad token in one line, without the token", async () => {
    const bad = "ghp_wrongToken9876543210"
    const r = await mount({ token: Redacted.make(bad) }).execute("cat /gh/README.md")
    expect([r.stderrText, r.exitCode]).toEqual(["cat: /gh/README.md: Permission denied (/gh: bad credentials)\n", 1])
  })

  it("never shows a secret in options, the resource or an echoed error", async () => {
    const secret = Redacted.make(TOKEN)
    const opts = options({ token: secret })
    const resource = new GitHubResource(opts)
    for (const shown of [JSON.stringify(opts), String(opts.token), JSON.stringify(resource), String(resource)])
      expect(shown).not.toContain(TOKEN)
    // A server that echoes the Authorization header back in its error.
    const echo = http.createServer((req, res) => {
      res.writeHead(500, { "content-type": "application/json" })
      res.end(JSON.stringify({ message: `boom: ${req.headers.authorization}` }))
    })
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve))
    try {
      const address = echo.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      const ws = mount({ token: secret, baseUrl: `http://127.0.0.1:${port}` })
      const r = await ws.execute("ls /gh")
      expect(r.stderrText).toBe("ls: cannot access '/gh': Input/output error (/gh: HTTP 500: boom: token [REDACTED])\n")
      const error = await failure(make(options({ token: secret, baseUrl: `http://127.0.0.1:${port}` })).stat("/"))
      expect([error.message, JSON.stringify(error), String(error)].join(" ")).not.toContain(TOKEN)
    } finally {
      echo.closeAllConnections()
      await new Promise((resolve) => echo.close(resolve))
    }
  })

  const broken: ReadonlyArray<readonly [string, Partial<GitHubOptions>, string]> = [
    [
      "a missing repository",
      { repo: "nope" },
      "Input/output error (/gh: NotFound: octo/nope: no such repository or ref)",
    ],
    ["a missing ref", { ref: "nope" }, "Input/output error (/gh: NotFound: octo/demo@nope: no such repository or ref)"],
  ]

  it("names the cause of an unreachable endpoint", async () => {
    const port = await closedPort()
    const r = await mount({ baseUrl: `http://127.0.0.1:${port}` }).execute("ls /gh")
    expect([r.stderrText, r.exitCode]).toEqual([
      `ls: cannot access '/gh': Input/output error (/gh: connect ECONNREFUSED 127.0.0.1:${port})\n`,
      2,
    ])
  })

  it.each(broken)("names the cause of %s", async (_, extra, cause) => {
    const r = await mount(extra).execute("ls /gh")
    expect(r.exitCode).not.toBe(0)
    expect(r.stderrText).toBe(`ls: cannot access '/gh': ${cause}\n`)
    oneLine(r.stderrText)
    expect(r.stderrText).not.toContain(TOKEN)
  })

  it("reports a server error as an I/O error", async () => {
    emu.failNext(1, 502)
    const r = await mount().execute("cat /gh/README.md")
    expect(r.stderrText).toBe("cat: /gh/README.md: Input/output error (/gh: HTTP 502: Server Error)\n")
  })

  it("waits out a rate limit and retries", async () => {
    emu.rateLimit(1, { kind: "secondary", seconds: 1 })
    const started = Date.now()
    const r = await mount().execute("cat /gh/README.md")
    expect([r.stdoutText, r.exitCode]).toEqual([README, 0])
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    // The first request was answered 429, then retried.
    expect(emu.requests.get("GET /repos/octo/demo")).toBe(2)
  })

  it("gives up after a bounded number of retries, naming when the limit lifts", async () => {
    emu.rateLimit(4, { kind: "secondary", seconds: 1 })
    const r = await mount().execute("cat /gh/README.md")
    expect(r.stderrText).toMatch(
      /^cat: \/gh\/README\.md: Input\/output error \(\/gh: rate limited until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, retried 3 times\)\n$/,
    )
    expect(emu.requests.get("GET /repos/octo/demo")).toBe(4)
  })

  it("fails at once when the limit lifts too late to wait for", async () => {
    emu.rateLimit(1, { kind: "primary", seconds: 3600 })
    const r = await mount().execute("cat /gh/README.md")
    const until = /rate limited until (\S+)\)/.exec(r.stderrText)?.[1] ?? ""
    expect(Date.parse(until) - Date.now()).toBeGreaterThan(3500_000)
    expect(emu.count()).toBe(1)
  })
})
