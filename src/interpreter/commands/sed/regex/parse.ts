import { addClass, addRange, classSet, emptySet, foldCase, negate, type Anchor, type ByteSet, type Node } from "./syntax.ts"

/**
 * A parser of GNU basic and extended regular expressions that follows
 * glibc's `regcomp` token by token, so the same patterns are accepted, the
 * same context rules apply (`*` literal at the start of a BRE, `^` an
 * anchor only where glibc says) and malformed ones fail with glibc's words.
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

/** A parsed pattern: its tree and how many groups it has. */
export interface Parsed {
  readonly node: Node | null
  readonly groups: number
  readonly hasBackref: boolean
}

// Token types, as glibc names them.
const CHARACTER = 0
const END = 1
const BACK_SLASH = 2
const OP_ALT = 3
const OP_BACK_REF = 4
const ANCHOR = 5
const OP_CLASS = 6
const OP_OPEN_SUBEXP = 7
const OP_CLOSE_SUBEXP = 8
const OP_DUP_PLUS = 9
const OP_DUP_QUESTION = 10
const OP_DUP_ASTERISK = 11
const OP_OPEN_DUP_NUM = 12
const OP_CLOSE_DUP_NUM = 13
const OP_OPEN_BRACKET = 14
const OP_PERIOD = 15

interface Token {
  type: number
  /** The character (for CHARACTER, and the letter of a class escape). */
  c: number
  len: number
  anchor?: Anchor
  /** Back-reference number, from 1. */
  ref?: number
}

/** glibc's messages. */
const MSG = {
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

const DUP_MAX = 0x7fff
const BRACKET_NAME_MAX = 32

/** Parse `pattern` (code units are bytes); a malformed pattern gives its message. */
export const parse = (pattern: string, options: RegexOptions): Parsed | RegexError => {
  const parser = new Parser(pattern, options)
  try {
    return parser.parse()
  } catch (e) {
    // Errors are raised deep in the recursive descent; only ours are caught.
    if (e instanceof RegexError) return e
    throw e
  }
}

class Parser {
  private readonly p: string
  private readonly o: RegexOptions
  private pos = 0
  private tok: Token = { type: END, c: 0, len: 0 }
  private groups = 0
  private completed = 0
  private hasBackref = false

  constructor(pattern: string, options: RegexOptions) {
    this.p = pattern
    this.o = options
  }

  parse(): Parsed {
    this.fetch(true)
    const node = this.regExp(0)
    return { node, groups: this.groups, hasBackref: this.hasBackref }
  }

  private fail(message: string): never {
    throw new RegexError(message)
  }

  private fetch(caretHere = false): void {
    this.tok = this.peek(this.pos, caretHere)
    this.pos += this.tok.len
  }

  private peek(pos: number, caretHere: boolean): Token {
    const p = this.p
    const o = this.o
    const ere = o.extended
    if (pos >= p.length) return { type: END, c: 0, len: 0 }
    const c = p.charCodeAt(pos)
    if (c === 92) {
      if (pos + 1 >= p.length) return { type: BACK_SLASH, c, len: 1 }
      const c2 = p.charCodeAt(pos + 1)
      const t: Token = { type: CHARACTER, c: c2, len: 2 }
      const gnu = !o.posix
      const anchor = (a: Anchor) => {
        if (gnu) {
          t.type = ANCHOR
          t.anchor = a
        }
      }
      switch (p[pos + 1]) {
        case "|":
          if (!ere && gnu) t.type = OP_ALT
          break
        case "1": case "2": case "3": case "4": case "5": case "6": case "7": case "8": case "9":
          t.type = OP_BACK_REF
          t.ref = c2 - 48
          break
        case "<": anchor("wordStart"); break
        case ">": anchor("wordEnd"); break
        case "b": anchor("wordB"); break
        case "B": anchor("notWordB"); break
        case "`": anchor("bufStart"); break
        case "'": anchor("bufEnd"); break
        case "w": case "W": case "s": case "S":
          if (gnu) t.type = OP_CLASS
          break
        case "(": if (!ere) t.type = OP_OPEN_SUBEXP; break
        case ")": if (!ere) t.type = OP_CLOSE_SUBEXP; break
        case "+": if (!ere && gnu) t.type = OP_DUP_PLUS; break
        case "?": if (!ere && gnu) t.type = OP_DUP_QUESTION; break
        case "{": if (!ere) t.type = OP_OPEN_DUP_NUM; break
        case "}": if (!ere) t.type = OP_CLOSE_DUP_NUM; break
      }
      return t
    }
    const t: Token = { type: CHARACTER, c, len: 1 }
    switch (p[pos]) {
      case "|": if (ere) t.type = OP_ALT; break
      case "*": t.type = OP_DUP_ASTERISK; break
      case "+": if (ere) t.type = OP_DUP_PLUS; break
      case "?": if (ere) t.type = OP_DUP_QUESTION; break
      case "{": if (ere) t.type = OP_OPEN_DUP_NUM; break
      case "}": if (ere) t.type = OP_CLOSE_DUP_NUM; break
      case "(": if (ere) t.type = OP_OPEN_SUBEXP; break
      case ")": if (ere) t.type = OP_CLOSE_SUBEXP; break
      case "[": t.type = OP_OPEN_BRACKET; break
      case ".": t.type = OP_PERIOD; break
      case "^":
        if (ere || caretHere || pos === 0) {
          t.type = ANCHOR
          t.anchor = "bol"
        }
        break
      case "$":
        if (!ere && pos + 1 !== p.length) {
          const next = this.peek(pos + 1, false)
          if (next.type !== OP_ALT && next.type !== OP_CLOSE_SUBEXP) break
        }
        t.type = ANCHOR
        t.anchor = "eol"
        break
    }
    return t
  }

  /** Alternatives: `branch (| branch)*`. */
  private regExp(nest: number): Node | null {
    // A back-reference may only name a group of its own branch (or before the alternation).
    const initial = this.completed
    let tree = this.branch(nest)
    while (this.tok.type === OP_ALT) {
      this.fetch(true)
      const t = this.tok.type
      let right: Node | null = null
      if (t !== OP_ALT && t !== END && (nest === 0 || t !== OP_CLOSE_SUBEXP)) {
        const accumulated = this.completed
        this.completed = initial
        right = this.branch(nest)
        this.completed |= accumulated
      }
      tree = { t: "alt", left: tree, right }
    }
    return tree
  }

  private branch(nest: number): Node | null {
    const items: Array<Node> = []
    const first = this.expression(nest)
    if (first !== null) items.push(first)
    while (this.tok.type !== OP_ALT && this.tok.type !== END && (nest === 0 || this.tok.type !== OP_CLOSE_SUBEXP)) {
      const expr = this.expression(nest)
      if (expr !== null) items.push(expr)
    }
    return items.length === 0 ? null : items.length === 1 ? items[0] : { t: "cat", items }
  }

  private charNode(c: number): Node {
    const lower = c | 0x20
    if (this.o.icase && lower >= 97 && lower <= 122) {
      const set = emptySet()
      set[c] = 1
      foldCase(set)
      return { t: "set", set }
    }
    return { t: "char", c }
  }

  private expression(nest: number): Node | null {
    const o = this.o
    const tok = this.tok
    let tree: Node | null
    switch (tok.type) {
      case CHARACTER:
        tree = this.charNode(tok.c)
        break
      case OP_OPEN_SUBEXP:
        tree = this.subExp(nest + 1)
        break
      case OP_OPEN_BRACKET:
        tree = { t: "set", set: this.bracket() }
        break
      case OP_BACK_REF: {
        const n = tok.ref ?? 1
        if ((this.completed & (1 << (n - 1))) === 0) this.fail(MSG.esubreg)
        this.hasBackref = true
        tree = { t: "backref", n }
        break
      }
      case OP_OPEN_DUP_NUM:
        if (!o.extended) this.fail(MSG.badrpt)
        return this.fail(MSG.badrpt)
      case OP_DUP_ASTERISK:
      case OP_DUP_PLUS:
      case OP_DUP_QUESTION:
        if (o.extended) this.fail(MSG.badrpt)
        tree = this.charNode(tok.c)
        break
      case OP_CLOSE_SUBEXP:
        if (!o.posix) this.fail(MSG.erparen)
        tree = this.charNode(tok.c)
        break
      case OP_CLOSE_DUP_NUM:
        tree = this.charNode(tok.c)
        break
      case ANCHOR: {
        const node: Node = { t: "anchor", a: tok.anchor ?? "bol" }
        // glibc fetches the next token and returns: an anchor takes no repetition.
        this.fetch()
        return node
      }
      case OP_PERIOD: {
        const set = emptySet()
        addRange(set, 0, 255)
        if (o.multiline) set[10] = 0
        tree = { t: "set", set }
        break
      }
      case OP_CLASS: {
        const letter = String.fromCharCode(tok.c)
        tree =
          letter === "w" || letter === "W"
            ? { t: "set", set: classSet("alnum", "_", letter === "W") }
            : { t: "set", set: classSet("space", "", letter === "S") }
        break
      }
      case OP_ALT:
      case END:
        return null
      case BACK_SLASH:
        return this.fail(MSG.eescape)
      default:
        return this.fail(MSG.badpat)
    }
    this.fetch()
    while (
      this.tok.type === OP_DUP_ASTERISK ||
      this.tok.type === OP_DUP_PLUS ||
      this.tok.type === OP_DUP_QUESTION ||
      this.tok.type === OP_OPEN_DUP_NUM
    ) {
      tree = this.dup(tree)
      // In a BRE, two repetitions in a row are an error.
      if (!o.extended && (this.tok.type === OP_DUP_ASTERISK || this.tok.type === OP_OPEN_DUP_NUM)) this.fail(MSG.badrpt)
    }
    return tree
  }

  private subExp(nest: number): Node {
    const index = this.groups++
    this.fetch(true)
    let body: Node | null = null
    if (this.tok.type !== OP_CLOSE_SUBEXP) {
      body = this.regExp(nest)
      if (this.tok.type !== OP_CLOSE_SUBEXP) this.fail(MSG.eparen)
    }
    if (index < 9) this.completed |= 1 << index
    return { t: "group", n: index + 1, body }
  }

  /** `{m,n}` digits: -1 none, -2 invalid (END ends it as invalid too). */
  private number(): number {
    let num = -1
    while (true) {
      this.fetch()
      const t = this.tok
      if (t.type === END) return -2
      if (t.type === OP_CLOSE_DUP_NUM || t.c === 44) return num
      num =
        t.type !== CHARACTER || t.c < 48 || t.c > 57 || num === -2
          ? -2
          : num === -1
            ? t.c - 48
            : Math.min(DUP_MAX + 1, num * 10 + t.c - 48)
    }
  }

  private dup(elem: Node | null): Node | null {
    const tok = this.tok
    let min: number
    let max: number
    if (tok.type === OP_OPEN_DUP_NUM) {
      let start = this.number()
      let end = 0
      if (start === -1) {
        if (this.tok.type === CHARACTER && this.tok.c === 44) start = 0
        else this.fail(MSG.badbr)
      }
      if (start !== -2) {
        end =
          this.tok.type === OP_CLOSE_DUP_NUM ? start : this.tok.type === CHARACTER && this.tok.c === 44 ? this.number() : -2
      }
      if (start === -2 || end === -2) this.fail(this.tok.type === END ? MSG.ebrace : MSG.badbr)
      if ((end !== -1 && start > end) || this.tok.type !== OP_CLOSE_DUP_NUM) this.fail(MSG.badbr)
      if ((end === -1 ? start : end) > DUP_MAX) this.fail(MSG.esize)
      min = start
      max = end
    } else {
      min = tok.type === OP_DUP_PLUS ? 1 : 0
      max = tok.type === OP_DUP_QUESTION ? 1 : -1
    }
    this.fetch()
    if (elem === null) return null
    return { t: "repeat", body: elem, min, max }
  }

  private peekBracket(pos: number): Token {
    const p = this.p
    if (pos >= p.length) return { type: END, c: 0, len: 0 }
    const c = p.charCodeAt(pos)
    if (c === 91) {
      const c2 = pos + 1 < p.length ? p[pos + 1] : ""
      if (c2 === "." || c2 === "=" || c2 === ":") return { type: OPEN_NAMED, c: c2.charCodeAt(0), len: 2 }
      return { type: CHARACTER, c, len: 1 }
    }
    if (c === 45) return { type: RANGE, c, len: 1 }
    if (c === 93) return { type: CLOSE_BRACKET, c, len: 1 }
    if (c === 94) return { type: NON_MATCH, c, len: 1 }
    return { type: CHARACTER, c, len: 1 }
  }

  /** A bracket expression; `[` is consumed. */
  private bracket(): ByteSet {
    const set = emptySet()
    let tok = this.peekBracket(this.pos)
    if (tok.type === END) this.fail(MSG.badpat)
    let nonMatch = false
    if (tok.type === NON_MATCH) {
      nonMatch = true
      if (this.o.multiline) set[10] = 1
      this.pos += tok.len
      tok = this.peekBracket(this.pos)
      if (tok.type === END) this.fail(MSG.badpat)
    }
    if (tok.type === CLOSE_BRACKET) tok = { ...tok, type: CHARACTER }
    let first = true
    while (true) {
      const start = this.element(tok, first)
      first = false
      tok = this.peekBracket(this.pos)
      let range = false
      let tok2: Token = tok
      if (start.kind !== "class" && start.kind !== "equiv") {
        if (tok.type === END) this.fail(MSG.ebrack)
        if (tok.type === RANGE) {
          this.pos += tok.len
          tok2 = this.peekBracket(this.pos)
          if (tok2.type === END) this.fail(MSG.ebrack)
          if (tok2.type === CLOSE_BRACKET) {
            // A '-' before the closing bracket is literal.
            this.pos -= tok.len
            tok = { ...tok, type: CHARACTER }
          } else range = true
        }
      }
      if (range) {
        const end = this.element(tok2, true)
        tok = this.peekBracket(this.pos)
        this.addRange(set, start, end)
      } else this.addElement(set, start)
      if (tok.type === END) this.fail(MSG.ebrack)
      if (tok.type === CLOSE_BRACKET) break
    }
    this.pos += tok.len
    if (this.o.icase) foldCase(set)
    if (nonMatch) negate(set)
    return set
  }

  private element(tok: Token, acceptHyphen: boolean): BracketElement {
    this.pos += tok.len
    if (tok.type === OPEN_NAMED) return this.named(String.fromCharCode(tok.c))
    if (tok.type === RANGE && !acceptHyphen) {
      // A '-' that does not start a range must be just before the ']'.
      if (this.peekBracket(this.pos).type !== CLOSE_BRACKET) this.fail(MSG.erange)
    }
    return { kind: "char", c: tok.c, name: "" }
  }

  /** `[:name:]`, `[=x=]`, `[.x.]`; the opening pair is consumed. */
  private named(delim: string): BracketElement {
    const p = this.p
    if (this.pos >= p.length) this.fail(MSG.ebrack)
    let name = ""
    for (let i = 0; ; i++) {
      if (i >= BRACKET_NAME_MAX) this.fail(MSG.ebrack)
      const ch = p[this.pos++]
      if (this.pos >= p.length) this.fail(MSG.ebrack)
      if (ch === delim && p[this.pos] === "]") break
      name += ch
    }
    this.pos++
    return { kind: delim === ":" ? "class" : delim === "=" ? "equiv" : "coll", c: 0, name }
  }

  private addElement(set: ByteSet, e: BracketElement): void {
    switch (e.kind) {
      case "char":
        set[e.c] = 1
        return
      case "class": {
        const name = this.o.icase && (e.name === "upper" || e.name === "lower") ? "alpha" : e.name
        if (!addClass(set, name)) this.fail(MSG.ectype)
        return
      }
      default:
        if (e.name.length !== 1) this.fail(MSG.ecollate)
        set[e.name.charCodeAt(0)] = 1
    }
  }

  private addRange(set: ByteSet, start: BracketElement, end: BracketElement): void {
    if (start.kind === "class" || start.kind === "equiv" || end.kind === "class" || end.kind === "equiv") this.fail(MSG.erange)
    if ((start.kind === "coll" && start.name.length > 1) || (end.kind === "coll" && end.name.length > 1)) this.fail(MSG.ecollate)
    const from = start.kind === "char" ? start.c : start.name.length === 1 ? start.name.charCodeAt(0) : 0
    const to = end.kind === "char" ? end.c : end.name.length === 1 ? end.name.charCodeAt(0) : 0
    if (from > to) this.fail(MSG.erange)
    addRange(set, from, to)
  }
}

// Bracket token types.
const OPEN_NAMED = 100
const RANGE = 101
const CLOSE_BRACKET = 102
const NON_MATCH = 103

interface BracketElement {
  readonly kind: "char" | "class" | "equiv" | "coll"
  readonly c: number
  readonly name: string
}
