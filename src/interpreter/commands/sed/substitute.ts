import type { Regex } from "./regex/Regex.ts"
import { REPL_MODIFIERS, type Substitution } from "./Script.ts"
import { convertCase } from "./text.ts"

/**
 * The `s` and `y` commands on a pattern space: ports of GNU sed's
 * `do_subst`, `append_replacement` and its `y` loop.
 */

/** Search with `regex` (null: the last regex used) from `from`; the regex that matched, with its registers set. */
export type Matcher = (regex: Regex | null, s: string, from: number, groups: boolean) => Regex | undefined

/**
 * Run `sub` on `line`: undefined when the regex does not match at all,
 * else the new line and whether the wanted occurrence was replaced.
 */
export const substitute = (
  sub: Substitution,
  line: string,
  match: Matcher,
): { readonly line: string; readonly replaced: boolean } | undefined => {
  const wantGroups = sub.maxRef > 0
  const re = match(sub.regex, line, 0, wantGroups)
  if (re === undefined) return undefined
  const regs = re.regs
  let start = 0
  let lastEnd = 0
  let count = 0
  let out = ""
  const occurrence = sub.occurrence
  while (true) {
    const offset = regs[0]
    let matched = regs[1] - offset
    if (start < offset) {
      out += line.slice(start, offset)
      start = offset
    }
    // An empty match right after a previous match is not a match (`s/a*/x/g` on "baaac" gives "xbxcx").
    let again = true
    if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= occurrence) {
      out += expand(sub, regs, re.groups, line)
      again = sub.global
    } else {
      if (matched === 0) {
        if (start < line.length) matched = 1
        else break
      }
      out += line.slice(offset, offset + matched)
    }
    start = offset + matched
    lastEnd = regs[1]
    if (!again || start > line.length || match(sub.regex, line, start, wantGroups) === undefined) break
  }
  if (start < line.length) out += line.slice(start)
  return { line: out, replaced: count >= occurrence }
}

/** The replacement text for one match (GNU's `append_replacement`). */
const expand = (sub: Substitution, regs: Int32Array, groups: number, line: string): string => {
  let out = ""
  let pendingModifier = 0
  for (const part of sub.replacement) {
    let type = part.type & REPL_MODIFIERS ? part.type : part.type | pendingModifier
    pendingModifier = 0
    if (part.prefix.length > 0) {
      out += convertCase(part.prefix, type)
      type &= ~REPL_MODIFIERS
    }
    const i = part.ref
    if (i >= 0 && i <= groups) {
      const s = regs[2 * i]
      const e = regs[2 * i + 1]
      // A modifier before an empty group applies to what follows (`\u\1\2`).
      if (e === s && part.type & REPL_MODIFIERS) pendingModifier = type & REPL_MODIFIERS
      else if (e !== s) out += convertCase(line.slice(s, e), type)
    }
  }
  return out
}

/** `y`: map every byte of `line` through `map` (256 code units). */
export const translate = (line: string, map: string): string => {
  let out = ""
  let start = 0
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    const to = map[c]
    if (to.charCodeAt(0) !== c) {
      out += line.slice(start, i) + to
      start = i + 1
    }
  }
  return start > 0 ? out + line.slice(start) : line
}
