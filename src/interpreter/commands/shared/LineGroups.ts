import { lineEnd, type LineTable } from "./LineTable.ts"

/**
 * Identical lines grouped by hashing, for inputs with many repeats (words,
 * log levels, status codes: what `sort | uniq -c` counts). Sorting then
 * orders the distinct lines only, places every line by counting, and the
 * output copies each group's first line, which stays in cache, instead of
 * gathering lines from all over the input.
 */

/** The groups of identical lines of a table. */
export interface LineGroups {
  /** Number of distinct lines. */
  readonly count: number
  /** The group of each line. */
  readonly groupOf: Uint32Array
  /** The first line of each group. */
  readonly first: Uint32Array
}

/** Lines looked at before deciding whether grouping pays. */
const SAMPLE = 1 << 16

/**
 * Group the identical lines of `t`; undefined when more than a quarter of
 * the first SAMPLE lines are distinct (then a plain sort is cheaper).
 */
export const groupIdentical = (t: LineTable): LineGroups | undefined => {
  const { bytes, start, count: n } = t
  const groupOf = new Uint32Array(n)
  let first: Uint32Array = new Uint32Array(1024)
  let hashes: Uint32Array = new Uint32Array(1024)
  let slots: Int32Array = new Int32Array(2048).fill(-1)
  let mask = slots.length - 1
  let groups = 0
  for (let i = 0; i < n; i++) {
    if (i === SAMPLE && groups * 4 > SAMPLE) return undefined
    const s = start[i]
    const e = start[i + 1] - 1
    let h = 0x811c9dc5
    for (let p = s; p < e; p++) h = Math.imul(h ^ bytes[p], 0x01000193)
    h >>>= 0
    let slot = h & mask
    for (;;) {
      const g = slots[slot]
      if (g === -1) {
        if (groups === first.length) {
          first = grow(first)
          hashes = grow(hashes)
        }
        first[groups] = i
        hashes[groups] = h
        slots[slot] = groups
        groupOf[i] = groups++
        if (groups * 2 > slots.length) {
          slots = rehash(hashes, groups, slots.length * 2)
          mask = slots.length - 1
        }
        break
      }
      if (hashes[g] === h && sameLine(t, first[g], s, e)) {
        groupOf[i] = g
        break
      }
      slot = (slot + 1) & mask
    }
  }
  return { count: groups, groupOf, first: first.subarray(0, groups) }
}

const grow = (a: Uint32Array): Uint32Array => {
  const b = new Uint32Array(a.length * 2)
  b.set(a)
  return b
}

const rehash = (hashes: Uint32Array, groups: number, size: number): Int32Array => {
  const slots = new Int32Array(size).fill(-1)
  const mask = size - 1
  for (let g = 0; g < groups; g++) {
    let slot = hashes[g] & mask
    while (slots[slot] !== -1) slot = (slot + 1) & mask
    slots[slot] = g
  }
  return slots
}

const sameLine = (t: LineTable, line: number, s: number, e: number): boolean => {
  const a = t.start[line]
  if (lineEnd(t, line) - a !== e - s) return false
  for (let i = 0; i < e - s; i++) if (t.bytes[a + i] !== t.bytes[s + i]) return false
  return true
}

/**
 * The output order given the order of the groups (`groupOrder`: group
 * numbers, first to last): each line's group's first line, as many times as
 * the group has lines. Identical lines are interchangeable, so this is the
 * sorted input.
 */
export const expandGroups = (groups: LineGroups, groupOrder: Uint32Array, lines: number): Uint32Array => {
  const sizes = new Uint32Array(groups.count)
  for (let i = 0; i < lines; i++) sizes[groups.groupOf[i]]++
  const order = new Uint32Array(lines)
  let k = 0
  for (let r = 0; r < groupOrder.length; r++) {
    const g = groupOrder[r]
    order.fill(groups.first[g], k, k + sizes[g])
    k += sizes[g]
  }
  return order
}
