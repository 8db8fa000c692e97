import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { CommandDef } from "../../src/interpreter/Command.ts"
import type { DeclaredCommand } from "../../src/interpreter/Command.ts"
import { loadAll } from "../../src/interpreter/commands/registry.ts"
import { quoteForReuse } from "../../src/interpreter/expand/quote.ts"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"

/**
 * Every command, given argument lists generated from its own flag
 * declarations plus random operands, ends with a status: never a
 * JavaScript exception, a stack trace or an interpreter "internal error".
 */

const isDeclared = (c: CommandDef): c is DeclaredCommand => "spec" in c

/** Commands that wait for time or input by design are run with bounded arguments only. */
const slow = new Set(["sleep", "yes", "timeout"])

const operand = fc.oneof(
  fc.constantFrom("f.txt", "data.json", "missing", "dir", "-", "/", "..", "bin.dat", ""),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 20 }).map(String),
)

const argvFor = (def: DeclaredCommand) => {
  const flagWords: Array<fc.Arbitrary<Array<string>>> = []
  for (const flag of Object.values(def.spec.flags)) {
    const names = [...flag.short.map((s) => `-${s}`), ...flag.long.map((l) => `--${l}`)]
    if (names.length === 0) continue
    const name = fc.constantFrom(...names)
    flagWords.push(flag.arg === undefined ? name.map((n) => [n]) : fc.tuple(name, operand).map(([n, v]) => [n, v]))
  }
  const flagPart =
    flagWords.length === 0 ? fc.constant<Array<Array<string>>>([]) : fc.array(fc.oneof(...flagWords), { maxLength: 4 })
  return fc
    .tuple(flagPart, fc.array(operand, { maxLength: 3 }), fc.boolean())
    .map(([flags, ops, garbage]) => [...flags.flat(), ...(garbage ? ["-Z9", "--bogus"] : []), ...ops])
}

const setup = async () => {
  const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
  await ws.execute(
    "mkdir -p /w/dir && cd /w && printf 'b 2\\na 1\\nc 3\\n' > f.txt && echo '{\"a\":[1,2]}' > data.json && printf 'x\\0y\\377' > bin.dat",
  )
  return ws
}

// the registry imports command modules on first use; the generators need the declarations now
const declared = await loadAll()

describe("generated argument lists never crash a command", () => {
  const commands = declared.filter(isDeclared).filter((c) => !slow.has(c.name))
  it(`covers every declared command (${commands.length})`, () => {
    expect(commands.length).toBeGreaterThan(20)
  })
  for (const def of commands) {
    it(
      def.name,
      async () => {
        const ws = await setup()
        await fc.assert(
          fc.asyncProperty(argvFor(def), async (args) => {
            const script = [def.name, ...args].map(quoteForReuse).join(" ") + " < /w/f.txt"
            const r = await ws.execute(script, { cwd: "/w", signal: AbortSignal.timeout(5000) })
            expect(Number.isInteger(r.exitCode)).toBe(true)
            expect(r.stderrText).not.toContain("internal error")
            expect(r.stderrText).not.toMatch(/\n\s+at .*:\d+:\d+/)
          }),
          { numRuns: 25 },
        )
      },
      60_000,
    )
  }
})
