import { describe, expect, it } from "vitest"
import { falseCommand } from "../../../src/interpreter/commands/false.ts"
import { trueCommand } from "../../../src/interpreter/commands/true.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from bash 5.2's true and false builtins.
const trueCases: ReadonlyArray<Case> = [
  { args: [], stdout: "", stderr: "", status: 0 },
  { args: ["--help"], stdout: "", stderr: "", status: 0 },
  { args: ["x", "-y"], stdout: "", stderr: "", status: 0 },
]
const falseCases: ReadonlyArray<Case> = [
  { args: [], stdout: "", stderr: "", status: 1 },
  { args: ["--help"], stdout: "", stderr: "", status: 1 },
  { args: ["x", "-y"], stdout: "", stderr: "", status: 1 },
]

describe("true and false", () => {
  it.each(trueCases)("true $args", async (c) => {
    expect(outcome(await run(trueCommand, c.args), c)).toEqual(expected(c))
  })
  it.each(falseCases)("false $args", async (c) => {
    expect(outcome(await run(falseCommand, c.args), c)).toEqual(expected(c))
  })
})
