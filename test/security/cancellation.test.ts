import * as fs from "node:fs/promises"
import { Effect, Fiber } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Mirage, MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import { expectClean, ramWorkspace, sleep, tempDir, timed } from "./support.ts"

/**
 * An abort signal, the time limit and Effect interruption stop every stage
 * of every pipeline, background jobs and process substitutions included;
 * `execute` resolves promptly with the output so far; nothing keeps running
 * or writing afterwards, and a write cut short leaves the old content.
 */

const endless: ReadonlyArray<readonly [string, string]> = [
  ["a loop without I/O", "echo start; while :; do :; done"],
  ["an arithmetic for loop", "echo start; for ((;;)); do :; done"],
  ["a function called forever", "echo start; f() { :; }; while :; do f; done"],
  ["mutual recursion in a loop", "echo start; f() { g; }; g() { :; }; while true; do f; done"],
  ["a stalled pipeline", "echo start; yes | sleep 100 | cat"],
  ["a busy loop feeding a pipe", "echo start; while true; do :; done | cat"],
  ["a background job", "echo start; sleep 100 & wait"],
  ["background jobs that never end", "echo start; while :; do :; done & while :; do :; done & wait"],
  ["a process substitution", "echo start; cat <(yes) > /dev/null"],
  ["an output process substitution", "echo start; yes > >(cat > /dev/null)"],
  ["a command substitution", "echo start; x=$(while :; do :; done)"],
  ["sleep", "echo start; sleep 1000"],
  ["read from a stdin that never ends", "echo start; cat /dev/zero | while read -r x; do :; done"],
]

describe("an abort signal stops the run", () => {
  it.each(endless)("%s", async (_, script) => {
    const ws = ramWorkspace()
    const { value: r, ms } = await timed(() => ws.execute(script, { signal: AbortSignal.timeout(100) }))
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([130, "start\n", ""])
    expect(ms).toBeLessThan(1500)
    // The session is free at once.
    const next = await timed(() => ws.execute("echo $?"))
    expect(next.value.stdoutText).toBe("130\n")
    expect(next.ms).toBeLessThan(1000)
  })

  it("an already aborted signal runs nothing", async () => {
    const ws = ramWorkspace()
    const r = await ws.execute("echo x > /f", { signal: AbortSignal.abort() })
    expect(r.exitCode).toBe(130)
    expect(await ws.fs.exists("/f")).toBe(false)
  })
})

describe("the time limit stops the run", () => {
  it.each(endless)("%s", async (_, script) => {
    const ws = ramWorkspace({ limits: { timeoutMs: 100 } })
    const { value: r, ms } = await timed(() => ws.execute(script))
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([
      124,
      "start\n",
      "mirage: script timed out after 0.1s (limit timeoutMs)\n",
    ])
    expect(ms).toBeLessThan(1500)
    expectClean(r)
  })
})

describe("nothing runs after the run has stopped", () => {
  it.each([
    ["a background writer", "while :; do echo x >> /log; done & sleep 100"],
    ["a writer in a pipeline", "while :; do echo x; done | while read -r l; do echo $l >> /log; done"],
    ["a process substitution writer", "cat <(while :; do echo x >> /log; echo y; done) > /dev/null"],
    ["a job started by a job", "( while :; do echo x >> /log; done & ) ; sleep 100"],
  ])("%s", async (_, script) => {
    const ws = ramWorkspace()
    let chunks = 0
    const r = await ws.execute(`echo x > /log; ${script}`, {
      signal: AbortSignal.timeout(200),
      onStdout: () => void chunks++,
    })
    expect(r.exitCode).toBe(130)
    const size = (await ws.fs.stat("/log")).size
    const seen = chunks
    await sleep(150)
    expect((await ws.fs.stat("/log")).size).toBe(size)
    expect(chunks).toBe(seen)
    const next = await timed(() => ws.execute("echo ok"))
    expect([next.value.stdoutText, next.ms < 1000]).toEqual(["ok\n", true])
  })

  it("jobs left by a script that ended are stopped when the run ends", async () => {
    const ws = ramWorkspace({ limits: { timeoutMs: 200 } })
    const r = await ws.execute("while :; do echo x >> /log; done & echo started")
    expect([r.exitCode, r.stdoutText]).toEqual([124, "started\n"])
    const size = (await ws.fs.stat("/log")).size
    await sleep(100)
    expect((await ws.fs.stat("/log")).size).toBe(size)
  })
})

describe("Effect interruption of execute", () => {
  it("stops every stage and job and leaves the workspace usable", async () => {
    const ws = await Effect.runPromise(Mirage.makeWorkspace({ "/": new RAMResource() }, { mode: MountMode.WRITE }))
    const fiber = Effect.runFork(ws.execute("while :; do echo x >> /log; done & yes | cat > /dev/null"))
    await sleep(100)
    const { ms } = await timed(() => Effect.runPromise(Fiber.interrupt(fiber)))
    expect(ms).toBeLessThan(1500)
    const size = await Effect.runPromise(Effect.map(ws.ns.stat("/log"), (st) => st.size))
    await sleep(100)
    expect(await Effect.runPromise(Effect.map(ws.ns.stat("/log"), (st) => st.size))).toBe(size)
    const next = await Effect.runPromise(ws.execute("echo ok"))
    expect(next.stdoutText).toBe("ok\n")
  })

  it("through the layer API", async () => {
    const program = Mirage.execute("echo start; sleep 100").pipe(
      Effect.provide(Mirage.layer({ "/": new RAMResource() })),
      Effect.timeoutOption("100 millis"),
    )
    const { value, ms } = await timed(() => Effect.runPromise(program))
    expect(value._tag).toBe("None")
    expect(ms).toBeLessThan(1500)
  })
})

describe("a write cut short leaves the old content and no temp file", () => {
  let dir: { readonly path: string; readonly remove: () => Promise<void> }
  beforeAll(async () => {
    dir = await tempDir()
  })
  afterAll(() => dir.remove())

  const workspaces = (): ReadonlyArray<readonly [string, Workspace]> => [
    ["RAM", new Workspace({ "/w": new RAMResource() }, { mode: MountMode.WRITE })],
    ["Disk", new Workspace({ "/w": new DiskResource({ root: dir.path }) }, { mode: MountMode.WRITE })],
  ]

  const stop = (kind: "abort" | "timeout") =>
    kind === "abort" ? { signal: AbortSignal.timeout(150) } : { limits: { timeoutMs: 150 } }

  it.each([
    ["abort", 130],
    ["timeout", 124],
  ] as const)("by %s", async (kind, status) => {
    for (const [name, ws] of workspaces()) {
      await ws.fs.writeFile("/w/f", "old\n")
      const r = await ws.execute("cat /dev/zero > /w/f", stop(kind))
      expect([name, r.exitCode]).toEqual([name, status])
      expect([name, await ws.fs.readFile("/w/f", "utf8")]).toEqual([name, "old\n"])
      const piped = await ws.execute("yes | tr y z > /w/f", stop(kind))
      expect([name, piped.exitCode]).toEqual([name, status])
      expect([name, await ws.fs.readFile("/w/f", "utf8")]).toEqual([name, "old\n"])
    }
    expect((await fs.readdir(dir.path)).filter((n) => n.includes("mirage-tmp"))).toEqual([])
  })
})
