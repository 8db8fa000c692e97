import { describe, expect, it } from "vitest"
import { yes } from "../../../src/interpreter/commands/yes.ts"
import { expected, outcome, readBack, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files (`after`: the `read` files afterwards).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  {
    args: ["-x"],
    stdout: "",
    stderr: "yes: invalid option -- 'x'\nTry 'yes --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--bogus"],
    stdout: "",
    stderr: "yes: unrecognized option '--bogus'\nTry 'yes --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--help=x"],
    stdout: "",
    stderr: "yes: option '--help' doesn't allow an argument\nTry 'yes --help' for more information.\n",
    status: 1,
  },
]

describe("yes", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(yes, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await readBack(r, c)).toBe(c.after)
  })
})
