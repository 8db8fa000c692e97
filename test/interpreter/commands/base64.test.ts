import { describe, expect, it } from "vitest"
import { base64 } from "../../../src/interpreter/commands/base64.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU base64 (coreutils 9.1) printed for the same arguments,
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
  { args: [], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: [], stdin: "a", stdout: "YQ==\n", stderr: "", status: 0 },
  { args: ["-w", "4"], stdin: "hello world", stdout: "aGVs\nbG8g\nd29y\nbGQ=\n", stderr: "", status: 0 },
  { args: ["-d"], stdin: "aGVsbG8=\n", stdout: "hello", stderr: "", status: 0 },
  { args: ["-d"], stdin: "aGVsbG8\n", stdout: "hello", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "aGV!sbG8=\n", stdout: "he", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-di"], stdin: "aGV!sbG8=\n", stdout: "hello", stderr: "", status: 0 },
  { args: ["-d"], stdin: "aGVs bG8=\n", stdout: "hel", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "aGVs\nbG8=\n", stdout: "hello", stderr: "", status: 0 },
  { args: ["-d"], stdin: "aGVsbG8=aGk=\n", stdout: "hellohi", stderr: "", status: 0 },
  { args: ["-w", "x"], stdout: "", stderr: "base64: invalid wrap size: 'x'\n", status: 1 },
  { args: ["nope"], stdout: "", stderr: "base64: nope: No such file or directory\n", status: 1 },
  { args: ["-w", "0"], stdin: "abc", stdout: "YWJj", stderr: "", status: 0 },
  {
    args: ["a", "b"],
    stdout: "",
    stderr: "base64: extra operand 'b'\nTry 'base64 --help' for more information.\n",
    status: 1,
  },
  { args: ["-d"], stdin: "YQ", stdout: "a", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "YQ=", stdout: "a", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "=", stdout: "", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "YWJj\n\n\nZA==", stdout: "abcd", stderr: "", status: 0 },
  {
    args: [],
    stdin:
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    stdout:
      "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4\neHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHg=\n",
    stderr: "",
    status: 0,
  },
  { args: ["f"], files: { f: "ÿ\u0000binary" }, stdout: "w78AYmluYXJ5\n", stderr: "", status: 0 },
  { args: ["-w", "1"], stdin: "ab", stdout: "Y\nW\nI\n=\n", stderr: "", status: 0 },
  { args: ["-d"], stdin: "YWJj\r\n", stdout: "abc", stderr: "base64: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "YQ==YQ==", stdout: "aa", stderr: "", status: 0 },
  { args: ["-w", "-1"], stdin: "ab", stdout: "", stderr: "base64: invalid wrap size: '-1'\n", status: 1 },
]

describe("base64", () => {
  it.each(cases)("base64 $args", async (c) => {
    const r = await run(base64, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
