import { describe, expect, it } from "vitest"
import { printenv } from "../../../src/interpreter/commands/printenv.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU printenv (coreutils 9.1) printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ).
const cases: ReadonlyArray<{
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}> = [
  { args: ["A", "B"], env: { TZ: "UTC", A: "1" }, stdout: "1\n", stderr: "", status: 1 },
  { args: ["-0", "A"], env: { TZ: "UTC", A: "1" }, stdout: "1\u0000", stderr: "", status: 0 },
  { args: ["A=1"], env: { TZ: "UTC", A: "1" }, stdout: "", stderr: "", status: 1 },
  {
    args: ["--bad"],
    stdout: "",
    stderr: "printenv: unrecognized option '--bad'\nTry 'printenv --help' for more information.\n",
    status: 2,
  },
]

describe("printenv", () => {
  it.each(cases)("printenv $args", async (c) => {
    const r = await run(printenv, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
