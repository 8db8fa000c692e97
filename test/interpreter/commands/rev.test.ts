import { describe, expect, it } from "vitest"
import { rev } from "../../../src/interpreter/commands/rev.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running util-linux 2.38 rev with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = { a: "abc\nde f\n\nxyz", b: "12\n" }

const cases: ReadonlyArray<TextCase> = [
  { args: ["a"], stdout: "cba\nf ed\n\nzyx", stderr: "", status: 0 },
  { args: ["a", "b"], stdout: "cba\nf ed\n\nzyx21\n", stderr: "", status: 0 },
  { args: [], stdin: "hello\nworld\n", stdout: "olleh\ndlrow\n", stderr: "", status: 0 },
  { args: ["nope", "b"], stdout: "21\n", stderr: "rev: cannot open nope: No such file or directory\n", status: 1 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "rev: invalid option -- 'x'\nTry 'rev --help' for more information.\n",
    status: 1,
  },
  { args: [], stdin: "", stdout: "", stderr: "", status: 0 },
]

describe("rev", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(rev, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
