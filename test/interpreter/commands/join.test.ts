import { describe, expect, it } from "vitest"
import { join } from "../../../src/interpreter/commands/join.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "1 apple red\n2 banana yellow\n3 cherry red\n5 fig purple\n",
  b: "1 one\n2 two\n2 deux\n4 four\n5 five\n",
  c: "a,x,1\nb,y,2\nd,,4\n",
  d: "a,10\nc,30\nd,40\n",
  u: "3 c\n1 a\n2 b\n",
  v: "1 x\n2 y\n3 z\n",
  h: "id name\n1 ann\n2 bob\n",
  g: "id age\n2 30\n3 40\n",
  i: "A 1\nb 2\nC 3\n",
  j: "a x\nB y\nc z\n",
  s: "  1   a  b\n2\tc\n",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["a", "b"],
    stdout: "1 apple red one\n2 banana yellow two\n2 banana yellow deux\n5 fig purple five\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-a1", "a", "b"],
    stdout: "1 apple red one\n2 banana yellow two\n2 banana yellow deux\n3 cherry red\n5 fig purple five\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-a", "2", "a", "b"],
    stdout: "1 apple red one\n2 banana yellow two\n2 banana yellow deux\n4 four\n5 fig purple five\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-a1", "-a2", "a", "b"],
    stdout: "1 apple red one\n2 banana yellow two\n2 banana yellow deux\n3 cherry red\n4 four\n5 fig purple five\n",
    stderr: "",
    status: 0,
  },
  { args: ["-v1", "a", "b"], stdout: "3 cherry red\n", stderr: "", status: 0 },
  { args: ["-v2", "a", "b"], stdout: "4 four\n", stderr: "", status: 0 },
  { args: ["-v1", "-v2", "a", "b"], stdout: "3 cherry red\n4 four\n", stderr: "", status: 0 },
  { args: ["-t,", "c", "d"], stdout: "a,x,1,10\nd,,4,40\n", stderr: "", status: 0 },
  {
    args: ["-t,", "-a1", "-a2", "-e", "NA", "-o", "0,1.2,1.3,2.2", "c", "d"],
    stdout: "a,x,1,10\nb,y,2,NA\nc,NA,NA,30\nd,NA,4,40\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-t,", "-o", "auto", "-a1", "-a2", "-e?", "c", "d"],
    stdout: "a,x,1,10\nb,y,2,?\nc,?,?,30\nd,?,4,40\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-o", "1.2,2.2", "a", "b"],
    stdout: "apple one\nbanana two\nbanana deux\nfig five\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-o", "1.2 2.2 0", "a", "b"],
    stdout: "apple one 1\nbanana two 2\nbanana deux 2\nfig five 5\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-j", "1", "a", "b"],
    stdout: "1 apple red one\n2 banana yellow two\n2 banana yellow deux\n5 fig purple five\n",
    stderr: "",
    status: 0,
  },
  { args: ["-1", "2", "-2", "2", "v", "v"], stdout: "x 1 1\ny 2 2\nz 3 3\n", stderr: "", status: 0 },
  {
    args: ["u", "v"],
    stdout: "3 c z\n",
    stderr: "join: u:2: is not sorted: 1 a\njoin: input is not in sorted order\n",
    status: 1,
  },
  { args: ["--check-order", "u", "v"], stdout: "", stderr: "join: u:2: is not sorted: 1 a\n", status: 1 },
  { args: ["--nocheck-order", "u", "v"], stdout: "3 c z\n", stderr: "", status: 0 },
  {
    args: ["v", "u"],
    stdout: "3 z c\n",
    stderr: "join: u:2: is not sorted: 1 a\njoin: input is not in sorted order\n",
    status: 1,
  },
  { args: ["u", "u"], stdout: "3 c c\n1 a a\n2 b b\n", stderr: "", status: 0 },
  { args: ["--header", "h", "g"], stdout: "id name age\n2 bob 30\n", stderr: "", status: 0 },
  {
    args: ["--header", "-a1", "-o", "auto", "h", "g"],
    stdout: "id name age\n1 ann \n2 bob 30\n",
    stderr: "",
    status: 0,
  },
  { args: ["-i", "i", "j"], stdout: "A 1 x\nb 2 y\nC 3 z\n", stderr: "", status: 0 },
  {
    args: ["i", "j"],
    stdout: "",
    stderr: "join: j:2: is not sorted: B y\njoin: i:3: is not sorted: C 3\njoin: input is not in sorted order\n",
    status: 1,
  },
  { args: ["s", "v"], stdout: "1 a b x\n2 c y\n", stderr: "", status: 0 },
  { args: ["-t", "\t", "s", "v"], stdout: "", stderr: "", status: 0 },
  { args: ["-t", "", "v", "v"], stdout: "1 x\n2 y\n3 z\n", stderr: "", status: 0 },
  { args: ["-t", "ab", "a", "b"], stdout: "", stderr: "join: multi-character tab 'ab'\n", status: 1 },
  { args: ["-a", "3", "a", "b"], stdout: "", stderr: "join: invalid field number: '3'\n", status: 1 },
  { args: ["-1", "0", "a", "b"], stdout: "", stderr: "join: invalid field number: '0'\n", status: 1 },
  { args: ["-o", "3.1", "a", "b"], stdout: "", stderr: "join: invalid file number in field spec: '3.1'\n", status: 1 },
  { args: ["-o", "1.x", "a", "b"], stdout: "", stderr: "join: invalid field number: 'x'\n", status: 1 },
  { args: ["-o", "1x", "a", "b"], stdout: "", stderr: "join: invalid field specifier: '1x'\n", status: 1 },
  {
    args: ["a"],
    stdout: "",
    stderr: "join: missing operand after 'a'\nTry 'join --help' for more information.\n",
    status: 1,
  },
  { args: [], stdout: "", stderr: "join: missing operand\nTry 'join --help' for more information.\n", status: 1 },
  {
    args: ["a", "b", "c"],
    stdout: "",
    stderr: "join: extra operand 'c'\nTry 'join --help' for more information.\n",
    status: 1,
  },
  { args: ["nope", "a"], stdout: "", stderr: "join: nope: No such file or directory\n", status: 1 },
  { args: ["-", "b"], stdin: "2 x\n5 y\n", stdout: "2 x two\n2 x deux\n5 y five\n", stderr: "", status: 0 },
  {
    args: ["-e", "a", "-e", "b", "a", "b"],
    stdout: "",
    stderr: "join: conflicting empty-field replacement strings\n",
    status: 1,
  },
  { args: ["-1", "1", "-j", "2", "a", "b"], stdout: "", stderr: "join: incompatible join fields 1, 2\n", status: 1 },
  {
    args: ["-z", "a", "b"],
    stdout: "1 apple red 2 banana yellow 3 cherry red 5 fig purple  one 2 two 2 deux 4 four 5 five \u0000",
    stderr: "",
    status: 0,
  },
  { args: ["-t,", "-e", "E", "-o", "1.1,1.2,1.3,1.4", "c", "d"], stdout: "a,x,1,E\nd,E,4,E\n", stderr: "", status: 0 },
  { args: ["-a2", "--header", "h", "g"], stdout: "id name age\n2 bob 30\n3 40\n", stderr: "", status: 0 },
  {
    args: ["-x", "a", "b"],
    stdout: "",
    stderr: "join: invalid option -- 'x'\nTry 'join --help' for more information.\n",
    status: 1,
  },
  { args: ["-t", ",", "-t", ";", "a", "b"], stdout: "", stderr: "join: incompatible tabs\n", status: 1 },
  { args: ["-o", "0,2.2", "-v2", "a", "b"], stdout: "4 four\n", stderr: "", status: 0 },
]

describe("join", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(join, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
