import { Data, Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { compareBytes, compareBytesIgnoreCase } from "./shared/Compare.ts"
import { latin1 } from "./shared/Lines.ts"
import { catchReadError, lineReader, openAll, type LineReader } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

/** A line split into fields: `[start, end)` offsets into `bytes`. */
interface Line {
  readonly bytes: Uint8Array
  readonly fields: ReadonlyArray<readonly [number, number]>
}

/** A line with no fields, standing in for the missing side of an unpaired line. */
const BLANK: Line = { bytes: new Uint8Array(0), fields: [] }

/** An output field: file 0 is the join field of whichever side is present. */
interface OutField {
  readonly file: 0 | 1 | 2
  readonly field: number
}

/** `--check-order` found disorder: GNU exits at once with status 1. */
class Fatal extends Data.TaggedError("Fatal")<{}> {}

const isBlank = (b: number) => b === 32 || b === 9 || b === 10

/** Split as GNU's xfields: on every `tab` byte, or on runs of blanks with leading blanks ignored. */
const split = (bytes: Uint8Array, tab: number | undefined): Line => {
  const fields: Array<readonly [number, number]> = []
  const lim = bytes.length
  if (lim === 0) return { bytes, fields }
  let p = 0
  if (tab === 10) fields.push([0, lim])
  else if (tab !== undefined) {
    for (let s = bytes.indexOf(tab, p); s !== -1 && s < lim; s = bytes.indexOf(tab, p)) {
      fields.push([p, s])
      p = s + 1
    }
    fields.push([p, lim])
  } else {
    while (p < lim && isBlank(bytes[p])) p++
    while (p < lim) {
      let s = p + 1
      while (s < lim && !isBlank(bytes[s])) s++
      fields.push([p, s])
      if (s === lim) break
      p = s
      while (p < lim && isBlank(bytes[p])) p++
      // Trailing blanks end the line with an empty field, as in GNU.
      if (p === lim) fields.push([lim, lim])
    }
  }
  return { bytes, fields }
}

const parseFieldNumber = (text: string): number | string => {
  if (!/^\s*\+?\d+$/.test(text) || Number(text) === 0) return `invalid field number: ${quote(text)}`
  return Math.min(Number(text), Number.MAX_SAFE_INTEGER) - 1
}

const parseOutList = (text: string): ReadonlyArray<OutField> | string => {
  const out: Array<OutField> = []
  for (const spec of text.split(/[, \t]/)) {
    if (spec === "0") out.push({ file: 0, field: 0 })
    else if ((spec[0] === "1" || spec[0] === "2") && spec[1] === ".") {
      const n = parseFieldNumber(spec.slice(2))
      if (typeof n === "string") return n
      out.push({ file: spec[0] === "1" ? 1 : 2, field: n })
    } else if (spec[0] === "1" || spec[0] === "2" || spec[0] === "0") return `invalid field specifier: ${quote(spec)}`
    else return `invalid file number in field spec: ${quote(spec)}`
  }
  return out
}

/** `join`: join lines of two sorted files on a common field, streaming both. */
export const join = make("join", {
  summary: "For each pair of input lines with identical join fields, write a line to standard output.",
  flags: {
    unpaired: Flag.list("a", null, "also print unpairable lines from file FILENUM, where FILENUM is 1 or 2", {
      arg: "FILENUM",
    }),
    empty: Flag.list("e", null, "replace missing (empty) input fields with EMPTY", { arg: "EMPTY" }),
    ignoreCase: Flag.boolean("i", "ignore-case", "ignore differences in case when comparing fields"),
    join: Flag.list("j", null, "equivalent to '-1 FIELD -2 FIELD'", { arg: "FIELD" }),
    format: Flag.list("o", null, "obey FORMAT while constructing output line", { arg: "FORMAT" }),
    separator: Flag.list("t", null, "use CHAR as input and output field separator", { arg: "CHAR" }),
    only: Flag.list("v", null, "like -a FILENUM, but suppress joined output lines", { arg: "FILENUM" }),
    field1: Flag.list("1", null, "join on this FIELD of file 1", { arg: "FIELD" }),
    field2: Flag.list("2", null, "join on this FIELD of file 2", { arg: "FIELD" }),
    checkOrder: Flag.boolean(
      null,
      "check-order",
      "check that the input is correctly sorted, even if all input lines are pairable",
    ),
    nocheckOrder: Flag.boolean(null, "nocheck-order", "do not check that the input is correctly sorted"),
    header: Flag.boolean(
      null,
      "header",
      "treat the first line in each file as field headers, print them without trying to pair them",
    ),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "FILE1 FILE2" },
  details:
    "Unless -t CHAR is given, leading blanks separate fields and are ignored,\nelse fields are separated by CHAR.  Any FIELD is a field number counted\nfrom 1.  FORMAT is one or more comma or blank separated specifications,\neach being 'FILENUM.FIELD' or '0'.  Default FORMAT outputs the join field,\nthe remaining fields from FILE1, the remaining fields from FILE2, all\nseparated by CHAR.  If FORMAT is the keyword 'auto', then the first\nline of each file determines the number of fields output for each line.",
  run: ({ flags, operands, occurrences, ctx, name, usage, warn }) =>
    Effect.gen(function* () {
      // Options are applied in command-line order, as GNU's getopt loop does.
      let printPairs = true
      const printUnpaired = [false, false]
      let filler: string | undefined
      let tab: number | undefined
      let autoformat = false
      const outList: Array<OutField> = []
      const joinField: Array<number | undefined> = [undefined, undefined]
      const setField = (i: number, v: number): string | undefined => {
        const old = joinField[i]
        if (old !== undefined && old !== v) return `incompatible join fields ${old + 1}, ${v + 1}`
        joinField[i] = v
        return undefined
      }
      let check: "default" | "on" | "off" = "default"
      for (const o of occurrences) {
        const v = o.value ?? ""
        let problem: string | undefined
        if (o.key === "only" || o.key === "unpaired") {
          if (o.key === "only") printPairs = false
          if (v.trim() !== "1" && v.trim() !== "2") problem = `invalid field number: ${quote(v)}`
          else printUnpaired[Number(v.trim()) - 1] = true
        } else if (o.key === "empty") {
          if (filler !== undefined && filler !== v) problem = "conflicting empty-field replacement strings"
          filler = v
        } else if (o.key === "field1" || o.key === "field2" || o.key === "join") {
          const n = parseFieldNumber(v)
          if (typeof n === "string") problem = n
          else if (o.key === "field1") problem = setField(0, n)
          else if (o.key === "field2") problem = setField(1, n)
          else problem = setField(0, n) ?? setField(1, n)
        } else if (o.key === "format") {
          if (v === "auto") autoformat = true
          else {
            const list = parseOutList(v)
            if (typeof list === "string") problem = list
            else outList.push(...list)
          }
        } else if (o.key === "separator") {
          const bytes = new TextEncoder().encode(v)
          let t = bytes.length === 0 ? 10 : bytes[0]
          if (bytes.length > 1) {
            if (v === "\\0") t = 0
            else problem = `multi-character tab ${quote(v)}`
          }
          if (problem === undefined && tab !== undefined && tab !== t) problem = "incompatible tabs"
          tab = t
        } else if (o.key === "checkOrder") check = "on"
        else if (o.key === "nocheckOrder") check = "off"
        if (problem !== undefined) {
          yield* warn(problem)
          return 1
        }
      }
      if (operands.length < 2) {
        return yield* usage(operands.length === 0 ? "missing operand" : `missing operand after ${quote(operands[0])}`)
      }
      if (operands.length > 2) return yield* usage(`extra operand ${quote(operands[2])}`)
      if (operands[0] === "-" && operands[1] === "-") {
        yield* warn("both files cannot be standard input")
        return 1
      }
      const jf = [joinField[0] ?? 0, joinField[1] ?? 0]
      const eol = flags.zeroTerminated ? 0 : 10
      const outSep = tab === undefined ? 32 : tab
      const fill = filler === undefined ? undefined : new TextEncoder().encode(filler)
      const cmpBytes = flags.ignoreCase ? compareBytesIgnoreCase : compareBytes
      const sink = makeSink(ctx.stdout)

      const key = (line: Line, f: number) => (f < line.fields.length ? line.fields[f] : undefined)
      const keycmp = (a: Line, b: Line, fa: number, fb: number): number => {
        const ka = key(a, fa)
        const kb = key(b, fb)
        const la = ka === undefined ? 0 : ka[1] - ka[0]
        const lb = kb === undefined ? 0 : kb[1] - kb[0]
        if (la === 0) return lb === 0 ? 0 : -1
        if (lb === 0 || ka === undefined || kb === undefined) return 1
        return cmpBytes(a.bytes.subarray(ka[0], ka[1]), b.bytes.subarray(kb[0], kb[1]))
      }

      let autocount = [0, 0]
      const field = (n: number, line: Line) => {
        if (n < line.fields.length) {
          const [s, e] = line.fields[n]
          if (e > s) sink.pushRange(line.bytes, s, e)
          else if (fill) sink.push(fill)
        } else if (fill) sink.push(fill)
      }
      const rest = (line: Line, j: number, count: number) => {
        const n = autoformat ? count : line.fields.length
        for (let i = 0; i < n; i++) {
          if (i === j) continue
          sink.byte(outSep)
          field(i, line)
        }
      }
      const prjoin = (l1: Line, l2: Line) => {
        if (outList.length > 0) {
          outList.forEach((o, k) => {
            if (k > 0) sink.byte(outSep)
            if (o.file === 0) field(l1 === BLANK ? jf[1] : jf[0], l1 === BLANK ? l2 : l1)
            else field(o.field, o.file === 1 ? l1 : l2)
          })
        } else {
          field(l1 === BLANK ? jf[1] : jf[0], l1 === BLANK ? l2 : l1)
          rest(l1, jf[0], autocount[0])
          rest(l2, jf[1], autocount[1])
        }
        sink.byte(eol)
      }

      return yield* catchReadError(
        ctx,
        name,
        Effect.scoped(
          Effect.gen(function* () {
            const inputs = yield* openAll(ctx, name, operands)
            if (inputs === null) return 1
            const readers: ReadonlyArray<LineReader> = inputs.map((i) => lineReader(i, eol))
            const lineNo = [0, 0]
            const prev: Array<Line | undefined> = [undefined, undefined]
            const warned = [false, false]
            let seenUnpairable = false

            const disorder = (w: number, raw: Uint8Array) =>
              Effect.gen(function* () {
                yield* sink.flush
                yield* warn(`${operands[w]}:${lineNo[w]}: is not sorted: ${latin1(raw)}`)
                if (check === "on") return yield* Effect.fail(new Fatal())
                warned[w] = true
              })
            // Plain combinators rather than generators: this runs once per input line.
            const getLine = (w: number) =>
              Effect.flatMap(readers[w].next, (raw) => {
                if (raw === null) return Effect.succeed(null)
                lineNo[w]++
                const line = split(raw.bytes, tab)
                const p = prev[w]
                prev[w] = line
                const unsorted =
                  p !== undefined &&
                  check !== "off" &&
                  (check === "on" || seenUnpairable) &&
                  !warned[w] &&
                  keycmp(p, line, jf[w], jf[w]) > 0
                return unsorted ? Effect.as(disorder(w, raw.bytes), line) : Effect.succeed(line)
              })

            const seq: [Array<Line>, Array<Line>] = [[], []]
            const advance = (w: number, first: boolean) =>
              Effect.suspend(() => {
                if (first) seq[w].length = 0
                return Effect.map(getLine(w), (line) => {
                  if (line === null) return false
                  seq[w].push(line)
                  return true
                })
              })

            yield* advance(0, true)
            yield* advance(1, true)
            if (autoformat) autocount = [seq[0][0]?.fields.length ?? 0, seq[1][0]?.fields.length ?? 0]
            if (flags.header && (seq[0].length > 0 || seq[1].length > 0)) {
              prjoin(seq[0][0] ?? BLANK, seq[1][0] ?? BLANK)
              prev[0] = prev[1] = undefined
              if (seq[0].length > 0) yield* advance(0, true)
              if (seq[1].length > 0) yield* advance(1, true)
            }
            while (seq[0].length > 0 && seq[1].length > 0) {
              const diff = keycmp(seq[0][0], seq[1][0], jf[0], jf[1])
              if (diff !== 0) {
                const w = diff < 0 ? 0 : 1
                if (printUnpaired[w]) prjoin(w === 0 ? seq[0][0] : BLANK, w === 0 ? BLANK : seq[1][0])
                yield* advance(w, true)
                seenUnpairable = true
                yield* sink.flushIfFull
                continue
              }
              // Gather the runs of lines sharing this key in each file.
              let eof1 = false
              do {
                if (!(yield* advance(0, false))) {
                  eof1 = true
                  break
                }
              } while (keycmp(seq[0][seq[0].length - 1], seq[1][0], jf[0], jf[1]) === 0)
              let eof2 = false
              do {
                if (!(yield* advance(1, false))) {
                  eof2 = true
                  break
                }
              } while (keycmp(seq[0][0], seq[1][seq[1].length - 1], jf[0], jf[1]) === 0)
              const n1 = eof1 ? seq[0].length : seq[0].length - 1
              const n2 = eof2 ? seq[1].length : seq[1].length - 1
              if (printPairs) for (let i = 0; i < n1; i++) for (let j = 0; j < n2; j++) prjoin(seq[0][i], seq[1][j])
              seq[0] = eof1 ? [] : [seq[0][seq[0].length - 1]]
              seq[1] = eof2 ? [] : [seq[1][seq[1].length - 1]]
              yield* sink.flushIfFull
            }
            // Read the tails: to print unpaired lines, and to check their order.
            const checkTail = check !== "off" && !(warned[0] && warned[1])
            for (const w of [0, 1]) {
              if (!((printUnpaired[w] || checkTail) && seq[w].length > 0)) continue
              const show = (l: Line) => (w === 0 ? prjoin(l, BLANK) : prjoin(BLANK, l))
              if (printUnpaired[w]) show(seq[w][0])
              if (seq[1 - w].length > 0) seenUnpairable = true
              for (;;) {
                const line = yield* getLine(w)
                if (line === null) break
                if (printUnpaired[w]) show(line)
                if (warned[w] && !printUnpaired[w]) break
                yield* sink.flushIfFull
              }
            }
            yield* sink.flush
            if (warned[0] || warned[1]) {
              yield* warn("input is not in sorted order")
              return 1
            }
            return 0
          }),
        ).pipe(Effect.catchTag("Fatal", () => Effect.succeed(1))),
      )
    }),
})
