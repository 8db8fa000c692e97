import type { Sink } from "../shared/Sink.ts"
import type { Change } from "./analyze.ts"

/**
 * diff's output formats (normal, context, unified), hunk by hunk as
 * diffutils' normal.c and context.c print them, with `-B` deciding which
 * hunks are worth printing.
 */

/** A file's lines (latin1, without their newlines). */
export interface Text {
  readonly lines: ReadonlyArray<string>
  /** The last line has no newline. */
  readonly incomplete: boolean
}

/** Whether a line is blank for `-B`: empty, or only white space when white space is ignored. */
export type Trivial = (line: string) => boolean

const NO_NEWLINE = "\\ No newline at end of file\n"

/** Print one line with its prefix, and the no-newline note after an incomplete last line. */
export const printLine = (sink: Sink, prefix: string, text: Text, i: number): void => {
  sink.latin1(prefix)
  sink.latin1(text.lines[i])
  sink.byte(10)
  if (text.incomplete && i === text.lines.length - 1) sink.latin1(NO_NEWLINE)
}

/** The span a group of changes covers, and whether it deletes and inserts anything that counts. */
interface Hunk {
  readonly first0: number
  readonly last0: number
  readonly first1: number
  readonly last1: number
  readonly old: boolean
  readonly new: boolean
}

/** diffutils' `analyze_hunk`: undefined when every changed line is trivial. */
const analyze = (changes: ReadonlyArray<Change>, a: Text, b: Text, trivial: Trivial | undefined): Hunk | undefined => {
  let old = 0
  let inserted = 0
  let allTrivial = trivial !== undefined
  for (const c of changes) {
    old += c.deleted
    inserted += c.inserted
    if (!allTrivial || trivial === undefined) continue
    for (let i = c.line0; i < c.line0 + c.deleted && allTrivial; i++) if (!trivial(a.lines[i])) allTrivial = false
    for (let i = c.line1; i < c.line1 + c.inserted && allTrivial; i++) if (!trivial(b.lines[i])) allTrivial = false
  }
  if (allTrivial) return undefined
  const first = changes[0]
  const last = changes[changes.length - 1]
  return {
    first0: first.line0,
    last0: last.line0 + last.deleted - 1,
    first1: first.line1,
    last1: last.line1 + last.inserted - 1,
    old: old > 0,
    new: inserted > 0,
  }
}

/** Whether printing `script` shows anything (with `-B`, trivial changes alone show nothing). */
export const hasVisibleChanges = (script: ReadonlyArray<Change>, a: Text, b: Text, trivial: Trivial | undefined) =>
  trivial === undefined ? script.length > 0 : script.some((c) => analyze([c], a, b, trivial) !== undefined)

/** `a,b` for a range of 1-based lines; the line before for an empty one. */
const range = (first: number, last: number): string => {
  const a = first + 1
  const b = last + 1
  return b <= a ? String(b) : `${a},${b}`
}

/** The default format: `3c3`, `< old`, `---`, `> new`. */
export const printNormal = (sink: Sink, script: ReadonlyArray<Change>, a: Text, b: Text, trivial?: Trivial) => {
  for (const c of script) {
    const h = analyze([c], a, b, trivial)
    if (h === undefined) continue
    const letter = h.old && h.new ? "c" : h.old ? "d" : "a"
    sink.latin1(`${range(h.first0, h.last0)}${letter}${range(h.first1, h.last1)}\n`)
    if (h.old) for (let i = h.first0; i <= h.last0; i++) printLine(sink, "< ", a, i)
    if (h.old && h.new) sink.latin1("---\n")
    if (h.new) for (let i = h.first1; i <= h.last1; i++) printLine(sink, "> ", b, i)
  }
}

/** Group changes into hunks that share context (`find_hunk`). */
const hunks = (
  script: ReadonlyArray<Change>,
  context: number,
  a: Text,
  b: Text,
  trivial: Trivial | undefined,
): Array<Array<Change>> => {
  const groups: Array<Array<Change>> = []
  let i = 0
  while (i < script.length) {
    const group = [script[i]]
    while (i + 1 < script.length) {
      const prev = script[i]
      const next = script[i + 1]
      const ignorable = trivial !== undefined && analyze([next], a, b, trivial) === undefined
      const threshold = ignorable ? context : 2 * context + 1
      if (next.line0 - (prev.line0 + prev.deleted) >= threshold) break
      group.push(next)
      i++
    }
    groups.push(group)
    i++
  }
  return groups
}

/** `--- a` / `+++ b` or `*** a` / `--- b` header lines. */
export interface Headers {
  readonly from: string
  readonly to: string
}

/** Unified format (`-u`): `@@ -l,s +l,s @@` hunks. */
export const printUnified = (
  sink: Sink,
  script: ReadonlyArray<Change>,
  a: Text,
  b: Text,
  context: number,
  headers: Headers,
  trivial?: Trivial,
) => {
  let headed = false
  for (const group of hunks(script, context, a, b, trivial)) {
    const h = analyze(group, a, b, trivial)
    if (h === undefined) continue
    if (!headed) {
      sink.latin1(`--- ${headers.from}\n+++ ${headers.to}\n`)
      headed = true
    }
    const first0 = Math.max(0, h.first0 - context)
    const first1 = Math.max(0, h.first1 - context)
    const last0 = Math.min(a.lines.length - 1, h.last0 + context)
    const last1 = Math.min(b.lines.length - 1, h.last1 + context)
    sink.latin1(`@@ -${unifiedRange(first0, last0)} +${unifiedRange(first1, last1)} @@\n`)
    let i = first0
    let j = first1
    for (const c of group) {
      for (; i < c.line0; i++, j++) printLine(sink, " ", a, i)
      for (let k = 0; k < c.deleted; k++, i++) printLine(sink, "-", a, i)
      for (let k = 0; k < c.inserted; k++, j++) printLine(sink, "+", b, j)
    }
    for (; i <= last0; i++) printLine(sink, " ", a, i)
  }
}

/** `l,count`, `l` for one line, `l,0` (the line before) for none. */
const unifiedRange = (first: number, last: number): string => {
  const a = first + 1
  const b = last + 1
  if (b < a) return `${b},0`
  if (b === a) return String(b)
  return `${a},${b - a + 1}`
}

/** Context format (`-c`): `***************` hunks with `!`, `-`, `+` marks. */
export const printContext = (
  sink: Sink,
  script: ReadonlyArray<Change>,
  a: Text,
  b: Text,
  context: number,
  headers: Headers,
  trivial?: Trivial,
) => {
  let headed = false
  for (const group of hunks(script, context, a, b, trivial)) {
    const h = analyze(group, a, b, trivial)
    if (h === undefined) continue
    if (!headed) {
      sink.latin1(`*** ${headers.from}\n--- ${headers.to}\n`)
      headed = true
    }
    const first0 = Math.max(0, h.first0 - context)
    const first1 = Math.max(0, h.first1 - context)
    const last0 = Math.min(a.lines.length - 1, h.last0 + context)
    const last1 = Math.min(b.lines.length - 1, h.last1 + context)
    sink.latin1(`***************\n*** ${range(first0, last0)} ****\n`)
    if (h.old) printSide(sink, group, a, first0, last0, 0)
    sink.latin1(`--- ${range(first1, last1)} ----\n`)
    if (h.new) printSide(sink, group, b, first1, last1, 1)
  }
}

/** One side of a context hunk: unchanged lines, and changed ones marked `!`, `-` or `+`. */
const printSide = (sink: Sink, group: ReadonlyArray<Change>, text: Text, first: number, last: number, side: 0 | 1) => {
  let i = first
  for (const c of group) {
    const start = side === 0 ? c.line0 : c.line1
    const count = side === 0 ? c.deleted : c.inserted
    for (; i < start; i++) printLine(sink, "  ", text, i)
    const mark = c.deleted > 0 && c.inserted > 0 ? "! " : side === 0 ? "- " : "+ "
    for (let k = 0; k < count; k++, i++) printLine(sink, mark, text, i)
  }
  for (; i <= last; i++) printLine(sink, "  ", text, i)
}
