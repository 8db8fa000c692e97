/**
 * Brace expansion, following bash 5.2's braces.c: `{a,b}`, nesting,
 * sequences `{1..10}`, `{01..10}`, `{a..e}`, `{10..1..2}`, with bash's rules
 * for what is left literal (`{a}`, `{}`, `{a..}`, unbalanced braces) and its
 * result order (`a{b,c}d{e,f}` gives abde abdf acde acdf).
 *
 * A word is a list of items: unquoted literal text as strings, anything else
 * (quoted text, expansions) opaque. Braces and commas count only in the
 * text; a backslash there escapes the next character and stays in the
 * output, as bash leaves quote removal for later.
 */

/** At most this many words come out of one word; past it the rest of bash's output is dropped. */
export const MAX_BRACE_RESULTS = 100_000

/** An opaque item, kept apart from single characters of text. */
class Opaque<T> {
  readonly item: T
  constructor(item: T) {
    this.item = item
  }
}

type Tok<T> = string | Opaque<T>
type Word<T> = ReadonlyArray<Tok<T>>

const isBraceSpace = (t: Tok<unknown> | undefined): boolean => t === undefined || t === " " || t === "\t" || t === "\n"

/**
 * bash's brace_gobbler: from `start`, the index of the first `satisfy` outside
 * nested braces (and outside `${...}`), or `text.length`. Looking for `}`
 * also requires a `,` or a `..` (not right before the `}`) at the top level,
 * so `{a}` and `{a..}` do not count as brace expressions.
 */
const gobble = <T>(text: Word<T>, start: number, satisfy: "{" | "}" | ","): number => {
  let level = 0
  let commas = satisfy === "}" ? 0 : 1
  for (let i = start; i < text.length; i++) {
    const c = text[i]
    if (c === "\\") {
      i++
      continue
    }
    if (c === "$" && text[i + 1] === "{") {
      i++
      level++
      continue
    }
    if (c === satisfy && level === 0 && commas > 0) {
      // an open brace at the start (or after a blank) followed by a blank or `}` is not one
      const ignored =
        c === "{" && (i === 0 || isBraceSpace(text[i - 1])) && (isBraceSpace(text[i + 1]) || text[i + 1] === "}")
      if (!ignored) return i
      continue
    }
    if (c === "{") level++
    else if (c === "}" && level > 0) level--
    else if (satisfy === "}" && level === 0) {
      if (c === ",") commas++
      else if (c === "." && text[i + 1] === "." && text[i + 2] !== "}") commas++
    }
  }
  return text.length
}

/** Each word of `a` followed by each word of `b`, in bash's order, up to MAX_BRACE_RESULTS words. */
const product = <T>(a: ReadonlyArray<Word<T>>, b: ReadonlyArray<Word<T>>): Array<Word<T>> => {
  const out: Array<Word<T>> = []
  for (const x of a) {
    for (const y of b) {
      if (out.length >= MAX_BRACE_RESULTS) return out
      out.push(x.length === 0 ? y : y.length === 0 ? x : [...x, ...y])
    }
  }
  return out
}

const expand = <T>(text: Word<T>): Array<Word<T>> => {
  const n = text.length
  let open = -1
  let close = -1
  for (let i = 0; i < n; i++) {
    i = gobble(text, i, "{")
    if (i >= n) break
    const end = gobble(text, i + 1, "}")
    if (end < n) {
      open = i
      close = end
      break
    }
  }
  if (open < 0) return [text]
  const amble = text.slice(open + 1, close)
  let tack: Array<Word<T>>
  if (!hasComma(amble)) {
    const seq = sequence(amble)
    if (seq !== undefined) tack = seq
    else if (close + 1 < n) tack = [text.slice(open, close + 1)]
    else return [text]
  } else tack = alternatives(amble)
  let result = product([text.slice(0, open)], tack)
  if (close + 1 < n) result = product(result, expand(text.slice(close + 1)))
  return result
}

/** Whether an unescaped comma occurs anywhere in the text (bash checks nested ones too). */
const hasComma = <T>(text: Word<T>): boolean => {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "\\") i++
    else if (text[i] === ",") return true
  }
  return false
}

/** `a,b{c,d},e`: each top-level alternative expanded in turn. */
const alternatives = <T>(text: Word<T>): Array<Word<T>> => {
  const out: Array<Word<T>> = []
  for (let start = 0; start <= text.length;) {
    const end = gobble(text, start, ",")
    for (const w of expand(text.slice(start, end))) {
      if (out.length >= MAX_BRACE_RESULTS) return out
      out.push(w)
    }
    start = end + 1
  }
  return out
}

const INTMAX_MIN = -(2n ** 63n)
const INTMAX_MAX = 2n ** 63n - 1n
const INT_MAX = 2n ** 31n - 1n

/** C's strtoimax on base 10: optional blanks and sign, then digits; undefined on overflow or no digits. */
const strtoimax = (s: string, from: number): { readonly value: bigint; readonly end: number } | undefined => {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)/.exec(s.slice(from))
  if (m === null) return undefined
  const value = BigInt(m[1] + m[2])
  if (value < INTMAX_MIN || value > INTMAX_MAX) return undefined
  return { value, end: from + m[0].length }
}

const isAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c)
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9"

/** C's `%0*d` of an int: the value wraps to 32 bits, a minus sign counts toward the width. */
const zeroPad = (n: bigint, width: number): string => {
  const v = BigInt.asIntN(32, n)
  const digits = (v < 0n ? -v : v).toString()
  const sign = v < 0n ? "-" : ""
  return sign + digits.padStart(width - sign.length, "0")
}

/** bash's expand_seqterm + mkseq: `x..y[..incr]` over integers or letters, or undefined when not a sequence. */
const sequence = <T>(amble: Word<T>): Array<Word<T>> | undefined => {
  let text = ""
  for (const t of amble) {
    if (typeof t !== "string") return undefined
    text += t
  }
  const dots = text.indexOf("..")
  if (dots < 0) return undefined
  const lhs = text.slice(0, dots)
  const rhs = text.slice(dots + 2)
  if (lhs === "" || rhs === "") return undefined
  const left = strtoimax(lhs, 0)
  const lhsInt = left !== undefined && /^[ \t]*$/.test(lhs.slice(left.end))
  const lhsType = lhsInt ? "int" : isAlpha(lhs[0]) && lhs.length === 1 ? "char" : "bad"
  let rhsType: "int" | "char" | "bad" = "bad"
  let rhsValue = 0n
  let ep = 0
  let rhsLength = 0
  if (isDigit(rhs[0]) || ((rhs[0] === "+" || rhs[0] === "-") && isDigit(rhs[1]))) {
    const r = strtoimax(rhs, 0)
    if (r !== undefined && (r.end === rhs.length || rhs[r.end] === ".")) {
      rhsType = "int"
      rhsValue = r.value
      ep = rhsLength = r.end
    }
  } else if (isAlpha(rhs[0]) && (rhs.length === 1 || rhs[1] === ".")) {
    rhsType = "char"
    ep = 1
  }
  let incr = 1n
  if (rhsType !== "bad") {
    if (rhs[ep] === "." && rhs[ep + 1] === "." && ep + 2 < rhs.length) {
      const r = strtoimax(rhs, ep + 2)
      if (r === undefined) ep = rhs.length + 1
      else {
        incr = r.value
        ep = r.end
      }
    }
    if (ep !== rhs.length) rhsType = "bad"
  }
  if (lhsType !== rhsType || lhsType === "bad") return undefined
  if (lhsType === "char") return mkseq(BigInt(lhs.charCodeAt(0)), BigInt(rhs.charCodeAt(0)), incr, "char", 1)
  const rl = rhsLength
  let width = 0
  let padded = false
  const ll = lhs.length
  if (ll > 1 && lhs[0] === "0") [width, padded] = [ll, true]
  if (ll > 2 && lhs[0] === "-" && lhs[1] === "0") [width, padded] = [ll, true]
  if (rl > 1 && rhs[0] === "0" && width < rl) [width, padded] = [rl, true]
  if (rl > 2 && rhs[0] === "-" && rhs[1] === "0" && width < rl) [width, padded] = [rl, true]
  if (padded) width = Math.max(width, ll, rl)
  return mkseq(left?.value ?? 0n, rhsValue, incr, padded ? "zint" : "int", width)
}

const mkseq = <T>(
  start: bigint,
  end: bigint,
  step: bigint,
  type: "int" | "zint" | "char",
  width: number,
): Array<Word<T>> | undefined => {
  let incr = step === 0n ? 1n : step
  if (start > end && incr > 0n) incr = -incr
  else if (start < end && incr < 0n) {
    if (incr === INTMAX_MIN) return undefined
    incr = -incr
  }
  // bash's SUBOVERFLOW(end, start, INTMAX_MIN+3, INTMAX_MAX-2), one-sided as written there
  if (start > 0n ? end < INTMAX_MIN + 3n + start : end > INTMAX_MAX - 2n + start) return undefined
  const diff = end - start
  const span = diff < 0n ? -diff : diff
  const absIncr = incr < 0n ? -incr : incr
  // bash refuses sequences it could not allocate; those stay literal
  if (span / absIncr > INT_MAX - 3n) return undefined
  const out: Array<Word<T>> = []
  for (let n = start; out.length < MAX_BRACE_RESULTS;) {
    const s =
      type === "int" ? n.toString() : type === "zint" ? zeroPad(n, width) : String.fromCharCode(Number(n) & 0xff)
    out.push([...s])
    const next = n + incr
    if (next < INTMAX_MIN || next > INTMAX_MAX) break
    n = next
    if ((incr < 0n && n < end) || (incr > 0n && n > end)) break
  }
  return out
}

/**
 * Brace expansion of one word. `items`: unquoted literal text as strings,
 * anything else (quoted text, expansions) as opaque T, which never supplies
 * a brace or a comma. Returns the words in bash's order, each as a list of
 * items (adjacent text merged; a word may come out empty, as `{a,}` gives
 * `a` and an empty word). At most MAX_BRACE_RESULTS words.
 *
 * ```ts
 * expandBraces(["a{b,c}d"], isText) // [["abd"], ["acd"]]
 * ```
 */
export const expandBraces = <T>(
  items: ReadonlyArray<string | T>,
  isText: (x: string | T) => x is string,
): Array<Array<string | T>> => {
  if (!items.some((x) => isText(x) && x.includes("{"))) return [[...items]]
  const text: Array<Tok<T>> = []
  for (const x of items) {
    if (isText(x)) for (let i = 0; i < x.length; i++) text.push(x[i])
    else text.push(new Opaque(x))
  }
  return expand(text).map((word) => {
    const out: Array<string | T> = []
    let run = ""
    for (const t of word) {
      if (typeof t === "string") run += t
      else {
        if (run !== "") out.push(run)
        run = ""
        out.push(t.item)
      }
    }
    if (run !== "") out.push(run)
    return out
  })
}
