import { describe, expect, it } from "vitest"
import { seq } from "../../../src/interpreter/commands/seq.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: ["0", "0.1", "0.3"], stdout: "0.0\n0.1\n0.2\n0.3\n", stderr: "", status: 0 },
  { args: ["0", "1", "2.5"], stdout: "0\n1\n2\n", stderr: "", status: 0 },
  { args: ["1", "0.5", "2"], stdout: "1.0\n1.5\n2.0\n", stderr: "", status: 0 },
  { args: ["1.0", "3"], stdout: "1.0\n2.0\n3.0\n", stderr: "", status: 0 },
  { args: ["1", "1.50", "3"], stdout: "1.00\n2.50\n", stderr: "", status: 0 },
  { args: ["-w", "8", "10"], stdout: "08\n09\n10\n", stderr: "", status: 0 },
  {
    args: ["-w", "0.5", "1", "10.5"],
    stdout: "00.5\n01.5\n02.5\n03.5\n04.5\n05.5\n06.5\n07.5\n08.5\n09.5\n10.5\n",
    stderr: "",
    status: 0,
  },
  { args: ["-w", "-3", "1"], stdout: "-3\n-2\n-1\n00\n01\n", stderr: "", status: 0 },
  { args: ["-s,", "3"], stdout: "1,2,3\n", stderr: "", status: 0 },
  { args: ["-s", "", "3"], stdout: "123\n", stderr: "", status: 0 },
  { args: ["1e2", "1e2"], stdout: "100\n", stderr: "", status: 0 },
  { args: ["1", "1e1", "25"], stdout: "1\n11\n21\n", stderr: "", status: 0 },
  { args: ["-f", "%03g", "3"], stdout: "001\n002\n003\n", stderr: "", status: 0 },
  { args: ["-f", "x%.2fy", "2"], stdout: "x1.00y\nx2.00y\n", stderr: "", status: 0 },
  { args: ["-f", "%e", "2"], stdout: "1.000000e+00\n2.000000e+00\n", stderr: "", status: 0 },
  { args: ["-f", "%d", "2"], stdout: "", stderr: "seq: format '%d' has unknown %d directive\n", status: 1 },
  { args: ["-f", "%%", "2"], stdout: "", stderr: "seq: format '%%' has no % directive\n", status: 1 },
  { args: ["-f", "a%gb%g", "2"], stdout: "", stderr: "seq: format 'a%gb%g' has too many % directives\n", status: 1 },
  { args: ["-f", "%", "2"], stdout: "", stderr: "seq: format '%' ends in %\n", status: 1 },
  { args: ["-f", "%%%g%%", "2"], stdout: "%1%\n%2%\n", stderr: "", status: 0 },
  { args: ["5", "1"], stdout: "", stderr: "", status: 0 },
  { args: ["5", "-1", "1"], stdout: "5\n4\n3\n2\n1\n", stderr: "", status: 0 },
  {
    args: ["1", "0", "3"],
    stdout: "",
    stderr: "seq: invalid Zero increment value: '0'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["x"],
    stdout: "",
    stderr: "seq: invalid floating point argument: 'x'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["1", "3", "-w"],
    stdout: "",
    stderr: "seq: invalid floating point argument: '-w'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { args: ["--", "-1", "1"], stdout: "-1\n0\n1\n", stderr: "", status: 0 },
  { args: ["-1", "1"], stdout: "-1\n0\n1\n", stderr: "", status: 0 },
  { args: ["1", "-1"], stdout: "", stderr: "", status: 0 },
  { args: ["-.5", ".5"], stdout: "-0.5\n0.5\n", stderr: "", status: 0 },
  { args: ["2", "-0.5", "0"], stdout: "2.0\n1.5\n1.0\n0.5\n0.0\n", stderr: "", status: 0 },
  { args: ["0x10", "0x12"], stdout: "16\n17\n18\n", stderr: "", status: 0 },
  {
    args: ["1", "2", "3", "4"],
    stdout: "",
    stderr: "seq: extra operand '4'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["10000000000000000000", "10000000000000000002"],
    stdout: "10000000000000000000\n10000000000000000001\n10000000000000000002\n",
    stderr: "",
    status: 0,
  },
  { args: ["0.000001", "0.000001", "0.000003"], stdout: "0.000001\n0.000002\n0.000003\n", stderr: "", status: 0 },
  { args: ["-w", "1", "0.5", "2"], stdout: "1.0\n1.5\n2.0\n", stderr: "", status: 0 },
  { args: ["1.5e0", "3"], stdout: "1.5\n2.5\n", stderr: "", status: 0 },
  {
    args: ["1", "nan"],
    stdout: "",
    stderr: "seq: invalid 'not-a-number' argument: 'nan'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { args: ["-f", "%5.1f", "1", "3"], stdout: "  1.0\n  2.0\n  3.0\n", stderr: "", status: 0 },
  {
    args: ["-w", "-f", "%g", "1", "3"],
    stdout: "",
    stderr:
      "seq: format string may not be specified when printing equal width strings\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { args: [" 3"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  {
    args: ["3 "],
    stdout: "",
    stderr: "seq: invalid floating point argument: '3 '\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { args: ["+3"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["1."], stdout: "1\n", stderr: "", status: 0 },
  { args: [".5", "1"], stdout: "0.5\n", stderr: "", status: 0 },
  { args: ["-w", "1", "1.5", "4"], stdout: "1.0\n2.5\n4.0\n", stderr: "", status: 0 },
  { args: ["-w", "9", "0.5", "10"], stdout: "09.0\n09.5\n10.0\n", stderr: "", status: 0 },
  { args: ["1e-1", "0.3"], stdout: "0.1\n", stderr: "", status: 0 },
  { args: ["1", ".1", "1.3"], stdout: "1.0\n1.1\n1.2\n1.3\n", stderr: "", status: 0 },
  { args: ["-w", "-1.5", "1"], stdout: "-1.5\n-0.5\n00.5\n", stderr: "", status: 0 },
  { args: ["-s", "ab", "-w", "1", "3"], stdout: "1ab2ab3\n", stderr: "", status: 0 },
  { args: ["0.1", "0.1", "0.5"], stdout: "0.1\n0.2\n0.3\n0.4\n0.5\n", stderr: "", status: 0 },
  { args: [], stdout: "", stderr: "seq: missing operand\nTry 'seq --help' for more information.\n", status: 1 },
  {
    args: ["-s"],
    stdout: "",
    stderr: "seq: option requires an argument -- 's'\nTry 'seq --help' for more information.\n",
    status: 1,
  },
  { args: ["--separator=:", "--equal-width", "9", "11"], stdout: "09:10:11\n", stderr: "", status: 0 },
  { args: ["-ws:", "3"], stdout: "1:2:3\n", stderr: "", status: 0 },
  { args: ["1", "0x1p-1", "2"], stdout: "1\n1.5\n2\n", stderr: "", status: 0 },
  { args: ["-3", "-1"], stdout: "-3\n-2\n-1\n", stderr: "", status: 0 },
  { args: ["10", "-3", "1"], stdout: "10\n7\n4\n1\n", stderr: "", status: 0 },
  { args: ["-w", "10", "-3", "1"], stdout: "10\n07\n04\n01\n", stderr: "", status: 0 },
  { args: ["0"], stdout: "", stderr: "", status: 0 },
  { args: ["1", "1e100", "2"], stdout: "1\n", stderr: "", status: 0 },
]

describe("seq", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(seq, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
