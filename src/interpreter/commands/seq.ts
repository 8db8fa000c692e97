import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { formatFloat, type ConversionSpec } from "./shared/FloatFormat.ts"
import { makeSink } from "./shared/Sink.ts"

/** A parsed operand, with the width and precision GNU seq infers from how it was written. */
interface Operand {
  readonly value: number
  /** Exact value when written as a plain integer. */
  readonly integer: bigint | undefined
  readonly width: number
  /** Digits after the point; Infinity when it cannot be inferred (hex, inf). */
  readonly precision: number
}

const NUMBER =
  /^[ \t\n\v\f\r]*[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i

const hexValue = (s: string): number => {
  const [mant, exp] = s.toLowerCase().split("p")
  const [int, frac = ""] = mant.split(".")
  let v = int === "" ? 0 : parseInt(int, 16)
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i], 16) / 16 ** (i + 1)
  return v * 2 ** Number(exp ?? 0)
}

/** GNU seq's scan_arg: the value, and the width/precision its spelling implies. */
const scan = (text: string): Operand | { readonly error: string } => {
  if (!NUMBER.test(text)) return { error: `invalid floating point argument: '${text}'` }
  const arg = text.replace(/^[ \t\n\v\f\r+]*/, "")
  const body = arg.replace(/^-/, "").toLowerCase()
  const sign = arg.startsWith("-") ? -1 : 1
  const value = body.startsWith("inf")
    ? sign * Infinity
    : body === "nan"
      ? NaN
      : body.startsWith("0x")
        ? sign * hexValue(body.slice(2))
        : Number(arg)
  if (Number.isNaN(value)) return { error: `invalid 'not-a-number' argument: '${text}'` }
  const point = arg.indexOf(".")
  let precision = point === -1 && !/p/i.test(arg) ? 0 : Infinity
  let width = 0
  if (!/x/i.test(arg) && Number.isFinite(value)) {
    width = arg.length
    let fraction = 0
    if (point !== -1) {
      fraction = arg.slice(point + 1).search(/[eE]|$/)
      precision = fraction
      width += fraction === 0 ? -1 : point === 0 || !/\d/.test(arg[point - 1]) ? 1 : 0
    }
    const e = arg.search(/[eE]/)
    if (e !== -1) {
      let exponent = Number.parseInt(arg.slice(e + 1), 10)
      precision += exponent < 0 ? -exponent : -Math.min(precision, exponent)
      width -= arg.length - e
      if (exponent < 0) {
        if (point === -1 || e === point + 1) width++
        exponent = -exponent
      } else {
        if (point !== -1 && precision === 0 && fraction > 0) width--
        exponent -= Math.min(fraction, exponent)
      }
      width += exponent
    }
  }
  const integer = /^[+-]?\d+$/.test(arg) ? BigInt(arg) : undefined
  return { value, integer, width, precision }
}

/** A `-f` format: text around exactly one floating-point directive, validated as GNU seq does. */
const parseFormat = (
  fmt: string,
): { readonly prefix: string; readonly spec: ConversionSpec; readonly suffix: string } | { readonly error: string } => {
  const q = `'${fmt}'`
  let i = 0
  while (!(fmt[i] === "%" && fmt[i + 1] !== "%")) {
    if (i >= fmt.length) return { error: `format ${q} has no % directive` }
    i += fmt[i] === "%" ? 2 : 1
  }
  const prefix = fmt.slice(0, i).replace(/%%/g, "%")
  const m = /^%([-+ #0']*)(\d*)(?:\.(\d*))?(L?)/.exec(fmt.slice(i))
  const head = m?.[0] ?? "%"
  const conversion = fmt[i + head.length]
  if (conversion === undefined) return { error: `format ${q} ends in %` }
  if (!"efgaEFGA".includes(conversion)) return { error: `format ${q} has unknown %${conversion} directive` }
  const rest = fmt.slice(i + head.length + 1)
  for (let k = 0; k < rest.length; k++) {
    if (rest[k] === "%") {
      if (rest[k + 1] !== "%") return { error: `format ${q} has too many % directives` }
      k++
    }
  }
  const spec: ConversionSpec = {
    flags: (m?.[1] ?? "").replace(/'/g, ""),
    width: m?.[2] ? Number(m[2]) : undefined,
    precision: m?.[3] === undefined ? undefined : m[3] === "" ? 0 : Number(m[3]),
    conversion,
  }
  return { prefix, spec, suffix: rest.replace(/%%/g, "%") }
}

/**
 * Before parsing options, a negative number ends them (`seq -1 1`), as in
 * GNU seq, which also never permutes options after operands.
 */
const markNegatives = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--" || !a.startsWith("-") || a === "-") return args
    if (/^-[.\d]/.test(a)) return [...args.slice(0, i), "--", ...args.slice(i)]
    if (/^-[^-]*[fs]$/.test(a) || a === "--format" || a === "--separator") i++
  }
  return args
}

/** `seq`: print a sequence of numbers. */
export const seq = make("seq", {
  summary: "Print numbers from FIRST to LAST, in steps of INCREMENT.",
  flags: {
    format: Flag.string("f", "format", "use printf style floating-point FORMAT", { arg: "FORMAT" }),
    separator: Flag.string("s", "separator", "use STRING to separate numbers (default: \\n)"),
    equalWidth: Flag.boolean("w", "equal-width", "equalize width by padding with leading zeroes"),
  },
  operands: { usage: "[FIRST [INCREMENT]] LAST", min: 1, max: 3 },
  permute: false,
  preprocess: markNegatives,
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const parsed: Array<Operand> = []
      for (const text of operands) {
        const r = scan(text)
        if ("error" in r) return yield* usage(r.error)
        parsed.push(r)
      }
      const one: Operand = { value: 1, integer: 1n, width: 1, precision: 0 }
      const [first, step, last] =
        parsed.length === 1
          ? [one, one, parsed[0]]
          : parsed.length === 2
            ? [parsed[0], one, parsed[1]]
            : [parsed[0], parsed[1], parsed[2]]
      if (flags.format !== undefined && flags.equalWidth) {
        return yield* usage("format string may not be specified when printing equal width strings")
      }
      if (step.value === 0) return yield* usage(`invalid Zero increment value: '${operands[1]}'`)

      let render: (x: number) => string
      if (flags.format !== undefined) {
        const f = parseFormat(flags.format)
        if ("error" in f) {
          yield* warn(f.error)
          return 1
        }
        render = (x) => f.prefix + formatFloat(x, f.spec) + f.suffix
      } else {
        const prec = Math.max(first.precision, step.precision)
        if (prec !== Infinity && last.precision !== Infinity) {
          let width = 0
          if (flags.equalWidth) {
            const firstWidth = first.width + (prec - first.precision) + (first.precision === 0 && prec > 0 ? 1 : 0)
            let lastWidth = last.width + (prec - last.precision)
            if (last.precision > 0 && prec === 0) lastWidth--
            if (last.precision === 0 && prec > 0) lastWidth++
            width = Math.max(firstWidth, lastWidth)
          }
          const spec: ConversionSpec = { flags: width > 0 ? "0" : "", width, precision: prec, conversion: "f" }
          render = (x) => formatFloat(x, spec)
        } else render = (x) => formatFloat(x, { flags: "", width: undefined, precision: undefined, conversion: "g" })
      }

      const sink = makeSink(ctx.stdout)
      const separator = flags.separator ?? "\n"
      // Plain integers count exactly (seq 10000000000000000000 10000000000000000002).
      if (
        flags.format === undefined &&
        first.integer !== undefined &&
        step.integer !== undefined &&
        last.integer !== undefined
      ) {
        const width = flags.equalWidth ? Math.max(first.width, last.width) : 0
        const show = (n: bigint) => {
          const digits = (n < 0n ? -n : n).toString()
          const sign = n < 0n ? "-" : ""
          return sign + digits.padStart(width - sign.length, "0")
        }
        const up = step.integer > 0n
        let n = first.integer
        if (up ? n > last.integer : n < last.integer) return 0
        sink.text(show(n))
        for (n += step.integer; up ? n <= last.integer : n >= last.integer; n += step.integer) {
          sink.text(separator)
          sink.text(show(n))
          if (sink.full()) yield* sink.flush
        }
        sink.text("\n")
        yield* sink.flush
        return 0
      }

      const up = step.value > 0
      if (up ? last.value < first.value : first.value < last.value) return 0
      let x = first.value
      let previous = ""
      for (let i = 1; ; i++) {
        const text = render(x)
        sink.text(text)
        if (sink.full()) yield* sink.flush
        previous = text
        x = first.value + i * step.value
        if (up ? last.value < x : x < last.value) {
          // Past LAST by rounding only: print it if it shows as LAST, as GNU does (seq 0 0.1 0.3).
          const shown = render(x)
          if (!(Number(shown) === last.value && shown !== previous)) break
        }
        sink.text(separator)
      }
      sink.text("\n")
      yield* sink.flush
      return 0
    }),
})
