/**
 * gawk's rand(): the BSD `random()` it ships (additive feedback, 63 words
 * of state since gawk gives it 256 bytes), behind a 512-entry shuffle
 * buffer, two draws per number. Same seed, same sequence as gawk.
 */

const DEG = 63
const SEP = 1
const SHUFFLE = 512

const goodRand = (xx: number): number => {
  let x = xx | 0
  if (x === 0) x = 123459876
  const hi = Math.trunc(x / 127773)
  const lo = x % 127773
  x = 16807 * lo - 2836 * hi
  if (x < 0) x += 0x7fffffff
  return x >>> 0
}

/** One generator, as gawk's rand()/srand() state. */
export class Random {
  private readonly state = new Uint32Array(DEG)
  private f = SEP
  private r = 0
  private readonly buffer: Array<number> = Array.from({ length: SHUFFLE }, () => 0)
  private s = 0
  private shuffleInit = true
  /** The seed srand() returns next. */
  private seed = 1

  constructor() {
    this.srandom(1)
  }

  private srandom(x: number): void {
    this.shuffleInit = true
    this.state[0] = x >>> 0
    for (let i = 1; i < DEG; i++) this.state[i] = goodRand(this.state[i - 1])
    this.f = SEP
    this.r = 0
    for (let i = 0; i < 10 * DEG; i++) this.random()
  }

  private randomOld(): number {
    const st = this.state
    st[this.f] = (st[this.f] + st[this.r]) >>> 0
    const i = (st[this.f] >>> 1) & 0x7fffffff
    if (++this.f >= DEG) {
      this.f = 0
      ++this.r
    } else if (++this.r >= DEG) this.r = 0
    return i
  }

  private random(): number {
    if (this.shuffleInit) {
      for (let k = 0; k < SHUFFLE; k++) this.buffer[k] = this.randomOld()
      this.s = this.randomOld()
      this.shuffleInit = false
    }
    const r = this.randomOld()
    const k = this.s & (SHUFFLE - 1)
    this.s = this.buffer[k]
    this.buffer[k] = r
    return this.s
  }

  /** `rand()`: 0 <= n < 1. */
  next(): number {
    const divisor = 2147483648
    for (;;) {
      const d1 = this.random()
      const d2 = this.random()
      const v = 0.5 + (d1 / divisor + d2) / divisor - 0.5
      if (v !== 1) return v
    }
  }

  /** `srand(seed)`: reseed; returns the previous seed. */
  reseed(seed: number): number {
    const previous = this.seed
    const n = Number.isFinite(seed) ? Math.trunc(seed) : 0
    this.seed = n
    this.srandom(Number(BigInt.asUintN(32, BigInt(n))))
    return previous
  }
}
