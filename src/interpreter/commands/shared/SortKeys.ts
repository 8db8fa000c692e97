import { latin1 } from "./Lines.ts"

/**
 * GNU sort's key machinery in the C locale: key specs (`-k 2,2n`), field
 * location (`begfield`/`limfield`), and the ordering functions (`-n -g -h -M
 * -V -f -d -i -b -r`), on bytes.
 */

/** Ordering options of a key (or the global ones). */
export interface Ordering {
  skipStartBlanks: boolean
  skipEndBlanks: boolean
  dictionary: boolean
  nonprinting: boolean
  fold: boolean
  numeric: boolean
  generalNumeric: boolean
  humanNumeric: boolean
  month: boolean
  version: boolean
  random: boolean
  reverse: boolean
}

/** A key: zero-based start field and char, end field and char (0: end of field); undefined end: end of line. */
export interface Key extends Ordering {
  startField: number | undefined
  startChar: number
  endField: number | undefined
  endChar: number
}

/** A fresh ordering with nothing set. */
export const noOrdering = (): Ordering => ({
  skipStartBlanks: false,
  skipEndBlanks: false,
  dictionary: false,
  nonprinting: false,
  fold: false,
  numeric: false,
  generalNumeric: false,
  humanNumeric: false,
  month: false,
  version: false,
  random: false,
  reverse: false,
})

/** True when no option changes how the key compares (`-r` aside), as GNU's default_key_compare. */
export const isDefault = (o: Ordering): boolean =>
  !(
    o.skipStartBlanks ||
    o.skipEndBlanks ||
    o.dictionary ||
    o.nonprinting ||
    o.fold ||
    o.numeric ||
    o.generalNumeric ||
    o.humanNumeric ||
    o.month ||
    o.version ||
    o.random
  )

/** Apply ordering letters (`bdfgiMhnRrV`); `blank` says which end `b` applies to. Returns the rest of `s`. */
export const setOrdering = (s: string, o: Ordering, blank: "start" | "end" | "both"): string => {
  let i = 0
  for (; i < s.length; i++) {
    switch (s[i]) {
      case "b":
        if (blank !== "end") o.skipStartBlanks = true
        if (blank !== "start") o.skipEndBlanks = true
        break
      case "d":
        o.dictionary = true
        break
      case "f":
        o.fold = true
        break
      case "g":
        o.generalNumeric = true
        break
      case "h":
        o.humanNumeric = true
        break
      case "i":
        if (!o.dictionary) o.nonprinting = true
        break
      case "M":
        o.month = true
        break
      case "n":
        o.numeric = true
        break
      case "R":
        o.random = true
        break
      case "r":
        o.reverse = true
        break
      case "V":
        o.version = true
        break
      default:
        return s.slice(i)
    }
  }
  return ""
}

/** GNU's key_to_opts: the letters of incompatible orderings, for the error message. */
export const incompatible = (o: Ordering): string | undefined => {
  const kinds = [
    o.numeric,
    o.generalNumeric,
    o.humanNumeric,
    o.month,
    o.version || o.random || o.dictionary || o.nonprinting,
  ]
  if (kinds.filter(Boolean).length <= 1) return undefined
  let letters = ""
  if (o.dictionary) letters += "d"
  if (o.fold) letters += "f"
  if (o.generalNumeric) letters += "g"
  if (o.humanNumeric) letters += "h"
  if (o.nonprinting) letters += "i"
  if (o.month) letters += "M"
  if (o.numeric) letters += "n"
  if (o.random) letters += "R"
  if (o.version) letters += "V"
  return letters
}

/** Parse `-k POS1[,POS2]`, or give GNU's message. */
export const parseKey = (spec: string): Key | { readonly error: string } => {
  const bad = (why: string) => ({ error: `${why}: invalid field specification '${spec}'` })
  const count = (s: string, what: string): { value: number; rest: string } | { readonly error: string } => {
    const m = /^\d+/.exec(s)
    if (m === null) return { error: `${what}: invalid count at start of '${s}'` }
    return { value: Math.min(Number(m[0]), Number.MAX_SAFE_INTEGER), rest: s.slice(m[0].length) }
  }
  const key: Key = { ...noOrdering(), startField: 0, startChar: 0, endField: undefined, endChar: 0 }
  let s = spec
  const f = count(s, "invalid number at field start")
  if ("error" in f) return f
  if (f.value === 0) return bad("field number is zero")
  key.startField = f.value - 1
  s = f.rest
  if (s.startsWith(".")) {
    const c = count(s.slice(1), "invalid number after '.'")
    if ("error" in c) return c
    if (c.value === 0) return bad("character offset is zero")
    key.startChar = c.value - 1
    s = c.rest
  }
  s = setOrdering(s, key, "start")
  if (s.startsWith(",")) {
    const e = count(s.slice(1), "invalid number after ','")
    if ("error" in e) return e
    if (e.value === 0) return bad("field number is zero")
    key.endField = e.value - 1
    s = e.rest
    if (s.startsWith(".")) {
      const c = count(s.slice(1), "invalid number after '.'")
      if ("error" in c) return c
      key.endChar = c.value
      s = c.rest
    }
    s = setOrdering(s, key, "end")
  }
  if (s !== "") return bad("stray character in field spec")
  return key
}

const isBlank = (b: number) => b === 32 || b === 9 || b === 10

/** Where a key starts in the line `bytes[from, lim)` (GNU's begfield); `tab` -1 means blank-separated fields. */
export const keyStart = (bytes: Uint8Array, from: number, lim: number, key: Key, tab: number): number => {
  let p = from
  let n = key.startField ?? 0
  if (tab !== -1) {
    while (p < lim && n-- > 0) {
      while (p < lim && bytes[p] !== tab) p++
      if (p < lim) p++
    }
  } else {
    while (p < lim && n-- > 0) {
      while (p < lim && isBlank(bytes[p])) p++
      while (p < lim && !isBlank(bytes[p])) p++
    }
  }
  if (key.skipStartBlanks) while (p < lim && isBlank(bytes[p])) p++
  return Math.min(lim, p + key.startChar)
}

/** Where a key ends in the line `bytes[from, lim)` (GNU's limfield). */
export const keyEnd = (bytes: Uint8Array, from: number, lim: number, key: Key, tab: number): number => {
  if (key.endField === undefined) return lim
  let p = from
  let n = key.endField + (key.endChar === 0 ? 1 : 0)
  if (tab !== -1) {
    while (p < lim && n-- > 0) {
      while (p < lim && bytes[p] !== tab) p++
      if (p < lim && (n > 0 || key.endChar !== 0)) p++
    }
  } else {
    while (p < lim && n-- > 0) {
      while (p < lim && isBlank(bytes[p])) p++
      while (p < lim && !isBlank(bytes[p])) p++
    }
  }
  if (key.endChar !== 0) {
    if (key.skipEndBlanks) while (p < lim && isBlank(bytes[p])) p++
    p = Math.min(lim, p + key.endChar)
  }
  return p
}

const isDigit = (b: number) => b >= 48 && b <= 57

/** A `-n` number as GNU's strnumcmp reads it: sign, integer digits (no leading zeros), fraction (no trailing zeros). */
export interface Numeric {
  readonly negative: boolean
  readonly int: string
  readonly frac: string
}

/** Read a key as `-n` does: leading blanks, optional '-', digits, '.', digits; no '+'. */
export const parseNumeric = (s: string): Numeric => {
  let i = 0
  while (i < s.length && isBlank(s.charCodeAt(i))) i++
  let negative = false
  if (s.charCodeAt(i) === 45) {
    negative = true
    i++
  }
  let intStart = i
  while (i < s.length && isDigit(s.charCodeAt(i))) i++
  const intEnd = i
  let fracStart = i
  let fracEnd = i
  if (s.charCodeAt(i) === 46) {
    fracStart = ++i
    while (i < s.length && isDigit(s.charCodeAt(i))) i++
    fracEnd = i
  }
  while (intStart < intEnd && s.charCodeAt(intStart) === 48) intStart++
  while (fracEnd > fracStart && s.charCodeAt(fracEnd - 1) === 48) fracEnd--
  const zero = intStart === intEnd && fracStart === fracEnd
  return { negative: negative && !zero, int: s.slice(intStart, intEnd), frac: s.slice(fracStart, fracEnd) }
}

/** Compare two parsed `-n` numbers. */
export const numericCompare = (x: Numeric, y: Numeric): number => {
  if (x.negative !== y.negative) return x.negative ? -1 : 1
  const sign = x.negative ? -1 : 1
  if (x.int.length !== y.int.length) return sign * (x.int.length - y.int.length)
  if (x.int !== y.int) return sign * (x.int < y.int ? -1 : 1)
  if (x.frac !== y.frac) return sign * (x.frac < y.frac ? -1 : 1)
  return 0
}

/** Bytes `[start, end)` as a latin1 string. */
export const keyText = (s: Uint8Array, start: number, end: number): string => latin1(s, start, end)

const hexValue = (s: string): number => {
  const [mant, exp] = s.toLowerCase().split("p")
  const [int, frac = ""] = mant.split(".")
  let v = int === "" ? 0 : parseInt(int, 16)
  for (let i = 0; i < frac.length; i++) v += parseInt(frac[i], 16) / 16 ** (i + 1)
  return v * 2 ** Number(exp ?? 0)
}

/** strtold's prefix of a key, or undefined when nothing converts. */
export const generalValue = (s: string): number | undefined => {
  const m =
    /^[ \t\n\v\f\r]*[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?\d+)?|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)/i.exec(
      s,
    )
  if (m === null) return undefined
  const t = m[0].trim()
  if (/^[+-]?0x/i.test(t)) return hexValue(t.replace(/^[+-]?0x/i, "")) * (t.startsWith("-") ? -1 : 1)
  if (/inf/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity
  if (/nan/i.test(t)) return NaN
  return Number(t)
}

/** `-g`: conversion failures first, then NaNs, then numbers. */
export const generalCompare = (x: number | undefined, y: number | undefined): number => {
  if (x === undefined) return y === undefined ? 0 : -1
  if (y === undefined) return 1
  if (x < y) return -1
  if (x > y) return 1
  if (x === y) return 0
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1
  return 1
}

const UNITS: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8, R: 9, Q: 10 }

/** `-h`'s unit order of a key: the suffix after a nonzero number (negative for negative numbers). */
export const unitOrder = (s: string): number => {
  let i = 0
  while (i < s.length && isBlank(s.charCodeAt(i))) i++
  const negative = s.charCodeAt(i) === 45
  if (negative) i++
  let nonzero = false
  while (i < s.length && (isDigit(s.charCodeAt(i)) || s.charCodeAt(i) === 46)) {
    if (isDigit(s.charCodeAt(i)) && s.charCodeAt(i) !== 48) nonzero = true
    i++
  }
  if (!nonzero) return 0
  const unit = i < s.length ? (UNITS[s[i]] ?? 0) : 0
  return negative ? -unit : unit
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

/** `-M`: 1-12 for a leading month abbreviation (case-insensitive, after blanks), else 0. */
export const monthOf = (s: string): number => {
  const t = s
    .replace(/^[ \t\n]+/, "")
    .slice(0, 3)
    .toUpperCase()
  return MONTHS.indexOf(t) + 1
}

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
const order = (c: number) => (isDigit(c) ? 0 : isAlpha(c) ? c : c === 126 ? -1 : c + 256)

const verrevcmp = (a: string, alen: number, b: string, blen: number): number => {
  let i = 0
  let j = 0
  while (i < alen || j < blen) {
    let firstDiff = 0
    while ((i < alen && !isDigit(a.charCodeAt(i))) || (j < blen && !isDigit(b.charCodeAt(j)))) {
      const ac = i >= alen ? 0 : order(a.charCodeAt(i))
      const bc = j >= blen ? 0 : order(b.charCodeAt(j))
      if (ac !== bc) return ac - bc
      i++
      j++
    }
    while (i < alen && a[i] === "0") i++
    while (j < blen && b[j] === "0") j++
    while (i < alen && j < blen && isDigit(a.charCodeAt(i)) && isDigit(b.charCodeAt(j))) {
      if (firstDiff === 0) firstDiff = a.charCodeAt(i) - b.charCodeAt(j)
      i++
      j++
    }
    if (i < alen && isDigit(a.charCodeAt(i))) return 1
    if (j < blen && isDigit(b.charCodeAt(j))) return -1
    if (firstDiff !== 0) return firstDiff
  }
  return 0
}

/** The length of `s` without its file suffixes (`(\.[A-Za-z~][A-Za-z0-9~]*)*$`), as gnulib's file_prefixlen. */
const prefixLength = (s: string): number => {
  const n = s.length
  let prefix = 0
  let i = 0
  while (i < n) {
    i++
    prefix = i
    while (i + 1 < n && s[i] === "." && (isAlpha(s.charCodeAt(i + 1)) || s[i + 1] === "~")) {
      for (i += 2; i < n && (isAlpha(s.charCodeAt(i)) || isDigit(s.charCodeAt(i)) || s[i] === "~"); i++);
    }
  }
  return prefix
}

/** `-V`: gnulib's filevercmp (natural sort of version numbers within text). */
export const versionCompare = (a: string, b: string): number => {
  if (a === "") return b === "" ? 0 : -1
  if (b === "") return 1
  if (a[0] === ".") {
    if (b[0] !== ".") return -1
    if (a === ".") return b === "." ? 0 : -1
    if (b === ".") return 1
    if (a === "..") return b === ".." ? 0 : -1
    if (b === "..") return 1
  } else if (b[0] === ".") return 1
  const ap = prefixLength(a)
  const bp = prefixLength(b)
  const result = verrevcmp(a, ap, b, bp)
  return result !== 0 || (ap === a.length && bp === b.length) ? result : verrevcmp(a, a.length, b, b.length)
}

/** A key's value for one line, computed once before sorting. */
export interface KeyValue {
  /** The key's bytes as latin1, folded or filtered as the key asks (for string and version order). */
  readonly text: string
  /** Month, unit order or random hash, by key kind. */
  readonly rank: number
  /** The `-g` value; undefined when nothing converts. */
  readonly num: number | undefined
  /** The `-n`/`-h` number. */
  readonly numeric: Numeric | undefined
}

const isAlnumByte = (b: number) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)

/** FNV-1a of a key with a per-run salt, for `-R`. */
const hashOf = (s: string, salt: number): number => {
  let h = 0x811c9dc5 ^ salt
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}

/** Extract and preprocess `key` of the line `bytes[from, lim)` once, so comparisons are cheap. */
export const keyValue = (
  bytes: Uint8Array,
  from: number,
  lim: number,
  key: Key,
  tab: number,
  salt: number,
): KeyValue => {
  const start = keyStart(bytes, from, lim, key, tab)
  const end = Math.max(start, keyEnd(bytes, from, lim, key, tab))
  let text = latin1(bytes, start, end)
  if (key.dictionary || key.nonprinting) {
    let kept = ""
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      const drop = key.dictionary ? !(isAlnumByte(c) || c === 32 || c === 9) : c < 32 || c >= 127
      if (!drop) kept += text[i]
    }
    text = kept
  }
  // Only ASCII letters fold in the C locale.
  if (key.fold) text = text.replace(/[a-z]+/g, (m) => m.toUpperCase())
  const rank = key.month ? monthOf(text) : key.humanNumeric ? unitOrder(text) : key.random ? hashOf(text, salt) : 0
  return {
    text,
    rank,
    num: key.generalNumeric ? generalValue(text) : undefined,
    numeric: key.numeric || key.humanNumeric ? parseNumeric(text) : undefined,
  }
}

/** Compare two lines' values of one key, before `-r`. */
export const compareValues = (a: KeyValue, b: KeyValue, key: Key): number => {
  if (a.numeric !== undefined && b.numeric !== undefined) {
    return (key.humanNumeric ? a.rank - b.rank : 0) || numericCompare(a.numeric, b.numeric)
  }
  if (key.generalNumeric) return generalCompare(a.num, b.num)
  if (key.month) return a.rank - b.rank
  if (key.version) return versionCompare(a.text, b.text)
  if (key.random && a.rank !== b.rank) return a.rank - b.rank
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0
}
