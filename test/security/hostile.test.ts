import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import { expectClean, ramWorkspace, tempDir, timed } from "./support.ts"

/**
 * What an adversarial or confused script may try: fork bombs, floods,
 * runaway regexes and globs, malformed and enormous scripts, concurrent
 * writers. Each ends within its limit with a status, never a hang, a crash
 * or a JavaScript stack trace, and the workspace keeps working.
 */

/**
 * Small limits, so every runaway is stopped in well under a second, with a
 * time limit generous enough that a loaded machine still hits the intended one.
 */
const limited = () =>
  ramWorkspace({
    limits: { timeoutMs: 4000, maxOutputBytes: 1 << 20, maxMemoryBytes: 256 * 1024 * 1024, maxProcesses: 256 },
  })

const stoppedBy = (stderr: string): string | undefined => /\(limit (\w+)\)\n$/.exec(stderr)?.[1]

describe("runaway scripts end with a limit", () => {
  it.each([
    ["the classic fork bomb", ":(){ :|:& };:", "maxProcesses"],
    ["a named fork bomb", "bomb() { bomb | bomb & }; bomb", "maxProcesses"],
    ["a pipeline recursion", "f() { f | f; }; f", "maxProcesses"],
    ["a deep recursion", "f() { f; }; f", "maxCallDepth"],
    ["recursion through command substitution", "f() { echo $(f); }; f", "maxCallDepth"],
    ["an output flood", "yes", "maxOutputBytes"],
    ["a binary flood", "cat /dev/zero", "maxOutputBytes"],
    ["a flood without newlines", "yes | tr -d '\\n'", "maxOutputBytes"],
    ["a flood into a variable", "x=$(cat /dev/zero)", "maxOutputBytes"],
    ["a flood on stderr", "yes >&2", "maxOutputBytes"],
    ["sorting an endless input", "sort /dev/zero", "maxMemoryBytes"],
    ["a loop that never yields output", "while :; do :; done", "timeoutMs"],
    ["a string doubling forever", "x=a; while :; do x=$x$x; done", undefined],
  ])("%s", async (_, script, limit) => {
    const ws = limited()
    const timeout = limit === "timeoutMs" ? { limits: { timeoutMs: 300 } } : {}
    const { value: r, ms } = await timed(() => ws.execute(script, timeout))
    expect(ms).toBeLessThan(5000)
    expect([124, 126]).toContain(r.exitCode)
    if (limit !== undefined) expect(stoppedBy(r.stderrText)).toBe(limit)
    expect(r.stdout.length + r.stderr.length).toBeLessThanOrEqual((1 << 20) + 200)
    expectClean(r)
    expect((await ws.execute("echo ok")).stdoutText).toBe("ok\n")
  })
})

describe("under the default limits", () => {
  it.each([
    [":(){ :|:& };:", "maxProcesses"],
    ["yes", "maxOutputBytes"],
    ["f() { f; }; f", "maxCallDepth"],
  ])("%s ends by %s", async (script, limit) => {
    const { value: r, ms } = await timed(() => ramWorkspace().execute(script))
    expect([r.exitCode, stoppedBy(r.stderrText)]).toEqual([126, limit])
    expect(ms).toBeLessThan(8000)
    expectClean(r)
  })
})

describe("pathological patterns finish", () => {
  const line = "a".repeat(50_000)
  it.each([
    ["grep -E", `grep -cE '(a*)*b' /line`, "0\n"],
    ["grep -P style nesting", `grep -cE '(a|aa)*c' /line`, "0\n"],
    ["sed -E", `sed -E 's/(a*)*b/x/' /line | wc -c`, "50001\n"],
    ["awk", `awk '/(a*)*b/' /line | wc -c`, "0\n"],
    ["[[ =~ ]]", `x=$(cat /line); [[ $x =~ (a*)*b ]]; echo $?`, "1\n"],
    ["an extglob", `shopt -s extglob; x=$(head -c 40 /line); [[ $x == *(*(a))b ]]; echo $?`, "1\n"],
  ])("%s", async (_, script, stdout) => {
    const ws = limited()
    await ws.fs.writeFile("/line", `${line}\n`)
    const { value: r, ms } = await timed(() => ws.execute(script))
    expect([r.stdoutText, r.stderrText]).toEqual([stdout, ""])
    expect(ms).toBeLessThan(3000)
  })

  it("a globstar over a deep tree", async () => {
    const ws = limited()
    await ws.execute(`mkdir -p /t/${"d/".repeat(40)}; for i in $(seq 30); do mkdir -p /t/w$i/x/y; done`)
    const { value: r, ms } = await timed(() => ws.execute("shopt -s globstar; echo /t/**/**/**/** | wc -w"))
    expect(r.exitCode).toBe(0)
    expect(Number(r.stdoutText)).toBeGreaterThan(100)
    expect(ms).toBeLessThan(3000)
  })
})

describe("malformed and enormous scripts", () => {
  it.each([
    ["1 MB of (", "(".repeat(1_000_000), 2],
    ["deep nesting around a command", `${"(".repeat(100_000)}echo x${")".repeat(100_000)}`, 2],
    ["1 MB of {", "{ ".repeat(500_000), 2],
    ["1 MB of $(", "$(".repeat(500_000), 2],
    ["deep arithmetic", `echo $((${"(".repeat(100_000)}1${")".repeat(100_000)}))`, 2],
    ["a 10 MB word", `echo ${"a".repeat(10_000_000)} | wc -c`, 0],
    ["a 10 MB assignment", `x=${"b".repeat(10_000_000)}; echo \${#x}`, 0],
    ["NUL bytes", "echo a\u0000b; printf 'x\\0y' | wc -c", 0],
    ["lone surrogates", "echo \udc00\ud800 | wc -c", 0],
    [
      "invalid UTF-8 decoded",
      new TextDecoder().decode(Uint8Array.from([0x65, 0x63, 0x68, 0x6f, 0x20, 0xff, 0xfe, 0xc3])),
      0,
    ],
    ["binary noise", new TextDecoder().decode(Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)), 2],
    ["a 300-stage pipeline", `echo x${" | cat".repeat(300)}`, 126],
    ["an unterminated quote", `echo 'abc${"x".repeat(100_000)}`, 2],
    ["an unterminated heredoc", `cat <<EOF\n${"line\n".repeat(10_000)}`, 0],
  ])("%s", async (_, script, status) => {
    const { value: r, ms } = await timed(() => limited().execute(script))
    expect(r.exitCode).toBe(status)
    expect(ms).toBeLessThan(5000)
    expectClean(r)
  })
})

describe("concurrent executes writing one file never mix", () => {
  let dir: { readonly path: string; readonly remove: () => Promise<void> }
  beforeAll(async () => {
    dir = await tempDir()
  })
  afterAll(() => dir.remove())

  const writers = 8
  const lines = 200
  const script = (id: number) => `for i in $(seq ${lines}); do echo "writer ${id} line $i"; done > /w/shared`

  it.each([
    ["RAM", () => new Workspace({ "/w": new RAMResource() }, { mode: MountMode.WRITE })],
    ["Disk", () => new Workspace({ "/w": new DiskResource({ root: dir.path }) }, { mode: MountMode.WRITE })],
  ])("%s, one session per writer", async (_, make) => {
    const ws = make()
    const results = await Promise.all(
      Array.from({ length: writers }, (_, id) => ws.execute(script(id), { session: `s${id}` })),
    )
    expect(results.map((r) => r.exitCode)).toEqual(Array(writers).fill(0))
    const content = await ws.fs.readFile("/w/shared", "utf8")
    const id = /^writer (\d+) /.exec(content)?.[1]
    const whole = Array.from({ length: lines }, (_, i) => `writer ${id} line ${i + 1}\n`).join("")
    expect(content).toBe(whole)
  })

  it("on one session, the runs take turns", async () => {
    const ws = ramWorkspace()
    const results = await Promise.all(
      Array.from({ length: writers }, (_, id) => ws.execute(`x=${id}; ${script(id).replace("/w/", "/")}; echo $x`)),
    )
    expect(results.map((r) => r.stdoutText)).toEqual(Array.from({ length: writers }, (_, id) => `${id}\n`))
    const content = await ws.fs.readFile("/shared", "utf8")
    expect(content.split("\n").filter((l) => l !== "" && !l.startsWith("writer 7 "))).toEqual([])
  })
})
