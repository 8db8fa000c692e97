import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import type { CommandContext, CommandDef } from "../../../src/interpreter/Command.ts"
import { env } from "../../../src/interpreter/commands/env.ts"
import { printenv } from "../../../src/interpreter/commands/printenv.ts"
import { falseCommand } from "../../../src/interpreter/commands/false.ts"
import { inputFromBytes, makeCollector } from "../../../src/interpreter/Io.ts"
import { makeContext, makeFs } from "./harness.ts"

// Outputs confirmed with GNU env and printenv (coreutils 9.1), LC_ALL=C, each
// started as `env -i VARS... env ARGS` so the environment is known.
const commands: ReadonlyArray<CommandDef> = [env, printenv, falseCommand]

/** Run env with an exec that honours `io.env`, as the shell's does. */
const runEnv = (args: ReadonlyArray<string>, vars: Readonly<Record<string, string>>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      const fs = yield* makeFs()
      const out = makeCollector()
      const err = makeCollector()
      const io = { stdin: inputFromBytes(new Uint8Array(0)), stdout: out.output, stderr: err.output }
      const contextFor = (
        name: string,
        argv: ReadonlyArray<string>,
        variables: ReadonlyMap<string, string>,
      ): CommandContext => ({
        ...makeContext(fs, name, argv, io, {}),
        env: variables,
        exec: (a, over) => {
          const def = commands.find((c) => c.name === a[0])
          if (def === undefined) return Effect.succeed(127)
          return def.run(contextFor(a[0], a.slice(1), over?.env ?? variables))
        },
      })
      const status = yield* env.run(contextFor("env", args, new Map(Object.entries(vars))))
      const decoder = new TextDecoder()
      return { stdout: decoder.decode(out.bytes()), stderr: decoder.decode(err.bytes()), status }
    }),
  )

const cases: ReadonlyArray<{
  readonly vars: Readonly<Record<string, string>>
  readonly args: ReadonlyArray<string>
  readonly stdout: string
  readonly stderr?: string
  readonly status: number
}> = [
  { vars: { A: "1", B: "2" }, args: [], stdout: "A=1\nB=2\n", status: 0 },
  { vars: { A: "1", B: "2" }, args: ["-u", "A", "C=3"], stdout: "B=2\nC=3\n", status: 0 },
  { vars: { A: "1" }, args: ["--", "B=2", "printenv", "B", "A"], stdout: "2\n1\n", status: 0 },
  { vars: {}, args: ["-0", "A=1"], stdout: "A=1\u0000", status: 0 },
  { vars: { A: "1" }, args: ["-", "B=2"], stdout: "B=2\n", status: 0 },
  { vars: { A: "1" }, args: ["-i", "B=2"], stdout: "B=2\n", status: 0 },
  { vars: { A: "1", B: "2" }, args: ["A=3"], stdout: "A=3\nB=2\n", status: 0 },
  { vars: {}, args: ["false"], stdout: "", status: 1 },
  {
    vars: {},
    args: ["-0", "false"],
    stdout: "",
    stderr: "env: cannot specify --null (-0) with command\nTry 'env --help' for more information.\n",
    status: 125,
  },
  {
    vars: {},
    args: ["-u"],
    stdout: "",
    stderr: "env: option requires an argument -- 'u'\nTry 'env --help' for more information.\n",
    status: 125,
  },
  {
    vars: {},
    args: ["-u", "A=B", "false"],
    stdout: "",
    stderr: "env: cannot unset 'A=B': Invalid argument\n",
    status: 125,
  },
  {
    vars: {},
    args: ["--bad"],
    stdout: "",
    stderr: "env: unrecognized option '--bad'\nTry 'env --help' for more information.\n",
    status: 125,
  },
]

describe("env", () => {
  it.each(cases)("env $args", async (c) => {
    const r = await runEnv(c.args, c.vars)
    expect({ stdout: r.stdout, status: r.status }).toEqual({ stdout: c.stdout, status: c.status })
    if (c.stderr !== undefined) expect(r.stderr).toBe(c.stderr)
  })
})
