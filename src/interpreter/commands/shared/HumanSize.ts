/**
 * Sizes as coreutils prints them (`du -h`, `df -h`, `ls -lh`): gnulib's
 * `human_readable` with rounding up, one decimal below 10, and the block
 * sizes `-B`/`--block-size` accepts.
 */

const UNITS = "KMGTPEZYRQ"

/**
 * `bytes` in powers of `base` (1024, or 1000 for `--si`), rounded up:
 * `0`, `512`, `1.0K`, `4.0K`, `12K`, `1.5M`. `--si` writes `k` for 1000.
 */
export const humanSize = (bytes: number, base: 1000 | 1024 = 1024): string => {
  if (bytes < base) return String(Math.ceil(bytes))
  let value = bytes
  let unit = -1
  while (value >= base && unit < UNITS.length - 1) {
    value /= base
    unit++
  }
  let letter = UNITS[unit]
  if (base === 1000 && letter === "K") letter = "k"
  if (value < 10) {
    let tenths = Math.ceil(value * 10 - 1e-9)
    if (tenths >= 100) {
      // 9.95 and up rounds to 10: print as a whole number.
      return `${Math.ceil(value)}${letter}`
    }
    return `${Math.floor(tenths / 10)}.${tenths % 10}${letter}`
  }
  const whole = Math.ceil(value - 1e-9)
  if (whole >= base && unit < UNITS.length - 1)
    return `1.0${base === 1000 && UNITS[unit + 1] === "K" ? "k" : UNITS[unit + 1]}`
  return `${whole}${letter}`
}

/** A parsed `--block-size`: bytes per unit, and the suffix to print after each number (for `-BK` style). */
export interface BlockSize {
  readonly size: number
  readonly suffix: string
}

const POWERS: Record<string, number> = { K: 1, k: 1, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 }

/**
 * Parse a block size (`1024`, `K`, `1M`, `KB`, `MiB`), or undefined when
 * invalid. A size written with a unit but no number prints that unit after
 * every count, as coreutils does.
 */
export const parseBlockSize = (text: string): BlockSize | undefined => {
  const m = /^(\d*)([KkMGTPEZY])?(iB|B)?$/.exec(text)
  if (m === null || (m[1] === "" && m[2] === undefined)) return undefined
  const n = m[1] === "" ? 1 : Number(m[1])
  const unit = m[2] === undefined ? 1 : (m[3] === "B" ? 1000 : 1024) ** POWERS[m[2]]
  const size = n * unit
  if (size === 0 || !Number.isSafeInteger(size)) return undefined
  return { size, suffix: m[1] === "" ? `${m[2] ?? ""}${m[3] ?? ""}` : "" }
}
