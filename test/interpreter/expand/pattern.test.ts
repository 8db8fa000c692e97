import { describe, expect, it } from "vitest"
import * as fc from "fast-check"
import {
  escape,
  escapeReplacement,
  hasGlobChars,
  matches,
  removePrefix,
  removeSuffix,
  replace,
  toRegExp,
  unescape,
  type PatternOptions,
} from "../../../src/interpreter/expand/pattern.ts"
import { MATCH, OPS, TEXTS } from "./pattern.cases.ts"

const SETS: Record<keyof typeof MATCH, PatternOptions> = {
  off: {},
  extglob: { extglob: true },
  nocase: { extglob: true, nocase: true },
}

describe("matches (confirmed against bash 5.2)", () => {
  for (const [name, rows] of Object.entries(MATCH)) {
    const options = SETS[name as keyof typeof SETS]
    it.each(rows)(`${name}: %s`, (pattern, results) => {
      const got = TEXTS.map((t) => (matches(pattern, t, options) ? "y" : "n")).join("")
      expect(got).toBe(results)
    })
  }
})

describe("removePrefix / removeSuffix / replace (confirmed against bash 5.2)", () => {
  for (const [name, rows] of Object.entries(OPS)) {
    const extglob = name !== "off"
    // bash applies nocasematch to ${x/p/r} but not to ${x#p} and ${x%p}
    const remove: PatternOptions = { extglob }
    const subst: PatternOptions = { extglob, nocase: name === "nocase" }
    it.each(rows)(`${name}: %j with %j`, (text, pattern, ...want) => {
      expect([
        removePrefix(text, pattern, false, remove),
        removePrefix(text, pattern, true, remove),
        removeSuffix(text, pattern, false, remove),
        removeSuffix(text, pattern, true, remove),
        replace(text, pattern, "R", "first", subst),
        replace(text, pattern, "R", "all", subst),
        replace(text, pattern, "R", "prefix", subst),
        replace(text, pattern, "R", "suffix", subst),
      ]).toEqual(want)
    })
  }
})

describe("pathname matching (confirmed with bash globs in a directory of these names)", () => {
  const names = ["..x", ".a", ".b.c", "a", "a.b", "b"]
  // pattern, matches without dotglob, matches with dotglob
  const rows: ReadonlyArray<readonly [string, string, string]> = [
    ["*", "a a.b b", "..x .a .b.c a a.b b"],
    [".*", "..x .a .b.c", "..x .a .b.c"],
    ["?a", "", ".a"],
    ["[.]a", "", ".a"],
    ["@(.a)", ".a", ".a"],
    ["!(a)", "a.b b", "..x .a .b.c a.b b"],
    ["*(.a)", ".a", ".a"],
    ["?(.)a", ".a a", ".a a"],
    [".?", ".a", ".a"],
    ["[!a]*", "b", "..x .a .b.c b"],
    ["*a", "a", ".a a"],
    ["@(*)", "a a.b b", "..x .a .b.c a a.b b"],
    ["+(.a|b)", ".a b", ".a b"],
    [".[a-z]", ".a", ".a"],
    ["!(x)", "a a.b b", "..x .a .b.c a a.b b"],
    ["\\.a", ".a", ".a"],
  ]
  it.each(rows)("%s", (pattern, plain, dotglob) => {
    const pick = (dot: boolean) =>
      names.filter((n) => matches(pattern, n, { extglob: true, pathname: true, dotglob: dot })).join(" ")
    expect(pick(false)).toBe(plain)
    expect(pick(true)).toBe(dotglob)
  })

  it("never matches a slash with a wildcard", () => {
    expect(matches("a*c", "ab/c", { pathname: true })).toBe(false)
    expect(matches("a?c", "a/c", { pathname: true })).toBe(false)
    expect(matches("a[!x]c", "a/c", { pathname: true })).toBe(false)
    expect(matches("a/*", "a/b", { pathname: true })).toBe(true)
    expect(matches("a*c", "ab/c")).toBe(true)
  })
})

describe("replace with patsub_replacement", () => {
  // bash: x=abc; r=...; y=${x/b/$r}
  const rows: ReadonlyArray<readonly [string, string]> = [
    ["&", "abc"],
    ["\\&", "a&c"],
    ["\\\\&", "a\\bc"],
    ["[&&]", "a[bb]c"],
    ["\\x", "a\\xc"],
    ["\\\\", "a\\c"],
    ["a\\b", "aa\\bc"],
    ["&\\", "ab\\c"],
  ]
  it.each(rows)("%j", (replacement, want) => {
    expect(replace("abc", "b", replacement, "first", { patsubReplacement: true })).toBe(want)
  })

  it("applies & per match and to anchored empty patterns", () => {
    // bash: x=abc; echo "${x//?/<&>}" "${x/#/[&]}"
    expect(replace("abc", "?", "<&>", "all", { patsubReplacement: true })).toBe("<a><b><c>")
    expect(replace("abc", "", "[&]", "prefix", { patsubReplacement: true })).toBe("[]abc")
    expect(replace("abc", "b", escapeReplacement("&\\"), "first", { patsubReplacement: true })).toBe("a&\\c")
  })
})

describe("helpers", () => {
  it("hasGlobChars finds unescaped glob characters only", () => {
    const rows: ReadonlyArray<readonly [string, boolean]> = [
      ["abc", false],
      ["*", true],
      ["a?", true],
      ["[ab]", true],
      ["[ab", false],
      ["a]", false],
      ["[a/b]", false],
      ["\\*", false],
      ["\\[a]", false],
      ["@(a)", true],
      ["!(a)", true],
      ["+(a)", true],
      ["@a", false],
      ["a\\", false],
    ]
    for (const [p, want] of rows) expect([p, hasGlobChars(p)]).toEqual([p, want])
  })

  it("toRegExp is anchored at both ends", () => {
    const re = toRegExp("a*")
    expect(re.test("abc")).toBe(true)
    expect(re.test("xabc")).toBe(false)
    expect(toRegExp("b").test("abc")).toBe(false)
  })

  it("escape makes any text match itself and only itself", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const p = escape(a)
        return (
          matches(p, a) &&
          matches(p, a, { extglob: true }) &&
          matches(p, b) === (a === b) &&
          !hasGlobChars(p) &&
          unescape(p) === a
        )
      }),
    )
  })

  it("unescape drops marking backslashes", () => {
    expect(unescape("a\\*b\\\\c\\")).toBe("a*b\\c\\")
  })

  it("a literal pattern behaves like string search", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ minLength: 1, maxLength: 3 }), (text, lit) => {
        const p = escape(lit)
        return (
          replace(text, p, "#", "all") === text.split(lit).join("#") &&
          removePrefix(text, p, false) === (text.startsWith(lit) ? text.slice(lit.length) : text) &&
          removeSuffix(text, p, true) === (text.endsWith(lit) ? text.slice(0, -lit.length) : text)
        )
      }),
    )
  })

  it("handles long texts without quadratic blow-up on common patterns", () => {
    const long = "dir/".repeat(20_000) + "file.tar.gz"
    expect(removePrefix(long, "*/", true)).toBe("file.tar.gz")
    expect(removeSuffix(long, ".*", false)).toBe(long.slice(0, -3))
    expect(removeSuffix(long, "/*", true)).toBe("dir")
    expect(replace(long, "dir", "d", "all").length).toBe(long.length - 2 * 20_000)
    // stars between fixed pieces must not backtrack (this would take hours)
    expect(matches("*a*a*a*a*b", "a".repeat(20_000))).toBe(false)
    expect(matches("*a?a*[ab]*a", "a".repeat(20_000), { pathname: true })).toBe(true)
  })
})
