import { Effect } from "effect"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"
import { escapeAt, expandEscapes, pushText } from "./shared/Escapes.ts"
import { formatFloat, pad, signOf, type ConversionSpec as Spec } from "./shared/FloatFormat.ts"
import { shellQuote } from "./shared/ShellQuote.ts"

/** What `format` produced. */
export interface Formatted {
  /** The output decoded as UTF-8 (for `printf -v`). */
  readonly output: string
  /** The exact output bytes. */
  readonly bytes: Uint8Array
  /** Messages without the `printf: ` prefix, in order (`x: invalid number`). */
  readonly errors: ReadonlyArray<string>
  /** 0, or 1 after an invalid number or format. */
  readonly status: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()
const INT_MAX = (1n << 63n) - 1n
const INT_MIN = -(1n << 63n)
const UINT_MAX = (1n << 64n) - 1n

/** `'c` and `"c` give the first byte's value, as bash does in the C locale. */
const charCode = (s: string): number | undefined =>
  s[0] === "'" || s[0] === '"' ? (s.length > 1 ? encoder.encode(s.slice(1))[0] : 0) : undefined

/** strtoimax/strtoumax with base 0, plus bash's error wording. */
const parseInteger = (s: string, unsigned: boolean, errors: Array<string>): { value: bigint; bad: boolean } => {
  const code = charCode(s)
  if (code !== undefined) return { value: BigInt(code), bad: false }
  if (s === "") return { value: 0n, bad: false }
  const m = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s)
  let value = 0n
  if (m !== null) {
    const digits = m[2]
    value = /^0[xX]/.test(digits)
      ? BigInt(digits)
      : digits.length > 1 && digits[0] === "0"
        ? BigInt(`0o${digits.slice(1)}`)
        : BigInt(digits)
    if (m[1] === "-") value = -value
  }
  if (m === null || m[0].length < s.length) {
    const kind = /^0[0-9]/.test(s)
      ? "invalid octal number"
      : s.startsWith("0x")
        ? "invalid hex number"
        : "invalid number"
    errors.push(`${s}: ${kind}`)
    return { value, bad: true }
  }
  const [min, max] = unsigned ? [-UINT_MAX, UINT_MAX] : [INT_MIN, INT_MAX]
  if (value > max || value < min) {
    errors.push(`warning: ${s}: Numerical result out of range`)
    value = value > max ? max : unsigned ? -UINT_MAX : min
  }
  if (unsigned && value < 0n) value = (1n << 64n) + value
  return { value, bad: false }
}

/** strtold, plus bash's error wording; a bad tail keeps the parsed prefix. */
const parseFloat_ = (s: string, errors: Array<string>): { value: number; bad: boolean } => {
  const code = charCode(s)
  if (code !== undefined) return { value: code, bad: false }
  if (s === "") return { value: 0, bad: false }
  const m =
    /^[ \t\n\v\f\r]*[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(
      s,
    )
  let value = 0
  if (m !== null) {
    const t = m[0].trim().toLowerCase()
    const sign = t.startsWith("-") ? -1 : 1
    const body = t.replace(/^[+-]/, "")
    if (body.startsWith("inf")) value = sign * Infinity
    else if (body === "nan") value = NaN
    else if (body.startsWith("0x")) value = sign * parseHexFloat(body.slice(2))
    else value = Number(t)
  }
  if (m === null || m[0].length < s.length) {
    errors.push(`${s}: invalid number`)
    return { value, bad: true }
  }
  return { value, bad: false }
}

const parseHexFloat = (s: string): number => {
  const [mant, exp] = s.split("p")
  const [int, frac = ""] = mant.split(".")
  let v = int === "" ? 0 : parseInt(int, 16)
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i], 16) / 16 ** (i + 1)
  return v * 2 ** Number(exp ?? 0)
}

const formatInteger = (value: bigint, spec: Spec): string => {
  const c = spec.conversion
  const negative = value < 0n
  const abs = negative ? -value : value
  let digits =
    c === "o"
      ? abs.toString(8)
      : c === "x"
        ? abs.toString(16)
        : c === "X"
          ? abs.toString(16).toUpperCase()
          : abs.toString()
  if (spec.precision !== undefined) {
    digits = spec.precision === 0 && abs === 0n ? "" : digits.padStart(spec.precision, "0")
  }
  let prefix = c === "d" || c === "i" ? signOf(negative, spec.flags) : ""
  if (spec.flags.includes("#")) {
    if (c === "o" && !digits.startsWith("0")) digits = "0" + digits
    if ((c === "x" || c === "X") && abs !== 0n) prefix += c === "x" ? "0x" : "0X"
  }
  return pad(prefix, digits, spec, spec.precision === undefined)
}

/** Pad bytes with spaces to the spec's width, after truncating to its precision. */
const pushPadded = (out: Array<number>, bytes: ArrayLike<number>, spec: Spec): void => {
  const n = spec.precision === undefined ? bytes.length : Math.min(bytes.length, spec.precision)
  const fill = Math.max(0, (spec.width ?? 0) - n)
  const left = spec.flags.includes("-")
  if (!left) for (let i = 0; i < fill; i++) out.push(32)
  for (let i = 0; i < n; i++) out.push(bytes[i])
  if (left) for (let i = 0; i < fill; i++) out.push(32)
}

/**
 * Bash's `printf FORMAT [ARGUMENTS]`, as a pure function: the format is
 * reused while arguments remain, missing arguments read as 0 or empty.
 *
 * ```ts
 * format("%s=%d\n", ["a", "1", "b"]) // output "a=1\nb=0\n"
 * ```
 */
export const format = (fmt: string, args: ReadonlyArray<string>): Formatted => {
  const out: Array<number> = []
  const errors: Array<string> = []
  let status = 0
  let next = 0
  const arg = (): string | undefined => (next < args.length ? args[next++] : undefined)
  const intArg = (): number => {
    const a = arg()
    if (a === undefined) return 0
    const r = parseInteger(a, false, errors)
    if (r.bad) status = 1
    return Number(r.value)
  }

  /** One pass over the format: "stop" after `\c`, "error" after a bad directive. */
  const pass = (): "ok" | "stop" | "error" => {
    let i = 0
    let plain = 0
    const flushPlain = (end: number) => {
      if (end > plain) pushText(out, fmt.slice(plain, end))
    }
    while (i < fmt.length) {
      const ch = fmt[i]
      if (ch === "\\") {
        flushPlain(i)
        const r = escapeAt(fmt, i, "format", out)
        if (r.error !== undefined) errors.push(r.error)
        i = plain = r.next
        continue
      }
      if (ch !== "%") {
        i++
        continue
      }
      flushPlain(i)
      if (fmt[i + 1] === "%") {
        out.push(37)
        i = plain = i + 2
        continue
      }
      const start = i
      let j = i + 1
      let flags = ""
      while (j < fmt.length && "-+ #0".includes(fmt[j])) flags += fmt[j++]
      let width: number | undefined
      if (fmt[j] === "*") {
        j++
        width = intArg()
        if (width < 0) {
          flags += "-"
          width = -width
        }
      } else {
        const m = /^\d+/.exec(fmt.slice(j))
        if (m) {
          width = Number(m[0])
          j += m[0].length
        }
      }
      let precision: number | undefined
      if (fmt[j] === ".") {
        j++
        if (fmt[j] === "*") {
          j++
          const p = intArg()
          precision = p < 0 ? undefined : p
        } else {
          const m = /^\d*/.exec(fmt.slice(j))?.[0] ?? ""
          precision = m === "" ? 0 : Number(m)
          j += m.length
        }
      }
      while (j < fmt.length && "hjlLtz".includes(fmt[j])) j++
      if (j >= fmt.length) {
        errors.push(`\`${fmt.slice(start)}': missing format character`)
        return "error"
      }
      const conversion = fmt[j]
      const spec: Spec = { flags, width, precision, conversion }
      i = plain = j + 1
      switch (conversion) {
        case "d":
        case "i":
        case "o":
        case "u":
        case "x":
        case "X": {
          const a = arg()
          const r =
            a === undefined
              ? { value: 0n, bad: false }
              : parseInteger(a, conversion !== "d" && conversion !== "i", errors)
          if (r.bad) status = 1
          pushText(out, formatInteger(r.value, spec))
          break
        }
        case "e":
        case "E":
        case "f":
        case "F":
        case "g":
        case "G":
        case "a":
        case "A": {
          const a = arg()
          const r = a === undefined ? { value: 0, bad: false } : parseFloat_(a, errors)
          if (r.bad) status = 1
          pushText(out, formatFloat(r.value, spec))
          break
        }
        case "s":
          pushPadded(out, encoder.encode(arg() ?? ""), spec)
          break
        case "c": {
          const first = encoder.encode(arg() ?? "")[0] ?? 0
          pushPadded(out, [first], { ...spec, precision: undefined })
          break
        }
        case "b": {
          const expanded = expandEscapes(arg() ?? "", "b")
          errors.push(...expanded.errors)
          pushPadded(out, expanded.bytes, spec)
          if (expanded.stop) return "stop"
          break
        }
        case "q":
          pushPadded(out, encoder.encode(shellQuote(arg() ?? "")), spec)
          break
        case "Q": {
          const raw = encoder.encode(arg() ?? "")
          const cut = spec.precision === undefined ? raw : raw.subarray(0, spec.precision)
          pushPadded(out, encoder.encode(shellQuote(decoder.decode(cut))), { ...spec, precision: undefined })
          break
        }
        default:
          errors.push(`\`${conversion}': invalid format character`)
          return "error"
      }
    }
    flushPlain(fmt.length)
    return "ok"
  }

  for (;;) {
    const before = next
    const r = pass()
    if (r === "error") status = 1
    if (r !== "ok" || next >= args.length || next === before) break
  }
  const bytes = Uint8Array.from(out)
  return { output: decoder.decode(bytes), bytes, errors, status }
}

/** `printf FORMAT [ARGUMENT]...` (bash's builtin; `-v` is the shell's business). */
export const printf = make("printf", {
  summary: "Formats and prints ARGUMENTS under control of the FORMAT.",
  flags: {},
  operands: { usage: "format [arguments]" },
  raw: true,
  run: ({ operands, ctx }) =>
    Effect.gen(function* () {
      let rest = operands
      if (rest[0] === "--") rest = rest.slice(1)
      else if (rest.length > 0 && rest[0].startsWith("-") && rest[0] !== "-") {
        const problem = rest[0] === "-v" ? "-v: option requires an argument" : `${rest[0].slice(0, 2)}: invalid option`
        yield* writeText(ctx.stderr, `printf: ${problem}\nprintf: usage: printf [-v var] format [arguments]\n`)
        return 2
      }
      if (rest.length === 0) {
        yield* writeText(ctx.stderr, "printf: usage: printf [-v var] format [arguments]\n")
        return 2
      }
      const r = format(rest[0], rest.slice(1))
      yield* ctx.stdout.write(r.bytes)
      for (const e of r.errors) yield* writeText(ctx.stderr, `printf: ${e}\n`)
      return r.status
    }),
})
