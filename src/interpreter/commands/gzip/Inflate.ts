/**
 * A resumable DEFLATE (RFC 1951) decoder that knows exactly where its
 * stream ends, which a gzip reader needs to find the member trailer and what
 * follows it (another member, or trailing garbage). fflate's streaming
 * inflaters hide that position, so decoding is ours; compressing uses fflate.
 *
 * Input is pushed in chunks; `run` decodes while enough input is buffered
 * for any single step (or all of it at the end), keeping its state between
 * calls, so memory stays bounded by the 32 KiB window and a chunk.
 */

/** A malformed or truncated stream. */
export class InflateError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
]
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
]
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

/** A canonical Huffman code as a lookup table: entry = symbol << 4 | length, 0 for none. */
interface Huffman {
  readonly table: Int32Array
  readonly bits: number
}

const buildHuffman = (lengths: ArrayLike<number>): Huffman => {
  let max = 0
  for (let i = 0; i < lengths.length; i++) max = Math.max(max, lengths[i])
  const bits = Math.max(max, 1)
  const table = new Int32Array(1 << bits)
  const count = Array.from({ length: 16 }, () => 0)
  for (let i = 0; i < lengths.length; i++) count[lengths[i]]++
  count[0] = 0
  const next = Array.from({ length: 16 }, () => 0)
  let code = 0
  for (let len = 1; len <= 15; len++) {
    code = (code + count[len - 1]) << 1
    next[len] = code
  }
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym]
    if (len === 0) continue
    const c = next[len]++
    // Codes are read bit by bit from the least significant end: reverse them.
    let rev = 0
    for (let k = 0; k < len; k++) rev |= ((c >> k) & 1) << (len - 1 - k)
    for (let fill = rev; fill < 1 << bits; fill += 1 << len) table[fill] = (sym << 4) | len
  }
  return { table, bits }
}

const FIXED_LIT = buildHuffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)))
const FIXED_DIST = buildHuffman(Array.from({ length: 30 }, () => 5))

/** Enough input for any one step short of a stored block's body. */
const MARGIN = 1024

/** The decoder. */
export class Inflater {
  private input: Uint8Array = new Uint8Array(0)
  private pos = 0
  private bitBuf = 0
  private bitCount = 0
  private window = new Uint8Array(65536)
  private wpos = 0
  /** Between blocks (-1), in a stored block (0), or in a Huffman block (1). */
  private mode = -1
  private last = false
  private stored = 0
  private lit: Huffman = FIXED_LIT
  private dist: Huffman = FIXED_DIST
  /** The stream's final block has been decoded. */
  done = false

  /** Add input. */
  push(chunk: Uint8Array): void {
    const rest = this.input.subarray(this.pos)
    const merged = new Uint8Array(rest.length + chunk.length)
    merged.set(rest)
    merged.set(chunk, rest.length)
    this.input = merged
    this.pos = 0
  }

  /** Bytes given but not consumed by the stream (valid once `done`), whole bytes after its end. */
  remaining(): Uint8Array {
    // Whole unused bytes in the bit buffer belong to what follows.
    const back = this.bitCount >> 3
    return this.input.subarray(this.pos - back)
  }

  private need(n: number): void {
    while (this.bitCount < n) {
      if (this.pos >= this.input.length) throw new InflateError("unexpected end of file")
      this.bitBuf |= this.input[this.pos++] << this.bitCount
      this.bitCount += 8
    }
  }

  private bits(n: number): number {
    if (n === 0) return 0
    this.need(n)
    const v = this.bitBuf & ((1 << n) - 1)
    this.bitBuf >>>= n
    this.bitCount -= n
    return v
  }

  private decode(h: Huffman): number {
    // Fill up to the table's width if input allows; a short code may need fewer bits at the very end.
    while (this.bitCount < h.bits && this.pos < this.input.length) {
      this.bitBuf |= this.input[this.pos++] << this.bitCount
      this.bitCount += 8
    }
    const entry = h.table[this.bitBuf & ((1 << h.bits) - 1)]
    const len = entry & 15
    if (len === 0) throw new InflateError("invalid compressed data--format violated")
    if (len > this.bitCount) throw new InflateError("unexpected end of file")
    this.bitBuf >>>= len
    this.bitCount -= len
    return entry >> 4
  }

  private emit(b: number, out: Array<number>): void {
    this.window[this.wpos & 0xffff] = b
    this.wpos++
    out.push(b)
  }

  private header(): void {
    this.last = this.bits(1) === 1
    const type = this.bits(2)
    if (type === 0) {
      this.bitBuf = 0
      this.bitCount = 0
      if (this.pos + 4 > this.input.length) throw new InflateError("unexpected end of file")
      const len = this.input[this.pos] | (this.input[this.pos + 1] << 8)
      const nlen = this.input[this.pos + 2] | (this.input[this.pos + 3] << 8)
      this.pos += 4
      if ((len ^ 0xffff) !== nlen) throw new InflateError("invalid compressed data--format violated")
      this.stored = len
      this.mode = 0
    } else if (type === 1) {
      this.lit = FIXED_LIT
      this.dist = FIXED_DIST
      this.mode = 1
    } else if (type === 2) {
      const hlit = this.bits(5) + 257
      const hdist = this.bits(5) + 1
      const hclen = this.bits(4) + 4
      const cl = Array.from({ length: 19 }, () => 0)
      for (let i = 0; i < hclen; i++) cl[CL_ORDER[i]] = this.bits(3)
      const clh = buildHuffman(cl)
      const lengths: Array<number> = []
      while (lengths.length < hlit + hdist) {
        const sym = this.decode(clh)
        if (sym < 16) lengths.push(sym)
        else if (sym === 16) {
          if (lengths.length === 0) throw new InflateError("invalid compressed data--format violated")
          const prev = lengths[lengths.length - 1]
          for (let n = 3 + this.bits(2); n > 0; n--) lengths.push(prev)
        } else if (sym === 17) for (let n = 3 + this.bits(3); n > 0; n--) lengths.push(0)
        else for (let n = 11 + this.bits(7); n > 0; n--) lengths.push(0)
      }
      if (lengths.length > hlit + hdist) throw new InflateError("invalid compressed data--format violated")
      this.lit = buildHuffman(lengths.slice(0, hlit))
      this.dist = buildHuffman(lengths.slice(hlit))
      this.mode = 1
    } else throw new InflateError("invalid compressed data--format violated")
  }

  /**
   * Decode what the buffered input allows (all of it when `final`), giving
   * the bytes produced. Throws `InflateError`.
   */
  run(final: boolean): Uint8Array {
    const out: Array<number> = []
    while (!this.done) {
      if (!final && this.input.length - this.pos < MARGIN && this.mode !== 0) break
      if (this.mode === -1) {
        this.header()
        continue
      }
      if (this.mode === 0) {
        const n = Math.min(this.stored, this.input.length - this.pos)
        for (let i = 0; i < n; i++) this.emit(this.input[this.pos + i], out)
        this.pos += n
        this.stored -= n
        if (this.stored > 0) {
          if (final) throw new InflateError("unexpected end of file")
          break
        }
      } else {
        const sym = this.decode(this.lit)
        if (sym < 256) {
          this.emit(sym, out)
          continue
        }
        if (sym > 256) {
          const li = sym - 257
          if (li >= 29) throw new InflateError("invalid compressed data--format violated")
          const length = LEN_BASE[li] + this.bits(LEN_EXTRA[li])
          const di = this.decode(this.dist)
          if (di >= 30) throw new InflateError("invalid compressed data--format violated")
          const distance = DIST_BASE[di] + this.bits(DIST_EXTRA[di])
          if (distance > this.wpos) throw new InflateError("invalid compressed data--format violated")
          for (let i = 0; i < length; i++) this.emit(this.window[(this.wpos - distance) & 0xffff], out)
          continue
        }
      }
      // End of block.
      this.mode = -1
      if (this.last) this.done = true
    }
    return Uint8Array.from(out)
  }
}
