import { isWordByte, type Anchor, type Node } from "./syntax.ts"

/**
 * The longest match at a given start for patterns with back-references,
 * which the VM cannot run: a backtracking search that tries every path in
 * priority order and keeps the longest (the first path found for a given
 * length wins, as with the VM). A step budget bounds the search; past it the
 * caller keeps what the JavaScript engine found.
 */

/** Paths explored before giving up. */
const BUDGET = 200_000

type Continuation = (pos: number) => boolean

/**
 * Extend `regs` (a match at `regs[0]` from a backtracking engine) to the
 * longest match from the same start; false when the budget ran out
 * (`regs` untouched then).
 */
export const longestWithBackrefs = (
  node: Node | null,
  groups: number,
  s: string,
  regs: Int32Array,
  multiline: boolean,
  delim: number,
): boolean => {
  const n = s.length
  const caps = new Int32Array(2 * (groups + 1)).fill(-1)
  let best: Int32Array | undefined
  let steps = 0
  let exhausted = false

  const holds = (a: Anchor, pos: number): boolean => {
    switch (a) {
      case "bol":
        return pos === 0 || (multiline && s.charCodeAt(pos - 1) === delim)
      case "eol":
        return pos === n || (multiline && s.charCodeAt(pos) === delim)
      case "bufStart":
        return pos === 0
      case "bufEnd":
        return pos === n
      default: {
        const before = pos > 0 && isWordByte(s.charCodeAt(pos - 1))
        const after = pos < n && isWordByte(s.charCodeAt(pos))
        if (a === "wordB") return before !== after
        if (a === "notWordB") return before === after
        if (a === "wordStart") return !before && after
        return before && !after
      }
    }
  }

  // Each function returns true to stop the whole search (budget, or a match to the end of the string).
  const match = (node: Node | null, pos: number, k: Continuation): boolean => {
    if (++steps > BUDGET) {
      exhausted = true
      return true
    }
    if (node === null) return k(pos)
    switch (node.t) {
      case "char":
        return pos < n && s.charCodeAt(pos) === node.c ? k(pos + 1) : false
      case "set":
        return pos < n && node.set[s.charCodeAt(pos)] === 1 ? k(pos + 1) : false
      case "anchor":
        return holds(node.a, pos) ? k(pos) : false
      case "group": {
        const i = 2 * node.n
        const oldStart = caps[i]
        const oldEnd = caps[i + 1]
        caps[i] = pos
        const stop = match(node.body, pos, (end) => {
          const inner = caps[i + 1]
          caps[i + 1] = end
          const r = k(end)
          caps[i + 1] = inner
          return r
        })
        caps[i] = oldStart
        caps[i + 1] = oldEnd
        return stop
      }
      case "backref": {
        const start = caps[2 * node.n]
        const end = caps[2 * node.n + 1]
        if (start < 0 || end < 0) return false
        const len = end - start
        return s.startsWith(s.slice(start, end), pos) ? k(pos + len) : false
      }
      case "cat": {
        const items = node.items
        const step = (index: number, p: number): boolean =>
          index === items.length ? k(p) : match(items[index], p, (next) => step(index + 1, next))
        return step(0, pos)
      }
      case "alt":
        return match(node.left, pos, k) || match(node.right, pos, k)
      case "repeat": {
        const { body, min, max } = node
        const iterate = (count: number, p: number): boolean => {
          if (max === -1 || count < max) {
            const stop = match(body, p, (next) =>
              // An optional iteration that matches nothing ends the repetition.
              next === p && count >= min ? false : iterate(count + 1, next),
            )
            if (stop) return true
          }
          return count >= min ? k(p) : false
        }
        return iterate(0, pos)
      }
    }
  }

  const start = regs[0]
  caps[0] = start
  match(node, start, (end) => {
    if (best === undefined || end > best[1]) {
      best = caps.slice()
      best[1] = end
    }
    return end === n
  })
  if (exhausted || best === undefined) return false
  regs.set(best.subarray(0, regs.length))
  return true
}
