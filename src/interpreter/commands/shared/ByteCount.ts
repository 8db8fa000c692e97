/**
 * Counting one byte value (newlines, NULs) in a chunk, four bytes at a time:
 * about four times faster than an `indexOf` loop, which pays a call per
 * line. This is what `wc -l` and `tail -n` spend their time on.
 */

/** How many times byte `b` occurs in `chunk`. */
export const countByte = (chunk: Uint8Array, b: number): number => {
  let n = 0
  let i = 0
  // bytes up to the first 4-byte boundary of the buffer, then whole words, then the rest
  const head = Math.min(chunk.length, (4 - (chunk.byteOffset & 3)) & 3)
  for (; i < head; i++) if (chunk[i] === b) n++
  const words = (chunk.length - i) >>> 2
  if (words > 0) {
    const w32 = new Uint32Array(chunk.buffer, chunk.byteOffset + i, words)
    const pattern = Math.imul(b, 0x01010101)
    for (let k = 0; k < words; k++) {
      const x = w32[k] ^ pattern
      // the high bit of each byte of t is set exactly when that byte of x is zero (no carries between bytes)
      const t = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f)
      n += Math.imul((t >>> 7) & 0x01010101, 0x01010101) >>> 24
    }
    i += words * 4
  }
  for (; i < chunk.length; i++) if (chunk[i] === b) n++
  return n
}
