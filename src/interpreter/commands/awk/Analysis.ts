import type * as Ast from "./Ast.ts"

/**
 * What the compiler needs to know before compiling: which names are arrays,
 * which function parameters are used as arrays, and which code must be able
 * to pause for I/O (getline, system, close, fflush, or a loop that prints
 * and so must let its output drain).
 */

/** Children of an expression. */
const exprChildren = (e: Ast.Expr): ReadonlyArray<Ast.Expr> => {
  switch (e.k) {
    case "num":
    case "str":
    case "regex":
    case "var":
      return []
    case "field":
      return [e.index]
    case "index":
      return e.subs
    case "in":
      return e.subs
    case "assign":
      return [e.target, e.value]
    case "incdec":
      return [e.target]
    case "unary":
      return [e.arg]
    case "binary":
    case "match":
    case "logical":
      return [e.left, e.right]
    case "cond":
      return [e.test, e.yes, e.no]
    case "group":
      return [e.expr]
    case "builtin":
    case "call":
      return e.args
    case "getline":
      return [...(e.target ? [e.target] : []), ...(e.source ? [e.source] : [])]
  }
}

/** Expressions and sub-statements directly inside a statement. */
const stmtParts = (
  s: Ast.Stmt,
): { readonly exprs: ReadonlyArray<Ast.Expr>; readonly stmts: ReadonlyArray<Ast.Stmt> } => {
  const opt = (e: Ast.Expr | undefined) => (e === undefined ? [] : [e])
  switch (s.k) {
    case "expr":
      return { exprs: [s.expr], stmts: [] }
    case "print":
    case "printf":
      return { exprs: [...s.args, ...(s.redirect ? [s.redirect.target] : [])], stmts: [] }
    case "if":
      return { exprs: [s.test], stmts: [s.yes, ...(s.no ? [s.no] : [])] }
    case "while":
    case "do":
      return { exprs: [s.test], stmts: [s.body] }
    case "for":
      return { exprs: [...opt(s.init), ...opt(s.test), ...opt(s.step)], stmts: [s.body] }
    case "forin":
      return { exprs: [s.target], stmts: [s.body] }
    case "block":
      return { exprs: [], stmts: s.body }
    case "exit":
    case "return":
      return { exprs: opt(s.value), stmts: [] }
    case "delete":
      return { exprs: s.subs ?? [], stmts: [] }
    default:
      return { exprs: [], stmts: [] }
  }
}

const eachExpr = (e: Ast.Expr, f: (e: Ast.Expr) => void): void => {
  f(e)
  for (const c of exprChildren(e)) eachExpr(c, f)
}

/** Visit every expression and statement under `s`. */
export const eachInStmt = (
  s: Ast.Stmt,
  onExpr: (e: Ast.Expr) => void,
  onStmt: (s: Ast.Stmt) => void = () => {},
): void => {
  onStmt(s)
  const { exprs, stmts } = stmtParts(s)
  for (const e of exprs) eachExpr(e, onExpr)
  for (const c of stmts) eachInStmt(c, onExpr, onStmt)
}

/** Which argument positions of a builtin are arrays. */
export const ARRAY_ARGS: Readonly<Record<string, ReadonlyArray<number>>> = {
  split: [1, 3],
  patsplit: [1, 3],
  match: [2],
  asort: [0, 1],
  asorti: [0, 1],
}

/** What `analyse` finds. */
export interface Analysis {
  /** Per function, which parameters are used as arrays. */
  readonly arrayParams: ReadonlyMap<string, ReadonlyArray<boolean>>
  /** Global names used as arrays somewhere. */
  readonly arrays: ReadonlySet<string>
  /** Global names used both as arrays and as scalars: typed at run time, as gawk does. */
  readonly mixed: ReadonlySet<string>
  /** Functions whose calls may pause for I/O. */
  readonly asyncFuncs: ReadonlySet<string>
  /** Functions that print (a loop calling one must be able to drain output). */
  readonly printingFuncs: ReadonlySet<string>
  /** The program has a `for (k in a)` (so array order can be seen). */
  readonly iterates: boolean
}

/** Analyse a program. */
export const analyse = (program: Ast.Program): Analysis => {
  const funcs = program.funcs
  const arrayParams = new Map<string, Array<boolean>>()
  for (const [name, f] of funcs)
    arrayParams.set(
      name,
      f.params.map(() => false),
    )
  const arrays = new Set<string>(["ENVIRON", "ARGV", "PROCINFO"])

  // Names used as arrays, per scope: a function's params, or globals.
  const markArray = (name: string, params: ReadonlyArray<string> | undefined, fname: string | undefined): boolean => {
    const i = params?.indexOf(name) ?? -1
    if (i >= 0 && fname !== undefined) {
      const list = arrayParams.get(fname)
      if (list === undefined || list[i]) return false
      list[i] = true
      return true
    }
    if (arrays.has(name)) return false
    arrays.add(name)
    return true
  }
  const scanArrays = (
    body: Ast.Stmt,
    params: ReadonlyArray<string> | undefined,
    fname: string | undefined,
  ): boolean => {
    let changed = false
    const mark = (name: string) => {
      if (markArray(name, params, fname)) changed = true
    }
    eachInStmt(
      body,
      (e) => {
        if (e.k === "index" || e.k === "in") mark(e.name)
        else if (e.k === "builtin") {
          for (const i of ARRAY_ARGS[e.name] ?? []) {
            const a = e.args[i]
            if (a?.k === "var") mark(a.name)
          }
        } else if (e.k === "call") {
          const ap = arrayParams.get(e.name)
          e.args.forEach((a, i) => {
            if (a.k === "var" && ap?.[i]) mark(a.name)
          })
        }
      },
      (s) => {
        if (s.k === "forin") mark(s.array)
        else if (s.k === "delete") mark(s.name)
      },
    )
    return changed
  }
  for (let changed = true; changed;) {
    changed = false
    for (const r of program.rules) {
      if (r.action && scanArrays(r.action, undefined, undefined)) changed = true
      if (r.pattern.k === "expr" && scanArrays({ k: "expr", line: 0, expr: r.pattern.expr }, undefined, undefined))
        changed = true
    }
    for (const [name, f] of funcs) if (scanArrays(f.body, f.params, name)) changed = true
  }

  // Async and printing functions, to a fixpoint over calls.
  const asyncFuncs = new Set<string>()
  const printingFuncs = new Set<string>()
  for (let changed = true; changed;) {
    changed = false
    for (const [name, f] of funcs) {
      if (!asyncFuncs.has(name) && stmtIsAsync(f.body, asyncFuncs, printingFuncs)) {
        asyncFuncs.add(name)
        changed = true
      }
      if (!printingFuncs.has(name) && prints(f.body, printingFuncs)) {
        printingFuncs.add(name)
        changed = true
      }
    }
  }
  // Global names also used as plain scalars.
  const scalars = new Set<string>()
  const scanScalars = (body: Ast.Stmt, params: ReadonlyArray<string>) => {
    const skip = new Set<Ast.Expr>()
    eachInStmt(body, (e) => {
      if (e.k === "builtin") {
        const positions =
          e.name === "length" || e.name === "isarray" || e.name === "typeof" ? [0] : (ARRAY_ARGS[e.name] ?? [])
        for (const i of positions) if (e.args[i] !== undefined) skip.add(e.args[i])
      } else if (e.k === "call") {
        for (const a of e.args) skip.add(a)
      } else if (e.k === "var" && !skip.has(e) && !params.includes(e.name)) scalars.add(e.name)
    })
  }
  for (const r of program.rules) {
    if (r.action) scanScalars(r.action, [])
    if (r.pattern.k === "expr") scanScalars({ k: "expr", line: 0, expr: r.pattern.expr }, [])
    if (r.pattern.k === "range")
      scanScalars({ k: "expr", line: 0, expr: { k: "group", line: 0, expr: r.pattern.from } }, [])
  }
  for (const f of funcs.values()) scanScalars(f.body, f.params)
  const mixed = new Set([...arrays].filter((n) => scalars.has(n)))
  let iterates = false
  const findForIn = (s: Ast.Stmt) =>
    eachInStmt(
      s,
      () => {},
      (t) => {
        if (t.k === "forin") iterates = true
      },
    )
  for (const r of program.rules) if (r.action) findForIn(r.action)
  for (const f of funcs.values()) findForIn(f.body)
  return { arrayParams, arrays, mixed, asyncFuncs, printingFuncs, iterates }
}

const IO_BUILTINS = new Set(["system", "close", "fflush"])

/** Whether evaluating `e` may pause for I/O. */
export const exprIsAsync = (e: Ast.Expr, asyncFuncs: ReadonlySet<string>): boolean => {
  if (e.k === "getline") return true
  if (e.k === "builtin" && IO_BUILTINS.has(e.name)) return true
  if (e.k === "call" && asyncFuncs.has(e.name)) return true
  return exprChildren(e).some((c) => exprIsAsync(c, asyncFuncs))
}

/** Whether a statement prints (directly or through a function). */
const prints = (s: Ast.Stmt, printingFuncs: ReadonlySet<string>): boolean => {
  let found = false
  eachInStmt(
    s,
    (e) => {
      if (e.k === "call" && printingFuncs.has(e.name)) found = true
    },
    (t) => {
      if (t.k === "print" || t.k === "printf") found = true
    },
  )
  return found
}

/** Whether running `s` may pause: I/O in it, or a loop that prints. */
export const stmtIsAsync = (
  s: Ast.Stmt,
  asyncFuncs: ReadonlySet<string>,
  printingFuncs: ReadonlySet<string>,
): boolean => {
  let found = false
  eachInStmt(
    s,
    (e) => {
      if (!found && exprIsAsync(e, asyncFuncs)) found = true
    },
    (t) => {
      if (
        !found &&
        (t.k === "while" || t.k === "do" || t.k === "for" || t.k === "forin") &&
        prints(t.body, printingFuncs)
      ) {
        found = true
      }
    },
  )
  return found
}
