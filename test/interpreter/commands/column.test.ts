import { describe, expect, it } from "vitest"
import { column } from "../../../src/interpreter/commands/column.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running util-linux 2.38 column with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  t: "a b c\nlong1 x yy\nz\n",
  c: "a:b:c\n1:22:333\n\n::x\n",
  s30: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\n24\n25\n26\n27\n28\n29\n30\n",
  w: "apple\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n",
  sp: "  lead  space\n\t\ntrail x  \n",
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["-t", "t"], stdout: "a      b  c\nlong1  x  yy\nz         \n", stderr: "", status: 0 },
  { args: ["-t", "-s:", "c"], stdout: "a  b   c\n1  22  333\n       x\n", stderr: "", status: 0 },
  {
    args: ["-t", "-s", ":", "-o", " | ", "c"],
    stdout: "a | b  | c\n1 | 22 | 333\n  |    | x\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["s30"],
    stdout:
      "1\t4\t7\t10\t13\t16\t19\t22\t25\t28\n2\t5\t8\t11\t14\t17\t20\t23\t26\t29\n3\t6\t9\t12\t15\t18\t21\t24\t27\t30\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "40", "s30"],
    stdout:
      "1\t7\t13\t19\t25\n2\t8\t14\t20\t26\n3\t9\t15\t21\t27\n4\t10\t16\t22\t28\n5\t11\t17\t23\t29\n6\t12\t18\t24\t30\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-x", "-c", "40", "s30"],
    stdout:
      "1\t2\t3\t4\t5\n6\t7\t8\t9\t10\n11\t12\t13\t14\t15\n16\t17\t18\t19\t20\n21\t22\t23\t24\t25\n26\t27\t28\t29\t30\n",
    stderr: "",
    status: 0,
  },
  { args: ["-c", "30", "w"], stdout: "apple\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n", stderr: "", status: 0 },
  {
    args: ["-x", "-c", "30", "w"],
    stdout: "apple\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n",
    stderr: "",
    status: 0,
  },
  { args: ["w"], stdout: "apple\t\tcherry\t\telderberry\tgrape\nbanana\t\tdate\t\tfig\n", stderr: "", status: 0 },
  { args: ["-c", "5", "w"], stdout: "apple\nbanana\ncherry\ndate\nelderberry\nfig\ngrape\n", stderr: "", status: 0 },
  { args: ["-t", "sp"], stdout: "lead   space\ntrail  x\n", stderr: "", status: 0 },
  { args: ["sp"], stdout: "  lead  space\ttrail x  \n", stderr: "", status: 0 },
  { args: ["-t", "-L", "c", "-s:"], stdout: "a  b   c\n1  22  333\n       \n       x\n", stderr: "", status: 0 },
  {
    args: ["-t", "-N", "A,B,C", "t"],
    stdout: "A      B  C\na      b  c\nlong1  x  yy\nz         \n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-t", "-N", "A,B,C", "-R", "B", "t"],
    stdout: "A      B  C\na      b  c\nlong1  x  yy\nz         \n",
    stderr: "",
    status: 0,
  },
  { args: ["-t", "-R", "1,3", "t"], stdout: "    a  b   c\nlong1  x  yy\n    z     \n", stderr: "", status: 0 },
  { args: ["-t", "-N", "x,y", "-d", "t"], stdout: "a      b  c\nlong1  x  yy\nz         \n", stderr: "", status: 0 },
  { args: ["-t", "-l", "2", "t"], stdout: "a      b c\nlong1  x yy\nz      \n", stderr: "", status: 0 },
  { args: ["-c", "x"], stdout: "", stderr: "column: invalid columns argument: 'x'\n", status: 1 },
  { args: ["-R", "1"], stdout: "", stderr: "column: option --table required for all --table-*\n", status: 1 },
  {
    args: ["-t", "nope", "t"],
    stdout: "a      b  c\nlong1  x  yy\nz         \n",
    stderr: "column: nope: No such file or directory\n",
    status: 0,
  },
  { args: ["-t"], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: ["-t"], stdin: "a,,b\n", stdout: "a,,b\n", stderr: "", status: 0 },
  { args: ["-t", "-s,"], stdin: "a,,b\n", stdout: "a    b\n", stderr: "", status: 0 },
  { args: ["-t", "-s", ", "], stdin: "a, b,c\n", stdout: "a    b  c\n", stderr: "", status: 0 },
  {
    args: ["-x", "-t", "t"],
    stdout: "",
    stderr: "column: mutually exclusive arguments: --table --fillrows\n",
    status: 1,
  },
  {
    args: ["-c", "75", "-x"],
    stdin: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nb\n",
    stdout: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\tb\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "x\n", stdout: "x\n", stderr: "", status: 0 },
]

describe("column", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(column, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
