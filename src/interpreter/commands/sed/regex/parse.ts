import { parseBracket } from "./bracket.ts"
import { addRange, classSet, emptySet, foldCase, type Node } from "./syntax.ts"
import { MSG, peekToken, RegexError, T, type RegexOptions, type Token } from "./tokens.ts"

export { RegexError, type RegexOptions } from "./tokens.ts"

/**
 * A parser of GNU basic and extended regular expressions that follows
 * glibc's `regcomp` token by token, so the same patterns are accepted, the
 * same context rules apply (`*` literal at the start of a BRE, `^` an
 * anchor only where glibc says) and malformed ones fail with glibc's words.
 */

/** A parsed pattern: its tree and how many groups it has. */
export interface Parsed {
  readonly node: Node | null
  readonly groups: number
  readonly hasBackref: boolean
}

const DUP_MAX = 0x7fff

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
  private tok: Token = { type: T.END, c: 0, len: 0 }
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
    this.tok = peekToken(this.p, this.pos, caretHere, this.o)
    this.pos += this.tok.len
  }

  /** Alternatives: `branch (| branch)*`. */
  private regExp(nest: number): Node | null {
    // A back-reference may only name a group of its own branch (or before the alternation).
    const initial = this.completed
    let tree = this.branch(nest)
    while (this.tok.type === T.OP_ALT) {
      this.fetch(true)
      const t = this.tok.type
      let right: Node | null = null
      if (t !== T.OP_ALT && t !== T.END && (nest === 0 || t !== T.OP_CLOSE_SUBEXP)) {
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
    while (
      this.tok.type !== T.OP_ALT &&
      this.tok.type !== T.END &&
      (nest === 0 || this.tok.type !== T.OP_CLOSE_SUBEXP)
    ) {
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
      case T.CHARACTER:
        tree = this.charNode(tok.c)
        break
      case T.OP_OPEN_SUBEXP:
        tree = this.subExp(nest + 1)
        break
      case T.OP_OPEN_BRACKET:
        const { set, end } = parseBracket(this.p, this.pos, o)
        this.pos = end
        tree = { t: "set", set }
        break
      case T.OP_BACK_REF: {
        const n = tok.ref ?? 1
        if ((this.completed & (1 << (n - 1))) === 0) this.fail(MSG.esubreg)
        this.hasBackref = true
        tree = { t: "backref", n }
        break
      }
      case T.OP_OPEN_DUP_NUM:
        if (!o.extended) this.fail(MSG.badrpt)
        return this.fail(MSG.badrpt)
      case T.OP_DUP_ASTERISK:
      case T.OP_DUP_PLUS:
      case T.OP_DUP_QUESTION:
        if (o.extended) this.fail(MSG.badrpt)
        tree = this.charNode(tok.c)
        break
      case T.OP_CLOSE_SUBEXP:
        if (!o.posix) this.fail(MSG.erparen)
        tree = this.charNode(tok.c)
        break
      case T.OP_CLOSE_DUP_NUM:
        tree = this.charNode(tok.c)
        break
      case T.ANCHOR: {
        const node: Node = { t: "anchor", a: tok.anchor ?? "bol" }
        // glibc fetches the next token and returns: an anchor takes no repetition.
        this.fetch()
        return node
      }
      case T.OP_PERIOD: {
        const set = emptySet()
        addRange(set, 0, 255)
        if (o.multiline) set[10] = 0
        tree = { t: "set", set }
        break
      }
      case T.OP_CLASS: {
        const letter = String.fromCharCode(tok.c)
        tree =
          letter === "w" || letter === "W"
            ? { t: "set", set: classSet("alnum", "_", letter === "W") }
            : { t: "set", set: classSet("space", "", letter === "S") }
        break
      }
      case T.OP_ALT:
      case T.END:
        return null
      case T.BACK_SLASH:
        return this.fail(MSG.eescape)
      default:
        return this.fail(MSG.badpat)
    }
    this.fetch()
    while (
      this.tok.type === T.OP_DUP_ASTERISK ||
      this.tok.type === T.OP_DUP_PLUS ||
      this.tok.type === T.OP_DUP_QUESTION ||
      this.tok.type === T.OP_OPEN_DUP_NUM
    ) {
      tree = this.dup(tree)
      // In a BRE, two repetitions in a row are an error.
      if (!o.extended && (this.tok.type === T.OP_DUP_ASTERISK || this.tok.type === T.OP_OPEN_DUP_NUM))
        this.fail(MSG.badrpt)
    }
    return tree
  }

  private subExp(nest: number): Node {
    const index = this.groups++
    this.fetch(true)
    let body: Node | null = null
    if (this.tok.type !== T.OP_CLOSE_SUBEXP) {
      body = this.regExp(nest)
      if (this.tok.type !== T.OP_CLOSE_SUBEXP) this.fail(MSG.eparen)
    }
    if (index < 9) this.completed |= 1 << index
    return { t: "group", n: index + 1, body }
  }

  /** `{m,n}` digits: -1 none, -2 invalid (T.END ends it as invalid too). */
  private number(): number {
    let num = -1
    while (true) {
      this.fetch()
      const t = this.tok
      if (t.type === T.END) return -2
      if (t.type === T.OP_CLOSE_DUP_NUM || t.c === 44) return num
      num =
        t.type !== T.CHARACTER || t.c < 48 || t.c > 57 || num === -2
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
    if (tok.type === T.OP_OPEN_DUP_NUM) {
      let start = this.number()
      let end = 0
      if (start === -1) {
        if (this.tok.type === T.CHARACTER && this.tok.c === 44) start = 0
        else this.fail(MSG.badbr)
      }
      if (start !== -2) {
        end =
          this.tok.type === T.OP_CLOSE_DUP_NUM
            ? start
            : this.tok.type === T.CHARACTER && this.tok.c === 44
              ? this.number()
              : -2
      }
      if (start === -2 || end === -2) this.fail(this.tok.type === T.END ? MSG.ebrace : MSG.badbr)
      if ((end !== -1 && start > end) || this.tok.type !== T.OP_CLOSE_DUP_NUM) this.fail(MSG.badbr)
      if ((end === -1 ? start : end) > DUP_MAX) this.fail(MSG.esize)
      min = start
      max = end
    } else {
      min = tok.type === T.OP_DUP_PLUS ? 1 : 0
      max = tok.type === T.OP_DUP_QUESTION ? 1 : -1
    }
    this.fetch()
    if (elem === null) return null
    return { t: "repeat", body: elem, min, max }
  }
}
