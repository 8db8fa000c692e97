import { MSG, RegexError, T, type RegexOptions, type Token } from "./tokens.ts"
import { addClass, addRange, emptySet, foldCase, negate, type ByteSet } from "./syntax.ts"

/**
 * Bracket expressions (`[a-z]`, `[^]x]`, `[[:alpha:]]`, `[[.-.]]`,
 * `[[=a=]]`) as glibc's `parse_bracket_exp` reads them in the C locale:
 * ranges by byte value, backslash literal, `-` literal only first or last.
 */

const OPEN_NAMED = 100
const RANGE = 101
const CLOSE_BRACKET = 102
const NON_MATCH = 103

interface BracketElement {
  readonly kind: "char" | "class" | "equiv" | "coll"
  readonly c: number
  readonly name: string
}

const BRACKET_NAME_MAX = 32

const fail = (message: string): never => {
  throw new RegexError(message)
}

/**
 * The set of the bracket expression whose `[` ends just before `start`,
 * and the index after its `]`. Throws a `RegexError` when malformed.
 */
export const parseBracket = (
  p: string,
  start: number,
  o: RegexOptions,
): { readonly set: ByteSet; readonly end: number } => {
  const cur = { pos: start }
  const peek = (pos: number): Token => {
    if (pos >= p.length) return { type: T.END, c: 0, len: 0 }
    const c = p.charCodeAt(pos)
    if (c === 91) {
      const c2 = pos + 1 < p.length ? p[pos + 1] : ""
      if (c2 === "." || c2 === "=" || c2 === ":") return { type: OPEN_NAMED, c: c2.charCodeAt(0), len: 2 }
      return { type: T.CHARACTER, c, len: 1 }
    }
    if (c === 45) return { type: RANGE, c, len: 1 }
    if (c === 93) return { type: CLOSE_BRACKET, c, len: 1 }
    if (c === 94) return { type: NON_MATCH, c, len: 1 }
    return { type: T.CHARACTER, c, len: 1 }
  }

  /** A bracket expression; `[` is consumed. */
  const bracket = (): ByteSet => {
    const set = emptySet()
    let tok = peek(cur.pos)
    if (tok.type === T.END) fail(MSG.badpat)
    let nonMatch = false
    if (tok.type === NON_MATCH) {
      nonMatch = true
      if (o.multiline) set[10] = 1
      cur.pos += tok.len
      tok = peek(cur.pos)
      if (tok.type === T.END) fail(MSG.badpat)
    }
    if (tok.type === CLOSE_BRACKET) tok = { ...tok, type: T.CHARACTER }
    let first = true
    while (true) {
      const start = element(tok, first)
      first = false
      tok = peek(cur.pos)
      let range = false
      let tok2: Token = tok
      if (start.kind !== "class" && start.kind !== "equiv") {
        if (tok.type === T.END) fail(MSG.ebrack)
        if (tok.type === RANGE) {
          cur.pos += tok.len
          tok2 = peek(cur.pos)
          if (tok2.type === T.END) fail(MSG.ebrack)
          if (tok2.type === CLOSE_BRACKET) {
            // A '-' before the closing bracket is literal.
            cur.pos -= tok.len
            tok = { ...tok, type: T.CHARACTER }
          } else range = true
        }
      }
      if (range) {
        const end = element(tok2, true)
        tok = peek(cur.pos)
        addRangeOf(set, start, end)
      } else addElement(set, start)
      if (tok.type === T.END) fail(MSG.ebrack)
      if (tok.type === CLOSE_BRACKET) break
    }
    cur.pos += tok.len
    if (o.icase) foldCase(set)
    if (nonMatch) negate(set)
    return set
  }

  const element = (tok: Token, acceptHyphen: boolean): BracketElement => {
    cur.pos += tok.len
    if (tok.type === OPEN_NAMED) return named(String.fromCharCode(tok.c))
    if (tok.type === RANGE && !acceptHyphen) {
      // A '-' that does not start a range must be just before the ']'.
      if (peek(cur.pos).type !== CLOSE_BRACKET) fail(MSG.erange)
    }
    return { kind: "char", c: tok.c, name: "" }
  }

  /** `[:name:]`, `[=x=]`, `[.x.]`; the opening pair is consumed. */
  const named = (delim: string): BracketElement => {
    if (cur.pos >= p.length) fail(MSG.ebrack)
    let name = ""
    for (let i = 0; ; i++) {
      if (i >= BRACKET_NAME_MAX) fail(MSG.ebrack)
      const ch = p[cur.pos++]
      if (cur.pos >= p.length) fail(MSG.ebrack)
      if (ch === delim && p[cur.pos] === "]") break
      name += ch
    }
    cur.pos++
    return { kind: delim === ":" ? "class" : delim === "=" ? "equiv" : "coll", c: 0, name }
  }

  const addElement = (set: ByteSet, e: BracketElement): void => {
    switch (e.kind) {
      case "char":
        set[e.c] = 1
        return
      case "class": {
        const name = o.icase && (e.name === "upper" || e.name === "lower") ? "alpha" : e.name
        if (!addClass(set, name)) fail(MSG.ectype)
        return
      }
      default:
        if (e.name.length !== 1) fail(MSG.ecollate)
        set[e.name.charCodeAt(0)] = 1
    }
  }

  const addRangeOf = (set: ByteSet, start: BracketElement, end: BracketElement): void => {
    if (start.kind === "class" || start.kind === "equiv" || end.kind === "class" || end.kind === "equiv")
      fail(MSG.erange)
    if ((start.kind === "coll" && start.name.length > 1) || (end.kind === "coll" && end.name.length > 1))
      fail(MSG.ecollate)
    const from = start.kind === "char" ? start.c : start.name.length === 1 ? start.name.charCodeAt(0) : 0
    const to = end.kind === "char" ? end.c : end.name.length === 1 ? end.name.charCodeAt(0) : 0
    if (from > to) fail(MSG.erange)
    addRange(set, from, to)
  }

  const set = bracket()
  return { set, end: cur.pos }
}
