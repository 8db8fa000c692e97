import { Cause, Effect, Exit } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Flag } from "../../../src/interpreter/Argv.ts"
import type { DeclaredCommand } from "../../../src/interpreter/Command.ts"
import { cmp } from "../../../src/interpreter/commands/cmp.ts"
import { diff } from "../../../src/interpreter/commands/diff.ts"
import { echo } from "../../../src/interpreter/commands/echo.ts"
import { jq } from "../../../src/interpreter/commands/jq.ts"
import { patch } from "../../../src/interpreter/commands/patch.ts"
import { rg } from "../../../src/interpreter/commands/rg.ts"
import { xargs } from "../../../src/interpreter/commands/xargs.ts"
import { inputFromBytes, makeCollector } from "../../../src/interpreter/Io.ts"
import { makeContext, makeFs } from "./harness.ts"

// The search group's commands, fed argv built from their declarations (as
// argv.property.test.ts does for the registered commands), plus the words
// their own parsers know: they must finish with a status, never a defect.

const VALUES = ["1", "0", "-1", "x", "", "a", ".", "f", "{}", "$x", "2:3", "\\n", "-"]
const NAMES = ["f", "g", "d", "nope", "-", "", "d/h", ".", "p.diff", "j"]

const flagWords = (flag: Flag<unknown>): fc.Arbitrary<ReadonlyArray<string>> => {
  const forms: Array<fc.Arbitrary<ReadonlyArray<string>>> = []
  const value = fc.constantFrom(...VALUES)
  for (const s of flag.short) {
    if (flag.arg === undefined || flag.optionalArg) forms.push(fc.constant([`-${s}`]))
    else forms.push(value.map((v) => [`-${s}`, v]))
  }
  for (const l of flag.long) {
    if (flag.arg === undefined) forms.push(fc.constant([`--${l}`]))
    else forms.push(value.map((v) => [`--${l}`, v]))
  }
  // Flags with two arguments (`jq --arg NAME VALUE`).
  forms.push(fc.tuple(value, value).map(([a, b]) => [...flag.long.slice(0, 1).map((l) => `--${l}`), a, b]))
  return fc.oneof(...forms)
}

const argvFor = (def: DeclaredCommand): fc.Arbitrary<ReadonlyArray<string>> => {
  const flags = Object.values(def.spec.flags)
  const words = fc.array(fc.oneof(...flags.map(flagWords)), { maxLength: 4 })
  const operands = fc.array(fc.constantFrom(...NAMES, ".a", "[", "(", "a|b", "@@"), { maxLength: 3 })
  return fc.tuple(words, operands).map(([fl, ops]) => [...fl.flat(), ...ops])
}

const files = {
  f: "a\nb\nc\n",
  g: "a\nB\nc\nd",
  "d/h": "x\u0000y\n",
  j: '{"a":[1,2]}\n[3]\n',
  "p.diff": "--- f\n+++ g\n@@ -1,3 +1,4 @@\n a\n-b\n+B\n c\n+d\n\\ No newline at end of file\n",
}

const runOnce = (def: DeclaredCommand, args: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    const fs = yield* makeFs({ files })
    const stdin = inputFromBytes(new TextEncoder().encode('a b\n{"x":1}\n'))
    const ctx = makeContext(
      fs,
      def.name,
      args,
      { stdin, stdout: makeCollector().output, stderr: makeCollector().output },
      { commands: [echo] },
    )
    return yield* def.run(ctx)
  })

describe("search commands never die on generated argv", () => {
  it.each([cmp, diff, jq, patch, rg, xargs].map((c) => [c.name, c] as const))(
    "%s",
    async (_name, def) => {
      await fc.assert(
        fc.asyncProperty(argvFor(def), async (args) => {
          const exit = await Effect.runPromiseExit(runOnce(def, args))
          if (Exit.isSuccess(exit))
            expect(Number.isInteger(exit.value) && exit.value >= 0 && exit.value < 256).toBe(true)
          else expect(exit.cause.reasons.filter(Cause.isFailReason).length).toBe(-1)
        }),
        { numRuns: 60 },
      )
    },
    30000,
  )
})
