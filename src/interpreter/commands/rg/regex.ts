/**
 * Rust regex syntax (what ripgrep takes) translated to a JavaScript RegExp
 * with the `u` flag. Covered: `(?P<name>...)`, leading inline flags
 * `(?imsx)`, `(?i:...)` groups, `\A` `\z`, `\pL` `\p{Greek}`, `\x{263A}`,
 * POSIX classes `[[:alpha:]]`, escaped punctuation that JavaScript's
 * unicode mode refuses (`\#`, `\-`, `\ `), and literal `{` `}` `]` where
 * they cannot be syntax. `\d`, `\w` and `\b` keep JavaScript's ASCII
 * meaning, where Rust's are Unicode-aware.
 */

/** A translated pattern: the JavaScript source and the flags the pattern set inline. */
export interface Translated {
  readonly source: string
  readonly ignoreCase: boolean
  readonly dotAll: boolean
  readonly multiLine: boolean
}

const POSIX: Record<string, string> = {
  alnum: "0-9A-Za-z",
  alpha: "A-Za-z",
  ascii: "\\x00-\\x7F",
  blank: "\\t ",
  cntrl: "\\x00-\\x1F\\x7F",
  digit: "0-9",
  graph: "!-~",
  lower: "a-z",
  print: " -~",
  punct: "!-\\/:-@\\[-`{-~",
  space: "\\t\\n\\v\\f\\r ",
  upper: "A-Z",
  word: "0-9A-Za-z_",
  xdigit: "0-9A-Fa-f",
}

const SYNTAX = new Set("^$\\.*+?()[]{}|/")
const CLASS_SYNTAX = new Set("\\]^-[")
const LETTER_ESCAPES = new Set("dDwWsSbBnrtfv0")

/** Translate a Rust regex; an error message for what cannot be translated. */
export const translate = (pattern: string): Translated | { readonly error: string } => {
  let ignoreCase = false
  let dotAll = false
  let multiLine = false
  let i = 0
  const lead = /^\(\?([imsxU]+)\)/.exec(pattern)
  if (lead !== null) {
    ignoreCase = lead[1].includes("i")
    dotAll = lead[1].includes("s")
    multiLine = lead[1].includes("m")
    i = lead[0].length
  }
  let out = ""
  let inClass = false
  while (i < pattern.length) {
    const c = pattern[i]
    if (c === "\\") {
      const n = pattern[i + 1]
      if (n === undefined) return { error: "incomplete escape sequence, reached end of pattern prematurely" }
      if (n === "A" && !inClass) out += "^"
      else if (n === "z" && !inClass) out += "$"
      else if (n === "x" && pattern[i + 2] === "{") {
        const close = pattern.indexOf("}", i + 3)
        if (close === -1) return { error: "unclosed hexadecimal literal" }
        out += `\\u{${pattern.slice(i + 3, close)}}`
        i = close + 1
        continue
      } else if ((n === "p" || n === "P") && pattern[i + 2] !== "{") {
        out += `\\${n}{${pattern[i + 2] ?? ""}}`
        i += 3
        continue
      } else if (n === "p" || n === "P" || n === "x" || n === "u" || LETTER_ESCAPES.has(n)) out += `\\${n}`
      else if (/[A-Za-z0-9]/.test(n)) return { error: "unrecognized escape sequence" }
      else if (inClass ? CLASS_SYNTAX.has(n) : SYNTAX.has(n)) out += `\\${n}`
      else out += n === "/" ? "\\/" : n
      i += 2
      continue
    }
    if (inClass) {
      if (c === "[" && pattern[i + 1] === ":") {
        const close = pattern.indexOf(":]", i + 2)
        if (close !== -1) {
          let name = pattern.slice(i + 2, close)
          const negate = name.startsWith("^")
          if (negate) name = name.slice(1)
          const set = POSIX[name]
          if (set === undefined) return { error: "invalid character class" }
          if (negate) return { error: "negated POSIX classes are not supported" }
          out += set
          i = close + 2
          continue
        }
      }
      if (c === "]") inClass = false
      if (c === "[") out += "\\["
      else out += c
      i++
      continue
    }
    if (c === "[") {
      inClass = true
      out += "["
      i++
      if (pattern[i] === "^") {
        out += "^"
        i++
      }
      // A `]` first in a class is literal.
      if (pattern[i] === "]") {
        out += "\\]"
        i++
      }
      continue
    }
    if (c === "(" && pattern.startsWith("(?P<", i)) {
      out += "(?<"
      i += 4
      continue
    }
    if (c === "{") {
      const m = /^\{(\d+)(,\d*)?\}/.exec(pattern.slice(i))
      if (m === null || out === "" || /[(|]$/.test(out)) {
        out += "\\{"
        i++
      } else {
        out += m[0]
        i += m[0].length
      }
      continue
    }
    if (c === "}" || c === "]") {
      out += `\\${c}`
      i++
      continue
    }
    if (c === "/") {
      out += "\\/"
      i++
      continue
    }
    out += c
    i++
  }
  if (inClass) return { error: "unclosed character class" }
  return { source: out, ignoreCase, dotAll, multiLine }
}

/** Literal text (`-F`) as regex source. */
export const escapeLiteral = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&")

/** Whether a pattern has an upper-case letter that is not part of an escape (for `-S`). */
export const hasUppercase = (pattern: string): boolean => {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === "\\") {
      i++
      continue
    }
    if (/\p{Lu}/u.test(pattern[i])) return true
  }
  return false
}

/** Where in the pattern an unbalanced parenthesis is, for rg's caret; -1 when balanced. */
export const unbalanced = (pattern: string): { readonly at: number; readonly message: string } | undefined => {
  const open: Array<number> = []
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === "\\") i++
    else if (inClass) {
      if (c === "]") inClass = false
    } else if (c === "[") inClass = true
    else if (c === "(") open.push(i)
    else if (c === ")") {
      if (open.length === 0) return { at: i, message: "unopened group" }
      open.pop()
    }
  }
  return open.length > 0 ? { at: open[open.length - 1], message: "unclosed group" } : undefined
}
