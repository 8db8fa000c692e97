import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { awk } from "../../../../src/interpreter/commands/awk.ts"
import { sprintf } from "../../../../src/interpreter/commands/awk/Format.ts"
import { compile, RegexError } from "../../../../src/interpreter/commands/awk/Regex.ts"
import { numToStr, strToNum } from "../../../../src/interpreter/commands/awk/Values.ts"
import { run } from "../harness.ts"

/** Pieces of awk programs, joined at random: most results are syntax errors, some run. */
const TOKENS = [
  "BEGIN",
  "END",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  "\n",
  ",",
  "print",
  "printf",
  "if",
  "else",
  "next",
  "exit",
  "return",
  "function f(a, b)",
  "f(1)",
  "delete",
  "getline",
  "in",
  "$",
  "$0",
  "$1",
  "NF",
  "NR",
  "x",
  "a[1]",
  "a",
  "1",
  "0",
  "-2.5",
  '"s"',
  '"%d %s"',
  "/re+/",
  "/[a-/",
  "+",
  "-",
  "*",
  "/",
  "%",
  "^",
  "=",
  "+=",
  "==",
  "<",
  ">",
  "!",
  "~",
  "&&",
  "||",
  "?",
  ":",
  "++",
  "--",
  "length",
  "substr(x, 2)",
  "split(x, a)",
  'gsub(/a/, "b")',
  'sprintf("%c", 65)',
  "|",
]

const program = fc.array(fc.constantFrom(...TOKENS), { maxLength: 25 }).map((t) => t.join(" "))

describe("awk never fails with an exception", () => {
  it("on token soup programs", async () => {
    await fc.assert(
      fc.asyncProperty(program, fc.string({ maxLength: 40 }), async (prog, input) => {
        const r = await run(awk, [prog], { stdin: input })
        expect([0, 1, 2]).toContain(r.status)
      }),
      { numRuns: 300 },
    )
  })

  it("on arbitrary program text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (prog) => {
        const r = await run(awk, [prog], { stdin: "a b\n" })
        expect([0, 1, 2]).toContain(r.status)
      }),
      { numRuns: 200 },
    )
  })
})

describe("awk numbers", () => {
  it("integers print as integers", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), (n) => {
        expect(numToStr(n, "%.6g")).toBe(String(Object.is(n, -0) ? 0 : n))
      }),
    )
  })

  it("%.17g round-trips every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = sprintf("%.17g", { count: 1, num: () => x, str: () => "", isNum: () => true })
        expect(strToNum(s)).toBe(x)
      }),
    )
  })

  it("%d and %x agree with BigInt arithmetic", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 53), max: 2 ** 53 }), (n) => {
        const args = { count: 1, num: () => n, str: () => "", isNum: () => true }
        expect(sprintf("%d", args)).toBe(BigInt(n).toString())
        expect(sprintf("%x", args)).toBe(BigInt.asUintN(64, BigInt(n)).toString(16))
      }),
    )
  })

  it("%.6g matches the full formatter", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 }), (x) => {
        fc.pre(!Number.isInteger(x))
        const viaFormat = sprintf("%.6g", { count: 1, num: () => x, str: () => "", isNum: () => true })
        expect(numToStr(x, "%.6g")).toBe(viaFormat)
      }),
    )
  })
})

describe("awk regex translation", () => {
  it("either compiles or reports a regex error", () => {
    const atom = fc.constantFrom(
      "a",
      "b",
      ".",
      "[ab]",
      "[^a]",
      "[[:digit:]]",
      "\\.",
      "\\y",
      "\\<",
      "(",
      ")",
      "|",
      "*",
      "+",
      "?",
      "{2}",
      "{1,}",
      "^",
      "$",
      "[",
      "]",
      "{",
      "\\",
    )
    fc.assert(
      fc.property(fc.array(atom, { maxLength: 12 }), (parts) => {
        const src = parts.join("")
        try {
          const re = compile(src)
          expect(re.test).toBeInstanceOf(RegExp)
        } catch (e) {
          expect(e).toBeInstanceOf(RegexError)
        }
      }),
    )
  })
})
