import type * as Ast from "./Ast.ts"
import { ARITY } from "./Arity.ts"
import { SyntaxError } from "./Lexer.ts"
import type { Parser } from "./Parser.ts"

/**
 * Expressions, by precedence from loosest: assignment and `?:`, `||`, `&&`,
 * `in`, `~ !~`, comparisons (and `cmd | getline`), concatenation, `+ -`,
 * `* / %`, unary `! - +`, `^`, `++ --`, `$`, grouping. As in gawk, the
 * operand of concatenation is a whole additive expression (`1 " " -1` is
 * `1 (" " - 1)`), and `getline < file` takes an additive file expression.
 */

type Level = "ternary" | "concat" | "additive"

const RELOPS = new Map<string, Ast.BinaryOp>([
  ["<", "<"],
  ["<=", "<="],
  ["==", "=="],
  ["!=", "!="],
  [">", ">"],
  [">=", ">="],
])

const ASSIGN_OPS = new Map<string, Ast.AssignOp>([
  ["=", "="],
  ["+=", "+="],
  ["-=", "-="],
  ["*=", "*="],
  ["/=", "/="],
  ["%=", "%="],
  ["^=", "^="],
  ["**=", "^="],
])

const ADDITIVE = new Map<string, Ast.BinaryOp>([
  ["+", "+"],
  ["-", "-"],
])

const MULTIPLICATIVE = new Map<string, Ast.BinaryOp>([
  ["*", "*"],
  ["/", "/"],
  ["%", "%"],
])

/** Tokens that can start a concatenated operand (not `+`/`-`, which are binary there). */
const CONCAT_START = new Set(["num", "str", "name", "funcname", "builtin", "$", "!", "(", "++", "--"])

const isLValue = (e: Ast.Expr): e is Ast.LValue => e.k === "var" || e.k === "field" || e.k === "index"

/** Parse an expression at `level`. */
export const parseExpression = (p: Parser, level: Level): Ast.Expr => {
  switch (level) {
    case "ternary":
      return ternary(p)
    case "concat":
      return concat(p, false)
    case "additive":
      return additive(p)
  }
}

/**
 * As in gawk's grammar, the right operand of `&&`, `||`, `~`, a comparison
 * or `?:` may be an assignment: `x == 1 && y = 5`.
 */
const maybeAssign = (p: Parser, left: Ast.Expr): Ast.Expr => {
  const t = p.tok
  const op = ASSIGN_OPS.get(t.type)
  if (!isLValue(left) || op === undefined) return left
  p.advance()
  p.skipNewlines()
  return { k: "assign", line: t.line, op, target: left, value: ternary(p) }
}

const ternary = (p: Parser): Ast.Expr => {
  const left = or(p)
  const t = p.tok
  if (ASSIGN_OPS.has(t.type) && isLValue(left)) return maybeAssign(p, left)
  if (t.type === "?") {
    p.advance()
    p.skipNewlines()
    const then = ternary(p)
    p.skipNewlines()
    p.expect(":")
    p.skipNewlines()
    return { k: "cond", line: t.line, test: left, yes: then, no: ternary(p) }
  }
  return left
}

const or = (p: Parser): Ast.Expr => {
  let left = and(p)
  while (p.tok.type === "||") {
    const line = p.advance().line
    p.skipNewlines()
    left = { k: "logical", line, op: "||", left, right: maybeAssign(p, and(p)) }
  }
  return left
}

const and = (p: Parser): Ast.Expr => {
  let left = inExpr(p)
  while (p.tok.type === "&&") {
    const line = p.advance().line
    p.skipNewlines()
    left = { k: "logical", line, op: "&&", left, right: maybeAssign(p, inExpr(p)) }
  }
  return left
}

const inExpr = (p: Parser): Ast.Expr => {
  let left = match(p)
  while (p.tok.type === "in" && !p.noIn) {
    const line = p.advance().line
    const name = p.expect("name").text
    left = { k: "in", line, subs: [left], name }
  }
  return left
}

const match = (p: Parser): Ast.Expr => {
  let left = comparison(p)
  while (p.tok.type === "~" || p.tok.type === "!~") {
    const t = p.advance()
    left = { k: "match", line: t.line, negate: t.type === "!~", left, right: maybeAssign(p, comparison(p)) }
  }
  return left
}

const comparison = (p: Parser): Ast.Expr => {
  const left = concat(p, true)
  const t = p.tok
  const op = RELOPS.get(t.type)
  if (op === undefined || (t.type === ">" && p.noGt)) return left
  p.advance()
  const right = maybeAssign(p, concat(p, true))
  if (RELOPS.has(p.tok.type) && !(p.tok.type === ">" && p.noGt)) throw p.error()
  return { k: "binary", line: t.line, op, left, right }
}

/** Concatenation; with `pipes`, `expr | getline [var]` binds here too. */
const concat = (p: Parser, pipes: boolean): Ast.Expr => {
  let left = additive(p)
  for (;;) {
    const t = p.tok
    if (pipes && t.type === "|" && p.peek().type === "getline") {
      p.advance()
      p.advance()
      left = { k: "getline", line: t.line, from: "command", target: optTarget(p), source: left }
      continue
    }
    if (!CONCAT_START.has(t.type)) return left
    const right = additive(p)
    left = { k: "binary", line: t.line, op: "concat", left, right }
  }
}

const additive = (p: Parser): Ast.Expr => {
  let left = multiplicative(p)
  for (let op = ADDITIVE.get(p.tok.type); op !== undefined; op = ADDITIVE.get(p.tok.type)) {
    const t = p.advance()
    left = { k: "binary", line: t.line, op, left, right: multiplicative(p) }
  }
  return left
}

const multiplicative = (p: Parser): Ast.Expr => {
  let left = unary(p)
  for (let op = MULTIPLICATIVE.get(p.tok.type); op !== undefined; op = MULTIPLICATIVE.get(p.tok.type)) {
    const t = p.advance()
    left = { k: "binary", line: t.line, op, left, right: unary(p) }
  }
  return left
}

const unary = (p: Parser): Ast.Expr => {
  // A group already read (print's parenthesized start) comes before whatever follows it.
  if (p.pending !== undefined) return power(p)
  const t = p.tok
  if (t.type === "!" || t.type === "-" || t.type === "+") {
    p.advance()
    return { k: "unary", line: t.line, op: t.type, arg: unary(p) }
  }
  return power(p)
}

const power = (p: Parser): Ast.Expr => {
  const base = postfix(p)
  const t = p.tok
  if (t.type === "^" || t.type === "**") {
    p.advance()
    // Right-associative, and the exponent may carry a sign: 2^-1, 2^3^2.
    return { k: "binary", line: t.line, op: "^", left: base, right: unary(p) }
  }
  return base
}

const postfix = (p: Parser): Ast.Expr => {
  const e = primary(p)
  const t = p.tok
  if ((t.type === "++" || t.type === "--") && isLValue(e)) {
    p.advance()
    return { k: "incdec", line: t.line, op: t.type, prefix: false, target: e }
  }
  return e
}

/** The optional variable after `getline`. */
const optTarget = (p: Parser): Ast.LValue | undefined => {
  const t = p.tok.type
  if (t !== "name" && t !== "$") return undefined
  const e = t === "$" ? dollar(p) : variable(p)
  return e
}

const variable = (p: Parser): Ast.Var | Ast.Index => {
  const t = p.advance()
  if (p.tok.type === "[") {
    p.advance()
    const saveGt = p.noGt
    const saveIn = p.noIn
    p.noGt = false
    p.noIn = false
    const subs = p.exprList("]")
    p.noGt = saveGt
    p.noIn = saveIn
    if (subs.length === 0) throw p.error()
    p.expect("]")
    return { k: "index", line: t.line, name: t.text, subs }
  }
  return { k: "var", line: t.line, name: t.text }
}

/** `$` applies to a primary (or a signed/negated/incremented one): `$NF-1` is `($NF)-1`. */
const dollar = (p: Parser): Ast.Field => {
  const line = p.advance().line
  const t = p.tok
  let index: Ast.Expr
  if (t.type === "-" || t.type === "+" || t.type === "!") {
    p.advance()
    index = { k: "unary", line: t.line, op: t.type, arg: unary(p) }
  } else if (t.type === "++" || t.type === "--") index = primary(p)
  else index = primary(p)
  return { k: "field", line, index }
}

const inParens = <A>(p: Parser, f: () => A): A => {
  const saveGt = p.noGt
  const saveIn = p.noIn
  p.noGt = false
  p.noIn = false
  try {
    return f()
  } finally {
    p.noGt = saveGt
    p.noIn = saveIn
  }
}

/** Arguments in parentheses, and the offset of the `)` (where gawk points at arity errors). */
const callArgs = (p: Parser): { readonly args: Array<Ast.Expr>; readonly end: number } =>
  inParens(p, () => {
    p.expect("(")
    p.skipNewlines()
    const args = p.exprList(")")
    p.skipNewlines()
    const close = p.expect(")")
    return { args, end: close.pos }
  })

const primary = (p: Parser): Ast.Expr => {
  if (p.pending !== undefined) {
    const e = p.pending
    p.pending = undefined
    return e
  }
  const t = p.tok
  switch (t.type) {
    case "num":
      p.advance()
      return { k: "num", line: t.line, value: t.value }
    case "str":
      p.advance()
      return { k: "str", line: t.line, value: t.text }
    case "/":
    case "/=": {
      const r = p.regexToken()
      return { k: "regex", line: r.line, source: r.text }
    }
    case "$":
      return dollar(p)
    case "name":
      return variable(p)
    case "++":
    case "--": {
      p.advance()
      const target = p.tok.type === "$" ? dollar(p) : p.tok.type === "name" ? variable(p) : undefined
      if (target === undefined) throw p.error()
      return { k: "incdec", line: t.line, op: t.type, prefix: true, target }
    }
    case "-":
    case "+":
    case "!":
      return unary(p)
    case "(": {
      p.advance()
      const list = inParens(p, () => {
        p.skipNewlines()
        const l = p.exprList(")")
        p.skipNewlines()
        return l
      })
      p.expect(")")
      if (list.length === 0) throw p.error()
      if (list.length > 1) return p.inAfterList(list, t.line)
      return { k: "group", line: t.line, expr: list[0] }
    }
    case "funcname": {
      p.advance()
      const { args } = callArgs(p)
      p.callSites.push({ name: t.text, args: args.length, line: t.line })
      return { k: "call", line: t.line, name: t.text, args }
    }
    case "builtin": {
      p.advance()
      if (t.text === "length" && p.tok.type !== "(") return { k: "builtin", line: t.line, name: "length", args: [] }
      const { args, end } = callArgs(p)
      const [min, max] = ARITY[t.text] ?? [0, Infinity]
      if (args.length < min || args.length > max) {
        throw new SyntaxError(`${args.length} is invalid as number of arguments for ${t.text}`, end, t.line)
      }
      return { k: "builtin", line: t.line, name: t.text, args }
    }
    case "getline": {
      p.advance()
      const target = optTarget(p)
      if (p.tok.type === "<") {
        p.advance()
        return { k: "getline", line: t.line, from: "file", target, source: additive(p) }
      }
      return { k: "getline", line: t.line, from: "main", target, source: undefined }
    }
    default:
      throw p.error()
  }
}
