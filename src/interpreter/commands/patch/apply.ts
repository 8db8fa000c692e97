import type { Hunk, HunkLine } from "./parse.ts"

/**
 * Applying hunks to a file's lines as GNU patch does: each hunk is looked
 * for at its line (moved by the offset of the hunks before it), then
 * further and further away, first forward then backward, and with fuzz
 * 1 and 2 ignoring that many outer context lines.
 */

/** A line of a file, and whether it ends in a newline. */
export interface Line {
  readonly text: string
  readonly eol: boolean
}

/** What became of one hunk. */
export type Outcome =
  | { readonly _tag: "Applied"; readonly at: number; readonly fuzz: number; readonly offset: number }
  | { readonly _tag: "Failed"; readonly at: number }

/** The result of applying a file's hunks. */
export interface Applied {
  readonly lines: ReadonlyArray<Line>
  readonly outcomes: ReadonlyArray<Outcome>
}

/** The old side of a hunk (context and deleted lines). */
const oldLines = (h: Hunk): Array<HunkLine> => h.lines.filter((l) => l.op !== "+")

/** The hunk turned around, for `-R`. */
export const reverseHunk = (h: Hunk): Hunk => ({
  oldStart: h.newStart,
  oldCount: h.newCount,
  newStart: h.oldStart,
  newCount: h.oldCount,
  lines: swapSides(h.lines),
  text: h.text,
})

/** Insertions become deletions and back; in each run of changes the deletions come first, as diff writes them. */
const swapSides = (lines: ReadonlyArray<HunkLine>): Array<HunkLine> => {
  const out: Array<HunkLine> = []
  let k = 0
  while (k < lines.length) {
    if (lines[k].op === " ") {
      out.push({ ...lines[k] })
      k++
      continue
    }
    const run: Array<HunkLine> = []
    while (k < lines.length && lines[k].op !== " ") run.push(lines[k++])
    for (const l of run) if (l.op === "+") out.push({ ...l, op: "-" })
    for (const l of run) if (l.op === "-") out.push({ ...l, op: "+" })
  }
  return out
}

const contextRun = (lines: ReadonlyArray<HunkLine>, fromEnd: boolean): number => {
  let n = 0
  for (let k = 0; k < lines.length; k++) {
    if (lines[fromEnd ? lines.length - 1 - k : k].op !== " ") break
    n++
  }
  return n
}

/**
 * Where the hunk's old lines start in `input` (0-based), searching from its
 * expected place; undefined when it is not found at this fuzz.
 */
export const locate = (
  input: ReadonlyArray<Line>,
  h: Hunk,
  fuzz: number,
  inOffset: number,
  frozen: number,
): number | undefined => {
  const pattern = oldLines(h)
  const pat = pattern.length
  const firstGuess = (h.oldCount === 0 ? h.oldStart : h.oldStart - 1) + inOffset
  if (pat === 0) return Math.min(Math.max(firstGuess, frozen), input.length)
  const prefix = contextRun(h.lines, false)
  const suffix = contextRun(h.lines, true)
  const context = Math.max(prefix, suffix)
  let prefixFuzz = fuzz + prefix - context
  let suffixFuzz = fuzz + suffix - context
  const matches = (start: number, pf: number, sf: number): boolean => {
    if (start < frozen || start + pat > input.length) return false
    for (let k = pf; k < pat - sf; k++) if (input[start + k].text !== pattern[k].text) return false
    return true
  }
  if (prefixFuzz < 0 && h.oldStart <= 1) {
    // Missing leading context: the hunk can only apply at the start of the file.
    if (suffixFuzz < 0 && (pat !== input.length || frozen > 0)) return undefined
    return matches(0, 0, Math.max(0, suffixFuzz)) ? 0 : undefined
  }
  prefixFuzz = Math.max(0, prefixFuzz)
  if (suffixFuzz < 0) {
    // Missing trailing context: only at the end of the file.
    const start = input.length - pat
    return matches(start, prefixFuzz, 0) ? start : undefined
  }
  suffixFuzz = Math.max(0, suffixFuzz)
  const maxPos = input.length - (pat - suffixFuzz) - firstGuess
  const maxNeg = firstGuess - frozen
  const maxOffset = Math.max(maxPos, maxNeg)
  for (let offset = 0; offset <= maxOffset; offset++) {
    if (offset <= maxPos && matches(firstGuess + offset, prefixFuzz, suffixFuzz)) return firstGuess + offset
    if (offset > 0 && offset <= maxNeg && matches(firstGuess - offset, prefixFuzz, suffixFuzz))
      return firstGuess - offset
  }
  return undefined
}

/** Apply `hunks` to `input` with up to `maxFuzz` fuzz. */
export const applyHunks = (input: ReadonlyArray<Line>, hunks: ReadonlyArray<Hunk>, maxFuzz: number): Applied => {
  const out: Array<Line> = []
  const outcomes: Array<Outcome> = []
  let frozen = 0
  let inOffset = 0
  for (const h of hunks) {
    let where: number | undefined
    let fuzz = 0
    // Fuzz never reaches past the hunk's context into its changed lines.
    const limit = Math.min(maxFuzz, Math.max(contextRun(h.lines, false), contextRun(h.lines, true)))
    for (; fuzz <= limit; fuzz++) {
      where = locate(input, h, fuzz, inOffset, frozen)
      if (where !== undefined) break
    }
    if (where === undefined) {
      outcomes.push({ _tag: "Failed", at: h.oldStart + inOffset })
      continue
    }
    const expected = (h.oldCount === 0 ? h.oldStart : h.oldStart - 1) + inOffset
    inOffset += where - expected
    while (frozen < where) out.push(input[frozen++])
    const at = out.length + 1
    for (const l of h.lines) {
      if (l.op === " ") out.push(input[frozen++])
      else if (l.op === "-") frozen++
      else out.push({ text: l.text, eol: l.eol })
    }
    outcomes.push({ _tag: "Applied", at: h.oldCount === 0 ? at - 1 : at, fuzz, offset: inOffset })
  }
  while (frozen < input.length) out.push(input[frozen++])
  // A line that gained a successor needs its newline back.
  for (let k = 0; k < out.length - 1; k++) if (!out[k].eol) out[k] = { text: out[k].text, eol: true }
  return { lines: out, outcomes }
}

/** Whether every hunk would apply reversed at fuzz 0 (a patch already applied). */
export const appliesReversed = (input: ReadonlyArray<Line>, hunks: ReadonlyArray<Hunk>): boolean =>
  hunks.length > 0 && locate(input, reverseHunk(hunks[0]), 0, 0, 0) !== undefined
