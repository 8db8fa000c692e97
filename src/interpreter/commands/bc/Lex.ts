/** bc's lexer: numbers (digits 0-9 and A-Z), names, strings, operators and newlines, with `#` and C comments and backslash-newline continuations. */

/** A token of bc source. */
export interface Token {
  readonly t: "num" | "name" | "str" | "op" | "nl" | "eof"
  readonly v: string
  readonly line: number
}

/** A syntax error at a line. */
export class SyntaxError {
  readonly line: number
  readonly message: string
  constructor(line: number, message = "syntax error") {
    this.line = line
    this.message = message
  }
}

/** Reserved words. */
export const KEYWORDS = new Set([
  "if",
  "else",
  "while",
  "for",
  "break",
  "continue",
  "return",
  "define",
  "auto",
  "quit",
  "halt",
  "print",
  "length",
  "sqrt",
  "scale",
  "ibase",
  "obase",
  "last",
  "limits",
  "warranty",
  "read",
])

const OPS = ["^=", "*=", "/=", "%=", "+=", "-=", "==", "<=", ">=", "!=", "&&", "||", "++", "--"]

/** Split source into tokens; an unterminated string or comment is an error at its line. */
export const tokenize = (src: string): Array<Token> | SyntaxError => {
  const out: Array<Token> = []
  let i = 0
  let line = 1
  while (i < src.length) {
    const c = src[i]
    if (c === "\\" && src[i + 1] === "\n") {
      i += 2
      line++
      continue
    }
    if (c === " " || c === "\t" || c === "\r") {
      i++
      continue
    }
    if (c === "\n") {
      out.push({ t: "nl", v: "\n", line })
      line++
      i++
      continue
    }
    if (c === "#") {
      while (i < src.length && src[i] !== "\n") i++
      continue
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2)
      if (end === -1) return new SyntaxError(line, "comment end not found")
      for (let k = i; k < end; k++) if (src[k] === "\n") line++
      i = end + 2
      continue
    }
    if (c === '"') {
      const end = src.indexOf('"', i + 1)
      if (end === -1) return new SyntaxError(line, "string end not found")
      const text = src.slice(i + 1, end)
      out.push({ t: "str", v: text, line })
      for (const ch of text) if (ch === "\n") line++
      i = end + 1
      continue
    }
    const num = /^(?:[0-9A-Z]+(?:\.[0-9A-Z]*)?|\.[0-9A-Z]+)/.exec(src.slice(i, i + 4096))
    if (num !== null && !(c === "." && !/[0-9A-Z]/.test(src[i + 1] ?? ""))) {
      // Digits may be split by backslash-newlines.
      out.push({ t: "num", v: num[0], line })
      i += num[0].length
      continue
    }
    const name = /^[a-z][a-z0-9_]*/.exec(src.slice(i, i + 256))
    if (name !== null) {
      out.push({ t: "name", v: name[0], line })
      i += name[0].length
      continue
    }
    const two = src.slice(i, i + 2)
    if (OPS.includes(two)) {
      out.push({ t: "op", v: two, line })
      i += 2
      continue
    }
    if ("+-*/%^=<>!(){}[];,.".includes(c)) {
      out.push({ t: "op", v: c, line })
      i++
      continue
    }
    return new SyntaxError(line, `illegal character: ${c}`)
  }
  out.push({ t: "eof", v: "", line })
  return out
}
