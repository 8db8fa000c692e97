/**
 * The line comparison of GNU diff: lines are numbered by equivalence class,
 * lines that cannot match are set aside (`discard_confusing_lines`), the
 * rest goes through Myers' O(ND) algorithm with the middle-snake split
 * (`compareseq`), and runs of changes are then slid to join neighbours
 * (`shift_boundaries`). Following diffutils' choices step by step is what
 * makes hunks come out as GNU's do where several minimal scripts exist.
 */

/** One change: `deleted` lines of file 0 from `line0` replaced by `inserted` lines of file 1 from `line1` (0-based). */
export interface Change {
  readonly line0: number
  readonly line1: number
  readonly deleted: number
  readonly inserted: number
}

/**
 * Mark the changed lines of two sequences of equivalence classes (equal
 * numbers mean equal lines). Gives one flag array per file, with a zero
 * sentinel before and after (index i of a line is at i + 1).
 */
export const compare = (
  xs: Int32Array,
  ys: Int32Array,
  minimal: boolean,
  identical: { readonly head: number; readonly tail: number },
): { readonly changed0: Uint8Array; readonly changed1: Uint8Array } => {
  const changed0 = new Uint8Array(xs.length + 2)
  const changed1 = new Uint8Array(ys.length + 2)
  // The identical head and tail are never analyzed, as diff's io.c skips
  // them: changes neither move into them nor count their lines.
  const { head, tail } = identical
  const x = xs.subarray(head, xs.length - tail)
  const y = ys.subarray(head, ys.length - tail)
  const kept0 = discard(x, y)
  const kept1 = discard(y, x)
  for (let i = 0; i < x.length; i++) if (!kept0.keep[i]) changed0[head + i + 1] = 1
  for (let i = 0; i < y.length; i++) if (!kept1.keep[i]) changed1[head + i + 1] = 1
  const xv = kept0.values
  const yv = kept1.values
  const diags = xv.length + yv.length + 3
  let tooExpensive = 1
  for (let d = diags; d !== 0; d >>= 2) tooExpensive <<= 1
  tooExpensive = Math.max(4096, tooExpensive)
  const ctx: Context = {
    xv,
    yv,
    fd: new Int32Array(diags),
    bd: new Int32Array(diags),
    off: yv.length + 1,
    tooExpensive,
    deleteAt: (i) => (changed0[head + kept0.index[i] + 1] = 1),
    insertAt: (i) => (changed1[head + kept1.index[i] + 1] = 1),
  }
  compareSeq(ctx, 0, xv.length, 0, yv.length, minimal)
  const mid0 = changed0.subarray(head, head + x.length + 2)
  const mid1 = changed1.subarray(head, head + y.length + 2)
  shiftBoundaries(mid0, mid1, x)
  shiftBoundaries(mid1, mid0, y)
  return { changed0, changed1 }
}

/** The changes recorded in flag arrays, in order. */
export const buildScript = (changed0: Uint8Array, changed1: Uint8Array): Array<Change> => {
  const len0 = changed0.length - 2
  const len1 = changed1.length - 2
  const script: Array<Change> = []
  let i0 = 0
  let i1 = 0
  while (i0 < len0 || i1 < len1) {
    if (changed0[i0 + 1] || changed1[i1 + 1]) {
      const line0 = i0
      const line1 = i1
      while (changed0[i0 + 1]) i0++
      while (changed1[i1 + 1]) i1++
      script.push({ line0, line1, deleted: i0 - line0, inserted: i1 - line1 })
    }
    i0++
    i1++
  }
  return script
}

/**
 * Lines of `own` that match no line of `other` are changes for certain;
 * lines matching very many are set aside too when they sit inside such a
 * run. Gives the kept lines' classes and their indexes.
 */
const discard = (
  own: Int32Array,
  other: Int32Array,
): { readonly keep: Uint8Array; readonly values: Int32Array; readonly index: Int32Array } => {
  const counts = new Map<number, number>()
  for (const v of other) counts.set(v, (counts.get(v) ?? 0) + 1)
  const end = own.length
  const discards = new Uint8Array(end)
  let many = 5
  for (let t = end >> 6; (t >>= 2) > 0;) many *= 2
  for (let i = 0; i < end; i++) {
    const n = counts.get(own[i]) ?? 0
    if (n === 0) discards[i] = 1
    else if (n > many) discards[i] = 2
  }
  for (let i = 0; i < end; i++) {
    if (discards[i] === 2) discards[i] = 0
    else if (discards[i] !== 0) {
      let j = i
      let provisional = 0
      for (; j < end; j++) {
        if (discards[j] === 0) break
        if (discards[j] === 2) provisional++
      }
      while (j > i && discards[j - 1] === 2) {
        discards[--j] = 0
        provisional--
      }
      const length = j - i
      if (provisional * 4 > length) {
        while (j > i) if (discards[--j] === 2) discards[j] = 0
      } else {
        let minimum = 1
        for (let t = length >> 2; (t >>= 2) > 0;) minimum *= 2
        minimum++
        let consec = 0
        for (j = 0; j < length; j++) {
          if (discards[i + j] !== 2) consec = 0
          else if (minimum === ++consec) j -= consec
          else if (minimum < consec) discards[i + j] = 0
        }
        consec = 0
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i + j] === 1) break
          if (discards[i + j] === 2) {
            consec = 0
            discards[i + j] = 0
          } else if (discards[i + j] === 0) consec = 0
          else consec++
          if (consec === 3) break
        }
        i += length - 1
        consec = 0
        for (j = 0; j < length; j++) {
          if (j >= 8 && discards[i - j] === 1) break
          if (discards[i - j] === 2) {
            consec = 0
            discards[i - j] = 0
          } else if (discards[i - j] === 0) consec = 0
          else consec++
          if (consec === 3) break
        }
      }
    }
  }
  const keep = new Uint8Array(end)
  let kept = 0
  for (let i = 0; i < end; i++) if (discards[i] === 0) keep[i] = 1
  for (let i = 0; i < end; i++) kept += keep[i]
  const values = new Int32Array(kept)
  const index = new Int32Array(kept)
  for (let i = 0, k = 0; i < end; i++)
    if (keep[i]) {
      values[k] = own[i]
      index[k++] = i
    }
  return { keep, values, index }
}

interface Context {
  readonly xv: Int32Array
  readonly yv: Int32Array
  /** Furthest x reached on each diagonal, forward and backward; diagonal d is at d + off. */
  readonly fd: Int32Array
  readonly bd: Int32Array
  readonly off: number
  readonly tooExpensive: number
  readonly deleteAt: (i: number) => void
  readonly insertAt: (i: number) => void
}

interface Partition {
  xmid: number
  ymid: number
  loMinimal: boolean
  hiMinimal: boolean
}

const MAX = 0x7fffffff

/** Find the middle snake of [xoff, xlim) × [yoff, ylim), or a good split when that is too costly. */
const diag = (c: Context, xoff: number, xlim: number, yoff: number, ylim: number, minimal: boolean): Partition => {
  const { xv, yv, fd, bd, off } = c
  const dmin = xoff - ylim
  const dmax = xlim - yoff
  const fmid = xoff - yoff
  const bmid = xlim - ylim
  let fmin = fmid
  let fmax = fmid
  let bmin = bmid
  let bmax = bmid
  const odd = ((fmid - bmid) & 1) !== 0
  fd[fmid + off] = xoff
  bd[bmid + off] = xlim
  for (let cost = 1; ; cost++) {
    if (fmin > dmin) fd[--fmin - 1 + off] = -1
    else fmin++
    if (fmax < dmax) fd[++fmax + 1 + off] = -1
    else fmax--
    for (let d = fmax; d >= fmin; d -= 2) {
      const tlo = fd[d - 1 + off]
      const thi = fd[d + 1 + off]
      let x = tlo < thi ? thi : tlo + 1
      let y = x - d
      while (x < xlim && y < ylim && xv[x] === yv[y]) {
        x++
        y++
      }
      fd[d + off] = x
      if (odd && bmin <= d && d <= bmax && bd[d + off] <= x)
        return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true }
    }
    if (bmin > dmin) bd[--bmin - 1 + off] = MAX
    else bmin++
    if (bmax < dmax) bd[++bmax + 1 + off] = MAX
    else bmax--
    for (let d = bmax; d >= bmin; d -= 2) {
      const tlo = bd[d - 1 + off]
      const thi = bd[d + 1 + off]
      let x = tlo < thi ? tlo : thi - 1
      let y = x - d
      while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
        x--
        y--
      }
      bd[d + off] = x
      if (!odd && fmin <= d && d <= fmax && x <= fd[d + off])
        return { xmid: x, ymid: y, loMinimal: true, hiMinimal: true }
    }
    if (minimal || cost < c.tooExpensive) continue
    // Gone well beyond the call of duty: split halfway between the best results so far.
    let fxybest = -1
    let fxbest = 0
    for (let d = fmax; d >= fmin; d -= 2) {
      let x = Math.min(fd[d + off], xlim)
      let y = x - d
      if (ylim < y) {
        x = ylim + d
        y = ylim
      }
      if (fxybest < x + y) {
        fxybest = x + y
        fxbest = x
      }
    }
    let bxybest = MAX
    let bxbest = 0
    for (let d = bmax; d >= bmin; d -= 2) {
      let x = Math.max(xoff, bd[d + off])
      let y = x - d
      if (y < yoff) {
        x = yoff + d
        y = yoff
      }
      if (x + y < bxybest) {
        bxybest = x + y
        bxbest = x
      }
    }
    if (xlim + ylim - bxybest < fxybest - (xoff + yoff))
      return { xmid: fxbest, ymid: fxybest - fxbest, loMinimal: true, hiMinimal: false }
    return { xmid: bxbest, ymid: bxybest - bxbest, loMinimal: false, hiMinimal: true }
  }
}

const compareSeq = (c: Context, xoff: number, xlim: number, yoff: number, ylim: number, minimal: boolean): void => {
  const { xv, yv } = c
  while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
    xoff++
    yoff++
  }
  while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
    xlim--
    ylim--
  }
  if (xoff === xlim) {
    for (; yoff < ylim; yoff++) c.insertAt(yoff)
  } else if (yoff === ylim) {
    for (; xoff < xlim; xoff++) c.deleteAt(xoff)
  } else {
    const part = diag(c, xoff, xlim, yoff, ylim, minimal)
    compareSeq(c, xoff, part.xmid, yoff, part.ymid, part.loMinimal)
    compareSeq(c, part.xmid, xlim, part.ymid, ylim, part.hiMinimal)
  }
}

/**
 * Slide each run of changed lines up and then down as far as equal lines
 * allow, merging it with neighbouring runs, and leave it aligned with a run
 * of changes in the other file when one is reachable.
 */
const shiftBoundaries = (changed: Uint8Array, other: Uint8Array, equivs: Int32Array): void => {
  // Flags are at index + 1: ch(i) reads line i, with zero sentinels at -1 and at the end.
  const end = equivs.length
  let i = 0
  let j = 0
  for (;;) {
    while (i < end && !changed[i + 1]) {
      while (other[1 + j++]);
      i++
    }
    if (i === end) break
    let start = i
    while (changed[1 + ++i]);
    while (other[1 + j]) j++
    let runlength: number
    let corresponding: number
    do {
      runlength = i - start
      while (start && equivs[start - 1] === equivs[i - 1]) {
        changed[1 + --start] = 1
        changed[1 + --i] = 0
        while (changed[1 + start - 1]) start--
        while (other[1 + --j]);
      }
      corresponding = other[1 + j - 1] ? i : end
      while (i !== end && equivs[start] === equivs[i]) {
        changed[1 + start++] = 0
        changed[1 + i++] = 1
        while (changed[1 + i]) i++
        while (other[1 + ++j]) corresponding = i
      }
    } while (runlength !== i - start)
    while (corresponding < i) {
      changed[1 + --start] = 1
      changed[1 + --i] = 0
      while (other[1 + --j]);
    }
  }
}
