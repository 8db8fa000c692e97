import { describe, expect, it } from "vitest"
import { defaultLimits, type Limits, MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { expectClean, ramWorkspace, timed } from "./support.ts"

/**
 * Every limit: its default, its breach (status 126, or 124 for time, and one
 * stderr line naming the limit), the override per workspace and per call,
 * and that a breach ends the whole script, not just the subshell it hit in.
 */

describe("defaults", () => {
  it("are finite and documented", () => {
    expect(defaultLimits).toEqual({
      timeoutMs: 300_000,
      maxOutputBytes: 16 * 1024 * 1024,
      maxLoopIterations: 10_000_000,
      maxCallDepth: 1000,
      maxCommands: 10_000_000,
      maxPipelineStages: 256,
      maxProcesses: 4096,
      maxFileBytes: 1024 * 1024 * 1024,
      maxMemoryBytes: 2 * 1024 * 1024 * 1024,
    })
  })
})

describe("each breach ends the script with its status and a line naming the limit", () => {
  const cases: ReadonlyArray<{
    readonly name: string
    readonly script: string
    readonly limits: Partial<Limits>
    readonly status: number
    readonly stderr: string
    readonly stdout?: string
  }> = [
    {
      name: "timeoutMs",
      script: "echo start; while :; do :; done; echo never",
      limits: { timeoutMs: 200 },
      status: 124,
      stdout: "start\n",
      stderr: "mirage: script timed out after 0.2s (limit timeoutMs)\n",
    },
    {
      name: "maxLoopIterations (while)",
      script: "while :; do :; done; echo never",
      limits: { maxLoopIterations: 100 },
      status: 126,
      stderr: "mirage: line 1: loop: more than 100 iterations (limit maxLoopIterations)\n",
    },
    {
      name: "maxLoopIterations (for ((;;)))",
      script: "\nfor ((;;)); do :; done",
      limits: { maxLoopIterations: 100 },
      status: 126,
      stderr: "mirage: line 2: loop: more than 100 iterations (limit maxLoopIterations)\n",
    },
    {
      name: "maxLoopIterations (for in)",
      script: "for i in $(seq 101); do :; done",
      limits: { maxLoopIterations: 100 },
      status: 126,
      stderr: "mirage: line 1: loop: more than 100 iterations (limit maxLoopIterations)\n",
    },
    {
      name: "maxCallDepth, with bash's FUNCNEST wording",
      script: "f() { f; }; f; echo never",
      limits: { maxCallDepth: 50 },
      status: 126,
      stderr: "mirage: line 1: f: maximum function nesting level exceeded (50) (limit maxCallDepth)\n",
    },
    {
      name: "maxCommands",
      script: "for i in 1 2 3 4 5 6 7 8 9 10; do true; done",
      limits: { maxCommands: 5 },
      status: 126,
      stderr: "mirage: more than 5 commands (limit maxCommands)\n",
    },
    {
      name: "maxPipelineStages",
      script: "true | true | true | true | true",
      limits: { maxPipelineStages: 4 },
      status: 126,
      stderr: "mirage: line 1: pipeline of 5 commands, more than 4 (limit maxPipelineStages)\n",
    },
    {
      name: "maxProcesses",
      script: "sleep 1 & sleep 1 & sleep 1 & wait",
      limits: { maxProcesses: 2 },
      status: 126,
      stderr: "mirage: fork: Resource temporarily unavailable, more than 2 processes (limit maxProcesses)\n",
    },
    {
      name: "maxOutputBytes (what fits is written)",
      script: "yes",
      limits: { maxOutputBytes: 1000 },
      status: 126,
      stdout: "y\n".repeat(500),
      stderr: "mirage: output limit of 1000 bytes reached (limit maxOutputBytes)\n",
    },
    {
      name: "maxOutputBytes counts stdout and stderr together",
      script: "echo 12345; echo 67890 >&2; echo abc",
      limits: { maxOutputBytes: 14 },
      status: 126,
      stdout: "12345\nab",
      stderr: "67890\nmirage: output limit of 14 bytes reached (limit maxOutputBytes)\n",
    },
    {
      name: "maxOutputBytes bounds a command substitution",
      script: "x=$(yes); echo never",
      limits: { maxOutputBytes: 1000 },
      status: 126,
      stderr: "mirage: line 1: command substitution output of more than 1000 bytes (limit maxOutputBytes)\n",
    },
  ]

  it.each(cases)("$name", async (c) => {
    const ws = ramWorkspace({ limits: c.limits })
    const { value: r, ms } = await timed(() => ws.execute(c.script))
    expect({ status: r.exitCode, stderr: r.stderrText }).toEqual({ status: c.status, stderr: c.stderr })
    if (c.stdout !== undefined) expect(r.stdoutText).toBe(c.stdout)
    expect(ms).toBeLessThan(3000)
    expectClean(r)
    // `$?` holds the breach's status, and the workspace runs the next script normally.
    const next = await ws.execute("echo $?")
    expect(next.stdoutText).toBe(`${c.status}\n`)
  })

  it("within the limit nothing happens", async () => {
    const ws = ramWorkspace({ limits: { maxLoopIterations: 3, maxPipelineStages: 3, maxCallDepth: 3 } })
    const r = await ws.execute("for i in 1 2 3; do echo $i; done | cat | cat; f() { g; }; g() { echo deep; }; f")
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([0, "1\n2\n3\ndeep\n", ""])
  })
})

describe("a breach anywhere ends the whole script", () => {
  it.each([
    ["in a pipeline stage", "f() { f; }; f | cat; echo after"],
    ["in a subshell", "( f() { f; }; f ); echo after"],
    ["in a command substitution", "x=$(f() { f; }; f); echo after"],
    ["in a background job", "f() { f; }; f & wait; echo after"],
    ["in a process substitution", "f() { f; }; cat <(f); echo after"],
    ["with stderr sent away", "f() { f; }; f 2>/dev/null; echo after"],
  ])("%s", async (_, script) => {
    const r = await ramWorkspace({ limits: { maxCallDepth: 20 } }).execute(script)
    expect(r.exitCode).toBe(126)
    expect(r.stdoutText).toBe("")
    // The notice reaches the caller even when the script discards its own stderr.
    expect(r.stderrText).toMatch(/maximum function nesting level exceeded \(20\) \(limit maxCallDepth\)\n$/)
  })
})

describe("overrides", () => {
  it("a call's limits apply over the workspace's, which apply over the defaults", async () => {
    const ws = ramWorkspace({ limits: { maxLoopIterations: 5, maxCallDepth: 5 } })
    const loop = "for i in 1 2 3 4 5 6; do :; done"
    expect((await ws.execute(loop)).exitCode).toBe(126)
    expect((await ws.execute(loop, { limits: { maxLoopIterations: 10 } })).exitCode).toBe(0)
    // The call's override does not touch the workspace's other limits, nor later calls.
    const deep = await ws.execute("f() { f; }; f", { limits: { maxLoopIterations: 10 } })
    expect(deep.stderrText).toContain("(5) (limit maxCallDepth)")
    expect((await ws.execute(loop)).exitCode).toBe(126)
  })

  it("Infinity turns a limit off", async () => {
    const ws = ramWorkspace({ limits: { maxOutputBytes: 10 } })
    const r = await ws.execute("seq 100 | head -c 50", { limits: { maxOutputBytes: Infinity } })
    expect([r.exitCode, r.stdout.length]).toEqual([0, 50])
  })
})

describe("maxOutputLines caps what is handed back, not the pipes", () => {
  it.each([
    ["seq 10", 3, "1\n2\n3\n[mirage: 7 more lines not shown (maxOutputLines 3)]\n"],
    ["seq 10; printf last", 9, "1\n2\n3\n4\n5\n6\n7\n8\n9\n[mirage: 2 more lines not shown (maxOutputLines 9)]\n"],
    ["seq 2", 1, "1\n[mirage: 1 more line not shown (maxOutputLines 1)]\n"],
    ["seq 3", 3, "1\n2\n3\n"],
    ["seq 3", 5, "1\n2\n3\n"],
    ["seq 1000 | wc -l", 1, "1000\n"],
    ["seq 3", 0, "[mirage: 3 more lines not shown (maxOutputLines 0)]\n"],
  ] as const)("%s with %i lines", async (script, lines, stdout) => {
    const r = await ramWorkspace().execute(script, { maxOutputLines: lines })
    expect([r.exitCode, r.stdoutText]).toEqual([0, stdout])
  })
})

describe("maxFileBytes: one file written through the shell", () => {
  const ws = () => ramWorkspace({ limits: { maxFileBytes: 1000 } })

  it.each([
    ["a redirect", "head -c 2000 /dev/zero > /f", "mirage: line 1: /f: File too large\n"],
    ["an endless redirect", "yes > /f", "mirage: line 1: /f: File too large\n"],
    [
      "an append past the limit",
      "head -c 600 /dev/zero >> /f; head -c 600 /dev/zero >> /f",
      "mirage: line 1: /f: File too large\n",
    ],
    ["tee", "head -c 2000 /dev/zero | tee /f > /dev/null", "tee: /f: File too large\n"],
    ["cp", "cp /src /f", "cp: error copying '/src' to '/f': File too large\n"],
    ["truncate", "truncate -s 5000 /f", "truncate: failed to truncate '/f' at 5000 bytes: File too large\n"],
  ])("%s fails with File too large, status 1, the old content intact", async (_, script, stderr) => {
    const w = ws()
    await w.fs.writeFile("/f", "old\n")
    await w.fs.writeFile("/src", new Uint8Array(1500))
    const r = await w.execute(script)
    expect({ status: r.exitCode, stderr: r.stderrText }).toEqual({ status: 1, stderr })
    const kept = await w.fs.readFile("/f")
    // An append keeps what was there before the write that crossed the limit.
    expect(kept.length).toBeLessThanOrEqual(1000)
    if (!script.includes(">>")) expect(new TextDecoder().decode(kept)).toBe("old\n")
    expectClean(r)
  })

  it("allows files up to the limit", async () => {
    const w = ws()
    const r = await w.execute("head -c 1000 /dev/zero > /f; head -c 500 /dev/zero | tee /g >> /f; echo $?")
    expect([r.stdoutText, r.stderrText]).toEqual(["1\n", "mirage: line 1: /f: File too large\n"])
    expect((await w.fs.readFile("/f")).length).toBe(1000)
    expect((await w.fs.readFile("/g")).length).toBe(500)
  })
})

describe("RAMResource quota", () => {
  const ws = () => new Workspace({ "/": new RAMResource({ maxBytes: 1000 }) }, { mode: MountMode.WRITE })

  it("refuses writes past the quota with Disk quota exceeded, keeping old content", async () => {
    const w = ws()
    const r = await w.execute("head -c 600 /dev/zero > /a; echo old > /b; head -c 600 /dev/zero > /b; wc -c < /b")
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([0, "4\n", "mirage: line 1: /b: Disk quota exceeded\n"])
    const cp = await w.execute("cp /a /c")
    expect([cp.exitCode, cp.stderrText]).toEqual([1, "cp: error copying '/a' to '/c': Disk quota exceeded\n"])
    await expect(w.fs.writeFile("/d", new Uint8Array(500))).rejects.toMatchObject({ code: "EDQUOT" })
  })

  it("frees the bytes of removed, replaced and truncated files", async () => {
    const w = ws()
    const r = await w.execute(
      "head -c 900 /dev/zero > /a; rm /a; head -c 900 /dev/zero > /b; head -c 100 /dev/zero > /b; truncate -s 0 /b; head -c 900 /dev/zero > /c; mv /c /b; echo ok",
    )
    expect([r.exitCode, r.stdoutText, r.stderrText]).toEqual([0, "ok\n", ""])
  })

  it("defaults to 1 GiB", async () => {
    const { DEFAULT_MAX_BYTES } = await import("../../src/resources/RAM.ts")
    expect(DEFAULT_MAX_BYTES).toBe(1024 * 1024 * 1024)
  })
})
