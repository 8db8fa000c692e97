/**
 * Shell patterns: `*`, `?`, bracket expressions and extglob, as bash 5.2
 * matches them in the C locale (on JavaScript string characters).
 *
 * Patterns come in an escaped form: a backslash makes the next character
 * literal, so the interpreter turns quoted text into pattern text with
 * `escape`. Patterns compile to one RegExp each (cached); `!(...)` is exact
 * even in the middle of a pattern, through a lookbehind that recalls where
 * the group started.
 *
 * ```ts
 * matches("*.t[xs]t", "notes.txt")                 // true
 * matches("@(a|b)*", "bcd", { extglob: true })     // true
 * removeSuffix("archive.tar.gz", ".*", false)      // "archive.tar"
 * replace("a-b-c", "-", "+", "all")                // "a+b+c"
 * ```
 */
import { compile, fold, type Compiled, type PatternOptions } from "./patternCompile.ts"

export type { PatternOptions } from "./patternCompile.ts"

/**
 * Options of `replace`. With `patsubReplacement` (bash's `patsub_replacement`,
 * on by default), an unescaped `&` in the replacement stands for the matched
 * text, and `\&` and `\\` stand for `&` and `\`: pass quoted parts of the
 * replacement through `escapeReplacement`.
 */
export interface ReplaceOptions extends PatternOptions {
  readonly patsubReplacement?: boolean
}

/** Compiles a pattern to a RegExp anchored at both ends (cached: do not rely on `lastIndex`). */
export const toRegExp = (pattern: string, options?: PatternOptions): RegExp => compile(pattern, options).full

/** Whether the whole of `text` matches `pattern`. */
export const matches = (pattern: string, text: string, options?: PatternOptions): boolean => {
  const c = compile(pattern, options)
  return c.literal !== undefined ? c.literal === text : c.full.test(text)
}

/** The characters that can begin a glob (or escape one). */
const GLOB_START = /[\\*?[+@!]/

/**
 * Whether a pattern has unescaped glob characters (bash's
 * `unquoted_glob_pattern_p`): `*`, `?`, a `[` with a later `]` (not across a
 * `/`), or an extglob opener `+(`, `@(`, `!(`.
 */
export const hasGlobChars = (pattern: string): boolean => {
  // Most words have none of these: a native scan finds that far faster than the loop (a 100 MB value).
  const start = pattern.search(GLOB_START)
  if (start < 0) return false
  let open = false
  for (let i = start; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === "\\") i++
    else if (c === "*" || c === "?") return true
    else if (c === "[") open = true
    else if (c === "]" && open) return true
    else if (c === "/") open = false
    else if ((c === "+" || c === "@" || c === "!") && pattern[i + 1] === "(") return true
  }
  return false
}

const SPECIAL = /[\\*?[\]()|+@!]/g

/** Escapes literal text for use inside a pattern: every pattern character gets a backslash. */
export const escape = (literal: string): string => literal.replace(SPECIAL, "\\$&")

/** Drops the backslashes that mark literal characters (a trailing lone backslash stays). */
export const unescape = (pattern: string): string =>
  pattern.replace(/\\([^]?)/g, (_m, c: string) => (c === "" ? "\\" : c))

/** Escapes literal text for a `patsubReplacement` replacement: `&` and `\` get a backslash. */
export const escapeReplacement = (literal: string): string => literal.replace(/[\\&]/g, "\\$&")

const sameChar = (c: Compiled, text: string, i: number, want: string | undefined): boolean =>
  want === undefined || (i >= 0 && i < text.length && fold(text[i], c.nocase) === want)

const test = (c: Compiled, text: string, from: number, to: number): boolean =>
  c.full.test(from === 0 && to === text.length ? text : text.slice(from, to))

/** `${x#pattern}` (`longest`: `${x##pattern}`): text without the shortest (longest) matching prefix. */
export const removePrefix = (text: string, pattern: string, longest: boolean, options?: PatternOptions): string => {
  if (text === "" || pattern === "") return text
  const c = compile(pattern, options)
  if (c.literal !== undefined) return text.startsWith(c.literal) ? text.slice(c.literal.length) : text
  const n = text.length
  if (c.minLen > n || !sameChar(c, text, 0, c.first)) return text
  const hi = Math.min(c.maxLen, n)
  const ok = (j: number): boolean => sameChar(c, text, j - 1, c.last) && test(c, text, 0, j)
  if (longest) {
    for (let j = hi; j >= c.minLen; j--) if (ok(j)) return text.slice(j)
  } else {
    for (let j = c.minLen; j <= hi; j++) if (ok(j)) return text.slice(j)
  }
  return text
}

/** `${x%pattern}` (`longest`: `${x%%pattern}`): text without the shortest (longest) matching suffix. */
export const removeSuffix = (text: string, pattern: string, longest: boolean, options?: PatternOptions): string => {
  if (text === "" || pattern === "") return text
  const c = compile(pattern, options)
  if (c.literal !== undefined) return text.endsWith(c.literal) ? text.slice(0, text.length - c.literal.length) : text
  const n = text.length
  if (c.minLen > n || !sameChar(c, text, n - 1, c.last)) return text
  const lo = Math.max(0, n - c.maxLen)
  const ok = (i: number): boolean => sameChar(c, text, i, c.first) && test(c, text, i, n)
  if (longest) {
    for (let i = lo; i <= n - c.minLen; i++) if (ok(i)) return text.slice(0, i)
  } else {
    for (let i = n - c.minLen; i >= lo; i--) if (ok(i)) return text.slice(0, i)
  }
  return text
}

/**
 * bash's `match_pattern_char`: whether a match could start at `p`. At the end
 * of the text only a pattern starting with `*` may match (empty), which is
 * why `${empty/?(x)/r}` leaves the empty string alone but `${empty/*(x)/r}`
 * gives `r`.
 */
const mayStartAt = (pattern: string, text: string, p: number, nocase: boolean): boolean => {
  if (p >= text.length) return pattern[0] === "*"
  const t = fold(text[p], nocase)
  const c = pattern[0]
  switch (c) {
    case "\\":
      return pattern.length > 1 && t === fold(pattern[1], nocase)
    case "?":
    case "*":
    case "[":
      return true
    case "+":
    case "!":
    case "@":
      return pattern[1] === "(" || t === fold(c, nocase)
    default:
      return t === fold(c, nocase)
  }
}

type Mode = "first" | "all" | "prefix" | "suffix"

/**
 * bash first checks `*pattern*` (`*pattern` for a suffix) against the whole
 * text. That is only a shortcut, except that a `*` before `@(..)`, `+(..)` or
 * `!(..)` follows its own rule (see `starBeforeGroup`): so when the pattern
 * starts with such a group, the check can reject what the pattern alone
 * would match (`${x/%@()/r}` leaves `x` alone).
 */
const precheck = (pattern: string, mode: Mode, options: PatternOptions | undefined): Compiled | undefined => {
  if (mode === "prefix" || options?.extglob !== true || !/^[+@!]\(/.test(pattern)) return undefined
  const trailing = mode === "suffix" || /(?<!\\)(?:\\\\)*\*$/.test(pattern) ? "" : "*"
  return compile(`*${pattern}${trailing}`, options)
}

/** The longest match that starts leftmost at or after `from` (anchored per mode), as [start, end). */
const find = (
  c: Compiled,
  pre: Compiled | undefined,
  pattern: string,
  text: string,
  from: number,
  mode: Mode,
): readonly [number, number] | undefined => {
  const n = text.length
  if (c.minLen > n - from) return undefined
  if (pre !== undefined && !test(pre, text, from, n)) return undefined
  if (mode === "suffix") {
    if (!sameChar(c, text, n - 1, c.last)) return undefined
    for (let i = Math.max(from, n - c.maxLen); i <= n - c.minLen; i++) {
      if (sameChar(c, text, i, c.first) && test(c, text, i, n)) return [i, n]
    }
    return undefined
  }
  const last = mode === "prefix" ? from : n
  for (let p = from; p <= last; p++) {
    if (!mayStartAt(pattern, text, p, c.nocase) || !sameChar(c, text, p, c.first)) continue
    if (c.minLen > n - p) break
    for (let e = Math.min(n, p + c.maxLen); e >= p + c.minLen; e--) {
      if (sameChar(c, text, e - 1, c.last) && test(c, text, p, e)) return [p, e]
    }
  }
  return undefined
}

/** bash's `strcreplace(rep, '&', match, 2)`: `&` is the match, `\&` and `\\` are `&` and `\`. */
const expandAmpersand = (replacement: string, matched: string): string => {
  if (!/&|\\[&\\]/.test(replacement)) return replacement
  return replacement.replace(/\\([&\\])|&/g, (m, escaped: string | undefined) => escaped ?? (m === "&" ? matched : m))
}

/**
 * `${x/p/r}` ("first"), `${x//p/r}` ("all"), `${x/#p/r}` ("prefix"),
 * `${x/%p/r}` ("suffix"): replaces the longest match of the leftmost
 * position (the whole matching prefix or suffix when anchored). An empty
 * pattern matches nothing, except anchored, where `r` is prepended or
 * appended; an empty match in "all" mode advances one character.
 */
export const replace = (
  text: string,
  pattern: string,
  replacement: string,
  mode: Mode,
  options?: ReplaceOptions,
): string => {
  const rep = (matched: string): string =>
    options?.patsubReplacement === true ? expandAmpersand(replacement, matched) : replacement
  if (pattern === "") {
    if (mode === "prefix") return rep("") + text
    if (mode === "suffix") return text + rep("")
    return text
  }
  const c = compile(pattern, options)
  const lit = c.literal
  if (lit !== undefined && lit !== "") {
    if (mode === "all") return text.split(lit).join(rep(lit))
    if (mode === "prefix") return text.startsWith(lit) ? rep(lit) + text.slice(lit.length) : text
    if (mode === "suffix") return text.endsWith(lit) ? text.slice(0, -lit.length) + rep(lit) : text
    const i = text.indexOf(lit)
    return i < 0 ? text : text.slice(0, i) + rep(lit) + text.slice(i + lit.length)
  }
  const pre = precheck(pattern, mode, options)
  if (text === "") return find(c, pre, pattern, text, 0, mode) !== undefined ? rep("") : text
  let out = ""
  let at = 0
  while (at < text.length) {
    const m = find(c, pre, pattern, text, at, mode)
    if (m === undefined) break
    const [s, e] = m
    out += text.slice(at, s) + rep(text.slice(s, e))
    at = e
    if (mode !== "all") break
    if (s === e) out += text[at++]
  }
  return out + text.slice(at)
}
