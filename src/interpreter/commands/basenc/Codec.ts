/**
 * Streaming base64 and base32 in the manner of gnulib's `base64.c` and
 * `base32.c`: encoding carries the bytes of an incomplete group between
 * chunks; decoding skips newlines, decodes complete groups, and on a bad
 * group keeps the bytes decoded before the bad character, then stops.
 */

/** One of the two alphabets and its group shape. */
export interface Alphabet {
  /** Bytes per encoded group (3 or 5). */
  readonly bytesPerGroup: number
  /** Characters per encoded group (4 or 8). */
  readonly charsPerGroup: number
  readonly chars: string
  /** Value of each character code, -1 when it is not in the alphabet. */
  readonly values: Int8Array
}

const alphabet = (chars: string, bytesPerGroup: number, charsPerGroup: number): Alphabet => {
  const values = new Int8Array(256).fill(-1)
  for (let i = 0; i < chars.length; i++) values[chars.charCodeAt(i)] = i
  return { bytesPerGroup, charsPerGroup, chars, values }
}

/** RFC 4648 base64. */
export const BASE64 = alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 3, 4)
/** RFC 4648 base32. */
export const BASE32 = alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 5, 8)

const PAD = 61 // "="
const NL = 10

/** Encode whole groups (and, when `final`, a padded last group) of `bytes`. */
export const encodeGroups = (a: Alphabet, bytes: Uint8Array): Uint8Array => {
  const groups = Math.ceil(bytes.length / a.bytesPerGroup)
  const out = new Uint8Array(groups * a.charsPerGroup)
  const code = (v: number) => a.chars.charCodeAt(v)
  let o = 0
  for (let i = 0; i < bytes.length; i += a.bytesPerGroup) {
    const n = Math.min(a.bytesPerGroup, bytes.length - i)
    if (a.bytesPerGroup === 3) {
      const b0 = bytes[i]
      const b1 = n > 1 ? bytes[i + 1] : 0
      const b2 = n > 2 ? bytes[i + 2] : 0
      out[o++] = code(b0 >> 2)
      out[o++] = code(((b0 & 3) << 4) | (b1 >> 4))
      out[o++] = n > 1 ? code(((b1 & 15) << 2) | (b2 >> 6)) : PAD
      out[o++] = n > 2 ? code(b2 & 63) : PAD
    } else {
      // 40 bits as eight 5-bit values; a short group pads the characters it does not reach.
      let bits = 0n
      for (let k = 0; k < 5; k++) bits = (bits << 8n) | BigInt(k < n ? bytes[i + k] : 0)
      const used = [0, 2, 4, 5, 7, 8][n]
      for (let k = 0; k < 8; k++) out[o++] = k < used ? code(Number((bits >> BigInt(35 - 5 * k)) & 31n)) : PAD
    }
  }
  return out
}

/** The decoding state between chunks. */
export interface Decoder {
  /** Decode a chunk; gives the bytes and whether the input is still valid. */
  readonly push: (chunk: Uint8Array) => { readonly bytes: Uint8Array; readonly ok: boolean }
  /** End of input: the bytes of a trailing incomplete group, and whether there was none. */
  readonly end: () => { readonly bytes: Uint8Array; readonly ok: boolean }
}

/** Decode one group of `n` characters; `ok` false at the first invalid character (bytes before it kept). */
const decodeGroup = (a: Alphabet, g: Uint8Array, n: number, out: Array<number>): boolean => {
  const v = (i: number) => a.values[g[i]]
  const valid = (i: number) => i < n && v(i) >= 0
  const pad = (i: number) => i < n && g[i] === PAD
  if (a.bytesPerGroup === 3) {
    if (!valid(0) || !valid(1)) return false
    out.push((v(0) << 2) | (v(1) >> 4))
    if (n === 2) return false
    if (pad(2)) return n === 4 && pad(3)
    if (!valid(2)) return false
    out.push(((v(1) << 4) & 0xf0) | (v(2) >> 2))
    if (n === 3) return false
    if (pad(3)) return n === 4
    if (!valid(3)) return false
    out.push(((v(2) << 6) & 0xc0) | v(3))
    return true
  }
  if (n < 8) return false
  if (!valid(0) || !valid(1)) return false
  out.push((v(0) << 3) | (v(1) >> 2))
  if (pad(2)) return pad(3) && pad(4) && pad(5) && pad(6) && pad(7)
  if (!valid(2) || !valid(3)) return false
  out.push(((v(1) & 3) << 6) | (v(2) << 1) | (v(3) >> 4))
  if (pad(4)) return pad(5) && pad(6) && pad(7)
  if (!valid(4)) return false
  out.push(((v(3) & 15) << 4) | (v(4) >> 1))
  if (pad(5)) return pad(6) && pad(7)
  if (!valid(5) || !valid(6)) return false
  out.push(((v(4) & 1) << 7) | (v(5) << 2) | (v(6) >> 3))
  if (pad(7)) return true
  if (!valid(7)) return false
  out.push(((v(6) & 7) << 5) | v(7))
  return true
}

/** A decoder; `ignoreGarbage` drops every byte outside the alphabet and `=` first (`-i`). */
export const makeDecoder = (a: Alphabet, ignoreGarbage: boolean): Decoder => {
  const group = new Uint8Array(a.charsPerGroup)
  let n = 0
  let failed = false
  return {
    push: (chunk) => {
      const out: Array<number> = []
      if (failed) return { bytes: new Uint8Array(0), ok: false }
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk[i]
        if (c === NL || (ignoreGarbage && c !== PAD && a.values[c] < 0)) continue
        group[n++] = c
        if (n === a.charsPerGroup) {
          n = 0
          if (!decodeGroup(a, group, a.charsPerGroup, out)) {
            failed = true
            return { bytes: Uint8Array.from(out), ok: false }
          }
        }
      }
      return { bytes: Uint8Array.from(out), ok: true }
    },
    end: () => {
      if (failed || n === 0) return { bytes: new Uint8Array(0), ok: !failed }
      const out: Array<number> = []
      decodeGroup(a, group, n, out)
      return { bytes: Uint8Array.from(out), ok: false }
    },
  }
}
