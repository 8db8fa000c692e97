import { exponential, fixed } from "../shared/FloatFormat.ts"

/**
 * gawk's printf (format_tree in builtin.c): conversions `c d i o x X u e E
 * f F g G a A s %`, flags `- + space # 0 '`, width and precision as numbers,
 * `*` or `*N$`, and positional `N$` arguments. NaN and infinity print as
 * `+inf`/`-nan` without padding; integer conversions of values out of range
 * fall back to `%g`.
 */

/** The arguments of one printf, read lazily by conversion. */
export interface FormatArgs {
  readonly count: number
  readonly num: (i: number) => number
  readonly str: (i: number) => string
  /** Whether the argument is a number (or a numeric strnum), for `%c`. */
  readonly isNum: (i: number) => boolean
}

/** printf ran out of arguments: gawk's fatal message body. */
export class FormatError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

interface Spec {
  lj: boolean
  sign: string
  alt: boolean
  zero: boolean
  fw: number
  prec: number
  hasPrec: boolean
}

const pad = (s: string, spec: Spec, fill = " "): string => {
  if (s.length >= spec.fw) return s
  const n = spec.fw - s.length
  if (spec.lj) return s + " ".repeat(n)
  if (fill === "0") {
    // Zeros go after a sign or 0x prefix.
    const m = /^([+\- ]?(?:0[xX])?)/.exec(s)
    const head = m === null ? "" : m[1]
    return head + "0".repeat(n) + s.slice(head.length)
  }
  return fill.repeat(n) + s
}

const nanInf = (v: number, conv: string): string | undefined => {
  let s: string | undefined
  if (v !== v) s = "-nan"
  else if (v === Infinity) s = "+inf"
  else if (v === -Infinity) s = "-inf"
  if (s !== undefined && conv >= "A" && conv <= "Z") s = s.toUpperCase()
  return s
}

/** `%a` of a double as glibc prints it (`0x1.8p+1`). */
const hexFloat = (v: number, spec: Spec, upper: boolean): string => {
  const neg = v < 0 || Object.is(v, -0)
  const x = Math.abs(v)
  let body: string
  if (x === 0) body = spec.hasPrec && spec.prec > 0 ? `0x0.${"0".repeat(spec.prec)}p+0` : "0x0p+0"
  else {
    let exp = Math.floor(Math.log2(x))
    if (2 ** exp > x) exp--
    if (2 ** (exp + 1) <= x) exp++
    if (exp < -1022) exp = -1022
    let mant = x / 2 ** exp
    let lead = Math.floor(mant)
    // 52 fraction bits = 13 hex digits.
    let frac = BigInt(Math.round((mant - lead) * 2 ** 52))
    let digits = frac.toString(16).padStart(13, "0")
    if (spec.hasPrec) {
      if (spec.prec < 13) {
        const drop = BigInt((13 - spec.prec) * 4)
        const unit = 1n << drop
        let q = frac >> drop
        const r = frac & (unit - 1n)
        const half = unit >> 1n
        if (r > half || (r === half && (q & 1n) === 1n)) q++
        if (q >> BigInt(spec.prec * 4) > 0n) {
          q = 0n
          lead++
        }
        frac = q
        digits = spec.prec === 0 ? "" : q.toString(16).padStart(spec.prec, "0")
      } else digits = digits + "0".repeat(spec.prec - 13)
      if (lead === 2) {
        lead = 1
        exp++
      }
    } else digits = digits.replace(/0+$/, "")
    mant = 0
    body = `0x${lead}${digits !== "" || spec.alt ? "." : ""}${digits}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`
  }
  let s = (neg ? "-" : spec.sign) + body
  if (upper) s = s.toUpperCase()
  return pad(s, spec, spec.zero && !spec.lj ? "0" : " ")
}

/** C's `%.Pg` of |x|: fixed or exponential by the exponent, trailing zeros dropped unless `alt`. */
const general = (x: number, precision: number, alt: boolean): string => {
  const p = precision === 0 ? 1 : precision
  const e = exponential(x, p - 1)
  const exp = x === 0 ? 0 : Number(e.slice(e.indexOf("e") + 1))
  let out = exp < -4 || exp >= p ? exponential(x, p - 1, alt) : fixed(x, p - 1 - exp)
  const at = out.indexOf("e")
  let mantissa = at === -1 ? out : out.slice(0, at)
  const suffix = at === -1 ? "" : out.slice(at)
  if (alt) {
    if (!mantissa.includes(".")) mantissa += "."
  } else if (mantissa.includes(".")) mantissa = mantissa.replace(/\.?0+$/, "")
  out = mantissa + suffix
  return out
}

/** A floating conversion of a finite value. */
const floating = (v: number, conv: string, spec: Spec): string => {
  const lower = conv.toLowerCase()
  if (lower === "a") return hexFloat(v, spec, conv === "A")
  const prec = spec.hasPrec ? spec.prec : 6
  const neg = v < 0 || Object.is(v, -0)
  let body: string
  if (lower === "f") body = fixed(v, prec)
  else if (lower === "e") body = exponential(v, prec, spec.alt)
  else body = general(v, prec, spec.alt)
  if (lower === "f" && spec.alt && prec === 0) body += "."
  if (conv === "E" || conv === "G") body = body.toUpperCase()
  const s = (neg ? "-" : spec.sign) + body
  return pad(s, spec, spec.zero && !spec.lj ? "0" : " ")
}

const U64 = 2n ** 64n

/** `%d`/`%i`. */
const decimal = (v: number, spec: Spec): string => {
  const t = Math.trunc(v)
  if (spec.hasPrec && spec.prec === 0 && t === 0) return pad("", spec)
  let digits = Math.abs(t) < 1e21 ? String(Math.abs(t)) : BigInt(Math.abs(t)).toString()
  if (spec.hasPrec) digits = digits.padStart(spec.prec, "0")
  const sign = t < 0 ? "-" : spec.sign
  const zeroFill = !spec.lj && ((spec.zero && !spec.hasPrec) || (spec.fw === 0 && spec.hasPrec))
  return pad(sign + digits, spec, zeroFill ? "0" : " ")
}

/** `%o %u %x %X`: negative values wrap to 64 bits; values out of range print as `%g`. */
const unsigned = (v: number, conv: string, spec: Spec): string => {
  const t = Math.trunc(v)
  if (t < -(2 ** 63) || t >= 2 ** 64) return floating(v, "g", spec)
  // gawk tests the value before truncation here: `%.0x` of 0.5 prints "0", `%#x` of 0.5 "0x0".
  if (!spec.alt && spec.hasPrec && spec.prec === 0 && v === 0) return pad("", spec)
  let u = BigInt(t)
  if (u < 0n) u += U64
  const base = conv === "o" ? 8 : conv === "u" ? 10 : 16
  let digits = u.toString(base)
  if (conv === "X") digits = digits.toUpperCase()
  if (spec.hasPrec) digits = digits.padStart(spec.prec, "0")
  if (spec.alt && v !== 0) {
    if (base === 16) digits = (conv === "X" ? "0X" : "0x") + digits
    else if (base === 8) digits = "0" + digits
  }
  const zeroFill = !spec.lj && ((spec.zero && !spec.hasPrec) || (spec.fw === 0 && spec.hasPrec))
  return pad(digits, spec, zeroFill ? "0" : " ")
}

/** Widths past this would only exhaust memory (gawk itself runs out of it). */
const MAX_WIDTH = 2 ** 27

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9"

/** Format `args` by `fmt` (strings are latin1). Throws FormatError when arguments run out. */
export const sprintf = (fmt: string, args: FormatArgs): string => {
  let out = ""
  let next = 0
  let usedDollar = false
  let i = 0
  const n = fmt.length
  const ranOut = (at: number) =>
    new FormatError(
      `not enough arguments to satisfy format string\n\t\`${fmt}'\n\t${" ".repeat(Math.max(0, at - 1))}^ ran out for this one`,
    )
  while (i < n) {
    const pct = fmt.indexOf("%", i)
    if (pct === -1) {
      out += fmt.slice(i)
      break
    }
    out += fmt.slice(i, pct)
    let j = pct + 1
    const spec: Spec = { lj: false, sign: "", alt: false, zero: false, fw: 0, prec: 0, hasPrec: false }
    let argIndex = -1
    const take = (): number => {
      if (argIndex >= 0) return argIndex
      if (usedDollar) throw new FormatError("must use `count$' on all formats or none")
      if (next >= args.count) throw ranOut(j)
      return next++
    }
    let done = false
    let conv = ""
    // Flags.
    for (; j < n; j++) {
      const c = fmt[j]
      if (c === "-") spec.lj = true
      else if (c === "+") spec.sign = "+"
      else if (c === " ") {
        if (spec.sign === "") spec.sign = " "
      } else if (c === "#") spec.alt = true
      else if (c === "0") spec.zero = true
      else if (c === "'") continue
      else break
    }
    // Positional argument `N$`.
    const m = /^(\d+)\$/.exec(fmt.slice(j, j + 12))
    if (m !== null) {
      const k = Number(m[1])
      if (k <= 0) throw new FormatError("argument index with `$' must be > 0")
      if (k > args.count) throw new FormatError(`argument index ${k} greater than total number of supplied arguments`)
      argIndex = k - 1
      usedDollar = true
      j += m[0].length
      for (; j < n && "-+ #0'".includes(fmt[j]); j++) {
        const c = fmt[j]
        if (c === "-") spec.lj = true
        else if (c === "+") spec.sign = "+"
        else if (c === " " && spec.sign === "") spec.sign = " "
        else if (c === "#") spec.alt = true
        else if (c === "0") spec.zero = true
      }
    }
    // Width.
    if (fmt[j] === "*") {
      j++
      const w = Math.trunc(args.num(take()))
      if (w < 0) {
        spec.lj = true
        spec.fw = -w
      } else spec.fw = w
    } else {
      while (isDigit(fmt[j])) spec.fw = spec.fw * 10 + Number(fmt[j++])
    }
    // Precision.
    if (fmt[j] === ".") {
      j++
      spec.hasPrec = true
      if (fmt[j] === "*") {
        j++
        const p = Math.trunc(args.num(take()))
        if (p < 0) spec.hasPrec = false
        else spec.prec = p
      } else {
        while (isDigit(fmt[j])) spec.prec = spec.prec * 10 + Number(fmt[j++])
      }
    }
    // Size modifiers mean nothing in awk; each may appear once (`%lld` is not a conversion).
    const sizes = new Set<string>()
    while (j < n && (fmt[j] === "h" || fmt[j] === "l" || fmt[j] === "L") && !sizes.has(fmt[j])) sizes.add(fmt[j++])
    if (spec.fw > MAX_WIDTH || spec.prec > MAX_WIDTH) throw new FormatError("field width or precision is too large")
    if (j >= n) {
      out += fmt.slice(pct)
      break
    }
    conv = fmt[j++]
    switch (conv) {
      case "%":
        out += "%"
        done = true
        break
      case "c": {
        const k = take()
        let ch: string
        if (args.isNum(k)) ch = String.fromCharCode(Math.trunc(args.num(k)) & 0xff)
        else {
          const s = args.str(k)
          ch = s.length > 0 ? s[0] : "\0"
        }
        out += pad(ch, spec)
        done = true
        break
      }
      case "s": {
        let s = args.str(take())
        if (spec.hasPrec && spec.prec < s.length) s = s.slice(0, spec.prec)
        out += pad(s, spec)
        done = true
        break
      }
      case "d":
      case "i": {
        const v = args.num(take())
        out += nanInf(v, conv) ?? decimal(v, spec)
        done = true
        break
      }
      case "o":
      case "u":
      case "x":
      case "X": {
        const v = args.num(take())
        out += nanInf(v, conv) ?? unsigned(v, conv, spec)
        done = true
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
        const v = args.num(take())
        out += nanInf(v, conv) ?? floating(v, conv === "F" ? "f" : conv, spec)
        done = true
        break
      }
      default:
        break
    }
    if (!done) {
      // Unknown conversion: the text is copied as it is.
      out += fmt.slice(pct, j)
    }
    i = j
  }
  return out
}

/** Format one number by `fmt` (CONVFMT/OFMT). */
export const formatNumber = (fmt: string, v: number): string => {
  try {
    return sprintf(fmt, { count: 1, num: () => v, str: () => String(v), isNum: () => true })
  } catch {
    return String(v)
  }
}
