import type { Offsets } from "./LineTable.ts"

/**
 * Sorting byte strings that live in one buffer (whole lines, or one key of
 * each line), by number, without a string or object per line.
 */

/**
 * One byte string per line number `i`: `bytes[from[i], to[i] + shift)`, each
 * byte seen through `map` (a 256-entry table: identity, or case folding for
 * `sort -f`). `shift` is -1 when `to` is the next line's start (whole lines
 * without their delimiter), 0 when it holds ends.
 */
export interface ByteStrings {
  readonly bytes: Uint8Array
  readonly from: Offsets
  readonly to: Offsets
  readonly shift: number
  readonly map: Uint8Array
}

/** Every byte as itself. */
export const IDENTITY: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => i)

/** ASCII lower case as upper case, as `sort -f` folds in the C locale. */
export const FOLD: Uint8Array = Uint8Array.from({ length: 256 }, (_, i) => (i >= 97 && i <= 122 ? i - 32 : i))

/** Compare the strings of lines `a` and `b` from byte `depth` of each (both known equal before it). */
export const compareStrings = (k: ByteStrings, a: number, b: number, depth = 0): number => {
  const { bytes, map } = k
  let i = k.from[a] + depth
  let j = k.from[b] + depth
  const ea = k.to[a] + k.shift
  const eb = k.to[b] + k.shift
  while (i < ea && j < eb) {
    const d = map[bytes[i]] - map[bytes[j]]
    if (d !== 0) return d
    i++
    j++
  }
  return ea - i - (eb - j)
}

/** Ranges at most this long are insertion-sorted with a byte comparison. */
const SMALL = 24

/** log2(257): a key symbol is a byte + 1, or 0 once the string has ended (so shorter strings sort first). */
const SYMBOL_BITS = Math.log2(257)

/**
 * Sort `order[lo, hi)` (line numbers) by their strings, stably.
 *
 * An MSD radix sort whose digit is as many bytes as fit in a double beside
 * the position: each range's lines get a key `prefix * 2^bits + position`,
 * and a Float64Array sorts natively (no comparator calls), which also keeps
 * equal prefixes in input order. Runs of equal prefix are then sorted on
 * their next bytes; runs whose strings all ended, or are all the same, are done.
 */
export const sortStrings = (k: ByteStrings, order: Uint32Array, lo = 0, hi = order.length): void => {
  const { bytes, from, to, shift, map } = k
  const scratch = new Float64Array(hi - lo)
  const moved = new Uint32Array(hi - lo)
  // ranges still to sort, three numbers each: lo, hi, depth
  const work: Array<number> = [lo, hi, 0]
  while (work.length > 0) {
    const depth = work.pop()!
    const b = work.pop()!
    const a = work.pop()!
    const m = b - a
    if (m <= SMALL) {
      insertionSort(k, order, a, b, depth)
      continue
    }
    // Repeated strings (common in real data) would otherwise take a round per few bytes to the end.
    if (allEqual(k, order, a, b, depth)) continue
    const bits = Math.ceil(Math.log2(m))
    const scale = 2 ** bits
    const symbols = Math.floor((53 - bits) / SYMBOL_BITS)
    const keys = scratch.subarray(0, m)
    for (let i = 0; i < m; i++) {
      const line = order[a + i]
      let p = from[line] + depth
      const e = to[line] + shift
      let v = 0
      for (let s = 0; s < symbols; s++) v = v * 257 + (p < e ? map[bytes[p++]] + 1 : 0)
      keys[i] = v * scale + i
    }
    keys.sort()
    for (let i = 0; i < m; i++) moved[i] = order[a + (keys[i] % scale)]
    order.set(moved.subarray(0, m), a)
    let runStart = 0
    let runPrefix = Math.floor(keys[0] / scale)
    for (let i = 1; i <= m; i++) {
      const prefix = i < m ? Math.floor(keys[i] / scale) : -1
      if (prefix === runPrefix) continue
      // a last symbol of 0 means the strings ended within this digit: the run's are all equal
      if (i - runStart > 1 && runPrefix % 257 !== 0) work.push(a + runStart, a + i, depth + symbols)
      runStart = i
      runPrefix = prefix
    }
  }
}

const allEqual = (k: ByteStrings, order: Uint32Array, lo: number, hi: number, depth: number): boolean => {
  const first = order[lo]
  for (let i = lo + 1; i < hi; i++) if (compareStrings(k, first, order[i], depth) !== 0) return false
  return true
}

const insertionSort = (k: ByteStrings, order: Uint32Array, lo: number, hi: number, depth: number): void => {
  for (let i = lo + 1; i < hi; i++) {
    const line = order[i]
    let j = i - 1
    while (j >= lo && compareStrings(k, order[j], line, depth) > 0) {
      order[j + 1] = order[j]
      j--
    }
    order[j + 1] = line
  }
}
