import { Effect } from "effect"
import { make, type DeclaredCommand } from "../Command.ts"
import { writeText } from "../Io.ts"
import { translate } from "./shared/GnuRegex.ts"
import { decodeLatin1, encodeLatin1 } from "./shared/Latin1.ts"

/**
 * `expr`: evaluate an expression given as separate arguments, as GNU expr
 * does: arbitrary-precision integers, byte strings (C locale), `:` as an
 * anchored basic regular expression, and short-circuit `|` and `&` whose
 * unused side is parsed but not evaluated. Status 0 when the result is
 * neither null nor 0, 1 when it is, 2 for an invalid expression.
 */

type Value = { readonly int: bigint } | { readonly str: string }

/** A user error that ends evaluation with a message and status. */
class ExprError {
  readonly message: string
  readonly status: number
  constructor(message: string, status = 2) {
    this.message = message
    this.status = status
  }
}

const looksLikeInteger = (s: string): boolean => /^-?[0-9]+$/.test(s)

const toStr = (v: Value): string => ("str" in v ? v.str : v.int.toString())

const toInt = (v: Value): bigint | undefined =>
  "int" in v ? v.int : looksLikeInteger(v.str) ? BigInt(v.str) : undefined

const isNull = (v: Value): boolean => ("int" in v ? v.int === 0n : /^-?0*$/.test(v.str) && v.str !== "-")

const str = (s: string): Value => ({ str: s })
const int = (n: bigint | number | boolean): Value => ({ int: BigInt(n) })

/** `quotearg`'s locale style in the C locale, for syntax errors. */
const quoted = (s: string) => `'${s}'`

/** `STRING : REGEX`: the match length, or the first group's text, anchored at the start. */
const colon = (subject: Value, pattern: Value): Value => {
  const text = toStr(subject)
  const t = translate(toStr(pattern), "basic")
  if ("error" in t) throw new ExprError(t.error)
  // POSIX syntax lets `.` (and negated lists) match a newline, which grep's translation excludes.
  const fix = (source: string) => source.replaceAll("[^\\n]", "[^]")
  let best: RegExpExecArray | null = null
  try {
    for (const source of t.branches.length > 1 ? [t.source, ...t.branches] : [t.source]) {
      const re = new RegExp(fix(source), "y")
      const m = re.exec(text)
      if (m !== null && (best === null || m[0].length > best[0].length)) best = m
    }
  } catch {
    throw new ExprError("error in regular expression matcher", 3)
  }
  if (t.groups > 0) return str(best === null ? "" : (best[1] ?? ""))
  return int(best === null ? 0 : best[0].length)
}

const compare = (op: string, l: Value, r: Value): boolean => {
  const a = toStr(l)
  const b = toStr(r)
  const cmp =
    looksLikeInteger(a) && looksLikeInteger(b)
      ? Number(BigInt(a) > BigInt(b)) - Number(BigInt(a) < BigInt(b))
      : a < b
        ? -1
        : a > b
          ? 1
          : 0
  switch (op) {
    case "<":
      return cmp < 0
    case "<=":
      return cmp <= 0
    case "=":
    case "==":
      return cmp === 0
    case "!=":
      return cmp !== 0
    case ">=":
      return cmp >= 0
    default:
      return cmp > 0
  }
}

const arith = (op: string, l: Value, r: Value): Value => {
  const a = toInt(l)
  const b = toInt(r)
  if (a === undefined || b === undefined) throw new ExprError("non-integer argument")
  if ((op === "/" || op === "%") && b === 0n) throw new ExprError("division by zero")
  // BigInt division truncates toward zero, as mpz_tdiv_q/r do.
  switch (op) {
    case "+":
      return int(a + b)
    case "-":
      return int(a - b)
    case "*":
      return int(a * b)
    case "/":
      return int(a / b)
    default:
      return int(a % b)
  }
}

/** A size operand of `substr`: negative is "none", past any string is "all". */
const size = (v: Value): number | undefined => {
  const n = toInt(v)
  if (n === undefined) return undefined
  return n < 0n ? -1 : n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n)
}

/** Evaluate the argument list; throws `ExprError`. */
const evaluate = (args: ReadonlyArray<string>): Value => {
  let i = 0
  const next = (token: string): boolean => {
    if (i < args.length && args[i] === token) {
      i++
      return true
    }
    return false
  }
  const requireMore = () => {
    if (i >= args.length) throw new ExprError(`syntax error: missing argument after ${quoted(args[i - 1])}`)
  }

  const orExpr = (ev: boolean): Value => {
    let l = andExpr(ev)
    while (next("|")) {
      const r = andExpr(ev && isNull(l))
      if (isNull(l)) l = isNull(r) ? int(0) : r
    }
    return l
  }
  const andExpr = (ev: boolean): Value => {
    let l = compareExpr(ev)
    while (next("&")) {
      const r = compareExpr(ev && !isNull(l))
      if (isNull(l) || isNull(r)) l = int(0)
    }
    return l
  }
  const compareExpr = (ev: boolean): Value => {
    let l = addExpr(ev)
    for (;;) {
      const op = ["<", "<=", "=", "==", "!=", ">=", ">"].find((o) => next(o))
      if (op === undefined) return l
      const r = addExpr(ev)
      l = int(ev ? compare(op, l, r) : false)
    }
  }
  const addExpr = (ev: boolean): Value => {
    let l = mulExpr(ev)
    for (;;) {
      const op = next("+") ? "+" : next("-") ? "-" : undefined
      if (op === undefined) return l
      const r = mulExpr(ev)
      if (ev) l = arith(op, l, r)
    }
  }
  const mulExpr = (ev: boolean): Value => {
    let l = colonExpr(ev)
    for (;;) {
      const op = next("*") ? "*" : next("/") ? "/" : next("%") ? "%" : undefined
      if (op === undefined) return l
      const r = colonExpr(ev)
      if (ev) l = arith(op, l, r)
    }
  }
  const colonExpr = (ev: boolean): Value => {
    let l = unary(ev)
    while (next(":")) {
      const r = unary(ev)
      if (ev) l = colon(l, r)
    }
    return l
  }
  const unary = (ev: boolean): Value => {
    if (next("+")) {
      requireMore()
      return str(args[i++])
    }
    if (next("length")) return int(toStr(unary(ev)).length)
    if (next("match")) {
      const l = unary(ev)
      const r = unary(ev)
      return ev ? colon(l, r) : l
    }
    if (next("index")) {
      const l = toStr(unary(ev))
      const r = toStr(unary(ev))
      for (let k = 0; k < l.length; k++) if (r.includes(l[k])) return int(k + 1)
      return int(0)
    }
    if (next("substr")) {
      const s = toStr(unary(ev))
      const pos = size(unary(ev))
      const len = size(unary(ev))
      if (pos === undefined || len === undefined || pos < 1 || pos > s.length || len <= 0) return str("")
      return str(s.slice(pos - 1, pos - 1 + Math.min(len, s.length - pos + 1)))
    }
    return primary(ev)
  }
  const primary = (ev: boolean): Value => {
    requireMore()
    if (next("(")) {
      const v = orExpr(ev)
      if (i >= args.length) throw new ExprError(`syntax error: expecting ')' after ${quoted(args[i - 1])}`)
      if (!next(")")) throw new ExprError(`syntax error: expecting ')' instead of ${quoted(args[i])}`)
      return v
    }
    if (next(")")) throw new ExprError("syntax error: unexpected ')'")
    return str(args[i++])
  }

  const v = orExpr(true)
  if (i < args.length) throw new ExprError(`syntax error: unexpected argument ${quoted(args[i])}`)
  return v
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** `expr`: print the value of an expression. */
export const expr: DeclaredCommand = make("expr", {
  summary: "Print the value of EXPRESSION to standard output.",
  flags: {},
  operands: { usage: "EXPRESSION" },
  raw: true,
  details: [
    "  ARG1 | ARG2       ARG1 if it is neither null nor 0, otherwise ARG2",
    "  ARG1 & ARG2       ARG1 if neither argument is null or 0, otherwise 0",
    "  ARG1 < ARG2 (<=, =, ==, !=, >=, >)  comparison, numeric when both are integers",
    "  ARG1 + ARG2 (-, *, /, %)  arithmetic",
    "  STRING : REGEXP   anchored pattern match of REGEXP in STRING",
    "  match STRING REGEXP, substr STRING POS LENGTH, index STRING CHARS, length STRING",
    "  + TOKEN           interpret TOKEN as a string",
    "Exit status is 0 if EXPRESSION is neither null nor 0, 1 if it is, 2 if it is invalid.",
  ].join("\n"),
  run: ({ ctx }) =>
    Effect.gen(function* () {
      const argv = ctx.args
      if (argv.length === 1 && argv[0] === "--help") {
        yield* writeText(ctx.stdout, expr.help)
        return 0
      }
      if (argv.length === 1 && argv[0] === "--version") {
        yield* writeText(ctx.stdout, "expr (mirage-vfs)\n")
        return 0
      }
      const args = (argv[0] === "--" ? argv.slice(1) : argv).map((a) => decodeLatin1(encoder.encode(a)))
      if (args.length === 0) {
        yield* writeText(ctx.stderr, "expr: missing operand\nTry 'expr --help' for more information.\n")
        return 2
      }
      let value: Value
      try {
        value = evaluate(args)
      } catch (error) {
        if (!(error instanceof ExprError)) throw error
        yield* writeText(ctx.stderr, `expr: ${decoder.decode(encodeLatin1(error.message))}\n`)
        return error.status
      }
      const out = encodeLatin1(toStr(value) + "\n")
      yield* ctx.stdout.write(out)
      return isNull(value) ? 1 : 0
    }),
})
