import { describe, expect, it } from "vitest"
import { tee } from "../../../src/interpreter/commands/tee.ts"
import { expected, outcome, readBack, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files (`after`: the `read` files afterwards).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: [], stdin: "a\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
  { args: ["o1"], stdin: "a\nb\n", stdout: "a\nb\n", stderr: "", status: 0, read: ["o1"], after: "a\nb\n" },
  { args: ["o1", "o2"], stdin: "x\n", stdout: "x\n", stderr: "", status: 0, read: ["o1", "o2"], after: "x\nx\n" },
  {
    args: ["-a", "old"],
    stdin: "new\n",
    files: { old: "old\n" },
    stdout: "new\n",
    stderr: "",
    status: 0,
    read: ["old"],
    after: "old\nnew\n",
  },
  {
    args: ["old"],
    stdin: "new\n",
    files: { old: "old\n" },
    stdout: "new\n",
    stderr: "",
    status: 0,
    read: ["old"],
    after: "new\n",
  },
  {
    args: ["nodir/x", "o1"],
    stdin: "hi\n",
    stdout: "hi\n",
    stderr: "tee: nodir/x: No such file or directory\n",
    status: 1,
    read: ["o1"],
    after: "hi\n",
  },
  { args: ["d"], stdin: "hi\n", dirs: ["d"], stdout: "hi\n", stderr: "tee: d: Is a directory\n", status: 1 },
  { args: ["-"], stdin: "hi\n", stdout: "hi\n", stderr: "", status: 0, read: ["./-"], after: "hi\n" },
  { args: ["--append", "o1"], stdin: "", stdout: "", stderr: "", status: 0, read: ["o1"], after: "" },
  { args: ["-i", "-p", "o1"], stdin: "z", stdout: "z", stderr: "", status: 0, read: ["o1"], after: "z" },
  {
    args: ["-x"],
    stdout: "",
    stderr: "tee: invalid option -- 'x'\nTry 'tee --help' for more information.\n",
    status: 1,
  },
]

describe("tee", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(tee, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await readBack(r, c)).toBe(c.after)
  })
})
