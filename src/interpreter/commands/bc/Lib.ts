import type { Machine, Native } from "./Interp.ts"
import * as N from "./Num.ts"
import { BcError, type Num } from "./Num.ts"

/**
 * `bc -l`: the math library (s c a l e j) computed natively with bc
 * arithmetic, step for step as GNU bc's library computes them (the same
 * series, preconditioning and working scales), so results agree digit for
 * digit. Each runs at the caller's `scale` and leaves it unchanged.
 */

const n = (text: string): Num => N.parseConstant(text, 10)
const ONE = N.int(1)
const TWO = N.int(2)

/** `scale = x`: the integer part. */
const scaleOf = (x: Num): number => Number(N.toInteger(x))

/** atan(1/5) to `digits` digits, truncated (the library's stored constant). */
const atanFifth = (digits: number): Num => {
  const work = digits + 10
  const unit = 10n ** BigInt(work)
  let sum = 0n
  let term = unit / 5n
  for (let k = 0n; term !== 0n; k++) {
    sum += (k % 2n === 0n ? 1n : -1n) * (term / (2n * k + 1n))
    term /= 25n
  }
  return N.rescale({ v: sum, s: work }, digits)
}

const PI_QUARTER =
  ".785398163397448309615660845819875721049292349843776455243736148076954101571552249657008706335529266995537021628320576661773"

const e = (x0: Num, scale: number): Num => {
  let x = x0
  let negative = false
  if (N.cmp(x, N.ZERO) < 0) {
    negative = true
    x = N.neg(x)
  }
  const z = scale
  const nScale = N.add(N.add(N.int(6), N.int(z)), N.mul(n(".44"), x, z))
  let sc = x.s + 1
  let f = 0
  while (N.cmp(x, ONE) > 0) {
    f++
    x = N.div(x, TWO, sc)
    sc++
  }
  sc = scaleOf(nScale)
  let v = N.add(ONE, x)
  let a = x
  let d = ONE
  for (let i = 2; ; i++) {
    a = N.mul(a, x, sc)
    d = N.mul(d, N.int(i), sc)
    const term = N.div(a, d, sc)
    if (N.isZero(term)) {
      while (f-- > 0) v = N.mul(v, v, sc)
      return negative ? N.div(ONE, v, z) : N.div(v, ONE, z)
    }
    v = N.add(v, term)
  }
}

const l = (x0: Num, scale: number): Num => {
  let x = x0
  if (N.cmp(x, N.ZERO) <= 0) return N.div(N.sub(ONE, N.power(N.int(10), BigInt(scale), scale)), ONE, scale)
  const z = scale
  const sc = 6 + scale
  let f = TWO
  while (N.cmp(x, TWO) >= 0) {
    f = N.mul(f, TWO, sc)
    x = N.sqrt(x, sc)
  }
  while (N.cmp(x, n(".5")) <= 0) {
    f = N.mul(f, TWO, sc)
    x = N.sqrt(x, sc)
  }
  let num = N.div(N.sub(x, ONE), N.add(x, ONE), sc)
  let v = num
  const m = N.mul(num, num, sc)
  for (let i = 3; ; i += 2) {
    num = N.mul(num, m, sc)
    const term = N.div(num, N.int(i), sc)
    if (N.isZero(term)) return N.div(N.mul(f, v, sc), ONE, z)
    v = N.add(v, term)
  }
}

const a = (x0: Num, scale: number): Num => {
  let x = x0
  let m = ONE
  if (N.cmp(x, N.ZERO) < 0) {
    m = N.int(-1)
    x = N.neg(x)
  }
  for (const [value, constant] of [
    [ONE, PI_QUARTER],
    [n(".2"), undefined],
  ] as const) {
    if (N.cmp(x, value) !== 0) continue
    for (const digits of [25, 40, 60]) {
      if (scale <= digits) {
        const c = constant === undefined ? atanFifth(digits) : n(constant.slice(0, digits + 1))
        return N.div(c, m, scale)
      }
    }
  }
  const z = scale
  let base = N.ZERO
  if (N.cmp(x, n(".2")) > 0) base = a(n(".2"), z + 5)
  const sc = z + 3
  let f = 0
  while (N.cmp(x, n(".2")) > 0) {
    f++
    x = N.div(N.sub(x, n(".2")), N.add(ONE, N.mul(x, n(".2"), sc)), sc)
  }
  let v = x
  let num = x
  const s = N.neg(N.mul(x, x, sc))
  for (let i = 3; ; i += 2) {
    num = N.mul(num, s, sc)
    const term = N.div(num, N.int(i), sc)
    if (N.isZero(term)) return N.div(N.add(N.mul(N.int(f), base, z), v), m, z)
    v = N.add(v, term)
  }
}

const s = (x0: Num, scale: number): Num => {
  let x = x0
  const z = scale
  let sc = scaleOf(N.add(N.mul(n("1.1"), N.int(z), z), TWO))
  const quarter = a(ONE, sc)
  let negative = false
  if (N.cmp(x, N.ZERO) < 0) {
    negative = true
    x = N.neg(x)
  }
  sc = 0
  const k = N.div(N.add(N.div(x, quarter, sc), TWO), N.int(4), sc)
  x = N.sub(x, N.mul(N.mul(N.int(4), k, sc), quarter, sc))
  if (!N.isZero(N.mod(k, TWO, sc))) x = N.neg(x)
  sc = z + 2
  let v = x
  let term = x
  const sq = N.neg(N.mul(x, x, sc))
  for (let i = 3; ; i += 2) {
    term = N.mul(term, N.div(sq, N.int(i * (i - 1)), sc), sc)
    if (N.isZero(term)) return negative ? N.div(N.neg(v), ONE, z) : N.div(v, ONE, z)
    v = N.add(v, term)
  }
}

const c = (x: Num, scale: number): Num => {
  const sc = scaleOf(N.mul(N.int(scale), n("1.2"), scale))
  const v = s(N.add(x, N.mul(a(ONE, sc), TWO, sc)), sc)
  return N.div(v, ONE, scale)
}

const j = (n0: Num, x: Num, scale: number): Num => {
  const z = scale
  let order = N.div(n0, ONE, 0)
  let negative = false
  if (N.cmp(order, N.ZERO) < 0) {
    order = N.neg(order)
    if (N.cmp(N.mod(order, TWO, 0), ONE) === 0) negative = true
  }
  let f = ONE
  for (let i = 2n; i <= order.v; i++) f = N.mul(f, N.int(i), 0)
  let sc = scaleOf(N.mul(n("1.5"), N.int(z), 0))
  f = N.div(N.div(N.power(x, order.v, sc), N.power(TWO, order.v, sc), sc), f, sc)
  let v = ONE
  let term = ONE
  const sq = N.div(N.neg(N.mul(x, x, sc)), N.int(4), sc)
  sc = scaleOf(N.mul(n("1.5"), N.int(z), sc)) + N.length(f) - f.s
  for (let i = 1n; ; i++) {
    term = N.div(N.div(N.mul(term, sq, sc), N.int(i), sc), N.add(order, N.int(i)), sc)
    if (N.isZero(term)) {
      const r = N.div(N.mul(f, v, z), ONE, z)
      return negative ? N.neg(r) : r
    }
    v = N.add(v, term)
  }
}

const one =
  (f: (x: Num, scale: number) => Num): Native =>
  (m: Machine, args) => {
    if (args.length !== 1) throw new BcError("Parameter number mismatch")
    return f(args[0], m.scale)
  }

/** The library's functions by name. */
export const LIBRARY: ReadonlyMap<string, Native> = new Map<string, Native>([
  ["e", one(e)],
  ["l", one(l)],
  ["s", one(s)],
  ["c", one(c)],
  ["a", one(a)],
  [
    "j",
    (m, args) => {
      if (args.length !== 2) throw new BcError("Parameter number mismatch")
      return j(args[0], args[1], m.scale)
    },
  ],
])
