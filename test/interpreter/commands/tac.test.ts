import { describe, expect, it } from "vitest"
import { tac } from "../../../src/interpreter/commands/tac.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = { a: "1\n2\n3\n", b: "x\ny", m: "a::b::c::", n: "a1b22c3" }

const cases: ReadonlyArray<TextCase> = [
  { args: ["a"], stdout: "3\n2\n1\n", stderr: "", status: 0 },
  { args: ["b"], stdout: "yx\n", stderr: "", status: 0 },
  { args: [], stdin: "a\nb", stdout: "ba\n", stderr: "", status: 0 },
  { args: ["-b"], stdin: "a\nb\n", stdout: "\n\nba", stderr: "", status: 0 },
  { args: ["-s", "::", "m"], stdout: "c::b::a::", stderr: "", status: 0 },
  { args: ["-b", "-s", "::", "m"], stdout: "::::c::ba", stderr: "", status: 0 },
  { args: ["-r", "-s", "[0-9]", "n"], stdout: "c32b2a1", stderr: "", status: 0 },
  { args: ["-r", "-s", "[0-9]+", "n"], stdout: "c32b2a1", stderr: "", status: 0 },
  { args: ["-r", "-s", "[0-9]\\+", "n"], stdout: "a1b22c3", stderr: "", status: 0 },
  { args: ["-s", "", "a"], stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: ["-s", "aa"], stdin: "aaa", stdout: "aaa", stderr: "", status: 0 },
  {
    args: ["nope", "a"],
    stdout: "3\n2\n1\n",
    stderr: "tac: failed to open 'nope' for reading: No such file or directory\n",
    status: 1,
  },
  { args: ["a", "-", "a"], stdin: "x\ny\n", stdout: "3\n2\n1\ny\nx\n3\n2\n1\n", stderr: "", status: 0 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "tac: invalid option -- 'x'\nTry 'tac --help' for more information.\n",
    status: 1,
  },
  { args: [], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: ["--separator=,", "--before"], stdin: "a,b,c", stdout: ",c,ba", stderr: "", status: 0 },
  { args: ["-s", "x"], stdin: "1x2x3x", stdout: "3x2x1x", stderr: "", status: 0 },
  { args: ["-rs", "[0-9][0-9]*", "n"], stdout: "c32b2a1", stderr: "", status: 0 },
  { args: ["dd"], dirs: ["dd"], stdout: "", stderr: "tac: dd: read error: Invalid argument\n", status: 1 },
  { args: ["-r", "-s", "\\(b\\|c\\)", "m"], stdout: "::::ca::b", stderr: "", status: 0 },
]

describe("tac", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(tac, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
