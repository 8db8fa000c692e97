import { Data, Effect } from "effect"
import type * as Ast from "./Ast.ts"
import * as Grammar from "./grammar.js"
import type { Diag } from "./grammar.js"

/**
 * A syntax error, worded as bash words it (`syntax error near unexpected
 * token `fi'`). `line` is the line bash reports, `column` the 1-based column
 * of the offending token. `incomplete` is true when the text ended inside an
 * unfinished construct (an open quote, `if` without `fi`, a trailing `|`): an
 * interactive shell then reads more lines.
 */
export class ParseError extends Data.TaggedError("ParseError")<{
  readonly message: string
  readonly line: number
  readonly column: number
  readonly incomplete: boolean
}> {}

/** Parse a script. */
export const parse = (source: string): Effect.Effect<Ast.Script, ParseError> =>
  Effect.suspend(() => {
    const result = attempt(source)
    return result.ok ? Effect.succeed(result.script) : Effect.fail(result.error)
  })

/** Parse a script outside Effect; throws `ParseError` (and nothing else). */
export const parseSync = (source: string): Ast.Script => {
  const result = attempt(source)
  if (result.ok) return result.script
  throw result.error
}

/**
 * True when `source` needs more lines before it can run: it fails with an
 * incomplete `ParseError`, or it parses but ends inside a here-document or
 * after a line-continuing backslash (bash would accept those at end of file).
 */
export const isIncomplete = (source: string): boolean => {
  const result = attempt(source)
  return result.ok ? result.diag.unterminatedHereDoc || result.diag.trailingBackslash : result.error.incomplete
}

type Attempt =
  | { readonly ok: true; readonly script: Ast.Script; readonly diag: Diag }
  | { readonly ok: false; readonly error: ParseError }

const newDiag = (): Diag => ({ eof: [], unterminatedHereDoc: false, trailingBackslash: false })

const attempt = (source: string): Attempt => {
  const diag = newDiag()
  try {
    return { ok: true, script: Grammar.parse(source, { diag }), diag }
  } catch (e) {
    return { ok: false, error: toParseError(e, source, diag) }
  }
}

const toParseError = (e: unknown, root: string, diag: Diag): ParseError => {
  if (e instanceof Grammar.SyntaxError) {
    const d = describe(e, { source: root, mode: "script", base: 0, diag }, root)
    const { line, column } = position(root, d.offset)
    return new ParseError({ message: d.message, line: d.line ?? line, column, incomplete: d.incomplete })
  }
  // Only a pathological nesting depth gets here (the call stack runs out).
  const message = e instanceof RangeError ? "syntax error: nesting too deep" : `syntax error: ${String(e)}`
  return new ParseError({ message, line: 1, column: 1, incomplete: false })
}

interface Text {
  readonly source: string
  readonly mode: "script" | "heredoc"
  /** Offset of `source` in the outermost text. */
  readonly base: number
  readonly diag: Diag
}

interface Description {
  readonly message: string
  /** Absolute offset the error points at. */
  readonly offset: number
  /** The line to report when it is not the line of `offset`. */
  readonly line?: number
  readonly incomplete: boolean
}

/** Turn a peggy failure into bash's wording, from the token at the failure position. */
const describe = (e: Grammar.SyntaxError, text: Text, root: string): Description => {
  if (e.sub !== undefined) {
    const { error, ...nested } = e.sub
    return { ...describe(error, nested, root), incomplete: false }
  }
  const pos = e.location.start.offset
  const offset = text.base + pos
  const outermost = text.base === 0
  const eofLine = position(root, text.base + text.source.length).line + (text.source.endsWith("\n") ? 0 : 1)
  if (e.expected === null) {
    // `[[ a &&` at the end: bash names the end itself, on the line after the last.
    return { message: e.message, offset, incomplete: false, ...(e.message.includes("`EOF'") ? { line: eofLine } : {}) }
  }
  if (pos < text.source.length) {
    return { message: `syntax error near unexpected token \`${tokenAt(text.source, pos)}'`, offset, incomplete: false }
  }
  const opener = text.diag.eof[0]
  if (opener !== undefined) return unclosed(opener, root, eofLine, outermost)
  if (text.source.endsWith("\n"))
    return { message: "syntax error: unexpected end of file", offset, line: eofLine, incomplete: outermost }
  // bash -c sees a newline before the end of input: when a newline is not
  // acceptable here, that newline is the unexpected token.
  const diag = newDiag()
  try {
    Grammar.parse(text.source + "\n", { mode: text.mode, diag })
  } catch (again) {
    if (again instanceof Grammar.SyntaxError && again.sub === undefined) {
      if (again.expected === null) return { message: again.message, offset, incomplete: false }
      if (again.location.start.offset === pos) {
        return { message: "syntax error near unexpected token `newline'", offset, incomplete: false }
      }
      const first = diag.eof[0]
      if (first !== undefined) return unclosed(first, root, eofLine, outermost)
    }
  }
  return { message: "syntax error: unexpected end of file", offset, line: eofLine, incomplete: outermost }
}

const unclosed = (opener: Diag["eof"][number], root: string, eofLine: number, outermost: boolean): Description => ({
  message:
    opener.close === "]]"
      ? "unexpected EOF while looking for `]]'"
      : `unexpected EOF while looking for matching \`${opener.close}'`,
  offset: opener.offset,
  line: opener.kind === "eof" ? eofLine : position(root, opener.offset).line,
  incomplete: outermost,
})

/** bash's operator tokens, longest first. */
const OPERATORS = ";;& ;; ;& ; && &>> &> & || |& | <<< <<- << <& <> < >> >& >| > ( )".split(" ")

/** The token bash would name at `pos`: an operator, `newline`, or a word. */
const tokenAt = (source: string, pos: number): string => {
  if (source[pos] === "\n") return "newline"
  const op = OPERATORS.find((o) => source.startsWith(o, pos))
  if (op !== undefined) return op
  const word = /^(?:[^\s;&|()<>"'\\]|\\.|"(?:[^"\\]|\\.)*"|'[^']*')+/s.exec(source.slice(pos))
  return word !== null ? word[0] : (source[pos] ?? "")
}

/** 1-based line and column of an offset. */
const position = (source: string, offset: number): { line: number; column: number } => {
  let line = 1
  let lineStart = 0
  for (let i = source.indexOf("\n"); i >= 0 && i < offset; i = source.indexOf("\n", i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
