/**
 * Bash integer arithmetic: `$((...))`, `((...))`, `let`, array subscripts and
 * `${x:off:len}`. Signed 64-bit with wraparound, bash's operators, precedence,
 * number syntax and error messages.
 *
 * ```ts
 * evaluate("x += 2, x * 3", env) // { ok: true, value: 15n } when x was 3
 * evaluate("1/0", env)           // { ok: false, message: '1/0: division by 0 (error token is "0")' }
 * ```
 */
import { errorSubject, isArithSpace } from "./arithLex.ts"
import { compile } from "./arithParse.ts"
import type { BinaryOp, CompoundOp, Program } from "./arithProgram.ts"

/** The variables an expression reads and assigns. */
export interface ArithEnv {
  /** Value of a variable (or array element when index given), undefined when unset. */
  get(name: string, index?: string): string | undefined
  /**
   * Assigns a variable (or array element). May return an error message (e.g.
   * `r: readonly variable`), which ends the evaluation with that message.
   */
  set(name: string, value: string, index?: string): string | undefined | void
  /** `set -u`: referencing an unset variable is an error. */
  readonly nounset: boolean
  /**
   * Whether a variable exists at all (any element, for an array). Used for
   * `set -u` on `a[i]`, which bash only rejects when `a` itself is unset;
   * without it, `a[i]` counts as unset when neither `a` nor `a[i]` has a value.
   */
  readonly isSet?: (name: string) => boolean
  /** Whether `name` is an associative array: its subscripts are passed as raw text, not evaluated. */
  readonly isAssoc?: (name: string) => boolean
  /** Receives bash's non-fatal diagnostics (`a[]: bad array subscript`), without the `bash: ` prefix. */
  readonly warn?: (message: string) => void
}

/**
 * The value of an expression, or bash's error message without the
 * `bash: line N: ` prefix (`let` and `((` put their own name before it:
 * `let: 1/0: division by 0 ...`). `unbound` marks a `set -u` failure, which
 * bash treats as fatal (status 127) rather than as an expression error (status 1).
 */
export type ArithResult =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly message: string; readonly unbound?: boolean }

/** bash's MAX_EXPR_RECURSION_LEVEL: nested evaluations of variable values and subscripts. */
const MAX_DEPTH = 1024
const CACHE_SIZE = 2000
const cache = new Map<string, Program>()

const programFor = (source: string): Program => {
  const hit = cache.get(source)
  if (hit !== undefined) {
    cache.delete(source)
    cache.set(source, hit)
    return hit
  }
  const program = compile(source)
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next()
    if (!oldest.done) cache.delete(oldest.value)
  }
  cache.set(source, program)
  return program
}

type Failure = Extract<ArithResult, { readonly ok: false }>
const ok = (value: bigint): ArithResult => ({ ok: true, value })
const failure = (message: string): Failure => ({ ok: false, message })
const wrap = (n: bigint): bigint => BigInt.asIntN(64, n)
const isBlank = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (!isArithSpace(s[i])) return false
  return true
}
/** Plain decimal numbers skip the compiler: most variable values look like this. */
const PLAIN_DECIMAL = /^(?:0|[1-9][0-9]{0,17})$/

/** Evaluates arithmetic text; blank text is 0. */
export const evaluate = (source: string, env: ArithEnv): ArithResult => evalAt(source, env, 1)

const evalAt = (source: string, env: ArithEnv, depth: number): ArithResult => {
  if (isBlank(source)) return ok(0n)
  if (PLAIN_DECIMAL.test(source)) return ok(BigInt(source))
  return run(programFor(source), env, depth)
}

/** Square-and-multiply, wrapping at every step as C's intmax_t does. */
const ipow = (base: bigint, exp: bigint): bigint => {
  let result = 1n
  let b = base
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = wrap(result * b)
    b = wrap(b * b)
  }
  return result
}

/** x86-64 masks shift counts to 6 bits, and bash does no checking of its own. */
const shiftCount = (n: bigint): bigint => BigInt.asUintN(6, n)

const binary = (op: BinaryOp | CompoundOp, a: bigint, b: bigint): bigint => {
  switch (op) {
    case "|":
      return a | b
    case "^":
      return a ^ b
    case "&":
      return a & b
    case "==":
      return a === b ? 1n : 0n
    case "!=":
      return a !== b ? 1n : 0n
    case "<":
      return a < b ? 1n : 0n
    case "<=":
      return a <= b ? 1n : 0n
    case ">":
      return a > b ? 1n : 0n
    case ">=":
      return a >= b ? 1n : 0n
    case "<<":
      return wrap(a << shiftCount(b))
    case ">>":
      return a >> shiftCount(b)
    case "+":
      return wrap(a + b)
    case "-":
      return wrap(a - b)
    case "*":
      return wrap(a * b)
    case "/":
      return wrap(a / b)
    case "%":
      return a % b
    case "&&":
      return a !== 0n && b !== 0n ? 1n : 0n
    case "||":
      return a !== 0n || b !== 0n ? 1n : 0n
  }
}

/** A variable's value and, for an array element, the index it was read at. */
type Loaded = { readonly ok: true; readonly value: bigint; readonly index: string | undefined } | Failure

const recursionError = (program: Program, tok: string): Failure =>
  failure(`${errorSubject(program.source)}: expression recursion level exceeded (error token is "${tok}")`)

/** The index string of `name[sub]`: raw text for associative arrays, else the evaluated subscript. */
const subscriptIndex = (
  program: Program,
  env: ArithEnv,
  depth: number,
  name: string,
  sub: string,
  tok: string,
): Failure | string => {
  if (env.isAssoc?.(name) === true) return sub
  if (depth >= MAX_DEPTH) return recursionError(program, tok)
  const r = evalAt(sub, env, depth + 1)
  return r.ok ? r.value.toString() : r
}

const load = (
  program: Program,
  env: ArithEnv,
  depth: number,
  name: string,
  sub: string | undefined,
  tok: string,
): Loaded => {
  if (env.nounset) {
    const exists = sub !== undefined && env.isSet !== undefined ? env.isSet(name) : env.get(name) !== undefined
    if (!exists) return { ok: false, message: `${name}: unbound variable`, unbound: true }
  }
  let index: string | undefined
  if (sub === "") {
    // bash reports this twice (once per lookup it tries) and goes on with 0
    env.warn?.(`${name}[]: bad array subscript`)
    env.warn?.(`${name}[]: bad array subscript`)
    return { ok: true, value: 0n, index: undefined }
  }
  if (sub !== undefined) {
    const i = subscriptIndex(program, env, depth, name, sub, tok)
    if (typeof i !== "string") return i
    index = i
  }
  const text = index === undefined ? env.get(name) : env.get(name, index)
  if (text === undefined || isBlank(text)) return { ok: true, value: 0n, index }
  if (depth >= MAX_DEPTH) return recursionError(program, tok)
  const r = evalAt(text, env, depth + 1)
  return r.ok ? { ok: true, value: r.value, index } : r
}

const store = (env: ArithEnv, name: string, value: bigint, index: string | undefined): ArithResult | undefined => {
  const text = value.toString()
  const err = index === undefined ? env.set(name, text) : env.set(name, text, index)
  return typeof err === "string" ? failure(err) : undefined
}

/**
 * Runs a compiled expression. `skip` raises bash's `noeval`: a skipped branch
 * still runs, but reads give 0, assignments are dropped and division by zero
 * is ignored (a negative exponent is still an error there, as in bash).
 */
const run = (program: Program, env: ArithEnv, depth: number): ArithResult => {
  const stack: Array<bigint> = []
  const skips: Array<boolean> = []
  const indexes: Array<string | undefined> = []
  let noeval = 0
  const pop = (): bigint => stack.pop() ?? 0n
  for (const ins of program.code) {
    switch (ins.k) {
      case "num":
        stack.push(ins.v)
        break
      case "load": {
        const remember = ins.ref && ins.sub !== undefined
        if (noeval > 0) {
          stack.push(0n)
          if (remember) indexes.push(undefined)
          break
        }
        const r = load(program, env, depth, ins.name, ins.sub, ins.tok)
        if (!r.ok) return r
        stack.push(r.value)
        if (remember) indexes.push(r.index)
        break
      }
      case "pop":
        stack.pop()
        break
      case "unary": {
        const v = pop()
        stack.push(ins.op === "!" ? (v === 0n ? 1n : 0n) : ins.op === "~" ? ~v : wrap(-v))
        break
      }
      case "binary": {
        const b = pop()
        stack.push(binary(ins.op, pop(), b))
        break
      }
      case "div": {
        let b = pop()
        if (b === 0n) {
          if (noeval === 0) return failure(ins.message)
          b = 1n
        }
        stack.push(binary(ins.op, pop(), b))
        break
      }
      case "pow": {
        const b = pop()
        const a = pop()
        if (b === 0n) stack.push(1n)
        else if (b < 0n) return failure(ins.message)
        else stack.push(ipow(a, b))
        break
      }
      case "skip": {
        const skip = (stack[stack.length - ins.at] !== 0n) === ins.when
        if (skip) noeval++
        skips.push(skip)
        break
      }
      case "unskip":
        if (skips.pop() === true) noeval--
        break
      case "select": {
        const no = pop()
        const yes = pop()
        stack.push(pop() !== 0n ? yes : no)
        break
      }
      case "assign": {
        let value = pop()
        if (ins.op !== undefined) {
          if ((ins.op === "/" || ins.op === "%") && value === 0n) {
            if (noeval === 0) return failure(ins.message)
            value = 1n
          }
          value = binary(ins.op, pop(), value)
        } else pop()
        let index: string | undefined
        if (ins.sub !== undefined && ins.op !== undefined) index = indexes.pop()
        if (noeval === 0 && ins.sub === "") env.warn?.(`\`${ins.name}[]': not a valid identifier`)
        else if (noeval === 0) {
          if (ins.sub !== undefined && ins.op === undefined) {
            const i = subscriptIndex(program, env, depth, ins.name, ins.sub, ins.tok)
            if (typeof i !== "string") return i
            index = i
          }
          const err = store(env, ins.name, value, index)
          if (err !== undefined) return err
        }
        stack.push(value)
        break
      }
      case "incdec": {
        const old = pop()
        const index = ins.sub !== undefined ? indexes.pop() : undefined
        const value = wrap(old + ins.delta)
        if (noeval === 0) {
          const err = store(env, ins.name, value, index)
          if (err !== undefined) return err
        }
        stack.push(ins.post ? old : value)
        break
      }
      case "fail":
        return failure(ins.message)
    }
  }
  return ok(stack[stack.length - 1] ?? 0n)
}
