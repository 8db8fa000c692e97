import type * as Ast from "./Ast.ts"
import type { Compiler, Type } from "./Compiler.ts"
import { splitInto, splitterFor, type Splitter } from "./Fields.ts"
import { FormatError, sprintf, type FormatArgs } from "./Format.ts"
import { AwkArray, AwkFatal } from "./Runtime.ts"
import { callByName } from "./Calls.ts"
import { sortElements } from "./Sorting.ts"
import { fillMatchArray, matchAt, substitute, toLower, toUpper } from "./Text.ts"
import { DEFAULT_FORMAT, mktime, strftime } from "./Time.ts"
import type { Str, Val } from "./Types.ts"
import { intToStr, StrNum, toNum, UNINIT, type Value } from "./Values.ts"

/**
 * Built-in functions (the synchronous ones; system, close and fflush are in
 * CompileAsync.ts). Argument count errors are caught by the parser as gawk
 * does at parse time.
 */

const NUMERIC = new Set([
  "length",
  "index",
  "split",
  "sub",
  "gsub",
  "match",
  "sin",
  "cos",
  "atan2",
  "exp",
  "log",
  "sqrt",
  "int",
  "rand",
  "srand",
  "system",
  "close",
  "fflush",
  "systime",
  "mktime",
  "asort",
  "asorti",
  "and",
  "or",
  "xor",
  "lshift",
  "rshift",
  "compl",
  "strtonum",
  "isarray",
  "patsplit",
])

/** The static result type of a builtin. */
export const builtinType = (name: string): Type => (NUMERIC.has(name) ? "num" : "str")

/** printf/sprintf arguments over compiled values. */
const formatArgs = (c: Compiler, values: ReadonlyArray<Value>): FormatArgs => ({
  count: values.length,
  num: (i) => toNum(values[i]),
  str: (i) => c.rt.str(values[i]),
  isNum: (i) => {
    const v = values[i]
    return typeof v === "number" || (typeof v === "object" && v.isNumeric())
  },
})

/** Run sprintf, turning its errors into gawk's fatal messages. */
export const format = (c: Compiler, fmt: string, values: ReadonlyArray<Value>): string => {
  try {
    return sprintf(fmt, formatArgs(c, values))
  } catch (e) {
    if (e instanceof FormatError) throw new AwkFatal(e.message)
    throw e
  }
}

const bits = (n: number, name: string): bigint => {
  if (n < 0) throw new AwkFatal(`${name}: negative values are not allowed`)
  return BigInt(Math.trunc(n))
}

/**
 * gawk's make_integer: a 64-bit result keeps at most 53 significant bits,
 * dropping high bits rather than rounding the low ones (adjust_uint).
 */
const integer = (n: bigint): number => {
  const u = BigInt.asUintN(64, n)
  let x = u | (1n << 11n)
  let shift = 0n
  while ((x & 1n) === 0n) {
    x >>= 1n
    shift++
  }
  return Number(u & (((1n << 53n) - 1n) << shift))
}

/** `strtonum`: 0x hex and leading-0 octal as in source code, else the usual reading. */
const strtonum = (v: Value): number => {
  if (typeof v === "number") return v
  const s = typeof v === "string" ? v : v.s
  const hex = /^0[xX][0-9a-fA-F]+/.exec(s)
  if (hex !== null) return parseInt(hex[0].slice(2), 16)
  const oct = /^0[0-7]+(?![.eE0-9])/.exec(s)
  if (oct !== null) return parseInt(oct[0], 8)
  return toNum(s)
}

/** The splitter of split()'s third argument. */
const splitterOf = (c: Compiler, e: Ast.Expr | undefined): (() => Splitter) => {
  const rt = c.rt
  if (e === undefined) return () => rt.currentSplitter()
  if (e.k === "regex") {
    // An empty regex splits into characters, as an empty string does.
    if (e.source === "") return () => ({ kind: "chars" })
    const re = c.regexOf(e)
    return () => ({ kind: "regex", find: re().find })
  }
  const s = c.str(e)
  return () => {
    const fs = s()
    try {
      return splitterFor(fs, false, rt.icase)
    } catch {
      throw new AwkFatal(`invalid regexp: /${fs}/`)
    }
  }
}

/** split(s, a [, fs [, seps]]) over already evaluated parts. */
const doSplit = (text: string, arr: AwkArray, sp: Splitter, seps: AwkArray | undefined): number => {
  const out: Array<string> = []
  const sepList: Array<string> | undefined = seps === undefined ? undefined : []
  const n = splitInto(text, sp, out, sepList)
  arr.clear()
  for (let i = 1; i <= n; i++) arr.set(intToStr(i), new StrNum(out[i]))
  if (seps !== undefined && sepList !== undefined) {
    seps.clear()
    sepList.forEach((s, i) => {
      if (s !== undefined) seps.set(intToStr(i), new StrNum(s))
    })
  }
  return n
}

/** The array named by a bare-name argument. */
const arrayArg = (c: Compiler, e: Ast.Expr | undefined, fn: string, pos: string): (() => AwkArray) => {
  if (e === undefined || e.k !== "var") return () => fatal(`${fn}: ${pos} argument is not an array`)
  return c.array(e.name, e.line)
}

const fatal = (message: string): never => {
  throw new AwkFatal(message)
}

/** Compile a call of a synchronous builtin. */
export const compileBuiltin = (c: Compiler, e: Ast.Builtin): Val => {
  const rt = c.rt
  const a = e.args
  const num = (i: number) => c.num(a[i])
  const str = (i: number): Str => c.str(a[i])
  switch (e.name) {
    case "length": {
      if (a.length === 0) return () => rt.getRecord().length
      const arg = a[0]
      if (arg.k === "var") {
        const cell = c.cell(arg.name)
        if (cell !== undefined) {
          return () => {
            const v = cell.get()
            return v instanceof AwkArray ? v.size : rt.str(v).length
          }
        }
        if (c.isArrayName(arg.name)) {
          const arr = c.array(arg.name, arg.line)
          return () => arr().size
        }
      }
      const s = str(0)
      return () => s().length
    }
    case "substr": {
      const s = str(0)
      const m = num(1)
      const n = a.length > 2 ? num(2) : undefined
      return () => {
        const text = s()
        let start = m()
        let len = Infinity
        if (n !== undefined) {
          const l = n()
          if (!(l >= 1)) return ""
          len = Math.trunc(l)
        }
        if (!(start >= 1)) start = 1
        const from = Math.trunc(start) - 1
        if (from >= text.length) return ""
        return len === Infinity ? text.slice(from) : text.slice(from, from + len)
      }
    }
    case "index": {
      const s = str(0)
      const t = str(1)
      return () => s().indexOf(t()) + 1
    }
    case "split": {
      const s = str(0)
      const arr = arrayArg(c, a[1], "split", "second")
      const sp = splitterOf(c, a[2])
      const seps = a.length > 3 ? arrayArg(c, a[3], "split", "fourth") : undefined
      return () => doSplit(s(), arr(), sp(), seps?.())
    }
    case "sub":
    case "gsub": {
      const re = c.regexOf(a[0])
      const repl = str(1)
      const which = e.name === "gsub" ? -1 : 1
      const target: Ast.Expr = a[2] ?? { k: "field", line: e.line, index: { k: "num", line: e.line, value: 0 } }
      const get = c.str(target)
      const place = target.k === "var" || target.k === "field" || target.k === "index" ? c.place(target) : undefined
      return () => {
        const r = re()
        const p = place?.()
        const text = p !== undefined ? rt.str(p.get()) : get()
        const result = substitute(r.find, text, repl(), which, false)
        if (result.count > 0 && p !== undefined) p.set(result.text)
        return result.count
      }
    }
    case "gensub": {
      const re = c.regexOf(a[0])
      const repl = str(1)
      const how = c.val(a[2])
      const target = a.length > 3 ? str(3) : () => rt.getRecord()
      return () => {
        const r = re()
        const replacement = repl()
        const h = how()
        const hs = typeof h === "number" ? "" : rt.str(h)
        let which: number
        if (hs.length > 0 && (hs[0] === "g" || hs[0] === "G")) which = -1
        else {
          const d = toNum(h)
          if (d <= 0) rt.warn(`gensub: third argument \`${rt.str(h)}' treated as 1`)
          which = d < 1 ? 1 : Math.trunc(d)
        }
        return substitute(r.find, target(), replacement, which, true).text
      }
    }
    case "patsplit": {
      const s = str(0)
      const arr = arrayArg(c, a[1], "patsplit", "second")
      const re = a.length > 2 ? c.regexOf(a[2]) : () => rt.regex(rt.str(rt.FPAT))
      const seps = a.length > 3 ? arrayArg(c, a[3], "patsplit", "fourth") : undefined
      return () => doSplit(s(), arr(), { kind: "fpat", find: re().find }, seps?.())
    }
    case "match": {
      const s = str(0)
      const re = c.regexOf(a[1])
      const arr = a.length > 2 ? arrayArg(c, a[2], "match", "third") : undefined
      return () => {
        const text = s()
        const r = re()
        const m = matchAt(r, text, arr !== undefined)
        if (arr !== undefined) {
          const dest = arr()
          if (m === null) dest.clear()
          else fillMatchArray(dest, m, rt.subsep)
        }
        if (m === null) {
          rt.rstart = 0
          rt.rlength = -1
          return 0
        }
        rt.rstart = m.index + 1
        rt.rlength = m[0].length
        return rt.rstart
      }
    }
    case "sprintf": {
      const fmt = str(0)
      const vals = a.slice(1).map((x) => c.val(x))
      return () =>
        format(
          c,
          fmt(),
          vals.map((v) => v()),
        )
    }
    case "sin":
    case "cos":
    case "exp":
    case "int": {
      const x = num(0)
      const f = e.name === "sin" ? Math.sin : e.name === "cos" ? Math.cos : e.name === "exp" ? Math.exp : Math.trunc
      return () => f(x())
    }
    case "log": {
      const x = num(0)
      return () => {
        const v = x()
        if (v < 0) rt.warn(`log: received negative argument ${rt.out(v)}`)
        return Math.log(v)
      }
    }
    case "sqrt": {
      const x = num(0)
      return () => {
        const v = x()
        if (v < 0) rt.warn(`sqrt: called with negative argument ${rt.out(v)}`)
        return Math.sqrt(v)
      }
    }
    case "atan2": {
      const y = num(0)
      const x = num(1)
      return () => Math.atan2(y(), x())
    }
    case "rand":
      return () => c.random.next()
    case "srand": {
      if (a.length === 0) return () => c.random.reseed(Math.floor(Date.now() / 1000))
      const x = num(0)
      return () => c.random.reseed(x())
    }
    case "tolower":
    case "toupper": {
      const s = str(0)
      const f = e.name === "tolower" ? toLower : toUpper
      return () => f(s())
    }
    case "systime":
      return () => Math.floor(Date.now() / 1000)
    case "strftime": {
      const fmt = a.length > 0 ? str(0) : () => DEFAULT_FORMAT
      const ts = a.length > 1 ? num(1) : () => Math.floor(Date.now() / 1000)
      return () => strftime(fmt(), ts())
    }
    case "mktime": {
      const s = str(0)
      return () => mktime(s())
    }
    case "asort":
    case "asorti": {
      const src = arrayArg(c, a[0], e.name, "first")
      const dest = a.length > 1 ? arrayArg(c, a[1], e.name, "second") : undefined
      const indices = e.name === "asorti"
      const how = a.length > 2 ? str(2) : () => (indices ? "@ind_str_asc" : "@val_type_asc")
      return () => {
        const s = src()
        const d = dest?.() ?? s
        const call = (name: string, args: ReadonlyArray<Value>) => callByName(c, name, args)
        const sorted = sortElements(
          s,
          how(),
          (v) => rt.str(v),
          call,
          (name) => c.funcs.has(name),
        )
        d.clear()
        sorted.forEach((el, i) => d.set(intToStr(i + 1), indices ? rt.key(el.key) : el.value))
        return sorted.length
      }
    }
    case "and":
    case "or":
    case "xor": {
      const xs = a.map((x) => c.num(x))
      return () => {
        let r = bits(xs[0](), e.name)
        for (let i = 1; i < xs.length; i++) {
          const v = bits(xs[i](), e.name)
          r = e.name === "and" ? r & v : e.name === "or" ? r | v : r ^ v
        }
        return integer(r)
      }
    }
    case "lshift":
    case "rshift": {
      const x = num(0)
      const n = num(1)
      return () => {
        const v = bits(x(), e.name)
        const s = bits(n(), e.name)
        return integer(e.name === "lshift" ? v << s : v >> s)
      }
    }
    case "compl": {
      const x = num(0)
      return () => integer(~bits(x(), "compl"))
    }
    case "strtonum": {
      const v = c.val(a[0])
      return () => strtonum(v())
    }
    case "isarray":
    case "typeof": {
      const arg = a[0]
      const isArr = (): boolean => {
        if (arg.k !== "var") return false
        const cell = c.cell(arg.name)
        if (cell !== undefined) return cell.get() instanceof AwkArray
        return c.isArrayName(arg.name)
      }
      if (e.name === "isarray") return () => (isArr() ? 1 : 0)
      const v = arg.k === "var" && isArr() ? undefined : c.val(arg)
      return () => {
        if (v === undefined || isArr()) return "array"
        const x = v()
        if (x === UNINIT) return "untyped"
        if (typeof x === "number") return "number"
        if (typeof x === "string") return "string"
        return x.isNumeric() ? "strnum" : "string"
      }
    }
    default:
      return () => fatal(`function \`${e.name}' is not supported`)
  }
}
