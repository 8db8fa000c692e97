import { describe, expect, it } from "vitest"
import * as Flag from "../../src/interpreter/Argv.ts"
import { make, type DeclaredCommand } from "../../src/interpreter/Command.ts"
import { commands } from "../../src/interpreter/commands/index.ts"
import { Effect } from "effect"
import { run } from "./commands/harness.ts"

const demo = make("demo", {
  summary: "Show what make derives.",
  flags: { lines: Flag.string("n", "lines", "how many", { arg: "NUM" }), quiet: Flag.boolean("q", "quiet", "hush") },
  operands: { usage: "FILE...", min: 1, max: 2, missing: "missing file operand" },
  preprocess: (args) =>
    args[0] === "-bad" ? { error: "bad first argument" } : args.map((a) => (a === "-3" ? "-n3" : a)),
  run: ({ flags, operands, ctx }) =>
    Effect.as(
      ctx.stdout.write(new TextEncoder().encode(`${flags.lines ?? "-"} ${flags.quiet} ${operands.join(",")}\n`)),
      0,
    ),
})

describe("Command.make", () => {
  it.each([
    [["a"], "- false a\n", "", 0],
    [["-3", "a", "-q"], "3 true a\n", "", 0],
    [[], "", "demo: missing file operand\nTry 'demo --help' for more information.\n", 1],
    [["a", "b", "c"], "", "demo: extra operand 'c'\nTry 'demo --help' for more information.\n", 1],
    [["-z", "a"], "", "demo: invalid option -- 'z'\nTry 'demo --help' for more information.\n", 1],
    [["-bad"], "", "demo: bad first argument\nTry 'demo --help' for more information.\n", 1],
    [["--version"], "demo (mirage-vfs)\n", "", 0],
  ])("%j", async (args, stdout, stderr, status) => {
    expect(await run(demo, args)).toMatchObject({ stdout, stderr, status })
  })

  it("prints --help to stdout with status 0", async () => {
    const r = await run(demo, ["x", "--help"])
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(demo.help)
    expect(r.stdout).toMatch(/^Usage: demo \[OPTION\]\.\.\. FILE\.\.\.\nShow what make derives\.\n\n  -n, --lines=NUM/)
  })

  it("exposes its declaration for argv generators", () => {
    expect(demo.spec).toMatchObject({ permute: true, raw: false, usageStatus: 1, operands: { min: 1, max: 2 } })
    expect(Object.keys(demo.spec.flags)).toEqual(["lines", "quiet"])
  })
})

describe("the command set", () => {
  it("has one definition per name", () => {
    const names = commands.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it.each(
    commands
      .filter((c): c is DeclaredCommand => "spec" in c)
      .filter((c) => !c.spec.raw)
      .map((c) => [c.name, c] as const),
  )("%s --help", async (_name, def) => {
    const r = await run(def, ["--help"])
    expect(r.status).toBe(0)
    expect(r.stdout.startsWith("Usage: ")).toBe(true)
    expect(r.stderr).toBe("")
  })

  // Usage-error statuses as the real tools give them (`head -z`... checked with GNU).
  it.each([
    ["cat", 1],
    ["head", 1],
    ["grep", 2],
    ["ls", 2],
    ["sort", 2],
    ["cp", 1],
  ])("%s reports a bad option with status %d", async (name, status) => {
    const def = commands.find((c) => c.name === name)
    if (def === undefined) throw new Error(name)
    const r = await run(def, ["--no-such-option"])
    expect(r.status).toBe(status)
    expect(r.stderr).toContain(`${name}: unrecognized option '--no-such-option'\n`)
  })
})
