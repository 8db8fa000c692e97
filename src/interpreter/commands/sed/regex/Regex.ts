import { longestWithBackrefs } from "./backtrack.ts"
import { parse, RegexError, type RegexOptions } from "./parse.ts"
import type { Node } from "./syntax.ts"
import { toSource } from "./toJs.ts"
import { compile as compileVm, type Program } from "./vm.ts"

export { RegexError, type RegexOptions } from "./parse.ts"

/**
 * A GNU regular expression ready to search latin1 strings with POSIX
 * leftmost-longest semantics: a JavaScript regex finds where the leftmost
 * match starts (the same place for both semantics), and when the pattern is
 * one where backtracking can stop short (alternation, repeated groups) a
 * Pike VM extends it to the longest match from there.
 *
 * ```ts
 * const re = compileRegex("a\\|ab", { extended: false, icase: false, multiline: false, posix: false })
 * if (!(re instanceof RegexError) && re.search("xab", 0, true)) re.regs // [1, 3]
 * ```
 */
export interface Regex {
  /** Number of groups. */
  readonly groups: number
  /** Whether the pattern was compiled with `I` / `M` (an empty regex inherits them). */
  readonly icase: boolean
  readonly multiline: boolean
  /**
   * Match registers of the last successful `search`: start/end pairs for the
   * whole match and each group (-1 when a group did not take part). Only the
   * first pair is meaningful after a search without `groups`.
   */
  readonly regs: Int32Array
  /** Find the leftmost-longest match at or after `from`. */
  readonly search: (s: string, from: number, groups: boolean) => boolean
}

/** Options of `compileRegex`: the syntax plus the line delimiter multiline anchors use. */
export interface CompileOptions extends RegexOptions {
  /** Line delimiter for `M` (newline, or NUL with `-z`). Default newline. */
  readonly delim?: number
}

/** Alternation or a repeated multi-character piece: backtracking may not give the longest match. */
const mayStopShort = (n: Node | null): boolean => {
  if (n === null) return false
  switch (n.t) {
    case "alt":
      return true
    case "group":
      return mayStopShort(n.body)
    case "cat":
      return n.items.some(mayStopShort)
    case "repeat":
      return (n.body.t !== "char" && n.body.t !== "set") || mayStopShort(n.body)
    default:
      return false
  }
}

/**
 * A repetition of something that can itself match in several ways (`(a*)*`,
 * `(a|aa)+`): a backtracking engine may take exponential time on it.
 */
const backtracksBadly = (n: Node | null, inRepeat = false): boolean => {
  if (n === null) return false
  switch (n.t) {
    case "alt":
      return inRepeat || backtracksBadly(n.left, inRepeat) || backtracksBadly(n.right, inRepeat)
    case "group":
      return backtracksBadly(n.body, inRepeat)
    case "cat":
      return n.items.some((item) => backtracksBadly(item, inRepeat))
    case "repeat": {
      if (inRepeat && n.min !== n.max) return true
      const repeats = n.max === -1 || n.max > 1
      return backtracksBadly(n.body, inRepeat || (repeats && n.body.t !== "char" && n.body.t !== "set"))
    }
    default:
      return false
  }
}

/** The text a pattern of plain characters stands for, searched with `indexOf`; undefined otherwise. */
const literalText = (n: Node | null): string | undefined => {
  if (n === null) return undefined
  if (n.t === "char") return String.fromCharCode(n.c)
  if (n.t !== "cat") return undefined
  let text = ""
  for (const item of n.items) {
    if (item.t !== "char") return undefined
    text += String.fromCharCode(item.c)
  }
  return text
}

/** Compile `pattern` (code units are bytes), or give glibc's message for a malformed one. */
export const compileRegex = (pattern: string, options: CompileOptions): Regex | RegexError => {
  const parsed = parse(pattern, options)
  if (parsed instanceof RegexError) return parsed
  const delim = options.delim ?? 10
  const source = toSource(parsed.node, options.multiline, delim)
  // Letters are folded into sets already; the flag only matters for back-references.
  const flags = options.icase && parsed.hasBackref ? "gi" : "g"
  let plain: RegExp
  try {
    plain = new RegExp(source, flags)
  } catch {
    return new RegexError("Invalid regular expression")
  }
  let indexed: RegExp | undefined
  let vm: Program | undefined | null = mayStopShort(parsed.node) && !parsed.hasBackref ? null : undefined
  const backrefs = mayStopShort(parsed.node) && parsed.hasBackref
  const groups = parsed.groups
  const regs = new Int32Array(2 * (groups + 1)).fill(-1)
  const literal = literalText(parsed.node)
  if (literal !== undefined) {
    const search = (s: string, from: number): boolean => {
      const i = s.indexOf(literal, from)
      if (i === -1) return false
      regs[0] = i
      regs[1] = i + literal.length
      return true
    }
    return { groups, icase: options.icase, multiline: options.multiline, regs, search }
  }

  // Searched by the VM alone when backtracking could blow up (GNU sed's DFA never does).
  const linear =
    !parsed.hasBackref && backtracksBadly(parsed.node)
      ? compileVm(parsed.node, groups, options.multiline, delim)
      : undefined
  if (linear !== undefined) {
    let anchored: RegExp | undefined
    const search = (s: string, from: number, wantGroups: boolean): boolean => {
      if (!linear.search(s, from, regs)) return false
      if (wantGroups && groups > 0) {
        // Where a match is known to start, backtracking finds one quickly; its
        // groups are the right ones when it ends where the longest match does.
        const start = regs[0]
        const end = regs[1]
        anchored ??= new RegExp(source, `${flags}dy`)
        anchored.lastIndex = start
        const indices = anchored.exec(s)?.indices
        const whole = indices?.[0]
        regs.fill(-1)
        if (indices !== undefined && whole !== undefined && whole[1] === end) {
          for (let i = 0; i <= groups; i++) {
            const pair = indices[i]
            if (pair !== undefined) {
              regs[2 * i] = pair[0]
              regs[2 * i + 1] = pair[1]
            }
          }
        } else linear.longest(s, start, regs, true)
      }
      return true
    }
    return { groups, icase: options.icase, multiline: options.multiline, regs, search }
  }

  const search = (s: string, from: number, wantGroups: boolean): boolean => {
    if (!wantGroups || groups === 0) {
      plain.lastIndex = from
      const m = plain.exec(s)
      if (m === null) return false
      regs[0] = m.index
      regs[1] = m.index + m[0].length
    } else {
      indexed ??= new RegExp(source, `${flags}d`)
      indexed.lastIndex = from
      const m = indexed.exec(s)
      if (m === null) return false
      const indices = m.indices
      for (let i = 0; i <= groups; i++) {
        const pair = indices?.[i]
        regs[2 * i] = pair === undefined ? -1 : pair[0]
        regs[2 * i + 1] = pair === undefined ? -1 : pair[1]
      }
    }
    if (vm !== undefined && regs[1] < s.length) {
      if (vm === null) vm = compileVm(parsed.node, groups, options.multiline, delim)
      if (vm !== undefined) vm.longest(s, regs[0], regs, wantGroups && groups > 0)
    } else if (backrefs && regs[1] < s.length) {
      longestWithBackrefs(parsed.node, groups, s, regs, options.multiline, delim)
    }
    return true
  }
  return { groups, icase: options.icase, multiline: options.multiline, regs, search }
}
