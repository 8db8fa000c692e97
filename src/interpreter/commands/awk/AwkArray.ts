import { StrNum, type Value } from "./Values.ts"

/**
 * An awk array: a Map for lookups, plus a model of gawk's own array layout
 * so that `for (k in a)` visits keys in the order gawk does. gawk picks a
 * layout from the first subscript stored (array.c): non-negative integers
 * go to `cint` (powers-of-two blocks, listed in ascending order), negative
 * integers to `int` (a hash of 2-slot buckets), anything else to `str` (a
 * chained hash with gawk's sdbm-style hash); each keeps the subscripts it
 * cannot hold in a secondary array listed first. Table sizes, growth and
 * the order chains are rebuilt in follow str_array.c, int_array.c and
 * cint_array.c.
 */

const SIZES = [
  13, 127, 1021, 8191, 16381, 32749, 65497, 131101, 262147, 524309, 1048583, 2097169, 4194319, 8388617, 16777259,
  33554467, 67108879, 134217757, 268435459, 536870923, 1073741827,
]
const CHAIN_MAX = 2
const NHAT = 10
const THRESHOLD = 2 ** (NHAT + 1)

const nextSize = (size: number): number => SIZES.find((s) => s > size) ?? size

/** gawk's awk_hash: sdbm (h = c + 65599 * h) over the bytes, kept to 32 bits. */
const strHash = (s: string): number => {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (s.charCodeAt(i) + Math.imul(h, 65599)) >>> 0
  return h
}

/** int_array.c's int_hash. */
const intHash = (k: number, size: number): number => {
  let h = k >>> 0
  h = (h ^ (h << 3)) >>> 0
  h = (h + (h >>> 5)) >>> 0
  h = (h ^ (h << 4)) >>> 0
  h = (h + (h >>> 17)) >>> 0
  h = (h ^ (h << 25)) >>> 0
  h = (h + (h >>> 6)) >>> 0
  return h % size
}

/** Whether gawk takes a subscript as an integer (a standard integer string within 32 bits). */
const integerKey = (k: string): number | undefined => {
  if (!/^(0|-?[1-9][0-9]{0,9})$/.test(k)) return undefined
  const n = Number(k)
  return n >= -2147483648 && n <= 2147483647 ? n : undefined
}

interface Layout {
  readonly size: () => number
  readonly insert: (k: string) => void
  /** Remove; returns false when the layout became empty (the owner drops or replaces it). */
  readonly remove: (k: string) => void
  readonly list: (out: Array<Value>) => void
}

/**
 * str_array.c: chains with the newest element first, kept as index links
 * (no object per element) so large tables stay cheap.
 */
class StrLayout implements Layout {
  private heads = new Int32Array(0)
  private keys: Array<string> = []
  private codes: Array<number> = []
  private next: Array<number> = []
  private free: Array<number> = []
  private tableSize = 0
  count = 0

  size = () => this.count

  private grow(): void {
    const old = this.heads
    const size = nextSize(old.length)
    if (size === old.length) return
    const fresh = new Int32Array(size).fill(-1)
    for (let b = 0; b < old.length; b++) {
      for (let e = old[b]; e !== -1;) {
        const after = this.next[e]
        const h = this.codes[e] % size
        this.next[e] = fresh[h]
        fresh[h] = e
        e = after
      }
    }
    this.heads = fresh
  }

  insert = (key: string): void => {
    if (this.heads.length === 0) {
      this.grow()
      this.tableSize = 0
    }
    const code = strHash(key)
    this.tableSize++
    if (Math.floor(this.tableSize / this.heads.length) > CHAIN_MAX) this.grow()
    const h = code % this.heads.length
    const e = this.free.pop() ?? this.keys.length
    this.keys[e] = key
    this.codes[e] = code
    this.next[e] = this.heads[h]
    this.heads[h] = e
    this.count++
  }

  remove = (key: string): void => {
    const h = strHash(key) % this.heads.length
    let prev = -1
    for (let e = this.heads[h]; e !== -1; prev = e, e = this.next[e]) {
      if (this.keys[e] !== key) continue
      if (prev === -1) this.heads[h] = this.next[e]
      else this.next[prev] = this.next[e]
      this.keys[e] = ""
      this.free.push(e)
      this.count--
      this.tableSize--
      if (this.tableSize === 0) {
        this.heads = new Int32Array(0)
        this.keys = []
        this.codes = []
        this.next = []
        this.free = []
      }
      return
    }
  }

  list = (out: Array<Value>): void => {
    for (let b = 0; b < this.heads.length; b++) {
      for (let e = this.heads[b]; e !== -1; e = this.next[e]) out.push(new StrNum(this.keys[e]))
    }
  }
}

/** int_array.c: integers in 2-slot buckets, other subscripts in a str layout listed first. */
class IntLayout implements Layout {
  private buckets: Array<Array<Array<number>>> = []
  private ints = 0
  private xn: StrLayout | undefined

  size = () => this.ints + (this.xn?.count ?? 0)

  private place(buckets: Array<Array<Array<number>>>, k: number): void {
    const chain = buckets[intHash(k, buckets.length)]
    const head = chain[0]
    if (head === undefined || head.length === 2) chain.unshift([k])
    else head.push(k)
  }

  private grow(): void {
    const old = this.buckets
    const size = nextSize(old.length)
    if (size === old.length) return
    const fresh: Array<Array<Array<number>>> = Array.from({ length: size }, () => [])
    for (const chain of old) for (const b of chain) for (const k of b) this.place(fresh, k)
    this.buckets = fresh
  }

  insert = (key: string): void => {
    const k = integerKey(key)
    if (k === undefined) {
      this.xn ??= new StrLayout()
      this.xn.insert(key)
      return
    }
    if (this.buckets.length === 0) this.grow()
    this.ints++
    if (Math.floor(this.ints / this.buckets.length) > CHAIN_MAX) this.grow()
    this.place(this.buckets, k)
  }

  remove = (key: string): void => {
    const k = integerKey(key)
    if (k === undefined) {
      this.xn?.remove(key)
      if (this.xn?.count === 0) this.xn = undefined
      return
    }
    const chain = this.buckets[intHash(k, this.buckets.length)]
    const bi = chain.findIndex((b) => b.includes(k))
    if (bi === -1) return
    const b = chain[bi]
    b.splice(b.indexOf(k), 1)
    if (b.length === 0) chain.splice(bi, 1)
    else if (bi !== 0) {
      // gawk refills a half-empty bucket from the head bucket.
      const head = chain[0]
      const moved = head.pop()
      if (moved !== undefined) b.push(moved)
      if (head.length === 0) chain.shift()
    }
    this.ints--
    if (this.ints === 0) this.buckets = []
  }

  /** Only the string part is left: gawk promotes it to the whole array. */
  promote(): StrLayout | undefined {
    return this.ints === 0 ? this.xn : undefined
  }

  list = (out: Array<Value>): void => {
    this.xn?.list(out)
    for (const chain of this.buckets) for (const b of chain) for (const k of b) out.push(k)
  }
}

/** cint_array.c: non-negative integers by power-of-two blocks, in ascending order. */
class CintLayout implements Layout {
  private readonly ints = new Set<number>()
  /** Allocated leaf blocks (by base) with their element counts and sizes. */
  private readonly leaves = new Map<number, { count: number; readonly size: number }>()
  private capacity = 0
  xn: StrLayout | IntLayout | undefined

  size = () => this.ints.size + (this.xn?.size() ?? 0)

  /** The leaf block holding `k`: its base and size, following tree_lookup. */
  private static leaf(k: number): { readonly base: number; readonly size: number } {
    const h1 = k === 0 ? NHAT : Math.max(NHAT, 32 - Math.clz32(k))
    let m = h1 - 1
    let base = 0
    if (m < NHAT) m = NHAT
    else base = 2 ** m
    for (;;) {
      const n = Math.floor((m + 1) / 2)
      const size = 2 ** n
      const start = base + size * Math.floor((k - base) / size)
      if (n <= NHAT) return { base: start, size }
      base = start
      m = n
    }
  }

  /** The capacity estimate cint_lookup adds before deciding to store elsewhere. */
  private static estimate(k: number): number {
    const h1 = k === 0 ? NHAT : Math.max(NHAT, 32 - Math.clz32(k))
    let li = Math.max(h1 - 1, NHAT)
    while (li >= NHAT) li = Math.floor((li + 1) / 2)
    return 2 ** li
  }

  insert = (key: string): void => {
    const k = integerKey(key)
    if (k !== undefined && k >= 0 && this.capacity + CintLayout.estimate(k) - this.ints.size <= THRESHOLD) {
      this.ints.add(k)
      const { base, size } = CintLayout.leaf(k)
      const leaf = this.leaves.get(base)
      if (leaf === undefined) {
        this.leaves.set(base, { count: 1, size })
        this.capacity += size
      } else leaf.count++
      return
    }
    this.xn ??= k !== undefined ? new IntLayout() : new StrLayout()
    this.xn.insert(key)
  }

  remove = (key: string): void => {
    const k = integerKey(key)
    if (k !== undefined && this.ints.delete(k)) {
      const { base } = CintLayout.leaf(k)
      const leaf = this.leaves.get(base)
      if (leaf !== undefined && --leaf.count === 0) {
        this.leaves.delete(base)
        this.capacity -= leaf.size
      }
      return
    }
    this.xn?.remove(key)
    if (this.xn?.size() === 0) this.xn = undefined
  }

  /** gawk promotes the secondary array once no integer is left in the blocks. */
  promote(): Layout | undefined {
    return this.ints.size === 0 ? this.xn : undefined
  }

  list = (out: Array<Value>): void => {
    this.xn?.list(out)
    for (const k of [...this.ints].sort((a, b) => a - b)) out.push(k)
  }
}

/** An awk array with gawk's iteration order. */
export class AwkArray {
  private readonly map = new Map<string, Value>()
  private layout: Layout | undefined
  /** Whether to model gawk's layout: only programs with a `for (k in a)` can observe it. */
  private readonly tracked: boolean

  constructor(ordered = true) {
    this.tracked = ordered
  }

  get size(): number {
    return this.map.size
  }

  get(k: string): Value | undefined {
    return this.map.get(k)
  }

  has(k: string): boolean {
    return this.map.has(k)
  }

  set(k: string, v: Value): void {
    if (this.tracked && !this.map.has(k)) {
      if (this.layout === undefined) {
        const n = integerKey(k)
        this.layout = n === undefined ? new StrLayout() : n >= 0 ? new CintLayout() : new IntLayout()
      }
      this.layout.insert(k)
    }
    this.map.set(k, v)
  }

  delete(k: string): void {
    if (!this.map.delete(k) || this.layout === undefined) return
    this.layout.remove(k)
    if (this.map.size === 0) this.layout = undefined
    else if (this.layout instanceof CintLayout || this.layout instanceof IntLayout) {
      this.layout = this.layout.promote() ?? this.layout
    }
  }

  clear(): void {
    this.map.clear()
    this.layout = undefined
  }

  /** Subscripts in gawk's `for (k in a)` order: integers as numbers, others as strnums. */
  keys(): Array<Value> {
    const out: Array<Value> = []
    if (this.tracked) this.layout?.list(out)
    else for (const k of this.map.keys()) out.push(new StrNum(k))
    return out
  }

  /** Subscripts as strings, in insertion order (for sorting). */
  names(): Array<string> {
    return [...this.map.keys()]
  }

  values(): Array<Value> {
    return [...this.map.values()]
  }
}
