import type { Anchor } from "./syntax.ts"

/**
 * The tokens of a GNU regular expression, read as glibc's `peek_token`
 * reads them: which characters are operators depends on the dialect and,
 * for `^` and `$`, on what surrounds them.
 */

/** How a pattern is read (the regex syntax bits GNU sed selects). */
export interface RegexOptions {
  /** ERE (`-E`) rather than BRE. */
  readonly extended: boolean
  /** `I`: letters match either case. */
  readonly icase: boolean
  /** `M`: `^`/`$` match at embedded newlines; `.` and `[^...]` do not match one. */
  readonly multiline: boolean
  /** `--posix`: no GNU operators (`\w`, `\|`, `\+`, ...); an unmatched `)` is literal. */
  readonly posix: boolean
}

/** Token types, named as glibc names them. */
export const T = {
  CHARACTER: 0,
  END: 1,
  BACK_SLASH: 2,
  OP_ALT: 3,
  OP_BACK_REF: 4,
  ANCHOR: 5,
  OP_CLASS: 6,
  OP_OPEN_SUBEXP: 7,
  OP_CLOSE_SUBEXP: 8,
  OP_DUP_PLUS: 9,
  OP_DUP_QUESTION: 10,
  OP_DUP_ASTERISK: 11,
  OP_OPEN_DUP_NUM: 12,
  OP_CLOSE_DUP_NUM: 13,
  OP_OPEN_BRACKET: 14,
  OP_PERIOD: 15,
} as const

/** One token: its type, its character (or the letter of `\w`...), and how many characters it spans. */
export interface Token {
  type: number
  /** The character (for T.CHARACTER, and the letter of a class escape). */
  c: number
  len: number
  anchor?: Anchor
  /** Back-reference number, from 1. */
  ref?: number
}

/** glibc's messages. */
export const MSG = {
  badpat: "Invalid regular expression",
  ecollate: "Invalid collation character",
  ectype: "Invalid character class name",
  eescape: "Trailing backslash",
  esubreg: "Invalid back reference",
  ebrack: "Unmatched [, [^, [:, [., or [=",
  eparen: "Unmatched ( or \\(",
  ebrace: "Unmatched \\{",
  badbr: "Invalid content of \\{\\}",
  erange: "Invalid range end",
  badrpt: "Invalid preceding regular expression",
  esize: "Regular expression too big",
  erparen: "Unmatched ) or \\)",
} as const

/** The failure of a malformed pattern, carrying glibc's message. */
export class RegexError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

/** The token at `pos`; `caretHere` when `^` is an anchor there whatever the dialect (after `\(` and `\|`). */
export const peekToken = (p: string, pos: number, caretHere: boolean, o: RegexOptions): Token => {
  const ere = o.extended
  if (pos >= p.length) return { type: T.END, c: 0, len: 0 }
  const c = p.charCodeAt(pos)
  if (c === 92) {
    if (pos + 1 >= p.length) return { type: T.BACK_SLASH, c, len: 1 }
    const c2 = p.charCodeAt(pos + 1)
    const t: Token = { type: T.CHARACTER, c: c2, len: 2 }
    const gnu = !o.posix
    const anchor = (a: Anchor) => {
      if (gnu) {
        t.type = T.ANCHOR
        t.anchor = a
      }
    }
    switch (p[pos + 1]) {
      case "|":
        if (!ere && gnu) t.type = T.OP_ALT
        break
      case "1":
      case "2":
      case "3":
      case "4":
      case "5":
      case "6":
      case "7":
      case "8":
      case "9":
        t.type = T.OP_BACK_REF
        t.ref = c2 - 48
        break
      case "<":
        anchor("wordStart")
        break
      case ">":
        anchor("wordEnd")
        break
      case "b":
        anchor("wordB")
        break
      case "B":
        anchor("notWordB")
        break
      case "`":
        anchor("bufStart")
        break
      case "'":
        anchor("bufEnd")
        break
      case "w":
      case "W":
      case "s":
      case "S":
        if (gnu) t.type = T.OP_CLASS
        break
      case "(":
        if (!ere) t.type = T.OP_OPEN_SUBEXP
        break
      case ")":
        if (!ere) t.type = T.OP_CLOSE_SUBEXP
        break
      case "+":
        if (!ere && gnu) t.type = T.OP_DUP_PLUS
        break
      case "?":
        if (!ere && gnu) t.type = T.OP_DUP_QUESTION
        break
      case "{":
        if (!ere) t.type = T.OP_OPEN_DUP_NUM
        break
      case "}":
        if (!ere) t.type = T.OP_CLOSE_DUP_NUM
        break
    }
    return t
  }
  const t: Token = { type: T.CHARACTER, c, len: 1 }
  switch (p[pos]) {
    case "|":
      if (ere) t.type = T.OP_ALT
      break
    case "*":
      t.type = T.OP_DUP_ASTERISK
      break
    case "+":
      if (ere) t.type = T.OP_DUP_PLUS
      break
    case "?":
      if (ere) t.type = T.OP_DUP_QUESTION
      break
    case "{":
      if (ere) t.type = T.OP_OPEN_DUP_NUM
      break
    case "}":
      if (ere) t.type = T.OP_CLOSE_DUP_NUM
      break
    case "(":
      if (ere) t.type = T.OP_OPEN_SUBEXP
      break
    case ")":
      if (ere) t.type = T.OP_CLOSE_SUBEXP
      break
    case "[":
      t.type = T.OP_OPEN_BRACKET
      break
    case ".":
      t.type = T.OP_PERIOD
      break
    case "^":
      if (ere || caretHere || pos === 0) {
        t.type = T.ANCHOR
        t.anchor = "bol"
      }
      break
    case "$":
      if (!ere && pos + 1 !== p.length) {
        const next = peekToken(p, pos + 1, false, o)
        if (next.type !== T.OP_ALT && next.type !== T.OP_CLOSE_SUBEXP) break
      }
      t.type = T.ANCHOR
      t.anchor = "eol"
      break
  }
  return t
}
