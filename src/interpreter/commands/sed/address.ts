import { RANGE_ACTIVE, RANGE_CLOSED, type Address, type Command } from "./Script.ts"

/**
 * Address matching, ported from GNU sed's `match_address_p`: ranges keep
 * their state in the command, a numeric end already passed closes the range
 * for good, `addr1,+N` and `addr1,~N` compute their end when they start.
 */

/** A line-number address (`num`, `first~step`, the `+N`/`~N` ends, or the always-true null address). */
export const matchLine = (a: Address, line: number): number => {
  switch (a.type) {
    case "null":
      return 1
    case "numMod":
      return line >= a.num && (line - a.num) % a.step === 0 ? 1 : 0
    case "step":
    case "stepMod":
      return a.num <= line ? 1 : 0
    case "num":
      return a.num === line ? 1 : 0
    default:
      return 0
  }
}

/**
 * Whether `cmd`'s addresses select line number `line`: 1 or 0, or -1
 * when `one` needed a look ahead for `$` (then call again: it is safe).
 * `one` matches a single address against the current line.
 */
export const matchAddress = (cmd: Command, line: number, one: (a: Address) => number): number => {
  const a1 = cmd.a1
  const a2 = cmd.a2
  if (a1 === undefined) return 1
  if (cmd.rangeState !== RANGE_ACTIVE) {
    if (a2 === undefined) return one(a1)
    if (a1.type === "num") {
      if (cmd.rangeState === RANGE_CLOSED || line < a1.num) return 0
    } else {
      const m = one(a1)
      if (m !== 1) return m
    }
    cmd.rangeState = RANGE_ACTIVE
    switch (a2.type) {
      case "regex":
        return 1
      case "num":
        if (line >= a2.num) cmd.rangeState = RANGE_CLOSED
        return line <= a2.num || one(a1) === 1 ? 1 : 0
      case "step":
        a2.num = line + a2.step
        return 1
      case "stepMod":
        a2.num = line + (a2.step - (line % a2.step))
        return 1
    }
  }
  if (a2 === undefined) return 1
  if (a2.type === "num") {
    if (line >= a2.num) cmd.rangeState = RANGE_CLOSED
    return line <= a2.num ? 1 : 0
  }
  const m = one(a2)
  if (m === -1) return m
  if (m === 1) cmd.rangeState = RANGE_CLOSED
  return 1
}
