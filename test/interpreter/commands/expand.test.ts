import { describe, expect, it } from "vitest"
import { expand } from "../../../src/interpreter/commands/expand.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "a\tb\tc\n\tx\n",
  b: "ab\t\tc\ty",
  i: "  \tx\ty\n \t z\t\n",
  bs: "abc\b\tx\n",
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["a"], stdout: "a       b       c\n        x\n", stderr: "", status: 0 },
  { args: ["-t", "4", "a"], stdout: "a   b   c\n    x\n", stderr: "", status: 0 },
  { args: ["-t4", "a", "b"], stdout: "a   b   c\n    x\nab      c   y", stderr: "", status: 0 },
  { args: ["-4", "a"], stdout: "a   b   c\n    x\n", stderr: "", status: 0 },
  { args: ["-t", "2,5,9", "a", "b"], stdout: "a b  c\n  x\nab       c y", stderr: "", status: 0 },
  { args: ["-t", "2 5"], stdin: "\t\t\t\tx\n", stdout: "       x\n", stderr: "", status: 0 },
  { args: ["-i", "i"], stdout: "        x\ty\n         z\t\n", stderr: "", status: 0 },
  { args: ["-i", "-t3", "i"], stdout: "   x\ty\n    z\t\n", stderr: "", status: 0 },
  { args: ["bs"], stdout: "abc\b      x\n", stderr: "", status: 0 },
  { args: ["-t", "3,/5"], stdin: "\t\t\t\tx\n", stdout: "               x\n", stderr: "", status: 0 },
  { args: ["-t", "3,+5"], stdin: "\t\t\t\tx\n", stdout: "                  x\n", stderr: "", status: 0 },
  { args: ["-t", "0"], stdout: "", stderr: "expand: tab size cannot be 0\n", status: 1 },
  { args: ["-t", "4,2"], stdout: "", stderr: "expand: tab sizes must be ascending\n", status: 1 },
  { args: ["-t", "a"], stdout: "", stderr: "expand: tab size contains invalid character(s): 'a'\n", status: 1 },
  { args: ["-t", "4/"], stdout: "", stderr: "expand: '/' specifier not at start of number: '/'\n", status: 1 },
  {
    args: ["nope", "a"],
    stdout: "a       b       c\n        x\n",
    stderr: "expand: nope: No such file or directory\n",
    status: 1,
  },
  { args: ["b", "a"], stdout: "ab              c       ya      b       c\n        x\n", stderr: "", status: 0 },
  { args: ["-t", "1"], stdin: "\ta\tb\n", stdout: " a b\n", stderr: "", status: 0 },
  { args: ["--tabs=4", "--initial"], stdin: "\ta\tb\n", stdout: "    a\tb\n", stderr: "", status: 0 },
  { args: ["-t", "2", "-t", "6"], stdin: "\t\t\tx\n", stdout: "       x\n", stderr: "", status: 0 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "expand: invalid option -- 'x'\nTry 'expand --help' for more information.\n",
    status: 1,
  },
  { args: ["-t", "/3,/4"], stdout: "", stderr: "expand: '/' specifier only allowed with the last value\n", status: 1 },
]

describe("expand", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(expand, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
