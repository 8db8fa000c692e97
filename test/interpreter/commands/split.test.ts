import { describe, expect, it } from "vitest"
import { split } from "../../../src/interpreter/commands/split.ts"
import { run } from "./harness.ts"
import { bytesText, listCreated, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  s10: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n",
  t: "abcdefghijklmnopqrstuvwxyz",
  l: "a\nbb\nccc\ndddd\neeeee\nffffff\n",
  nonl: "1\n2\n3",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["-l", "3", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1\n2\n3\n", xab: "4\n5\n6\n", xac: "7\n8\n9\n", xad: "10\n" },
  },
  {
    args: ["-l3", "-d", "s10", "p"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { p00: "1\n2\n3\n", p01: "4\n5\n6\n", p02: "7\n8\n9\n", p03: "10\n" },
  },
  {
    args: ["-b", "10", "t"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "abcdefghij", xab: "klmnopqrst", xac: "uvwxyz" },
  },
  {
    args: ["-b", "5", "-a", "3", "t", "pre."],
    stdout: "",
    stderr: "",
    status: 0,
    created: {
      "pre.aaa": "abcde",
      "pre.aab": "fghij",
      "pre.aac": "klmno",
      "pre.aad": "pqrst",
      "pre.aae": "uvwxy",
      "pre.aaf": "z",
    },
  },
  {
    args: ["-n", "3", "t"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "abcdefgh", xab: "ijklmnop", xac: "qrstuvwxyz" },
  },
  {
    args: ["-n", "4", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1\n2\n3", xab: "\n4\n5\n", xac: "6\n7\n8", xad: "\n9\n10\n" },
  },
  {
    args: ["-n", "l/3", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1\n2\n3\n4\n", xab: "5\n6\n7\n", xac: "8\n9\n10\n" },
  },
  {
    args: ["-n", "l/3", "l"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "a\nbb\nccc\n", xab: "dddd\neeeee\n", xac: "ffffff\n" },
  },
  {
    args: ["-n", "r/3", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1\n4\n7\n10\n", xab: "2\n5\n8\n", xac: "3\n6\n9\n" },
  },
  { args: ["-n", "2/3", "t"], stdout: "ijklmnop", stderr: "", status: 0, created: {} },
  { args: ["-n", "l/2/3", "s10"], stdout: "5\n6\n7\n", stderr: "", status: 0, created: {} },
  { args: ["-n", "r/2/3", "s10"], stdout: "2\n5\n8\n", stderr: "", status: 0, created: {} },
  {
    args: ["-C", "5", "l"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "a\nbb\n", xab: "ccc\n", xac: "dddd\n", xad: "eeeee", xae: "\n", xaf: "fffff", xag: "f\n" },
  },
  {
    args: ["-C", "8", "l"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "a\nbb\n", xab: "ccc\n", xac: "dddd\n", xad: "eeeee\n", xae: "ffffff\n" },
  },
  {
    args: ["-C", "3", "l"],
    stdout: "",
    stderr: "",
    status: 0,
    created: {
      xaa: "a\n",
      xab: "bb\n",
      xac: "ccc",
      xad: "\n",
      xae: "ddd",
      xaf: "d\n",
      xag: "eee",
      xah: "ee\n",
      xai: "fff",
      xaj: "fff",
      xak: "\n",
    },
  },
  {
    args: ["--additional-suffix=.txt", "-l", "4", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { "xaa.txt": "1\n2\n3\n4\n", "xab.txt": "5\n6\n7\n8\n", "xac.txt": "9\n10\n" },
  },
  {
    args: ["--numeric-suffixes=5", "-l", "4", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { x05: "1\n2\n3\n4\n", x06: "5\n6\n7\n8\n", x07: "9\n10\n" },
  },
  {
    args: ["-x", "-l", "2", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { x00: "1\n2\n", x01: "3\n4\n", x02: "5\n6\n", x03: "7\n8\n", x04: "9\n10\n" },
  },
  {
    args: ["-e", "-n", "20", "nonl"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1", xab: "\n", xac: "2", xad: "\n", xae: "3" },
  },
  {
    args: ["-n", "5", "nonl"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1", xab: "\n", xac: "2", xad: "\n", xae: "3" },
  },
  {
    args: ["--verbose", "-l", "5", "s10"],
    stdout: "creating file 'xaa'\ncreating file 'xab'\n",
    stderr: "",
    status: 0,
    created: { xaa: "1\n2\n3\n4\n5\n", xab: "6\n7\n8\n9\n10\n" },
  },
  {
    args: ["-l", "0", "s10"],
    stdout: "",
    stderr: "split: invalid number of lines: '0': Numerical result out of range\n",
    status: 1,
    created: {},
  },
  { args: ["-l", "x", "s10"], stdout: "", stderr: "split: invalid number of lines: 'x'\n", status: 1, created: {} },
  {
    args: ["-b", "0", "t"],
    stdout: "",
    stderr: "split: invalid number of bytes: '0': Numerical result out of range\n",
    status: 1,
    created: {},
  },
  {
    args: ["nope"],
    stdout: "",
    stderr: "split: cannot open 'nope' for reading: No such file or directory\n",
    status: 1,
    created: {},
  },
  {
    args: ["-l", "2", "-b", "3", "t"],
    stdout: "",
    stderr: "split: cannot split in more than one way\nTry 'split --help' for more information.\n",
    status: 1,
    created: {},
  },
  {
    args: ["a", "b", "c"],
    stdout: "",
    stderr: "split: extra operand 'c'\nTry 'split --help' for more information.\n",
    status: 1,
    created: {},
  },
  {
    args: ["-3", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "1\n2\n3\n", xab: "4\n5\n6\n", xac: "7\n8\n9\n", xad: "10\n" },
  },
  { args: ["-l", "2"], stdin: "x\ny\nz\n", stdout: "", stderr: "", status: 0, created: { xaa: "x\ny\n", xab: "z\n" } },
  {
    args: ["-t", ",", "-l", "2"],
    stdin: "a,b,c,d",
    stdout: "",
    stderr: "",
    status: 0,
    created: { xaa: "a,b,", xab: "c,d" },
  },
  {
    args: ["-b", "2", "nonl", "-"],
    stdout: "",
    stderr: "",
    status: 0,
    created: { "-aa": "1\n", "-ab": "2\n", "-ac": "3" },
  },
  {
    args: ["-n", "0", "t"],
    stdout: "",
    stderr: "split: invalid number of chunks: '0': Numerical result out of range\n",
    status: 1,
    created: {},
  },
  {
    args: ["-n", "4/3", "t"],
    stdout: "",
    stderr: "split: invalid chunk number: '4': Numerical result out of range\n",
    status: 1,
    created: {},
  },
  {
    args: ["-a", "1", "-l", "1", "s10"],
    stdout: "",
    stderr: "",
    status: 0,
    created: {
      xa: "1\n",
      xb: "2\n",
      xc: "3\n",
      xd: "4\n",
      xe: "5\n",
      xf: "6\n",
      xg: "7\n",
      xh: "8\n",
      xi: "9\n",
      xj: "10\n",
    },
  },
  { args: ["-b", "1k", "s10"], stdout: "", stderr: "", status: 0, created: { xaa: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n" } },
  {
    args: ["-d", "-a", "1", "-n", "12", "t"],
    stdout: "",
    stderr: "split: the suffix length needs to be at least 2\n",
    status: 1,
    created: {},
  },
]

describe("split", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(split, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
    if (c.created !== undefined)
      expect(await listCreated(r.fs, Object.keys({ ...files, ...c.files }))).toEqual(c.created)
  })
})
