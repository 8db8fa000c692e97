import { expandGroups, groupIdentical } from "./LineGroups.ts"
import { compareLines, identity, reverseRange, sortBytes, type LineTable, type Offsets } from "./LineTable.ts"
import { denseRanks, numericValue } from "./NumericKey.ts"
import { compareStrings, FOLD, IDENTITY, sortStrings, type ByteStrings } from "./RadixSort.ts"
import { compareValues, keyEnd, keyStart, keyValue, type Key, type KeyValue } from "./SortKeys.ts"

/**
 * The order `sort` writes lines in, over a `LineTable`, by the cheapest
 * strategy the options allow: a radix sort of the bytes when there are no
 * keys or one text key, ranks of doubles for one `-n` key, and a comparison
 * sort of precomputed key values otherwise. All three give GNU's order: keys in
 * turn, then (unless -s or -u) the whole line as the last resort, reversed
 * by a global -r.
 */

/** What decides the order. */
export interface SortOptions {
  readonly keys: ReadonlyArray<Key>
  /** Field separator byte, -1 for blank transitions. */
  readonly tab: number
  /** Global -r: reverses the last-resort comparison. */
  readonly reverse: boolean
  /** -s or -u: no last-resort comparison. */
  readonly noLastResort: boolean
  /** Seed of -R's hash. */
  readonly salt: number
}

/**
 * A comparison of two lines (by number) under the options, and whether two
 * lines are equal for -u (their keys compare equal).
 */
export interface Comparison {
  readonly compare: (a: number, b: number) => number
  readonly sameKeys: (a: number, b: number) => boolean
}

/** Precompute every line's key values and compare by them (any keys, any options). */
export const comparison = (t: LineTable, o: SortOptions): Comparison => {
  const values: Array<Array<KeyValue>> = o.keys.map((key) => {
    const column: Array<KeyValue> = []
    for (let i = 0; i < t.count; i++) column.push(keyValue(t.bytes, t.start[i], t.start[i + 1] - 1, key, o.tab, o.salt))
    return column
  })
  const keysCompare = (a: number, b: number): number => {
    for (let k = 0; k < o.keys.length; k++) {
      const d = compareValues(values[k][a], values[k][b], o.keys[k])
      if (d !== 0) return o.keys[k].reverse ? -d : d
    }
    return 0
  }
  return {
    compare: (a, b) => {
      const d = keysCompare(a, b)
      if (d !== 0 || (o.keys.length > 0 && o.noLastResort)) return d
      const last = compareLines(t, a, b)
      return o.reverse ? -last : last
    },
    sameKeys: (a, b) => (o.keys.length === 0 ? compareLines(t, a, b) === 0 : keysCompare(a, b) === 0),
  }
}

/** The sorted order of all lines, and for -u whether the k-th line of it repeats the one before. */
export interface Sorted {
  readonly order: Uint32Array
  /** True when the k-th line of `order` equals (for -u) the previous one. */
  readonly repeats: (k: number) => boolean
}

/** Sort every line of `t`. */
export const sortLines = (t: LineTable, o: SortOptions): Sorted => {
  if (o.keys.length === 0) return plainOrder(t, o)
  if (o.keys.length === 1 && isPlainText(o.keys[0])) return textKeyOrder(t, o, o.keys[0])
  if (o.keys.length === 1 && o.keys[0].numeric && !o.keys[0].humanNumeric && t.count < 2 ** 26) {
    const numeric = numericOrder(t, o, o.keys[0])
    if (numeric !== undefined) return numeric
  }
  const order = identity(t.count)
  const c = comparison(t, o)
  order.sort(c.compare)
  return { order, repeats: (k) => k > 0 && c.sameKeys(order[k - 1], order[k]) }
}

/**
 * No keys: byte order of whole lines (equal lines are identical, so -r may
 * simply reverse). Inputs with many repeated lines sort their distinct lines only.
 */
const plainOrder = (t: LineTable, o: SortOptions): Sorted => {
  const groups = groupIdentical(t)
  if (groups !== undefined) {
    const firsts = groups.first.slice()
    sortBytes(t, firsts)
    const groupOrder = firsts.map((line) => groups.groupOf[line])
    if (o.reverse) groupOrder.reverse()
    const order = expandGroups(groups, groupOrder, t.count)
    // every line of a group is written as the group's first line, so a repeat is the same line number
    return { order, repeats: (k) => k > 0 && order[k - 1] === order[k] }
  }
  const order = identity(t.count)
  sortBytes(t, order)
  if (o.reverse) reverseRange(order, 0, order.length)
  return { order, repeats: (k) => k > 0 && compareLines(t, order[k - 1], order[k]) === 0 }
}

/**
 * One `-n` key: each line's number as a double, ranked, then sorted by
 * `rank * 2^bits + line` natively (input order among equal numbers, as a
 * stable sort keeps it); lines with equal numbers get the last resort.
 * Undefined when some number has too many digits for a double.
 */
const numericOrder = (t: LineTable, o: SortOptions, key: Key): Sorted | undefined => {
  const n = t.count
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const from = t.start[i]
    const lim = t.start[i + 1] - 1
    const ks = keyStart(t.bytes, from, lim, key, o.tab)
    const v = numericValue(t.bytes, ks, Math.max(ks, keyEnd(t.bytes, from, lim, key, o.tab)))
    if (Number.isNaN(v)) return undefined
    values[i] = v
  }
  const { ranks, distinct } = denseRanks(values)
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n)))
  const keys = values
  for (let i = 0; i < n; i++) keys[i] = (key.reverse ? distinct - 1 - ranks[i] : ranks[i]) * scale + i
  keys.sort()
  const order = new Uint32Array(n)
  for (let k = 0; k < n; k++) order[k] = keys[k] % scale
  if (!o.noLastResort) {
    let runStart = 0
    for (let k = 1; k <= n; k++) {
      if (k < n && ranks[order[k]] === ranks[order[runStart]]) continue
      if (k - runStart > 1) {
        sortBytes(t, order, runStart, k)
        if (o.reverse) reverseRange(order, runStart, k)
      }
      runStart = k
    }
  }
  return { order, repeats: (k) => k > 0 && ranks[order[k - 1]] === ranks[order[k]] }
}

/** A key compared as bytes (perhaps folded), not as a number, month, version or hash, nor filtered by -d or -i. */
const isPlainText = (key: Key): boolean =>
  !(
    key.numeric ||
    key.generalNumeric ||
    key.humanNumeric ||
    key.month ||
    key.version ||
    key.random ||
    key.dictionary ||
    key.nonprinting
  )

/**
 * One text key (`-k2`, `-t, -k3,3`, `-f`): the keys' bytes located once and
 * radix-sorted where they lie; then the runs of equal keys, in key order
 * (reversed for the key's -r), each get the last resort.
 */
const textKeyOrder = (t: LineTable, o: SortOptions, key: Key): Sorted => {
  const n = t.count
  const wide = t.start instanceof Float64Array
  const from: Offsets = wide ? new Float64Array(n) : new Uint32Array(n)
  const to: Offsets = wide ? new Float64Array(n) : new Uint32Array(n)
  for (let i = 0; i < n; i++) {
    const s = t.start[i]
    const lim = t.start[i + 1] - 1
    const ks = keyStart(t.bytes, s, lim, key, o.tab)
    from[i] = ks
    to[i] = Math.max(ks, keyEnd(t.bytes, s, lim, key, o.tab))
  }
  const strings: ByteStrings = { bytes: t.bytes, from, to, shift: 0, map: key.fold ? FOLD : IDENTITY }
  const byKey = identity(n)
  sortStrings(strings, byKey)
  const runs: Array<number> = [0]
  for (let i = 1; i < n; i++) if (compareStrings(strings, byKey[i - 1], byKey[i]) !== 0) runs.push(i)
  runs.push(n)
  const order = new Uint32Array(n)
  let at = 0
  for (let r = 0; r < runs.length - 1; r++) {
    const run = key.reverse ? runs.length - 2 - r : r
    const a = runs[run]
    const b = runs[run + 1]
    order.set(byKey.subarray(a, b), at)
    if (!o.noLastResort && b - a > 1) {
      sortBytes(t, order, at, at + b - a)
      if (o.reverse) reverseRange(order, at, at + b - a)
    }
    at += b - a
  }
  return { order, repeats: (k) => k > 0 && compareStrings(strings, order[k - 1], order[k]) === 0 }
}

/** `-m`: merge ranges of lines taken as sorted, the earlier range first on ties (as GNU's merge). */
export const mergeRanges = (
  ranges: ReadonlyArray<readonly [number, number]>,
  compare: (a: number, b: number) => number,
): Uint32Array => {
  const total = ranges.reduce((sum, [lo, hi]) => sum + hi - lo, 0)
  const order = new Uint32Array(total)
  const at = ranges.map(([lo]) => lo)
  for (let k = 0; k < total; k++) {
    let best = -1
    for (let i = 0; i < ranges.length; i++) {
      if (at[i] >= ranges[i][1]) continue
      if (best === -1 || compare(at[i], at[best]) < 0) best = i
    }
    order[k] = at[best]++
  }
  return order
}
