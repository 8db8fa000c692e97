import type { Sink } from "../shared/Sink.ts"
import type { Change } from "./analyze.ts"
import type { Text } from "./format.ts"

/**
 * Side-by-side output (`-y`), laid out as diffutils' side.c does: two
 * columns of `half` characters, tabs to reach the right column, and a gutter
 * mark (` `, `|`, `<`, `>`, and `/` or `\` when only one side ends in a
 * newline).
 */

/** How wide the columns are and what to leave out. */
export interface SideOptions {
  readonly width: number
  readonly suppressCommon: boolean
  readonly leftColumn: boolean
}

const TAB = 8

/** Emit tabs and spaces from column `from` to column `to`. */
const tabTo = (sink: Sink, from: number, to: number): number => {
  for (let tab = from + TAB - (from % TAB); tab <= to; tab += TAB) {
    sink.byte(9)
    from = tab
  }
  while (from++ < to) sink.byte(32)
  return to
}

/** Print at most `bound` columns of a line; gives the column reached. */
const half = (sink: Sink, line: string, indent: number, bound: number): number => {
  let inPos = 0
  let outPos = 0
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k)
    if (c === 9) {
      const spaces = TAB - (inPos % TAB)
      if (inPos === outPos) {
        const stop = outPos + spaces
        if (stop < bound) {
          outPos = stop
          sink.byte(9)
        }
      }
      inPos += spaces
    } else if (c === 13) {
      sink.byte(c)
      tabTo(sink, 0, indent)
      inPos = outPos = 0
    } else if (c === 8) {
      if (inPos !== 0 && --inPos < bound) {
        if (outPos <= inPos) for (; outPos < inPos; outPos++) sink.byte(32)
        else {
          outPos = inPos
          sink.byte(c)
        }
      }
    } else if (c === 12 || c === 11) sink.byte(c)
    else if (c < 32 || c >= 127) sink.byte(c)
    else if (inPos++ < bound) {
      outPos = inPos
      sink.byte(c)
    }
  }
  return outPos
}

/** Print the whole comparison side by side. */
export const printSideBySide = (sink: Sink, script: ReadonlyArray<Change>, a: Text, b: Text, o: SideOptions) => {
  const off = Math.floor((o.width + TAB + 3) / (2 * TAB)) * TAB
  const hw = Math.max(0, Math.min(off - 3, o.width - off))
  const c2o = hw ? off : o.width
  const ends = (t: Text, i: number) => !(t.incomplete && i === t.lines.length - 1)
  const line = (left: number | undefined, sep: string, right: number | undefined) => {
    let col = 0
    let newline = false
    if (left !== undefined) {
      newline ||= ends(a, left)
      col = half(sink, a.lines[left], 0, hw)
    }
    if (sep !== " ") {
      col = tabTo(sink, col, Math.floor((hw + c2o - 1) / 2)) + 1
      if (sep === "|" && right !== undefined && newline !== ends(b, right)) sep = newline ? "/" : "\\"
      sink.latin1(sep)
    }
    if (right !== undefined) {
      newline ||= ends(b, right)
      if (b.lines[right] !== "") {
        col = tabTo(sink, col, c2o)
        half(sink, b.lines[right], col, hw)
      }
    }
    if (newline) sink.byte(10)
  }
  const common = (i: number, j: number) => {
    if (o.suppressCommon) return
    if (o.leftColumn) line(i, "(", undefined)
    else line(i, " ", j)
  }
  let i = 0
  let j = 0
  for (const c of script) {
    for (; i < c.line0; i++, j++) common(i, j)
    let k = 0
    for (; k < c.deleted && k < c.inserted; k++) line(i++, "|", j++)
    for (; k < c.inserted; k++) line(undefined, ">", j++)
    for (; k < c.deleted; k++) line(i++, "<", undefined)
  }
  for (; i < a.lines.length; i++, j++) common(i, j)
}
