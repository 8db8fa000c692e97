/**
 * Number arguments as coreutils reads them.
 */

/** Power of 1024 (or of 1000 with a `B` suffix) each letter stands for. */
const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 }

/**
 * A count with an optional multiplier suffix (`1K`, `2MB`, `3KiB`, `5b`), as
 * `head -n`/`-c` and `tail` accept; leading blanks and `+` are allowed. Too
 * large a value saturates to Infinity. Undefined when malformed.
 */
export const parseCount = (text: string): number | undefined => {
  const m = /^[ \t\n\v\f\r]*\+?(\d+)(?:([bkKmMGTPEZY])(iB|B|D)?)?$/.exec(text)
  if (m === null) return undefined
  let n = Number(m[1])
  if (m[2] !== undefined) {
    const unit = m[2]
    if (unit === "b") n *= 512
    else n *= (m[3] === "B" || m[3] === "D" ? 1000 : 1024) ** POWERS[unit]
  }
  return Number.isSafeInteger(n) ? n : Infinity
}
