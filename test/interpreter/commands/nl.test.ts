import { describe, expect, it } from "vitest"
import { nl } from "../../../src/interpreter/commands/nl.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "one\n\ntwo\n\n\n\nthree",
  p: "a\n\\:\\:\\:\nh1\nh2\n\\:\\:\nb1\n\nb2\n\\:\nf1\n\\:\\:\\:\nh3\n\\:\\:\nb3\n",
  r: "apple\nbanana\ncherry\navocado\n",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["a"],
    stdout: "     1\tone\n       \n     2\ttwo\n       \n       \n       \n     3\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ba", "a"],
    stdout: "     1\tone\n     2\t\n     3\ttwo\n     4\t\n     5\t\n     6\t\n     7\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-bn", "a"],
    stdout: "       one\n       \n       two\n       \n       \n       \n       three\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ba", "-l2", "a"],
    stdout: "     1\tone\n       \n     2\ttwo\n       \n     3\t\n       \n     4\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ba", "-l", "3", "a"],
    stdout: "     1\tone\n       \n     2\ttwo\n       \n       \n     3\t\n     4\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "ln", "a"],
    stdout: "1     \tone\n       \n2     \ttwo\n       \n       \n       \n3     \tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "rz", "-w", "3", "a"],
    stdout: "001\tone\n    \n002\ttwo\n    \n    \n    \n003\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-v", "10", "-i", "5", "a"],
    stdout: "    10\tone\n       \n    15\ttwo\n       \n       \n       \n    20\tthree\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-s", ": ", "a"],
    stdout: "     1: one\n        \n     2: two\n        \n        \n        \n     3: three\n",
    stderr: "",
    status: 0,
  },
  { args: ["-w1", "-s", "", "a"], stdout: "1one\n \n2two\n \n \n \n3three\n", stderr: "", status: 0 },
  {
    args: ["p"],
    stdout:
      "     1\ta\n\n       h1\n       h2\n\n     1\tb1\n       \n     2\tb2\n\n       f1\n\n       h3\n\n     1\tb3\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ha", "-fa", "p"],
    stdout:
      "     1\ta\n\n     1\th1\n     2\th2\n\n     1\tb1\n       \n     2\tb2\n\n     1\tf1\n\n     1\th3\n\n     1\tb3\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-p", "-ha", "-fa", "p"],
    stdout:
      "     1\ta\n\n     2\th1\n     3\th2\n\n     4\tb1\n       \n     5\tb2\n\n     6\tf1\n\n     7\th3\n\n     8\tb3\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-b", "p^a", "r"],
    stdout: "     1\tapple\n       banana\n       cherry\n     2\tavocado\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-bp[ny]", "r"],
    stdout: "       apple\n     1\tbanana\n     2\tcherry\n       avocado\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-b", "x", "-n", "y", "a"],
    stdout: "",
    stderr:
      "nl: invalid body numbering style: 'x'\nnl: invalid line numbering format: 'y'\nTry 'nl --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-w", "0", "a"],
    stdout: "",
    stderr: "nl: invalid line number field width: '0': Numerical result out of range\n",
    status: 1,
  },
  { args: ["-v", "x", "a"], stdout: "", stderr: "nl: invalid starting line number: 'x'\n", status: 1 },
  { args: ["-b", "p\\(", "r"], stdout: "", stderr: "nl: Unmatched ( or \\(\n", status: 1 },
  {
    args: ["-d", "@", "-ba"],
    stdin: "x\n@:\ny\n@:@:\nz\n",
    stdout: "     1\tx\n\n       y\n\n     1\tz\n",
    stderr: "",
    status: 0,
  },
  { args: ["-d", "@@@", "-ba"], stdin: "x\n@@@@@@\ny\n", stdout: "     1\tx\n\n     1\ty\n", stderr: "", status: 0 },
  {
    args: ["a", "nope", "r"],
    stdout:
      "     1\tone\n       \n     2\ttwo\n       \n       \n       \n     3\tthree\n     4\tapple\n     5\tbanana\n     6\tcherry\n     7\tavocado\n",
    stderr: "nl: nope: No such file or directory\n",
    status: 1,
  },
  {
    args: ["-n", "rz", "-v", "-5", "-i", "3", "-w", "4"],
    stdin: "a\nb\nc\n",
    stdout: "-005\ta\n-002\tb\n0001\tc\n",
    stderr: "",
    status: 0,
  },
  { args: ["-n", "ln", "-v", "-5"], stdin: "a\n", stdout: "-5    \ta\n", stderr: "", status: 0 },
  { args: ["--body-numbering=a", "--number-width=2"], stdin: "\n\n", stdout: " 1\t\n 2\t\n", stderr: "", status: 0 },
  { args: ["-x"], stdout: "", stderr: "nl: invalid option -- 'x'\nTry 'nl --help' for more information.\n", status: 1 },
  {
    args: ["r", "r"],
    stdout:
      "     1\tapple\n     2\tbanana\n     3\tcherry\n     4\tavocado\n     5\tapple\n     6\tbanana\n     7\tcherry\n     8\tavocado\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-bpan$", "r"],
    stdout: "       apple\n       banana\n       cherry\n       avocado\n",
    stderr: "",
    status: 0,
  },
]

describe("nl", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(nl, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
