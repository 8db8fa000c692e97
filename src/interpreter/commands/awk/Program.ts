import type * as Ast from "./Ast.ts"
import { eachInStmt } from "./Analysis.ts"
import { SyntaxError } from "./Lexer.ts"
import { Parser } from "./Parser.ts"

/**
 * Parse every program source (`-f` files, `-e` texts, or the program
 * operand) into one program, and word errors as gawk does:
 *
 *     awk: cmd. line:1: {print $1
 *     awk: cmd. line:1:          ^ unexpected newline or end of string
 */

/** One program source: `cmd. line` or a file name, and its text (latin1). */
export interface Source {
  readonly name: string
  readonly text: string
}

/** Line numbers of source `i` are offset by i * LINE_BASE so one number says where. */
const LINE_BASE = 1_000_000

/** `cmd. line:3` for an encoded line. */
export const where = (sources: ReadonlyArray<Source>, line: number): string => {
  const src = sources[Math.floor(line / LINE_BASE)]
  return `${src?.name ?? "cmd. line"}:${line % LINE_BASE}`
}

/** A parsed program, or gawk's report of why not. */
export type ParseResult =
  | { readonly ok: true; readonly program: Ast.Program; readonly warnings: ReadonlyArray<string> }
  /** `status` 1 for syntax errors, 2 for fatal ones (an undefined function). */
  | { readonly ok: false; readonly message: string; readonly status: number; readonly warnings: ReadonlyArray<string> }

/** gawk's two-line report of a syntax error at a source offset. */
const syntaxReport = (prog: string, source: Source, index: number, e: SyntaxError): string => {
  const src = source.text
  const local = e.line % LINE_BASE
  if (e.pos < 0) return `${prog}: ${source.name}:${local}: ${e.message}\n`
  let pos = e.pos
  let line = local
  const atEnd = pos >= src.length
  if (atEnd) pos = src.endsWith("\n") ? src.length - 1 : src.length
  if (!atEnd && src[pos] === "\n") line++
  if (atEnd) line = src.slice(0, pos).split("\n").length
  const start = src.lastIndexOf("\n", pos - 1) + 1
  let end = src.indexOf("\n", pos)
  if (end === -1 || src[pos] === "\n") end = src[pos] === "\n" ? pos : src.length
  const text = src.slice(start, end)
  const pad = src.slice(start, pos).replace(/[^\t]/g, " ")
  const head = `${prog}: ${source.name}:${line}: `
  void index
  return `${head}${text}\n${head}${pad}^ ${e.message}\n`
}

/** Parse all sources. */
export const parseSources = (prog: string, sources: ReadonlyArray<Source>): ParseResult => {
  try {
    return parseAll(prog, sources)
  } catch (e) {
    if (!(e instanceof RangeError)) throw e
    return { ok: false, message: `${prog}: fatal: program nested too deeply\n`, status: 2, warnings: [] }
  }
}

const parseAll = (prog: string, sources: ReadonlyArray<Source>): ParseResult => {
  const rules: Array<Ast.Rule> = []
  const funcs = new Map<string, Ast.Func>()
  const calls: Array<{ readonly name: string; readonly args: number; readonly line: number }> = []
  const warnings: Array<string> = []
  for (let i = 0; i < sources.length; i++) {
    const source = sources[i]
    let p: Parser
    try {
      p = new Parser(source.text, i * LINE_BASE)
      p.parseProgram()
    } catch (e) {
      if (e instanceof SyntaxError) {
        return { ok: false, message: syntaxReport(prog, source, i, e), status: 1, warnings }
      }
      throw e
    }
    for (const w of p.warnings) warnings.push(`${prog}: ${where(sources, w.line)}: warning: ${w.message}\n`)
    for (const [name, f] of p.funcs) {
      if (funcs.has(name)) {
        return {
          ok: false,
          message: `${prog}: ${where(sources, f.line)}: error: function name \`${name}' previously defined\n`,
          status: 1,
          warnings,
        }
      }
      funcs.set(name, f)
    }
    rules.push(...p.rules)
    calls.push(...p.callSites)
  }
  // Semantic checks gawk makes once the whole program is read.
  for (const r of rules) {
    if ((r.pattern.k === "begin" || r.pattern.k === "end") && r.action !== undefined) {
      let bad: Ast.Stmt | undefined
      eachInStmt(
        r.action,
        () => {},
        (s) => {
          if ((s.k === "next" || s.k === "nextfile") && bad === undefined) bad = s
        },
      )
      if (bad !== undefined && bad.k !== "expr") {
        const what = r.pattern.k === "begin" ? "BEGIN" : "END"
        return {
          ok: false,
          message: `${prog}: ${where(sources, bad.line)}: error: \`${bad.k}' used in ${what} action\n`,
          status: 1,
          warnings,
        }
      }
    }
  }
  for (const call of calls) {
    const f = funcs.get(call.name)
    if (f === undefined) {
      return {
        ok: false,
        message: `${prog}: ${where(sources, call.line)}: fatal: function \`${call.name}' not defined\n`,
        status: 2,
        warnings,
      }
    }
    if (call.args > f.params.length) {
      warnings.push(
        `${prog}: ${where(sources, call.line)}: warning: function \`${call.name}' called with more arguments than declared\n`,
      )
    }
  }
  return { ok: true, program: { rules, funcs }, warnings }
}
