import { describe, expect, it } from "vitest"
import { wc } from "../../../src/interpreter/commands/wc.ts"
import { expected, latin1, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {
  f: Array.from({ length: 1000 }, (_, i) => `${i + 1}\n`).join(""),
  g: "a b\nc\n",
  p: "x\ny",
  w: latin1("\x80\n\x01\n a\x80b c\n"),
  t: latin1("a\tb\n\x80\x80\nabc\rd\n"),
  e: "",
}

const cases: ReadonlyArray<Case> = [
  { args: ["f"], stdout: "1000 1000 3893 f\n", stderr: "", status: 0 },
  { args: ["-l", "f"], stdout: "1000 f\n", stderr: "", status: 0 },
  { args: ["-lw", "f"], stdout: "1000 1000 f\n", stderr: "", status: 0 },
  { args: ["f", "g"], stdout: "1000 1000 3893 f\n   2    3    6 g\n1002 1003 3899 total\n", stderr: "", status: 0 },
  { args: ["-l", "f", "g"], stdout: "1000 f\n   2 g\n1002 total\n", stderr: "", status: 0 },
  { args: ["-c", "g"], stdout: "6 g\n", stderr: "", status: 0 },
  { args: ["-m", "g"], stdout: "6 g\n", stderr: "", status: 0 },
  { args: ["-L", "f", "g"], stdout: "   4 f\n   3 g\n   4 total\n", stderr: "", status: 0 },
  { args: ["-L", "t"], stdout: "9 t\n", stderr: "", status: 0 },
  { args: ["-w", "w"], stdout: "2 w\n", stderr: "", status: 0 },
  { args: ["-lwcmL", "t"], stdout: " 3  4 13 13  9 t\n", stderr: "", status: 0 },
  { args: ["p"], stdout: "1 2 3 p\n", stderr: "", status: 0 },
  { args: ["e"], stdout: "0 0 0 e\n", stderr: "", status: 0 },
  { args: [], stdin: "one two\nthree\n", stdout: "      2       3      14\n", stderr: "", status: 0 },
  { args: ["-l"], stdin: "one two\nthree\n", stdout: "2\n", stderr: "", status: 0 },
  { args: ["-lc"], stdin: "one two\nthree\n", stdout: "      2      14\n", stderr: "", status: 0 },
  { args: ["-l", "-", "g"], stdin: "1\n2\n", stdout: "      2 -\n      2 g\n      4 total\n", stderr: "", status: 0 },
  {
    args: ["d", "g"],
    dirs: ["d"],
    stdout: "      0       0       0 d\n      2       3       6 g\n      2       3       6 total\n",
    stderr: "wc: d: Is a directory\n",
    status: 1,
  },
  { args: ["-l", "nope", "g"], stdout: "2 g\n2 total\n", stderr: "wc: nope: No such file or directory\n", status: 1 },
  { args: ["-l", "g", "nope"], stdout: "2 g\n2 total\n", stderr: "wc: nope: No such file or directory\n", status: 1 },
  { args: ["-c", "g", "nope"], stdout: "6 g\n6 total\n", stderr: "wc: nope: No such file or directory\n", status: 1 },
  { args: ["--lines", "--words", "g"], stdout: "2 3 g\n", stderr: "", status: 0 },
  { args: ["-x"], stdout: "", stderr: "wc: invalid option -- 'x'\nTry 'wc --help' for more information.\n", status: 1 },
]

describe("wc", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(wc, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
