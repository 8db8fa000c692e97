import { describe, expect, it } from "vitest"
import { cmp } from "../../../src/interpreter/commands/cmp.ts"
import { expected, latin1, outcome, run, type Case } from "./harness.ts"

// Expectations from GNU diffutils 3.8 `cmp` run with LC_ALL=C on the same
// files (generated, then checked in).
const files: Readonly<Record<string, string | Uint8Array>> = {
  c1: "abc\ndef\n",
  c2: "abc\ndxf\nzz",
  c3: "abc\n",
  c4: "",
  e1: "abc",
  e2: "abcd",
  e3: "a\nb\n",
  e4: "a\nb\nc",
  e5: "a\nbc",
  hb: latin1("\x80\xff"),
  hb2: latin1("\x80\xfe"),
  z1: "\0".repeat(1000),
  z2: "\0\0\0\0x" + "\0".repeat(995),
  z3: "\0".repeat(20),
}

const cases: ReadonlyArray<Case> = [
  { args: ["c1", "c2"], stdout: "c1 c2 differ: char 6, line 2\n", stderr: "", status: 1 },
  { args: ["c1", "c3"], stdout: "", stderr: "cmp: EOF on c3 after byte 4, line 1\n", status: 1 },
  { args: ["c3", "c1"], stdout: "", stderr: "cmp: EOF on c3 after byte 4, line 1\n", status: 1 },
  { args: ["c4", "c1"], stdout: "", stderr: "cmp: EOF on c4 which is empty\n", status: 1 },
  { args: ["-l", "c1", "c2"], stdout: "6 145 170\n", stderr: "cmp: EOF on c1 after byte 8\n", status: 1 },
  { args: ["-b", "c1", "c2"], stdout: "c1 c2 differ: byte 6, line 2 is 145 e 170 x\n", stderr: "", status: 1 },
  { args: ["-lb", "c1", "c2"], stdout: "6 145 e    170 x\n", stderr: "cmp: EOF on c1 after byte 8\n", status: 1 },
  { args: ["-s", "c1", "c2"], stdout: "", stderr: "", status: 1 },
  { args: ["-n", "5", "c1", "c2"], stdout: "", stderr: "", status: 0 },
  { args: ["-i", "5", "c1", "c2"], stdout: "c1 c2 differ: char 1, line 1\n", stderr: "", status: 1 },
  { args: ["-i", "5:5", "c1", "c2"], stdout: "c1 c2 differ: char 1, line 1\n", stderr: "", status: 1 },
  { args: ["c1", "c2", "5", "5"], stdout: "c1 c2 differ: char 1, line 1\n", stderr: "", status: 1 },
  { args: ["c1", "nope"], stdout: "", stderr: "cmp: nope: No such file or directory\n", status: 2 },
  { args: ["-l", "c3", "c1"], stdout: "", stderr: "cmp: EOF on c3 after byte 4\n", status: 1 },
  { args: ["c1", "c1"], stdout: "", stderr: "", status: 0 },
  {
    args: ["c1", "c2", "c3", "c4", "c5"],
    stdout: "",
    stderr: "cmp: invalid --ignore-initial value 'c3'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  {
    args: ["-i", "x", "c1", "c2"],
    stdout: "",
    stderr: "cmp: invalid --ignore-initial value 'x'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  { args: ["-b", "hb", "hb2"], stdout: "hb hb2 differ: byte 2, line 1 is 377 M-^? 376 M-~\n", stderr: "", status: 1 },
  { args: ["-lb", "hb", "hb2"], stdout: "2 377 M-^? 376 M-~\n", stderr: "", status: 1 },
  { args: ["-l", "z1", "z2"], stdout: "   5   0 170\n", stderr: "", status: 1 },
  { args: ["-l", "z3", "z2"], stdout: " 5   0 170\n", stderr: "cmp: EOF on z3 after byte 20\n", status: 1 },
  { args: ["-l", "-n", "10", "z1", "z2"], stdout: " 5   0 170\n", stderr: "", status: 1 },
  { args: ["-l", "z2", "z3"], stdout: " 5 170   0\n", stderr: "cmp: EOF on z3 after byte 20\n", status: 1 },
  { args: ["-i", "1K", "z1", "z2"], stdout: "", stderr: "", status: 0 },
  { args: ["e1", "e2"], stdout: "", stderr: "cmp: EOF on e1 after byte 3, in line 1\n", status: 1 },
  { args: ["e3", "e4"], stdout: "", stderr: "cmp: EOF on e3 after byte 4, line 2\n", status: 1 },
  { args: ["e5", "e4"], stdout: "e5 e4 differ: char 4, line 2\n", stderr: "", status: 1 },
  {
    args: ["-l", "-s", "c1", "c2"],
    stdout: "",
    stderr: "cmp: options -l and -s are incompatible\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  { args: ["-n", "0", "c1", "c2"], stdout: "", stderr: "", status: 0 },
  { args: ["-i", "3:4", "c1", "c2"], stdout: "c1 c2 differ: char 1, line 1\n", stderr: "", status: 1 },
  {
    args: ["c1", "c2", "1", "2", "3"],
    stdout: "",
    stderr: "cmp: extra operand '3'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  {
    args: ["-z", "c1", "c2"],
    stdout: "",
    stderr: "cmp: invalid option -- 'z'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  {
    args: ["--foo", "c1", "c2"],
    stdout: "",
    stderr: "cmp: unrecognized option '--foo'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  {
    args: ["--bytes=x", "c1", "c2"],
    stdout: "",
    stderr: "cmp: invalid --bytes value 'x'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  {
    args: ["--print-bytes", "--verbose", "c1", "c2"],
    stdout: "6 145 e    170 x\n",
    stderr: "cmp: EOF on c1 after byte 8\n",
    status: 1,
  },
  {
    args: [],
    stdout: "",
    stderr: "cmp: missing operand after 'cmp'\ncmp: Try 'cmp --help' for more information.\n",
    status: 2,
  },
  { args: ["-", "c1"], stdin: "abc\ndef\n", stdout: "", stderr: "", status: 0 },
  { args: ["c1"], stdin: "abd", stdout: "c1 - differ: char 3, line 1\n", stderr: "", status: 1 },
  { args: ["c1", "-"], stdin: "", stdout: "", stderr: "cmp: EOF on - which is empty\n", status: 1 },
  { args: ["d", "c1"], dirs: ["d"], stdout: "", stderr: "cmp: d: Is a directory\n", status: 2 },
]

describe("cmp", () => {
  it.each(cases.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => {
    const r = await run(cmp, c.args, { files, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })

  it("streams: stops at the first difference of a long input", async () => {
    const big = "x".repeat(300_000)
    const r = await run(cmp, ["-", "f"], { files: { f: `a${big}` }, stdin: `b${big}` })
    expect(r.stdout).toBe("- f differ: char 1, line 1\n")
    expect(r.status).toBe(1)
  })
})
