/**
 * Gitignore-style globs, as ripgrep reads them in `.gitignore`, `.ignore`,
 * `.rgignore` and `-g`: `*`, `?`, `[...]`, `**`, a leading `!` to
 * re-include, a trailing `/` for directories only, and a `/` anywhere but
 * the end to anchor the glob to its directory (else it matches the name at
 * any depth). The last glob that matches decides.
 */

/** One compiled glob. */
export interface Rule {
  readonly negated: boolean
  readonly dirOnly: boolean
  readonly regex: RegExp
}

const escapeRegex = (c: string) => (/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c)

/** A glob's body (after `!`, `/` handling) as a regex source over `/`-separated paths. */
const globSource = (glob: string, caseInsensitive: boolean): string => {
  let out = ""
  let i = 0
  while (i < glob.length) {
    const c = glob[i]
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atStart = i === 0 || glob[i - 1] === "/"
        const atEnd = i + 2 === glob.length || glob[i + 2] === "/"
        if (atStart && atEnd) {
          if (i + 2 === glob.length) {
            out += ".*"
            i += 2
          } else {
            out += "(?:.*/)?"
            i += 3
          }
          continue
        }
      }
      out += "[^/]*"
      i++
    } else if (c === "?") {
      out += "[^/]"
      i++
    } else if (c === "[") {
      const close = glob.indexOf("]", i + 2)
      if (close === -1) {
        out += "\\["
        i++
        continue
      }
      let body = glob.slice(i + 1, close)
      let negate = false
      if (body[0] === "!" || body[0] === "^") {
        negate = true
        body = body.slice(1)
      }
      out += `[${negate ? "^" : ""}${body.replace(/\\/g, "\\\\").replace(/\]/g, "\\]")}]`
      i = close + 1
    } else if (c === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[i + 1])
      i += 2
    } else {
      out += caseInsensitive && /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegex(c)
      i++
    }
  }
  return out
}

/** Compile one line of an ignore file (or one `-g` glob); undefined for blanks and comments. */
export const compileRule = (line: string, caseInsensitive = false): Rule | undefined => {
  let s = line.replace(/\r$/, "")
  if (s === "" || s.startsWith("#")) return undefined
  // Trailing spaces are dropped unless escaped.
  s = s.replace(/(?<!\\) +$/, "")
  if (s === "") return undefined
  let negated = false
  if (s.startsWith("!")) {
    negated = true
    s = s.slice(1)
  } else if (s.startsWith("\\!") || s.startsWith("\\#")) s = s.slice(1)
  let dirOnly = false
  if (s.endsWith("/") && s.length > 1) {
    dirOnly = true
    s = s.slice(0, -1)
  }
  const anchored = s.includes("/")
  if (s.startsWith("/")) s = s.slice(1)
  const body = globSource(s, caseInsensitive)
  const source = anchored || s.startsWith("**/") ? `^${body}$` : `^(?:.*/)?${body}$`
  return { negated, dirOnly, regex: new RegExp(source) }
}

/** Rules from an ignore file's text. */
export const parseIgnoreFile = (text: string): Array<Rule> => {
  const rules: Array<Rule> = []
  for (const line of text.split("\n")) {
    const r = compileRule(line)
    if (r !== undefined) rules.push(r)
  }
  return rules
}

/** The verdict of the last rule matching `path` (relative to the rules' directory): ignored, kept, or none. */
export const judge = (rules: ReadonlyArray<Rule>, path: string, isDir: boolean): "ignore" | "keep" | undefined => {
  for (let k = rules.length - 1; k >= 0; k--) {
    const r = rules[k]
    if (r.dirOnly && !isDir) continue
    if (r.regex.test(path)) return r.negated ? "keep" : "ignore"
  }
  return undefined
}
