import { general } from "../shared/FloatFormat.ts"

/**
 * od's output types (`-t` strings) and how one field of each is printed,
 * with GNU's field widths on a little-endian LP64 machine.
 */

/** One decoded `-t` type. */
export interface Spec {
  readonly kind: "d" | "o" | "u" | "x" | "f" | "a" | "c"
  /** Bytes per field. */
  readonly size: number
  /** Minimum width of a field, excluding its leading space. */
  readonly width: number
  /** The `z` suffix: show printable bytes after the line. */
  readonly trailer: boolean
}

const OCT_DIGITS = [0, 3, 6, 8, 11, 14, 16, 19, 22]
const SIGNED_DEC_DIGITS = [1, 4, 6, 8, 11, 13, 16, 18, 20]
const UNSIGNED_DEC_DIGITS = [0, 3, 5, 8, 10, 13, 15, 17, 20]
const INTEGRAL_SIZES = new Set([1, 2, 4, 8])
const NAMED = [
  ..."nul soh stx etx eot enq ack bel bs ht nl vt ff cr so si dle dc1 dc2 dc3 dc4 nak syn etb can em sub esc fs gs rs us sp".split(
    " ",
  ),
]
const ESCAPED: Record<number, string> = {
  0: "\\0",
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
}

const quote = (s: string) => `'${s}'`

/** Decode a `-t` string into specs, or GNU's message. */
export const decodeTypes = (text: string): Array<Spec> | string => {
  const specs: Array<Spec> = []
  let s = text
  while (s.length > 0) {
    const c = s[0]
    s = s.slice(1)
    let size: number
    let kind: Spec["kind"]
    if (c === "d" || c === "o" || c === "u" || c === "x") {
      kind = c
      const letter = { C: 1, S: 2, I: 4, L: 8 }[s[0] ?? ""]
      if (letter !== undefined) {
        size = letter
        s = s.slice(1)
      } else {
        const m = /^\d*/.exec(s)?.[0] ?? ""
        size = m === "" ? 4 : Number(m)
        s = s.slice(m.length)
        if (m !== "" && !INTEGRAL_SIZES.has(size)) {
          return `invalid type string ${quote(text)};\nthis system doesn't provide a ${size}-byte integral type`
        }
      }
    } else if (c === "f") {
      kind = "f"
      const letter = { F: 4, D: 8, L: 16 }[s[0] ?? ""]
      if (letter !== undefined) {
        size = letter
        s = s.slice(1)
      } else {
        const m = /^\d*/.exec(s)?.[0] ?? ""
        size = m === "" ? 8 : Number(m)
        s = s.slice(m.length)
        if (size !== 4 && size !== 8) {
          return `invalid type string ${quote(text)};\nthis system doesn't provide a ${size}-byte floating point type`
        }
      }
      if (size === 16)
        return `invalid type string ${quote(text)};\nthis system doesn't provide a 16-byte floating point type`
    } else if (c === "a" || c === "c") {
      kind = c
      size = 1
    } else return `invalid character '${c}' in type string ${quote(text)}`
    const width =
      kind === "a" || kind === "c"
        ? 3
        : kind === "f"
          ? size === 4
            ? 15
            : 24
          : kind === "d"
            ? SIGNED_DEC_DIGITS[size]
            : kind === "o"
              ? OCT_DIGITS[size]
              : kind === "u"
                ? UNSIGNED_DEC_DIGITS[size]
                : size * 2
    const trailer = s[0] === "z"
    if (trailer) s = s.slice(1)
    specs.push({ kind, size, width, trailer })
  }
  return specs
}

/** The shortest `%g` text that reads back as the same value, as gnulib's ftoastr. */
const shortestFloat = (x: number, single: boolean): string => {
  if (Number.isNaN(x)) return "nan"
  if (!Number.isFinite(x)) return x < 0 ? "-inf" : "inf"
  const min = single ? 1.1754943508222875e-38 : 2.2250738585072014e-308
  const sign = x < 0 || Object.is(x, -0) ? "-" : ""
  for (let p = Math.abs(x) < min ? 1 : single ? 6 : 15; ; p++) {
    const text = general(x, p)
    const back = Number(text)
    if ((single ? Math.fround(back) : back) === Math.abs(x) || p >= 17) return sign + text
  }
}

/** The text of one field (before padding) of `spec` at `view[offset]`. */
export const fieldText = (spec: Spec, view: DataView, offset: number, littleEndian: boolean): string => {
  const b = view.getUint8(offset)
  switch (spec.kind) {
    case "a": {
      const m = b & 0x7f
      return m === 127 ? "del" : m <= 32 ? NAMED[m] : String.fromCharCode(m)
    }
    case "c":
      return ESCAPED[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, "0"))
    case "f":
      return spec.size === 4
        ? shortestFloat(view.getFloat32(offset, littleEndian), true)
        : shortestFloat(view.getFloat64(offset, littleEndian), false)
    default: {
      const value = readInt(view, offset, spec.size, littleEndian, spec.kind === "d")
      if (spec.kind === "d" || spec.kind === "u") return value.toString()
      const digits = spec.kind === "o" ? OCT_DIGITS[spec.size] : spec.size * 2
      return value.toString(spec.kind === "o" ? 8 : 16).padStart(digits, "0")
    }
  }
}

const readInt = (view: DataView, offset: number, size: number, le: boolean, signed: boolean): bigint | number => {
  switch (size) {
    case 1:
      return signed ? view.getInt8(offset) : view.getUint8(offset)
    case 2:
      return signed ? view.getInt16(offset, le) : view.getUint16(offset, le)
    case 4:
      return signed ? view.getInt32(offset, le) : view.getUint32(offset, le)
    default:
      return signed ? view.getBigInt64(offset, le) : view.getBigUint64(offset, le)
  }
}
