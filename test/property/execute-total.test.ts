import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"

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

const run = async (ws: Workspace, script: string) => {
  const r = await ws.execute(script, { signal: AbortSignal.timeout(3000) })
  expect(Number.isInteger(r.exitCode)).toBe(true)
  expect(r.exitCode).toBeGreaterThanOrEqual(0)
  expect(r.exitCode).toBeLessThan(256)
  expect(r.stderrText).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/)
  expect(r.stderrText).not.toContain("TypeError")
  expect(r.stderrText).not.toContain("internal error")
}

describe("execute is total", () => {
  it("resolves with a status for generated scripts", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await fc.assert(
      fc.asyncProperty(scripts, (script) => run(ws, script)),
      { numRuns: 300 },
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
