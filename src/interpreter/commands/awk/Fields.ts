import { compile, type Find } from "./Regex.ts"

/**
 * Field splitting as gawk does it (field.c): the default FS (" ") splits on
 * runs of blanks, tabs and newlines and ignores them at both ends; any other
 * single character (tab, `|`, `.`) is a literal separator; "" makes every
 * character a field; anything longer is a regex, where a match at the very
 * start gives an empty first field and a match at the end an empty last one.
 */

/** How to split: derived once from FS (and RS, for paragraph mode). */
export type Splitter =
  | { readonly kind: "space" }
  | { readonly kind: "char"; readonly char: string }
  | { readonly kind: "chars" }
  | { readonly kind: "regex"; readonly find: Find }
  /** gawk's FPAT: fields are what the regex matches. */
  | { readonly kind: "fpat"; readonly find: Find }

/** The splitter for a field separator; `paragraph` when RS is "" (newline then also separates). */
export const splitterFor = (fs: string, paragraph: boolean, ignoreCase = false): Splitter => {
  if (fs === " ") return { kind: "space" }
  if (fs === "") return { kind: "chars" }
  if (fs.length === 1) {
    if (paragraph && fs !== "\n") {
      const cls = fs === "\\" ? "[\\\\\n]" : fs === "]" ? "[]\n]" : fs === "^" ? "[\\^\n]" : `[${fs}\n]`
      return { kind: "regex", find: compile(cls, ignoreCase).find }
    }
    if (fs === "\\") return { kind: "regex", find: compile("[\\\\]", ignoreCase).find }
    if (ignoreCase && /[a-zA-Z]/.test(fs)) return { kind: "regex", find: compile(`[${fs}]`, true).find }
    return { kind: "char", char: fs }
  }
  return { kind: "regex", find: compile(fs, ignoreCase).find }
}

const isBlank = (c: number) => c === 32 || c === 9 || c === 10

/**
 * Split `s` into `out[1..n]` and return n. `seps`, when given, receives the
 * separators (`seps[i]` follows field i; `seps[0]` leading blanks).
 */
export const splitInto = (s: string, sp: Splitter, out: Array<string>, seps?: Array<string>): number => {
  switch (sp.kind) {
    case "space":
      return splitSpace(s, out, seps)
    case "char": {
      if (s.length === 0) return 0
      const c = sp.char
      let n = 0
      let start = 0
      for (;;) {
        const i = s.indexOf(c, start)
        if (i === -1) {
          out[++n] = s.slice(start)
          return n
        }
        out[++n] = s.slice(start, i)
        if (seps !== undefined) seps[n] = c
        start = i + 1
      }
    }
    case "chars": {
      for (let i = 0; i < s.length; i++) out[i + 1] = s[i]
      return s.length
    }
    case "regex":
      return splitRegex(s, sp.find, out, seps)
    case "fpat":
      return splitPattern(s, sp.find, out, seps)
  }
}

const splitSpace = (s: string, out: Array<string>, seps?: Array<string>): number => {
  const len = s.length
  let i = 0
  let n = 0
  while (i < len && isBlank(s.charCodeAt(i))) i++
  if (seps !== undefined && i > 0) seps[0] = s.slice(0, i)
  while (i < len) {
    const start = i
    while (i < len && !isBlank(s.charCodeAt(i))) i++
    out[++n] = s.slice(start, i)
    const sepStart = i
    while (i < len && isBlank(s.charCodeAt(i))) i++
    if (seps !== undefined && i > sepStart) seps[n] = s.slice(sepStart, i)
  }
  return n
}

/**
 * FPAT splitting (gawk's fpat_parse_field): each match is a field; an
 * empty match right where the previous field ended does not count.
 */
const splitPattern = (s: string, find: Find, out: Array<string>, seps?: Array<string>): number => {
  const len = s.length
  let n = 0
  let scan = 0
  let found = false
  while (scan < len) {
    const start = scan
    let m = find(s, scan)
    if (n > 0 && m !== null && m.index === scan && m[0].length === 0) m = find(s, ++scan)
    found = m !== null
    if (m === null) {
      if (seps !== undefined) seps[n] = s.slice(start)
      break
    }
    if (seps !== undefined) seps[n] = s.slice(start, m.index)
    out[++n] = m[0]
    scan = m.index + m[0].length
  }
  if (seps !== undefined && scan >= len && found) seps[n] = ""
  return n
}

const splitRegex = (s: string, find: Find, out: Array<string>, seps?: Array<string>): number => {
  const len = s.length
  if (len === 0) return 0
  let n = 0
  let field = 0
  let scan = 0
  while (scan < len) {
    const m = find(s, scan)
    if (m === null) break
    const start = m.index
    const end = start + m[0].length
    if (end === start) {
      // A null match: gawk moves on one character and keeps looking.
      scan = start + 1
      if (scan >= len) break
      continue
    }
    out[++n] = s.slice(field, start)
    if (seps !== undefined) seps[n] = m[0]
    scan = end
    field = end
    if (scan === len) {
      out[++n] = ""
      return n
    }
  }
  out[++n] = s.slice(field)
  return n
}
