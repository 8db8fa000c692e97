import { describe, expect, it } from "vitest"
import { tail } from "../../../src/interpreter/commands/tail.ts"
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
  { args: ["f"], stdout: "11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n", stderr: "", status: 0 },
  { args: ["-n", "3", "f"], stdout: "18\n19\n20\n", stderr: "", status: 0 },
  { args: ["-n3", "f"], stdout: "18\n19\n20\n", stderr: "", status: 0 },
  { args: ["-n", "-2", "f"], stdout: "19\n20\n", stderr: "", status: 0 },
  { args: ["-n", "+18", "f"], stdout: "18\n19\n20\n", stderr: "", status: 0 },
  { args: ["-n", "+0", "g"], stdout: "a b\nc\n", stderr: "", status: 0 },
  { args: ["-n", "0", "g"], stdout: "", stderr: "", status: 0 },
  { args: ["-n", "1", "p"], stdout: "y", stderr: "", status: 0 },
  { args: ["-n", "2", "p"], stdout: "x\ny", stderr: "", status: 0 },
  { args: ["-3", "f"], stdout: "18\n19\n20\n", stderr: "", status: 0 },
  { args: ["+19", "f"], stdout: "19\n20\n", stderr: "", status: 0 },
  { args: ["-2c", "f"], stdout: "0\n", stderr: "", status: 0 },
  { args: ["+5c", "g"], stdout: "c\n", stderr: "", status: 0 },
  { args: ["-c", "4", "f"], stdout: "\n20\n", stderr: "", status: 0 },
  { args: ["-c", "+4", "g"], stdout: "\nc\n", stderr: "", status: 0 },
  { args: ["-c", "1k", "g"], stdout: "a b\nc\n", stderr: "", status: 0 },
  { args: ["--lines=1", "f", "g"], stdout: "==> f <==\n20\n\n==> g <==\nc\n", stderr: "", status: 0 },
  { args: ["-q", "-n", "1", "f", "g"], stdout: "20\nc\n", stderr: "", status: 0 },
  { args: ["-v", "-n", "1", "g"], stdout: "==> g <==\nc\n", stderr: "", status: 0 },
  {
    args: ["-n", "1", "g", "-"],
    stdin: "in\n",
    stdout: "==> g <==\nc\n\n==> standard input <==\nin\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "1", "g", "d", "nope"],
    dirs: ["d"],
    stdout: "==> g <==\nc\n\n==> d <==\n",
    stderr:
      "tail: error reading 'd': Is a directory\ntail: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
  },
  { args: ["-z", "-n", "2", "z"], stdout: "b\u0000c\u0000", stderr: "", status: 0 },
  { args: ["-n", "x", "f"], stdout: "", stderr: "tail: invalid number of lines: 'x'\n", status: 1 },
  { args: ["-n", "+x", "f"], stdout: "", stderr: "tail: invalid number of lines: '+x'\n", status: 1 },
  { args: ["-c", "-x", "f"], stdout: "", stderr: "tail: invalid number of bytes: 'x'\n", status: 1 },
  { args: ["-n", "1", "-5", "f"], stdout: "", stderr: "tail: option used in invalid context -- 5\n", status: 1 },
  {
    args: ["-j"],
    stdout: "",
    stderr: "tail: invalid option -- 'j'\nTry 'tail --help' for more information.\n",
    status: 1,
  },
  { args: ["-n", "1"], stdin: "a\nb\nc", stdout: "c", stderr: "", status: 0 },
  { args: ["-n", "5"], stdin: "a\nb\nc", stdout: "a\nb\nc", stderr: "", status: 0 },
  { args: ["-n", "+2"], stdin: "a\nb\nc", stdout: "b\nc", stderr: "", status: 0 },
  { args: ["-n", "2"], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: ["-1"], stdin: "a\nb\n", stdout: "b\n", stderr: "", status: 0 },
  { args: ["-"], stdin: "a\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
]

describe("tail", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(tail, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
