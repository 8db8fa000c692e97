import type { Compiled, Find } from "./Regex.ts"
import type { AwkArray } from "./Runtime.ts"
import { StrNum } from "./Values.ts"

/**
 * The string functions with real logic in them, as gawk's builtin.c does
 * them: sub/gsub/gensub substitution (with gawk's `\\&` rules and its
 * handling of empty matches), match() with submatch arrays, and asort().
 */

/** A replacement string pre-parsed: literal text and references to the match or a group. */
type Part = string | number

const templates = new Map<string, ReadonlyArray<Part>>()

/**
 * sub/gsub replacement rules (gawk's default since 1996): `&` is the match,
 * `\&` a literal `&`, `\\&` a backslash then the match, `\\\&` a literal
 * `\&`, `\\\\` a literal `\\`; any other backslash stays.
 */
const subTemplate = (repl: string): ReadonlyArray<Part> => {
  let t = templates.get(repl)
  if (t !== undefined) return t
  const parts: Array<Part> = []
  let lit = ""
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]
    if (c === "&") {
      parts.push(lit, 0)
      lit = ""
    } else if (c === "\\") {
      if (repl.startsWith("\\\\\\&", i) || repl.startsWith("\\\\\\\\", i)) {
        lit += "\\" + repl[i + 3]
        i += 3
      } else if (repl.startsWith("\\\\&", i)) {
        lit += "\\"
        parts.push(lit, 0)
        lit = ""
        i += 2
      } else if (repl[i + 1] === "&") {
        lit += "&"
        i++
      } else lit += "\\"
    } else lit += c
  }
  parts.push(lit)
  t = parts.filter((p) => p !== "")
  if (templates.size > 200) templates.clear()
  templates.set(repl, t)
  return t
}

/** gensub replacement rules: `&` and `\0` the match, `\N` group N, `\q` a plain q. */
const gensubTemplate = (repl: string): ReadonlyArray<Part> => {
  const parts: Array<Part> = []
  let lit = ""
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]
    if (c === "&") {
      parts.push(lit, 0)
      lit = ""
    } else if (c === "\\" && i + 1 < repl.length) {
      const d = repl[i + 1]
      if (d >= "0" && d <= "9") {
        parts.push(lit, Number(d))
        lit = ""
      } else lit += d
      i++
    } else lit += c
  }
  parts.push(lit)
  return parts.filter((p) => p !== "")
}

const expand = (parts: ReadonlyArray<Part>, m: RegExpExecArray): string => {
  let out = ""
  for (const p of parts) out += typeof p === "string" ? p : (m[p] ?? "")
  return out
}

/**
 * Substitute matches of `re` (a global regex) in `text`: every match when
 * `which` is -1, else only the `which`-th. Returns the new text and the
 * number of replacements.
 */
export const substitute = (
  find: Find,
  text: string,
  repl: string,
  which: number,
  gensub: boolean,
): { readonly text: string; readonly count: number } => {
  let m = find(text, 0)
  if (m === null) return { text, count: 0 }
  const parts = gensub ? gensubTemplate(repl) : subTemplate(repl)
  const global = which === -1
  let out = ""
  let pos = 0
  let count = 0
  let current = 0
  let lastNonEmpty = false
  while (m !== null) {
    current++
    const start = m.index
    let end = start + m[0].length
    out += text.slice(pos, start)
    if (global || current === which) {
      if (start === end && lastNonEmpty && start === pos) lastNonEmpty = false
      else {
        out += expand(parts, m)
        count++
        if (start !== end) lastNonEmpty = true
      }
    } else out += m[0]
    if (start === end && end < text.length) out += text[end++]
    pos = end
    if ((!global && current >= which) || (pos >= text.length && start === end)) break
    m = find(text, pos)
  }
  return { text: out + text.slice(pos), count }
}

const withIndices = new WeakMap<RegExp, RegExp>()

/** `match(s, re)`: the (longest) match, with group indices for the array form. */
export const matchAt = (re: Compiled, s: string, indices: boolean): RegExpExecArray | null => {
  const m = re.find(s, 0)
  if (m === null || !indices) return m
  let d = withIndices.get(re.scan)
  if (d === undefined) {
    d = new RegExp(re.scan.source, re.scan.flags.replace("g", "") + "d")
    withIndices.set(re.scan, d)
  }
  const full = d.exec(s)
  if (full === null || full.indices === undefined) return m
  full[0] = m[0]
  full.indices[0] = [m.index, m.index + m[0].length]
  return full
}

/** Fill match()'s array: [n], [n, "start"], [n, "length"] for the match and each group that took part. */
export const fillMatchArray = (arr: AwkArray, m: RegExpExecArray, subsep: string): void => {
  arr.clear()
  for (let i = 0; i < m.length; i++) {
    const g = m[i]
    const span = m.indices?.[i]
    if (g === undefined || span === undefined) continue
    arr.set(String(i), new StrNum(g))
    arr.set(`${i}${subsep}start`, span[0] + 1)
    arr.set(`${i}${subsep}length`, g.length)
  }
}

/** ASCII-only case mapping (the C locale). */
export const toLower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase())
export const toUpper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase())
