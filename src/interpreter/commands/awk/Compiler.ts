import type * as Ast from "./Ast.ts"
import type { Analysis } from "./Analysis.ts"
import { exprIsAsync, stmtIsAsync } from "./Analysis.ts"
import { compileBuiltin, builtinType } from "./Builtins.ts"
import { compileCall } from "./Calls.ts"
import { Random } from "./Random.ts"
import { compile as compileRegex, RegexError, type Compiled } from "./Regex.ts"
import { AwkArray, AwkFatal, type Cell, type Runtime } from "./Runtime.ts"
import type { Bool, Exec, GenExec, IoHost, Num, Str, Val } from "./Types.ts"
import { compare, StrNum, toBool, toNum, UNINIT, type Value } from "./Values.ts"

/**
 * Expressions to closures. Each expression can be compiled for the type its
 * context wants (`val`, `num`, `str`, `bool`), so `s += $2` reads the field
 * as a number without building a value, and comparisons whose operand types
 * are known statically skip the strnum test.
 */

/** A compile-time error (invalid regex constant, ...): gawk reports it and exits 1. */
export class CompileError {
  readonly message: string
  readonly line: number
  constructor(message: string, line: number) {
    this.message = message
    this.line = line
  }
}

/** The static type of an expression. */
export type Type = "num" | "str" | "any"

/** A compiled user function; bodies are filled in after all are declared (recursion). */
export interface FuncCode {
  readonly name: string
  readonly params: ReadonlyArray<string>
  readonly arrayParams: ReadonlyArray<boolean>
  readonly isAsync: boolean
  body: Exec | undefined
  gen: GenExec | undefined
}

const SPECIAL = new Set([
  "NR",
  "FNR",
  "NF",
  "FS",
  "OFS",
  "ORS",
  "RS",
  "FILENAME",
  "SUBSEP",
  "RSTART",
  "RLENGTH",
  "CONVFMT",
  "OFMT",
  "RT",
  "IGNORECASE",
])

/** `x ^ y` as gawk computes it: integer powers by repeated squaring, like calc_exp. */
export const power = (x: number, y: number): number => {
  if (Number.isInteger(y) && Math.abs(y) < 2 ** 53) {
    if (y === 0) return 1
    let n = Math.abs(y)
    let base = x
    let mult = 1
    while (n > 1) {
      if (n % 2 === 1) mult *= base
      base *= base
      n = Math.floor(n / 2)
    }
    const r = mult * base
    return y > 0 ? r : 1 / r
  }
  return Math.pow(x, y)
}

const fatal = (message: string): never => {
  throw new AwkFatal(message)
}

/** Arithmetic on numbers; division by zero is fatal with gawk's wording. */
export const arith = (op: string, a: number, b: number): number => {
  switch (op) {
    case "+":
      return a + b
    case "-":
      return a - b
    case "*":
      return a * b
    case "/":
      return b === 0 ? fatal("division by zero attempted") : a / b
    case "%":
      return b === 0 ? fatal("division by zero attempted in `%'") : a % b
    default:
      return power(a, b)
  }
}

export class Compiler {
  readonly rt: Runtime
  readonly io: IoHost
  readonly analysis: Analysis
  readonly program: Ast.Program
  readonly random = new Random()
  readonly funcs = new Map<string, FuncCode>()
  private readonly scalarSlots = new Map<string, number>()
  private readonly arraySlots = new Map<string, number>()
  private readonly cellSlots = new Map<string, number>()
  /** Parameters of the function being compiled, by name. */
  locals: ReadonlyMap<string, number> | undefined = undefined
  /** Warnings raised while compiling (regex escapes). */
  readonly warnings: Array<{ readonly line: number; readonly message: string }> = []

  constructor(program: Ast.Program, analysis: Analysis, rt: Runtime, io: IoHost) {
    this.program = program
    this.analysis = analysis
    this.rt = rt
    this.io = io
  }

  /** The slot of a global scalar. */
  scalarSlot(name: string): number {
    let i = this.scalarSlots.get(name)
    if (i === undefined) {
      i = this.rt.scalars.length
      this.rt.scalars.push(UNINIT)
      this.scalarSlots.set(name, i)
    }
    return i
  }

  /** The slot of a global array. */
  arraySlot(name: string): number {
    let i = this.arraySlots.get(name)
    if (i === undefined) {
      i = this.rt.arrays.length
      const m = this.rt.newArray()
      this.rt.arrays.push(m)
      this.rt.arrayNames.set(m, name)
      this.arraySlots.set(name, i)
    }
    return i
  }

  /** A global known at compile time to be an array. */
  isArrayName(name: string): boolean {
    return this.cell(name) === undefined && this.analysis.arrays.has(name)
  }

  /**
   * A variable typed at run time: a function parameter, or a global used
   * both as a scalar and as an array. Undefined for other names.
   */
  cell(name: string): { readonly get: () => Cell; readonly set: (v: Cell) => void } | undefined {
    const rt = this.rt
    const local = this.locals?.get(name)
    if (local !== undefined) {
      return {
        get: () => rt.frame[local],
        set: (v) => {
          rt.frame[local] = v
        },
      }
    }
    if (!this.analysis.mixed.has(name) || SPECIAL.has(name)) return undefined
    let i = this.cellSlots.get(name)
    if (i === undefined) {
      i = rt.cells.length
      rt.cells.push(UNINIT)
      this.cellSlots.set(name, i)
    }
    const slot = i
    return {
      get: () => rt.cells[slot],
      set: (v) => {
        rt.cells[slot] = v
      },
    }
  }

  /** gawk's name for an array in messages: `a (from x)` for a parameter. */
  arrayLabel(name: string, m: AwkArray): string {
    const from = this.rt.arrayNames.get(m)
    return from === undefined || from === name ? name : `${name} (from ${from})`
  }

  isAsync(e: Ast.Expr): boolean {
    return exprIsAsync(e, this.analysis.asyncFuncs)
  }

  stmtIsAsync(s: Ast.Stmt): boolean {
    return stmtIsAsync(s, this.analysis.asyncFuncs, this.analysis.printingFuncs)
  }

  /** A regex constant, compiled now (errors are compile errors). */
  constRegex(source: string, line: number): Compiled {
    try {
      return compileRegex(source, false, (message) => this.warnings.push({ line, message }))
    } catch (e) {
      if (e instanceof RegexError) throw new CompileError(`${e.message}: /${source}/`, line)
      throw e
    }
  }

  /** The regex an operand stands for: a constant, or a string compiled at run time. */
  regexOf(e: Ast.Expr): () => Compiled {
    if (e.k === "regex") {
      const re = this.constRegex(e.source, e.line)
      if (this.rt.icase) return () => this.rt.regex(e.source)
      return () => (this.rt.icase ? this.rt.regex(e.source) : re)
    }
    const s = this.str(e)
    const rt = this.rt
    return () => rt.regex(s())
  }

  type(e: Ast.Expr): Type {
    switch (e.k) {
      case "num":
      case "regex":
      case "in":
      case "incdec":
      case "unary":
      case "match":
      case "logical":
      case "getline":
        return "num"
      case "str":
        return "str"
      case "binary":
        return e.op === "concat" ? "str" : "num"
      case "assign":
        return e.op === "=" ? this.type(e.value) : "num"
      case "cond": {
        const a = this.type(e.yes)
        return a === this.type(e.no) ? a : "any"
      }
      case "group":
        return this.type(e.expr)
      case "builtin":
        return builtinType(e.name)
      default:
        return "any"
    }
  }

  // ---- array and scalar access ----

  /** The array a name refers to (a parameter may hold one passed by reference, or become one). */
  array(name: string, line: number): () => AwkArray {
    const rt = this.rt
    const cell = this.cell(name)
    if (cell !== undefined) {
      const what = this.locals?.has(name) === true ? "scalar parameter" : "scalar"
      return () => {
        const v = cell.get()
        if (v instanceof AwkArray) return v
        if (v !== UNINIT) fatal(`attempt to use ${what} \`${name}' as an array`)
        const m = rt.newArray()
        rt.arrayNames.set(m, name)
        cell.set(m)
        return m
      }
    }
    if (SPECIAL.has(name) || !this.analysis.arrays.has(name)) {
      void line
      return () => fatal(`attempt to use scalar \`${name}' as an array`)
    }
    const m = rt.arrays[this.arraySlot(name)]
    return () => m
  }

  /** A subscript list as one key (joined with SUBSEP). */
  key(subs: ReadonlyArray<Ast.Expr>): Str {
    const rt = this.rt
    if (subs.length === 1) {
      const e = subs[0]
      const t = this.type(e)
      if (t === "str") return this.str(e)
      const v = this.val(e)
      return () => rt.key(v())
    }
    const parts = subs.map((e) => this.val(e))
    return () => {
      let k = rt.key(parts[0]())
      for (let i = 1; i < parts.length; i++) k += rt.subsep + rt.key(parts[i]())
      return k
    }
  }

  /** Read a variable. */
  private variable(name: string): Val {
    const rt = this.rt
    const cell = this.cell(name)
    if (cell !== undefined) {
      return () => {
        const v = cell.get()
        return v instanceof AwkArray
          ? fatal(`attempt to use array \`${this.arrayLabel(name, v)}' in a scalar context`)
          : v
      }
    }
    switch (name) {
      case "NR":
        return () => rt.nr
      case "FNR":
        return () => rt.fnr
      case "NF":
        return () => rt.getNF()
      case "RSTART":
        return () => rt.rstart
      case "RLENGTH":
        return () => rt.rlength
      case "FS":
        return () => rt.FS
      case "OFS":
        return () => rt.OFS
      case "ORS":
        return () => rt.ORS
      case "RS":
        return () => rt.RS
      case "FILENAME":
        return () => rt.FILENAME
      case "SUBSEP":
        return () => rt.SUBSEP
      case "CONVFMT":
        return () => rt.CONVFMT
      case "OFMT":
        return () => rt.OFMT
      case "RT":
        return () => rt.RT
      case "IGNORECASE":
        return () => rt.ignoreCase
    }
    if (this.analysis.arrays.has(name)) return () => fatal(`attempt to use array \`${name}' in a scalar context`)
    const g = rt.scalars
    const i = this.scalarSlot(name)
    return () => g[i]
  }

  /** Store into a variable; returns the stored value. */
  setter(name: string): (v: Value) => void {
    const rt = this.rt
    const cell = this.cell(name)
    if (cell !== undefined) {
      return (v) => {
        const old = cell.get()
        if (old instanceof AwkArray) fatal(`attempt to use array \`${this.arrayLabel(name, old)}' in a scalar context`)
        cell.set(v)
      }
    }
    switch (name) {
      case "NR":
        return (v) => (rt.nr = Math.trunc(toNum(v)))
      case "FNR":
        return (v) => (rt.fnr = Math.trunc(toNum(v)))
      case "NF":
        return (v) => rt.setNF(toNum(v))
      case "RSTART":
        return (v) => (rt.rstart = toNum(v))
      case "RLENGTH":
        return (v) => (rt.rlength = toNum(v))
      case "FS":
        return (v) => rt.setFS(v)
      case "OFS":
        return (v) => rt.setOFS(v)
      case "ORS":
        return (v) => rt.setORS(v)
      case "RS":
        return (v) => rt.setRS(v)
      case "FILENAME":
        return (v) => (rt.FILENAME = v)
      case "SUBSEP":
        return (v) => rt.setSUBSEP(v)
      case "CONVFMT":
        return (v) => rt.setConvfmt(v)
      case "OFMT":
        return (v) => rt.setOfmt(v)
      case "RT":
        return (v) => (rt.RT = v)
      case "IGNORECASE":
        return (v) => rt.setIgnoreCase(v)
    }
    if (this.analysis.arrays.has(name)) return () => fatal(`attempt to use array \`${name}' in a scalar context`)
    const g = rt.scalars
    const i = this.scalarSlot(name)
    return (v) => {
      g[i] = v
    }
  }

  /**
   * An lvalue resolved to a place: `locate()` evaluates its subscripts once
   * and returns get/set for that place (for `a[i++] += 1`).
   */
  place(t: Ast.LValue): () => { readonly get: () => Value; readonly set: (v: Value) => void } {
    const rt = this.rt
    switch (t.k) {
      case "var": {
        const get = this.variable(t.name)
        const set = this.setter(t.name)
        const p = { get, set }
        return () => p
      }
      case "field": {
        const idx = this.num(t.index)
        return () => {
          const i = rt.fieldIndex(idx())
          return { get: () => rt.fieldValue(i), set: (v: Value) => rt.setField(i, v) }
        }
      }
      case "index": {
        const arr = this.array(t.name, t.line)
        const key = this.key(t.subs)
        return () => {
          const m = arr()
          const k = key()
          return {
            get: () => {
              const v = m.get(k)
              if (v !== undefined) return v
              m.set(k, UNINIT)
              return UNINIT
            },
            set: (v: Value) => {
              m.set(k, v)
            },
          }
        }
      }
    }
  }

  // ---- typed compilation ----

  val(e: Ast.Expr): Val {
    const rt = this.rt
    switch (e.k) {
      case "num": {
        const v = e.value
        return () => v
      }
      case "str": {
        const v = e.value
        return () => v
      }
      case "regex": {
        const re = this.regexOf(e)
        return () => (re().test.test(rt.getRecord()) ? 1 : 0)
      }
      case "group":
        return this.val(e.expr)
      case "var":
        return this.variable(e.name)
      case "field": {
        if (e.index.k === "num") {
          const k = rt.fieldIndex(e.index.value)
          if (k === 0) return () => new StrNum(rt.getRecord())
          return () => rt.fieldValue(k)
        }
        const idx = this.num(e.index)
        return () => rt.fieldValue(rt.fieldIndex(idx()))
      }
      case "index": {
        const arr = this.array(e.name, e.line)
        const key = this.key(e.subs)
        return () => {
          const m = arr()
          const k = key()
          const v = m.get(k)
          if (v !== undefined) return v
          m.set(k, UNINIT)
          return UNINIT
        }
      }
      case "in": {
        const arr = this.array(e.name, e.line)
        const key = this.key(e.subs)
        return () => (arr().has(key()) ? 1 : 0)
      }
      case "assign":
        return this.assign(e)
      case "incdec":
        return this.incdec(e)
      case "binary":
        if (e.op === "concat") return this.str(e)
        return this.num(e)
      case "unary":
      case "match":
      case "logical":
        return this.num(e)
      case "cond": {
        const t = this.bool(e.test)
        const a = this.val(e.yes)
        const b = this.val(e.no)
        return () => (t() ? a() : b())
      }
      case "builtin":
        return compileBuiltin(this, e)
      case "call":
        return compileCall(this, e)
      case "getline":
        throw new AwkFatal("getline in a synchronous context")
    }
  }

  num(e: Ast.Expr): Num {
    const rt = this.rt
    switch (e.k) {
      case "num": {
        const v = e.value
        return () => v
      }
      case "group":
        return this.num(e.expr)
      case "field": {
        if (e.index.k === "num") {
          const k = rt.fieldIndex(e.index.value)
          return () => rt.fieldNum(k)
        }
        const idx = this.num(e.index)
        return () => rt.fieldNum(rt.fieldIndex(idx()))
      }
      case "var":
        if (e.name === "NR") return () => rt.nr
        if (e.name === "FNR") return () => rt.fnr
        if (e.name === "NF") return () => rt.getNF()
        break
      case "binary": {
        if (e.op === "concat") break
        if (e.op === "<" || e.op === "<=" || e.op === "==" || e.op === "!=" || e.op === ">" || e.op === ">=") {
          const b = this.bool(e)
          return () => (b() ? 1 : 0)
        }
        if ((e.op === "/" || e.op === "%") && e.right.k === "num" && e.right.value === 0) {
          // gawk folds constants while parsing and reports this before running anything.
          throw new CompileError(
            e.op === "/" ? "division by zero attempted" : "division by zero attempted in `%'",
            e.line,
          )
        }
        const a = this.num(e.left)
        const b = this.num(e.right)
        switch (e.op) {
          case "+":
            return () => a() + b()
          case "-":
            return () => a() - b()
          case "*":
            return () => a() * b()
          case "/":
            return () => {
              const x = a()
              const y = b()
              return y === 0 ? fatal("division by zero attempted") : x / y
            }
          case "%":
            return () => {
              const x = a()
              const y = b()
              return y === 0 ? fatal("division by zero attempted in `%'") : x % y
            }
          case "^":
            return () => power(a(), b())
        }
        break
      }
      case "unary": {
        if (e.op === "!") {
          const b = this.bool(e.arg)
          return () => (b() ? 0 : 1)
        }
        const a = this.num(e.arg)
        return e.op === "-" ? () => -a() : a
      }
      case "match":
      case "logical": {
        const b = this.bool(e)
        return () => (b() ? 1 : 0)
      }
    }
    const v = this.val(e)
    return () => toNum(v())
  }

  str(e: Ast.Expr): Str {
    const rt = this.rt
    switch (e.k) {
      case "str": {
        const v = e.value
        return () => v
      }
      case "group":
        return this.str(e.expr)
      case "field": {
        if (e.index.k === "num") {
          const k = rt.fieldIndex(e.index.value)
          if (k === 0) return () => rt.getRecord()
          return () => rt.field(k)
        }
        const idx = this.num(e.index)
        return () => {
          const i = rt.fieldIndex(idx())
          return i === 0 ? rt.getRecord() : rt.field(i)
        }
      }
      case "binary":
        if (e.op === "concat") {
          const a = this.str(e.left)
          const b = this.str(e.right)
          return () => a() + b()
        }
        break
    }
    const v = this.val(e)
    return () => rt.str(v())
  }

  bool(e: Ast.Expr): Bool {
    const rt = this.rt
    switch (e.k) {
      case "group":
        return this.bool(e.expr)
      case "regex": {
        const re = this.regexOf(e)
        return () => re().test.test(rt.getRecord())
      }
      case "match": {
        const s = this.str(e.left)
        const re = this.regexOf(e.right)
        return e.negate ? () => !re().test.test(s()) : () => re().test.test(s())
      }
      case "logical": {
        const a = this.bool(e.left)
        const b = this.bool(e.right)
        return e.op === "&&" ? () => a() && b() : () => a() || b()
      }
      case "unary":
        if (e.op === "!") {
          const a = this.bool(e.arg)
          return () => !a()
        }
        break
      case "binary":
        switch (e.op) {
          case "<":
          case "<=":
          case "==":
          case "!=":
          case ">":
          case ">=":
            return this.comparison(e.op, e.left, e.right)
        }
        break
    }
    const t = this.type(e)
    if (t === "num") {
      const n = this.num(e)
      return () => n() !== 0
    }
    if (t === "str") {
      const s = this.str(e)
      return () => s() !== ""
    }
    const v = this.val(e)
    return () => toBool(v())
  }

  private comparison(op: string, left: Ast.Expr, right: Ast.Expr): Bool {
    const rt = this.rt
    const lt = this.type(left)
    const rtp = this.type(right)
    const test = (c: number): boolean => {
      switch (op) {
        case "<":
          return c < 0
        case "<=":
          return c <= 0
        case "==":
          return c === 0
        case "!=":
          return c !== 0
        case ">":
          return c > 0
        default:
          return c >= 0
      }
    }
    if (lt === "num" && rtp === "num") {
      const a = this.num(left)
      const b = this.num(right)
      switch (op) {
        case "<":
          return () => a() < b()
        case "<=":
          return () => a() <= b()
        case "==":
          return () => a() === b()
        case "!=":
          return () => a() !== b()
        case ">":
          return () => a() > b()
        default:
          return () => a() >= b()
      }
    }
    if (lt === "str" || rtp === "str") {
      const a = this.str(left)
      const b = this.str(right)
      return () => {
        const x = a()
        const y = b()
        return test(x < y ? -1 : x > y ? 1 : 0)
      }
    }
    const a = this.val(left)
    const b = this.val(right)
    return () => test(compare(a(), b(), rt.convfmt))
  }

  private assign(e: Ast.Assign): Val {
    const rt = this.rt
    const t = e.target
    if (e.op === "=") {
      const v = this.val(e.value)
      if (t.k === "var") {
        const set = this.setter(t.name)
        return () => {
          const x = v()
          set(x)
          return x
        }
      }
      // gawk evaluates the right side before the target's index: `a[i++] = i`.
      if (t.k === "field") {
        const idx = this.num(t.index)
        return () => {
          const x = v()
          rt.setField(rt.fieldIndex(idx()), x)
          return x
        }
      }
      const arr = this.array(t.name, t.line)
      const key = this.key(t.subs)
      return () => {
        const x = v()
        arr().set(key(), x)
        return x
      }
    }
    const op = e.op.slice(0, -1)
    const n = this.num(e.value)
    const divide = (a: number, b: number): number => {
      if (b === 0 && (op === "/" || op === "%")) fatal(`division by zero attempted in \`${e.op}'`)
      return arith(op, a, b)
    }
    if (t.k === "var" && this.cell(t.name) === undefined && !SPECIAL.has(t.name) && !this.analysis.arrays.has(t.name)) {
      const g = rt.scalars
      const i = this.scalarSlot(t.name)
      if (op === "+") {
        return () => {
          const y = n()
          const x = toNum(g[i]) + y
          g[i] = x
          return x
        }
      }
      return () => {
        const y = n()
        const x = divide(toNum(g[i]), y)
        g[i] = x
        return x
      }
    }
    const place = this.place(t)
    return () => {
      const y = n()
      const p = place()
      const x = divide(toNum(p.get()), y)
      p.set(x)
      return x
    }
  }

  private incdec(e: Ast.IncDec): Val {
    const delta = e.op === "++" ? 1 : -1
    const t = e.target
    if (t.k === "var" && this.cell(t.name) === undefined && !SPECIAL.has(t.name) && !this.analysis.arrays.has(t.name)) {
      const g = this.rt.scalars
      const i = this.scalarSlot(t.name)
      if (e.prefix) {
        return () => {
          const x = toNum(g[i]) + delta
          g[i] = x
          return x
        }
      }
      return () => {
        const old = toNum(g[i])
        g[i] = old + delta
        return old
      }
    }
    const place = this.place(t)
    return () => {
      const p = place()
      const old = toNum(p.get())
      p.set(old + delta)
      return e.prefix ? old + delta : old
    }
  }
}

export type { Value }
