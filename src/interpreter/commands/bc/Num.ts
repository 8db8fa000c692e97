/**
 * bc's numbers: arbitrary-precision decimals as a scaled BigInt (`v` /
 * 10^`s`), with POSIX bc's scale rules for each operation (results are
 * truncated, never rounded), and GNU bc's output in any base.
 */

/** A decimal number: value `v / 10^s`, `s` digits after the point. */
export interface Num {
  readonly v: bigint
  readonly s: number
}

/** A failure bc reports as a runtime error. */
export class BcError {
  readonly message: string
  readonly warning: boolean
  constructor(message: string, warning = false) {
    this.message = message
    this.warning = warning
  }
}

const TEN = 10n
const pow10 = (n: number): bigint => TEN ** BigInt(n)

/** Zero at scale 0. */
export const ZERO: Num = { v: 0n, s: 0 }

/** An integer. */
export const int = (n: number | bigint): Num => ({ v: BigInt(n), s: 0 })

/** `x` at scale `s`, truncated or extended. */
export const rescale = (x: Num, s: number): Num =>
  s === x.s ? x : s > x.s ? { v: x.v * pow10(s - x.s), s } : { v: x.v / pow10(x.s - s), s }

const align = (a: Num, b: Num): readonly [bigint, bigint, number] => {
  const s = Math.max(a.s, b.s)
  return [rescale(a, s).v, rescale(b, s).v, s]
}

export const add = (a: Num, b: Num): Num => {
  const [x, y, s] = align(a, b)
  return { v: x + y, s }
}

export const sub = (a: Num, b: Num): Num => {
  const [x, y, s] = align(a, b)
  return { v: x - y, s }
}

export const neg = (a: Num): Num => ({ v: -a.v, s: a.s })

export const cmp = (a: Num, b: Num): number => {
  const [x, y] = align(a, b)
  return x < y ? -1 : x > y ? 1 : 0
}

export const isZero = (a: Num): boolean => a.v === 0n

/** `a * b` at bc's scale: min(sa + sb, max(scale, sa, sb)). */
export const mul = (a: Num, b: Num, scale: number): Num => {
  const full: Num = { v: a.v * b.v, s: a.s + b.s }
  return rescale(full, Math.min(a.s + b.s, Math.max(scale, a.s, b.s)))
}

/** `a / b` at `scale` digits. */
export const div = (a: Num, b: Num, scale: number): Num => {
  if (b.v === 0n) throw new BcError("Divide by zero")
  const shift = scale + b.s - a.s
  const num = shift >= 0 ? a.v * pow10(shift) : a.v / pow10(-shift)
  return { v: num / b.v, s: scale }
}

/** `a % b`: a - (a / b) * b, with the quotient at `scale`. */
export const mod = (a: Num, b: Num, scale: number): Num => {
  if (b.v === 0n) throw new BcError("Modulo by zero")
  const rscale = Math.max(a.s, b.s + scale)
  const q = div(a, b, scale)
  return rescale(sub(a, mul(q, b, rscale)), rscale)
}

/** The integer part as a JS number (for scale, ibase, exponents). */
export const toInteger = (a: Num): bigint => a.v / pow10(a.s)

/** `a ^ b` with an integer exponent (a fraction is dropped with a warning by the caller). */
export const power = (a: Num, exponent: bigint, scale: number): Num => {
  if (exponent === 0n) return int(1)
  const negative = exponent < 0n
  const e = negative ? -exponent : exponent
  if (e > 1000000n) throw new BcError("exponent too large in raise")
  const n = Number(e)
  const exact: Num = { v: a.v ** e, s: a.s * n }
  if (negative) return div(int(1), exact, scale)
  return rescale(exact, Math.min(a.s * n, Math.max(scale, a.s)))
}

const isqrt = (n: bigint): bigint => {
  if (n < 2n) return n
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2))
  for (;;) {
    const y = (x + n / x) >> 1n
    if (y >= x) return x
    x = y
  }
}

/** The square root at max(scale, scale of a), truncated. */
export const sqrt = (a: Num, scale: number): Num => {
  if (a.v < 0n) throw new BcError("Square root of a negative number")
  const s = Math.max(scale, a.s)
  return { v: isqrt(a.v * pow10(2 * s - a.s)), s }
}

/** Significant digits (`length`). */
export const length = (a: Num): number => {
  if (a.v === 0n) return a.s === 0 ? 1 : a.s
  const digits = (a.v < 0n ? -a.v : a.v).toString().length
  return Math.max(digits, a.s)
}

/** A constant as bc reads it in `ibase`: a single digit is its own value whatever the base. */
export const parseConstant = (text: string, ibase: number): Num => {
  const digit = (c: string) => (c >= "0" && c <= "9" ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55)
  const [whole, frac = ""] = text.split(".")
  if (ibase === 10) {
    const digits = (whole + frac).split("").map(digit)
    if (digits.every((d) => d < 10)) return { v: BigInt((whole || "0") + frac), s: frac.length }
  }
  if (text.length === 1) return int(digit(text))
  const base = BigInt(ibase)
  let v = 0n
  for (const c of whole) v = v * base + BigInt(digit(c))
  if (frac === "") return { v, s: 0 }
  let fv = 0n
  let fd = 1n
  for (const c of frac) {
    fv = fv * base + BigInt(digit(c))
    fd *= base
  }
  const s = frac.length
  return { v: v * pow10(s) + (fv * pow10(s)) / fd, s }
}

/** A number in `obase` as GNU bc prints it (no line splitting). */
export const format = (a: Num, obase: number): string => {
  if (a.v === 0n) return "0"
  const negative = a.v < 0n
  const abs = negative ? -a.v : a.v
  const unit = pow10(a.s)
  const whole = abs / unit
  const fraction = abs % unit
  let out = negative ? "-" : ""
  if (obase === 10) {
    const w = whole === 0n ? "" : whole.toString()
    out += w
    if (a.s > 0) out += `.${fraction.toString().padStart(a.s, "0")}`
    return out
  }
  const big = obase > 16
  const width = (obase - 1).toString().length
  const digit = (d: number) => (big ? ` ${String(d).padStart(width, "0")}` : "0123456789ABCDEF"[d])
  const base = BigInt(obase)
  if (whole > 0n) {
    const digits: Array<string> = []
    for (let w = whole; w > 0n; w /= base) digits.push(digit(Number(w % base)))
    out += digits.reverse().join("")
  } else if (a.s === 0) out += digit(0)
  if (a.s > 0) {
    out += "."
    // As many digits as it takes for base^k to have more digits than the scale.
    let f = fraction
    for (let t = 1n; t.toString().length <= a.s; t *= base) {
      f *= base
      out += digit(Number(f / unit))
      f %= unit
    }
  }
  return out
}
