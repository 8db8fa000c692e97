import { describe, expect, it } from "vitest"
import { cat } from "../../../src/interpreter/commands/cat.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {
  x: "a",
  y: "b\nc\n",
  bl: "\n\n\na\n\n\n",
  ctl: "\u0001\t\u007f\u00e9z\n",
  t: "a\tb\n",
}

const cases: ReadonlyArray<Case> = [
  { args: [], stdin: "hello\nworld\n", stdout: "hello\nworld\n", stderr: "", status: 0 },
  { args: ["y", "-", "x"], stdin: "in\n", stdout: "b\nc\nin\na", stderr: "", status: 0 },
  { args: ["-n", "x", "y"], stdout: "     1\tab\n     2\tc\n", stderr: "", status: 0 },
  { args: ["-b", "bl", "y"], stdout: "\n\n\n     1\ta\n\n\n     2\tb\n     3\tc\n", stderr: "", status: 0 },
  { args: ["-s", "bl", "x", "bl"], stdout: "\na\n\na\n\na\n\n", stderr: "", status: 0 },
  { args: ["-sn", "bl"], stdout: "     1\t\n     2\ta\n     3\t\n", stderr: "", status: 0 },
  { args: ["-E", "y", "bl"], stdout: "b$\nc$\n$\n$\n$\na$\n$\n$\n", stderr: "", status: 0 },
  { args: ["-bE", "bl"], stdout: "$\n$\n$\n     1\ta$\n$\n$\n", stderr: "", status: 0 },
  { args: ["-T", "t"], stdout: "a^Ib\n", stderr: "", status: 0 },
  { args: ["-v", "ctl"], stdout: "^A\t^?M-CM-)z\n", stderr: "", status: 0 },
  { args: ["-A", "ctl"], stdout: "^A^I^?M-CM-)z$\n", stderr: "", status: 0 },
  { args: ["-e", "ctl"], stdout: "^A\t^?M-CM-)z$\n", stderr: "", status: 0 },
  { args: ["-t", "ctl"], stdout: "^A^I^?M-CM-)z\n", stderr: "", status: 0 },
  { args: ["-u", "y"], stdout: "b\nc\n", stderr: "", status: 0 },
  { args: ["nope", "y"], stdout: "b\nc\n", stderr: "cat: nope: No such file or directory\n", status: 1 },
  { args: ["d"], dirs: ["d"], stdout: "", stderr: "cat: d: Is a directory\n", status: 1 },
  {
    args: ["a b", "a:b"],
    stdout: "",
    stderr: "cat: 'a b': No such file or directory\ncat: 'a:b': No such file or directory\n",
    status: 1,
  },
  {
    args: ["-z"],
    stdout: "",
    stderr: "cat: invalid option -- 'z'\nTry 'cat --help' for more information.\n",
    status: 1,
  },
  { args: ["--number", "y"], stdout: "     1\tb\n     2\tc\n", stderr: "", status: 0 },
  { args: ["--show-e", "y"], stdout: "b$\nc$\n", stderr: "", status: 0 },
  {
    args: ["--nu", "y"],
    stdout: "",
    stderr:
      "cat: option '--nu' is ambiguous; possibilities: '--number-nonblank' '--number'\nTry 'cat --help' for more information.\n",
    status: 1,
  },
  { args: ["y", "--", "-n"], stdout: "b\nc\n", stderr: "cat: -n: No such file or directory\n", status: 1 },
]

describe("cat", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(cat, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
