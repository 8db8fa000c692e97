import type * as Ast from "./Ast.ts"
import type { Analysis } from "./Analysis.ts"
import { exprIsAsync, stmtIsAsync } from "./Analysis.ts"
import { builtinType } from "./Builtins.ts"
import { callByName } from "./Calls.ts"
import { compileBool, compileNum, compileStr, compileVal } from "./CompileExpr.ts"
import { sortElements } from "./Sorting.ts"
import { CompileError, fatal, SPECIAL } from "./Ops.ts"
import { Random } from "./Random.ts"
import { compile as compileRegex, RegexError, type Compiled } from "./Regex.ts"
import { AwkArray, type Cell, type Runtime } from "./Runtime.ts"
import type { Bool, Exec, GenExec, IoHost, Num, Str, Val } from "./Types.ts"
import { toNum, UNINIT, type Value } from "./Values.ts"

/**
 * The compile-time view of a program: variable slots (global scalars,
 * global arrays, run-time typed cells, function parameters), lvalues, and
 * the typed expression entry points (the expressions themselves are in
 * CompileExpr.ts, statements in CompileStmt.ts, waiting code in
 * CompileAsync.ts).
 */

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

/** Compiles one program against one runtime and I/O layer. */
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

  /** The keys `for (k in a)` visits: PROCINFO["sorted_in"] may ask for an order. */
  forInKeys(): (arr: AwkArray) => Array<Value> {
    const rt = this.rt
    const procinfo = rt.arrays[this.arraySlot("PROCINFO")]
    return (arr) => {
      const how = procinfo.get("sorted_in")
      if (how === undefined) return arr.keys()
      const call = (name: string, args: ReadonlyArray<Value>) => callByName(this, name, args)
      return sortElements(
        arr,
        rt.str(how),
        (v) => rt.str(v),
        call,
        (name) => this.funcs.has(name),
      ).map((e) => e.key)
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
      const rt = this.rt
      // IGNORECASE may change at run time; the case-blind version is compiled (and cached) on demand.
      return () => (rt.icase ? rt.regex(e.source) : re)
    }
    const s = this.str(e)
    const rt = this.rt
    return () => rt.regex(s())
  }

  /** The static type of an expression. */
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
  /** Read a variable. */
  variable(name: string): Val {
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
      case "FPAT":
        return () => rt.FPAT
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
      case "FPAT":
        return (v) => rt.setFPAT(v)
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
          rt.touchField(i)
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
    return compileVal(this, e)
  }

  num(e: Ast.Expr): Num {
    return compileNum(this, e)
  }

  str(e: Ast.Expr): Str {
    return compileStr(this, e)
  }

  bool(e: Ast.Expr): Bool {
    return compileBool(this, e)
  }
}
