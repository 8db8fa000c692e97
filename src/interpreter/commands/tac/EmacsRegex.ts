/**
 * The GNU regex syntax `tac -r` compiles its separator with (RE_SYNTAX_EMACS:
 * `+ ? *` are operators, `\( \) \|` group and alternate, braces are
 * literal), translated to a JavaScript regular expression over latin1
 * strings. Basic and extended syntaxes live in `shared/GnuRegex.ts`; this
 * translator keeps their cousins only for the Emacs case.
 */

type Syntax = "basic" | "extended" | "emacs"

const CLASSES: Record<string, string> = {
  alpha: "A-Za-z",
  digit: "0-9",
  alnum: "0-9A-Za-z",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  print: " -~",
  graph: "!-~",
  cntrl: "\\x00-\\x1f\\x7f",
  xdigit: "0-9A-Fa-f",
}

const JS_SPECIAL = new Set([..."\\^$.*+?()[]{}|/-"])

const literal = (c: string): string => {
  const code = c.charCodeAt(0)
  if (JS_SPECIAL.has(c)) return `\\${c}`
  if (code < 0x20 || code >= 0x7f) return `\\x${code.toString(16).padStart(2, "0")}`
  return c
}

/** glibc's wording of a malformed pattern. */
const UNMATCHED_BRACKET = "Unmatched [, [^, [:, [., or [="
const BAD_CLASS = "Invalid character class name"

/** Translate the bracket expression starting at `pattern[i]` (`[`); gives the JS text and the index after it. */
const bracket = (pattern: string, i: number): { readonly text: string; readonly end: number } | string => {
  let j = i + 1
  let out = "["
  if (pattern[j] === "^") {
    out += "^"
    j++
  }
  let first = true
  while (j < pattern.length) {
    const c = pattern[j]
    if (c === "]" && !first) return { text: out + "]", end: j + 1 }
    first = false
    if (c === "[" && (pattern[j + 1] === ":" || pattern[j + 1] === "=" || pattern[j + 1] === ".")) {
      const kind = pattern[j + 1]
      const close = pattern.indexOf(`${kind}]`, j + 2)
      if (close === -1) return UNMATCHED_BRACKET
      const name = pattern.slice(j + 2, close)
      if (kind === ":") {
        const cls = CLASSES[name]
        if (cls === undefined) return BAD_CLASS
        out += cls
      } else out += [...name].map(literal).join("")
      j = close + 2
      continue
    }
    if (c === "-" && pattern[j + 1] !== "]" && out.length > 1) out += "-"
    else out += literal(c)
    j++
  }
  return UNMATCHED_BRACKET
}

/**
 * The JavaScript source of a GNU regular expression, or glibc's message
 * when it is malformed (`Unmatched ( or \\(`).
 */
export const translate = (
  pattern: string,
  syntax: Syntax,
): { readonly source: string } | { readonly error: string } => {
  let out = ""
  // Where `*` is literal and `^` is an anchor: at the start and after an open group or alternation.
  let atStart = true
  let depth = 0
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]
    const wasStart: boolean = atStart
    atStart = false
    if (c === "\\") {
      const n = pattern[i + 1]
      i += 2
      if (n === undefined) return { error: "Trailing backslash" }
      const groupOps = syntax === "extended" ? "" : "()|"
      const basicOps = syntax === "basic" ? "{}+?" : ""
      if (groupOps.includes(n) || basicOps.includes(n)) {
        if (n === "(") depth++
        if (n === ")") {
          if (depth === 0) return { error: "Unmatched ) or \\)" }
          depth--
        }
        out += n
        atStart = n === "(" || n === "|"
      } else if (/[1-9]/.test(n)) out += `\\${n}`
      else if ("wWsSbB".includes(n)) out += `\\${n}`
      else if (n === "<") out += "\\b(?=\\w)"
      else if (n === ">") out += "\\b(?<=\\w)"
      else if (n === "`") out += "^"
      else if (n === "'") out += "$"
      else out += literal(n)
      continue
    }
    i++
    if (c === "[") {
      const b = bracket(pattern, i - 1)
      if (typeof b === "string") return { error: b }
      out += b.text
      i = b.end
    } else if (c === ".") out += syntax === "emacs" ? "[^\\n]" : "[\\s\\S]"
    else if (c === "*") out += wasStart ? "\\*" : "*"
    else if (c === "^") {
      const anchor: boolean = syntax === "extended" || wasStart
      out += anchor ? "^" : "\\^"
      atStart = anchor
    } else if (c === "$") {
      const rest = pattern.slice(i)
      const anchor: boolean =
        syntax === "extended" || rest === "" || (syntax === "basic" ? /^\\[)|]/.test(rest) : /^(\\[)|])/.test(rest))
      out += anchor ? "$" : "\\$"
    } else if (syntax !== "basic" && (c === "+" || c === "?")) out += wasStart ? literal(c) : c
    else if (syntax === "extended" && (c === "(" || c === ")" || c === "|")) {
      if (c === "(") depth++
      if (c === ")") {
        if (depth === 0) return { error: "Unmatched ) or \\)" }
        depth--
      }
      out += c
      atStart = c !== ")"
    } else if (syntax === "extended" && c === "{" && /^\d*(,\d*)?\}/.test(pattern.slice(i)) && !wasStart) out += "{"
    else if (syntax === "extended" && c === "}" && /\{\d*(,\d*)?$/.test(pattern.slice(0, i - 1))) out += "}"
    else out += literal(c)
  }
  return depth === 0 ? { source: out } : { error: "Unmatched ( or \\(" }
}

/** Compile an Emacs-syntax pattern, or give glibc's message. `flags` are JavaScript flags (`y`). */
export const compileEmacs = (pattern: string, flags = ""): RegExp | { readonly error: string } => {
  const t = translate(pattern, "emacs")
  if ("error" in t) return t
  try {
    return new RegExp(t.source, flags)
  } catch {
    return { error: "Invalid regular expression" }
  }
}
