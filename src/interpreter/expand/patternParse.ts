/**
 * Parses shell patterns (in the escaped form: a backslash makes the next
 * character literal) into a small tree, following bash 5.2's matcher
 * (lib/glob/sm_loop.c) for the odd corners: an unclosed `[` is a literal,
 * `[a\` can never match, an invalid class name matches nothing, an unclosed
 * extglob group is compared as plain text.
 */

/** An element of a bracket expression; characters are UTF-16 code units, unfolded. */
export type SetItem =
  | { readonly k: "char"; readonly c: number }
  | { readonly k: "range"; readonly lo: number; readonly hi: number }
  | { readonly k: "class"; readonly name: string }

/** A pattern element: literal text, `?`, `*`, a bracket expression, a bracket that never matches, or an extglob group. */
export type Node =
  | { readonly t: "lit"; readonly s: string }
  | { readonly t: "any" }
  | { readonly t: "star" }
  | { readonly t: "set"; readonly negated: boolean; readonly items: ReadonlyArray<SetItem> }
  | { readonly t: "none" }
  | { readonly t: "ext"; readonly op: ExtOp; readonly alts: ReadonlyArray<Seq> }

/** The extglob operators: `?(..)`, `*(..)`, `+(..)`, `@(..)`, `!(..)`. */
export type ExtOp = "?" | "*" | "+" | "@" | "!"

/** A sequence of elements matched one after the other. */
export type Seq = ReadonlyArray<Node>

/** The POSIX character classes bash knows (C locale). */
export const CLASS_NAMES: ReadonlySet<string> = new Set([
  "alnum",
  "alpha",
  "ascii",
  "blank",
  "cntrl",
  "digit",
  "graph",
  "lower",
  "print",
  "punct",
  "space",
  "upper",
  "word",
  "xdigit",
])

/** POSIX collating symbol names (`[[.hyphen.]]`) for the ASCII range, with bash's extensions. */
const COLLATING_NAMES: ReadonlyArray<readonly [number, string]> = [
  [0, "NUL"],
  [1, "SOH"],
  [2, "STX"],
  [3, "ETX"],
  [4, "EOT"],
  [5, "ENQ"],
  [6, "ACK"],
  [7, "alert"],
  [8, "BS backspace"],
  [9, "HT tab"],
  [10, "LF newline"],
  [11, "VT vertical-tab"],
  [12, "FF form-feed"],
  [13, "CR carriage-return"],
  [14, "SO"],
  [15, "SI"],
  [16, "DLE"],
  [17, "DC1"],
  [18, "DC2"],
  [19, "DC3"],
  [20, "DC4"],
  [21, "NAK"],
  [22, "SYN"],
  [23, "ETB"],
  [24, "CAN"],
  [25, "EM"],
  [26, "SUB"],
  [27, "ESC"],
  [28, "IS4 FS"],
  [29, "IS3 GS"],
  [30, "IS2 RS"],
  [31, "IS1 US"],
  [32, "space"],
  [33, "exclamation-mark"],
  [34, "quotation-mark"],
  [35, "number-sign"],
  [36, "dollar-sign"],
  [37, "percent-sign"],
  [38, "ampersand"],
  [39, "apostrophe"],
  [40, "left-parenthesis"],
  [41, "right-parenthesis"],
  [42, "asterisk"],
  [43, "plus-sign"],
  [44, "comma"],
  [45, "hyphen hyphen-minus minus dash"],
  [46, "period full-stop"],
  [47, "slash solidus"],
  [48, "zero"],
  [49, "one"],
  [50, "two"],
  [51, "three"],
  [52, "four"],
  [53, "five"],
  [54, "six"],
  [55, "seven"],
  [56, "eight"],
  [57, "nine"],
  [58, "colon"],
  [59, "semicolon"],
  [60, "less-than-sign"],
  [61, "equals-sign"],
  [62, "greater-than-sign"],
  [63, "question-mark"],
  [64, "commercial-at"],
  [91, "left-square-bracket"],
  [92, "backslash reverse-solidus"],
  [93, "right-square-bracket"],
  [94, "circumflex circumflex-accent"],
  [95, "underscore"],
  [96, "grave-accent"],
  [123, "left-brace left-curly-bracket"],
  [124, "vertical-line"],
  [125, "right-brace right-curly-bracket"],
  [126, "tilde"],
  [127, "DEL"],
]
const COLLATING = new Map(COLLATING_NAMES.flatMap(([code, names]) => names.split(" ").map((n) => [n, code] as const)))

/** The code of a collating symbol's name, or undefined when bash would not know it. */
const collatingSymbol = (name: string): number | undefined =>
  name.length === 1 ? name.charCodeAt(0) : COLLATING.get(name)

type Bracket =
  | { readonly kind: "literal" }
  | { readonly kind: "never" }
  | { readonly kind: "set"; readonly node: Node; readonly end: number }

/**
 * Parses the bracket expression whose `[` is just before `start`, reading no
 * further than `end`. A bracket without its `]` is a literal `[`.
 */
const parseBracket = (p: string, start: number, end: number, pathname: boolean): Bracket => {
  const at = (k: number): string | undefined => (k < end ? p[k] : undefined)
  let i = start
  let negated = false
  if (at(i) === "!" || at(i) === "^") {
    negated = true
    i++
  }
  const items: Array<SetItem> = []
  let c = at(i++)
  for (;;) {
    // undefined stands for a collating symbol bash cannot resolve: it matches nothing
    let cstart: number | undefined = c?.charCodeAt(0)
    if (c === "[" && at(i) === "=" && at(i + 2) === "=" && at(i + 3) === "]") {
      items.push({ k: "char", c: p.charCodeAt(i + 1) })
      i += 4
      c = at(i++)
      if (c === undefined) return { kind: "literal" }
      // bash reads on past this `]` unless the character matched already, so
      // only members can match: a negated set matches nothing
      if (c === "]") return negated ? { kind: "never" } : { kind: "set", node: { t: "set", negated, items }, end: i }
      continue
    }
    if (c === "[" && at(i) === ":") {
      let close = i + 1
      while (close < end && !(p[close] === ":" && at(close + 1) === "]")) close++
      if (close < end) {
        const name = p.slice(i + 1, close).replaceAll("\\", "")
        if (CLASS_NAMES.has(name)) items.push({ k: "class", name })
        i = close + 2
      }
      c = at(i++)
      if (c === undefined) return { kind: "literal" }
      if (c === "]") break
      continue
    }
    if (c === "[" && at(i) === ".") {
      let close = i + 1
      while (close < end && !(p[close] === "." && at(close + 1) === "]")) close++
      cstart = close < end ? collatingSymbol(p.slice(i + 1, close)) : undefined
      i = close < end ? close + 2 : close
    }
    if (c === "\\") {
      if (at(i) === undefined) return { kind: "never" }
      cstart = p.charCodeAt(i++)
    }
    if (c === undefined) return { kind: "literal" }
    c = at(i++)
    if (c === undefined) return { kind: "literal" }
    if (pathname && c === "/") return { kind: "never" }
    if (c === "-" && at(i) !== "]") {
      let e = at(i++)
      if (e === "\\") e = at(i++)
      if (e === undefined) return { kind: "never" }
      let cend: number | undefined = e.charCodeAt(0)
      if (e === "[" && at(i) === ".") {
        let close = i + 1
        while (close < end && !(p[close] === "." && at(close + 1) === "]")) close++
        cend = close < end ? collatingSymbol(p.slice(i + 1, close)) : undefined
        i = close < end ? close + 2 : close
      }
      c = at(i++)
      if (cstart !== undefined && cend !== undefined) items.push({ k: "range", lo: cstart, hi: cend })
    } else if (cstart !== undefined) items.push({ k: "char", c: cstart })
    if (c === "]") break
  }
  return { kind: "set", node: { t: "set", negated, items }, end: i }
}

/**
 * bash's PATSCAN: from `start` (just inside an extglob group), the index just
 * past the `)` closing the group (or past the next top-level `|` when
 * `untilBar`), skipping escapes, nested groups and bracket expressions; -1
 * when the group does not close before `end`.
 */
const scanGroup = (p: string, start: number, end: number, untilBar: boolean): number => {
  let parens = 0
  let inBracket = false
  let bracketFirst = -1
  let classChar = ""
  for (let s = start; s < end; s++) {
    const c = p[s]
    if (c === "\\") s++
    else if (c === "[") {
      if (!inBracket) {
        bracketFirst = s + 1
        if (p[bracketFirst] === "!" || p[bracketFirst] === "^") bracketFirst++
        inBracket = true
      } else if (p[s + 1] === ":" || p[s + 1] === "." || p[s + 1] === "=") classChar = p[s + 1]
    } else if (c === "]") {
      if (inBracket) {
        if (classChar !== "" && p[s - 1] === classChar) classChar = ""
        else if (s !== bracketFirst) inBracket = false
      }
    } else if (inBracket) continue
    else if (c === "(") parens++
    else if (c === ")") {
      if (parens-- <= 0) return s + 1
    } else if (c === "|" && parens === 0 && untilBar) return s + 1
  }
  return -1
}

const EXT_OPS = "?*+@!"
const isExtOp = (c: string): c is ExtOp => c.length === 1 && EXT_OPS.includes(c)

/** Parses `p[start, end)` as a sequence of pattern elements. */
export const parseSeq = (p: string, start: number, end: number, extglob: boolean, pathname: boolean): Seq => {
  const nodes: Array<Node> = []
  let text = ""
  const flush = (): void => {
    if (text !== "") nodes.push({ t: "lit", s: text })
    text = ""
  }
  let i = start
  while (i < end) {
    const c = p[i]
    if (extglob && isExtOp(c) && i + 1 < end && p[i + 1] === "(") {
      const close = scanGroup(p, i + 2, end, false)
      flush()
      if (close < 0) {
        // bash compares the rest of an unclosed group as plain text
        nodes.push({ t: "lit", s: p.slice(i, end) })
        break
      }
      const alts: Array<Seq> = []
      for (let from = i + 2; ;) {
        const next = scanGroup(p, from, end, true)
        alts.push(parseSeq(p, from, next - 1, extglob, pathname))
        if (next >= close) break
        from = next
      }
      nodes.push({ t: "ext", op: c, alts })
      i = close
    } else if (c === "\\") {
      text += i + 1 < end ? p[i + 1] : "\\"
      i += 2
    } else if (c === "?" || c === "*") {
      flush()
      nodes.push({ t: c === "?" ? "any" : "star" })
      i++
    } else if (c === "[") {
      const b = parseBracket(p, i + 1, end, pathname)
      if (b.kind === "literal") {
        text += "["
        i++
      } else {
        flush()
        if (b.kind === "never") {
          nodes.push({ t: "none" })
          break
        }
        nodes.push(b.node)
        i = b.end
      }
    } else {
      text += c
      i++
    }
  }
  flush()
  return nodes
}
