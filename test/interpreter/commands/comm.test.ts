import { describe, expect, it } from "vitest"
import { comm } from "../../../src/interpreter/commands/comm.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "apple\nbanana\ncherry\ndate\n",
  b: "banana\ncherry\nfig\n",
  u: "b\na\nc\n",
  v: "a\nb\n",
  n: "x\ny",
  e: "",
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["a", "b"], stdout: "apple\n\t\tbanana\n\t\tcherry\ndate\n\tfig\n", stderr: "", status: 0 },
  { args: ["-1", "a", "b"], stdout: "\tbanana\n\tcherry\nfig\n", stderr: "", status: 0 },
  { args: ["-2", "a", "b"], stdout: "apple\n\tbanana\n\tcherry\ndate\n", stderr: "", status: 0 },
  { args: ["-3", "a", "b"], stdout: "apple\ndate\n\tfig\n", stderr: "", status: 0 },
  { args: ["-12", "a", "b"], stdout: "banana\ncherry\n", stderr: "", status: 0 },
  { args: ["-13", "a", "b"], stdout: "fig\n", stderr: "", status: 0 },
  { args: ["-23", "a", "b"], stdout: "apple\ndate\n", stderr: "", status: 0 },
  { args: ["-123", "a", "b"], stdout: "", stderr: "", status: 0 },
  {
    args: ["--output-delimiter=|", "a", "b"],
    stdout: "apple\n||banana\n||cherry\ndate\n|fig\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--output-delimiter=", "a", "b"],
    stdout: "apple\n\u0000\u0000banana\n\u0000\u0000cherry\ndate\n\u0000fig\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--total", "a", "b"],
    stdout: "apple\n\t\tbanana\n\t\tcherry\ndate\n\tfig\n2\t1\t2\ttotal\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--total", "--output-delimiter=::", "-3", "a", "b"],
    stdout: "apple\ndate\n::fig\n2::1::2::total\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["u", "v"],
    stdout: "\ta\n\t\tb\na\nc\n",
    stderr: "comm: file 1 is not in sorted order\ncomm: input is not in sorted order\n",
    status: 1,
  },
  {
    args: ["v", "u"],
    stdout: "a\n\t\tb\n\ta\n\tc\n",
    stderr: "comm: file 2 is not in sorted order\ncomm: input is not in sorted order\n",
    status: 1,
  },
  {
    args: ["--check-order", "u", "v"],
    stdout: "\ta\n\t\tb\n",
    stderr: "comm: file 1 is not in sorted order\n",
    status: 1,
  },
  { args: ["--nocheck-order", "u", "v"], stdout: "\ta\n\t\tb\na\nc\n", stderr: "", status: 0 },
  {
    args: ["--check-order", "a", "u"],
    stdout: "apple\n\tb\n",
    stderr: "comm: file 2 is not in sorted order\n",
    status: 1,
  },
  { args: ["u", "u"], stdout: "\t\tb\n\t\ta\n\t\tc\n", stderr: "", status: 0 },
  {
    args: ["a"],
    stdout: "",
    stderr: "comm: missing operand after 'a'\nTry 'comm --help' for more information.\n",
    status: 1,
  },
  { args: [], stdout: "", stderr: "comm: missing operand\nTry 'comm --help' for more information.\n", status: 1 },
  {
    args: ["a", "b", "c"],
    stdout: "",
    stderr: "comm: extra operand 'c'\nTry 'comm --help' for more information.\n",
    status: 1,
  },
  { args: ["nope", "a"], stdout: "", stderr: "comm: nope: No such file or directory\n", status: 1 },
  { args: ["a", "nope"], stdout: "", stderr: "comm: nope: No such file or directory\n", status: 1 },
  { args: ["n", "v"], stdout: "\ta\n\tb\nx\ny\n", stderr: "", status: 0 },
  { args: ["e", "a"], stdout: "\tapple\n\tbanana\n\tcherry\n\tdate\n", stderr: "", status: 0 },
  { args: ["-", "b"], stdin: "banana\nzebra\n", stdout: "\t\tbanana\n\tcherry\n\tfig\nzebra\n", stderr: "", status: 0 },
  {
    args: ["-z", "a", "b"],
    stdout: "apple\nbanana\ncherry\ndate\n\u0000\tbanana\ncherry\nfig\n\u0000",
    stderr: "",
    status: 0,
  },
  {
    args: ["--output-delimiter=x", "--output-delimiter=y", "a", "b"],
    stdout: "",
    stderr: "comm: multiple output delimiters specified\n",
    status: 1,
  },
  {
    args: ["-x", "a", "b"],
    stdout: "",
    stderr: "comm: invalid option -- 'x'\nTry 'comm --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--check-order", "v", "u"],
    stdout: "a\n\t\tb\n",
    stderr: "comm: file 2 is not in sorted order\n",
    status: 1,
  },
]

describe("comm", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(comm, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
