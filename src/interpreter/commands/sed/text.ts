import {
  REPL_ASIS,
  REPL_LOWERCASE,
  REPL_LOWERCASE_FIRST,
  REPL_UPPERCASE,
  REPL_UPPERCASE_FIRST,
  type ReplacementPart,
} from "./Script.ts"

/**
 * The escape processing GNU sed applies to script text before use
 * (`normalize_text`), and the parsing of `s` replacements. Strings are
 * latin1: one code unit per byte.
 */

/** Where text is going: `a`/`i`/`c`/`y` text, an `s` replacement, or a regex. */
export type TextKind = "buffer" | "replacement" | "regex"

const digitValue = (c: string): number => {
  const code = c.charCodeAt(0)
  if (code >= 48 && code <= 57) return code - 48
  if (code >= 65 && code <= 70) return code - 55
  if (code >= 97 && code <= 102) return code - 87
  return -1
}

/**
 * `\dNNN`, `\oNNN`, `\xHH` at `text[i]` (the letter): the byte and the
 * index after the digits. No digits gives the letter itself.
 */
const convertNumber = (text: string, i: number, base: number): { readonly ch: string; readonly next: number } => {
  let n = 0
  let p = i + 1
  for (let max = 1; p < text.length && max <= 255; p++, max *= base) {
    const d = digitValue(text[p])
    if (d < 0 || base <= d) break
    n = n * base + d
  }
  return { ch: p === i + 1 ? text[i] : String.fromCharCode(n & 0xff), next: p }
}

const SIMPLE: Readonly<Record<string, string>> = { a: "\x07", f: "\f", "\n": "\n", n: "\n", r: "\r", t: "\t", v: "\v" }

/**
 * Convert the escapes sed itself knows (`\n`, `\t`, `\x41`, `\cA`...). An
 * escape it does not know keeps its backslash for the next stage (regex or
 * replacement), except in plain text where the backslash is dropped.
 * `fail` reports `\c\X`.
 */
export const normalizeText = (text: string, kind: TextKind, fail: (message: string) => never): string => {
  if (!text.includes("\\")) return text
  let out = ""
  let p = 0
  while (p < text.length) {
    const c = text[p]
    if (c !== "\\" || p + 1 >= text.length) {
      out += c
      p++
      continue
    }
    const e = text[++p]
    const simple = SIMPLE[e]
    if (simple !== undefined) {
      out += simple
      p++
      continue
    }
    if (e === "d" || e === "x" || e === "o") {
      const { ch, next } = convertNumber(text, p, e === "d" ? 10 : e === "x" ? 16 : 8)
      // A produced `&` or backslash stays literal in a replacement.
      if (kind === "replacement" && (ch === "&" || ch === "\\")) out += "\\"
      out += ch
      p = next
      continue
    }
    if (e === "c") {
      if (++p < text.length) {
        const x = text[p]
        out += String.fromCharCode(upper(x).charCodeAt(0) ^ 0x40)
        if (x === "\\") {
          p++
          if (text[p] !== "\\") fail("recursive escaping after \\c not allowed")
        }
        p++
      } else if (kind !== "buffer") out += "\\"
      continue
    }
    if (kind !== "buffer") out += "\\"
    out += e
    p++
  }
  return out
}

/** Parse a replacement (after `normalizeText`) into its pieces; `maxRef` is the highest `\N`. */
export const parseReplacement = (
  raw: string,
  posix: boolean,
): { readonly parts: ReadonlyArray<ReplacementPart>; readonly maxRef: number } => {
  const parts: Array<{ prefix: string; ref: number; type: number }> = []
  let maxRef = 0
  let type = REPL_ASIS
  let saved = REPL_ASIS
  let base = 0
  for (let p = 0; p < raw.length; p++) {
    const c = raw[p]
    if (c === "\\") {
      const tail = { prefix: raw.slice(base, p), ref: -1, type }
      parts.push(tail)
      type = saved
      p++
      if (p === raw.length) tail.prefix += "\\"
      else {
        const e = raw[p]
        const code = e.charCodeAt(0)
        if (code >= 48 && code <= 57) {
          tail.ref = code - 48
          if (tail.ref > maxRef) maxRef = tail.ref
        } else if (posix) tail.prefix += e
        else if (e === "L") type = saved = REPL_LOWERCASE
        else if (e === "U") type = saved = REPL_UPPERCASE
        else if (e === "E") type = saved = REPL_ASIS
        else if (e === "l") {
          saved = type
          type |= REPL_LOWERCASE_FIRST
        } else if (e === "u") {
          saved = type
          type |= REPL_UPPERCASE_FIRST
        } else tail.prefix += e
      }
      base = p + 1
    } else if (c === "&") {
      parts.push({ prefix: raw.slice(base, p), ref: 0, type })
      type = saved
      base = p + 1
    }
  }
  if (base < raw.length) parts.push({ prefix: raw.slice(base), ref: -1, type })
  return { parts, maxRef }
}

/** ASCII-only case conversion, as the C locale does (other bytes are left alone). */
export const upper = (s: string): string => s.replace(/[a-z]+/g, (m) => m.toUpperCase())

/** See `upper`. */
export const lower = (s: string): string => s.replace(/[A-Z]+/g, (m) => m.toLowerCase())

/** Apply a replacement piece's case conversion to `s`. */
export const convertCase = (s: string, type: number): string => {
  if (type === REPL_ASIS || s.length === 0) return s
  if (type & (REPL_UPPERCASE_FIRST | REPL_LOWERCASE_FIRST)) {
    const first = type & REPL_UPPERCASE_FIRST ? upper(s[0]) : lower(s[0])
    const rest = type & REPL_UPPERCASE ? upper(s.slice(1)) : type & REPL_LOWERCASE ? lower(s.slice(1)) : s.slice(1)
    return first + rest
  }
  return type & REPL_UPPERCASE ? upper(s) : lower(s)
}
