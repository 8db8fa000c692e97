import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { RAMResource } from "../../src/resources/RAM.ts"
import { make, MountMode } from "../../src/vfs/Namespace.ts"
import * as Path from "../../src/vfs/Path.ts"
import { bytes, outcome, run, text } from "../vfs/support.ts"

/**
 * Random mount tables: a path goes to the mount with the longest matching
 * prefix (checked by where a write lands), and every ancestor of a mount
 * point is a directory that lists it.
 */

const segments = fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 3 })

/** A prefix as a user might type it: extra and trailing slashes, "." segments. */
const decorated = (parts: ReadonlyArray<string>) =>
  fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map(([doubled, trailing, dot]) => {
    const body = parts.join(doubled ? "//" : "/")
    return `/${dot ? "./" : ""}${body}${trailing && body !== "" ? "/" : ""}`
  })

const tableArb = fc
  .uniqueArray(segments, { minLength: 1, maxLength: 6, selector: (parts) => parts.join("/") })
  .chain((tables) => fc.tuple(...tables.map((parts) => decorated(parts).map((typed) => ({ parts, typed })))))

const build = (table: ReadonlyArray<{ readonly parts: ReadonlyArray<string>; readonly typed: string }>) => {
  const mounts = table.map(({ parts, typed }) => ({
    prefix: "/" + parts.join("/"),
    typed,
    resource: new RAMResource(),
  }))
  const ns = make(mounts.map((m) => ({ prefix: m.typed, resource: m.resource, mode: MountMode.WRITE })))
  return { ns, mounts }
}

/** The model: the mount whose prefix is the longest one containing `path`. */
const expectedMount = <M extends { readonly prefix: string }>(mounts: ReadonlyArray<M>, path: string): M | undefined =>
  mounts
    .filter((m) => Path.isWithin(m.prefix, path))
    .reduce<M | undefined>(
      (best, m) => (best === undefined || m.prefix.length > best.prefix.length ? m : best),
      undefined,
    )

describe("namespace routing", () => {
  it("a path goes to the longest matching prefix, as a mount-relative path", async () => {
    await fc.assert(
      fc.asyncProperty(
        tableArb,
        fc.array(fc.constantFrom("a", "b", "c", "f"), { minLength: 1, maxLength: 4 }),
        async (table, parts) => {
          const { ns, mounts } = build(table)
          const path = "/" + parts.join("/")
          const synthesized = mounts.some((m) => Path.isWithin(path, m.prefix))
          const want = expectedMount(mounts, path)
          expect(ns.route(path)?.mount.prefix).toBe(want?.prefix)
          if (synthesized) {
            expect((await run(ns.stat(path))).type).toBe("directory")
            return
          }
          if (want === undefined) {
            expect(await outcome(ns.writeFile(path, bytes("x")))).toBe("NotFound")
            return
          }
          const rel = Path.relativeTo(want.prefix, path)
          await run(want.resource.mkdirp(Path.dirname(rel)))
          await run(ns.writeFile(path, bytes(path)))
          expect(text(await run(want.resource.readFile(rel)))).toBe(path)
          // No other resource received it.
          for (const m of mounts) if (m !== want) expect(await run(m.resource.exists(rel))).toBe(false)
          expect(text(await run(ns.readFile(path)))).toBe(path)
        },
      ),
      { numRuns: 300 },
    )
  })

  it("every ancestor of a mount point is a directory listing the next segment", async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, async (table) => {
        const { ns, mounts } = build(table)
        for (const { prefix } of mounts) {
          for (let child = prefix; child !== "/"; child = Path.dirname(child)) {
            const parent = Path.dirname(child)
            expect((await run(ns.stat(parent))).type).toBe("directory")
            const entries = await run(ns.list(parent))
            expect(entries).toContainEqual({ name: Path.basename(child), type: "directory" })
            const names = entries.map((e) => e.name)
            expect(names).toEqual([...new Set(names)].sort())
          }
        }
        // The root lists exactly the first segments when nothing is mounted at "/".
        if (!mounts.some((m) => m.prefix === "/")) {
          const firsts = [...new Set(mounts.map((m) => Path.split(m.prefix)[0]))].sort()
          expect((await run(ns.list("/"))).map((e) => e.name)).toEqual(firsts)
        }
      }),
      { numRuns: 300 },
    )
  })
})
