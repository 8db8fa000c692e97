import { describe, expect, it } from "vitest"
import { basename } from "../../../src/interpreter/commands/basename.ts"
import { expected, outcome, readBack, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files (`after`: the `read` files afterwards).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: [""], stdout: "\n", stderr: "", status: 0 },
  { args: ["/"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["//"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["///"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["a/"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["a/b"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["a/b/"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["a//b"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["//a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["///a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["//a/b"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["/a/b//"], stdout: "b\n", stderr: "", status: 0 },
  { args: ["."], stdout: ".\n", stderr: "", status: 0 },
  { args: [".."], stdout: "..\n", stderr: "", status: 0 },
  { args: ["./a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["../a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["a.txt", ".txt"], stdout: "a\n", stderr: "", status: 0 },
  { args: [".txt", ".txt"], stdout: ".txt\n", stderr: "", status: 0 },
  { args: ["-s", ".c", "a.c", "b.c"], stdout: "a\nb\n", stderr: "", status: 0 },
  { args: ["-a", "x/y", "z/"], stdout: "y\nz\n", stderr: "", status: 0 },
  {
    args: ["a", "b", "c"],
    stdout: "",
    stderr: "basename: extra operand 'c'\nTry 'basename --help' for more information.\n",
    status: 1,
  },
  { args: ["-z", "a"], stdout: "a\u0000", stderr: "", status: 0 },
  { args: ["-as", ".c", "a.c"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["--", "-a"], stdout: "-a\n", stderr: "", status: 0 },
  { args: ["--suffix=.c", "a.c"], stdout: "a\n", stderr: "", status: 0 },
  {
    args: [],
    stdout: "",
    stderr: "basename: missing operand\nTry 'basename --help' for more information.\n",
    status: 1,
  },
  { args: ["/", "/"], stdout: "/\n", stderr: "", status: 0 },
  { args: ["a.c", ""], stdout: "a.c\n", stderr: "", status: 0 },
  { args: ["-s", "", "a.c"], stdout: "a.c\n", stderr: "", status: 0 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "basename: invalid option -- 'x'\nTry 'basename --help' for more information.\n",
    status: 1,
  },
  { args: ["--multiple", "--zero", "a", "b"], stdout: "a\u0000b\u0000", stderr: "", status: 0 },
]

describe("basename", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(basename, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await readBack(r, c)).toBe(c.after)
  })
})
