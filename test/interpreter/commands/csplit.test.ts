import { describe, expect, it } from "vitest"
import { csplit } from "../../../src/interpreter/commands/csplit.ts"
import { run } from "./harness.ts"
import { bytesText, listCreated, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  s: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
  ab: "a\nb\na\nb\n",
  nonl: "x\ny\nz",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["s", "4"],
    stdout: "6\n15\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n", xx01: "4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["s", "3", "7"],
    stdout: "4\n8\n9\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n", xx01: "3\n4\n5\n6\n", xx02: "7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/5/"],
    stdout: "8\n13\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n4\n", xx01: "5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/5/", "/8/"],
    stdout: "8\n6\n7\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n4\n", xx01: "5\n6\n7\n", xx02: "8\n9\n10\n" },
  },
  { args: ["s", "%5%"], stdout: "13\n", stderr: "", status: 0, created: { xx00: "5\n6\n7\n8\n9\n10\n" } },
  {
    args: ["s", "/5/+2"],
    stdout: "12\n9\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n4\n5\n6\n", xx01: "7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/5/-2"],
    stdout: "4\n17\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n", xx01: "3\n4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/[13579]/", "{3}"],
    stdout: "0\n4\n4\n4\n9\n",
    stderr: "",
    status: 0,
    created: { xx00: "", xx01: "1\n2\n", xx02: "3\n4\n", xx03: "5\n6\n", xx04: "7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/[02468]/", "{*}"],
    stdout: "2\n4\n4\n4\n4\n3\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n", xx01: "2\n3\n", xx02: "4\n5\n", xx03: "6\n7\n", xx04: "8\n9\n", xx05: "10\n" },
  },
  { args: ["s", "20"], stdout: "21\n", stderr: "csplit: '20': line number out of range\n", status: 1, created: {} },
  { args: ["s", "/x/"], stdout: "21\n", stderr: "csplit: '/x/': match not found\n", status: 1, created: {} },
  {
    args: ["-k", "s", "3", "/x/"],
    stdout: "4\n17\n",
    stderr: "csplit: '/x/': match not found\n",
    status: 1,
    created: { xx00: "1\n2\n", xx01: "3\n4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["s", "5", "3"],
    stdout: "",
    stderr: "csplit: line number '3' is smaller than preceding line number, 5\n",
    status: 1,
    created: {},
  },
  {
    args: ["-s", "s", "4"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n", xx01: "4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["-z", "s", "1", "4"],
    stdout: "6\n15\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n", xx01: "4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["-f", "pre", "-n", "3", "s", "4"],
    stdout: "6\n15\n",
    stderr: "",
    status: 0,
    created: { pre000: "1\n2\n3\n", pre001: "4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["-b", "%03x.txt", "s", "4"],
    stdout: "6\n15\n",
    stderr: "",
    status: 0,
    created: { "xx000.txt": "1\n2\n3\n", "xx001.txt": "4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["--suppress-matched", "s", "/5/"],
    stdout: "8\n11\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n4\n", xx01: "6\n7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/1/", "/1/"],
    stdout: "0\n18\n3\n",
    stderr: "",
    status: 0,
    created: { xx00: "", xx01: "1\n2\n3\n4\n5\n6\n7\n8\n9\n", xx02: "10\n" },
  },
  {
    args: ["s", "3", "{2}"],
    stdout: "4\n6\n6\n5\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n", xx01: "3\n4\n5\n", xx02: "6\n7\n8\n", xx03: "9\n10\n" },
  },
  {
    args: ["s", "4", "{5}"],
    stdout: "6\n8\n7\n",
    stderr: "csplit: '4': line number out of range on repetition 2\n",
    status: 1,
    created: {},
  },
  {
    args: ["-k", "s", "4", "{5}"],
    stdout: "6\n8\n7\n",
    stderr: "csplit: '4': line number out of range on repetition 2\n",
    status: 1,
    created: { xx00: "1\n2\n3\n", xx01: "4\n5\n6\n7\n", xx02: "8\n9\n10\n" },
  },
  {
    args: ["-", "/a/", "/a/"],
    stdin: "a\nb\na\nb\n",
    stdout: "0\n4\n4\n",
    stderr: "",
    status: 0,
    created: { xx00: "", xx01: "a\nb\n", xx02: "a\nb\n" },
  },
  { args: ["s", "11"], stdout: "21\n", stderr: "csplit: '11': line number out of range\n", status: 1, created: {} },
  {
    args: ["s", "10"],
    stdout: "18\n3\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n3\n4\n5\n6\n7\n8\n9\n", xx01: "10\n" },
  },
  {
    args: ["s", "0"],
    stdout: "",
    stderr: "csplit: 0: line number must be greater than zero\n",
    status: 1,
    created: {},
  },
  { args: ["s", "x"], stdout: "", stderr: "csplit: 'x': invalid pattern\n", status: 1, created: {} },
  { args: ["s", "/5"], stdout: "", stderr: "csplit: /5: closing delimiter '/' missing\n", status: 1, created: {} },
  {
    args: ["s", "/5/x"],
    stdout: "",
    stderr: "csplit: '/5/x': integer expected after delimiter\n",
    status: 1,
    created: {},
  },
  {
    args: ["s", "4", "{x}"],
    stdout: "",
    stderr: "csplit: '{x'}: integer required between '{' and '}'\n",
    status: 1,
    created: {},
  },
  {
    args: ["s"],
    stdout: "",
    stderr: "csplit: missing operand after 's'\nTry 'csplit --help' for more information.\n",
    status: 1,
    created: {},
  },
  {
    args: ["nope", "3"],
    stdout: "",
    stderr: "csplit: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
    created: {},
  },
  { args: ["nonl", "/y/"], stdout: "2\n3\n", stderr: "", status: 0, created: { xx00: "x\n", xx01: "y\nz" } },
  {
    args: ["s", "%3%", "/7/"],
    stdout: "8\n9\n",
    stderr: "",
    status: 0,
    created: { xx00: "3\n4\n5\n6\n", xx01: "7\n8\n9\n10\n" },
  },
  {
    args: ["s", "%3%-1", "5"],
    stdout: "6\n13\n",
    stderr: "",
    status: 0,
    created: { xx00: "2\n3\n4\n", xx01: "5\n6\n7\n8\n9\n10\n" },
  },
  { args: ["s", "/3/", "/2/"], stdout: "4\n17\n", stderr: "csplit: '/2/': match not found\n", status: 1, created: {} },
  {
    args: ["s", "3", "3"],
    stdout: "4\n0\n17\n",
    stderr: "csplit: warning: line number '3' is the same as preceding line number\n",
    status: 0,
    created: { xx00: "1\n2\n", xx01: "", xx02: "3\n4\n5\n6\n7\n8\n9\n10\n" },
  },
  {
    args: ["--suppress-matched", "s", "3", "{1}"],
    stdout: "4\n4\n9\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n2\n", xx01: "4\n5\n", xx02: "7\n8\n9\n10\n" },
  },
  {
    args: ["s", "/^[0-9]$/+1", "{2}"],
    stdout: "2\n4\n4\n11\n",
    stderr: "",
    status: 0,
    created: { xx00: "1\n", xx01: "2\n3\n", xx02: "4\n5\n", xx03: "6\n7\n8\n9\n10\n" },
  },
  {
    args: ["-z", "ab", "/a/", "{*}"],
    stdout: "4\n4\n",
    stderr: "",
    status: 0,
    created: { xx00: "a\nb\n", xx01: "a\nb\n" },
  },
]

describe("csplit", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(csplit, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
    if (c.created !== undefined)
      expect(await listCreated(r.fs, Object.keys({ ...files, ...c.files }))).toEqual(c.created)
  })
})
