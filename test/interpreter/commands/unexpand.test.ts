import { describe, expect, it } from "vitest"
import { unexpand } from "../../../src/interpreter/commands/unexpand.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "        x       y\n    a   b\n",
  s: "a        b  c       d\n",
  m: "   \t  x \t y\n",
  e: "x                ",
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["a"], stdout: "\tx       y\n    a   b\n", stderr: "", status: 0 },
  { args: ["-a", "a"], stdout: "\tx\ty\n    a\tb\n", stderr: "", status: 0 },
  { args: ["-t", "4", "a"], stdout: "\t\tx\t\ty\n\ta\tb\n", stderr: "", status: 0 },
  { args: ["-t4", "--first-only", "a"], stdout: "\t\tx       y\n\ta   b\n", stderr: "", status: 0 },
  { args: ["-a", "s"], stdout: "a\t b  c\t    d\n", stderr: "", status: 0 },
  { args: ["-t", "2", "s"], stdout: "a\t\t\t\t b\tc\t\t\t\td\n", stderr: "", status: 0 },
  { args: ["-t", "3,6,12", "s"], stdout: "a\t\t   b\tc       d\n", stderr: "", status: 0 },
  { args: ["m"], stdout: "\t  x \t y\n", stderr: "", status: 0 },
  { args: ["-a", "m"], stdout: "\t  x\t y\n", stderr: "", status: 0 },
  { args: ["-a", "e"], stdout: "x\t\t ", stderr: "", status: 0 },
  { args: ["-4", "a"], stdout: "\t\tx       y\n\ta   b\n", stderr: "", status: 0 },
  { args: ["-a", "-t", "3,/4", "s"], stdout: "a\t\t\t b\tc\t\td\n", stderr: "", status: 0 },
  {
    args: ["nope", "a"],
    stdout: "\tx       y\n    a   b\n",
    stderr: "unexpand: nope: No such file or directory\n",
    status: 1,
  },
  { args: [], stdin: "                x\n", stdout: "\t\tx\n", stderr: "", status: 0 },
  { args: ["-a"], stdin: "a b  c   d    e     f\n", stdout: "a b  c\t d    e\t    f\n", stderr: "", status: 0 },
  { args: ["-a"], stdin: "1234567 x\n12345678        y\n", stdout: "1234567 x\n12345678\ty\n", stderr: "", status: 0 },
  { args: ["-t", "0"], stdout: "", stderr: "unexpand: tab size cannot be 0\n", status: 1 },
  { args: ["-a"], stdin: "ab\b        c\n", stdout: "ab\b\t c\n", stderr: "", status: 0 },
  { args: ["-t", "2,4"], stdin: "a    b    c\n", stdout: "a\t\t b    c\n", stderr: "", status: 0 },
  { args: [], stdin: "  \n", stdout: "  \n", stderr: "", status: 0 },
]

describe("unexpand", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(unexpand, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
