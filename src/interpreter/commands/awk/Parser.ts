import type * as Ast from "./Ast.ts"
import { Lexer, SyntaxError, type LexWarning, type Token } from "./Lexer.ts"
import { parseExpression } from "./ParseExpr.ts"

/**
 * A recursive-descent parser following gawk's grammar (awkgram.y): the
 * statement and rule layer lives here, expressions in ParseExpr.ts.
 */

/** Tokens that end a simple statement. */
const TERMINATORS = new Set([";", "newline", "}", "eof"])

/** Token stream with lookahead over one source. */
export class Parser {
  readonly lexer: Lexer
  tok: Token
  private ahead: Array<Token> = []
  /** In an unparenthesized print list, `>` is a redirection. */
  noGt = false
  /** Inside `for (`...`)` head: `in` is the for-in keyword, not an operator. */
  noIn = false
  /** A primary already parsed (a parenthesized group in print), returned next by parsePrimary. */
  pending: Ast.Expr | undefined = undefined
  readonly funcs = new Map<string, Ast.Func>()
  readonly rules: Array<Ast.Rule> = []
  /** Calls of user functions (checked once all sources are read). */
  readonly callSites: Array<{ readonly name: string; readonly args: number; readonly line: number }> = []
  /** Parsing a function body (`return` is allowed). */
  inFunction = false

  constructor(src: string, lineBase = 0) {
    this.lexer = new Lexer(src, lineBase)
    this.tok = this.lexer.next()
  }

  get warnings(): ReadonlyArray<LexWarning> {
    return this.lexer.warnings
  }

  /** The current token's type (read through a call, so narrowing does not stick). */
  current(): string {
    return this.tok.type
  }

  advance(): Token {
    const t = this.tok
    this.tok = this.ahead.shift() ?? this.lexer.next()
    return t
  }

  peek(n = 1): Token {
    while (this.ahead.length < n) this.ahead.push(this.lexer.next())
    return this.ahead[n - 1]
  }

  /** Re-read the current `/` or `/=` token as a regex. */
  regexToken(): Token {
    this.ahead = []
    const t = this.lexer.regex(this.tok)
    this.tok = this.lexer.next()
    return t
  }

  error(tok: Token = this.tok, message?: string): SyntaxError {
    const m =
      message ?? (tok.type === "newline" || tok.type === "eof" ? "unexpected newline or end of string" : "syntax error")
    return new SyntaxError(m, tok.pos, tok.line)
  }

  expect(type: string): Token {
    if (this.tok.type !== type) throw this.error()
    return this.advance()
  }

  skipNewlines(): void {
    while (this.tok.type === "newline") this.advance()
  }

  /** Newlines and semicolons between rules or statements. */
  private skipTerminators(): void {
    while (this.tok.type === "newline" || this.tok.type === ";") this.advance()
  }

  parseProgram(): void {
    this.skipTerminators()
    while (this.tok.type !== "eof") {
      this.parseItem()
      this.skipTerminators()
    }
  }

  private parseItem(): void {
    const t = this.tok
    if (t.type === "function") return this.parseFunction()
    if (t.type === "BEGIN" || t.type === "END" || t.type === "BEGINFILE" || t.type === "ENDFILE") {
      this.advance()
      if (this.tok.type !== "{") {
        throw new SyntaxError(
          `${t.type} blocks must have an action part`,
          -1,
          this.tok.type === "newline" ? this.tok.line + 1 : this.tok.line,
        )
      }
      const kind =
        t.type === "BEGIN" ? "begin" : t.type === "END" ? "end" : t.type === "BEGINFILE" ? "beginfile" : "endfile"
      this.rules.push({ line: t.line, pattern: { k: kind }, action: this.parseBlock() })
      return
    }
    if (t.type === "{") {
      this.rules.push({ line: t.line, pattern: { k: "all" }, action: this.parseBlock() })
      return
    }
    const from = this.expr()
    let pattern: Ast.Pattern = { k: "expr", expr: from }
    if (this.tok.type === ",") {
      this.advance()
      this.skipNewlines()
      pattern = { k: "range", from, to: this.expr() }
    }
    const action = this.tok.type === "{" ? this.parseBlock() : undefined
    if (action === undefined && !TERMINATORS.has(this.tok.type)) throw this.error()
    this.rules.push({ line: t.line, pattern, action })
  }

  private parseFunction(): void {
    const line = this.advance().line
    const nameTok = this.tok
    if (nameTok.type !== "name" && nameTok.type !== "funcname") {
      if (nameTok.type === "builtin")
        throw this.error(nameTok, `\`${nameTok.text}' is a built-in function, it cannot be redefined`)
      throw this.error()
    }
    this.advance()
    const name = nameTok.text
    this.expect("(")
    const params: Array<string> = []
    this.skipNewlines()
    while (this.tok.type !== ")") {
      const p = this.tok
      if (p.type !== "name") throw this.error()
      if (p.text === name)
        throw new SyntaxError(`error: function \`${name}': cannot use function name as parameter name`, -1, p.line)
      if (params.includes(p.text)) {
        throw new SyntaxError(
          `error: function \`${name}': parameter #${params.length + 1}, \`${p.text}', duplicates parameter #${params.indexOf(p.text) + 1}`,
          -1,
          p.line,
        )
      }
      params.push(p.text)
      this.advance()
      this.skipNewlines()
      if (this.tok.type === ",") {
        this.advance()
        this.skipNewlines()
      } else if (this.tok.type !== ")") throw this.error()
    }
    this.advance()
    this.skipNewlines()
    if (this.funcs.has(name)) throw new SyntaxError(`error: function name \`${name}' previously defined`, -1, line)
    this.inFunction = true
    const body = this.parseBlock()
    this.inFunction = false
    this.funcs.set(name, { line, name, params, body })
  }

  parseBlock(): Ast.Block {
    const line = this.expect("{").line
    const body: Array<Ast.Stmt> = []
    this.skipTerminators()
    while (this.tok.type !== "}") {
      if (this.tok.type === "eof") throw this.error()
      body.push(this.statement())
      this.skipTerminators()
    }
    this.advance()
    return { k: "block", line, body }
  }

  /** A statement, with its terminator consumed when it needs one. */
  statement(): Ast.Stmt {
    const t = this.tok
    switch (t.type) {
      case "{":
        return this.parseBlock()
      case ";":
        this.advance()
        return { k: "block", line: t.line, body: [] }
      case "if": {
        this.advance()
        this.expect("(")
        const test = this.expr()
        this.expect(")")
        this.skipNewlines()
        const then = this.bodyStatement()
        // `else` may follow newlines or a semicolon after the then-branch.
        let save = 0
        while (this.peekType(save) === "newline" || this.peekType(save) === ";") save++
        if (this.peekType(save) === "else") {
          for (let i = 0; i < save; i++) this.advance()
          this.advance()
          this.skipNewlines()
          return { k: "if", line: t.line, test, yes: then, no: this.bodyStatement() }
        }
        return { k: "if", line: t.line, test, yes: then, no: undefined }
      }
      case "while": {
        this.advance()
        this.expect("(")
        const test = this.expr()
        this.expect(")")
        if (this.tok.type === ";") {
          this.advance()
          return { k: "while", line: t.line, test, body: { k: "block", line: t.line, body: [] } }
        }
        this.skipNewlines()
        return { k: "while", line: t.line, test, body: this.bodyStatement() }
      }
      case "do": {
        this.advance()
        this.skipNewlines()
        const body = this.bodyStatement()
        this.skipTerminators()
        this.expect("while")
        this.expect("(")
        const test = this.expr()
        this.expect(")")
        this.endSimple()
        return { k: "do", line: t.line, body, test }
      }
      case "for":
        return this.parseFor()
      default: {
        const s = this.simpleStatement()
        this.endSimple()
        return s
      }
    }
  }

  private peekType(n: number): string {
    return n === 0 ? this.tok.type : this.peek(n).type
  }

  /** The body of if/while/for: a statement, where `;` alone is an empty one. */
  private bodyStatement(): Ast.Stmt {
    return this.statement()
  }

  private parseFor(): Ast.Stmt {
    const line = this.advance().line
    this.expect("(")
    if (this.tok.type === "name" && this.peek().type === "in") {
      // `for (k in a)` unless `k in a` is only the start of a longer condition.
      const arr = this.peek(2)
      if (arr.type === "name" && this.peek(3).type === ")") {
        const target: Ast.Var = { k: "var", line: this.tok.line, name: this.tok.text }
        this.advance()
        this.advance()
        this.advance()
        this.advance()
        this.skipNewlines()
        return { k: "forin", line, target, array: arr.text, body: this.bodyStatement() }
      }
    }
    if (
      this.tok.type === "(" &&
      this.peek().type === "name" &&
      this.peek(2).type === ")" &&
      this.peek(3).type === "in"
    ) {
      const name = this.peek().text
      const arr = this.peek(4)
      if (arr.type === "name" && this.peek(5).type === ")") {
        for (let i = 0; i < 6; i++) this.advance()
        this.skipNewlines()
        return { k: "forin", line, target: { k: "var", line, name }, array: arr.text, body: this.bodyStatement() }
      }
    }
    const init = this.tok.type === ";" ? undefined : this.expr()
    this.expect(";")
    this.skipNewlines()
    const test = this.tok.type === ";" ? undefined : this.expr()
    this.expect(";")
    this.skipNewlines()
    const step = this.tok.type === ")" ? undefined : this.expr()
    this.expect(")")
    if (this.tok.type === ";") {
      this.advance()
      return { k: "for", line, init, test, step, body: { k: "block", line, body: [] } }
    }
    this.skipNewlines()
    return { k: "for", line, init, test, step, body: this.bodyStatement() }
  }

  /** After a simple statement: `;`, a newline, or a `}` / end left for the caller. */
  private endSimple(): void {
    const t = this.tok.type
    if (t === ";" || t === "newline") this.advance()
    else if (t !== "}" && t !== "eof") throw this.error()
  }

  private simpleStatement(): Ast.Stmt {
    const t = this.tok
    switch (t.type) {
      case "print":
      case "printf":
        return this.parsePrint()
      case "next":
      case "nextfile":
      case "break":
      case "continue":
        this.advance()
        return { k: t.type, line: t.line }
      case "exit":
      case "return": {
        if (t.type === "return" && !this.inFunction) throw this.error(t, "`return' used outside function context")
        this.advance()
        const value = TERMINATORS.has(this.tok.type) ? undefined : this.expr()
        return { k: t.type, line: t.line, value }
      }
      case "delete": {
        this.advance()
        const paren = this.tok.type === "("
        if (paren) this.advance()
        const name = this.expect("name").text
        let subs: ReadonlyArray<Ast.Expr> | undefined
        if (this.tok.type === "[") {
          this.advance()
          subs = this.exprList("]")
          this.expect("]")
        }
        if (paren) this.expect(")")
        return { k: "delete", line: t.line, name, subs }
      }
      default:
        return { k: "expr", line: t.line, expr: this.expr() }
    }
  }

  private parsePrint(): Ast.Print {
    const t = this.advance()
    const kind = t.type === "print" ? "print" : "printf"
    let args: Array<Ast.Expr> = []
    const saveGt = this.noGt
    this.noGt = true
    try {
      if (!TERMINATORS.has(this.tok.type) && !this.isRedirect()) {
        if (this.tok.type === "(") {
          const open = this.advance()
          this.noGt = false
          const list = this.exprList(")")
          this.expect(")")
          this.noGt = true
          const after = this.current()
          if (list.length > 1 && (TERMINATORS.has(after) || this.isRedirect())) args = list
          else if (list.length > 1 && after !== "in") throw this.error()
          else {
            this.pending =
              list.length > 1 ? this.inAfterList(list, open.line) : { k: "group", line: open.line, expr: list[0] }
            args = this.exprList(undefined)
          }
        } else args = this.exprList(undefined)
      }
    } finally {
      this.noGt = saveGt
    }
    if (kind === "printf" && args.length === 0) throw this.error()
    let redirect: Ast.Redirect | undefined
    if (this.isRedirect()) {
      const op = this.advance().type
      const mode = op === ">" ? ">" : op === ">>" ? ">>" : "|"
      redirect = { mode, target: this.concatOnly() }
    }
    return { k: kind, line: t.line, args, redirect }
  }

  private isRedirect(): boolean {
    const t = this.tok.type
    return t === ">" || t === ">>" || t === "|"
  }

  /** `(a, b) in arr` once the list is read. */
  inAfterList(list: ReadonlyArray<Ast.Expr>, line: number): Ast.In {
    this.expect("in")
    const name = this.expect("name").text
    return { k: "in", line, subs: list, name }
  }

  /** Comma-separated expressions up to `close` (newlines allowed after commas). */
  exprList(close: string | undefined): Array<Ast.Expr> {
    const list: Array<Ast.Expr> = []
    if (close !== undefined && this.tok.type === close) return list
    for (;;) {
      list.push(this.expr())
      if (this.tok.type !== ",") return list
      this.advance()
      this.skipNewlines()
    }
  }

  expr(): Ast.Expr {
    return parseExpression(this, "ternary")
  }

  /** A print redirection target: a concatenation, no comparison. */
  private concatOnly(): Ast.Expr {
    return parseExpression(this, "concat")
  }
}
