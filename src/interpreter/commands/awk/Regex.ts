/**
 * GNU ERE, as gawk reads it, translated to JavaScript regexes: POSIX
 * bracket classes, gawk's `\y \B \< \> \` \'` operators, intervals, `.`
 * matching newline, quantifiers with nothing to repeat taken literally, and
 * unknown escapes taken as the plain character. POSIX wants the longest
 * match at the leftmost position where JavaScript takes the first branch
 * that matches; `find` makes up for it across top-level alternatives
 * (`/a|ab/` matches all of "ab"), not inside groups.
 */

/** A regex the translator refused, worded as GNU regcomp words it. */
export class RegexError {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
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

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\\n",
  t: "\\t",
  r: "\\r",
  f: "\\f",
  v: "\\v",
  a: "\\x07",
  b: "\\x08",
}

const hex2 = (code: number) => `\\x${code.toString(16).padStart(2, "0")}`

/** A literal character, escaped for use in a JavaScript regex (in or out of a class). */
const literal = (c: string): string => {
  const code = c.charCodeAt(0)
  if (code > 0xff) return c
  if (/[A-Za-z0-9 _]/.test(c)) return c
  if (code < 0x20 || code >= 0x7f) return hex2(code)
  return "\\" + c
}

const isOctal = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7"
const isHexDigit = (c: string | undefined) => c !== undefined && /^[0-9A-Fa-f]$/.test(c)

/** Read a numeric escape at `s[i]` (after the backslash): octal or `x` hex. */
const numericEscape = (s: string, i: number): { readonly char: string; readonly next: number } | undefined => {
  if (isOctal(s[i])) {
    let v = 0
    let j = i
    while (j < s.length && j - i < 3 && isOctal(s[j])) v = v * 8 + Number(s[j++])
    return { char: String.fromCharCode(v & 0xff), next: j }
  }
  if (s[i] === "x" && isHexDigit(s[i + 1])) {
    let v = 0
    let j = i + 1
    while (j < s.length && j - (i + 1) < 2 && isHexDigit(s[j])) v = v * 16 + parseInt(s[j++], 16)
    return { char: String.fromCharCode(v), next: j }
  }
  return undefined
}

/** Translate a bracket expression starting at `s[start] === "["`; returns the JS class and the index after it. */
const bracket = (s: string, start: number): { readonly out: string; readonly next: number } => {
  let i = start + 1
  let out = "["
  if (s[i] === "^") {
    out += "^"
    i++
  }
  let first = true
  for (;;) {
    if (i >= s.length) throw new RegexError("Unmatched [, [^, [:, [., or [=")
    const c = s[i]
    if (c === "]" && !first) return { out: out + "]", next: i + 1 }
    first = false
    if (c === "[" && (s[i + 1] === ":" || s[i + 1] === "." || s[i + 1] === "=")) {
      const kind = s[i + 1]
      const close = s.indexOf(kind + "]", i + 2)
      if (close === -1) throw new RegexError("Unmatched [, [^, [:, [., or [=")
      const name = s.slice(i + 2, close)
      if (kind === ":") {
        const cls = CLASSES[name]
        if (cls === undefined) throw new RegexError("Invalid character class name")
        out += cls
      } else out += name.length > 0 ? literal(name[0]) : ""
      i = close + 2
      continue
    }
    if (c === "\\" && i + 1 < s.length) {
      const d = s[i + 1]
      const num = numericEscape(s, i + 1)
      if (num !== undefined) {
        out += literal(num.char)
        i = num.next
        continue
      }
      if (d in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[d]
      else out += literal(d)
      i += 2
      continue
    }
    if (c === "-") out += "-"
    else out += literal(c)
    i++
  }
}

const QUANT = new Set(["*", "+", "?"])

/**
 * Translate ERE `src` to a JavaScript regex source. `warn` receives gawk's
 * warning for escapes that are not regex operators.
 */
const translate = (src: string, warn?: (message: string) => void): string => {
  let out = ""
  // Where the last atom starts in `out`, or -1 when a quantifier has nothing to repeat.
  let atom = -1
  let quantified = false
  const groups: Array<number> = []
  let i = 0
  const addAtom = (text: string) => {
    atom = out.length
    quantified = false
    out += text
  }
  const quantify = (q: string) => {
    if (atom < 0) {
      addAtom(literal(q[0]) + q.slice(1).replace(/[{},]/g, (m) => "\\" + m))
      return
    }
    if (quantified) out = out.slice(0, atom) + "(?:" + out.slice(atom) + ")"
    out += q
    quantified = true
  }
  while (i < src.length) {
    const c = src[i]
    if (c === "\\") {
      if (i + 1 >= src.length) {
        addAtom("\\\\")
        i++
        continue
      }
      const d = src[i + 1]
      const num = numericEscape(src, i + 1)
      if (num !== undefined) {
        addAtom(literal(num.char))
        i = num.next
        continue
      }
      i += 2
      if (d in SIMPLE_ESCAPES) addAtom(SIMPLE_ESCAPES[d])
      else if (d === "y") {
        out += "\\b"
        atom = -1
      } else if (d === "B") {
        out += "\\B"
        atom = -1
      } else if (d === "<") {
        out += "\\b(?=\\w)"
        atom = -1
      } else if (d === ">") {
        out += "\\b(?<=\\w)"
        atom = -1
      } else if (d === "`") {
        out += "^"
        atom = -1
      } else if (d === "'") {
        out += "$"
        atom = -1
      } else if (d === "s") addAtom("[ \\t\\n\\r\\f\\v]")
      else if (d === "S") addAtom("[^ \\t\\n\\r\\f\\v]")
      else if (d === "w") addAtom("\\w")
      else if (d === "W") addAtom("\\W")
      else {
        if (!/[.[\]()*+?{}|^$\\/"&-]/.test(d)) warn?.(`regexp escape sequence \`\\${d}' is not a known regexp operator`)
        addAtom(literal(d))
      }
      continue
    }
    if (c === "[") {
      const b = bracket(src, i)
      addAtom(b.out)
      i = b.next
      continue
    }
    if (QUANT.has(c)) {
      quantify(c)
      i++
      continue
    }
    if (c === "{") {
      const m = /^\{(\d*)(,(\d*))?\}/.exec(src.slice(i, i + 24))
      if (m !== null && atom >= 0 && (m[1] !== "" || m[2] !== undefined)) {
        const lo = m[1] === "" ? "0" : m[1]
        quantify(m[2] === undefined ? `{${lo}}` : `{${lo},${m[3]}}`)
        i += m[0].length
        continue
      }
      addAtom("\\{")
      i++
      continue
    }
    if (c === "(") {
      groups.push(out.length)
      out += "("
      atom = -1
      i++
      continue
    }
    if (c === ")") {
      const open = groups.pop()
      if (open === undefined) {
        addAtom("\\)")
        i++
        continue
      }
      out += ")"
      atom = open
      quantified = false
      i++
      continue
    }
    if (c === "|") {
      out += "|"
      atom = -1
      i++
      continue
    }
    if (c === "^" || c === "$") {
      out += c
      atom = -1
      i++
      continue
    }
    if (c === ".") {
      addAtom(".")
      i++
      continue
    }
    addAtom(literal(c))
    i++
  }
  if (groups.length > 0) throw new RegexError("Unmatched ( or \\(")
  return out
}

/** A search from an offset: the leftmost match, extended to the longest top-level alternative. */
export type Find = (s: string, from: number) => RegExpExecArray | null

/** A compiled regex: `test` for `~`, `find` for searching, `scan` (global) as JavaScript matches. */
export interface Compiled {
  readonly test: RegExp
  readonly scan: RegExp
  readonly find: Find
}

/** Split an ERE at its top-level `|` (outside groups, brackets and escapes). */
const branches = (src: string): Array<string> => {
  const out: Array<string> = []
  let depth = 0
  let start = 0
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === "\\") i += 2
    else if (c === "[") {
      try {
        i = bracket(src, i).next
      } catch {
        i++
      }
    } else {
      if (c === "(") depth++
      else if (c === ")" && depth > 0) depth--
      else if (c === "|" && depth === 0) {
        out.push(src.slice(start, i))
        start = i + 1
      }
      i++
    }
  }
  out.push(src.slice(start))
  return out
}

const makeFind = (scan: RegExp, alternatives: ReadonlyArray<RegExp> | undefined): Find => {
  if (alternatives === undefined) {
    return (s, from) => {
      scan.lastIndex = from
      return scan.exec(s)
    }
  }
  return (s, from) => {
    scan.lastIndex = from
    const m = scan.exec(s)
    if (m === null) return m
    const at = m.index
    let end = at + m[0].length
    for (const b of alternatives) {
      b.lastIndex = at
      const x = b.exec(s)
      if (x !== null && at + x[0].length > end) end = at + x[0].length
    }
    if (end !== at + m[0].length) m[0] = s.slice(at, end)
    return m
  }
}

const cache = new Map<string, Compiled>()

/** Compile (cached) the ERE `src`; `ignoreCase` is gawk's IGNORECASE. Throws RegexError. */
export const compile = (src: string, ignoreCase = false, warn?: (message: string) => void): Compiled => {
  const key = (ignoreCase ? "i" : "c") + src
  let c = cache.get(key)
  if (c === undefined) {
    const js = translate(src, warn)
    const flags = ignoreCase ? "si" : "s"
    try {
      const scan = new RegExp(js, flags + "g")
      const parts = branches(src)
      const alternatives = parts.length > 1 ? parts.map((b) => new RegExp(translate(b), flags + "y")) : undefined
      c = { test: new RegExp(js, flags), scan, find: makeFind(scan, alternatives) }
    } catch {
      throw new RegexError("Invalid regular expression")
    }
    if (cache.size > 500) cache.clear()
    cache.set(key, c)
  }
  return c
}
