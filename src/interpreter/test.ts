import { Effect } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { fileTest } from "./commands/test.ts"
import * as Pattern from "./expand/pattern.ts"
import { evalArithText, expandPattern, expandRegex, expandString } from "./expand/word.ts"
import * as Sh from "./Shell.ts"
import * as State from "./State.ts"

/** `[[ expression ]]`: status 0 when true, 1 when false, 2 on an error. */
export const evalTest = (sh: Sh.Shell, expr: Ast.TestExpr): Sh.Exec =>
  Effect.map(evaluate(sh, expr), (r) => (r === "error" ? 2 : r ? 0 : 1))

type R = boolean | "error"

const evaluate = (sh: Sh.Shell, e: Ast.TestExpr): Effect.Effect<R, Sh.Failure> =>
  Effect.gen(function* () {
    switch (e._tag) {
      case "TestAnd": {
        const l = yield* evaluate(sh, e.left)
        if (l !== true) return l
        return yield* evaluate(sh, e.right)
      }
      case "TestOr": {
        const l = yield* evaluate(sh, e.left)
        if (l === true || l === "error") return l
        return yield* evaluate(sh, e.right)
      }
      case "TestNot": {
        const r = yield* evaluate(sh, e.expression)
        return r === "error" ? r : !r
      }
      case "TestGroup":
        return yield* evaluate(sh, e.expression)
      case "TestWord":
        return (yield* expandString(sh, e.word)) !== ""
      case "TestUnary":
        return yield* unary(sh, e.op, e.operand)
      case "TestBinary":
        return yield* binary(sh, e)
    }
  })

const unary = (sh: Sh.Shell, op: string, operand: Ast.Word): Effect.Effect<R, Sh.Failure> =>
  Effect.gen(function* () {
    const value = yield* expandString(sh, operand)
    switch (op) {
      case "-z":
        return value === ""
      case "-n":
        return value !== ""
      case "-v":
        return Sh.isVarSet(sh, value)
      case "-o": {
        return State.isSetOption(value) && sh.state.options[value]
      }
      case "-t":
        return false
      default:
        // an empty name is no file (resolving it would give the working directory)
        return value !== "" && (yield* fileTest(op, Sh.resolvePath(sh, value), sh.rt.ns))
    }
  })

const arithOps: Record<string, (a: bigint, b: bigint) => boolean> = {
  "-eq": (a, b) => a === b,
  "-ne": (a, b) => a !== b,
  "-lt": (a, b) => a < b,
  "-le": (a, b) => a <= b,
  "-gt": (a, b) => a > b,
  "-ge": (a, b) => a >= b,
}

const binary = (sh: Sh.Shell, e: Ast.TestBinary): Effect.Effect<R, Sh.Failure> =>
  Effect.gen(function* () {
    const left = yield* expandString(sh, e.left)
    // bash matches [[ ]] patterns with extglob always on
    const opts = { extglob: true, nocase: sh.state.shopt.nocasematch }
    switch (e.op) {
      case "==":
      case "=":
        return Pattern.matches(yield* expandPattern(sh, e.right), left, opts)
      case "!=":
        return !Pattern.matches(yield* expandPattern(sh, e.right), left, opts)
      case "=~":
        return yield* regexMatch(sh, left, e.right)
      case "<":
        return left < (yield* expandString(sh, e.right))
      case ">":
        return left > (yield* expandString(sh, e.right))
    }
    const right = yield* expandString(sh, e.right)
    const cmp = arithOps[e.op]
    if (cmp !== undefined) {
      const a = evalArithText(sh, left === "" ? "0" : left)
      const b = evalArithText(sh, right === "" ? "0" : right)
      if ("error" in a || "error" in b) {
        yield* Sh.error(sh, "error" in a ? a.error : "error" in b ? b.error : "")
        return "error"
      }
      return cmp(a.value, b.value)
    }
    const l = Sh.resolvePath(sh, left)
    const r = Sh.resolvePath(sh, right)
    const ns = sh.rt.ns
    const [sl, sr] = yield* Effect.all([Effect.option(ns.stat(l)), Effect.option(ns.stat(r))])
    switch (e.op) {
      case "-nt":
        return sl._tag === "Some" && (sr._tag === "None" || sl.value.mtime > sr.value.mtime)
      case "-ot":
        return sr._tag === "Some" && (sl._tag === "None" || sl.value.mtime < sr.value.mtime)
      case "-ef":
        return sl._tag === "Some" && sr._tag === "Some" && l === r
    }
    yield* Sh.error(sh, `conditional binary operator expected`)
    return "error"
  })

/** `=~`: an ERE; quoted parts of the right side match literally. Sets BASH_REMATCH. */
const regexMatch = (sh: Sh.Shell, text: string, right: Ast.Word): Effect.Effect<R, Sh.Failure> =>
  Effect.gen(function* () {
    const pattern = yield* expandRegex(sh, right)
    let re: RegExp
    try {
      re = new RegExp(ereToJs(pattern), sh.state.shopt.nocasematch ? "i" : "")
    } catch {
      return "error"
    }
    const m = re.exec(text)
    if (m === null) {
      Sh.assignArray(sh, "BASH_REMATCH", [])
      return false
    }
    Sh.assignArray(
      sh,
      "BASH_REMATCH",
      [...m].map((g) => ({ key: null, value: g ?? "" })),
    )
    return true
  })

const classes: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "A-Za-z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "A-Za-z0-9_",
}

/**
 * Convert a POSIX ERE to a JavaScript RegExp source: bracket expressions
 * with POSIX classes become JS classes; `\c` stays an escape.
 */
export const ereToJs = (ere: string): string => {
  let out = ""
  let i = 0
  while (i < ere.length) {
    const c = ere[i]!
    if (c === "\\" && i + 1 < ere.length) {
      const next = ere[i + 1]!
      // glibc knows \w \W \s \S \b \B; other escaped letters are themselves
      out += /[A-Za-z0-9]/.test(next) && !"wWsSbB".includes(next) ? next : "\\" + next
      i += 2
      continue
    }
    if (c === "[") {
      let j = i + 1
      let body = ""
      if (ere[j] === "^") {
        body += "^"
        j++
      }
      if (ere[j] === "]") {
        body += "\\]"
        j++
      }
      while (j < ere.length && ere[j] !== "]") {
        if (ere[j] === "[" && ere[j + 1] === ":") {
          const end = ere.indexOf(":]", j + 2)
          if (end > 0) {
            body += classes[ere.slice(j + 2, end)] ?? ""
            j = end + 2
            continue
          }
        }
        if (ere[j] === "\\") body += "\\\\"
        else body += ere[j]
        j++
      }
      out += `[${body}]`
      i = j + 1
      continue
    }
    out += c
    i++
  }
  return out
}
