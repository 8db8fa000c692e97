import { Effect } from "effect"
import type * as Ast from "../../parser/Ast.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import type { FieldBuilder } from "./fields.ts"
import * as Pattern from "./pattern.ts"
import { describeVar } from "../builtins/declare.ts"
import { quoteForReuse } from "./quote.ts"
import { appendPart, evalArithText, expandPattern, expandReplacement, expandString } from "./word.ts"

/**
 * Parameter expansion: `$x`, `${x}` and every `${...}` operator, on scalars
 * and, element by element, on arrays and the positional parameters.
 */

type E<A> = Effect.Effect<A, Sh.Failure>

/** A parameter's value: one string (maybe unset) or a list of elements (`$@`, `${a[@]}`). */
type Value =
  | { readonly kind: "scalar"; readonly value: string | undefined }
  | { readonly kind: "list"; readonly values: Array<string>; readonly star: boolean }

const validName = /^(?:[A-Za-z_][A-Za-z0-9_]*[*@]?|[0-9]+|[@*#?$!0-])$/

export const expandParam = (sh: Sh.Shell, p: Ast.ParamExp, fb: FieldBuilder, quoted: boolean): E<void> =>
  Effect.gen(function* () {
    if (!validName.test(p.name)) {
      // the parser keeps `${x!y}` and the like as raw text for this runtime error
      yield* Sh.error(sh, `\${${p.name}}: bad substitution`)
      return yield* Effect.fail(new Sh.Fatal({ status: 1, line: true }))
    }
    const base = yield* baseValue(sh, p)
    if (p.length) {
      const n = base.kind === "list" ? base.values.length : textLength(sh, base.value ?? "")
      if (base.kind === "scalar" && base.value === undefined) yield* checkUnset(sh, p)
      fb.expanded(String(n), quoted)
      return
    }
    const op = p.op
    if (op === null) {
      if (isUnset(base)) yield* checkUnset(sh, p)
      return emit(sh, base, fb, quoted)
    }
    if (op.kind === "default") {
      const unsetOrEmpty = isUnset(base) || (op.colon && isEmpty(base))
      switch (op.type) {
        case "-":
          if (unsetOrEmpty) return yield* appendWord(sh, op.word, fb, quoted)
          return emit(sh, base, fb, quoted)
        case "+":
          if (!unsetOrEmpty) return yield* appendWord(sh, op.word, fb, quoted)
          if (quoted) fb.touch()
          return
        case "=": {
          if (!unsetOrEmpty) return emit(sh, base, fb, quoted)
          const value = yield* expandString(sh, op.word)
          const r = Sh.assign(sh, p.name, value, {
            index: typeof p.index === "object" && p.index !== null ? yield* expandString(sh, p.index) : undefined,
          })
          if (!r.ok) {
            yield* Sh.error(sh, r.message)
            return yield* Effect.fail(new Sh.Fatal({ status: 1 }))
          }
          fb.expanded(value, quoted)
          return
        }
        case "?": {
          if (!unsetOrEmpty) return emit(sh, base, fb, quoted)
          const message = yield* expandString(sh, op.word)
          yield* Sh.error(
            sh,
            `${p.name}: ${message === "" ? (op.colon ? "parameter null or not set" : "parameter not set") : message}`,
          )
          return yield* Effect.fail(Sh.expansionFatal())
        }
      }
    }
    if (isUnset(base)) yield* checkUnset(sh, p)
    const transformed = yield* applyOp(sh, op, base, p)
    emit(sh, transformed, fb, quoted)
  })

/** `${#x}` counts characters in a UTF-8 locale and bytes in the C locale, as bash does. */
const textLength = (sh: Sh.Shell, text: string): number => {
  if (isUtf8Locale(sh)) return [...text].length
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return n
}

const isUtf8Locale = (sh: Sh.Shell): boolean => {
  const locale = Sh.getParam(sh, "LC_ALL") || Sh.getParam(sh, "LC_CTYPE") || Sh.getParam(sh, "LANG") || ""
  return /utf-?8/i.test(locale)
}

const isUnset = (v: Value): boolean => (v.kind === "scalar" ? v.value === undefined : false)
const isEmpty = (v: Value): boolean =>
  v.kind === "scalar" ? v.value === "" : v.values.length === 0 || (v.values.length === 1 && v.values[0] === "")

const checkUnset = (sh: Sh.Shell, p: Ast.ParamExp): E<void> =>
  sh.state.options.nounset && p.name !== "@" && p.name !== "*"
    ? Effect.flatMap(Sh.error(sh, `${/^[0-9]+$/.test(p.name) ? "$" : ""}${p.name}: unbound variable`), () =>
        Effect.fail(Sh.expansionFatal()),
      )
    : Effect.void

const appendWord = (sh: Sh.Shell, word: Ast.Word, fb: FieldBuilder, quoted: boolean): E<void> =>
  Effect.gen(function* () {
    if (quoted && word.parts.length === 0) fb.touch()
    for (const part of word.parts) yield* appendPart(sh, part, fb, quoted)
  })

const emit = (sh: Sh.Shell, v: Value, fb: FieldBuilder, quoted: boolean): void => {
  if (v.kind === "scalar") {
    if (v.value !== undefined) fb.expanded(v.value, quoted)
    return
  }
  if (quoted) {
    if (v.star) {
      fb.quoted(v.values.join(Sh.ifsJoiner(sh)))
      return
    }
    v.values.forEach((x, i) => {
      if (i > 0) fb.hardBoundary()
      fb.quoted(x)
    })
    return
  }
  v.values.forEach((x, i) => {
    if (i > 0) fb.softBoundary()
    fb.expanded(x, false)
  })
}

/** The value before any operator: handles `${!x}`, `${!a[@]}`, `${!prefix*}`, subscripts and special names. */
const baseValue = (sh: Sh.Shell, p: Ast.ParamExp): E<Value> =>
  Effect.gen(function* () {
    let name = p.name
    let index = p.index
    if (p.indirect) {
      if (name.endsWith("*") || name.endsWith("@")) {
        const prefix = name.slice(0, -1)
        const names = [...allNames(sh.state)].filter((n) => n.startsWith(prefix)).sort()
        return { kind: "list", values: names, star: name.endsWith("*") }
      }
      if (index === "@" || index === "*") {
        return { kind: "list", values: State.arrayKeys(State.lookup(sh.state, name)), star: index === "*" }
      }
      const target = Sh.getParam(sh, name)
      if (target === undefined) return { kind: "scalar", value: undefined }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(target)
      if (m) {
        name = m[1]!
        index =
          m[2] === "@" || m[2] === "*"
            ? m[2]
            : { _tag: "Word", parts: [{ _tag: "Literal", value: m[2]!, span: p.span }], span: p.span }
      } else name = target
    }
    if (index === "@" || index === "*") {
      return { kind: "list", values: Sh.getArray(sh, name), star: index === "*" }
    }
    if (index !== null) {
      const raw = yield* expandString(sh, index)
      if (name === "FUNCNAME") return { kind: "scalar", value: sh.state.funcNames[Number(raw) || 0] }
      const v = State.lookup(sh.state, name)
      if (v?.value?.kind === "assoc") return { kind: "scalar", value: v.value.values.get(raw) }
      const r = evalArithText(sh, raw === "" ? "0" : raw)
      if ("error" in r) {
        yield* Sh.error(sh, r.error)
        return yield* Effect.fail(Sh.arithFatal())
      }
      let i = Number(r.value)
      if (v?.value?.kind === "indexed") {
        if (i < 0) {
          const keys = [...v.value.values.keys()]
          i = (keys.length === 0 ? 0 : Math.max(...keys) + 1) + i
        }
        return { kind: "scalar", value: v.value.values.get(i) }
      }
      return { kind: "scalar", value: i === 0 || i === -1 ? State.scalarValue(v) : undefined }
    }
    if (name === "@" || name === "*") {
      return { kind: "list", values: [...sh.state.positional], star: name === "*" }
    }
    return { kind: "scalar", value: Sh.getParam(sh, name) }
  })

const allNames = (s: State.ShellState): Set<string> => {
  const names = new Set(s.globals.keys())
  for (const scope of s.scopes) for (const k of scope.keys()) names.add(k)
  return names
}

/** nocasematch applies to `${x/p/r}` only, not to `#`/`%` removal. */
const patternOptions = (sh: Sh.Shell) => ({ extglob: sh.state.shopt.extglob })

/** Apply a non-default operator to every element. */
const applyOp = (sh: Sh.Shell, op: Ast.ParamOp, v: Value, p: Ast.ParamExp): E<Value> =>
  Effect.gen(function* () {
    if (op.kind === "substring") {
      return yield* substring(sh, op, v, p)
    }
    if (op.kind === "transform" && op.op === "A") return { kind: "scalar", value: assignmentForm(sh, p.name, v) }
    const f = yield* elementFunction(sh, op)
    if (v.kind === "scalar")
      return {
        kind: "scalar",
        value: v.value === undefined ? (op.kind === "transform" ? undefined : f("")) : f(v.value),
      }
    return { kind: "list", values: v.values.map(f), star: v.star }
  })

const elementFunction = (sh: Sh.Shell, op: Ast.ParamOp): E<(s: string) => string> =>
  Effect.gen(function* () {
    const opts = patternOptions(sh)
    switch (op.kind) {
      case "removePrefix": {
        const pat = yield* expandPattern(sh, op.pattern)
        return (s) => Pattern.removePrefix(s, pat, op.longest, opts)
      }
      case "removeSuffix": {
        const pat = yield* expandPattern(sh, op.pattern)
        return (s) => Pattern.removeSuffix(s, pat, op.longest, opts)
      }
      case "replace": {
        const pat = yield* expandPattern(sh, op.pattern)
        const replacement = op.replacement === null ? "" : yield* expandReplacement(sh, op.replacement)
        const replaceOpts = { ...opts, nocase: sh.state.shopt.nocasematch, patsubReplacement: true }
        return (s) => Pattern.replace(s, pat, replacement, op.mode, replaceOpts)
      }
      case "case": {
        const pat = op.pattern === null ? "?" : yield* expandPattern(sh, op.pattern)
        const upper = op.op.startsWith("^")
        const all = op.op.length === 2
        return (s) => {
          let out = ""
          let first = true
          for (const c of s) {
            if ((all || first) && Pattern.matches(pat, c, opts)) out += upper ? c.toUpperCase() : c.toLowerCase()
            else out += c
            first = false
          }
          return out
        }
      }
      case "transform":
        return transform(op.op)
      case "default":
      case "substring":
        return (s) => s
    }
  })

/** `${x@A}`: an assignment that recreates the variable. */
const assignmentForm = (sh: Sh.Shell, name: string, v: Value): string | undefined => {
  const variable = State.lookup(sh.state, name)
  if (variable === undefined || variable.value === undefined) return undefined
  if (
    v.kind === "scalar" &&
    variable.value.kind === "scalar" &&
    !variable.exported &&
    !variable.readonly &&
    !variable.integer
  ) {
    return `${name}=${quoteForReuse(v.value ?? "")}`
  }
  return describeVar(name, variable)
}

const transform = (op: string): ((s: string) => string) => {
  switch (op) {
    case "Q":
      return quoteForReuse
    case "U":
      return (s) => s.toUpperCase()
    case "u":
      return (s) => (s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1))
    case "L":
      return (s) => s.toLowerCase()
    case "E":
      return (s) => s.replace(/\\(n|t|r|\\|'|"|a|b|e|f|v)/g, (_m, c: string) => escapes[c] ?? c)
    default:
      return (s) => s
  }
}

const escapes: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  "\\": "\\",
  "'": "'",
  '"': '"',
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  v: "\v",
}

const substring = (
  sh: Sh.Shell,
  op: Extract<Ast.ParamOp, { kind: "substring" }>,
  v: Value,
  p: Ast.ParamExp,
): E<Value> =>
  Effect.gen(function* () {
    const num = (w: Ast.Word) =>
      Effect.gen(function* () {
        const text = yield* expandString(sh, w)
        const r = evalArithText(sh, text === "" ? "0" : text)
        if ("error" in r) {
          yield* Sh.error(sh, r.error)
          return yield* Effect.fail(Sh.arithFatal())
        }
        return Number(r.value)
      })
    const offset = yield* num(op.offset)
    const length = op.length === null ? null : yield* num(op.length)
    if (v.kind === "scalar") {
      const chars = [...(v.value ?? "")]
      const r = slice(chars, offset, length)
      if (r === null) {
        yield* Sh.error(sh, `${length}: substring expression < 0`)
        return yield* Effect.fail(Sh.arithFatal())
      }
      return { kind: "scalar", value: v.value === undefined ? undefined : r.join("") }
    }
    // positional parameters count $0 at offset 0
    const values = p.name === "@" || p.name === "*" ? [sh.state.scriptName, ...v.values] : v.values
    const start = p.name === "@" || p.name === "*" ? offset : offset
    const r = slice(values, start, length)
    if (r === null) {
      yield* Sh.error(sh, `${length}: substring expression < 0`)
      return yield* Effect.fail(Sh.arithFatal())
    }
    return { kind: "list", values: offset === 0 && (p.name === "@" || p.name === "*") ? r : r, star: v.star }
  })

const slice = <A>(items: ReadonlyArray<A>, offset: number, length: number | null): Array<A> | null => {
  const n = items.length
  let start = offset < 0 ? n + offset : offset
  if (start < 0 || start > n) return []
  start = Math.min(start, n)
  if (length === null) return items.slice(start)
  if (length < 0) {
    const end = n + length
    if (end < start) return null
    return items.slice(start, end)
  }
  return items.slice(start, start + length)
}
