import { formatNumber } from "./Format.ts"

/**
 * awk values: a number, a string, or a "strnum" (a string that came from
 * input: a field, getline, ARGV, ENVIRON, -v) which compares as a number
 * when it looks like one. Strings are latin1 (one code unit per byte).
 */

/** A string from input; numeric when the whole of it reads as a number. */
export class StrNum {
  readonly s: string
  /** 0: not checked yet, 1: looks numeric, 2: does not. */
  private state: 0 | 1 | 2
  private n: number

  constructor(s: string, numeric?: number) {
    this.s = s
    if (numeric === undefined) {
      this.state = 0
      this.n = 0
    } else {
      this.state = 1
      this.n = numeric
    }
  }

  /** Numeric value (the leading number, as awk reads strings). */
  num(): number {
    if (this.state === 0) this.check()
    return this.n
  }

  /** Whether the whole string is a number (so comparisons are numeric). */
  isNumeric(): boolean {
    if (this.state === 0) this.check()
    return this.state === 1
  }

  private check(): void {
    const r = scanNumber(this.s, 0)
    this.n = r.value
    let end = r.end
    const s = this.s
    while (end < s.length && isSpace(s.charCodeAt(end))) end++
    this.state = r.digits && end === s.length ? 1 : 2
  }
}

export type Value = number | string | StrNum

/** The value of a variable never assigned: "" and 0, comparing as either. */
export const UNINIT = new StrNum("", 0)

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13)
const isDigitCode = (c: number) => c >= 48 && c <= 57

/**
 * Read the number at the start of `s` (after blanks) as strtod does, without
 * hex: `end` is past it, `digits` whether any number was there at all.
 */
const scanNumber = (s: string, start: number): { value: number; end: number; digits: boolean } => {
  let i = start
  const n = s.length
  while (i < n && isSpace(s.charCodeAt(i))) i++
  const begin = i
  let c = s.charCodeAt(i)
  let signed = false
  if (c === 43 || c === 45) {
    signed = true
    i++
    c = s.charCodeAt(i)
  }
  if (signed && (c === 105 || c === 73 || c === 110 || c === 78)) {
    const word = s.slice(i, i + 8).toLowerCase()
    const negative = s.charCodeAt(begin) === 45
    if (word.startsWith("infinity")) return { value: negative ? -Infinity : Infinity, end: i + 8, digits: true }
    if (word.startsWith("inf")) return { value: negative ? -Infinity : Infinity, end: i + 3, digits: true }
    if (word.startsWith("nan")) return { value: NaN, end: i + 3, digits: true }
  }
  const intStart = i
  let simple = 0
  while (i < n && isDigitCode((c = s.charCodeAt(i)))) {
    simple = simple * 10 + (c - 48)
    i++
  }
  let digits = i > intStart
  let plain = true
  if (c === 46) {
    const fracStart = i + 1
    let j = fracStart
    while (j < n && isDigitCode(s.charCodeAt(j))) j++
    if (j > fracStart || digits) {
      digits = true
      plain = false
      i = j
      c = s.charCodeAt(i)
    }
  }
  if (!digits) return { value: 0, end: start, digits: false }
  if (c === 101 || c === 69) {
    let j = i + 1
    const d = s.charCodeAt(j)
    if (d === 43 || d === 45) j++
    if (isDigitCode(s.charCodeAt(j))) {
      while (j < n && isDigitCode(s.charCodeAt(j))) j++
      i = j
      plain = false
    }
  }
  if (plain && i - intStart < 16) {
    return { value: s.charCodeAt(begin) === 45 ? -simple : simple, end: i, digits: true }
  }
  return { value: Number(s.slice(begin, i)), end: i, digits: true }
}

/** A string's numeric value, as `"3abc" + 0`. */
export const strToNum = (s: string): number => {
  const n = s.length
  if (n > 0 && n < 10) {
    // Fast path for short plain integers.
    let v = 0
    let i = 0
    for (; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c < 48 || c > 57) break
      v = v * 10 + (c - 48)
    }
    if (i === n) return v
  }
  return scanNumber(s, 0).value
}

/** Numeric value of any value. */
export const toNum = (v: Value): number => (typeof v === "number" ? v : typeof v === "string" ? strToNum(v) : v.num())

/** Truth of a value: strnums that look numeric test their number. */
export const toBool = (v: Value): boolean => {
  if (typeof v === "number") return v !== 0
  if (typeof v === "string") return v !== ""
  return v.isNumeric() ? v.num() !== 0 : v.s !== ""
}

/** Whether a number prints as an integer. */
const integral = (n: number): boolean => Number.isInteger(n)

/** An integral number as awk prints it (exact digits, `-0` as 0). */
export const intToStr = (n: number): string => {
  if (n === 0) return "0"
  return Math.abs(n) <= 2 ** 53 ? String(n) : BigInt(n).toString()
}

/** A number as a string through `fmt` (CONVFMT or OFMT); integers print as integers. */
export const numToStr = (n: number, fmt: string): string => {
  if (integral(n)) return intToStr(n)
  if (n !== n) return "-nan"
  if (n === Infinity) return "+inf"
  if (n === -Infinity) return "-inf"
  if (fmt === "%.6g") return g6(n)
  return formatNumber(fmt, n)
}

/**
 * `%.6g` quickly: JavaScript's toPrecision rounds exact ties up where C
 * rounds them to even, so a value exactly halfway falls back to the full
 * formatter.
 */
const g6 = (n: number): string => {
  const e7 = n.toExponential(6)
  if (/5e/.test(e7) && Number(e7) === n) return formatNumber("%.6g", n)
  const e6 = n.toExponential(5)
  const at = e6.indexOf("e")
  const exp = Number(e6.slice(at + 1))
  if (exp < -4 || exp >= 6) {
    const mantissa = e6.slice(0, at).replace(/\.?0+$/, "")
    return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`
  }
  const fixed = n.toFixed(5 - exp)
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed
}

/** A value as a string, numbers through `convfmt`. */
export const toStr = (v: Value, convfmt: string): string =>
  typeof v === "string" ? v : typeof v === "number" ? numToStr(v, convfmt) : v.s

/**
 * awk comparison: numeric when both sides are numbers or numeric strnums,
 * else byte-wise string comparison. Returns <0, 0, >0.
 */
export const compare = (a: Value, b: Value, convfmt: string): number => {
  const an = typeof a === "number" || (typeof a !== "string" && a.isNumeric())
  const bn = typeof b === "number" || (typeof b !== "string" && b.isNumeric())
  if (an && bn) {
    const x = toNum(a)
    const y = toNum(b)
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : compareNaN(x, y)
  }
  const s = toStr(a, convfmt)
  const t = toStr(b, convfmt)
  return s < t ? -1 : s > t ? 1 : 0
}

/** gawk orders NaN after everything (so `nan == nan` is false but sorting is stable). */
const compareNaN = (x: number, y: number): number => (x !== x ? (y !== y ? 1 : 1) : -1)
