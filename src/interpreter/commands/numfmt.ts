import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { latin1 } from "./shared/Lines.ts"
import { lineReader } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"
import {
  divInt,
  magnitude,
  mulInt,
  parseHuman,
  shortG,
  toHuman,
  type Dec,
  type Round,
  type Scale,
} from "./numfmt/Human.ts"

const SCALES_FROM: ReadonlyArray<Scale> = ["none", "auto", "si", "iec", "iec-i"]
const SCALES_TO: ReadonlyArray<Scale> = ["none", "si", "iec", "iec-i"]
const ROUNDS: ReadonlyArray<Round> = ["up", "down", "from-zero", "towards-zero", "nearest"]
const INVALID = ["abort", "fail", "warn", "ignore"] as const

/** `--format`: prefix, padding, precision and suffix around one `%f`. */
interface Format {
  prefix: string
  suffix: string
  padding: number | undefined
  zeroPad: number
  precision: number | undefined
}

const parseFormat = (fmt: string): Format | string => {
  const q = quote(fmt)
  let i = 0
  let prefix = ""
  for (; !(fmt[i] === "%" && fmt[i + 1] !== "%"); i += fmt[i] === "%" ? 2 : 1) {
    if (i >= fmt.length) return `format ${q} has no % directive`
    prefix += fmt[i]
  }
  i++
  let zero = false
  for (;;) {
    const skip = /^ */.exec(fmt.slice(i))?.[0].length ?? 0
    i += skip
    if (fmt[i] === "'") i++
    else if (fmt[i] === "0") {
      zero = true
      i++
    } else if (!skip) break
  }
  const w = /^[+-]?\d+/.exec(fmt.slice(i))?.[0]
  let padding: number | undefined
  let zeroPad = 0
  if (w !== undefined) {
    const n = Number(w)
    if (n < 0) padding = n
    else if (n > 0) zero ? (zeroPad = n) : (padding = n)
    i += w.length
  }
  if (i >= fmt.length) return `format ${q} ends in %`
  let precision: number | undefined
  if (fmt[i] === ".") {
    i++
    const p = /^\d*/.exec(fmt.slice(i))?.[0] ?? ""
    if (/^[ \t+-]/.test(fmt.slice(i))) return `invalid precision in format ${q}`
    precision = p === "" ? 0 : Number(p)
    i += p.length
  }
  if (fmt[i] !== "f") return `invalid format ${q}, directive must be %[0]['][-][N][.][N]f`
  i++
  const suffix = fmt.slice(i)
  for (let k = 0; k < suffix.length; k += suffix[k] === "%" ? 2 : 1) {
    if (suffix[k] === "%" && suffix[k + 1] !== "%") return `format ${q} has too many % directives`
  }
  return { prefix: prefix.replace(/%%/g, "%"), suffix: suffix.replace(/%%/g, "%"), padding, zeroPad, precision }
}

/** `--field`: `N`, `N-M`, `-M`, `N-`, comma separated. */
const parseFields = (list: string): ReadonlyArray<readonly [number, number]> | string => {
  const out: Array<readonly [number, number]> = []
  for (const part of list.split(/[, ]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part)
    if (m === null || (m[1] === "" && m[3] === "")) return `invalid field value ${quote(part)}`
    const lo = m[1] === "" ? 1 : Number(m[1])
    const hi = m[2] === "" ? lo : m[3] === "" ? Infinity : Number(m[3])
    if (lo === 0 || hi === 0) return "fields are numbered from 1"
    if (hi < lo) return "invalid decreasing range"
    out.push([lo, hi])
  }
  return out
}

/** `--from-unit`/`--to-unit`: a positive integer with an optional suffix. */
const parseUnit = (text: string): bigint | undefined => {
  const r = parseHuman(text, "auto")
  if (typeof r === "string" || "trailing" in r || r.value.scale !== 0 || r.value.n <= 0n) return undefined
  return r.value.n
}

/** `numfmt`: convert numbers to and from human-readable strings. */
export const numfmt = make("numfmt", {
  summary: "Reformat NUMBER(s), or the numbers from standard input if none are specified.",
  flags: {
    debug: Flag.boolean(null, "debug", "print warnings about invalid input"),
    delimiter: Flag.string("d", "delimiter", "use X instead of whitespace for field delimiter", { arg: "X" }),
    field: Flag.list(null, "field", "replace the numbers in these input fields (default=1)", { arg: "FIELDS" }),
    format: Flag.string(null, "format", "use printf style floating-point FORMAT", { arg: "FORMAT" }),
    from: Flag.string(null, "from", "auto-scale input numbers to UNITs; default is 'none'", { arg: "UNIT" }),
    fromUnit: Flag.string(null, "from-unit", "specify the input unit size (instead of the default 1)", { arg: "N" }),
    grouping: Flag.boolean(null, "grouping", "use locale-defined grouping of digits"),
    header: Flag.string(null, "header", "print (without converting) the first N header lines; N defaults to 1", {
      arg: "N",
      optional: true,
    }),
    invalid: Flag.string(null, "invalid", "failure mode for invalid numbers: abort, fail, warn, ignore", {
      arg: "MODE",
    }),
    padding: Flag.string(null, "padding", "pad the output to N characters; positive N will right-align", { arg: "N" }),
    round: Flag.string(
      null,
      "round",
      "use METHOD for rounding when scaling: up, down, from-zero, towards-zero, nearest",
      {
        arg: "METHOD",
      },
    ),
    suffix: Flag.string(null, "suffix", "add SUFFIX to output numbers, and accept optional SUFFIX in input numbers", {
      arg: "SUFFIX",
    }),
    to: Flag.string(null, "to", "auto-scale output numbers to UNITs", { arg: "UNIT" }),
    toUnit: Flag.string(null, "to-unit", "the output unit size (instead of the default 1)", { arg: "N" }),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[NUMBER]..." },
  permute: true,
  run: ({ flags, operands, occurrences, ctx, warn, usage }) =>
    Effect.gen(function* () {
      const fail = (m: string) => Effect.as(warn(m), 1)
      const pick = <T extends string>(
        option: string,
        value: string | undefined,
        list: ReadonlyArray<T>,
        fallback: T,
      ): { readonly ok: T } | { readonly error: string } => {
        if (value === undefined) return { ok: fallback }
        const exact = list.find((l) => l === value)
        const prefixed = list.filter((l) => l.startsWith(value))
        const found = exact ?? (prefixed.length === 1 ? prefixed[0] : undefined)
        if (found !== undefined) return { ok: found }
        const kind = value === "" || prefixed.length === 0 ? "invalid" : "ambiguous"
        const valid = list.map((l) => `  - '${l}'`).join("\n")
        return { error: `${kind} argument '${value}' for '--${option}'\nValid arguments are:\n${valid}` }
      }
      const from = pick("from", flags.from, SCALES_FROM, "none")
      const to = pick("to", flags.to, SCALES_TO, "none")
      const round = pick("round", flags.round, ROUNDS, "from-zero")
      const inval = pick("invalid", flags.invalid, INVALID, "abort")
      if ("error" in from) return yield* usage(from.error)
      if ("error" in to) return yield* usage(to.error)
      if ("error" in round) return yield* usage(round.error)
      if ("error" in inval) return yield* usage(inval.error)
      const scaleFrom = from.ok
      const scaleTo = to.ok
      const roundMethod = round.ok
      const invalid = inval.ok
      let padding = 0
      if (flags.padding !== undefined) {
        if (!/^\s*[+-]?\d+$/.test(flags.padding) || Number(flags.padding) === 0)
          return yield* fail(`invalid padding value ${quote(flags.padding)}`)
        padding = Number(flags.padding)
      }
      if (flags.field.length > 1) return yield* fail("multiple field specifications")
      const fields = flags.field.length === 0 ? [[1, 1] as const] : parseFields(flags.field[0])
      if (typeof fields === "string") return yield* fail(fields)
      if (flags.delimiter !== undefined && [...flags.delimiter].length > 1)
        return yield* fail("the delimiter must be a single character")
      let header = 0
      if (occurrences.some((o) => o.key === "header")) {
        if (flags.header === undefined) header = 1
        else if (/^\d+$/.test(flags.header) && Number(flags.header) > 0) header = Number(flags.header)
        else return yield* fail(`invalid header value ${quote(flags.header)}`)
      }
      const units = [flags.fromUnit, flags.toUnit].map((u) => (u === undefined ? 1n : parseUnit(u)))
      for (const [k, u] of units.entries())
        if (u === undefined)
          return yield* fail(`invalid unit size: ${quote((k === 0 ? flags.fromUnit : flags.toUnit) ?? "")}`)
      const fromUnit = units[0] ?? 1n
      const toUnit = units[1] ?? 1n
      let format: Format = { prefix: "", suffix: "", padding: undefined, zeroPad: 0, precision: undefined }
      if (flags.format !== undefined) {
        if (flags.grouping) return yield* fail("--grouping cannot be combined with --format")
        const f = parseFormat(flags.format)
        if (typeof f === "string") return yield* fail(f)
        format = f
        if (f.padding !== undefined) padding = f.padding
      }
      if (flags.grouping && scaleTo !== "none") return yield* fail("grouping cannot be combined with --to")
      const delimiter = flags.delimiter === undefined ? undefined : flags.delimiter === "" ? "\0" : flags.delimiter
      const autoPadding = padding === 0 && delimiter === undefined
      const exitOnError = invalid === "abort"
      const quiet = invalid === "ignore"
      const suffix = flags.suffix
      const eol = flags.zeroTerminated ? 0 : 10
      const sink = makeSink(ctx.stdout)
      const errors: Array<string> = []
      let stop = false
      let allValid = true

      /** Convert one field; on failure give the original text and record the message. */
      const convert = (text: string, field: number): { out: string; ok: boolean } => {
        let t = text
        if (suffix !== undefined && t.length > suffix.length && t.endsWith(suffix)) t = t.slice(0, -suffix.length)
        const p = t.replace(/^[ \t]+/, "")
        let width = padding
        if (autoPadding) width = p.length < t.length || field > 1 ? t.length : 0
        const bad = (m: string) => {
          if (!quiet) errors.push(m)
          return { out: text, ok: false }
        }
        const parsed = parseHuman(p, scaleFrom)
        if (typeof parsed === "string") {
          const q = quote(p)
          if (parsed === "overflow") return bad(`value too large to be converted: ${q}`)
          if (parsed === "invalid") return bad(`invalid number: ${q}`)
          if (parsed === "forbidden") return bad(`rejecting suffix in input: ${q} (consider using --from)`)
          if (parsed === "invalid-suffix") return bad(`invalid suffix in input: ${q}`)
          return bad(`missing 'i' suffix in input: ${q} (e.g Ki/Mi/Gi)`)
        }
        if ("trailing" in parsed) return bad(`invalid suffix in input ${quote(p)}: ${quote(parsed.trailing)}`)
        let value: Dec = parsed.value
        if (fromUnit !== 1n || toUnit !== 1n) value = divInt(mulInt(value, fromUnit), toUnit)
        const used = format.precision ?? parsed.precision
        const x = magnitude(value)
        if (scaleTo === "none" && x + used > 18) {
          return bad(
            used
              ? `value/precision too large to be printed: '${shortG(value)}/${used}' (consider using --to)`
              : `value too large to be printed: '${shortG(value)}' (consider using --to)`,
          )
        }
        if (x > 26) return bad(`value too large to be printed: '${shortG(value)}' (cannot handle values > 999Y)`)
        let s = toHuman(value, used, format.precision, scaleTo, roundMethod, format.zeroPad) + (suffix ?? "")
        if (width !== 0 && s.length < Math.abs(width)) s = width < 0 ? s.padEnd(-width) : s.padStart(width)
        return { out: format.prefix + s + format.suffix, ok: true }
      }
      const included = (f: number) => fields.some(([lo, hi]) => f >= lo && f <= hi)

      const processLine = (line: string, newline: boolean) => {
        let pos = 0
        let field = 0
        let out = ""
        for (;;) {
          field++
          let end = pos
          if (delimiter !== undefined) {
            if (line[end] !== delimiter) while (end < line.length && line[end] !== delimiter) end++
          } else {
            while (end < line.length && (line[end] === " " || line[end] === "\t" || line[end] === "\n")) end++
            while (end < line.length && !(line[end] === " " || line[end] === "\t" || line[end] === "\n")) end++
          }
          const text = line.slice(pos, end)
          let piece = text
          if (included(field)) {
            const r = convert(text, field)
            piece = r.out
            if (!r.ok) {
              allValid = false
              if (exitOnError) {
                sink.latin1(out)
                stop = true
                return
              }
            }
          }
          out += piece
          if (end < line.length) {
            out += delimiter ?? " "
            pos = end + 1
          } else break
        }
        sink.latin1(out)
        if (newline) sink.byte(eol)
      }
      const report = Effect.suspend(() => Effect.forEach(errors.splice(0), (e) => warn(e), { discard: true }))

      if (operands.length > 0) {
        for (const o of operands) {
          processLine(o, true)
          yield* sink.flush
          yield* report
          if (stop) return 2
        }
      } else {
        const reader = lineReader(ctx.stdin, eol)
        for (let skip = header; ;) {
          const line = yield* Effect.catchTag(reader.next, "VfsError", () => Effect.succeed(null))
          if (line === null) break
          if (skip > 0) {
            skip--
            sink.push(line.bytes)
            if (line.terminated) sink.byte(eol)
            continue
          }
          processLine(latin1(line.bytes), line.terminated)
          if (errors.length > 0 || stop) {
            yield* sink.flush
            yield* report
            if (stop) return 2
          }
          yield* sink.flushIfFull
        }
      }
      yield* sink.flush
      return !allValid && invalid === "fail" ? 2 : 0
    }),
})
