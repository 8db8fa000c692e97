import { describe, expect, it } from "vitest"
import { expr } from "../../../src/interpreter/commands/expr.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU expr (coreutils 9.1) printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ).
const cases: ReadonlyArray<{
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}> = [
  { args: [], stdout: "", stderr: "expr: missing operand\nTry 'expr --help' for more information.\n", status: 2 },
  { args: ["1", "+"], stdout: "", stderr: "expr: syntax error: missing argument after '+'\n", status: 2 },
  { args: ["1", "2"], stdout: "", stderr: "expr: syntax error: unexpected argument '2'\n", status: 2 },
  { args: ["a", "+", "1"], stdout: "", stderr: "expr: non-integer argument\n", status: 2 },
  { args: ["1", "/", "0"], stdout: "", stderr: "expr: division by zero\n", status: 2 },
  { args: ["(", "1"], stdout: "", stderr: "expr: syntax error: expecting ')' after '1'\n", status: 2 },
  { args: ["1", ")"], stdout: "", stderr: "expr: syntax error: unexpected argument ')'\n", status: 2 },
  { args: ["1", "|", "1", "/", "0"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["0", "&", "1", "/", "0"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["0", "|", "0"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["", "|", ""], stdout: "0\n", stderr: "", status: 1 },
  { args: ["a", "&", "b"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["+1", "+", "1"], stdout: "", stderr: "expr: non-integer argument\n", status: 2 },
  { args: ["-0", "+", "0"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["1", "=", "01"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["10", "<", "9"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["10", "<", "9a"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["abc", ":", "a\\(.\\)"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["abc", ":", "b"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["abc", ":", "a.*"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["abc", ":", "\\(x\\)"], stdout: "\n", stderr: "", status: 1 },
  { args: ["abc", ":", "\\("], stdout: "", stderr: "expr: Unmatched ( or \\(\n", status: 2 },
  { args: ["match", "abc", "ab"], stdout: "2\n", stderr: "", status: 0 },
  { args: ["substr", "hello", "2", "3"], stdout: "ell\n", stderr: "", status: 0 },
  { args: ["substr", "hello", "0", "2"], stdout: "\n", stderr: "", status: 1 },
  { args: ["substr", "hello", "5", "10"], stdout: "o\n", stderr: "", status: 0 },
  { args: ["substr", "hello", "2", "-1"], stdout: "\n", stderr: "", status: 1 },
  { args: ["index", "hello", "lo"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["length", "hello"], stdout: "5\n", stderr: "", status: 0 },
  { args: ["length"], stdout: "", stderr: "expr: syntax error: missing argument after 'length'\n", status: 2 },
  { args: ["+", "length"], stdout: "length\n", stderr: "", status: 0 },
  { args: ["length", "+", "1"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["99999999999999999999", "+", "1"], stdout: "100000000000000000000\n", stderr: "", status: 0 },
  { args: ["-5", "/", "2"], stdout: "-2\n", stderr: "", status: 0 },
  { args: ["-5", "%", "3"], stdout: "-2\n", stderr: "", status: 0 },
  { args: ["(", "1", "+", "2", ")", "*", "3"], stdout: "9\n", stderr: "", status: 0 },
  { args: ["1", "+", "+", "2"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["--"], stdout: "", stderr: "expr: missing operand\nTry 'expr --help' for more information.\n", status: 2 },
  { args: ["--", "-1", "+", "1"], stdout: "0\n", stderr: "", status: 1 },
  { args: ["abc", ":", "a\\{2"], stdout: "", stderr: "expr: Unmatched \\{\n", status: 2 },
  { args: ["x", ":", "x\\|xy"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["xy", ":", "x\\|xy"], stdout: "2\n", stderr: "", status: 0 },
  { args: ["a\nb", ":", "a.b"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["é", ":", ".*"], stdout: "2\n", stderr: "", status: 0 },
  { args: ["length", "é"], stdout: "2\n", stderr: "", status: 0 },
  { args: [")"], stdout: "", stderr: "expr: syntax error: unexpected ')'\n", status: 2 },
  { args: ["(", "1", "2"], stdout: "", stderr: "expr: syntax error: expecting ')' instead of '2'\n", status: 2 },
  { args: ["("], stdout: "", stderr: "expr: syntax error: missing argument after '('\n", status: 2 },
  { args: ["--help", "x"], stdout: "", stderr: "expr: syntax error: unexpected argument 'x'\n", status: 2 },
  { args: ["-x"], stdout: "-x\n", stderr: "", status: 0 },
  { args: ["substr", "hello", "2", "99999999999999999999"], stdout: "ello\n", stderr: "", status: 0 },
  { args: ["1", "|", "("], stdout: "", stderr: "expr: syntax error: missing argument after '('\n", status: 2 },
  { args: ["*bc", ":", "*b"], stdout: "2\n", stderr: "", status: 0 },
  { args: ["a^b", ":", "a^b"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["abc", ":", "\\)"], stdout: "", stderr: "expr: Unmatched ) or \\)\n", status: 2 },
  { args: ["1", "<", "2", "<", "3"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["index", "abc", ""], stdout: "0\n", stderr: "", status: 1 },
  { args: ["substr", "abc", "x", "1"], stdout: "\n", stderr: "", status: 1 },
  { args: ["2", "*", "3", "+", "1"], stdout: "7\n", stderr: "", status: 0 },
  { args: ["abc", ":", "a\\(b\\)\\?c"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["aaa", ":", "a*"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["ab", ":", "\\(a\\)\\(b\\)"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["foo.c", ":", "\\(.*\\)\\.c"], stdout: "foo\n", stderr: "", status: 0 },
]

describe("expr", () => {
  it.each(cases)("expr $args", async (c) => {
    const r = await run(expr, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
