/**
 * The tree a GNU regular expression parses to, and the byte sets its
 * bracket expressions and class escapes stand for (C locale: one byte is
 * one character, classes are ASCII).
 */

/** Zero-width assertions. */
export type Anchor =
  /** `^` (after a newline too in multiline mode). */
  | "bol"
  /** `$` (before a newline too in multiline mode). */
  | "eol"
  /** `` \` ``: start of the buffer. */
  | "bufStart"
  /** `\'`: end of the buffer. */
  | "bufEnd"
  /** `\b` */
  | "wordB"
  /** `\B` */
  | "notWordB"
  /** `\<` */
  | "wordStart"
  /** `\>` */
  | "wordEnd"

/**
 * A parsed regular expression: `char` (one byte), `set` (a bracket
 * expression, `.`, `\w`...), `anchor`, `group` (numbered from 1 by its open
 * parenthesis), `backref`, `cat`, `alt` (either side may be empty) and
 * `repeat` (`max` -1 is unbounded). `null` stands for the empty expression.
 */
export type Node =
  | { readonly t: "char"; readonly c: number }
  | { readonly t: "set"; readonly set: ByteSet }
  | { readonly t: "anchor"; readonly a: Anchor }
  | { readonly t: "group"; readonly n: number; readonly body: Node | null }
  | { readonly t: "backref"; readonly n: number }
  | { readonly t: "cat"; readonly items: ReadonlyArray<Node> }
  | { readonly t: "alt"; readonly left: Node | null; readonly right: Node | null }
  | { readonly t: "repeat"; readonly body: Node; readonly min: number; readonly max: number }

/** Membership of each byte 0-255 (1 = in the set). */
export type ByteSet = Uint8Array

/** An empty set. */
export const emptySet = (): ByteSet => new Uint8Array(256)

/** Add the bytes `from..to` (inclusive). */
export const addRange = (set: ByteSet, from: number, to: number): void => {
  for (let c = from; c <= to; c++) set[c] = 1
}

const isUpper = (c: number) => c >= 65 && c <= 90
const isLower = (c: number) => c >= 97 && c <= 122

/** Add the other case of every ASCII letter in the set. */
export const foldCase = (set: ByteSet): void => {
  for (let c = 65; c <= 90; c++) {
    if (set[c] === 1 || set[c + 32] === 1) {
      set[c] = 1
      set[c + 32] = 1
    }
  }
}

/** Flip every byte's membership. */
export const negate = (set: ByteSet): void => {
  for (let c = 0; c < 256; c++) set[c] ^= 1
}

const inRange = (lo: number, hi: number) => (c: number) => c >= lo && c <= hi
const isDigit = inRange(48, 57)
const isAlpha = (c: number) => isUpper(c) || isLower(c)
const isPrint = inRange(32, 126)

/** The POSIX classes of the C locale, by name. */
const CLASS_TESTS: Readonly<Record<string, (c: number) => boolean>> = {
  alpha: isAlpha,
  upper: isUpper,
  lower: isLower,
  digit: isDigit,
  xdigit: (c) => isDigit(c) || inRange(65, 70)(c) || inRange(97, 102)(c),
  alnum: (c) => isAlpha(c) || isDigit(c),
  space: (c) => c === 32 || inRange(9, 13)(c),
  blank: (c) => c === 32 || c === 9,
  punct: (c) => isPrint(c) && c !== 32 && !isAlpha(c) && !isDigit(c),
  print: isPrint,
  graph: inRange(33, 126),
  cntrl: (c) => c < 32 || c === 127,
}

/** Add the members of class `name`; false when there is no such class. */
export const addClass = (set: ByteSet, name: string): boolean => {
  const test = CLASS_TESTS[name]
  if (test === undefined) return false
  for (let c = 0; c < 256; c++) if (test(c)) set[c] = 1
  return true
}

/** A set of one class, optionally with extra bytes, optionally negated (`\w`, `\S`). */
export const classSet = (name: string, extra: string, negated: boolean): ByteSet => {
  const set = emptySet()
  addClass(set, name)
  for (let i = 0; i < extra.length; i++) set[extra.charCodeAt(i)] = 1
  if (negated) negate(set)
  return set
}

/** Whether `c` is a word byte (`[A-Za-z0-9_]`), as `\w` and `\b` see it. */
export const isWordByte = (c: number): boolean => isAlpha(c) || isDigit(c) || c === 95
