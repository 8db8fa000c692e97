import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parse } from "../../../src/interpreter/commands/sed/regex/parse.ts"
import { compileRegex, RegexError, type RegexOptions } from "../../../src/interpreter/commands/sed/regex/Regex.ts"
import { compile } from "../../../src/interpreter/commands/sed/regex/vm.ts"

const BRE: RegexOptions = { extended: false, icase: false, multiline: false, posix: false }
const ERE: RegexOptions = { ...BRE, extended: true }

/** Random ERE patterns over a small alphabet, without back-references (the VM does not run those). */
const pattern: fc.Arbitrary<string> = fc.letrec<{ re: string; atom: string }>((tie) => ({
  atom: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom("a", "b", "c", ".", "[ab]", "[^a]", "\\w", "^", "$", "\\b") },
    { weight: 2, arbitrary: tie("re").map((r) => `(${r})`) },
  ),
  re: fc
    .array(
      fc
        .tuple(tie("atom"), fc.constantFrom("", "", "*", "+", "?", "{1,2}", "{2}"))
        .map(([a, q]) => (/^[\^$]|\\b/.test(a) ? a : a + q)),
      { minLength: 1, maxLength: 4 },
    )
    .chain((parts) => fc.constantFrom(parts.join(""), `${parts.join("")}|${parts[0]}`)),
})).re

const subject = fc.array(fc.constantFrom("a", "b", "c", " "), { maxLength: 10 }).map((cs) => cs.join(""))

describe("sed regex engine", () => {
  it("finds the same leftmost-longest matches with the linear VM as with JavaScript plus the VM", () => {
    fc.assert(
      fc.property(pattern, subject, (p, s) => {
        const parsed = parse(p, ERE)
        fc.pre(!(parsed instanceof RegexError))
        const re = compileRegex(p, ERE)
        const vm = compile(parsed.node, parsed.groups, false, 10)
        fc.pre(!(re instanceof RegexError) && vm !== undefined)
        const regs = new Int32Array(2 * (parsed.groups + 1))
        for (let from = 0; from <= s.length; from++) {
          const a = re.search(s, from, false) ? [re.regs[0], re.regs[1]] : null
          const b = vm.search(s, from, regs) ? [regs[0], regs[1]] : null
          expect(b, `${p} on ${JSON.stringify(s)} from ${from}`).toEqual(a)
        }
      }),
      { numRuns: 400 },
    )
  })

  it("takes linear time on nested repetitions", () => {
    const re = compileRegex("\\(a*\\)*b", BRE)
    if (re instanceof RegexError) throw new Error(re.message)
    const start = performance.now()
    expect(re.search("a".repeat(5000), 0, true)).toBe(false)
    expect(re.search(`${"a".repeat(5000)}b`, 0, true)).toBe(true)
    expect([re.regs[0], re.regs[1]]).toEqual([0, 5001])
    expect(performance.now() - start).toBeLessThan(2000)
  })

  it.each([
    ["a|ab", "xabc", ERE, [1, 3]],
    ["\\(a\\|ab\\)\\(c\\|bcd\\)", "abcd", BRE, [0, 4, 0, 1, 1, 4]],
    ["(ab?)(bc)?", "abc", ERE, [0, 3, 0, 1, 1, 3]],
    ["x*", "abc", ERE, [0, 0]],
    ["\\<b", "ab b", BRE, [3, 4]],
    ["[[:upper:]]\\+", "abCDe", BRE, [2, 4]],
    // Confirmed with GNU sed: `echo xabab | sed 's/\(a\|ab\)\1/[&]/'` gives x[abab].
    ["\\(a\\|ab\\)\\1", "xabab", BRE, [1, 5, 1, 3]],
  ] as const)("%s on %s", (p, s, options, want) => {
    const re = compileRegex(p, options)
    if (re instanceof RegexError) throw new Error(re.message)
    expect(re.search(s, 0, true)).toBe(true)
    expect(Array.from(re.regs.subarray(0, want.length))).toEqual(want)
  })

  it.each([
    ["a\\{2,1\\}", BRE, "Invalid content of \\{\\}"],
    ["(a", ERE, "Unmatched ( or \\("],
    ["a)", ERE, "Unmatched ) or \\)"],
    ["*a", ERE, "Invalid preceding regular expression"],
    ["a**", BRE, "Invalid preceding regular expression"],
    ["[[:nope:]]", BRE, "Invalid character class name"],
    ["[b-a]", BRE, "Invalid range end"],
    ["\\(a\\)\\|\\1", BRE, "Invalid back reference"],
    ["a\\", BRE, "Trailing backslash"],
    ["a{99999}", ERE, "Regular expression too big"],
  ] as const)("rejects %s", (p, options, message) => {
    const re = compileRegex(p, options)
    expect(re instanceof RegexError ? re.message : "compiled").toBe(message)
  })
})
