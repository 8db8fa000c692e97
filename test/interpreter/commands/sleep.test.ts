import { describe, expect, it } from "vitest"
import { sleep } from "../../../src/interpreter/commands/sleep.ts"
import { expected, outcome, readBack, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files (`after`: the `read` files afterwards).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  { args: [], stdout: "", stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1 },
  {
    args: ["x"],
    stdout: "",
    stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  {
    args: ["1x"],
    stdout: "",
    stderr: "sleep: invalid time interval '1x'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-1"],
    stdout: "",
    stderr: "sleep: invalid option -- '1'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  { args: ["0"], stdout: "", stderr: "", status: 0 },
  { args: ["0.01"], stdout: "", stderr: "", status: 0 },
  { args: [".01s"], stdout: "", stderr: "", status: 0 },
  { args: ["0", "0m"], stdout: "", stderr: "", status: 0 },
  { args: ["0h", "0d"], stdout: "", stderr: "", status: 0 },
  { args: ["--", "0"], stdout: "", stderr: "", status: 0 },
  { args: ["1e-2"], stdout: "", stderr: "", status: 0 },
  { args: [" 0"], stdout: "", stderr: "", status: 0 },
  { args: ["0x0"], stdout: "", stderr: "", status: 0 },
  {
    args: ["inf x"],
    stdout: "",
    stderr: "sleep: invalid time interval 'inf x'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-x"],
    stdout: "",
    stderr: "sleep: invalid option -- 'x'\nTry 'sleep --help' for more information.\n",
    status: 1,
  },
]

describe("sleep", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(sleep, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await readBack(r, c)).toBe(c.after)
  })
})
