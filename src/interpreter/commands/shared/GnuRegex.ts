/**
 * GNU basic and extended regular expressions (as grep reads them in the C
 * locale) translated to JavaScript RegExp source over latin1 strings, one
 * code unit per byte, so matching is bytewise.
 *
 * Covered: BRE `\( \) \{m,n\} \| \+ \?` (GNU extensions), ERE `( ) { } | + ?`,
 * back-references, bracket expressions with POSIX classes, equivalence
 * classes and collating symbols, `\w \W \s \S \b \B \< \> \` \'`, the
 * context rules for `^ $ *` (anchor or literal), and glibc's error wording.
 * Case folding (`-i`) is done in the translation, for ASCII letters only, as
 * in the C locale. Alternation is leftmost-first (JavaScript), not POSIX
 * leftmost-longest; grep compensates across top-level alternatives.
 */

/** Which syntax a pattern is written in. */
export type Dialect = "basic" | "extended"

/** How to translate. */
export interface TranslateOptions {
  readonly ignoreCase?: boolean
  /** Capture groups of earlier patterns, so back-references can be renumbered when patterns are joined. */
  readonly groupOffset?: number
}

/** A translated pattern. */
export interface Translated {
  /** The whole pattern as JavaScript source. */
  readonly source: string
  /** The top-level alternatives, each as source (for leftmost-longest selection). */
  readonly branches: ReadonlyArray<string>
  /** Capture groups it opens. */
  readonly groups: number
  /** glibc/grep warnings (`* at start of expression`). */
  readonly warnings: ReadonlyArray<string>
}

const CLASS_TESTS: Record<string, (b: number) => boolean> = {
  alnum: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  alpha: (b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  blank: (b) => b === 32 || b === 9,
  cntrl: (b) => b < 32 || b === 127,
  digit: (b) => b >= 48 && b <= 57,
  graph: (b) => b > 32 && b < 127,
  lower: (b) => b >= 97 && b <= 122,
  print: (b) => b >= 32 && b < 127,
  punct: (b) => b > 32 && b < 127 && !((b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)),
  space: (b) => b === 32 || (b >= 9 && b <= 13),
  upper: (b) => b >= 65 && b <= 90,
  xdigit: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102),
}

const RE_DUP_MAX = 0x7fff

const hex = (b: number) => `\\x${b.toString(16).padStart(2, "0")}`
const isLetter = (b: number) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
const isWordByte = (b: number) => isLetter(b) || (b >= 48 && b <= 57) || b === 95

/** A set of bytes as a JavaScript character class. */
const classOf = (set: ReadonlyArray<boolean>): string => {
  let out = ""
  let b = 0
  let any = false
  while (b < 256) {
    if (!set[b]) {
      b++
      continue
    }
    let e = b
    while (e + 1 < 256 && set[e + 1]) e++
    any = true
    out += e === b ? hex(b) : e === b + 1 ? hex(b) + hex(e) : `${hex(b)}-${hex(e)}`
    b = e + 1
  }
  return any ? `[${out}]` : "[^\\s\\S]"
}

/** One byte as a JavaScript atom, both cases when folding. */
const literal = (b: number, ignoreCase: boolean): string => {
  if (ignoreCase && isLetter(b)) return `[${String.fromCharCode(b | 32)}${String.fromCharCode(b & ~32)}]`
  if (isWordByte(b)) return String.fromCharCode(b)
  return hex(b)
}

/** Literal text (`grep -F`) as JavaScript source. */
export const literalSource = (text: string, ignoreCase: boolean): string => {
  let out = ""
  for (let i = 0; i < text.length; i++) out += literal(text.charCodeAt(i), ignoreCase)
  return out
}

class RegexError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

/**
 * Translate a pattern (a latin1 string: one code unit per byte) to
 * JavaScript, or give glibc's message for a malformed one.
 */
export const translate = (
  pattern: string,
  dialect: Dialect,
  options: TranslateOptions = {},
): Translated | { readonly error: string } => {
  const ere = dialect === "extended"
  const fold = options.ignoreCase ?? false
  const offset = options.groupOffset ?? 0
  const warnings: Array<string> = []
  let pos = 0
  let groups = 0
  const closed = new Set<number>()
  let depth = 0
  const fail = (message: string): never => {
    throw new RegexError(message)
  }
  const at = (i = pos) => pattern[i]
  const code = (i = pos) => pattern.charCodeAt(i)

  /** Whether the text at `i` closes a group or an alternative (for BRE `$`). */
  const endsHere = (i: number): boolean => {
    if (i >= pattern.length) return true
    if (ere) return false
    return pattern[i] === "\\" && (pattern[i + 1] === ")" || pattern[i + 1] === "|")
  }

  const bracket = (): string => {
    // pos is just after "["
    const set = Array.from({ length: 256 }, () => false)
    let negate = false
    if (at() === "^") {
      negate = true
      pos++
    }
    let first = true
    const element = (): number | "class" => {
      // A single byte, or "class" when a class/equivalence was added to the set.
      if (at() === "[" && (at(pos + 1) === ":" || at(pos + 1) === "=" || at(pos + 1) === ".")) {
        const kind = at(pos + 1)
        const close = pattern.indexOf(`${kind}]`, pos + 2)
        if (close === -1) fail("Unmatched [, [^, [:, [., or [=")
        const name = pattern.slice(pos + 2, close)
        pos = close + 2
        if (kind === ":") {
          const test = CLASS_TESTS[name]
          if (test === undefined) fail("Invalid character class name")
          for (let b = 0; b < 256; b++)
            if (test(b) || (fold && (name === "upper" || name === "lower") && CLASS_TESTS.alpha(b))) set[b] = true
          return "class"
        }
        if (name.length !== 1) fail("Invalid collation character")
        return name.charCodeAt(0)
      }
      return code(pos++)
    }
    for (;;) {
      if (pos >= pattern.length) fail("Unmatched [, [^, [:, [., or [=")
      if (at() === "]" && !first) {
        pos++
        break
      }
      first = false
      const lo = element()
      if (lo === "class") continue
      if (at() === "-" && at(pos + 1) !== "]" && pos + 1 < pattern.length) {
        pos++
        const hi = element()
        if (hi === "class") fail("Invalid range end")
        else {
          if (hi < lo) fail("Invalid range end")
          for (let b = lo; b <= hi; b++) set[b] = true
        }
      } else set[lo] = true
    }
    if (fold) for (let b = 65; b <= 90; b++) if (set[b] || set[b + 32]) set[b] = set[b + 32] = true
    if (negate) {
      for (let b = 0; b < 256; b++) set[b] = !set[b]
      set[10] = false
    }
    return classOf(set)
  }

  /** Parse an interval body after `{` (ERE) or `\{` (BRE); undefined when ERE text is not an interval. */
  const interval = (): string | undefined => {
    const start = pos
    const m = /^(\d*)(,(\d*))?/.exec(pattern.slice(pos))
    const body = m === null ? "" : m[0]
    const close = ere ? "}" : "\\}"
    if (!pattern.startsWith(close, pos + body.length) || (m !== null && m[1] === "" && m[2] === undefined)) {
      if (ere) return undefined
      if (pattern.indexOf("\\}", pos) === -1) fail("Unmatched \\{")
      fail("Invalid content of \\{\\}")
    }
    pos = start + body.length + close.length
    const min = m?.[1] === "" ? 0 : Number(m?.[1])
    const max = m?.[2] === undefined ? min : m[3] === "" ? undefined : Number(m?.[3])
    if (max !== undefined && max < min) fail("Invalid content of \\{\\}")
    if (min > RE_DUP_MAX || (max ?? 0) > RE_DUP_MAX) fail("Regular expression too big")
    return max === undefined ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`
  }

  /** Whether an ERE interval body (`1}`, `2,3}`) starts at `i`. */
  const isInterval = (i: number) => /^(\d+(,\d*)?|,\d*)\}/.test(pattern.slice(i))

  /** A quantifier at pos, if any: its JavaScript text. */
  const quantifier = (): string | undefined => {
    const c = at()
    if (c === "*") {
      pos++
      return "*"
    }
    if (ere) {
      if (c === "+" || c === "?") {
        pos++
        return c
      }
      if (c === "{") {
        const save = pos
        pos++
        const q = interval()
        if (q === undefined) pos = save
        return q
      }
      return undefined
    }
    if (c === "\\" && (at(pos + 1) === "+" || at(pos + 1) === "?")) {
      pos += 2
      return at(pos - 1)
    }
    if (c === "\\" && at(pos + 1) === "{") {
      pos += 2
      return interval()
    }
    return undefined
  }

  const alternation = (): { readonly source: string; readonly branches: Array<string> } => {
    const branches: Array<string> = [branch()]
    for (;;) {
      if (ere && at() === "|") pos++
      else if (!ere && at() === "\\" && at(pos + 1) === "|") pos += 2
      else break
      branches.push(branch())
    }
    return { source: branches.join("|"), branches }
  }

  const branch = (): string => {
    const items: Array<{ text: string; quantified: boolean }> = []
    let start = true
    for (;;) {
      if (pos >= pattern.length) break
      const c = at()
      if (ere && (c === "|" || (c === ")" && depth > 0))) break
      if (!ere && c === "\\" && (at(pos + 1) === "|" || at(pos + 1) === ")")) {
        if (at(pos + 1) === ")" && depth === 0) fail("Unmatched ) or \\)")
        break
      }
      let text: string
      let quantifiable = true
      if (c === "^" && (ere || start)) {
        pos++
        text = "^"
        // In a BRE a `*` right after a leading `^` is literal.
        if (!ere) {
          items.push({ text, quantified: false })
          if (at() === "*") {
            pos++
            items.push({ text: hex(42), quantified: false })
          }
          start = false
          continue
        }
      } else if (c === "$" && (ere || endsHere(pos + 1))) {
        pos++
        text = "$"
      } else if (ere && start && (c === "*" || c === "+" || c === "?" || (c === "{" && isInterval(pos + 1)))) {
        // GNU ERE ignores a leading repetition operator, with a warning.
        const q = quantifier()
        warnings.push(`${c === "{" ? "{...}" : q} at start of expression`)
        continue
      } else if (!ere && start && c === "*") {
        pos++
        text = hex(42)
      } else if (!ere && start && c === "\\" && (at(pos + 1) === "+" || at(pos + 1) === "?")) {
        pos += 2
        text = hex(pattern.charCodeAt(pos - 1))
      } else if (!ere && start && c === "\\" && at(pos + 1) === "{") {
        fail("Invalid preceding regular expression")
        text = ""
      } else if ((ere && c === "(") || (!ere && c === "\\" && at(pos + 1) === "(")) {
        pos += ere ? 1 : 2
        const n = ++groups
        depth++
        const inner = alternation()
        if (ere ? at() !== ")" : !(at() === "\\" && at(pos + 1) === ")")) fail("Unmatched ( or \\(")
        pos += ere ? 1 : 2
        depth--
        closed.add(n)
        text = `(${inner.source})`
      } else if (c === "[") {
        pos++
        text = bracket()
      } else if (c === ".") {
        pos++
        text = "[^\\n]"
      } else if (c === "\\") {
        const n = at(pos + 1)
        if (n === undefined) fail("Trailing backslash")
        pos += 2
        if (n >= "1" && n <= "9") {
          if (!closed.has(Number(n))) fail("Invalid back reference")
          text = `\\${Number(n) + offset}`
        } else if (n === "w") text = "[A-Za-z0-9_]"
        else if (n === "W") text = "[^A-Za-z0-9_\\n]"
        else if (n === "s") text = "[ \\t\\v\\f\\r]"
        else if (n === "S") text = "[^ \\t\\v\\f\\r\\n]"
        else if (n === "b") {
          text = "\\b"
          quantifiable = false
        } else if (n === "B") {
          text = "\\B"
          quantifiable = false
        } else if (n === "<") {
          text = "\\b(?=[A-Za-z0-9_])"
          quantifiable = false
        } else if (n === ">") {
          text = "\\b(?<=[A-Za-z0-9_])"
          quantifiable = false
        } else if (n === "`") text = "^"
        else if (n === "'") text = "$"
        else text = literal(pattern.charCodeAt(pos - 1), fold)
      } else {
        pos++
        text = literal(c.charCodeAt(0), fold)
      }
      start = false
      let item = { text, quantified: false }
      for (;;) {
        const before = pos
        const q = quantifier()
        if (q === undefined) break
        if (ere && text === "^")
          warnings.push(`${pattern[before] === "{" ? "{...}" : pattern[before]} at start of expression`)
        // JavaScript refuses `a**`, `x{1}{2}` and quantified assertions: group first.
        if (item.quantified || !quantifiable || text === "^" || text === "$")
          item = { text: `(?:${item.text})`, quantified: false }
        item = { text: item.text + q, quantified: true }
      }
      items.push(item)
    }
    return items.map((i) => i.text).join("")
  }

  try {
    const result = alternation()
    if (pos < pattern.length) {
      // Only an unmatched close can stop the top level.
      fail(ere ? "Unmatched ) or \\)" : "Unmatched ) or \\)")
    }
    return { source: result.source, branches: result.branches, groups, warnings }
  } catch (error) {
    if (error instanceof RegexError) return { error: error.message }
    throw error
  }
}
