import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MountMode, print, RAMResource, Workspace } from "../../src/index.ts"
import { arbitraries } from "./bash-ast.ts"

/**
 * `execute` is total: whatever the script, it resolves with a status and
 * never rejects, throws, or prints a JavaScript stack trace.
 */

const tokens = [
  "echo",
  "cat",
  "x=1",
  "$x",
  "${x:-a}",
  "${#x}",
  "$((1+2))",
  "$(echo a)",
  "`echo b`",
  "|",
  "||",
  "&&",
  ";",
  "&",
  ">",
  ">>",
  "<",
  "2>&1",
  "<<<",
  "if",
  "then",
  "else",
  "fi",
  "for",
  "in",
  "do",
  "done",
  "while",
  "case",
  "esac",
  "{",
  "}",
  "(",
  ")",
  "((",
  "))",
  "[[",
  "]]",
  "!",
  "'q'",
  '"d $x"',
  "$'\\n'",
  "*",
  "?",
  "[a]",
  "~",
  "f()",
  "return",
  "break",
  "local",
  "declare",
  "-a",
  "-n",
  "=",
  "==",
  "=~",
  "wc",
  "-l",
  "head",
  "-1",
  "seq",
  "3",
  "tr",
  "a-z",
  "A-Z",
  "printf",
  "%s\\n",
  "read",
  "r",
  "set",
  "-e",
  "-u",
  "shift",
  "eval",
  "unset",
  "export",
  "test",
  "[",
  "]",
  "\n",
  "<<EOF\nbody $x\nEOF\n",
  "#c",
  "\\",
  '"',
  "'",
  "$",
  "${",
  "$(",
  "`",
]

const tokenSoup = fc.array(fc.constantFrom(...tokens), { maxLength: 25 }).map((ts) => ts.join(" "))

const scripts = fc.oneof(
  tokenSoup,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => new TextDecoder().decode(b)),
)

const run = async (ws: Workspace, script: string, timeoutMs = 3000) => {
  const started = performance.now()
  const r = await ws.execute(script, { limits: { timeoutMs, maxOutputBytes: 256 * 1024 } })
  // The time limit holds: the run ends soon after it, whatever the script.
  expect(performance.now() - started).toBeLessThan(timeoutMs + 2000)
  expect(Number.isInteger(r.exitCode)).toBe(true)
  expect(r.exitCode).toBeGreaterThanOrEqual(0)
  expect(r.exitCode).toBeLessThan(256)
  expect(r.stderrText).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)/m)
  expect(r.stderrText).not.toMatch(/\b(?:Type|Range|Reference|Syntax)?Error: /)
  expect(r.stderrText).not.toContain("internal error")
}

/** Bytes that are not UTF-8, decoded as a script would be from a file (U+FFFD where invalid). */
const invalidUtf8 = fc
  .uint8Array({ minLength: 1, maxLength: 40 })
  .map((b) => new TextDecoder().decode(Uint8Array.from([0xff, ...b, 0xc3])))

/** Scripts that parse: printed syntax trees, salted with the awkward inputs. */
const validLooking = fc
  .tuple(
    arbitraries(2).script.map(print),
    fc.oneof(
      fc.constant(""),
      fc.constant("\u0000"),
      invalidUtf8,
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.integer({ min: 10_000, max: 300_000 }).map((n) => `echo ${"w".repeat(n)} | wc -c`),
      fc.constantFrom(
        "while :; do :; done",
        "yes | head -c 100000 > /dev/null",
        "f() { f; }; f",
        "cat /dev/zero | head -c 10",
      ),
    ),
  )
  .map(([script, salt]) => `${script}\n${salt}`)

describe("execute is total", () => {
  it("resolves with a status for generated scripts", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await fc.assert(
      fc.asyncProperty(scripts, (script) => run(ws, script)),
      { numRuns: 300 },
    )
  }, 120_000)

  it("ends within a small time limit for generated valid-looking scripts, huge words, NUL bytes and invalid UTF-8", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await fc.assert(
      fc.asyncProperty(validLooking, (script) => run(ws, script, 200)),
      { numRuns: 150 },
    )
  }, 120_000)

  it("survives deep nesting, huge words and NUL bytes", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    for (const script of [
      "(".repeat(2000) + "echo deep" + ")".repeat(2000),
      "{ ".repeat(500) + "echo x" + "; }".repeat(500),
      "$(".repeat(200) + "echo x" + ")".repeat(200),
      "echo " + "a".repeat(1_000_000),
      "x=" + "b".repeat(500_000) + "; echo ${#x}",
      "echo a\u0000b",
      "echo $((" + "1+".repeat(5000) + "1))",
      "if true; then " + "if true; then ".repeat(300) + "echo x" + "; fi".repeat(301),
      "'" + "unterminated",
      "echo \udc00 \ud800",
    ]) {
      await run(ws, script)
    }
  }, 120_000)
})
