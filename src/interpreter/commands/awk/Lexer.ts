/**
 * The awk tokenizer. Source text is a latin1 string (one code unit per
 * byte of the UTF-8 program), so string constants come out as bytes.
 *
 * A `/` is division or the start of a regex depending on what the parser
 * expects, so the parser asks for `regex()` when an operand may start.
 */

/** A token: `type` is the punctuation itself, a keyword, or a class name. */
export interface Token {
  readonly type: string
  /** Name, string value (escapes done), regex source, or number text. */
  readonly text: string
  readonly value: number
  /** Offset of the first character in the source. */
  readonly pos: number
  readonly line: number
}

/** A lexical or syntax error at a source offset. */
export class SyntaxError {
  readonly message: string
  readonly pos: number
  readonly line: number
  constructor(message: string, pos: number, line: number) {
    this.message = message
    this.pos = pos
    this.line = line
  }
}

const KEYWORDS = new Set([
  "BEGIN",
  "END",
  "BEGINFILE",
  "ENDFILE",
  "function",
  "func",
  "if",
  "else",
  "while",
  "for",
  "do",
  "break",
  "continue",
  "next",
  "nextfile",
  "exit",
  "return",
  "delete",
  "getline",
  "print",
  "printf",
  "in",
])

/** Names of built-in functions (gawk's set, minus the bit and i18n ones we lack). */
const BUILTINS = new Set([
  "length",
  "substr",
  "index",
  "split",
  "sub",
  "gsub",
  "match",
  "sprintf",
  "sin",
  "cos",
  "atan2",
  "exp",
  "log",
  "sqrt",
  "int",
  "rand",
  "srand",
  "tolower",
  "toupper",
  "system",
  "close",
  "fflush",
  "systime",
  "strftime",
  "mktime",
  "gensub",
  "asort",
  "asorti",
  "and",
  "or",
  "xor",
  "lshift",
  "rshift",
  "compl",
  "strtonum",
  "isarray",
  "typeof",
  "patsplit",
])

const PUNCT3 = ["**=", "..."]
const PUNCT2 = [
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "^=",
  "==",
  "<=",
  ">=",
  "!=",
  "++",
  "--",
  "&&",
  "||",
  ">>",
  "!~",
  "**",
  "|&",
]
const PUNCT1 = "{}()[];,+-*/%^!><|?:~$="

const ESCAPES: Record<string, string> = {
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "/": "/",
}

const isDigit = (c: string) => c >= "0" && c <= "9"
const isNameStart = (c: string) => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c === "_"
const isNameChar = (c: string) => isNameStart(c) || isDigit(c)
const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c)

/** Warnings the lexer raises (unknown escapes), reported with their line. */
export interface LexWarning {
  readonly line: number
  readonly message: string
}

/** Expand awk string escapes; `warn` gets unknown ones. */
export const unescape = (s: string, warn?: (message: string) => void): string => {
  if (!s.includes("\\")) return s
  let out = ""
  let i = 0
  while (i < s.length) {
    const c = s[i]
    if (c !== "\\" || i + 1 >= s.length) {
      out += c
      i++
      continue
    }
    const d = s[i + 1]
    i += 2
    if (d in ESCAPES) {
      if (d === "/") warn?.("escape sequence `\\/' treated as plain `/'")
      out += ESCAPES[d]
    } else if (d >= "0" && d <= "7") {
      let v = Number(d)
      for (let n = 0; n < 2 && i < s.length && s[i] >= "0" && s[i] <= "7"; n++) v = v * 8 + Number(s[i++])
      out += String.fromCharCode(v & 0xff)
    } else if (d === "x" && i < s.length && isHex(s[i])) {
      let v = 0
      for (let n = 0; n < 2 && i < s.length && isHex(s[i]); n++) v = v * 16 + parseInt(s[i++], 16)
      out += String.fromCharCode(v)
    } else if (d === "\n") {
      // A backslash-newline inside a string continues it.
    } else {
      warn?.(`escape sequence \`\\${d}' treated as plain \`${d}'`)
      out += d
    }
  }
  return out
}

/** Tokenizes one program source. */
export class Lexer {
  readonly src: string
  pos = 0
  line = 1
  readonly warnings: Array<LexWarning> = []

  constructor(src: string, lineBase = 0) {
    this.src = src
    this.line = lineBase + 1
  }

  private token(type: string, pos: number, line: number, text = "", value = 0): Token {
    return { type, text, value, pos, line }
  }

  /** Skip blanks, comments and backslash-newlines (not newlines). */
  private skip(): void {
    const s = this.src
    while (this.pos < s.length) {
      const c = s[this.pos]
      if (c === " " || c === "\t" || c === "\r") this.pos++
      else if (c === "\\" && s[this.pos + 1] === "\n") {
        this.pos += 2
        this.line++
      } else if (c === "\\" && s[this.pos + 1] === "\r" && s[this.pos + 2] === "\n") {
        this.pos += 3
        this.line++
      } else if (c === "#") {
        while (this.pos < s.length && s[this.pos] !== "\n") this.pos++
      } else break
    }
  }

  /** The next token (a `/` comes back as division; see `regex`). */
  next(): Token {
    this.skip()
    const s = this.src
    const start = this.pos
    const line = this.line
    if (start >= s.length) return this.token("eof", start, line)
    const c = s[start]
    if (c === "\n") {
      this.pos++
      this.line++
      return this.token("newline", start, line)
    }
    if (c === '"') return this.string(start, line)
    if (isDigit(c) || (c === "." && isDigit(s[start + 1] ?? ""))) return this.number(start, line)
    if (isNameStart(c)) {
      let end = start + 1
      while (end < s.length && isNameChar(s[end])) end++
      const name = s.slice(start, end)
      this.pos = end
      if (KEYWORDS.has(name)) return this.token(name === "func" ? "function" : name, start, line, name)
      if (BUILTINS.has(name)) return this.token("builtin", start, line, name)
      return this.token(s[end] === "(" ? "funcname" : "name", start, line, name)
    }
    for (const p of PUNCT3) {
      if (s.startsWith(p, start)) {
        this.pos += 3
        return this.token(p, start, line, p)
      }
    }
    const two = s.slice(start, start + 2)
    if (PUNCT2.includes(two)) {
      this.pos += 2
      return this.token(two, start, line, two)
    }
    this.pos++
    if (PUNCT1.includes(c)) return this.token(c, start, line, c)
    if (c === "@") return this.next()
    return this.token("invalid", start, line, c)
  }

  private string(start: number, line: number): Token {
    const s = this.src
    let i = start + 1
    let raw = ""
    while (true) {
      if (i >= s.length || s[i] === "\n") throw new SyntaxError("unterminated string", start, line)
      const c = s[i]
      if (c === '"') break
      if (c === "\\" && i + 1 < s.length) {
        if (s[i + 1] === "\n") this.line++
        raw += s.slice(i, i + 2)
        i += 2
        continue
      }
      raw += c
      i++
    }
    this.pos = i + 1
    const value = unescape(raw, (message) => this.warnings.push({ line: this.line, message }))
    return this.token("str", start, line, value)
  }

  private number(start: number, line: number): Token {
    const s = this.src
    const hex = /^0[xX][0-9a-fA-F]+/.exec(s.slice(start, start + 40))
    if (hex !== null) {
      this.pos = start + hex[0].length
      return this.token("num", start, line, hex[0], parseInt(hex[0].slice(2), 16))
    }
    let i = start
    while (isDigit(s[i] ?? "")) i++
    if (s[i] === ".") {
      i++
      while (isDigit(s[i] ?? "")) i++
    }
    if ((s[i] === "e" || s[i] === "E") && /^[eE][+-]?[0-9]/.test(s.slice(i, i + 3))) {
      i += 2
      while (isDigit(s[i] ?? "")) i++
    } else if ((s[i] === "e" || s[i] === "E") && /^[eE][+-](?![0-9])/.test(s.slice(i, i + 3))) {
      throw new SyntaxError("syntax error", i + 1, line)
    }
    const text = s.slice(start, i)
    this.pos = i
    let value = Number(text)
    if (/^0[0-7]+$/.test(text)) value = parseInt(text, 8)
    return this.token("num", start, line, text, value)
  }

  /** Re-read a `/` (or `/=`) token at `tok.pos` as a regex literal. */
  regex(tok: Token): Token {
    const s = this.src
    let i = tok.pos + 1
    let raw = ""
    let inBracket = false
    while (true) {
      if (i >= s.length || s[i] === "\n") throw new SyntaxError("unterminated regexp", tok.pos + 1, tok.line)
      const c = s[i]
      if (c === "/" && !inBracket) break
      if (c === "\\" && i + 1 < s.length) {
        if (s[i + 1] === "/") raw += "/"
        else if (s[i + 1] === "\n") this.line++
        else raw += s.slice(i, i + 2)
        i += 2
        continue
      }
      if (c === "[" && !inBracket) {
        inBracket = true
        raw += c
        i++
        // A `]` (after an optional `^`) right after `[` is literal.
        if (s[i] === "^") raw += s[i++]
        if (s[i] === "]") raw += s[i++]
        continue
      }
      if (c === "[" && inBracket && s[i + 1] === ":") {
        const close = s.indexOf(":]", i + 2)
        if (close !== -1) {
          raw += s.slice(i, close + 2)
          i = close + 2
          continue
        }
      }
      if (c === "]" && inBracket) inBracket = false
      raw += c
      i++
    }
    this.pos = i + 1
    return this.token("ere", tok.pos, tok.line, raw)
  }
}
