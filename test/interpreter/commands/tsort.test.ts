import { describe, expect, it } from "vitest"
import { tsort } from "../../../src/interpreter/commands/tsort.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "a b\nb c\nc d\n",
  l: "a b\nb c\nc a\n",
  m: "x y z w\ny q\nm n n m\nk k\n",
  o: "a b c\n",
  big: "shirt tie\ntie jacket\nbelt jacket\npants shoes\npants belt\nsocks shoes\nshirt belt\nundershorts pants\nundershorts shoes\n",
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["a"], stdout: "a\nb\nc\nd\n", stderr: "", status: 0 },
  {
    args: ["l"],
    stdout: "a\nb\nc\n",
    stderr: "tsort: l: input contains a loop:\ntsort: a\ntsort: b\ntsort: c\n",
    status: 1,
  },
  {
    args: ["m"],
    stdout: "k\nx\nz\ny\nw\nq\nm\nn\n",
    stderr: "tsort: m: input contains a loop:\ntsort: m\ntsort: n\n",
    status: 1,
  },
  { args: ["o"], stdout: "", stderr: "tsort: o: input contains an odd number of tokens\n", status: 1 },
  { args: ["big"], stdout: "shirt\nsocks\nundershorts\ntie\npants\nbelt\nshoes\njacket\n", stderr: "", status: 0 },
  { args: [], stdin: "3 1\n1 2\n3 2\n", stdout: "3\n1\n2\n", stderr: "", status: 0 },
  { args: ["nope"], stdout: "", stderr: "tsort: nope: No such file or directory\n", status: 1 },
  {
    args: ["a", "l"],
    stdout: "",
    stderr: "tsort: extra operand 'l'\nTry 'tsort --help' for more information.\n",
    status: 1,
  },
  { args: [], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: [], stdin: "a a\nb b\n", stdout: "a\nb\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "1 2 2 3 3 1 4 5 5 4 3 6\n",
    stdout: "1\n2\n3\n6\n4\n5\n",
    stderr:
      "tsort: -: input contains a loop:\ntsort: 1\ntsort: 2\ntsort: 3\ntsort: -: input contains a loop:\ntsort: 4\ntsort: 5\n",
    status: 1,
  },
  {
    args: ["-x"],
    stdout: "",
    stderr: "tsort: invalid option -- 'x'\nTry 'tsort --help' for more information.\n",
    status: 1,
  },
  {
    args: [],
    stdin: "b a\nc a\na d\nd b\n",
    stdout: "c\na\nd\nb\n",
    stderr: "tsort: -: input contains a loop:\ntsort: a\ntsort: d\ntsort: b\n",
    status: 1,
  },
]

describe("tsort", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(tsort, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
