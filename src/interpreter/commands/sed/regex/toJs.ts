import type { ByteSet, Node } from "./syntax.ts"

/**
 * A parsed pattern as JavaScript regular expression source, for strings
 * whose code units are bytes (latin1). Used without the `u`, `i`, `m` and
 * `s` flags: every byte and anchor is spelled out, so `.` matches a newline,
 * `^`/`$` follow sed's multiline rules and `\s` is the C locale's.
 */

const hex = (c: number) => `\\x${c.toString(16).padStart(2, "0")}`

const isPlain = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 32

const literal = (c: number) => (isPlain(c) ? String.fromCharCode(c) : hex(c))

/** A character class for a byte set, written with ranges. */
export const setSource = (set: ByteSet): string => {
  let count = 0
  for (let c = 0; c < 256; c++) count += set[c]
  if (count === 256) return "[^]"
  if (count === 0) return "[]"
  if (count === 1) return literal(set.indexOf(1))
  // Write the smaller of the set and its complement.
  const negated = count > 128
  const want = negated ? 0 : 1
  let out = negated ? "[^" : "["
  let c = 0
  while (c < 256) {
    if (set[c] !== want) {
      c++
      continue
    }
    let end = c
    while (end + 1 < 256 && set[end + 1] === want) end++
    out += end === c ? literal(c) : end === c + 1 ? literal(c) + literal(end) : `${literal(c)}-${literal(end)}`
    c = end + 1
  }
  return out + "]"
}

/** The JS source of a node; `delim` is the line delimiter `^`/`$` see in multiline mode. */
export const toSource = (node: Node | null, multiline: boolean, delim: number): string => {
  const line = delim === 10 ? "\\n" : hex(delim)
  const emit = (n: Node | null): string => {
    if (n === null) return ""
    switch (n.t) {
      case "char":
        return literal(n.c)
      case "set":
        return setSource(n.set)
      case "anchor":
        switch (n.a) {
          case "bol":
            return multiline ? `(?<![^${line}])` : "^"
          case "eol":
            return multiline ? `(?![^${line}])` : "$"
          case "bufStart":
            return "(?<![^])"
          case "bufEnd":
            return "(?![^])"
          case "wordB":
            return "\\b"
          case "notWordB":
            return "\\B"
          case "wordStart":
            return "\\b(?=\\w)"
          case "wordEnd":
            return "\\b(?<=\\w)"
        }
        return ""
      case "group":
        return `(${emit(n.body)})`
      case "backref":
        return `(?:\\${n.n})`
      case "cat":
        return n.items.map((item) => (item.t === "alt" ? `(?:${emit(item)})` : emit(item))).join("")
      case "alt":
        return `${emit(n.left)}|${emit(n.right)}`
      case "repeat": {
        const body = emit(n.body)
        const atom = isAtom(n.body) && body.length > 0 ? body : `(?:${body})`
        const q =
          n.min === 0 && n.max === -1
            ? "*"
            : n.min === 1 && n.max === -1
              ? "+"
              : n.min === 0 && n.max === 1
                ? "?"
                : n.max === -1
                  ? `{${n.min},}`
                  : n.min === n.max
                    ? `{${n.min}}`
                    : `{${n.min},${n.max}}`
        return atom + q
      }
    }
  }
  return emit(node)
}

/** Nodes whose source a quantifier can follow directly. */
const isAtom = (n: Node): boolean => n.t === "char" || n.t === "set" || n.t === "group" || n.t === "backref"
