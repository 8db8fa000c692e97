import type * as Ast from "./Ast.ts"
import { format } from "./Builtins.ts"
import type { Compiler } from "./Compiler.ts"
import { BREAK, CONTINUE, EXIT, NEXT, NEXTFILE, NORMAL, RETURN } from "./Runtime.ts"
import type { Exec, RedirectMode, Str } from "./Types.ts"
import { numToStr, UNINIT } from "./Values.ts"

/**
 * Statements to closures returning a completion code. Loops handle BREAK
 * and CONTINUE and pass the other codes up.
 */

/** A print argument as text: numbers through OFMT. */
const printArg = (c: Compiler, e: Ast.Expr): Str => {
  const rt = c.rt
  if (e.k === "field") {
    if (e.index.k === "num") {
      const k = rt.fieldIndex(e.index.value)
      return () => rt.fieldOut(k)
    }
    const idx = c.num(e.index)
    return () => rt.fieldOut(rt.fieldIndex(idx()))
  }
  if (e.k === "group") return printArg(c, e.expr)
  const t = c.type(e)
  if (t === "str") return c.str(e)
  if (t === "num") {
    const n = c.num(e)
    return () => numToStr(n(), rt.ofmt)
  }
  const v = c.val(e)
  return () => rt.out(v())
}

/** The text one print/printf statement writes. */
const printText = (c: Compiler, s: Ast.Print): Str => {
  const rt = c.rt
  if (s.k === "printf") {
    const fmt = c.str(s.args[0])
    const vals = s.args.slice(1).map((a) => c.val(a))
    return () =>
      format(
        c,
        fmt(),
        vals.map((v) => v()),
      )
  }
  if (s.args.length === 0) return () => rt.getRecord() + rt.ors
  const parts = s.args.map((a) => printArg(c, a))
  if (parts.length === 1) {
    const p = parts[0]
    return () => p() + rt.ors
  }
  return () => {
    let out = parts[0]()
    for (let i = 1; i < parts.length; i++) out += rt.ofs + parts[i]()
    return out + rt.ors
  }
}

/** Compile a statement. */
export const compileStmt = (c: Compiler, s: Ast.Stmt): Exec => {
  const rt = c.rt
  const line = s.line
  switch (s.k) {
    case "expr": {
      const f = c.val(s.expr)
      return () => {
        rt.line = line
        f()
        return NORMAL
      }
    }
    case "print":
    case "printf": {
      const text = printText(c, s)
      const io = c.io
      if (s.redirect === undefined) {
        return () => {
          rt.line = line
          io.print(text(), undefined, "")
          return NORMAL
        }
      }
      const mode: RedirectMode = s.redirect.mode
      const target = c.str(s.redirect.target)
      return () => {
        rt.line = line
        const t = text()
        io.print(t, mode, target())
        return NORMAL
      }
    }
    case "if": {
      const test = c.bool(s.test)
      const then = compileStmt(c, s.yes)
      if (s.no === undefined) {
        return () => {
          rt.line = line
          return test() ? then() : NORMAL
        }
      }
      const otherwise = compileStmt(c, s.no)
      return () => {
        rt.line = line
        return test() ? then() : otherwise()
      }
    }
    case "while": {
      const test = c.bool(s.test)
      const body = compileStmt(c, s.body)
      return () => {
        rt.line = line
        while (test()) {
          const r = body()
          if (r !== NORMAL) {
            if (r === BREAK) break
            if (r !== CONTINUE) return r
          }
        }
        return NORMAL
      }
    }
    case "do": {
      const test = c.bool(s.test)
      const body = compileStmt(c, s.body)
      return () => {
        rt.line = line
        do {
          const r = body()
          if (r !== NORMAL) {
            if (r === BREAK) break
            if (r !== CONTINUE) return r
          }
        } while (test())
        return NORMAL
      }
    }
    case "for": {
      const init = s.init === undefined ? undefined : c.val(s.init)
      const test = s.test === undefined ? () => true : c.bool(s.test)
      const step = s.step === undefined ? undefined : c.val(s.step)
      const body = compileStmt(c, s.body)
      return () => {
        rt.line = line
        if (init !== undefined) init()
        for (; test(); step?.()) {
          const r = body()
          if (r !== NORMAL) {
            if (r === BREAK) break
            if (r !== CONTINUE) return r
          }
        }
        return NORMAL
      }
    }
    case "forin": {
      const arr = c.array(s.array, line)
      const place = c.place(s.target)
      const body = compileStmt(c, s.body)
      const keys = c.forInKeys()
      return () => {
        rt.line = line
        for (const k of keys(arr())) {
          place().set(k)
          const r = body()
          if (r !== NORMAL) {
            if (r === BREAK) break
            if (r !== CONTINUE) return r
          }
        }
        return NORMAL
      }
    }
    case "block":
      return block(s.body.map((b) => compileStmt(c, b)))
    case "next":
      return () => NEXT
    case "nextfile":
      return () => NEXTFILE
    case "break":
      return () => BREAK
    case "continue":
      return () => CONTINUE
    case "exit": {
      if (s.value === undefined) return () => EXIT
      const v = c.num(s.value)
      return () => {
        rt.line = line
        rt.exitCode = Math.trunc(v()) & 0xff
        return EXIT
      }
    }
    case "return": {
      if (s.value === undefined) {
        return () => {
          rt.returnValue = UNINIT
          return RETURN
        }
      }
      const v = c.val(s.value)
      return () => {
        rt.line = line
        rt.returnValue = v()
        return RETURN
      }
    }
    case "delete": {
      const arr = c.array(s.name, line)
      if (s.subs === undefined) {
        return () => {
          arr().clear()
          return NORMAL
        }
      }
      const key = c.key(s.subs)
      return () => {
        rt.line = line
        arr().delete(key())
        return NORMAL
      }
    }
  }
}

/** A sequence of statements. */
export const block = (list: ReadonlyArray<Exec>): Exec => {
  switch (list.length) {
    case 0:
      return () => NORMAL
    case 1:
      return list[0]
    case 2: {
      const [a, b] = list
      return () => {
        const r = a()
        return r !== NORMAL ? r : b()
      }
    }
    default:
      return () => {
        for (let i = 0; i < list.length; i++) {
          const r = list[i]()
          if (r !== NORMAL) return r
        }
        return NORMAL
      }
  }
}
