import { describe, expect, it } from "vitest"
import { echo } from "../../../src/interpreter/commands/echo.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: ["hello", "world"], stdout: "hello world\n", stderr: "", status: 0 },
  { args: [], stdout: "\n", stderr: "", status: 0 },
  { args: ["-n", "a"], stdout: "a", stderr: "", status: 0 },
  { args: ["-e", "a\\tb\\nc"], stdout: "a\tb\nc\n", stderr: "", status: 0 },
  { args: ["-E", "a\\tb"], stdout: "a\\tb\n", stderr: "", status: 0 },
  { args: ["-ne", "x\\ty"], stdout: "x\ty", stderr: "", status: 0 },
  { args: ["-en", "x"], stdout: "x", stderr: "", status: 0 },
  { args: ["-nx", "y"], stdout: "-nx y\n", stderr: "", status: 0 },
  { args: ["--", "x"], stdout: "-- x\n", stderr: "", status: 0 },
  { args: ["-n", "-e", "a\\c", "b"], stdout: "a", stderr: "", status: 0 },
  { args: ["-e", "\\0101\\101\\x41\\x4g"], stdout: "A\\101A\u0004g\n", stderr: "", status: 0 },
  { args: ["-e", "\\e\\E\\a\\b\\f\\v\\r\\\\"], stdout: "\u001b\u001b\u0007\b\f\u000b\r\\\n", stderr: "", status: 0 },
  { args: ["-e", "\\q\\'\\\""], stdout: "\\q\\'\\\"\n", stderr: "", status: 0 },
  { args: ["-e", "a\\"], stdout: "a\\\n", stderr: "", status: 0 },
  { args: ["-e", "\\08"], stdout: "\u00008\n", stderr: "", status: 0 },
  { args: ["-", "x"], stdout: "- x\n", stderr: "", status: 0 },
  { args: ["-e", "\\x"], stdout: "\\x\n", stderr: "", status: 0 },
  { args: ["-n"], stdout: "", stderr: "", status: 0 },
  { args: ["-eE", "a\\tb"], stdout: "a\\tb\n", stderr: "", status: 0 },
  { args: ["-Ee", "a\\tb"], stdout: "a\tb\n", stderr: "", status: 0 },
  { args: ["--help"], stdout: "--help\n", stderr: "", status: 0 },
  { args: ["-e", "\\u"], stdout: "\\u\n", stderr: "", status: 0 },
]

describe("echo", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(echo, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
