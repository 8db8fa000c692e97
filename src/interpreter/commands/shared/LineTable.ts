import { Effect } from "effect"
import { CHUNK_SIZE, type BrokenPipe, type Output } from "../../Io.ts"
import { IDENTITY, sortStrings, type ByteStrings } from "./RadixSort.ts"

/**
 * A whole input held compactly for commands that must see all of it before
 * writing (sort): the bytes in one buffer and one offset per line, instead
 * of a string or object per line. At 20 MB of 8-byte lines that is 4 bytes a
 * line of bookkeeping where strings cost 30-40, and sorting runs over typed
 * arrays that the garbage collector never walks.
 */

/** Line offsets: a Uint32Array while the buffer is under 4 GiB. */
export type Offsets = Uint32Array | Float64Array

/**
 * The lines of `bytes`: line `i` is `bytes[start[i], start[i + 1] - 1)`, the
 * byte before the next start being its delimiter. A last line without a
 * delimiter ends at the buffer's end (its next start is one past it).
 */
export interface LineTable {
  readonly bytes: Uint8Array
  readonly start: Offsets
  readonly count: number
}

/** The end (exclusive, without delimiter) of line `i`. */
export const lineEnd = (t: LineTable, i: number): number => t.start[i + 1] - 1

/** Index the lines of `bytes` ended by `eol`. */
export const lineTable = (bytes: Uint8Array, eol: number): LineTable => {
  const wide = bytes.length >= 0xffffffff
  let start: Offsets = wide ? new Float64Array(1024) : new Uint32Array(1024)
  let n = 0
  let p = 0
  while (p < bytes.length) {
    if (n + 2 > start.length) {
      const bigger: Offsets = wide ? new Float64Array(start.length * 2) : new Uint32Array(start.length * 2)
      bigger.set(start)
      start = bigger
    }
    start[n++] = p
    const i = bytes.indexOf(eol, p)
    p = i === -1 ? bytes.length + 1 : i + 1
  }
  start[n] = p
  return { bytes, start: start.subarray(0, n + 1), count: n }
}

/** Compare lines `a` and `b` bytewise from byte `depth` of each (both known equal before it). */
export const compareLines = (t: LineTable, a: number, b: number, depth = 0): number => {
  const bytes = t.bytes
  let i = t.start[a] + depth
  let j = t.start[b] + depth
  const ea = t.start[a + 1] - 1
  const eb = t.start[b + 1] - 1
  while (i < ea && j < eb) {
    const d = bytes[i] - bytes[j]
    if (d !== 0) return d
    i++
    j++
  }
  return ea - i - (eb - j)
}

/** `order` from 0 to n - 1. */
export const identity = (n: number): Uint32Array => {
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = i
  return order
}

/** Sort `order[lo, hi)` (line numbers of `t`) into byte order of the whole lines, stably (see RadixSort.ts). */
export const sortBytes = (t: LineTable, order: Uint32Array, lo = 0, hi = order.length): void =>
  sortStrings(lineStrings(t), order, lo, hi)

/** The lines of `t` as the strings to sort: each line without its delimiter. */
export const lineStrings = (t: LineTable): ByteStrings => ({
  bytes: t.bytes,
  from: t.start,
  to: t.start.subarray(1),
  shift: -1,
  map: IDENTITY,
})

/** Reverse `order[lo, hi)` in place. */
export const reverseRange = (order: Uint32Array, lo: number, hi: number): void => {
  for (let i = lo, j = hi - 1; i < j; i++, j--) {
    const x = order[i]
    order[i] = order[j]
    order[j] = x
  }
}

/**
 * Write the lines `order[0, n)` of `t`, each followed by `eol`, in chunks of
 * about CHUNK_SIZE. `keep(k)` (when given) says whether the k-th line of the
 * order is written.
 */
export const writeLines = (
  out: Output,
  t: LineTable,
  order: Uint32Array,
  eol: number,
  keep?: (k: number) => boolean,
): Effect.Effect<void, BrokenPipe> =>
  Effect.gen(function* () {
    const cursor = { k: 0 }
    while (cursor.k < order.length) {
      const chunk = fillChunk(t, order, eol, keep, cursor)
      if (chunk.length > 0) yield* out.write(chunk)
    }
  })

/** Copy lines from `order[cursor.k]` on into a new chunk until it is full; advances the cursor. */
const fillChunk = (
  t: LineTable,
  order: Uint32Array,
  eol: number,
  keep: ((k: number) => boolean) | undefined,
  cursor: { k: number },
): Uint8Array => {
  const bytes = t.bytes
  const start = t.start
  let k = cursor.k
  const first = start[order[k]]
  const firstLength = start[order[k] + 1] - first
  // one line longer than a chunk gets a chunk of its own
  const buf = new Uint8Array(Math.max(CHUNK_SIZE, firstLength))
  let pos = 0
  for (; k < order.length; k++) {
    if (keep !== undefined && !keep(k)) continue
    const line = order[k]
    const s = start[line]
    const n = start[line + 1] - 1 - s
    if (pos + n + 1 > buf.length) break
    // short lines are copied byte by byte: a subarray view per line would cost more than the copy
    if (n < 64) for (let i = 0; i < n; i++) buf[pos + i] = bytes[s + i]
    else buf.set(bytes.subarray(s, s + n), pos)
    pos += n
    buf[pos++] = eol
  }
  cursor.k = k
  return buf.subarray(0, pos)
}
