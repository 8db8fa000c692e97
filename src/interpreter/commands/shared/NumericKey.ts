/**
 * `sort -n` keys as doubles, read straight from the bytes: the numeric sort
 * then orders numbers instead of comparing digit strings per comparison.
 */

/** Significant digits that every double conversion below keeps in order (a double holds 15 exactly). */
const EXACT_DIGITS = 15

const POW10: ReadonlyArray<number> = Array.from({ length: EXACT_DIGITS + 1 }, (_, i) => 10 ** i)

const isBlank = (b: number) => b === 32 || b === 9 || b === 10
const isDigit = (b: number) => b >= 48 && b <= 57

/**
 * The `-n` value of `bytes[from, to)` as GNU's strnumcmp reads it: leading
 * blanks, an optional '-', digits, an optional '.' and digits; anything else
 * ends the number, and no digits is 0 (so is -0). NaN when the number has
 * more than 15 significant digits: then two different numbers could give
 * the same double, or two doubles computed with two roundings could swap,
 * and the caller must compare the digits exactly.
 *
 * With at most 15 digits, distinct numbers differ by at least 1e-15 of their
 * size, and the integer part, the fraction's digits and the power of ten are
 * exact, so the two roundings (division, addition) cannot reorder them.
 */
export const numericValue = (bytes: Uint8Array, from: number, to: number): number => {
  let i = from
  while (i < to && isBlank(bytes[i])) i++
  let negative = false
  if (i < to && bytes[i] === 45) {
    negative = true
    i++
  }
  while (i < to && bytes[i] === 48) i++
  let int = 0
  let digits = 0
  while (i < to && isDigit(bytes[i])) {
    int = int * 10 + (bytes[i] - 48)
    digits++
    i++
  }
  let frac = 0
  let places = 0
  if (i < to && bytes[i] === 46) {
    i++
    // trailing zeros do not change the value: count places only up to the last nonzero digit
    let pending = 0
    while (i < to && isDigit(bytes[i])) {
      const d = bytes[i] - 48
      if (d === 0) pending++
      else {
        for (; pending > 0; pending--) {
          frac *= 10
          places++
        }
        frac = frac * 10 + d
        places++
      }
      i++
      if (digits + places > EXACT_DIGITS) return NaN
    }
  }
  if (digits + places > EXACT_DIGITS) return NaN
  const value = places === 0 ? int : int + frac / POW10[places]
  // -0 is 0, and equal to it
  return value === 0 ? 0 : negative ? -value : value
}

/**
 * Dense ranks of `values` (no NaN): equal values get equal ranks, and ranks
 * follow numeric order. Gives the ranks and how many distinct values there are.
 */
export const denseRanks = (values: Float64Array): { readonly ranks: Uint32Array; readonly distinct: number } => {
  const sorted = values.slice().sort()
  let distinct = 0
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i]
  const ranks = new Uint32Array(values.length)
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    let lo = 0
    let hi = distinct - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < v) lo = mid + 1
      else hi = mid
    }
    ranks[i] = lo
  }
  return { ranks, distinct }
}
