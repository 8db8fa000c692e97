import { Effect } from "effect"
import type * as Ast from "../../parser/Ast.ts"
import { quoteDeclare } from "../expand/quote.ts"
import { evalArithText } from "../expand/word.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import { print as printFunction } from "../../parser/print.ts"
import { fail, make, parseFlags, print } from "./Builtin.ts"

/**
 * `declare`/`typeset`, `local`, `export` and `readonly`: one implementation,
 * since they differ only in which attribute they set and where.
 */

const assignmentPattern = /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=)?([\s\S]*)$/

type Kind = "declare" | "local" | "export" | "readonly"

const run =
  (kind: Kind) =>
  (sh: Sh.Shell, args: ReadonlyArray<string>): Sh.Exec =>
    Effect.gen(function* () {
      const name = kind === "declare" ? "declare" : kind
      const parsed = parseFlags(args, kind === "export" ? "fnp" : kind === "readonly" ? "aApf" : "aAfFgilnprtux")
      if (parsed.bad !== undefined) {
        yield* fail(sh, name, `-${parsed.bad}: invalid option`, 2)
        return 2
      }
      const f = parsed.flags
      if (kind === "local" && sh.state.funcNames.length === 0)
        return yield* fail(sh, "local", "can only be used in a function")
      if (f.has("f") || f.has("F")) return yield* functions(sh, parsed.rest, f.has("F"))
      if (parsed.rest.length === 0 || f.has("p")) return yield* printVars(sh, kind, parsed.rest, f)
      let status = 0
      for (const arg of parsed.rest) {
        const m = assignmentPattern.exec(arg)
        if (m === null || (m[3] === undefined && m[4] !== "")) {
          yield* Sh.error(sh, `${name}: \`${arg}': not a valid identifier`)
          status = 1
          continue
        }
        const varName = m[1]!
        const global = kind === "export" || kind === "readonly" || f.has("g") || sh.state.funcNames.length === 0
        const v = global ? globalVar(sh, varName) : Sh.declareLocal(sh, varName)
        if (v.readonly && (m[3] !== undefined || kind === "local")) {
          yield* Sh.error(sh, `${varName}: readonly variable`)
          status = 1
          continue
        }
        if (f.has("a") && v.value === undefined) v.value = { kind: "indexed", values: new Map() }
        if (f.has("A") && (v.value === undefined || v.value.kind !== "assoc"))
          v.value = { kind: "assoc", values: new Map() }
        if (f.has("i")) v.integer = true
        if (f.has("l")) {
          v.lower = true
          v.upper = false
        }
        if (f.has("u")) {
          v.upper = true
          v.lower = false
        }
        if (f.has("x") || kind === "export") v.exported = !parsed.plus.has("x") && !f.has("n")
        if (parsed.plus.has("x")) v.exported = false
        if (m[3] !== undefined) {
          const value = m[4]!
          const r =
            value.startsWith("(") && value.endsWith(")") && m[2] === undefined
              ? Sh.assignArray(sh, varName, parseArrayLiteral(value.slice(1, -1)), {
                  append: m[3] === "+=",
                  assoc: f.has("A"),
                })
              : assignIn(sh, varName, value, m[2]?.slice(1, -1), m[3] === "+=")
          if (!r.ok) {
            yield* Sh.error(sh, r.message)
            status = 1
          }
        }
        if (f.has("r") || kind === "readonly") v.readonly = true
      }
      return status
    })

const globalVar = (sh: Sh.Shell, name: string): State.Variable => {
  let v = State.lookup(sh.state, name)
  if (v === undefined) {
    v = { value: undefined, exported: false, readonly: false, integer: false, lower: false, upper: false }
    sh.state.globals.set(name, v)
  }
  return v
}

const assignIn = (sh: Sh.Shell, name: string, value: string, index: string | undefined, append: boolean) =>
  Sh.assign(sh, name, value, {
    index,
    append,
    arith: (expr) => evalArith(sh, expr),
  })

const evalArith = (sh: Sh.Shell, expr: string): string | { readonly error: string } => {
  const r = evalArithText(sh, expr)
  return "error" in r ? { error: r.error } : r.value.toString()
}

/** `declare -A m=([k]=v [j]=w)` given as one already-expanded argument. */
const parseArrayLiteral = (text: string): Array<{ key: string | null; value: string }> => {
  const out: Array<{ key: string | null; value: string }> = []
  const re = /(?:\[([^\]]*)\]=)?("(?:[^"\\]|\\.)*"|'[^']*'|\S+)/g
  for (const m of text.matchAll(re)) {
    let value = m[2]!
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1).replace(/\\(.)/g, "$1")
    else if (value.startsWith("'") && value.endsWith("'")) value = value.slice(1, -1)
    out.push({ key: m[1] ?? null, value })
  }
  return out
}

const attributes = (v: State.Variable): string => {
  let a = ""
  if (v.value?.kind === "indexed") a += "a"
  if (v.value?.kind === "assoc") a += "A"
  if (v.integer) a += "i"
  if (v.lower) a += "l"
  if (v.readonly) a += "r"
  if (v.upper) a += "u"
  if (v.exported) a += "x"
  return a === "" ? "--" : "-" + a
}

/** One variable as `declare -p` prints it. */
export const describeVar = (name: string, v: State.Variable): string => {
  const head = `declare ${attributes(v)} ${name}`
  if (v.value === undefined) return head
  switch (v.value.kind) {
    case "scalar":
      return `${head}=${quoteDeclare(v.value.value)}`
    case "indexed":
      return `${head}=(${[...v.value.values.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([k, x]) => `[${k}]=${quoteDeclare(x)}`)
        .join(" ")})`
    case "assoc":
      return `${head}=(${[...v.value.values.entries()].map(([k, x]) => `[${k}]=${quoteDeclare(x)} `).join("")})`
  }
}

const visibleVars = (s: State.ShellState): Array<[string, State.Variable]> => {
  const all = new Map(s.globals)
  for (const scope of s.scopes) for (const [k, v] of scope) all.set(k, v)
  return [...all.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

const printVars = (sh: Sh.Shell, kind: Kind, names: ReadonlyArray<string>, f: Map<string, string | true>): Sh.Exec =>
  Effect.gen(function* () {
    let status = 0
    let out = ""
    if (names.length > 0) {
      for (const n of names) {
        const v = State.lookup(sh.state, n)
        if (v === undefined) {
          yield* Sh.error(sh, `${kind === "local" ? "declare" : kind}: ${n}: not found`)
          status = 1
          continue
        }
        out += describeVar(n, v) + "\n"
      }
    } else {
      for (const [n, v] of visibleVars(sh.state)) {
        if ((kind === "export" || f.has("x")) && !v.exported) continue
        if ((kind === "readonly" || f.has("r")) && !v.readonly) continue
        out += describeVar(n, v) + "\n"
      }
    }
    yield* print(sh, out)
    return status
  })

const functions = (sh: Sh.Shell, names: ReadonlyArray<string>, namesOnly: boolean): Sh.Exec =>
  Effect.gen(function* () {
    const all = names.length > 0 ? names : [...sh.state.functions.keys()].sort()
    let status = 0
    for (const n of all) {
      const fn = sh.state.functions.get(n)
      if (fn === undefined) {
        status = 1
        continue
      }
      if (namesOnly) yield* print(sh, `declare -f ${n}\n`)
      else yield* print(sh, functionSource(fn) + "\n")
    }
    return status
  })

/** A function's source as `declare -f` and `type` print it. */
export const functionSource = (fn: Ast.FunctionDef): string => {
  const span = fn.span
  const pipeline: Ast.Pipeline = {
    _tag: "Pipeline",
    negated: false,
    timed: false,
    pipeStderr: [],
    span,
    commands: [fn],
  }
  const statement: Ast.Statement = {
    _tag: "Statement",
    background: false,
    span,
    andOr: { _tag: "AndOr", first: pipeline, rest: [], span },
  }
  return printFunction({ _tag: "Script", body: [statement], span }).trimEnd()
}

export const declare = make("declare", run("declare"))
export const typeset = make("typeset", run("declare"))
export const local = make("local", run("local"))
export const exportBuiltin = make("export", run("export"), { special: true })
export const readonly = make("readonly", run("readonly"), { special: true })

/** `unset [-v|-f] name...` */
export const unset = make(
  "unset",
  (sh, args) =>
    Effect.gen(function* () {
      const parsed = parseFlags(args, "vfn")
      let status = 0
      for (const arg of parsed.rest) {
        if (parsed.flags.has("f")) {
          sh.state.functions.delete(arg)
          continue
        }
        const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(arg)
        if (m === null) {
          yield* Sh.error(sh, `unset: \`${arg}': not a valid identifier`)
          status = 1
          continue
        }
        if (!parsed.flags.has("v") && m[2] === undefined && State.lookup(sh.state, m[1]!) === undefined) {
          sh.state.functions.delete(m[1]!)
          continue
        }
        const r = Sh.unset(sh, m[1]!, m[2])
        if (!r.ok) {
          yield* Sh.error(sh, `unset: ${r.message}`)
          status = 1
        }
      }
      return status
    }),
  { special: true },
)
