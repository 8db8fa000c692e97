import { describe, expect, it } from "vitest"
import { dirname } from "../../../src/interpreter/commands/dirname.ts"
import { expected, outcome, readBack, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files (`after`: the `read` files afterwards).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: [""], stdout: ".\n", stderr: "", status: 0 },
  { args: ["/"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["//"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["///"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["a"], stdout: ".\n", stderr: "", status: 0 },
  { args: ["a/"], stdout: ".\n", stderr: "", status: 0 },
  { args: ["a/b"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["a/b/"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["a//b"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["//a"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["///a"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["//a/b"], stdout: "//a\n", stderr: "", status: 0 },
  { args: ["/a/b//"], stdout: "/a\n", stderr: "", status: 0 },
  { args: ["."], stdout: ".\n", stderr: "", status: 0 },
  { args: [".."], stdout: ".\n", stderr: "", status: 0 },
  { args: ["./a"], stdout: ".\n", stderr: "", status: 0 },
  { args: ["../a"], stdout: "..\n", stderr: "", status: 0 },
  { args: ["a/b/c/d"], stdout: "a/b/c\n", stderr: "", status: 0 },
  { args: ["-z", "a/b", "c/d"], stdout: "a\u0000c\u0000", stderr: "", status: 0 },
  { args: ["a/b", "c"], stdout: "a\n.\n", stderr: "", status: 0 },
  { args: [], stdout: "", stderr: "dirname: missing operand\nTry 'dirname --help' for more information.\n", status: 1 },
  { args: ["--zero", "x/y"], stdout: "x\u0000", stderr: "", status: 0 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "dirname: invalid option -- 'x'\nTry 'dirname --help' for more information.\n",
    status: 1,
  },
  { args: ["--", "-a/b"], stdout: "-a\n", stderr: "", status: 0 },
]

describe("dirname", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(dirname, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await readBack(r, c)).toBe(c.after)
  })
})
