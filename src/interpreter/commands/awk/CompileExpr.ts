import type * as Ast from "./Ast.ts"
import { compileBuiltin } from "./Builtins.ts"
import { compileCall } from "./Calls.ts"
import type { Compiler } from "./Compiler.ts"
import { arith, CompileError, fatal, power, SPECIAL } from "./Ops.ts"
import { AwkFatal } from "./Runtime.ts"
import type { Bool, Num, Str, Val } from "./Types.ts"
import { compare, StrNum, toBool, toNum, UNINIT } from "./Values.ts"

/**
 * Expressions to closures. Each expression can be compiled for the type its
 * context wants (`compileVal`, `compileNum`, `compileStr`, `compileBool`), so
 * `s += $2` reads the field as a number without building a value, and
 * comparisons whose operand types are known statically skip the strnum test.
 */

/** A numeric constant gawk folds while parsing (literals and operators on them, not groups). */
const constant = (e: Ast.Expr): number | undefined => {
  if (e.k === "num") return e.value
  if (e.k === "unary") {
    const v = constant(e.arg)
    if (v === undefined) return undefined
    return e.op === "-" ? -v : e.op === "+" ? v : v === 0 ? 1 : 0
  }
  if (e.k === "binary" && (e.op === "+" || e.op === "-" || e.op === "*" || e.op === "^")) {
    const a = constant(e.left)
    const b = constant(e.right)
    return a === undefined || b === undefined ? undefined : arith(e.op, a, b)
  }
  return undefined
}

/** An expression as a value. */
export const compileVal = (c: Compiler, e: Ast.Expr): Val => {
  const rt = c.rt
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
      const re = c.regexOf(e)
      return () => (re().test.test(rt.getRecord()) ? 1 : 0)
    }
    case "group":
      return c.val(e.expr)
    case "var":
      return c.variable(e.name)
    case "field": {
      if (e.index.k === "num") {
        const k = rt.fieldIndex(e.index.value)
        if (k === 0) return () => new StrNum(rt.getRecord())
        return () => rt.fieldValue(k)
      }
      const idx = c.num(e.index)
      return () => rt.fieldValue(rt.fieldIndex(idx()))
    }
    case "index": {
      const arr = c.array(e.name, e.line)
      const key = c.key(e.subs)
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
      const arr = c.array(e.name, e.line)
      const key = c.key(e.subs)
      return () => (arr().has(key()) ? 1 : 0)
    }
    case "assign":
      return assign(c, e)
    case "incdec":
      return incdec(c, e)
    case "binary":
      if (e.op === "concat") return c.str(e)
      return c.num(e)
    case "unary":
    case "match":
    case "logical":
      return c.num(e)
    case "cond": {
      const t = c.bool(e.test)
      const a = c.val(e.yes)
      const b = c.val(e.no)
      return () => (t() ? a() : b())
    }
    case "builtin":
      return compileBuiltin(c, e)
    case "call":
      return compileCall(c, e)
    case "getline":
      throw new AwkFatal("getline in a synchronous context")
  }
}

/** An expression as a number. */
export const compileNum = (c: Compiler, e: Ast.Expr): Num => {
  const rt = c.rt
  switch (e.k) {
    case "num": {
      const v = e.value
      return () => v
    }
    case "group":
      return c.num(e.expr)
    case "field": {
      if (e.index.k === "num") {
        const k = rt.fieldIndex(e.index.value)
        return () => rt.fieldNum(k)
      }
      const idx = c.num(e.index)
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
        const b = c.bool(e)
        return () => (b() ? 1 : 0)
      }
      if ((e.op === "/" || e.op === "%") && constant(e.right) === 0) {
        // gawk folds constants while parsing and reports this before running anything.
        throw new CompileError(
          e.op === "/" ? "division by zero attempted" : "division by zero attempted in `%'",
          e.line,
        )
      }
      const a = c.num(e.left)
      const b = c.num(e.right)
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
        const b = c.bool(e.arg)
        return () => (b() ? 0 : 1)
      }
      const a = c.num(e.arg)
      return e.op === "-" ? () => -a() : a
    }
    case "match":
    case "logical": {
      const b = c.bool(e)
      return () => (b() ? 1 : 0)
    }
  }
  const v = c.val(e)
  return () => toNum(v())
}

/** An expression as a string (numbers through CONVFMT). */
export const compileStr = (c: Compiler, e: Ast.Expr): Str => {
  const rt = c.rt
  switch (e.k) {
    case "str": {
      const v = e.value
      return () => v
    }
    case "group":
      return c.str(e.expr)
    case "field": {
      if (e.index.k === "num") {
        const k = rt.fieldIndex(e.index.value)
        if (k === 0) return () => rt.getRecord()
        return () => rt.field(k)
      }
      const idx = c.num(e.index)
      return () => {
        const i = rt.fieldIndex(idx())
        return i === 0 ? rt.getRecord() : rt.field(i)
      }
    }
    case "binary":
      if (e.op === "concat") {
        const a = c.str(e.left)
        const b = c.str(e.right)
        return () => a() + b()
      }
      break
  }
  const v = c.val(e)
  return () => rt.str(v())
}

/** An expression as a condition. */
export const compileBool = (c: Compiler, e: Ast.Expr): Bool => {
  const rt = c.rt
  switch (e.k) {
    case "group":
      return c.bool(e.expr)
    case "regex": {
      const re = c.regexOf(e)
      return () => re().test.test(rt.getRecord())
    }
    case "match": {
      const s = c.str(e.left)
      const re = c.regexOf(e.right)
      return e.negate ? () => !re().test.test(s()) : () => re().test.test(s())
    }
    case "logical": {
      const a = c.bool(e.left)
      const b = c.bool(e.right)
      return e.op === "&&" ? () => a() && b() : () => a() || b()
    }
    case "unary":
      if (e.op === "!") {
        const a = c.bool(e.arg)
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
          return comparison(c, e.op, e.left, e.right)
      }
      break
  }
  const t = c.type(e)
  if (t === "num") {
    const n = c.num(e)
    return () => n() !== 0
  }
  if (t === "str") {
    const s = c.str(e)
    return () => s() !== ""
  }
  const v = c.val(e)
  return () => toBool(v())
}

const comparison = (c: Compiler, op: string, left: Ast.Expr, right: Ast.Expr): Bool => {
  const rt = c.rt
  const lt = c.type(left)
  const rtp = c.type(right)
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
    const a = c.num(left)
    const b = c.num(right)
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
    const a = c.str(left)
    const b = c.str(right)
    return () => {
      const x = a()
      const y = b()
      return test(x < y ? -1 : x > y ? 1 : 0)
    }
  }
  const a = c.val(left)
  const b = c.val(right)
  return () => test(compare(a(), b(), rt.convfmt))
}

const assign = (c: Compiler, e: Ast.Assign): Val => {
  const rt = c.rt
  const t = e.target
  if (e.op === "=") {
    const v = c.val(e.value)
    if (t.k === "var") {
      const set = c.setter(t.name)
      return () => {
        const x = v()
        set(x)
        return x
      }
    }
    // gawk evaluates the right side before the target's index: `a[i++] = i`.
    if (t.k === "field") {
      const idx = c.num(t.index)
      return () => {
        const x = v()
        rt.setField(rt.fieldIndex(idx()), x)
        return x
      }
    }
    const arr = c.array(t.name, t.line)
    const key = c.key(t.subs)
    return () => {
      const x = v()
      arr().set(key(), x)
      return x
    }
  }
  const op = e.op.slice(0, -1)
  const n = c.num(e.value)
  const divide = (a: number, b: number): number => {
    if (b === 0 && (op === "/" || op === "%")) fatal(`division by zero attempted in \`${e.op}'`)
    return arith(op, a, b)
  }
  if (t.k === "var" && c.cell(t.name) === undefined && !SPECIAL.has(t.name) && !c.analysis.arrays.has(t.name)) {
    const g = rt.scalars
    const i = c.scalarSlot(t.name)
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
  const place = c.place(t)
  return () => {
    const y = n()
    const p = place()
    const x = divide(toNum(p.get()), y)
    p.set(x)
    return x
  }
}

const incdec = (c: Compiler, e: Ast.IncDec): Val => {
  const delta = e.op === "++" ? 1 : -1
  const t = e.target
  if (t.k === "var" && c.cell(t.name) === undefined && !SPECIAL.has(t.name) && !c.analysis.arrays.has(t.name)) {
    const g = c.rt.scalars
    const i = c.scalarSlot(t.name)
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
  const place = c.place(t)
  return () => {
    const p = place()
    const old = toNum(p.get())
    p.set(old + delta)
    return e.prefix ? old + delta : old
  }
}
