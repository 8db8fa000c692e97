import { describe, expect, it } from "vitest"
import { head } from "../../../src/interpreter/commands/head.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {
  f: Array.from({ length: 20 }, (_, i) => `${i + 1}\n`).join(""),
  g: "a b\nc\n",
  p: "x\ny",
  z: "a\u0000b\u0000c\u0000",
}

const cases: ReadonlyArray<Case> = [
  { args: ["f"], stdout: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", stderr: "", status: 0 },
  { args: ["-n", "3", "f"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["-n3", "f"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["--lines=2", "f"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["--lines", "2", "f"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["--li=2", "f"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["-3", "f"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["-2c", "f"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-n", "-17", "f"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["-n", "-1", "p"], stdout: "x\n", stderr: "", status: 0 },
  { args: ["-c", "5", "f"], stdout: "1\n2\n3", stderr: "", status: 0 },
  { args: ["-c", "-40", "f"], stdout: "1\n2\n3\n4\n5\n6", stderr: "", status: 0 },
  { args: ["-c", "1k", "g"], stdout: "a b\nc\n", stderr: "", status: 0 },
  { args: ["-n", "0", "f"], stdout: "", stderr: "", status: 0 },
  { args: ["-n", "+2", "f"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["-n", " 2", "f"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["-n", "2", "f", "g"], stdout: "==> f <==\n1\n2\n\n==> g <==\na b\nc\n", stderr: "", status: 0 },
  { args: ["-q", "-n", "1", "f", "g"], stdout: "1\na b\n", stderr: "", status: 0 },
  { args: ["-v", "-n", "1", "g"], stdout: "==> g <==\na b\n", stderr: "", status: 0 },
  { args: ["-qv", "-n", "1", "g"], stdout: "==> g <==\na b\n", stderr: "", status: 0 },
  { args: ["-vq", "-n", "1", "f", "g"], stdout: "1\na b\n", stderr: "", status: 0 },
  {
    args: ["-n1", "g", "-"],
    stdin: "in\n",
    stdout: "==> g <==\na b\n\n==> standard input <==\nin\n",
    stderr: "",
    status: 0,
  },
  { args: ["-n", "1", "-v"], stdin: "in\n", stdout: "==> standard input <==\nin\n", stderr: "", status: 0 },
  {
    args: ["-n", "1", "g", "d", "nope", "f"],
    dirs: ["d"],
    stdout: "==> g <==\na b\n\n==> d <==\n\n==> f <==\n1\n",
    stderr:
      "head: error reading 'd': Is a directory\nhead: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
  },
  { args: ["-z", "-n", "2", "z"], stdout: "a\u0000b\u0000", stderr: "", status: 0 },
  { args: ["-n", "x", "f"], stdout: "", stderr: "head: invalid number of lines: 'x'\n", status: 1 },
  { args: ["-n", "-x", "f"], stdout: "", stderr: "head: invalid number of lines: 'x'\n", status: 1 },
  { args: ["-c", "1x", "f"], stdout: "", stderr: "head: invalid number of bytes: '1x'\n", status: 1 },
  {
    args: ["-n"],
    stdout: "",
    stderr: "head: option requires an argument -- 'n'\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--lines"],
    stdout: "",
    stderr: "head: option '--lines' requires an argument\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--quiet=1"],
    stdout: "",
    stderr: "head: option '--quiet' doesn't allow an argument\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-y"],
    stdout: "",
    stderr: "head: invalid option -- 'y'\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--bogus"],
    stdout: "",
    stderr: "head: unrecognized option '--bogus'\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-q", "-2", "f"],
    stdout: "",
    stderr: "head: invalid trailing option -- 2\nTry 'head --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-2x", "f"],
    stdout: "",
    stderr: "head: invalid trailing option -- x\nTry 'head --help' for more information.\n",
    status: 1,
  },
  { args: ["-n", "1", "-c", "3", "f"], stdout: "1\n2", stderr: "", status: 0 },
  { args: ["-c", "3", "-n", "1", "f"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-2", "-n", "1", "f"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-n", "2"], stdin: "a\nb\nc", stdout: "a\nb\n", stderr: "", status: 0 },
  { args: ["-n", "5"], stdin: "a\nb\nc", stdout: "a\nb\nc", stderr: "", status: 0 },
  {
    args: ["--", "-n"],
    stdout: "",
    stderr: "head: cannot open '-n' for reading: No such file or directory\n",
    status: 1,
  },
]

describe("head", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(head, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
