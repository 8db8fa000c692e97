import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { identity, lineTable, sortBytes } from "../../../src/interpreter/commands/shared/LineTable.ts"
import { numericValue } from "../../../src/interpreter/commands/shared/NumericKey.ts"
import {
  noOrdering,
  numericCompare,
  parseKey,
  parseNumeric,
  type Key,
} from "../../../src/interpreter/commands/shared/SortKeys.ts"
import { comparison, sortLines, type SortOptions } from "../../../src/interpreter/commands/shared/SortOrder.ts"

// The fast orders (radix sort of bytes, ranked doubles for -n) against plain models: a byte
// comparison of whole lines, and GNU's digit-string comparison of numbers.

const encoder = new TextEncoder()
const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes)

/** Lines over few symbols, so that long common prefixes, repeats and the radix rounds all occur. */
const symbols = (maxLength: number) =>
  fc.array(fc.constantFrom(97, 98, 0, 255, 32), { maxLength }).map((b) => Uint8Array.from(b))
const line = fc.oneof(
  symbols(3),
  symbols(12),
  // a common prefix longer than one radix digit, then a short tail
  symbols(3).map((tail) => Uint8Array.from([...encoder.encode("aaaaaaaaaaaaaaaaaaaa"), ...tail])),
  fc.constantFrom(97, 98, 0).map((last) => Uint8Array.from([...encoder.encode("aaaaaaaaaaaaaaaaaaaa"), last])),
)
const lines = fc.array(line, { maxLength: 200, size: "max" })

const numberText = fc.oneof(
  fc.integer({ min: -2000, max: 2000 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x.toFixed(3)),
  fc.constantFrom(
    "-0",
    "0.0",
    "007",
    "-.5",
    ".50",
    "abc",
    "",
    " 12",
    "+3",
    "1e3",
    "12345678901234567890",
    "0.1234567890123456789",
  ),
)

const bytesCompare = (a: Uint8Array, b: Uint8Array): number => {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return a.length - b.length
}

const join = (ls: ReadonlyArray<Uint8Array>): Uint8Array => {
  const out: Array<number> = []
  for (const l of ls) out.push(...l, 10)
  return Uint8Array.from(out)
}

const options = (keys: ReadonlyArray<Key>, over: Partial<SortOptions> = {}): SortOptions => ({
  keys,
  tab: -1,
  reverse: false,
  noLastResort: false,
  salt: 1,
  ...over,
})

const ordered = (ls: ReadonlyArray<Uint8Array>, o: SortOptions) => {
  const table = lineTable(join(ls), 10)
  const sorted = sortLines(table, o)
  return [...sorted.order].map((i) => ls[i])
}

describe("sort orders", () => {
  it("without keys: byte order of whole lines (and its reverse)", () => {
    fc.assert(
      fc.property(lines, fc.boolean(), (ls, reverse) => {
        const want = [...ls].sort((a, b) => (reverse ? -bytesCompare(a, b) : bytesCompare(a, b)))
        expect(ordered(ls, options([], { reverse })).map(latin1)).toEqual(want.map(latin1))
      }),
      { numRuns: 300 },
    )
  })

  // sortLines groups repeated lines first; the radix sort on its own, repeats included:
  const radix = (ls: ReadonlyArray<Uint8Array>) => {
    const order = identity(ls.length)
    sortBytes(lineTable(join(ls), 10), order)
    return [...order].map((i) => latin1(ls[i]))
  }

  it("the radix sort gives byte order", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        expect(radix(ls)).toEqual([...ls].sort(bytesCompare).map(latin1))
      }),
      { numRuns: 300 },
    )
  })

  it("lines that differ only past several radix digits", () => {
    const ls = Array.from({ length: 60 }, (_, i) => encoder.encode(`${"a".repeat(20)}${"ba\0"[i % 3]}`))
    const want = [...ls].sort(bytesCompare).map(latin1)
    expect(radix(ls)).toEqual(want)
    expect(ordered(ls, options([])).map(latin1)).toEqual(want)
  })

  it("-n: GNU's digit comparison, then the whole line; -s keeps input order", () => {
    const key = { ...noOrdering(), numeric: true, startField: undefined, startChar: 0, endField: undefined, endChar: 0 }
    fc.assert(
      fc.property(
        fc.array(numberText, { maxLength: 120, size: "max" }),
        fc.boolean(),
        fc.boolean(),
        (texts, reverse, stable) => {
          const ls = texts.map((t) => encoder.encode(t))
          const indexed = ls.map((l, i) => ({ l, i }))
          indexed.sort((a, b) => {
            const d = numericCompare(parseNumeric(latin1(a.l)), parseNumeric(latin1(b.l)))
            if (d !== 0) return reverse ? -d : d
            if (stable) return a.i - b.i
            return reverse ? -bytesCompare(a.l, b.l) : bytesCompare(a.l, b.l)
          })
          const got = ordered(ls, options([{ ...key, reverse }], { reverse, noLastResort: stable }))
          expect(got.map(latin1)).toEqual(indexed.map((x) => latin1(x.l)))
        },
      ),
      { numRuns: 300 },
    )
  })

  it("-n -k2: the second field's number", () => {
    const key = parseKey("2n")
    if ("error" in key) throw new Error(key.error)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom("a", "b", "x y"), numberText), { maxLength: 120, size: "max" }),
        (rows) => {
          const ls = rows.map(([w, n]) => encoder.encode(`${w}\t${n}`))
          const want = [...ls].sort((a, b) => {
            // the key runs from the second field's start (after the first blank run and word) to the end
            const field = (l: Uint8Array) => latin1(l).replace(/^[ \t]*[^ \t]*/, "")
            return numericCompare(parseNumeric(field(a)), parseNumeric(field(b))) || bytesCompare(a, b)
          })
          expect(ordered(ls, options([key])).map(latin1)).toEqual(want.map(latin1))
        },
      ),
      { numRuns: 200 },
    )
  })

  it("one text key: the order and the -u repeats of the key-by-key comparison", () => {
    const row = fc
      .array(fc.stringMatching(/^[aAbB]{0,3}$/), { minLength: 1, maxLength: 4 })
      .chain((fields) => fc.constantFrom(" ", "\t", "  ").map((sep) => encoder.encode(fields.join(sep))))
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 80, size: "max" }),
        fc.constantFrom("2", "2,2", "1.2,1.3", "2f", "2,2r", "3b", "1f,2", "2.2b"),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(-1, 9),
        (ls, spec, reverse, noLastResort, tab) => {
          const key = parseKey(spec)
          if ("error" in key) throw new Error(key.error)
          const o = options([key], { reverse, noLastResort, tab })
          const table = lineTable(join(ls), 10)
          const want = identity(table.count)
          const model = comparison(table, o)
          want.sort(model.compare)
          const got = sortLines(table, o)
          expect([...got.order].map((i) => latin1(ls[i]))).toEqual([...want].map((i) => latin1(ls[i])))
          const kept = (order: Uint32Array, repeats: (k: number) => boolean) =>
            [...order].filter((_, k) => !repeats(k)).map((i) => latin1(ls[i]))
          expect(kept(got.order, got.repeats)).toEqual(kept(want, (k) => k > 0 && model.sameKeys(want[k - 1], want[k])))
        },
      ),
      { numRuns: 400 },
    )
  })

  it("numericValue keeps the order of numbers of up to 15 digits and refuses longer ones", () => {
    fc.assert(
      fc.property(numberText, numberText, (a, b) => {
        const x = numericValue(encoder.encode(a), 0, a.length)
        const y = numericValue(encoder.encode(b), 0, b.length)
        if (Number.isNaN(x) || Number.isNaN(y)) return
        expect(Math.sign(x - y)).toBe(Math.sign(numericCompare(parseNumeric(a), parseNumeric(b))))
      }),
      { numRuns: 1000 },
    )
    expect(numericValue(encoder.encode("12345678901234567890"), 0, 20)).toBeNaN()
  })
})
