import { describe, expect, it } from "vitest"
import { commands as core } from "../../../src/interpreter/commands/index.ts"
import { allCommands, loadAll } from "../../../src/interpreter/commands/registry.ts"
import { MountMode, RAMResource, Workspace } from "../../../src/index.ts"

// The registry names each command with its summary and imports its module on first use;
// these keep the names and summaries it holds equal to the modules' own.
describe("lazy command registry", () => {
  it("holds each name once", () => {
    const names = allCommands.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })

  it("loads, for every entry, a command of the same name and summary", async () => {
    const loaded = await loadAll()
    expect(loaded.map((c) => [c.name, c.summary])).toEqual(allCommands.map((c) => [c.name, c.summary]))
    for (const def of loaded) expect(def.help).toContain(def.summary.split("\n")[0])
  })

  it("includes every core utility", () => {
    const names = new Set(allCommands.map((c) => c.name))
    expect(core.map((c) => c.name).filter((n) => !names.has(n))).toEqual([])
  })

  it("runs a command on first use and after", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    const first = await ws.execute("printf 'b\\na\\n' | sort; printf 'b\\na\\n' | sort -r")
    expect(first.stdoutText).toBe("a\nb\nb\na\n")
    expect((await ws.execute("sort --help")).stdoutText).toContain("Usage: sort")
  })
})
