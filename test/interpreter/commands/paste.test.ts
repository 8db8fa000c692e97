import { describe, expect, it } from "vitest"
import { paste } from "../../../src/interpreter/commands/paste.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = { a: "1\n2\n3\n", b: "x\ny\n", c: "p\nq", e: "" }

const cases: ReadonlyArray<TextCase> = [
  { args: ["a", "b"], stdout: "1\tx\n2\ty\n3\t\n", stderr: "", status: 0 },
  { args: ["-d,", "a", "b", "c"], stdout: "1,x,p\n2,y,q\n3,,\n", stderr: "", status: 0 },
  { args: ["-s", "a", "b"], stdout: "1\t2\t3\nx\ty\n", stderr: "", status: 0 },
  { args: ["-sd", "\\n,", "a"], stdout: "1\n2,3\n", stderr: "", status: 0 },
  { args: ["-d", "", "a", "b"], stdout: "1x\n2y\n3\n", stderr: "", status: 0 },
  { args: ["a", "nope", "b"], stdout: "", stderr: "paste: nope: No such file or directory\n", status: 1 },
  { args: ["-d", "\\t\\\\x\\0", "a", "b", "a", "b"], stdout: "1\tx\\1xx\n2\ty\\2xy\n3\t\\3x\n", stderr: "", status: 0 },
  { args: ["-", "-"], stdin: "a\nb\nc\nd\ne\n", stdout: "a\tb\nc\td\ne\t\n", stderr: "", status: 0 },
  { args: ["-", "a", "-"], stdin: "a\nb\nc\n", stdout: "a\t1\tb\nc\t2\t\n\t3\t\n", stderr: "", status: 0 },
  { args: ["-s", "c"], stdout: "p\tq\n", stderr: "", status: 0 },
  { args: ["-sd,", "c", "a"], stdout: "p,q\n1,2,3\n", stderr: "", status: 0 },
  {
    args: ["-d"],
    stdout: "",
    stderr: "paste: option requires an argument -- 'd'\nTry 'paste --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-d", "ab\\", "a"],
    stdout: "",
    stderr: "paste: delimiter list ends with an unescaped backslash: ab\\\n",
    status: 1,
  },
  { args: ["-z", "a", "b"], stdout: "1\n2\n3\n\tx\ny\n\u0000", stderr: "", status: 0 },
  { args: ["-s", "e"], stdout: "\n", stderr: "", status: 0 },
  { args: ["-s", "-d,"], stdin: "a\n\nb\n", stdout: "a,,b\n", stderr: "", status: 0 },
  { args: ["-d", ",;", "a", "b", "c", "a"], stdout: "1,x;p,1\n2,y;q,2\n3,;,3\n", stderr: "", status: 0 },
  { args: ["-d", "\\q\\n", "a", "b"], stdout: "1qx\n2qy\n3q\n", stderr: "", status: 0 },
  { args: ["e", "e"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "-d", "\\0", "a"], stdout: "123\n", stderr: "", status: 0 },
  { args: ["a", "e", "b"], stdout: "1\t\tx\n2\t\ty\n3\t\t\n", stderr: "", status: 0 },
  { args: [], stdin: "x\ny\n", stdout: "x\ny\n", stderr: "", status: 0 },
  { args: ["--serial", "--delimiters=:", "a", "-"], stdin: "s\nt\n", stdout: "1:2:3\ns:t\n", stderr: "", status: 0 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "paste: invalid option -- 'x'\nTry 'paste --help' for more information.\n",
    status: 1,
  },
  { args: ["a", "e", "c"], stdout: "1\t\tp\n2\t\tq\n3\t\t\n", stderr: "", status: 0 },
  {
    args: ["-d", "\\b\\f\\r\\v", "a", "a", "a", "a", "a"],
    stdout: "1\b1\f1\r1\u000b1\n2\b2\f2\r2\u000b2\n3\b3\f3\r3\u000b3\n",
    stderr: "",
    status: 0,
  },
]

describe("paste", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(paste, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
