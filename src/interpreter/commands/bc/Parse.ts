/**
 * bc's grammar: a recursive-descent parser giving one top-level
 * statement at a time, so that each runs as soon as it is read (as in GNU
 * bc) and `quit` takes effect when it is parsed.
 */

import { KEYWORDS, SyntaxError, type Token } from "./Lex.ts"

/** An expression. */
export type Expr =
  | { readonly k: "num"; readonly text: string }
  | { readonly k: "var"; readonly name: string }
  | { readonly k: "elem"; readonly name: string; readonly index: Expr }
  | {
      readonly k: "call"
      readonly name: string
      readonly args: ReadonlyArray<Expr | { readonly k: "array"; readonly name: string }>
    }
  | { readonly k: "assign"; readonly op: string; readonly target: LValue; readonly value: Expr }
  | { readonly k: "step"; readonly op: "++" | "--"; readonly prefix: boolean; readonly target: LValue }
  | { readonly k: "bin"; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: "neg"; readonly e: Expr }
  | { readonly k: "not"; readonly e: Expr }
  | { readonly k: "fn"; readonly name: "length" | "sqrt" | "scale"; readonly e: Expr }

/** Something that can be assigned. */
export type LValue =
  { readonly k: "var"; readonly name: string } | { readonly k: "elem"; readonly name: string; readonly index: Expr }

/** A statement. */
export type Stmt =
  | { readonly k: "expr"; readonly e: Expr }
  | { readonly k: "str"; readonly text: string }
  | { readonly k: "print"; readonly items: ReadonlyArray<Expr | { readonly k: "str"; readonly text: string }> }
  | { readonly k: "block"; readonly body: ReadonlyArray<Stmt> }
  | { readonly k: "if"; readonly cond: Expr; readonly body: Stmt; readonly otherwise: Stmt | undefined }
  | { readonly k: "while"; readonly cond: Expr; readonly body: Stmt }
  | {
      readonly k: "for"
      readonly init: Expr | undefined
      readonly cond: Expr | undefined
      readonly step: Expr | undefined
      readonly body: Stmt
    }
  | { readonly k: "break" | "continue" | "halt" | "empty" }
  | { readonly k: "return"; readonly e: Expr | undefined }
  | { readonly k: "define"; readonly fn: Func }

/** A function definition. */
export interface Func {
  readonly name: string
  readonly params: ReadonlyArray<{ readonly name: string; readonly array: boolean }>
  readonly autos: ReadonlyArray<{ readonly name: string; readonly array: boolean }>
  readonly body: ReadonlyArray<Stmt>
}

/** A parser over tokens, handing out top-level statements. */
export class Parser {
  private pos = 0
  private readonly tokens: ReadonlyArray<Token>
  private inFunction = false
  constructor(tokens: ReadonlyArray<Token>) {
    this.tokens = tokens
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]
  }
  private next(): Token {
    const t = this.peek()
    if (this.pos < this.tokens.length - 1) this.pos++
    return t
  }
  private is(v: string): boolean {
    const t = this.peek()
    return (t.t === "op" || t.t === "name") && t.v === v
  }
  private fail(): never {
    const t = this.peek()
    throw new SyntaxError(t.t === "nl" || t.t === "eof" ? t.line + (t.t === "nl" ? 1 : 0) : t.line)
  }
  private expect(v: string): void {
    if (!this.is(v)) this.fail()
    this.next()
  }
  private newlines(): void {
    while (this.peek().t === "nl") this.next()
  }

  /** Whether input remains. */
  atEnd(): boolean {
    while (this.peek().t === "nl" || this.is(";")) this.next()
    return this.peek().t === "eof"
  }

  /** Skip to the next line after a syntax error. */
  recover(): void {
    while (this.peek().t !== "nl" && this.peek().t !== "eof") this.next()
  }

  /** The next top-level statement, or "quit". Throws `SyntaxError`. */
  topLevel(): Stmt | "quit" {
    if (this.is("quit")) {
      this.next()
      return "quit"
    }
    const s = this.statement()
    const t = this.peek()
    if (!(t.t === "nl" || t.t === "eof" || this.is(";"))) this.fail()
    return s
  }

  private statement(): Stmt {
    const t = this.peek()
    if (t.t === "str") {
      this.next()
      return { k: "str", text: t.v }
    }
    if (t.t === "nl" || this.is(";")) return { k: "empty" }
    if (t.t === "name" && KEYWORDS.has(t.v)) {
      switch (t.v) {
        case "quit":
          // quit inside a body still ends bc when it is read.
          throw new QuitSignal()
        case "halt":
          this.next()
          return { k: "halt" }
        case "break":
        case "continue":
          this.next()
          return { k: t.v }
        case "return": {
          if (!this.inFunction) this.fail()
          this.next()
          if (this.peek().t === "nl" || this.is(";") || this.is("}") || this.peek().t === "eof")
            return { k: "return", e: undefined }
          return { k: "return", e: this.expr() }
        }
        case "print": {
          this.next()
          const items: Array<Expr | { readonly k: "str"; readonly text: string }> = []
          do {
            const p = this.peek()
            if (p.t === "str") {
              this.next()
              items.push({ k: "str", text: p.v })
            } else items.push(this.expr())
          } while (this.is(",") && this.next())
          return { k: "print", items }
        }
        case "if": {
          this.next()
          this.expect("(")
          const cond = this.expr()
          this.expect(")")
          this.newlines()
          const then = this.statement()
          let otherwise: Stmt | undefined
          if (this.is("else")) {
            this.next()
            this.newlines()
            otherwise = this.statement()
          }
          return { k: "if", cond, body: then, otherwise }
        }
        case "while": {
          this.next()
          this.expect("(")
          const cond = this.expr()
          this.expect(")")
          this.newlines()
          return { k: "while", cond, body: this.statement() }
        }
        case "for": {
          this.next()
          this.expect("(")
          const init = this.is(";") ? undefined : this.expr()
          this.expect(";")
          const cond = this.is(";") ? undefined : this.expr()
          this.expect(";")
          const step = this.is(")") ? undefined : this.expr()
          this.expect(")")
          this.newlines()
          return { k: "for", init, cond, step, body: this.statement() }
        }
        case "define":
          return this.define()
      }
    }
    if (this.is("{")) {
      this.next()
      return { k: "block", body: this.body() }
    }
    return { k: "expr", e: this.expr() }
  }

  /** Statements up to the closing brace. */
  private body(): Array<Stmt> {
    const out: Array<Stmt> = []
    for (;;) {
      while (this.peek().t === "nl" || this.is(";")) this.next()
      if (this.is("}")) {
        this.next()
        return out
      }
      if (this.peek().t === "eof") this.fail()
      out.push(this.statement())
      if (!(this.peek().t === "nl" || this.is(";") || this.is("}"))) this.fail()
    }
  }

  private define(): Stmt {
    if (this.inFunction) this.fail()
    this.next()
    const name = this.next()
    if (name.t !== "name" || KEYWORDS.has(name.v)) this.fail()
    this.expect("(")
    const params = this.is(")") ? [] : this.names()
    this.expect(")")
    this.newlines()
    this.expect("{")
    this.newlines()
    let autos: Array<{ readonly name: string; readonly array: boolean }> = []
    if (this.is("auto")) {
      this.next()
      autos = this.names()
      if (!(this.peek().t === "nl" || this.is(";"))) this.fail()
    }
    this.inFunction = true
    try {
      return { k: "define", fn: { name: name.v, params, autos, body: this.body() } }
    } finally {
      this.inFunction = false
    }
  }

  private names(): Array<{ readonly name: string; readonly array: boolean }> {
    const out: Array<{ readonly name: string; readonly array: boolean }> = []
    do {
      const n = this.next()
      if (n.t !== "name" || KEYWORDS.has(n.v)) this.fail()
      let array = false
      if (this.is("[")) {
        this.next()
        this.expect("]")
        array = true
      }
      out.push({ name: n.v, array })
    } while (this.is(",") && this.next())
    return out
  }

  /** Precedence, lowest first: || && ! relational assignment +- * / % ^ unary-minus ++/--. */
  expr(): Expr {
    return this.or()
  }
  private or(): Expr {
    let l = this.and()
    while (this.is("||")) {
      this.next()
      l = { k: "bin", op: "||", l, r: this.and() }
    }
    return l
  }
  private and(): Expr {
    let l = this.not()
    while (this.is("&&")) {
      this.next()
      l = { k: "bin", op: "&&", l, r: this.not() }
    }
    return l
  }
  private not(): Expr {
    if (this.is("!")) {
      this.next()
      return { k: "not", e: this.not() }
    }
    return this.rel()
  }
  private rel(): Expr {
    const l = this.assign()
    const t = this.peek()
    if (t.t === "op" && ["==", "!=", "<", "<=", ">", ">="].includes(t.v)) {
      this.next()
      return { k: "bin", op: t.v, l, r: this.assign() }
    }
    return l
  }
  private assign(): Expr {
    const l = this.additive()
    const t = this.peek()
    if (t.t === "op" && ["=", "+=", "-=", "*=", "/=", "%=", "^="].includes(t.v)) {
      if (l.k !== "var" && l.k !== "elem") this.fail()
      this.next()
      return { k: "assign", op: t.v, target: l, value: this.assign() }
    }
    return l
  }
  private additive(): Expr {
    let l = this.multiplicative()
    while (this.is("+") || this.is("-")) {
      const op = this.next().v
      l = { k: "bin", op, l, r: this.multiplicative() }
    }
    return l
  }
  private multiplicative(): Expr {
    let l = this.power()
    while (this.is("*") || this.is("/") || this.is("%")) {
      const op = this.next().v
      l = { k: "bin", op, l, r: this.power() }
    }
    return l
  }
  private power(): Expr {
    const l = this.unary()
    if (this.is("^")) {
      this.next()
      return { k: "bin", op: "^", l, r: this.power() }
    }
    return l
  }
  private unary(): Expr {
    if (this.is("-")) {
      this.next()
      return { k: "neg", e: this.unary() }
    }
    return this.postfix()
  }
  private postfix(): Expr {
    if (this.is("++") || this.is("--")) {
      const op = this.next().v === "++" ? "++" : "--"
      const target = this.primary()
      if (target.k !== "var" && target.k !== "elem") this.fail()
      return { k: "step", op, prefix: true, target }
    }
    const e = this.primary()
    if ((e.k === "var" || e.k === "elem") && (this.is("++") || this.is("--"))) {
      const op = this.next().v === "++" ? "++" : "--"
      return { k: "step", op, prefix: false, target: e }
    }
    return e
  }
  private primary(): Expr {
    const t = this.next()
    if (t.t === "num") return { k: "num", text: t.v }
    if (t.t === "op" && t.v === "(") {
      const e = this.expr()
      this.expect(")")
      return e
    }
    if (t.t === "op" && t.v === ".") return { k: "var", name: "last" }
    if (t.t !== "name") {
      this.pos--
      this.fail()
    }
    if (t.v === "length" || t.v === "sqrt" || t.v === "scale") {
      if (t.v === "scale" && !this.is("(")) return { k: "var", name: "scale" }
      this.expect("(")
      const e = this.expr()
      this.expect(")")
      return { k: "fn", name: t.v, e }
    }
    if (t.v === "ibase" || t.v === "obase" || t.v === "last") return { k: "var", name: t.v }
    if (KEYWORDS.has(t.v)) {
      this.pos--
      this.fail()
    }
    if (this.is("[")) {
      this.next()
      const index = this.expr()
      this.expect("]")
      return { k: "elem", name: t.v, index }
    }
    if (this.is("(")) {
      this.next()
      const args: Array<Expr | { readonly k: "array"; readonly name: string }> = []
      if (!this.is(")")) {
        do {
          const a = this.peek()
          if (a.t === "name" && this.peek(1).t === "op" && this.peek(1).v === "[" && this.peek(2).v === "]") {
            this.pos += 3
            args.push({ k: "array", name: a.v })
          } else args.push(this.expr())
        } while (this.is(",") && this.next())
      }
      this.expect(")")
      return { k: "call", name: t.v, args }
    }
    return { k: "var", name: t.v }
  }
}

/** `quit` read inside a statement: bc ends at once. */
export class QuitSignal {}
