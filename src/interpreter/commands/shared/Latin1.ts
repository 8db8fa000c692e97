/**
 * Fast lossless conversion between bytes and latin1 strings (one code unit
 * per byte), for commands that process bytes with string and RegExp tools.
 * `TextDecoder("latin1")` is not usable: it is windows-1252, which remaps
 * 0x80-0x9f. Widening the bytes to 16-bit units and decoding them as
 * UTF-16 is exact and runs natively.
 */

const utf16 = new TextDecoder("utf-16le")
const utf8 = new TextEncoder()
const utf8Decoder = new TextDecoder()

/** Below this size a plain loop beats allocating the 16-bit copy. */
const SMALL = 64

/** Bytes `[start, end)` as a latin1 string. */
export const decodeLatin1 = (bytes: Uint8Array, start = 0, end = bytes.length): string => {
  const n = end - start
  if (n <= 0) return ""
  if (n <= SMALL) {
    let s = ""
    for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i])
    return s
  }
  const view = bytes.subarray(start, end)
  // ASCII (most text) decodes the same as UTF-8, which the decoder does several times faster
  if (isAscii(view)) return utf8Decoder.decode(view)
  const wide = new Uint16Array(n)
  wide.set(view)
  return utf16.decode(wide)
}

/** Whether every byte is below 0x80, tested four bytes at a time. */
const isAscii = (bytes: Uint8Array): boolean => {
  let any = 0
  let i = 0
  const head = Math.min(bytes.length, (4 - (bytes.byteOffset & 3)) & 3)
  for (; i < head; i++) any |= bytes[i]
  const words = (bytes.length - i) >>> 2
  if (words > 0) {
    const w32 = new Uint32Array(bytes.buffer, bytes.byteOffset + i, words)
    for (let k = 0; k < words; k++) any |= w32[k]
    i += words * 4
  }
  for (; i < bytes.length; i++) any |= bytes[i]
  return (any & 0x80808080) === 0
}

/** Whether every code unit of `s` is ASCII (then its UTF-8 bytes are its latin1 bytes). */
const ascii = (s: string): boolean => !/[\u0080-\uffff]/.test(s)

/** Write latin1 string `s` into `out` at `offset`; gives the bytes written (`s.length`). */
export const encodeLatin1Into = (s: string, out: Uint8Array, offset: number): number => {
  if (s.length > SMALL && ascii(s)) return utf8.encodeInto(s, out.subarray(offset, offset + s.length)).written
  for (let i = 0; i < s.length; i++) out[offset + i] = s.charCodeAt(i)
  return s.length
}

/** A latin1 string as bytes. */
export const encodeLatin1 = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length)
  encodeLatin1Into(s, out, 0)
  return out
}
