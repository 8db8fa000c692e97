/**
 * C `printf` conversions of doubles (`%f %e %g %a`), rounded exactly as glibc
 * does: from the exact binary value, ties to even. JavaScript's `toFixed`
 * rounds ties away from zero (`(2.5).toFixed(0)` is "3"; C prints "2").
 */

/** The exact value of a finite double as `mantissa * 2^exponent`. */
const decompose = (x: number): { readonly mantissa: bigint; readonly exponent: number } => {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(x))
  const hi = view.getUint32(0)
  const lo = view.getUint32(4)
  const biased = (hi >>> 20) & 0x7ff
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo)
  if (biased === 0) return { mantissa, exponent: -1074 }
  mantissa |= 1n << 52n
  return { mantissa, exponent: biased - 1075 }
}

/** round(|x| * 10^scale) as an integer, ties to even. */
const scaled = (x: number, scale: number): bigint => {
  const { mantissa, exponent } = decompose(x)
  let num = mantissa
  let den = 1n
  if (exponent >= 0) num <<= BigInt(exponent)
  else den <<= BigInt(-exponent)
  if (scale >= 0) num *= 10n ** BigInt(scale)
  else den *= 10n ** BigInt(-scale)
  const q = num / den
  const r2 = (num % den) * 2n
  return r2 > den || (r2 === den && (q & 1n) === 1n) ? q + 1n : q
}

/** Digits of |x| with `precision` decimals (`%.Nf` without sign). */
export const fixed = (x: number, precision: number): string => {
  const digits = scaled(x, precision)
    .toString()
    .padStart(precision + 1, "0")
  return precision === 0 ? digits : `${digits.slice(0, -precision)}.${digits.slice(-precision)}`
}

/** Mantissa digits and decimal exponent of |x| rounded to `precision + 1` significant digits. */
const significant = (x: number, precision: number): { readonly digits: string; readonly exp: number } => {
  if (x === 0) return { digits: "0".repeat(precision + 1), exp: 0 }
  let exp = Math.floor(Math.log10(Math.abs(x)))
  for (;;) {
    const digits = scaled(x, precision - exp).toString()
    if (digits.length > precision + 1) exp++
    else if (digits.length < precision + 1) exp--
    else return { digits, exp }
  }
}

const expSuffix = (exp: number): string => `e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`

/** `%.Ne` of |x| (lowercase; `alt` keeps the point when N is 0). */
export const exponential = (x: number, precision: number, alt = false): string => {
  const { digits, exp } = significant(x, precision)
  const point = precision > 0 || alt ? "." : ""
  return `${digits[0]}${point}${digits.slice(1)}${expSuffix(exp)}`
}

/** `%.Ng` of |x|: `alt` (the `#` flag) keeps trailing zeros. */
export const general = (x: number, precision: number, alt = false): string => {
  const p = precision === 0 ? 1 : precision
  const exp = x === 0 ? 0 : significant(x, p - 1).exp
  let out = p > exp && exp >= -4 ? fixed(x, p - 1 - exp) : exponential(x, p - 1, alt)
  if (alt) {
    if (!out.includes(".")) out = out.replace(/(e|$)/, ".$1")
    return out
  }
  // Strip trailing zeros of the fraction, and a point left bare; never touch the exponent.
  const e = out.indexOf("e")
  const mantissa = e < 0 ? out : out.slice(0, e)
  const exponent = e < 0 ? "" : out.slice(e)
  return (mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa) + exponent
}

/**
 * `%a` as bash prints it (glibc's long double form, whose leading hex digit
 * carries four bits: `printf %a 1` is `0x8p-3`).
 */
export const hex = (x: number): string => {
  if (x === 0) return "0x0p+0"
  const { mantissa, exponent } = decompose(x)
  // Normalize to a 64-bit mantissa with the top bit set, as an x87 long double holds it.
  let m = mantissa
  let e = exponent
  while (m < 1n << 63n) {
    m <<= 1n
    e--
  }
  const first = (m >> 60n).toString(16)
  const rest = (m & ((1n << 60n) - 1n)).toString(16).padStart(15, "0").replace(/0+$/, "")
  const exp = e + 60
  return `0x${first}${rest ? `.${rest}` : ""}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`
}

/** A parsed `%` directive: flags (`-+ #0`), width, precision and conversion letter. */
export interface ConversionSpec {
  readonly flags: string
  readonly width: number | undefined
  readonly precision: number | undefined
  readonly conversion: string
}

/** Pad `body` (with its `prefix`: sign, 0x) to `width` as the flags say. */
export const pad = (prefix: string, body: string, spec: ConversionSpec, zeroOk: boolean): string => {
  const width = spec.width ?? 0
  const len = prefix.length + body.length
  if (len >= width) return prefix + body
  if (spec.flags.includes("-")) return prefix + body + " ".repeat(width - len)
  if (zeroOk && spec.flags.includes("0")) return prefix + "0".repeat(width - len) + body
  return " ".repeat(width - len) + prefix + body
}

/** The sign a conversion prints: `-`, or `+`/space as the flags ask. */
export const signOf = (negative: boolean, flags: string): string =>
  negative ? "-" : flags.includes("+") ? "+" : flags.includes(" ") ? " " : ""

/** A C floating-point conversion (`%f %e %g %a`, upper or lower case) of `value`. */
export const formatFloat = (value: number, spec: ConversionSpec): string => {
  const c = spec.conversion
  const lower = c.toLowerCase()
  const upper = c !== lower
  const negative = value < 0 || Object.is(value, -0)
  const prefix = signOf(negative, spec.flags)
  if (!Number.isFinite(value)) {
    const text = Number.isNaN(value) ? "nan" : "inf"
    return pad(Number.isNaN(value) ? signOf(false, spec.flags) : prefix, upper ? text.toUpperCase() : text, spec, false)
  }
  const p = spec.precision ?? 6
  const alt = spec.flags.includes("#")
  let body =
    lower === "f"
      ? fixed(value, p)
      : lower === "e"
        ? exponential(value, p, alt)
        : lower === "g"
          ? general(value, spec.precision ?? 6, alt)
          : hex(value)
  if (lower === "f" && alt && p === 0) body += "."
  if (upper) body = body.toUpperCase()
  if (lower === "a") return pad(prefix + body.slice(0, 2), body.slice(2), spec, true)
  return pad(prefix, body, spec, true)
}
