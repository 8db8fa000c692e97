import type * as Ast from "./Ast.ts"
import type { Compiler, FuncCode } from "./Compiler.ts"
import { AwkFatal, EXIT, NEXT, NEXTFILE, Unwind, type Cell } from "./Runtime.ts"
import type { Val } from "./Types.ts"
import { UNINIT, type Value } from "./Values.ts"

/**
 * User function calls. Scalars are passed by value, arrays by reference; a
 * bare variable never assigned becomes an array in the caller when the
 * callee uses that parameter as one. `next` and `exit` inside a function
 * travel up to the rule as an `Unwind`.
 */

/** Deepest call nesting before gawk-like failure instead of a JavaScript stack overflow. */
const MAX_DEPTH = 3000

/** How to compute one argument cell for a call of `f`. */
export const argument = (c: Compiler, f: FuncCode, a: Ast.Expr, i: number): (() => Cell) => {
  const rt = c.rt
  if (a.k === "var" && i < f.params.length) {
    const cell = c.cell(a.name)
    const wantsArray = f.arrayParams[i]
    if (cell !== undefined) {
      return () => {
        const v = cell.get()
        if (v === UNINIT && wantsArray) {
          const m = rt.newArray()
          rt.arrayNames.set(m, a.name)
          cell.set(m)
          return m
        }
        return v
      }
    }
    if (c.isArrayName(a.name)) {
      const arr = c.array(a.name, a.line)
      return arr
    }
  }
  return c.val(a)
}

/** Enter `f` with `frame`, run `body`, and hand back its return value. */
export const enter = (c: Compiler, f: FuncCode, frame: Array<Cell>): void => {
  if (c.rt.depth >= MAX_DEPTH) throw new AwkFatal(`function \`${f.name}': call nesting too deep`)
  for (let i = frame.length; i < f.params.length; i++) frame.push(UNINIT)
}

/** Turn a function body's completion code into its value (or an Unwind). */
export const finish = (c: Compiler, code: number) => {
  if (code === EXIT || code === NEXT || code === NEXTFILE) throw new Unwind(code)
  const r = c.rt.returnValue
  c.rt.returnValue = UNINIT
  return r
}

/** Compile a call of a synchronous user function. */
export const compileCall = (c: Compiler, e: Ast.Call): Val => {
  const rt = c.rt
  const f = c.funcs.get(e.name)
  if (f === undefined) return () => fatalUndefined(e.name)
  const args = e.args.map((a, i) => argument(c, f, a, i))
  const n = f.params.length
  return () => {
    const frame: Array<Cell> = []
    for (let i = 0; i < args.length; i++) {
      const v = args[i]()
      if (i < n) frame.push(v)
    }
    enter(c, f, frame)
    const body = f.body
    if (body === undefined) return fatalUndefined(e.name)
    const saved = rt.frame
    rt.frame = frame
    rt.depth++
    let code: number
    try {
      code = body()
    } finally {
      rt.frame = saved
      rt.depth--
    }
    return finish(c, code)
  }
}

/** Call a (non-waiting) user function with values, as a sort comparator does. */
export const callByName = (c: Compiler, name: string, args: ReadonlyArray<Cell>): Value => {
  const rt = c.rt
  const f = c.funcs.get(name)
  const body = f?.body
  if (f === undefined || body === undefined) throw new AwkFatal(`sort comparison function \`${name}' is not defined`)
  const frame = args.slice(0, f.params.length)
  enter(c, f, frame)
  const saved = rt.frame
  rt.frame = frame
  rt.depth++
  let code: number
  try {
    code = body()
  } finally {
    rt.frame = saved
    rt.depth--
  }
  return finish(c, code)
}

const fatalUndefined = (name: string): never => {
  throw new AwkFatal(`function \`${name}' not defined`)
}
