import { spawnSync } from "node:child_process"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ParseError, parseSync } from "../../src/parser/parse.ts"
import type * as Ast from "../../src/parser/Ast.ts"
import { print } from "../../src/parser/print.ts"
import { walk } from "../../src/parser/walk.ts"
import { corpus } from "../parser/corpus.ts"
import { strip } from "../parser/helpers.ts"
import { arbitraries } from "./bash-ast.ts"

const scripts = arbitraries(2).script

describe("parse . print", () => {
  it("gives back the tree that was printed (spans aside)", () => {
    fc.assert(
      fc.property(scripts, (tree) => {
        const source = print(tree)
        expect(strip(parseSync(source)), source).toEqual(strip(tree))
      }),
      { numRuns: 400 },
    )
  })

  it("is stable on real scripts: print(parse(s)) parses to parse(s)", () => {
    for (const source of corpus) {
      const tree = strip(parseSync(source))
      const again = print(parseSync(source))
      expect(strip(parseSync(again)), again).toEqual(tree)
      expect(print(parseSync(again))).toBe(again)
    }
  })
})

describe.runIf(spawnSync("bash", ["--version"]).status === 0)("printed trees", () => {
  it("are accepted by bash -n", () => {
    fc.assert(
      fc.property(scripts, (tree) => {
        // bash itself refuses some of these: `$(time x=(1))`, `$(time (()) || ! x+=(1) cat)`
        fc.pre(!timedInsideSubstitution(tree))
        const source = print(tree)
        const r = spawnSync("bash", ["-O", "extglob", "-n", "-c", source], { encoding: "utf8", env: { LC_ALL: "C" } })
        expect(r.stderr, source).toBe("")
      }),
      { numRuns: 60 },
    )
  })
})

const timedInsideSubstitution = (tree: Ast.Script): boolean => {
  let found = false
  walk(tree, (n) => {
    if (n._tag !== "CommandSub" && n._tag !== "ProcessSub") return
    walk(n.body, (m) => {
      if (m._tag === "Pipeline" && m.timed) found = true
    })
  })
  return found
}

/** Text made mostly of bash's special characters, to reach deep into the grammar. */
const shellish = fc.string({
  unit: fc.constantFrom(
    ..."$(){}[]<>|&;'\"`\\#~=!*?@+-: \t\nabcx0123".split(""),
    "((",
    "))",
    "$((",
    "${",
    "<<",
    "<<EOF\n",
    "\nEOF\n",
    "[[",
    "]]",
    "if ",
    "then ",
    "fi",
    "case ",
    " in ",
    "esac",
    "do ",
    "done",
    ";;",
  ),
  maxLength: 60,
})

const onlyParseErrors = (source: string): void => {
  try {
    parseSync(source)
  } catch (e) {
    if (!(e instanceof ParseError)) throw e
    expect(e.line).toBeGreaterThanOrEqual(1)
    expect(e.message).not.toBe("")
  }
}

describe("parse on arbitrary text", () => {
  it("returns or throws a ParseError, nothing else", () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), onlyParseErrors), { numRuns: 1500 })
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), onlyParseErrors), { numRuns: 500 })
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), onlyParseErrors), { numRuns: 500 })
    fc.assert(fc.property(shellish, onlyParseErrors), { numRuns: 3000 })
  })
})

describe("parse on pathological nesting", () => {
  // Each of these backtracks (`$((` that is not arithmetic, `((` that is a
  // subshell); without memoizing the failed attempts they take exponential time.
  it.each([
    ["failed $(( nested 40 deep", "echo " + "$(( ".repeat(40) + "1" + " )".repeat(40)],
    ["failed (( nested 40 deep", "(( ".repeat(40) + "echo" + " )".repeat(40)],
    ["subshells in $(( 40 deep", "echo $((" + "(echo) ".repeat(40) + ")"],
  ])("%s", (_name, source) => {
    onlyParseErrors(source)
  })
})
