// Builders for expected syntax trees (without spans) and a span stripper.
import type * as Ast from "../../src/parser/Ast.ts"
import { parseSync } from "../../src/parser/parse.ts"

/** A tree with every `span` removed, for comparisons that ignore positions. */
export const strip = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(strip)
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k !== "span")
        .map(([k, x]) => [k, strip(x)]),
    )
  }
  return v
}

type Part = string | Record<string, unknown>

const part = (p: Part): Record<string, unknown> => (typeof p === "string" ? lit(p) : p)

export const lit = (value: string) => ({ _tag: "Literal", value })
export const w = (...parts: Array<Part>) => ({ _tag: "Word", parts: parts.map(part) })
export const sq = (value: string) => ({ _tag: "SingleQuoted", value })
export const dq = (...parts: Array<Part>) => ({ _tag: "DoubleQuoted", parts: parts.map(part) })
export const esc = (value: string) => ({ _tag: "Escaped", value })
export const tilde = (user = "") => ({ _tag: "Tilde", user })
export const ansi = (value: string, raw: string) => ({ _tag: "AnsiC", value, raw })

/** `${name...}` with the given fields. */
export const param = (name: string, fields: Record<string, unknown> = {}) => ({
  _tag: "ParamExp",
  name,
  braced: true,
  index: null,
  length: false,
  indirect: false,
  op: null,
  ...fields,
})

/** `$name` */
export const dollar = (name: string) => param(name, { braced: false })

/** A body script as the parser gives it for `source` (used for `$(...)` bodies). */
export const body = (source: string) => strip(parseSync(source))

export const cmdsub = (source: string, backtick = false) => ({ _tag: "CommandSub", body: body(source), backtick })
export const arith = (...parts: Array<Part>) => ({ _tag: "ArithExp", expression: w(...parts) })
export const procsub = (direction: "<" | ">", source: string) => ({ _tag: "ProcessSub", direction, body: body(source) })

export const simple = (
  words: Array<string | Record<string, unknown>>,
  more: { assignments?: Array<unknown>; redirects?: Array<unknown> } = {},
) => ({
  _tag: "SimpleCommand",
  assignments: more.assignments ?? [],
  words: words.map((x) => (typeof x === "string" ? w(x) : x)),
  redirects: more.redirects ?? [],
})

export const assign = (name: string, value: unknown, more: { index?: unknown; append?: boolean } = {}) => ({
  _tag: "Assignment",
  name,
  index: more.index ?? null,
  append: more.append ?? false,
  value,
})

export const redirect = (op: Ast.RedirectOp, target: unknown, fd: number | null = null, heredoc: unknown = null) => ({
  _tag: "Redirect",
  fd,
  op,
  target,
  heredoc,
})

export const pipeline = (
  commands: Array<unknown>,
  more: { negated?: boolean; timed?: boolean; pipeStderr?: Array<boolean> } = {},
) => ({
  _tag: "Pipeline",
  negated: more.negated ?? false,
  timed: more.timed ?? false,
  commands,
  pipeStderr: more.pipeStderr ?? commands.slice(1).map(() => false),
})

/** A statement holding one pipeline of the given commands. */
export const stmt = (commands: Array<unknown>, background = false) => ({
  _tag: "Statement",
  andOr: { _tag: "AndOr", first: pipeline(commands), rest: [] },
  background,
})

/** The statements of a script made of one simple command each, e.g. `list(["echo", "a"])`. */
export const list = (...commands: Array<Array<string>>) => commands.map((c) => stmt([simple(c)]))

/** The first command of the first statement. */
export const firstCommand = (source: string): unknown => {
  const script = parseSync(source)
  return strip(script.body[0]?.andOr.first.commands[0])
}

/** The words of the first command (a simple command). */
export const wordsOf = (source: string): unknown => {
  const c = parseSync(source).body[0]?.andOr.first.commands[0]
  if (c?._tag !== "SimpleCommand") throw new Error(`not a simple command: ${source}`)
  return strip(c.words)
}
