/**
 * GNU regex syntaxes (`find -regextype`) translated to JavaScript RegExps
 * that match a whole string. Matching happens on byte strings (one UTF-16
 * unit per UTF-8 byte), as glibc matches in the C locale: `.` is one byte.
 */

/** The syntax bits of glibc's `RE_SYNTAX_*` that change how a pattern reads. */
export interface Syntax {
  /** `\(` `\)` group (else `(` `)`). */
  readonly bkParens: boolean
  /** `\|` alternates (else `|`); `vbar` false: no alternation at all. */
  readonly bkVbar: boolean
  readonly vbar: boolean
  /** `\+` `\?` are operators (else `+` `?`); `plusQm` false: neither. */
  readonly bkPlusQm: boolean
  readonly plusQm: boolean
  /** Intervals exist; `bkBraces`: written `\{` `\}`. */
  readonly intervals: boolean
  readonly bkBraces: boolean
  /** `[[:alpha:]]` classes inside brackets. */
  readonly charClasses: boolean
  /** `^` `$` `*` are special anywhere (ERE), not only in anchoring positions. */
  readonly contextIndep: boolean
  /** `.` matches a newline. */
  readonly dotNewline: boolean
  /** A range whose end sorts before its start is an error (else it matches nothing). */
  readonly noEmptyRanges: boolean
}

const EMACS: Syntax = {
  bkParens: true,
  bkVbar: true,
  vbar: true,
  bkPlusQm: false,
  plusQm: true,
  intervals: false,
  bkBraces: true,
  charClasses: false,
  contextIndep: false,
  dotNewline: false,
  noEmptyRanges: false,
}
const BASIC: Syntax = {
  ...EMACS,
  bkPlusQm: true,
  intervals: true,
  charClasses: true,
  dotNewline: true,
  noEmptyRanges: true,
}
const MINIMAL_BASIC: Syntax = { ...BASIC, plusQm: false, vbar: false }
const EXTENDED: Syntax = {
  bkParens: false,
  bkVbar: false,
  vbar: true,
  bkPlusQm: false,
  plusQm: true,
  intervals: true,
  bkBraces: false,
  charClasses: true,
  contextIndep: true,
  dotNewline: true,
  noEmptyRanges: true,
}

/** The names `-regextype` accepts, in the order GNU find lists them. */
export const REGEX_TYPES: ReadonlyArray<readonly [string, Syntax]> = [
  ["findutils-default", { ...EMACS, dotNewline: true }],
  ["ed", BASIC],
  ["emacs", EMACS],
  ["gnu-awk", EXTENDED],
  ["grep", { ...BASIC, dotNewline: true }],
  ["posix-awk", EXTENDED],
  ["awk", EXTENDED],
  ["posix-basic", BASIC],
  ["posix-egrep", EXTENDED],
  ["egrep", EXTENDED],
  ["posix-extended", EXTENDED],
  ["posix-minimal-basic", MINIMAL_BASIC],
  ["sed", BASIC],
]

/** The syntax of a `-regextype` name, or undefined. */
export const regexType = (name: string): Syntax | undefined => REGEX_TYPES.find(([n]) => n === name)?.[1]

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\v\\f\\r",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
}

const escapeClassChar = (c: string): string => ("\\][^-".includes(c) ? `\\${c}` : c)
const escapeChar = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c)

/** The glibc message of a compile error. */
class RegexError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

/**
 * Compile `pattern` in `syntax` to a RegExp matching whole strings, or the
 * glibc error message (`Unmatched ( or \\(`).
 */
export const compileRegex = (
  pattern: string,
  syntax: Syntax,
  ignoreCase: boolean,
): { readonly regex: RegExp } | { readonly error: string } => {
  try {
    const body = translate(pattern, syntax)
    return { regex: new RegExp(`^(?:${body})$`, (syntax.dotNewline ? "s" : "") + (ignoreCase ? "i" : "")) }
  } catch (e) {
    if (e instanceof RegexError) return { error: e.message }
    if (e instanceof SyntaxError) return { error: "Invalid regular expression" }
    throw e
  }
}

/** Parse a bracket expression starting after `[`; returns the JS class and the index after `]`. */
const bracket = (p: string, start: number, syntax: Syntax): [string, number] => {
  let i = start
  let negate = false
  if (p[i] === "^") {
    negate = true
    i++
  }
  let out = ""
  let first = true
  while (true) {
    if (i >= p.length) throw new RegexError("Unmatched [, [^, [:, [., or [=")
    const c = p[i]
    if (c === "]" && !first) {
      i++
      break
    }
    first = false
    if (c === "[" && syntax.charClasses && (p[i + 1] === ":" || p[i + 1] === "=" || p[i + 1] === ".")) {
      const kind = p[i + 1]
      const close = p.indexOf(`${kind}]`, i + 2)
      if (close === -1) throw new RegexError("Unmatched [, [^, [:, [., or [=")
      const name = p.slice(i + 2, close)
      if (kind === ":") {
        const cls = CLASSES[name]
        if (cls === undefined) throw new RegexError("Invalid character class name")
        out += cls
      } else {
        if (name.length !== 1) throw new RegexError("Invalid collation character")
        out += escapeClassChar(name)
      }
      i = close + 2
      continue
    }
    if (p[i + 1] === "-" && p[i + 2] !== undefined && p[i + 2] !== "]") {
      const lo = c
      const hi = p[i + 2]
      if (hi.charCodeAt(0) >= lo.charCodeAt(0)) out += `${escapeClassChar(lo)}-${escapeClassChar(hi)}`
      else if (syntax.noEmptyRanges) throw new RegexError("Invalid range end")
      i += 3
      continue
    }
    out += escapeClassChar(c)
    i++
  }
  if (out === "") return [negate ? "[^]" : "[]", i]
  return [`[${negate ? "^" : ""}${out}]`, i]
}

/** Translate the whole pattern; groups are numbered as in the source so back references keep working. */
const translate = (p: string, syntax: Syntax): string => {
  let out = ""
  let i = 0
  // Where each open group starts in `out`.
  const open: Array<number> = []
  let groups = 0
  // Whether an operator here would have nothing to apply to (start of pattern, group or branch).
  let atStart = true
  // Where the last atom began in `out`, so an interval or `*` applies to it.
  let lastAtom = -1
  const atom = (text: string) => {
    lastAtom = out.length
    out += text
    atStart = false
  }
  const repeat = (op: string, literal: string) => {
    if (atStart || lastAtom === -1) {
      if (syntax.contextIndep && op !== "") throw new RegexError("Invalid preceding regular expression")
      atom(escapeChar(literal))
      return
    }
    // Stacked operators (`a**`) apply to the repeated atom as a whole.
    out = `${out.slice(0, lastAtom)}(?:${out.slice(lastAtom)})${op}`
  }
  while (i < p.length) {
    const c = p[i]
    if (c === "\\") {
      if (i + 1 >= p.length) throw new RegexError("Trailing backslash")
      const d = p[i + 1]
      i += 2
      if (d === "(" && syntax.bkParens) {
        open.push(out.length)
        groups++
        out += "("
        atStart = true
        lastAtom = -1
      } else if (d === ")" && syntax.bkParens) {
        const start = open.pop()
        if (start === undefined) throw new RegexError("Unmatched ) or \\)")
        out += ")"
        lastAtom = start
        atStart = false
      } else if (d === "|" && syntax.bkVbar && syntax.vbar) {
        out += "|"
        atStart = true
        lastAtom = -1
      } else if ((d === "+" || d === "?") && syntax.bkPlusQm && syntax.plusQm) {
        repeat(d, d)
      } else if (d === "{" && syntax.intervals && syntax.bkBraces) {
        i = interval(p, i, true, repeat)
      } else if (d >= "1" && d <= "9") {
        if (Number(d) > groups) throw new RegexError("Invalid back reference")
        atom(`\\${d}`)
      } else if (d === "w") atom("[A-Za-z0-9_]")
      else if (d === "W") atom("[^A-Za-z0-9_]")
      else if (d === "s") atom("[ \\t\\n\\v\\f\\r]")
      else if (d === "S") atom("[^ \\t\\n\\v\\f\\r]")
      else if (d === "b") out += "\\b"
      else if (d === "B") out += "\\B"
      else if (d === "<") out += "\\b(?=[A-Za-z0-9_])"
      else if (d === ">") out += "\\b(?<=[A-Za-z0-9_])"
      else if (d === "`") out += "(?<![^])"
      else if (d === "'") out += "(?![^])"
      else atom(escapeChar(d))
      continue
    }
    i++
    if (c === "[") {
      if (i >= p.length) throw new RegexError("Invalid regular expression")
      const [cls, next] = bracket(p, i, syntax)
      i = next
      atom(cls)
    } else if (c === ".") atom(syntax.dotNewline ? "." : "[^\\n]")
    else if (c === "*") repeat("*", "*")
    else if ((c === "+" || c === "?") && !syntax.bkPlusQm && syntax.plusQm) repeat(c, c)
    else if (c === "{" && syntax.intervals && !syntax.bkBraces) i = interval(p, i - 1, false, repeat)
    else if (c === "(" && !syntax.bkParens) {
      open.push(out.length)
      groups++
      out += "("
      atStart = true
      lastAtom = -1
    } else if (c === ")" && !syntax.bkParens && open.length > 0) {
      out += ")"
      lastAtom = open.pop()!
      atStart = false
    } else if (c === "|" && !syntax.bkVbar && syntax.vbar) {
      out += "|"
      atStart = true
      lastAtom = -1
    } else if (c === "^" && (syntax.contextIndep || atStart)) {
      out += "(?<![^])"
    } else if (c === "$" && (syntax.contextIndep || atEnd(p, i, syntax))) {
      out += "(?![^])"
    } else atom(escapeChar(c))
  }
  if (open.length > 0) throw new RegexError("Unmatched ( or \\(")
  return out
}

/** Whether a `$` just before index `i` ends the pattern, a group or a branch (BRE anchoring). */
const atEnd = (p: string, i: number, syntax: Syntax): boolean => {
  if (i >= p.length) return true
  const rest = p.slice(i, i + 2)
  return syntax.bkParens ? rest === "\\)" || (syntax.vbar && rest === "\\|") : rest[0] === ")" || rest[0] === "|"
}

/** Parse `{m,n}` starting at the brace (index of `{`, or of `\` for `\{`); returns the index after it. */
const interval = (
  p: string,
  at: number,
  backslashed: boolean,
  repeat: (op: string, literal: string) => void,
): number => {
  let i = backslashed ? at : at + 1
  const close = backslashed ? p.indexOf("\\}", i) : p.indexOf("}", i)
  if (close === -1) throw new RegexError(backslashed ? "Unmatched \\{" : "Unmatched \\{")
  const body = p.slice(i, close)
  const m = /^(\d*)(,(\d*))?$/.exec(body)
  if (m === null || (m[1] === "" && m[2] === undefined)) throw new RegexError("Invalid content of \\{\\}")
  const lo = m[1] === "" ? 0 : Number(m[1])
  const hi = m[2] === undefined ? lo : m[3] === "" ? undefined : Number(m[3])
  if (hi !== undefined && hi < lo) throw new RegexError("Invalid content of \\{\\}")
  if (lo > 32767 || (hi ?? 0) > 32767) throw new RegexError("Regular expression too big")
  repeat(`{${lo},${hi ?? ""}}`, backslashed ? "{" : "{")
  i = close + (backslashed ? 2 : 1)
  return i
}

const encoder = new TextEncoder()

/** A string as its UTF-8 bytes, one UTF-16 unit per byte (how the C locale sees it). */
export const bytesOf = (s: string): string => {
  let ascii = true
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 127) {
      ascii = false
      break
    }
  if (ascii) return s
  let out = ""
  for (const b of encoder.encode(s)) out += String.fromCharCode(b)
  return out
}
