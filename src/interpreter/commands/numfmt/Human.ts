import { exponential, general } from "../shared/FloatFormat.ts"

/**
 * numfmt's number handling on exact decimals (`n / 10^s`). GNU computes in
 * long double; exact decimals agree with it where a double would not
 * (`1.15` rounded to one place is `1.2`), since every scaling numfmt does
 * (by 1000 or 1024) keeps a decimal finite.
 */

/** `n / 10^scale`. */
export interface Dec {
  readonly n: bigint
  readonly scale: number
}

/** Scaling schemes of `--from` and `--to`. */
export type Scale = "none" | "auto" | "si" | "iec" | "iec-i"

/** Rounding methods of `--round`. */
export type Round = "up" | "down" | "from-zero" | "towards-zero" | "nearest"

const POW10 = (k: number): bigint => 10n ** BigInt(k)

const normalize = (d: Dec): Dec => {
  let { n, scale } = d
  while (scale > 0 && n % 10n === 0n) {
    n /= 10n
    scale--
  }
  return { n, scale }
}

/** Multiply by a positive integer. */
export const mulInt = (d: Dec, k: bigint): Dec => normalize({ n: d.n * k, scale: d.scale })

/** Divide by a positive integer: exact for 2^a 5^b, else to 40 extra places. */
export const divInt = (d: Dec, k: bigint): Dec => {
  let rest = k
  let n = d.n
  let scale = d.scale
  while (rest % 2n === 0n) {
    rest /= 2n
    n *= 5n
    scale++
  }
  while (rest % 5n === 0n) {
    rest /= 5n
    n *= 2n
    scale++
  }
  if (rest !== 1n) {
    n = (n * POW10(40)) / rest
    scale += 40
  }
  return normalize({ n, scale })
}

/** |d| compared with an integer. */
export const absAtLeast = (d: Dec, k: number): boolean => (d.n < 0n ? -d.n : d.n) >= BigInt(k) * POW10(d.scale)

/** Round to `places` decimals with numfmt's methods (which work on the scaled value as C integer casts do). */
export const roundTo = (d: Dec, places: number, method: Round): Dec => {
  if (d.scale <= places) return d
  const div = POW10(d.scale - places)
  const neg = d.n < 0n
  const mag = neg ? -d.n : d.n
  let q = mag / div
  const r = mag % div
  if (r !== 0n) {
    const half = r * 2n >= div
    const up =
      method === "from-zero" ||
      (method === "up" && !neg) ||
      (method === "down" && neg) ||
      (method === "nearest" && half)
    if (up) q += 1n
  }
  return normalize({ n: neg ? -q : q, scale: places })
}

/** Round half to even, as printf does with an exact tie. */
const roundEven = (d: Dec, places: number): Dec => {
  if (d.scale <= places) return d
  const div = POW10(d.scale - places)
  const neg = d.n < 0n
  const mag = neg ? -d.n : d.n
  let q = mag / div
  const r2 = (mag % div) * 2n
  if (r2 > div || (r2 === div && q % 2n === 1n)) q += 1n
  return normalize({ n: neg ? -q : q, scale: places })
}

/** `%.{places}f` of an exact decimal. */
export const fixed = (d: Dec, places: number): string => {
  const r = roundEven(d, places)
  const neg = r.n < 0n
  const digits = (neg ? -r.n : r.n).toString().padStart(r.scale + 1, "0")
  const int = digits.slice(0, digits.length - r.scale)
  const frac = (digits.slice(digits.length - r.scale) + "0".repeat(places)).slice(0, places)
  return `${neg ? "-" : ""}${int}${places > 0 ? `.${frac}` : ""}`
}

/** `%Lg` of an exact decimal, for messages. */
export const shortG = (d: Dec): string => {
  const x = Math.abs(Number(d.n) / 10 ** d.scale)
  const sign = d.n < 0n ? "-" : ""
  const exp = x === 0 ? 0 : Math.floor(Math.log10(x))
  if (exp < -4 || exp >= 6) {
    // Only the mantissa loses trailing zeros (`1e+20`, not `1e+2`).
    const [mantissa, e] = exponential(x, 5).split("e")
    return `${sign}${mantissa.replace(/\.?0+$/, "")}e${e}`
  }
  return `${sign}${general(x, 6)}`
}

/** Digits before the point, less one (numfmt's expld to base 10). */
export const magnitude = (d: Dec): number => {
  const int = (d.n < 0n ? -d.n : d.n) / POW10(d.scale)
  return int === 0n ? 0 : int.toString().length - 1
}

const SUFFIXES = "KMGTPEZY"

/** Why a number was refused (see numfmt's simple_strtod_fatal). */
export type ParseError =
  "overflow" | "invalid" | "forbidden" | "invalid-suffix" | "missing-i" | { readonly trailing: string }

/** Parse `[-]digits[.digits][ ][KMGTPEZY][i]` as numfmt's simple_strtod_human does. */
export const parseHuman = (
  text: string,
  from: Scale,
): { readonly value: Dec; readonly precision: number } | ParseError => {
  const m = /^(-?)(\d*)(?:\.(\d*))?/.exec(text)
  if (m === null) return "invalid"
  const [whole, sign, int, frac] = m
  if (int === "" && frac === undefined) return "invalid"
  if (int.replace(/^0+/, "").length > 27 || (frac ?? "").replace(/^0+/, "").length > 27) return "overflow"
  if (frac !== undefined && frac.startsWith("-")) return "invalid"
  const digits = int + (frac ?? "")
  let value: Dec = normalize({
    n: BigInt(digits === "" ? "0" : digits) * (sign === "-" ? -1n : 1n),
    scale: (frac ?? "").length,
  })
  const precision = (frac ?? "").length
  let rest = text.slice(whole.length)
  let base = from === "iec" || from === "iec-i" ? 1024n : 1000n
  let power = 0
  if (rest !== "") {
    rest = rest.replace(/^[ \t]+/, "")
    const c = rest[0]
    if (c === undefined || !SUFFIXES.includes(c)) return "invalid-suffix"
    if (from === "none") return "forbidden"
    power = SUFFIXES.indexOf(c) + 1
    rest = rest.slice(1)
    if (from === "auto" && rest[0] === "i") {
      base = 1024n
      rest = rest.slice(1)
    }
  }
  // A suffix resets the precision: it is chosen by the output scale instead.
  const precisionUsed = power > 0 ? 0 : precision
  if (from === "iec-i") {
    if (rest[0] === "i") rest = rest.slice(1)
    else return "missing-i"
  }
  if (rest !== "") return { trailing: rest }
  if (power > 0) value = mulInt(value, base ** BigInt(power))
  return { value, precision: precisionUsed }
}

/** numfmt's double_to_human: the number text (without padding) in scale `to`. */
export const toHuman = (
  value: Dec,
  precision: number,
  userPrecision: number | undefined,
  to: Scale,
  round: Round,
  zeroPad: number,
): string => {
  const pad = (s: string) => {
    if (zeroPad <= s.length) return s
    const neg = s.startsWith("-")
    return (neg ? "-" : "") + (neg ? s.slice(1) : s).padStart(zeroPad - (neg ? 1 : 0), "0")
  }
  if (to === "none") return pad(fixed(roundTo(value, precision, round), precision))
  const base = to === "si" ? 1000 : 1024
  let v = value
  let power = 0
  while (absAtLeast(v, base)) {
    v = divInt(v, BigInt(base))
    power++
  }
  const adjust = userPrecision !== undefined ? Math.min(power * 3, userPrecision) : absAtLeast(v, 10) ? 0 : 1
  v = roundTo(v, adjust, round)
  if (absAtLeast(v, base)) {
    v = divInt(v, BigInt(base))
    power++
  }
  const showPoint = v.n !== 0n && !absAtLeast(v, 10) && power > 0
  const places = userPrecision ?? (showPoint ? 1 : 0)
  return pad(fixed(v, places)) + (power > 0 ? SUFFIXES[power - 1] : "") + (to === "iec-i" && power > 0 ? "i" : "")
}
