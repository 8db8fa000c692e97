/**
 * Compilation of shell patterns (parsed by patternParse.ts) to RegExps.
 *
 * The regex is exact for everything bash does, `!(...)` included: going
 * forward, a lookbehind captures the text before the group so that a second
 * lookbehind at its end can test the alternatives against exactly the text
 * in between (inside a lookbehind, mirrored with lookaheads).
 */
import { CLASS_NAMES, parseSeq, type Node, type Seq, type SetItem } from "./patternParse.ts"

/**
 * How a pattern matches. `pathname`: `*`, `?` and brackets never match `/`,
 * and a `.` at the start of the text or after a `/` must be matched by a
 * literal `.` unless `dotglob`. `nocase` folds ASCII letters, as bash does
 * under `nocasematch`/`nocaseglob` (character classes are not folded).
 */
export interface PatternOptions {
  readonly extglob?: boolean
  readonly nocase?: boolean
  readonly pathname?: boolean
  readonly dotglob?: boolean
}

/** A compiled pattern and what the search functions need to know about it. */
export interface Compiled {
  readonly full: RegExp
  /** The pattern's text when it is a plain literal (and case matters): string search suffices. */
  readonly literal: string | undefined
  readonly minLen: number
  readonly maxLen: number
  /** The (folded) character every match starts or ends with, when the pattern begins or ends with literal text. */
  readonly first: string | undefined
  readonly last: string | undefined
  readonly nocase: boolean
}

const CACHE_SIZE = 1000
const cache = new Map<string, Compiled>()

const foldCode = (c: number, nocase: boolean): number => (nocase && c >= 65 && c <= 90 ? c + 32 : c)
/** ASCII lowercase, when case is ignored. */
export const fold = (s: string, nocase: boolean): string => (nocase ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s)

const hex = (c: number): string => `\\u${c.toString(16).padStart(4, "0")}`
const isWordCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const regexChar = (c: number): string => (isWordCode(c) ? String.fromCharCode(c) : hex(c))

/** Membership of an ASCII code in a POSIX class (C locale). */
const inClass = (c: number, name: string): boolean => {
  const upper = c >= 65 && c <= 90
  const lower = c >= 97 && c <= 122
  const digit = c >= 48 && c <= 57
  switch (name) {
    case "alpha":
      return upper || lower
    case "digit":
      return digit
    case "alnum":
      return upper || lower || digit
    case "word":
      return upper || lower || digit || c === 95
    case "upper":
      return upper
    case "lower":
      return lower
    case "space":
      return c === 32 || (c >= 9 && c <= 13)
    case "blank":
      return c === 32 || c === 9
    case "cntrl":
      return c < 32 || c === 127
    case "print":
      return c >= 32 && c <= 126
    case "graph":
      return c >= 33 && c <= 126
    case "punct":
      return c >= 33 && c <= 126 && !(upper || lower || digit)
    case "xdigit":
      return digit || (c >= 65 && c <= 70) || (c >= 97 && c <= 102)
    case "ascii":
      return c < 128
  }
  return false
}

type Interval = readonly [number, number]

/** Sorted, merged intervals. */
const normalize = (xs: ReadonlyArray<Interval>): Array<Interval> => {
  const sorted = [...xs].sort((a, b) => a[0] - b[0])
  const out: Array<[number, number]> = []
  for (const [lo, hi] of sorted) {
    const prev = out[out.length - 1]
    if (prev !== undefined && lo <= prev[1] + 1) prev[1] = Math.max(prev[1], hi)
    else out.push([lo, hi])
  }
  return out
}

/**
 * A bracket expression as a RegExp class. Folding follows bash's BRACKMATCH:
 * the tested character and the listed characters and range ends are folded,
 * classes test the unfolded character. ASCII membership is computed code by
 * code; beyond ASCII, folding is the identity, so ranges carry over.
 */
const setSource = (negated: boolean, items: ReadonlyArray<SetItem>, nocase: boolean, pathname: boolean): string => {
  const member = (x: number): boolean => {
    const fx = foldCode(x, nocase)
    for (const it of items) {
      if (it.k === "char" && fx === foldCode(it.c, nocase)) return true
      if (it.k === "range") {
        const lo = foldCode(it.lo, nocase)
        const hi = foldCode(it.hi, nocase)
        if (lo <= hi && fx >= lo && fx <= hi) return true
      }
      if (it.k === "class" && CLASS_NAMES.has(it.name) && inClass(x, it.name)) return true
    }
    return false
  }
  const parts: Array<Interval> = []
  for (let x = 0; x < 128; x++) if (member(x)) parts.push([x, x])
  for (const it of items) {
    if (it.k === "char" && it.c >= 128) parts.push([it.c, it.c])
    if (it.k === "range" && foldCode(it.lo, nocase) <= foldCode(it.hi, nocase) && it.hi >= 128) {
      parts.push([Math.max(128, it.lo), it.hi])
    }
  }
  let set = normalize(parts)
  if (negated) {
    const complement: Array<Interval> = []
    let next = 0
    for (const [lo, hi] of set) {
      if (lo > next) complement.push([next, lo - 1])
      next = hi + 1
    }
    if (next <= 0xffff) complement.push([next, 0xffff])
    set = complement
  }
  if (pathname)
    set = set.flatMap(([lo, hi]): Array<Interval> =>
      lo <= 47 && hi >= 47
        ? [
            [lo, 46],
            [48, hi],
          ]
        : [[lo, hi]],
    )
  set = set.filter(([lo, hi]) => lo <= hi)
  if (set.length === 0) return "(?!)"
  if (set.length === 1 && set[0][0] === 0 && set[0][1] === 0xffff) return "[^]"
  return `[${set.map(([lo, hi]) => (lo === hi ? regexChar(lo) : `${regexChar(lo)}-${regexChar(hi)}`)).join("")}]`
}

interface Ctx {
  readonly nocase: boolean
  readonly pathname: boolean
  /** Before `?`, `*`, brackets and `!(`: refuse a `.` that starts the text or follows a `/`. */
  readonly guard: string
  groups: number
}

const literalSource = (s: string, nocase: boolean): string => {
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const lower = c | 32
    out +=
      nocase && lower >= 97 && lower <= 122
        ? `[${String.fromCharCode(lower - 32)}${String.fromCharCode(lower)}]`
        : regexChar(c)
  }
  return out
}

/**
 * `!(alts)`: any text the alternatives do not match. Going forward, a
 * lookbehind first captures everything before the group, so that a second
 * lookbehind at the group's end can test the alternatives against exactly the
 * text in between. Inside a lookbehind the engine runs right to left, so
 * there the roles swap: capture what follows, test with a lookahead.
 */
const negationSource = (alts: ReadonlyArray<Seq>, ctx: Ctx, backward: boolean): string => {
  const body = ctx.pathname ? "[^/]*?" : "[^]*?"
  if (!backward) {
    const n = ++ctx.groups
    const inner = alts.map((a) => seqSource(a, ctx, true)).join("|")
    return `${ctx.guard}(?<=^([^]*))${body}(?<!^(?:\\${n})(?:${inner}))`
  }
  const inner = alts.map((a) => seqSource(a, ctx, false)).join("|")
  const n = ++ctx.groups
  return `${ctx.guard}(?!(?:${inner})(?:\\${n})$)${body}(?=([^]*$))`
}

const nodeSource = (node: Node, ctx: Ctx, backward: boolean): string => {
  switch (node.t) {
    case "lit":
      return literalSource(node.s, ctx.nocase)
    case "any":
      return ctx.guard + (ctx.pathname ? "[^/]" : "[^]")
    case "star":
      return ctx.guard + (ctx.pathname ? "[^/]*" : "[^]*")
    case "set":
      return ctx.guard + setSource(node.negated, node.items, ctx.nocase, ctx.pathname)
    case "none":
      return "(?!)"
    case "ext": {
      if (node.op === "!") return negationSource(node.alts, ctx, backward)
      const inner = node.alts.map((a) => seqSource(a, ctx, backward)).join("|")
      return `(?:${inner})${node.op === "@" ? "" : node.op}`
    }
  }
}

/**
 * A `*` right before `@(..)`, `+(..)` or `!(..)` must leave the group some
 * text: bash tries the group only at positions before the end (and, for
 * `!(..)`, also when the star itself starts at the end). Exact at the top
 * level; inside a group the end of the group's own text is not visible here.
 */
const starBeforeGroup = (next: Node | undefined, ctx: Ctx): string => {
  if (next?.t !== "ext" || next.op === "?" || next.op === "*") return ""
  const char = ctx.pathname ? "[^/]" : "[^]"
  return next.op === "!" ? `(?:(?!${char})|${char}*(?=${char}))` : `${char}*(?=${char})`
}

const seqSource = (seq: Seq, ctx: Ctx, backward: boolean): string =>
  seq
    .map((n, i) => {
      const quirk = n.t === "star" ? starBeforeGroup(seq[i + 1], ctx) : ""
      return quirk === "" ? nodeSource(n, ctx, backward) : ctx.guard + quirk
    })
    .join("")

/**
 * A pattern made of fixed-length pieces between stars (no extglob) matches
 * without backtracking: each middle piece is taken at its leftmost occurrence,
 * which is always safe, through a lookahead capture consumed as a
 * backreference (an atomic step). Without this, `*a*a*a*b` against a long run
 * of `a`s backtracks for ages; bash's own matcher does the same "leftmost"
 * trick. Undefined when it does not apply.
 */
const starSource = (seq: Seq, ctx: Ctx): string | undefined => {
  if (seq.some((n) => n.t === "ext") || seq.filter((n) => n.t === "star").length < 2) return undefined
  const pieces: Array<Array<Node>> = [[]]
  for (const n of seq) {
    if (n.t === "star") pieces.push([])
    else pieces[pieces.length - 1].push(n)
  }
  const char = ctx.pathname ? "[^/]" : "[^]"
  let out = seqSource(pieces[0], ctx, false)
  for (const piece of pieces.slice(1, -1)) {
    if (piece.length === 0) continue
    const n = ++ctx.groups
    out += `${ctx.guard}(?=(${char}*?${seqSource(piece, ctx, false)}))(?:\\${n})`
  }
  return `${out}${ctx.guard}${char}*${seqSource(pieces[pieces.length - 1], ctx, false)}`
}

/** Shortest and longest text a sequence can match. */
const lengths = (seq: Seq): readonly [number, number] => {
  let min = 0
  let max = 0
  for (const n of seq) {
    const [a, b] = nodeLengths(n)
    min += a
    max += b
  }
  return [min, max]
}

const nodeLengths = (n: Node): readonly [number, number] => {
  switch (n.t) {
    case "lit":
      return [n.s.length, n.s.length]
    case "any":
    case "set":
      return [1, 1]
    case "star":
    case "none":
      return [0, Infinity]
    case "ext": {
      const ls = n.alts.map(lengths)
      const min = Math.min(...ls.map((l) => l[0]))
      const max = Math.max(...ls.map((l) => l[1]))
      if (n.op === "!") return [0, Infinity]
      if (n.op === "@") return [min, max]
      if (n.op === "?") return [0, max]
      return [n.op === "+" ? min : 0, max === 0 ? 0 : Infinity]
    }
  }
}

/** Compiles (or fetches from the cache) a pattern under some options. */
export const compile = (pattern: string, options: PatternOptions | undefined): Compiled => {
  const extglob = options?.extglob === true
  const nocase = options?.nocase === true
  const pathname = options?.pathname === true
  const dotglob = options?.dotglob === true
  const key = `${+extglob}${+nocase}${+pathname}${+dotglob}${pattern}`
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  const seq = parseSeq(pattern, 0, pattern.length, extglob, pathname)
  const ctx: Ctx = { nocase, pathname, guard: pathname && !dotglob ? "(?!(?<![^/])\\.)" : "", groups: 0 }
  const [minLen, maxLen] = lengths(seq)
  const head = seq[0]
  const tail = seq[seq.length - 1]
  const compiled: Compiled = {
    full: new RegExp(`^(?:${starSource(seq, ctx) ?? seqSource(seq, ctx, false)})$`),
    literal: nocase ? undefined : seq.length === 0 ? "" : seq.length === 1 && head.t === "lit" ? head.s : undefined,
    minLen,
    maxLen,
    first: head?.t === "lit" ? fold(head.s[0], nocase) : undefined,
    last: tail?.t === "lit" ? fold(tail.s[tail.s.length - 1], nocase) : undefined,
    nocase,
  }
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next()
    if (!oldest.done) cache.delete(oldest.value)
  }
  cache.set(key, compiled)
  return compiled
}
