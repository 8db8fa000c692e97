import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { grep } from "../../../src/interpreter/commands/grep.ts"
import { compileMatcher, type Syntax } from "../../../src/interpreter/commands/shared/GrepMatcher.ts"
import type { Input } from "../../../src/interpreter/Io.ts"
import { run } from "./harness.ts"

// grep jumps from match to match through a whole chunk's text (a match found there only makes
// its line a candidate). Against a model that tests every line on its own, with the input cut
// into chunks anywhere, and patterns whose matches can run across a newline or be empty.

const patterns: ReadonlyArray<readonly [Syntax, string]> = [
  ["basic", "a"],
  ["basic", "ab"],
  ["basic", "^a"],
  ["basic", "b$"],
  ["basic", "^$"],
  ["basic", "a[^b]*c"],
  ["basic", "x*"],
  ["basic", "\\(a\\)\\1"],
  ["basic", "a.b"],
  ["extended", "a|c c"],
  ["extended", "(^| )b"],
  ["extended", "[[:space:]]c"],
]

const text = fc
  .array(fc.stringMatching(/^[abc x]{0,8}$/), { maxLength: 40, size: "max" })
  .map((lines) => lines.join("\n") + "\n")

/** An input that hands out `bytes` cut at the given points. */
const chunked = (bytes: Uint8Array, cuts: ReadonlyArray<number>): Input => {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const pieces: Array<Uint8Array> = []
  let from = 0
  for (const p of [...points, bytes.length]) {
    if (p > from) pieces.push(bytes.subarray(from, p))
    from = Math.max(from, p)
  }
  return {
    read: Effect.sync(() => pieces.shift() ?? null),
    unread: (b) => {
      pieces.unshift(b)
    },
  }
}

const model = (input: string, syntax: Syntax, pattern: string, flags: ReadonlyArray<string>): string => {
  const m = compileMatcher([pattern], { syntax, ignoreCase: false, wordRegexp: false, lineRegexp: false })
  if ("error" in m) throw new Error(m.error)
  const lines = input.slice(0, -1).split("\n")
  const max = flags.includes("-m") ? 2 : Infinity
  let out = ""
  let count = 0
  let offset = 0
  lines.forEach((line, i) => {
    const at = offset
    offset += line.length + 1
    if (count >= max || !m.test(line)) return
    count++
    if (flags.includes("-c")) return
    out += `${flags.includes("-n") ? `${i + 1}:` : ""}${flags.includes("-b") ? `${at}:` : ""}${line}\n`
  })
  return flags.includes("-c") ? `${count}\n` : out
}

describe("grep's scan to the next match", () => {
  it("selects the lines a line-by-line test selects", async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.constantFrom(...patterns),
        fc.subarray(["-n", "-b", "-c", "-m"]),
        fc.array(fc.nat(400), { maxLength: 6 }),
        async (input, [syntax, pattern], flags, cuts) => {
          const args = [
            ...(syntax === "extended" ? ["-E"] : []),
            ...flags.flatMap((f) => (f === "-m" ? ["-m", "2"] : [f])),
            "-e",
            pattern,
          ]
          const r = await run(grep, args, { stdin: chunked(new TextEncoder().encode(input), cuts) })
          expect(r.stdout).toBe(model(input, syntax, pattern, flags))
        },
      ),
      { numRuns: 400 },
    )
  })
})
