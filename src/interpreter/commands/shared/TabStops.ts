/**
 * Tab stops as `expand` and `unexpand` read them (GNU expand-common): a
 * single size, or a comma or blank separated list of columns whose last
 * entry may be `/N` (every N after the list) or `+N` (N apart from the last).
 */

/** Parsed tab stops. */
export interface TabStops {
  /** Every `size` columns, when nonzero. */
  readonly size: number
  readonly list: ReadonlyArray<number>
  readonly extend: number
  readonly increment: number
  /** The widest gap between stops (unexpand's pending-blank bound). */
  readonly maxWidth: number
}

const quoted = (s: string) => `'${s}'`

/**
 * Parse every `-t` argument in order into tab stops; an error is the
 * message GNU prints (status 1).
 */
export const parseTabStops = (specs: ReadonlyArray<string>): TabStops | { readonly error: string } => {
  const list: Array<number> = []
  let extend = 0
  let increment = 0
  for (const stops of specs) {
    let have = false
    let value = 0
    let isExtend = false
    let isIncrement = false
    const finish = (): string | undefined => {
      if (!have) return undefined
      if (isExtend) {
        if (extend) return "'/' specifier only allowed with the last value"
        extend = value
      } else if (isIncrement) {
        if (increment) return "'+' specifier only allowed with the last value"
        increment = value
      } else list.push(value)
      return undefined
    }
    for (let i = 0; i < stops.length; i++) {
      const c = stops[i]
      if (c === "," || c === " " || c === "\t") {
        const problem = finish()
        if (problem) return { error: problem }
        have = false
      } else if (c === "/" || c === "+") {
        if (have) return { error: `'${c}' specifier not at start of number: ${quoted(stops.slice(i))}` }
        isExtend = c === "/"
        isIncrement = c === "+"
      } else if (c >= "0" && c <= "9") {
        if (!have) {
          value = 0
          have = true
        }
        value = value * 10 + Number(c)
        if (!Number.isSafeInteger(value)) {
          const digits = /^\d+/.exec(stops.slice(stops.slice(0, i).search(/\d*$/)))?.[0] ?? ""
          return { error: `tab stop is too large ${quoted(digits)}` }
        }
      } else return { error: `tab size contains invalid character(s): ${quoted(stops.slice(i))}` }
    }
    const problem = finish()
    if (problem) return { error: problem }
  }
  let prev = 0
  for (const t of list) {
    if (t === 0) return { error: "tab size cannot be 0" }
    if (t <= prev) return { error: "tab sizes must be ascending" }
    prev = t
  }
  if (increment && extend) return { error: "'/' specifier is mutually exclusive with '+'" }
  let maxWidth = 0
  list.forEach((t, i) => (maxWidth = Math.max(maxWidth, t - (i > 0 ? list[i - 1] : 0))))
  if (list.length === 0) {
    const size = extend || increment || 8
    return { size, list, extend, increment, maxWidth: size }
  }
  if (list.length === 1 && !extend && !increment) return { size: list[0], list, extend, increment, maxWidth }
  return { size: 0, list, extend, increment, maxWidth: Math.max(maxWidth, extend, increment) }
}

/**
 * The column of the next tab stop after `column`, advancing `cursor.index`
 * through the list; -1 when past the last stop of a plain list.
 */
export const nextTabColumn = (stops: TabStops, column: number, cursor: { index: number }): number => {
  if (stops.size) return column + (stops.size - (column % stops.size))
  for (; cursor.index < stops.list.length; cursor.index++) {
    const tab = stops.list[cursor.index]
    if (column < tab) return tab
  }
  if (stops.extend) return column + (stops.extend - (column % stops.extend))
  if (stops.increment) {
    const end = stops.list[stops.list.length - 1]
    return column + (stops.increment - ((column - end) % stops.increment))
  }
  return -1
}

const isObsolete = (args: ReadonlyArray<string>, i: number): boolean =>
  /^-\d[\d,]*$/.test(args[i]) && !(i > 0 && (args[i - 1] === "-t" || args[i - 1] === "--tabs"))

/** `expand -4` and `unexpand -4,8`: the historical option that gives tab stops directly. */
export const obsoleteTabs = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--") {
      out.push(...args.slice(i))
      break
    }
    out.push(...(isObsolete(args, i) ? ["-t", args[i].slice(1)] : [args[i]]))
  }
  return out
}

/** How many `-t` values `obsoleteTabs` made (unexpand's `-4` does not imply `-a` as `-t 4` does). */
export const countObsoleteTabs = (args: ReadonlyArray<string>): number => {
  let n = 0
  for (let i = 0; i < args.length && args[i] !== "--"; i++) if (isObsolete(args, i)) n++
  return n
}
