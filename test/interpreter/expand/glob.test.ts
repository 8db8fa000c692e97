import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { glob, sortPaths, type GlobFs } from "../../../src/interpreter/expand/glob.ts"
import { GLOB_OPTIONS, GLOB_ROWS, GLOB_TREE } from "./glob.cases.ts"

/**
 * An in-memory filesystem: directories, files and symlinks (targets relative
 * to the link's directory), resolved the way a real one is. `listed` records
 * every directory listed.
 */
const makeFs = (
  dirs: ReadonlyArray<string>,
  files: ReadonlyArray<string>,
  links: Record<string, string>,
): GlobFs & { readonly listed: Array<string> } => {
  const kinds = new Map<string, "file" | "directory" | "symlink">([["/", "directory"]])
  for (const d of dirs) kinds.set(d, "directory")
  for (const f of files) kinds.set(f, "file")
  for (const l of Object.keys(links)) kinds.set(l, "symlink")
  const parent = (p: string) => p.slice(0, p.lastIndexOf("/")) || "/"
  const resolve = (path: string, depth = 0): string | undefined => {
    if (depth > 20) return undefined
    let at = "/"
    for (const part of path.split("/").filter((s) => s !== "" && s !== ".")) {
      const next = part === ".." ? parent(at) : at === "/" ? `/${part}` : `${at}/${part}`
      const kind = kinds.get(next)
      if (kind === undefined) return undefined
      if (kind === "symlink") {
        const target = links[next]
        const resolved = resolve(target.startsWith("/") ? target : `${at}/${target}`, depth + 1)
        if (resolved === undefined) return undefined
        at = resolved
      } else at = next
    }
    return at
  }
  const listed: Array<string> = []
  return {
    listed,
    list: (abs) =>
      Effect.suspend(() => {
        listed.push(abs)
        const dir = resolve(abs)
        if (dir === undefined || kinds.get(dir) !== "directory") return Effect.fail("ENOTDIR")
        const prefix = dir === "/" ? "/" : `${dir}/`
        const entries = [...kinds]
          .filter(([p]) => p !== dir && p.startsWith(prefix) && !p.slice(prefix.length).includes("/"))
          .map(([p, type]) => ({ name: p.slice(prefix.length), type }))
        return Effect.succeed(entries)
      }),
  }
}

const fs = makeFs(GLOB_TREE.dirs, GLOB_TREE.files, GLOB_TREE.links)

const fromReal = (s: string) => s.replaceAll("/tmp/g3", "/t")

describe("glob (confirmed against bash 5.2)", () => {
  for (const [name, table] of Object.entries(GLOB_ROWS)) {
    it.effect.each(table)(`${name}: %s`, ([pattern, want]) =>
      Effect.gen(function* () {
        const got = yield* glob(fromReal(pattern), "/t", fs, GLOB_OPTIONS[name])
        expect(got).toEqual(want.map(fromReal))
      }),
    )
  }
})

describe("glob", () => {
  it.effect("lists only the directories of components with glob characters", () =>
    Effect.gen(function* () {
      const local = makeFs(["/a", "/a/b", "/a/b/c"], ["/a/b/c/x.txt", "/a/b/c/y.md"], {})
      expect(yield* glob("a/b/c/*.txt", "/", local)).toEqual(["a/b/c/x.txt"])
      expect(local.listed).toEqual(["/a/b/c"])
    }),
  )

  it.effect("checks that a literal last component exists", () =>
    Effect.gen(function* () {
      const local = makeFs(["/a", "/a/d1", "/a/d2"], ["/a/d1/x"], {})
      expect(yield* glob("d*/x", "/a", local)).toEqual(["d1/x"])
    }),
  )

  it.effect("treats a failing listing as no match", () =>
    Effect.gen(function* () {
      const failing: GlobFs = { list: () => Effect.fail(new Error("permission denied")) }
      expect(yield* glob("*", "/", failing)).toEqual([])
      expect(yield* glob("/x/**/y", "/", failing, { globstar: true })).toEqual([])
    }),
  )

  it.effect("keeps relative and absolute forms and never matches . or ..", () =>
    Effect.gen(function* () {
      const local = makeFs(["/w", "/w/d"], ["/w/d/f"], {})
      const dotty: GlobFs = {
        list: (abs) =>
          Effect.map(local.list(abs), (entries) => [
            { name: ".", type: "directory" as const },
            { name: "..", type: "directory" as const },
            ...entries,
          ]),
      }
      expect(yield* glob("*", "/w", dotty, { dotglob: true })).toEqual(["d"])
      expect(yield* glob(".*", "/w", dotty)).toEqual([])
      expect(yield* glob("/w/*/*", "/", dotty)).toEqual(["/w/d/f"])
      expect(yield* glob("../d/*", "/w/d", dotty)).toEqual(["../d/f"])
    }),
  )

  it("sorts in byte order, as LC_ALL=C does", () => {
    // UTF-8 byte order is code point order: U+FF5E sorts before U+1F600, unlike UTF-16 units
    expect(sortPaths(["b", "a/x", "a-b", "A", "\u{1F600}", "\uFF5E", "a"])).toEqual([
      "A",
      "a",
      "a-b",
      "a/x",
      "b",
      "\uFF5E",
      "\u{1F600}",
    ])
  })
})
