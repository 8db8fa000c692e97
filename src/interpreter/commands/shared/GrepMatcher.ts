import { literalSource, translate } from "./GnuRegex.ts"

/**
 * grep's patterns compiled into one matcher over latin1 lines (one code unit
 * per byte). Every pattern and every top-level alternative is also kept
 * alone, so `-o` can take the longest match at the leftmost position, as
 * POSIX matching does, where JavaScript would take the first alternative.
 */

/** How patterns are read. */
export type Syntax = "basic" | "extended" | "fixed" | "perl"

export interface MatcherOptions {
  readonly syntax: Syntax
  readonly ignoreCase: boolean
  readonly wordRegexp: boolean
  readonly lineRegexp: boolean
}

export interface Matcher {
  /** Whether the line has a match. */
  readonly test: (line: string) => boolean
  /** The leftmost-longest match starting at or after `from`, if any. */
  readonly next: (line: string, from: number) => { readonly start: number; readonly end: number } | undefined
  /**
   * Where the first match at or after `from` starts in a text of several
   * newline-ended lines, or -1. Anchors match at line ends, but a match may
   * run across a newline (`[^a]` takes one), so the line it starts in is only
   * a candidate for `test`; no matching line is ever skipped.
   */
  readonly scan: (text: string, from: number) => number
  readonly warnings: ReadonlyArray<string>
}

const WORD = "A-Za-z0-9_"

/** Capture groups a translated source opens (its literal parentheses are always escaped). */
const countGroups = (source: string): number => {
  let n = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === "\\") i++
    else if (inClass) inClass = c !== "]"
    else if (c === "[") inClass = true
    else if (c === "(" && source[i + 1] !== "?") n++
  }
  return n
}

/** Compile patterns (latin1 strings), or give grep's error message. */
export const compileMatcher = (
  patterns: ReadonlyArray<string>,
  options: MatcherOptions,
): Matcher | { readonly error: string } => {
  const branches: Array<string> = []
  const warnings: Array<string> = []
  let groups = 0
  for (const p of patterns) {
    if (options.syntax === "fixed") branches.push(literalSource(p, options.ignoreCase))
    else if (options.syntax === "perl") branches.push(p)
    else {
      const t = translate(p, options.syntax, { ignoreCase: options.ignoreCase, groupOffset: groups })
      if ("error" in t) return { error: t.error }
      warnings.push(...t.warnings)
      groups += t.groups
      branches.push(...t.branches)
    }
  }
  const wrap = (s: string) =>
    options.lineRegexp ? `^(?:${s})$` : options.wordRegexp ? `(?<![${WORD}])(?:${s})(?![${WORD}])` : s
  const flags = options.syntax === "perl" && options.ignoreCase ? "i" : ""
  let combined: RegExp
  let multiline: RegExp
  const alone: Array<RegExp> = []
  try {
    const source = branches.map((b) => `(?:${wrap(b)})`).join("|") || "(?!)"
    combined = new RegExp(source, flags + "g")
    multiline = new RegExp(source, flags + "gm")
    let before = 0
    for (const b of branches) {
      // Empty groups stand in for the ones of earlier branches, so back-references keep their numbers.
      alone.push(new RegExp(`${"()".repeat(before)}(?:${wrap(b)})`, flags + "y"))
      before += countGroups(b)
    }
  } catch (error) {
    const message =
      error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : "invalid pattern"
    return { error: message }
  }
  // A single pattern without alternatives needs no longest-match search.
  const single = branches.length === 1
  return {
    test: (line) => {
      combined.lastIndex = 0
      return combined.test(line)
    },
    next: (line, from) => {
      combined.lastIndex = from
      const m = combined.exec(line)
      if (m === null) return undefined
      const start = m.index
      let end = start + m[0].length
      if (!single) {
        for (const r of alone) {
          r.lastIndex = start
          const a = r.exec(line)
          if (a !== null && start + a[0].length > end) end = start + a[0].length
        }
      }
      return { start, end }
    },
    scan: (text, from) => {
      multiline.lastIndex = from
      const m = multiline.exec(text)
      return m === null ? -1 : m.index
    },
    warnings,
  }
}
