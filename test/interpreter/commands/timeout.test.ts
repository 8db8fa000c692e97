import { describe, expect, it } from "vitest"
import { bc } from "../../../src/interpreter/commands/bc.ts"
import { falseCommand } from "../../../src/interpreter/commands/false.ts"
import { sleep } from "../../../src/interpreter/commands/sleep.ts"
import { timeout } from "../../../src/interpreter/commands/timeout.ts"
import { trueCommand } from "../../../src/interpreter/commands/true.ts"
import { run } from "./harness.ts"

// Statuses and messages confirmed with GNU timeout (coreutils 9.1), LC_ALL=C.
const commands = [sleep, trueCommand, falseCommand]

const cases: ReadonlyArray<{ readonly args: ReadonlyArray<string>; readonly stderr: string; readonly status: number }> =
  [
    { args: ["1", "true"], stderr: "", status: 0 },
    { args: ["1", "false"], stderr: "", status: 1 },
    { args: ["0", "true"], stderr: "", status: 0 },
    { args: ["0.05", "sleep", "5"], stderr: "", status: 124 },
    { args: [".05s", "sleep", "5"], stderr: "", status: 124 },
    { args: ["-s", "KILL", "0.05", "sleep", "5"], stderr: "", status: 137 },
    { args: ["-s", "9", "0.05", "sleep", "5"], stderr: "", status: 137 },
    { args: ["--preserve-status", "0.05", "sleep", "5"], stderr: "", status: 143 },
    { args: ["--preserve-status", "-s", "INT", "0.05", "sleep", "5"], stderr: "", status: 130 },
    { args: ["-k", "1", "0.05", "sleep", "5"], stderr: "", status: 124 },
    { args: ["-v", "0.05", "sleep", "5"], stderr: "timeout: sending signal TERM to command 'sleep'\n", status: 124 },
    {
      args: ["-v", "-s", "INT", "0.05", "sleep", "5"],
      stderr: "timeout: sending signal INT to command 'sleep'\n",
      status: 124,
    },
    {
      args: ["x", "sleep", "1"],
      stderr: "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n",
      status: 125,
    },
    {
      args: ["-k", "x", "1", "true"],
      stderr: "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n",
      status: 125,
    },
    { args: [], stderr: "Try 'timeout --help' for more information.\n", status: 125 },
    { args: ["1"], stderr: "Try 'timeout --help' for more information.\n", status: 125 },
    {
      args: ["-s", "FOO", "1", "true"],
      stderr: "timeout: 'FOO': invalid signal\nTry 'timeout --help' for more information.\n",
      status: 125,
    },
    {
      args: ["-1", "sleep", "1"],
      stderr: "timeout: invalid option -- '1'\nTry 'timeout --help' for more information.\n",
      status: 125,
    },
  ]

describe("timeout", () => {
  it.each(cases)("timeout $args", async (c) => {
    const r = await run(timeout, c.args, { commands })
    expect({ stderr: r.stderr, status: r.status }).toEqual({ stderr: c.stderr, status: c.status })
  })

  it("stops the command it interrupts, even a busy loop", async () => {
    const started = Date.now()
    expect((await run(timeout, ["0.1", "sleep", "100"], { commands })).status).toBe(124)
    const busy = await run(timeout, ["0.2", "bc"], { commands: [...commands, bc], stdin: "while (1) { x += 1 }\n" })
    expect(busy.status).toBe(124)
    expect(Date.now() - started).toBeLessThan(5000)
  })
})
