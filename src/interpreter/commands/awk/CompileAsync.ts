import type * as Ast from "./Ast.ts"
import { ARRAY_ARGS } from "./Analysis.ts"
import { argument, enter, finish } from "./Calls.ts"
import type { Compiler } from "./Compiler.ts"
import { CompileError } from "./Ops.ts"
import { compileStmt } from "./CompileStmt.ts"
import { format } from "./Builtins.ts"
import { AwkFatal, BREAK, CONTINUE, NORMAL, RETURN, type Cell } from "./Runtime.ts"
import type { Gen, GenExec, GenVal } from "./Types.ts"
import { StrNum, toBool, toNum, UNINIT, type Value } from "./Values.ts"

/**
 * The parts of a program that may wait for I/O, compiled to generators.
 * Only nodes that contain such a wait are compiled this way; everything
 * under them that does not wait stays a plain closure. An expression with a
 * waiting operand evaluates that operand first into a temporary, then runs
 * the ordinary closure over the temporary.
 */

/** Output buffered past this many bytes is written before a loop goes on. */
const DRAIN_LIMIT = 64 * 1024

let tempCounter = 0

/** A plain closure in generator clothing (it never waits). */
const sync = <A>(f: () => A): (() => Gen<A>) =>
  // oxlint-disable-next-line require-yield -- a generator that happens not to wait
  function* () {
    return f()
  }

/** A temporary variable: a frame slot inside a function (recursion-safe), else a global. */
const temp = (c: Compiler): { readonly node: Ast.Var; readonly set: (v: Value) => void } => {
  const name = `\u0000t${tempCounter++}`
  const rt = c.rt
  if (c.locals !== undefined) {
    const locals = c.locals
    const index = locals.size
    if (locals instanceof Map) locals.set(name, index)
    return { node: { k: "var", line: 0, name }, set: (v) => void (rt.frame[index] = v) }
  }
  const slot = c.scalarSlot(name)
  return { node: { k: "var", line: 0, name }, set: (v) => void (rt.scalars[slot] = v) }
}

/** Replace the waiting operands of `e` by temporaries; returns the new node and how to fill them. */
const hoist = (c: Compiler, e: Ast.Expr): { readonly node: Ast.Expr; readonly fill: () => Gen<void> } => {
  const fills: Array<{ readonly gen: GenVal; readonly set: (v: Value) => void }> = []
  const sub = (x: Ast.Expr): Ast.Expr => {
    if (!c.isAsync(x)) return x
    const t = temp(c)
    fills.push({ gen: gval(c, x), set: t.set })
    return t.node
  }
  let node: Ast.Expr
  switch (e.k) {
    case "field":
      node = { ...e, index: sub(e.index) }
      break
    case "index":
    case "in":
      node = { ...e, subs: e.subs.map(sub) }
      break
    case "assign":
      if (e.target.k !== "var") throw new CompileError("getline in an assignment target is not supported", e.line)
      node = { ...e, value: sub(e.value) }
      break
    case "unary":
      node = { ...e, arg: sub(e.arg) }
      break
    case "binary":
    case "match":
      node = { ...e, left: sub(e.left), right: sub(e.right) }
      break
    case "builtin": {
      const keep = new Set(ARRAY_ARGS[e.name] ?? [])
      if (e.name === "sub" || e.name === "gsub") keep.add(2)
      node = { ...e, args: e.args.map((a, i) => (keep.has(i) ? a : sub(a))) }
      break
    }
    case "call":
      node = { ...e, args: e.args.map((a) => (a.k === "var" ? a : sub(a))) }
      break
    default:
      throw new CompileError("getline is not supported in this position", e.line)
  }
  return {
    node,
    fill: function* () {
      for (const f of fills) f.set(yield* f.gen())
    },
  }
}

/** A getline expression: its status 1, 0 or -1. */
const getline = (c: Compiler, e: Ast.Getline): GenVal => {
  const rt = c.rt
  const io = c.io
  const place = e.target === undefined ? undefined : c.place(e.target)
  const store = (rec: string) => {
    if (place === undefined) rt.setRecord(rec)
    else place().set(new StrNum(rec))
  }
  if (e.from === "main") {
    return function* () {
      const rec = yield* io.getlineMain()
      if (rec === undefined) return 0
      rt.nr++
      rt.fnr++
      store(rec)
      return 1
    }
  }
  const source = gval(c, e.source ?? { k: "str", line: e.line, value: "" })
  if (e.from === "file") {
    return function* () {
      const name = rt.str(yield* source())
      const rec = yield* io.getlineFile(name)
      if (rec === null) return -1
      if (rec === undefined) return 0
      store(rec)
      return 1
    }
  }
  return function* () {
    const cmd = rt.str(yield* source())
    const rec = yield* io.getlineCommand(cmd)
    if (rec === undefined) return 0
    store(rec)
    return 1
  }
}

/** A call of a function that may wait. */
const call = (c: Compiler, e: Ast.Call): GenVal => {
  const rt = c.rt
  const f = c.funcs.get(e.name)
  if (f === undefined) throw new AwkFatal(`function \`${e.name}' not defined`)
  const args: Array<() => Gen<Cell>> = e.args.map((a, i) => (c.isAsync(a) ? gval(c, a) : sync(argument(c, f, a, i))))
  const n = f.params.length
  return function* () {
    const frame: Array<Cell> = []
    for (let i = 0; i < args.length; i++) {
      const v = yield* args[i]()
      if (i < n) frame.push(v)
    }
    enter(c, f, frame)
    const body = f.gen
    if (body === undefined) throw new AwkFatal(`function \`${e.name}' not defined`)
    const saved = rt.frame
    rt.frame = frame
    rt.depth++
    let code: number
    try {
      code = yield* body()
    } finally {
      rt.frame = saved
      rt.depth--
    }
    return finish(c, code)
  }
}

/** Compile an expression to a generator. */
export const gval = (c: Compiler, e: Ast.Expr): GenVal => {
  if (!c.isAsync(e)) return sync(c.val(e))
  const io = c.io
  const rt = c.rt
  switch (e.k) {
    case "group":
      return gval(c, e.expr)
    case "getline":
      return getline(c, e)
    case "logical": {
      const a = gval(c, e.left)
      const b = gval(c, e.right)
      const and = e.op === "&&"
      return function* () {
        const x = toBool(yield* a())
        if (and ? !x : x) return and ? 0 : 1
        return toBool(yield* b()) ? 1 : 0
      }
    }
    case "cond": {
      const t = gval(c, e.test)
      const a = gval(c, e.yes)
      const b = gval(c, e.no)
      return function* () {
        return toBool(yield* t()) ? yield* a() : yield* b()
      }
    }
    case "call":
      if (c.analysis.asyncFuncs.has(e.name)) return call(c, e)
      break
    case "builtin":
      if (e.name === "system" || e.name === "close" || e.name === "fflush") {
        const args = e.args.map((a) => gval(c, a))
        const name = e.name
        return function* () {
          const vals: Array<Value> = []
          for (const a of args) vals.push(yield* a())
          if (name === "system") return yield* io.system(rt.str(vals[0]))
          if (name === "fflush") return yield* io.fflush(vals.length === 0 ? undefined : rt.str(vals[0]))
          return yield* io.close(rt.str(vals[0]), vals.length > 1 ? rt.str(vals[1]) : undefined)
        }
      }
      break
    case "unary":
      if (e.op === "!") {
        const a = gval(c, e.arg)
        return function* () {
          return toBool(yield* a()) ? 0 : 1
        }
      }
      break
  }
  const { node, fill } = hoist(c, e)
  const f = c.val(node)
  return function* () {
    yield* fill()
    return f()
  }
}

/** Loop bookkeeping: let buffered output drain. */
const drain = (c: Compiler): (() => Gen<void>) => {
  const io = c.io
  return function* () {
    if (io.pending() >= DRAIN_LIMIT) yield* io.drain()
  }
}

/** Compile a statement to a generator. */
export const gstmt = (c: Compiler, s: Ast.Stmt): GenExec => {
  if (!c.stmtIsAsync(s)) return sync(compileStmt(c, s))
  const rt = c.rt
  const line = s.line
  const flush = drain(c)
  const loopBody = function* (r: number): Gen<number | undefined> {
    if (r === BREAK) return BREAK
    if (r !== NORMAL && r !== CONTINUE) return r
    yield* flush()
    return undefined
  }
  switch (s.k) {
    case "expr": {
      const f = gval(c, s.expr)
      return function* () {
        rt.line = line
        yield* f()
        return NORMAL
      }
    }
    case "print":
    case "printf": {
      const args = s.args.map((a) => gval(c, a))
      const target = s.redirect === undefined ? undefined : gval(c, s.redirect.target)
      const mode = s.redirect?.mode
      const kind = s.k
      return function* () {
        rt.line = line
        const vals: Array<Value> = []
        for (const g of args) vals.push(yield* g())
        let text: string
        if (kind === "printf") text = format(c, rt.str(vals[0]), vals.slice(1))
        else if (vals.length === 0) text = rt.getRecord() + rt.ors
        else text = vals.map((v) => rt.out(v)).join(rt.ofs) + rt.ors
        const t = target === undefined ? "" : rt.str(yield* target())
        c.io.print(text, mode, t)
        return NORMAL
      }
    }
    case "if": {
      const test = gval(c, s.test)
      const then = gstmt(c, s.yes)
      const otherwise = s.no === undefined ? undefined : gstmt(c, s.no)
      return function* () {
        rt.line = line
        if (toBool(yield* test())) return yield* then()
        return otherwise === undefined ? NORMAL : yield* otherwise()
      }
    }
    case "while":
    case "do": {
      const test = gval(c, s.test)
      const body = gstmt(c, s.body)
      const first = s.k === "do"
      return function* () {
        rt.line = line
        let skipTest = first
        while (skipTest || toBool(yield* test())) {
          skipTest = false
          const r = yield* loopBody(yield* body())
          if (r === BREAK) break
          if (r !== undefined) return r
        }
        return NORMAL
      }
    }
    case "for": {
      const init = s.init === undefined ? undefined : gval(c, s.init)
      const test = s.test === undefined ? undefined : gval(c, s.test)
      const step = s.step === undefined ? undefined : gval(c, s.step)
      const body = gstmt(c, s.body)
      return function* () {
        rt.line = line
        if (init !== undefined) yield* init()
        while (test === undefined || toBool(yield* test())) {
          const r = yield* loopBody(yield* body())
          if (r === BREAK) break
          if (r !== undefined) return r
          if (step !== undefined) yield* step()
        }
        return NORMAL
      }
    }
    case "forin": {
      const arr = c.array(s.array, line)
      const place = c.place(s.target)
      const body = gstmt(c, s.body)
      const keys = c.forInKeys()
      return function* () {
        rt.line = line
        for (const k of keys(arr())) {
          place().set(k)
          const r = yield* loopBody(yield* body())
          if (r === BREAK) break
          if (r !== undefined) return r
        }
        return NORMAL
      }
    }
    case "block": {
      const list = s.body.map((b) => gstmt(c, b))
      return function* () {
        for (const g of list) {
          const r = yield* g()
          if (r !== NORMAL) return r
        }
        return NORMAL
      }
    }
    case "exit": {
      const v = s.value === undefined ? undefined : gval(c, s.value)
      const exec = compileStmt(c, { k: "exit", line, value: undefined })
      return function* () {
        rt.line = line
        if (v !== undefined) rt.exitCode = Math.trunc(toNum(yield* v())) & 0xff
        return exec()
      }
    }
    case "return": {
      const v = s.value === undefined ? undefined : gval(c, s.value)
      return function* () {
        rt.line = line
        rt.returnValue = v === undefined ? UNINIT : yield* v()
        return RETURN
      }
    }
    default:
      throw new CompileError("getline is not supported in this statement", line)
  }
}
