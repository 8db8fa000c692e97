import { Effect } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { type Compiled, compileList } from "./compile.ts"
import * as Pattern from "./expand/pattern.ts"
import { arithmetic, evalArithText, expandPattern, expandString, expandWords } from "./expand/word.ts"
import * as Limits from "./Limits.ts"
import * as Sh from "./Shell.ts"
import * as State from "./State.ts"

/**
 * The compound commands that steer control: `if`, the loops and `case`,
 * and `(( ))`. Loops return `break`/`continue` signals to the right level
 * and stop at the iteration limit.
 */

const condition = (sh: Sh.Shell): Sh.Shell => (sh.errexitOff ? sh : { ...sh, errexitOff: true })

export const compileIf = (node: Ast.If): Compiled => {
  const clauses = node.clauses.map((c) => ({ condition: compileList(c.condition), body: compileList(c.body) }))
  const elseBody = node.elseBody === null ? null : compileList(node.elseBody)
  return (sh) =>
    Effect.gen(function* () {
      for (const c of clauses) {
        const test = yield* c.condition(condition(sh))
        if (Sh.isSignal(test)) return test
        if (test === 0) return yield* c.body(sh)
      }
      return elseBody === null ? 0 : yield* elseBody(sh)
    })
}

/** What a loop does with its body's outcome: keep going, or stop with an outcome. */
const loopControl = (outcome: Sh.Outcome): "next" | Sh.Outcome => {
  if (!Sh.isSignal(outcome)) return "next"
  switch (outcome._tag) {
    case "Break":
      return outcome.levels > 1 ? { _tag: "Break", levels: outcome.levels - 1 } : 0
    case "Continue":
      return outcome.levels > 1 ? { _tag: "Continue", levels: outcome.levels - 1 } : "next"
    default:
      return outcome
  }
}

const tooManyIterations = (sh: Sh.Shell): Sh.Exec =>
  Limits.breach(
    sh.rt.budget,
    "maxLoopIterations",
    `${sh.state.scriptName}: line ${sh.state.lineNo}: loop: more than ${sh.rt.budget.limits.maxLoopIterations} iterations`,
  )

export const compileWhile = (node: Ast.While): Compiled => {
  const cond = compileList(node.condition)
  const body = compileList(node.body)
  return (sh) =>
    Effect.gen(function* () {
      const inLoop: Sh.Shell = { ...sh, loopDepth: sh.loopDepth + 1 }
      let status = 0
      let iterations = 0
      while (true) {
        const test = yield* cond(condition(inLoop))
        if (Sh.isSignal(test)) {
          const c = loopControl(test)
          if (c === "next") continue
          return c === 0 ? status : c
        }
        if ((test === 0) === node.until) return status
        if (++iterations > sh.rt.budget.limits.maxLoopIterations) return yield* tooManyIterations(sh)
        const outcome = yield* body(inLoop)
        const c = loopControl(outcome)
        if (c !== "next") return c
        status = Sh.isSignal(outcome) ? 0 : outcome
        if (iterations % 1024 === 0) yield* Effect.yieldNow
      }
    })
}

export const compileFor = (node: Ast.For): Compiled => {
  const body = compileList(node.body)
  return (sh) =>
    Effect.gen(function* () {
      if (!State.isName(node.variable)) {
        yield* Sh.error(sh, `\`${node.variable}': not a valid identifier`)
        return 1
      }
      const items = node.words === null ? [...sh.state.positional] : yield* expandWords(sh, node.words)
      const inLoop: Sh.Shell = { ...sh, loopDepth: sh.loopDepth + 1 }
      let status = 0
      let iterations = 0
      for (const item of items) {
        const r = Sh.assign(sh, node.variable, item)
        if (!r.ok) {
          yield* Sh.error(sh, r.message)
          return 1
        }
        if (++iterations > sh.rt.budget.limits.maxLoopIterations) return yield* tooManyIterations(sh)
        const outcome = yield* body(inLoop)
        const c = loopControl(outcome)
        if (c !== "next") return c
        status = Sh.isSignal(outcome) ? 0 : outcome
        if (iterations % 1024 === 0) yield* Effect.yieldNow
      }
      return status
    })
}

/** Arithmetic text known at compile time (no expansions in it), else null. */
const literalArith = (w: Ast.Word): string | null =>
  w.parts.every((p) => p._tag === "Literal") ? w.parts.map((p) => (p._tag === "Literal" ? p.value : "")).join("") : null

/** Evaluate an arithmetic word; literal text skips word expansion (the hot path of `for ((;;))`). */
const arithValue = (sh: Sh.Shell, w: Ast.Word, literal: string | null): Effect.Effect<string, Sh.Failure> => {
  if (literal === null) return arithmetic(sh, w)
  const r = evalArithText(sh, literal)
  return "error" in r ? arithmetic(sh, w) : Effect.succeed(r.value.toString())
}

export const compileArithFor = (node: Ast.ArithFor): Compiled => {
  const body = compileList(node.body)
  const isEmpty = (w: Ast.Word) => w.parts.every((p) => p._tag === "Literal" && p.value.trim() === "")
  const testText = literalArith(node.test)
  const updateText = literalArith(node.update)
  return (sh) =>
    Effect.gen(function* () {
      if (!isEmpty(node.init)) yield* arithmetic(sh, node.init)
      const inLoop: Sh.Shell = { ...sh, loopDepth: sh.loopDepth + 1 }
      let status = 0
      let iterations = 0
      while (true) {
        if (!isEmpty(node.test) && (yield* arithValue(sh, node.test, testText)) === "0") return status
        if (++iterations > sh.rt.budget.limits.maxLoopIterations) return yield* tooManyIterations(sh)
        const outcome = yield* body(inLoop)
        const c = loopControl(outcome)
        if (c !== "next") return c
        status = Sh.isSignal(outcome) ? 0 : outcome
        if (!isEmpty(node.update)) yield* arithValue(sh, node.update, updateText)
        if (iterations % 1024 === 0) yield* Effect.yieldNow
      }
    })
}

export const compileCase = (node: Ast.Case): Compiled => {
  const items = node.items.map((item) => ({ item, body: compileList(item.body) }))
  return (sh) =>
    Effect.gen(function* () {
      const word = yield* expandString(sh, node.word)
      const opts = { extglob: sh.state.shopt.extglob, nocase: sh.state.shopt.nocasematch }
      let status = 0
      let fallthrough = false
      for (let i = 0; i < items.length; i++) {
        const { item, body } = items[i]!
        let matched = fallthrough
        if (!matched) {
          for (const p of item.patterns) {
            if (Pattern.matches(yield* expandPattern(sh, p), word, opts)) {
              matched = true
              break
            }
          }
        }
        if (!matched) continue
        const outcome = yield* body(sh)
        if (Sh.isSignal(outcome)) return outcome
        status = outcome
        if (item.terminator === ";;") return status
        fallthrough = item.terminator === ";&"
      }
      return status
    })
}

export const arithCommand = (sh: Sh.Shell, expression: Ast.Word): Sh.Exec =>
  Effect.gen(function* () {
    const text = yield* expandString(sh, expression)
    const r = evalArithText(sh, text)
    if ("error" in r) {
      yield* Sh.error(sh, `((: ${r.error}`)
      return 1
    }
    return r.value === 0n ? 1 : 0
  })
