import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Flag } from "../../../src/interpreter/Argv.ts"
import type { DeclaredCommand } from "../../../src/interpreter/Command.ts"
import { commands } from "../../../src/interpreter/commands/index.ts"
import { BrokenPipe, inputFromBytes, makeCollector, type Output } from "../../../src/interpreter/Io.ts"
import { makeContext, makeFs } from "./harness.ts"

const VALUES = ["1", "2", "0", "-1", "x", "", "a", ",", "1-2", ":", "*.txt", "1,3", "+2", "2k"]
const NAMES = ["f", "d", "nope", "-", "", "d/g", "a b", "d/", "1", "3"]

/** One flag occurrence as argv words, in any of the forms the parser accepts. */
const flagWords = (flag: Flag<unknown>): fc.Arbitrary<ReadonlyArray<string>> => {
  const forms: Array<fc.Arbitrary<ReadonlyArray<string>>> = []
  const value = fc.constantFrom(...VALUES)
  for (const s of flag.short) {
    if (flag.arg === undefined || flag.optionalArg) forms.push(fc.constant([`-${s}`]))
    else
      forms.push(
        value.map((v) => [`-${s}`, v]),
        value.filter((v) => v !== "").map((v) => [`-${s}${v}`]),
      )
  }
  for (const l of flag.long) {
    if (flag.arg === undefined) forms.push(fc.constant([`--${l}`]))
    else if (flag.optionalArg)
      forms.push(
        fc.constant([`--${l}`]),
        value.map((v) => [`--${l}=${v}`]),
      )
    else
      forms.push(
        value.map((v) => [`--${l}=${v}`]),
        value.map((v) => [`--${l}`, v]),
      )
  }
  return fc.oneof(...forms)
}

/** argv for a command, from its declaration: some flags and some operands, shuffled. */
const argvFor = (def: DeclaredCommand): fc.Arbitrary<ReadonlyArray<string>> => {
  const flags = Object.values(def.spec.flags)
  const flagArb =
    flags.length === 0
      ? fc.constant<ReadonlyArray<ReadonlyArray<string>>>([])
      : fc.array(fc.oneof(...flags.map(flagWords)), { maxLength: 4 })
  const operands = fc.array(fc.constantFrom(...NAMES), { maxLength: 3 })
  return fc
    .tuple(flagArb, operands, fc.boolean())
    .map(([fl, ops, before]) => (before ? [...fl.flat(), ...ops] : [...ops, ...fl.flat()]))
}

/** Stdout that breaks after a megabyte, so `yes` ends as under `head`. */
const limited = (): Output => {
  const c = makeCollector()
  return { write: (b) => (c.size() > 1 << 20 ? Effect.fail(new BrokenPipe()) : c.output.write(b)) }
}

const runOnce = (def: DeclaredCommand, args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const fs = yield* makeFs({ files: { f: "a\nb\n", "d/g": "x y\n", "a b": "c\n" } })
    const stdin = inputFromBytes(new TextEncoder().encode("a\nb\nb\n"))
    return yield* def.run(makeContext(fs, def.name, args, { stdin, stdout: limited(), stderr: makeCollector().output }))
  })

// sleep would wait for what it is given; everything else must finish.
const tested = commands.filter((c): c is DeclaredCommand => "spec" in c && c.name !== "sleep")

describe("commands never die on generated argv", () => {
  it.each(tested.map((c) => [c.name, c] as const))("%s", async (_name, def) => {
    await fc.assert(
      fc.asyncProperty(argvFor(def), async (args) => {
        const exit = await Effect.runPromiseExit(runOnce(def, args))
        if (Exit.isSuccess(exit)) {
          expect(Number.isInteger(exit.value) && exit.value >= 0 && exit.value < 256).toBe(true)
        } else {
          // Only BrokenPipe may end a command; a defect or interruption is a bug.
          const failures = exit.cause.reasons.filter(Cause.isFailReason)
          expect(
            failures.length === exit.cause.reasons.length && failures.every((r) => r.error instanceof BrokenPipe),
          ).toBe(true)
        }
      }),
      { numRuns: 40 },
    )
  })
})
