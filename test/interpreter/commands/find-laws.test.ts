import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { find } from "../../../src/interpreter/commands/find.ts"
import { realpath } from "../../../src/interpreter/commands/realpath.ts"
import * as Path from "../../../src/vfs/Path.ts"
import { run } from "./harness.ts"

/** Random trees: file paths of up to three levels over a small alphabet (so names collide into directories). */
const segment = fc.stringMatching(/^[a-c][a-c0-9._-]{0,3}$/)
const tree = fc.uniqueArray(
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((s) => s.join("/")),
  {
    minLength: 1,
    maxLength: 12,
  },
)

/** A consistent set of files: drop any path that is also used as a directory of another. */
const files = tree.map((paths) => paths.filter((p) => !paths.some((q) => q.startsWith(`${p}/`))))

/** Every directory and file the paths create, as `find .` names them. */
const expectedEntries = (paths: ReadonlyArray<string>): Array<string> => {
  const all = new Set<string>(["."])
  for (const p of paths) {
    const parts = p.split("/")
    for (let i = 1; i <= parts.length; i++) all.add(`./${parts.slice(0, i).join("/")}`)
  }
  return [...all]
}

describe("find laws", () => {
  it("lists every entry exactly once, each directory before what it contains", async () => {
    await fc.assert(
      fc.asyncProperty(files, async (paths) => {
        const r = await run(find, ["."], { files: Object.fromEntries(paths.map((p) => [p, ""])), cwd: "/w" })
        const out = r.stdout.split("\n").slice(0, -1)
        expect([...out].sort()).toEqual(expectedEntries(paths).sort())
        for (const [i, p] of out.entries())
          if (p !== ".")
            expect(out.indexOf(Path.dirname(p.slice(1)) === "/" ? "." : `.${Path.dirname(p.slice(1))}`)).toBeLessThan(i)
      }),
      { numRuns: 40 },
    )
  })

  it("-depth lists the same entries, each directory after what it contains", async () => {
    await fc.assert(
      fc.asyncProperty(files, async (paths) => {
        const setup = { files: Object.fromEntries(paths.map((p) => [p, ""])), cwd: "/w" }
        const pre = (await run(find, ["."], setup)).stdout.split("\n").slice(0, -1)
        const post = (await run(find, [".", "-depth"], setup)).stdout.split("\n").slice(0, -1)
        expect([...post].sort()).toEqual([...pre].sort())
        for (const [i, p] of post.entries())
          for (const q of post.slice(0, i)) expect(q.startsWith(`${p}/`) || !p.startsWith(`${q}/`)).toBe(true)
      }),
      { numRuns: 40 },
    )
  })

  it("-type f and ! -type f split the entries", async () => {
    await fc.assert(
      fc.asyncProperty(files, async (paths) => {
        const setup = { files: Object.fromEntries(paths.map((p) => [p, ""])), cwd: "/w" }
        const f = (await run(find, [".", "-type", "f"], setup)).stdout.split("\n").slice(0, -1)
        const other = (await run(find, [".", "!", "-type", "f"], setup)).stdout.split("\n").slice(0, -1)
        expect([...f].sort()).toEqual(paths.map((p) => `./${p}`).sort())
        expect(f.length + other.length).toBe(expectedEntries(paths).length)
      }),
      { numRuns: 40 },
    )
  })

  it("realpath without symlinks is the lexical normalization", async () => {
    const name = fc
      .array(fc.constantFrom("a", "b", ".", "..", ""), { minLength: 1, maxLength: 6 })
      .map((s) => s.join("/"))
    await fc.assert(
      fc.asyncProperty(name, async (p) => {
        const r = await run(realpath, ["-m", "--", p === "" ? "." : p], { dirs: ["a/b"], cwd: "/w" })
        expect(r.stdout).toBe(`${Path.resolve("/w", p === "" ? "." : p)}\n`)
      }),
      { numRuns: 60 },
    )
  })
})
