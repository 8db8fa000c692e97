import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachLine } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"

interface Range {
  lo: number
  hi: number
}

/** Parse a LIST (`1,3-5,7-`) as GNU's set_fields does: sorted, overlaps merged; or an error message. */
const parseList = (list: string, positions: boolean): Array<Range> | { readonly error: string } => {
  const from1 = positions ? "byte/character positions are numbered from 1" : "fields are numbered from 1"
  const ranges: Array<Range> = []
  let i = 0
  let value = 0
  let initial = 0
  let lhs = false
  let rhs = false
  let dash = false
  let numStart = -1
  for (;;) {
    const c = list[i]
    if (c === "-") {
      if (dash) return { error: positions ? "invalid byte or character range" : "invalid field range" }
      dash = true
      if (lhs && value === 0) return { error: from1 }
      initial = lhs ? value : 1
      value = 0
      numStart = -1
      i++
    } else if (c === undefined || c === "," || c === " " || c === "\t") {
      if (dash) {
        dash = false
        if (!lhs && !rhs) return { error: "invalid range with no endpoint: -" }
        if (!rhs) ranges.push({ lo: initial, hi: Infinity })
        else {
          if (value < initial) return { error: "invalid decreasing range" }
          ranges.push({ lo: initial, hi: value })
        }
      } else {
        if (value === 0) return { error: from1 }
        ranges.push({ lo: value, hi: value })
      }
      value = 0
      numStart = -1
      if (c === undefined) break
      i++
      lhs = rhs = false
    } else if (c >= "0" && c <= "9") {
      if (numStart === -1) numStart = i
      if (dash) rhs = true
      else lhs = true
      value = value * 10 + Number(c)
      if (value >= 2 ** 53) {
        const bad = /^\d+/.exec(list.slice(numStart))?.[0] ?? ""
        return {
          error: positions ? `byte/character offset '${bad}' is too large` : `field number '${bad}' is too large`,
        }
      }
      i++
    } else {
      return {
        error: positions
          ? `invalid byte/character position '${list.slice(i)}'`
          : `invalid field value '${list.slice(i)}'`,
      }
    }
  }
  ranges.sort((a, b) => a.lo - b.lo || a.hi - b.hi)
  const merged: Array<Range> = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last !== undefined && r.lo <= last.hi) last.hi = Math.max(last.hi, r.hi)
    else merged.push({ ...r })
  }
  return merged
}

/** The ranges not covered by `ranges` (which are sorted and disjoint). */
const complement = (ranges: ReadonlyArray<Range>): Array<Range> => {
  const out: Array<Range> = []
  let next = 1
  for (const r of ranges) {
    if (r.lo > next) out.push({ lo: next, hi: r.lo - 1 })
    next = r.hi + 1
  }
  if (next !== Infinity) out.push({ lo: next, hi: Infinity })
  return out
}

/** `cut`: remove sections from each line of files. */
export const cut = make("cut", {
  summary: "Print selected parts of lines from each FILE to standard output.",
  flags: {
    bytes: Flag.string("b", "bytes", "select only these bytes", { arg: "LIST" }),
    characters: Flag.string("c", "characters", "select only these characters", { arg: "LIST" }),
    delimiter: Flag.string("d", "delimiter", "use DELIM instead of TAB for field delimiter", { arg: "DELIM" }),
    fields: Flag.string(
      "f",
      "fields",
      "select only these fields; also print any line that contains no delimiter character, unless the -s option is specified",
      { arg: "LIST" },
    ),
    n: Flag.boolean("n", null, "(ignored)"),
    complement: Flag.boolean(null, "complement", "complement the set of selected bytes, characters or fields"),
    onlyDelimited: Flag.boolean("s", "only-delimited", "do not print lines not containing delimiters"),
    outputDelimiter: Flag.string(
      null,
      "output-delimiter",
      "use STRING as the output delimiter; the default is to use the input delimiter",
    ),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[FILE]..." },
  details: "Each LIST is made up of one range, or many ranges separated by commas: N, N-, N-M, -M.",
  run: ({ flags, operands, occurrences, ctx, name, usage }) =>
    Effect.gen(function* () {
      const lists = occurrences.filter((o) => o.key === "bytes" || o.key === "characters" || o.key === "fields")
      if (lists.length === 0) return yield* usage("you must specify a list of bytes, characters, or fields")
      if (lists.length > 1) return yield* usage("only one list may be specified")
      const mode = lists[0].key
      const byFields = mode === "fields"
      if (!byFields && flags.delimiter !== undefined) {
        return yield* usage("an input delimiter may be specified only when operating on fields")
      }
      if (!byFields && flags.onlyDelimited) {
        return yield* usage("suppressing non-delimited lines makes sense\n\tonly when operating on fields")
      }
      const delimiterBytes = new TextEncoder().encode(flags.delimiter ?? "\t")
      if (flags.delimiter !== undefined && delimiterBytes.length > 1)
        return yield* usage("the delimiter must be a single character")
      const delimiter = flags.delimiter === "" ? 0 : delimiterBytes[0]
      const parsed = parseList(lists[0].value ?? "", !byFields)
      if ("error" in parsed) return yield* usage(parsed.error)
      const ranges = flags.complement ? complement(parsed) : parsed
      const outputDelimiter =
        flags.outputDelimiter === undefined
          ? byFields
            ? Uint8Array.of(delimiter)
            : undefined
          : new TextEncoder().encode(flags.outputDelimiter)
      const eol = flags.zeroTerminated ? 0 : 10

      // Per position (1-based): selected, and whether it starts a range.
      const selected = (k: number) => ranges.some((r) => k >= r.lo && k <= r.hi)
      const startsRange = (k: number) => ranges.some((r) => r.lo === k)
      const lastNeeded = ranges.length === 0 ? 0 : ranges[ranges.length - 1].hi

      const sink = makeSink(ctx.stdout)
      const onLine = (bytes: Uint8Array, start: number, end: number) => {
        if (!byFields) {
          let printed = false
          const stop = Math.min(end, start + lastNeeded)
          for (let i = start; i < stop; i++) {
            const k = i - start + 1
            if (!selected(k)) continue
            if (outputDelimiter !== undefined && printed && startsRange(k)) sink.push(outputDelimiter)
            printed = true
            sink.byte(bytes[i])
          }
          sink.byte(eol)
          return
        }
        if (bytes.subarray(start, end).indexOf(delimiter) === -1) {
          if (!flags.onlyDelimited) {
            sink.pushRange(bytes, start, end)
            sink.byte(eol)
          }
          return
        }
        let field = 1
        let fieldStart = start
        let printed = false
        for (let i = start; i <= end; i++) {
          if (i < end && bytes[i] !== delimiter) continue
          if (selected(field)) {
            if (printed && outputDelimiter !== undefined) sink.push(outputDelimiter)
            sink.pushRange(bytes, fieldStart, i)
            printed = true
          }
          field++
          fieldStart = i + 1
          if (field > lastNeeded) break
        }
        sink.byte(eol)
      }
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) => Effect.asVoid(eachLine(input, onLine, sink.flushIfFull, eol)),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      yield* sink.flush
      return status
    }),
})
