import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, errorText } from "../ExitStatus.ts"
import { latin1 } from "./shared/Lines.ts"
import { readOperand, splitLines } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

const TAB = 8

/** Split as util-linux does: runs of whitespace in greedy (default) mode, every separator otherwise. */
const cells = (line: string, separators: string, greedy: boolean, limit: number): Array<string> => {
  const isSep = (c: string) => separators.includes(c)
  const out: Array<string> = []
  let i = 0
  if (greedy) while (i < line.length && isSep(line[i])) i++
  while (i <= line.length) {
    if (limit > 0 && out.length + 1 === limit) {
      if (i < line.length) out.push(line.slice(i))
      break
    }
    let j = i
    while (j < line.length && !isSep(line[j])) j++
    if (greedy && j === i) break
    out.push(line.slice(i, j))
    if (j >= line.length) break
    i = j + 1
    if (greedy) {
      while (i < line.length && isSep(line[i])) i++
      if (i >= line.length) break
    }
  }
  return out
}

/** `column` (util-linux 2.38): columnate lists, or format a table with `-t`. */
export const column = make("column", {
  summary: "Columnate lists.",
  flags: {
    table: Flag.boolean("t", "table", "create a table"),
    separator: Flag.string("s", "separator", "possible table delimiters", { arg: "STRING" }),
    outputSeparator: Flag.string(
      "o",
      "output-separator",
      "columns separator for table output (default is two spaces)",
      {
        arg: "STRING",
      },
    ),
    outputWidth: Flag.string("c", ["output-width", "columns"], "width of output in number of characters", {
      arg: "WIDTH",
    }),
    fillrows: Flag.boolean("x", "fillrows", "fill rows before columns"),
    keepEmptyLines: Flag.boolean("L", ["keep-empty-lines", "table-empty-lines"], "don't ignore empty lines"),
    tableColumns: Flag.string("N", "table-columns", "comma separated columns names", { arg: "NAMES" }),
    tableRight: Flag.string("R", "table-right", "right align text in these columns", { arg: "COLUMNS" }),
    tableNoheadings: Flag.boolean("d", "table-noheadings", "don't print header"),
    tableColumnsLimit: Flag.string("l", "table-columns-limit", "maximal number of input columns", { arg: "NUMBER" }),
  },
  operands: { usage: "[FILE]..." },
  run: ({ flags, operands, ctx, warn }) =>
    Effect.gen(function* () {
      let width = 80
      const envColumns = ctx.env.get("COLUMNS")
      if (envColumns !== undefined && /^\d+$/.test(envColumns) && Number(envColumns) > 0) width = Number(envColumns)
      if (flags.outputWidth !== undefined) {
        if (!/^\d+$/.test(flags.outputWidth) || Number(flags.outputWidth) > 0xffffffff) {
          yield* warn(`invalid columns argument: '${flags.outputWidth}'`)
          return 1
        }
        width = Number(flags.outputWidth)
      }
      let limit = 0
      if (flags.tableColumnsLimit !== undefined) {
        if (!/^\d+$/.test(flags.tableColumnsLimit)) {
          yield* warn(`invalid columns limit argument: '${flags.tableColumnsLimit}'`)
          return 1
        }
        limit = Number(flags.tableColumnsLimit)
        if (limit === 0) {
          yield* warn("columns limit must be greater than zero")
          return 1
        }
      }
      if (flags.table && flags.fillrows) {
        yield* warn("mutually exclusive arguments: --table --fillrows")
        return 1
      }
      const table = flags.table
      if (!table && (flags.tableRight !== undefined || flags.tableColumns !== undefined)) {
        yield* warn("option --table required for all --table-*")
        return 1
      }
      const greedy = flags.separator === undefined
      const separators = flags.separator ?? "\t "
      const outSep = flags.outputSeparator ?? "  "
      let status = 0
      const rows: Array<Array<string>> = []
      const entries: Array<string> = []
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const read = yield* Effect.result(readOperand(ctx, operand))
        if (read._tag === "Failure") {
          yield* warn(`${quoteIfNeeded(operand)}: ${errorText(read.failure)}`)
          status = 1
          continue
        }
        for (const bytes of splitLines(read.success)) {
          const line = latin1(bytes)
          if (/^\s*$/.test(line)) {
            if (flags.keepEmptyLines) table ? rows.push([]) : entries.push("")
            continue
          }
          if (table) rows.push(cells(line, separators, greedy, limit))
          else entries.push(line)
        }
      }
      const sink = makeSink(ctx.stdout)
      if (table) {
        const names = flags.tableColumns?.split(",") ?? []
        let ncols = names.length
        for (const r of rows) ncols = Math.max(ncols, r.length)
        const header = names.length > 0 && !flags.tableNoheadings ? [names] : []
        const all = [...header, ...rows]
        if (rows.length === 0) return status
        const right = new Set<number>()
        for (const spec of flags.tableRight?.split(",") ?? []) {
          const byName = names.indexOf(spec)
          if (byName >= 0) right.add(byName)
          else if (/^\d+$/.test(spec) && Number(spec) >= 1) right.add(Number(spec) - 1)
          else {
            yield* warn(`undefined column name '${spec}'`)
            return 1
          }
        }
        const widths = Array.from({ length: ncols }, () => 0)
        for (const r of all) r.forEach((cell, c) => (widths[c] = Math.max(widths[c], cell.length)))
        for (const row of all) {
          let out = ""
          for (let c = 0; c < ncols; c++) {
            const cell = row[c] ?? ""
            const last = c === ncols - 1
            if (c > 0) out += outSep
            if (last && cell === "") continue
            if (right.has(c)) out += cell.padStart(widths[c])
            else out += last ? cell : cell.padEnd(widths[c])
          }
          sink.latin1(out + "\n")
        }
        yield* sink.flush
        // util-linux takes the table printer's status, dropping earlier file errors.
        return 0
      }
      if (entries.length === 0) return status
      let longest = 0
      for (const e of entries) longest = Math.max(longest, e.length)
      if (longest >= width) {
        for (const e of entries) sink.latin1(e + "\n")
      } else {
        const cell = (longest + TAB) & ~(TAB - 1)
        const numcols = Math.max(1, Math.floor(width / cell))
        const pad = (chars: number, endcol: number) => {
          let s = ""
          let n = chars
          for (let next = (n + TAB) & ~(TAB - 1); next <= endcol; next = (n + TAB) & ~(TAB - 1)) {
            s += "\t"
            n = next
          }
          return s
        }
        if (flags.fillrows) {
          let chars = 0
          let col = 0
          let endcol = cell
          let line = ""
          entries.forEach((e, k) => {
            line += e
            chars += e.length
            if (k === entries.length - 1) return
            if (++col === Math.floor(width / cell)) {
              sink.latin1(line + "\n")
              line = ""
              chars = col = 0
              endcol = cell
            } else {
              line += pad(chars, endcol)
              chars = endcol
              endcol += cell
            }
          })
          if (line !== "" || chars) sink.latin1(line + "\n")
        } else {
          const numrows = Math.ceil(entries.length / numcols)
          for (let row = 0; row < numrows; row++) {
            let line = ""
            let chars = 0
            let endcol = cell
            for (let base = row, col = 0; col < numcols; col++) {
              line += entries[base]
              chars += entries[base].length
              if ((base += numrows) >= entries.length) break
              line += pad(chars, endcol)
              chars = endcol
              endcol += cell
            }
            sink.latin1(line + "\n")
          }
        }
      }
      yield* sink.flush
      return status
    }),
})
