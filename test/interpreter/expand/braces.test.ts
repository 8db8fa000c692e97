import { describe, expect, it } from "vitest"
import { expandBraces, MAX_BRACE_RESULTS } from "../../../src/interpreter/expand/braces.ts"
import { BRACE_ROWS, isText, render, split, type Item, type Quoted } from "./braces.cases.ts"

describe("expandBraces (confirmed against bash 5.2)", () => {
  it.each(BRACE_ROWS)("%s", (source, want) => {
    const got = expandBraces(split(source), isText)
      .map(render)
      .filter((w) => w !== undefined)
    expect(got).toEqual(want)
  })
})

describe("expandBraces", () => {
  it("passes opaque items through untouched, even when they hold braces or commas", () => {
    const q: Quoted = { value: "{x,y}" }
    expect(expandBraces(["a{b,c}", q], isText)).toEqual([
      ["ab", q],
      ["ac", q],
    ])
    expect(expandBraces([q, "-{1..2}"], isText)).toEqual([
      [q, "-1"],
      [q, "-2"],
    ])
    expect(expandBraces(["{", q, ",b}"], isText)).toEqual([[q], ["b"]])
  })

  it("returns the word as it is when there is nothing to expand", () => {
    const items: Array<Item> = ["abc", { value: "{a,b}" }, "def"]
    expect(expandBraces(items, isText)).toEqual([items])
    expect(expandBraces(["{a}"], isText)).toEqual([["{a}"]])
  })

  it("gives an empty word for an empty alternative", () => {
    expect(expandBraces(["{a,}"], isText)).toEqual([["a"], []])
  })

  it("stops after MAX_BRACE_RESULTS words, keeping bash's order", () => {
    const words = expandBraces(["{1..1000}-{1..1000}"], isText)
    expect(words.length).toBe(MAX_BRACE_RESULTS)
    expect(words[0]).toEqual(["1-1"])
    expect(words[1000]).toEqual(["2-1"])
    expect(words[MAX_BRACE_RESULTS - 1]).toEqual(["100-1000"])
    const seq = expandBraces(["{1..2000000000}"], isText)
    expect(seq.length).toBe(MAX_BRACE_RESULTS)
    expect(seq[MAX_BRACE_RESULTS - 1]).toEqual([String(MAX_BRACE_RESULTS)])
  })
})
