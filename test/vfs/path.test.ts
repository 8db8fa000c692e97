import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Path from "../../src/vfs/Path.ts"

describe("Path", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["/a/b", "/a/b"],
    ["/a//b/", "/a/b"],
    ["a/b", "/a/b"],
    ["/a/./b/.", "/a/b"],
    ["/a/b/../c", "/a/c"],
    ["/..", "/"],
    ["/../../x", "/x"],
    ["/a/..", "/"],
    ["/.hidden/..foo/...", "/.hidden/..foo/..."],
    ["//", "/"],
  ])("normalize(%j) = %j", (input, want) => {
    expect(Path.normalize(input)).toBe(want)
  })

  it.each([
    ["/data", "x", "/data/x"],
    ["/data", "../tmp/x", "/tmp/x"],
    ["/data", "/abs", "/abs"],
    ["/", "..", "/"],
    ["/a/b", ".", "/a/b"],
  ])("resolve(%j, %j) = %j", (cwd, path, want) => {
    expect(Path.resolve(cwd, path)).toBe(want)
  })

  it("joins, splits and takes apart paths", () => {
    expect(Path.join("/a", "b/../c", "/d/")).toBe("/a/c/d")
    expect(Path.join("/a", "/b")).toBe("/a/b")
    expect([Path.dirname("/a/b"), Path.dirname("/a"), Path.dirname("/")]).toEqual(["/a", "/", "/"])
    expect([Path.basename("/a/b/"), Path.basename("/")]).toEqual(["b", "/"])
    expect([Path.split("/a/b"), Path.split("/")]).toEqual([["a", "b"], []])
  })

  it.each([
    ["/data", "/data", true],
    ["/data", "/data/x", true],
    ["/data/", "/data/x/", true],
    ["/data", "/database", false],
    ["/data/x", "/data", false],
    ["/", "/anything", true],
  ])("isWithin(%j, %j) = %j", (prefix, path, want) => {
    expect(Path.isWithin(prefix, path)).toBe(want)
  })

  it("gives mount-relative paths", () => {
    expect(Path.relativeTo("/data", "/data/a/b")).toBe("/a/b")
    expect(Path.relativeTo("/data/", "/data")).toBe("/")
    expect(Path.relativeTo("/", "/x")).toBe("/x")
  })

  const segment = fc.constantFrom("a", "b", ".", "..", "", "é", "\u{1F600}")
  const pathArb = fc.array(segment, { maxLength: 8 }).map((parts) => parts.join("/"))

  it("normalize is idempotent and never leaves '.', '..', '//' or a trailing slash", () => {
    fc.assert(
      fc.property(pathArb, (p) => {
        const n = Path.normalize(p)
        expect(Path.normalize(n)).toBe(n)
        expect(n.startsWith("/")).toBe(true)
        expect(n === "/" || !n.endsWith("/")).toBe(true)
        expect(
          n
            .split("/")
            .slice(1)
            .some((s) => s === "." || s === ".." || (s === "" && n !== "/")),
        ).toBe(false)
      }),
    )
  })

  it("compareBytes orders as the UTF-8 bytes do (LC_ALL=C)", () => {
    const encoder = new TextEncoder()
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (a, b) => {
        const want = Math.sign(Buffer.compare(encoder.encode(a), encoder.encode(b)))
        expect(Math.sign(Path.compareBytes(a, b))).toBe(want)
      }),
      { numRuns: 2000 },
    )
    expect(Path.compareBytes("\uFF21", "\u{1F600}")).toBeLessThan(0)
  })
})
