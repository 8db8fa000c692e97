import { Effect } from "effect"
import type * as Ast from "../../parser/Ast.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import * as Arith from "./arith.ts"
import * as Pattern from "./pattern.ts"
import { expandBraces } from "./braces.ts"
import { type Field, FieldBuilder } from "./fields.ts"
import * as Glob from "./glob.ts"
import { expandParam } from "./param.ts"
import { commandSubstitution, processSubstitution } from "./substitution.ts"

/**
 * Word expansion in bash's order: braces, then tilde, parameters, command
 * substitution and arithmetic (left to right), then field splitting,
 * pathname expansion and quote removal.
 */

type E<A> = Effect.Effect<A, Sh.Failure>

/** Expand words into the argument list of a command. */
export const expandWords = (sh: Sh.Shell, words: ReadonlyArray<Ast.Word>): E<Array<string>> =>
  Effect.gen(function* () {
    const out: Array<string> = []
    for (const word of words) {
      // fast path: a plain literal word with nothing to expand
      if (word.parts.length === 1) {
        const p = word.parts[0]!
        if (p._tag === "SingleQuoted") {
          out.push(p.value)
          continue
        }
        if (p._tag === "Literal" && isPlain(p.value)) {
          out.push(p.value)
          continue
        }
      }
      for (const variant of braceVariants(word)) {
        const fields = yield* expandToFields(sh, variant, ifsOf(sh))
        for (const f of fields) {
          if (f.glob && !sh.state.options.noglob) {
            const matches = yield* globField(sh, f)
            if (matches === null) return yield* Effect.fail(new Sh.Fatal({ status: 1, line: true }))
            out.push(...matches)
          } else out.push(f.text)
        }
      }
    }
    return out
  })

const isPlain = (s: string): boolean => !/[*?[{~\]@!+]/.test(s)

/** The word's parts after brace expansion (one variant when there are no braces). */
const braceVariants = (word: Ast.Word): Array<ReadonlyArray<Ast.WordPart>> => {
  if (!word.parts.some((p) => p._tag === "Literal" && p.value.includes("{"))) return [word.parts]
  const items: Array<string | Ast.WordPart> = word.parts.map((p) => (p._tag === "Literal" ? p.value : p))
  const isText = (x: string | Ast.WordPart): x is string => typeof x === "string"
  return expandBraces(items, isText).map((variant) =>
    variant.map((x): Ast.WordPart => (typeof x === "string" ? { _tag: "Literal", value: x, span: word.span } : x)),
  )
}

const ifsOf = (sh: Sh.Shell): string => {
  const v = State.lookup(sh.state, "IFS")
  return v === undefined ? " \t\n" : (State.scalarValue(v) ?? "")
}

/** Pathname expansion of one field; null when `failglob` rejects it. */
const globField = (sh: Sh.Shell, f: Field): E<Array<string> | null> =>
  Effect.gen(function* () {
    const opts = sh.state.shopt
    const matches = yield* Glob.glob(f.pattern, sh.state.cwd, sh.rt.ns, {
      dotglob: opts.dotglob,
      globstar: opts.globstar,
      extglob: opts.extglob,
      nocaseglob: opts.nocaseglob,
    })
    const ignore = Sh.getParam(sh, "GLOBIGNORE")
    const kept = ignore ? matches.filter((m) => !ignored(m, ignore)) : matches
    if (kept.length > 0) return kept
    if (opts.nullglob) return []
    if (opts.failglob) {
      yield* Sh.error(sh, `no match: ${f.text}`)
      return null
    }
    return [f.text]
  })

/** GLOBIGNORE: colon-separated patterns whose matches pathname expansion drops (with `.` and `..`). */
const ignored = (path: string, globIgnore: string): boolean => {
  const base = path.slice(path.lastIndexOf("/") + 1)
  if (base === "." || base === "..") return true
  return globIgnore.split(":").some((p) => p !== "" && Pattern.matches(p, path, { pathname: true, dotglob: true }))
}

/** Expand parts into fields (no brace expansion, no globbing). `ifs` null: no splitting. */
export const expandToFields = (sh: Sh.Shell, parts: ReadonlyArray<Ast.WordPart>, ifs: string | null): E<Array<Field>> =>
  Effect.gen(function* () {
    const fb = new FieldBuilder(ifs)
    for (const part of parts) yield* appendPart(sh, part, fb, false)
    return fb.finish()
  })

/** Expand a word to one string, without splitting or globbing (assignments, here-strings, `case` words). */
export const expandString = (sh: Sh.Shell, word: Ast.Word): E<string> =>
  Effect.map(expandOne(sh, word.parts), (f) => f.text)

/** Expand a word to a shell pattern: quoted characters escaped, unquoted ones live. */
export const expandPattern = (sh: Sh.Shell, word: Ast.Word): E<string> =>
  Effect.map(expandOne(sh, word.parts), (f) => f.pattern)

/** Expand a word to a regular expression: quoted text matches literally (`[[ x =~ "a.b" ]]`). */
export const expandRegex = (sh: Sh.Shell, word: Ast.Word): E<string> =>
  Effect.map(expandOne(sh, word.parts, escapeRegex), (f) => f.pattern)

/**
 * Expand the replacement of `${x/p/r}`: bash 5.2 (patsub_replacement) makes
 * an unquoted `&` the matched text, so quoted parts are escaped.
 */
export const expandReplacement = (sh: Sh.Shell, word: Ast.Word): E<string> =>
  Effect.map(expandOne(sh, word.parts, Pattern.escapeReplacement), (f) => f.pattern)

const escapeRegex = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => "\\" + c)

const expandOne = (sh: Sh.Shell, parts: ReadonlyArray<Ast.WordPart>, escape?: (text: string) => string): E<Field> =>
  Effect.gen(function* () {
    const fb = new FieldBuilder(null, escape)
    for (const part of parts) yield* appendPart(sh, part, fb, false)
    return fb.finishOne()
  })

/**
 * Expand a redirection target: brace and pathname expansion apply, and more
 * than one result is an "ambiguous redirect" (null).
 */
export const expandRedirectTarget = (sh: Sh.Shell, word: Ast.Word): E<string | null> =>
  Effect.map(expandWords(sh, [word]), (fields) => (fields.length === 1 ? fields[0]! : null))

/** Append one part's expansion to the field builder. */
export const appendPart = (sh: Sh.Shell, part: Ast.WordPart, fb: FieldBuilder, quoted: boolean): E<void> => {
  switch (part._tag) {
    case "Literal":
      if (quoted) fb.quoted(part.value)
      else fb.literal(part.value)
      return Effect.void
    case "SingleQuoted":
    case "AnsiC":
    case "Escaped":
      fb.quoted(part.value)
      return Effect.void
    case "DoubleQuoted":
      return Effect.gen(function* () {
        if (!isOnlyAtExpansion(part)) fb.touch()
        for (const p of part.parts) yield* appendPart(sh, p, fb, true)
      })
    case "Tilde":
      fb.quoted(expandTilde(sh, part.user))
      return Effect.void
    case "ParamExp":
      return expandParam(sh, part, fb, quoted)
    case "CommandSub":
      return Effect.map(commandSubstitution(sh, part.body), (text) => fb.expanded(text, quoted))
    case "ArithExp":
      return Effect.map(arithmetic(sh, part.expression), (n) => fb.expanded(n, quoted))
    case "ProcessSub":
      return Effect.map(processSubstitution(sh, part), (path) => fb.quoted(path))
    case "ArrayLiteral":
      return Effect.map(arrayLiteralText(sh, part), (text) => fb.quoted(text))
  }
}

/**
 * `declare a=(x "y z" [k]=v)`: the declaration builtin gets the elements
 * expanded and re-quoted as `("x" "y z" [k]="v")`, which it splits again.
 */
const arrayLiteralText = (sh: Sh.Shell, lit: Ast.ArrayLiteral): E<string> =>
  Effect.gen(function* () {
    const quote = (s: string) => '"' + s.replace(/["\\]/g, (c) => "\\" + c) + '"'
    const items: Array<string> = []
    for (const e of lit.elements) {
      if (e.index === null) {
        for (const v of yield* expandWords(sh, [e.value])) items.push(quote(v))
      } else {
        items.push(`[${yield* expandString(sh, e.index)}]=${quote(yield* expandString(sh, e.value))}`)
      }
    }
    return `(${items.join(" ")})`
  })

const isOnlyAtExpansion = (dq: Ast.DoubleQuoted): boolean =>
  dq.parts.length > 0 &&
  dq.parts.every((p) => p._tag === "ParamExp" && !p.length && (p.name === "@" || p.index === "@") && p.op === null)

const expandTilde = (sh: Sh.Shell, user: string): string => {
  if (user === "") return Sh.getParam(sh, "HOME") ?? "/"
  if (user === "+") return sh.state.cwd
  if (user === "-") return Sh.getParam(sh, "OLDPWD") ?? "~-"
  return `~${user}`
}

/** Evaluate `$((...))`: expand the text, then evaluate; errors are fatal as in bash. */
export const arithmetic = (sh: Sh.Shell, expression: Ast.Word): E<string> =>
  Effect.gen(function* () {
    const text = yield* expandString(sh, expression)
    const r = Arith.evaluate(text, arithEnv(sh))
    if (!r.ok) {
      yield* Sh.error(sh, r.message)
      return yield* Effect.fail(r.unbound ? Sh.expansionFatal() : Sh.arithFatal())
    }
    return r.value.toString()
  })

/** The variable access arithmetic needs. */
export const arithEnv = (sh: Sh.Shell): Arith.ArithEnv => ({
  get: (name, index) => {
    if (index === undefined) return Sh.getParam(sh, name)
    const v = State.lookup(sh.state, name)
    if (v?.value?.kind === "indexed") return v.value.values.get(Number(index))
    if (v?.value?.kind === "assoc") return v.value.values.get(index)
    return index === "0" ? State.scalarValue(v) : undefined
  },
  set: (name, value, index) => {
    Sh.assign(sh, name, value, { index })
  },
  nounset: sh.state.options.nounset,
})

/** Evaluate arithmetic text directly (`(( ))`, `let`, integer variables): value or bash's message. */
export const evalArithText = (sh: Sh.Shell, text: string): { readonly value: bigint } | { readonly error: string } => {
  const r = Arith.evaluate(text, arithEnv(sh))
  return r.ok ? { value: r.value } : { error: r.message }
}
