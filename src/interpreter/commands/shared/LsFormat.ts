import type { FileStat } from "../../../vfs/Resource.ts"

/**
 * How `ls` lays out entries: the long format's fields, human sizes, block
 * totals and the column layout of `-C`.
 *
 * The namespace has no owners, link counts or allocated blocks, so `ls -l`
 * prints fixed, documented values: owner and group `user`, one link, and
 * blocks counted as ext4 allocates them (4 KiB per started 4 KiB, none for a
 * symlink or an empty file). Dates are UTC.
 */

/** Owner and group shown by `ls -l`. */
export const OWNER = "user"

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const SIX_MONTHS_MS = (31556952 / 2) * 1000

/** `drwxr-xr-x` for a stat. */
export const modeString = (st: FileStat): string => {
  const type = st.type === "directory" ? "d" : st.type === "symlink" ? "l" : "-"
  const m = st.mode
  const bit = (mask: number, c: string) => ((m & mask) !== 0 ? c : "-")
  const special = (x: number, s: number, lower: string, upper: string) =>
    (m & s) !== 0 ? ((m & x) !== 0 ? lower : upper) : bit(x, "x")
  return (
    type +
    bit(0o400, "r") +
    bit(0o200, "w") +
    special(0o100, 0o4000, "s", "S") +
    bit(0o040, "r") +
    bit(0o020, "w") +
    special(0o010, 0o2000, "s", "S") +
    bit(0o004, "r") +
    bit(0o002, "w") +
    special(0o001, 0o1000, "t", "T")
  )
}

/** `Jan  2 03:04` for times in the last six months, else `Jan  2  2020` (UTC). */
export const dateString = (mtime: number, now: number): string => {
  const d = new Date(mtime)
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`
  const recent = mtime >= now - SIX_MONTHS_MS && mtime <= now
  if (recent) return `${head} ${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`
  return `${head}  ${d.getUTCFullYear()}`
}

const UNITS = ["K", "M", "G", "T", "P", "E", "Z", "Y"]

/** GNU's `-h` size: rounded up, one decimal below 10 (`1.5K`, `12K`, `1023`). */
export const humanSize = (n: number): string => {
  if (n < 1024) return String(n)
  let v = n
  let u = -1
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024
    u++
  }
  if (v < 10) {
    const r = Math.ceil(v * 10 - 1e-9) / 10
    if (r < 10) return `${r.toFixed(1)}${UNITS[u]}`
    v = r
  }
  const r = Math.ceil(v - 1e-9)
  if (r >= 1024 && u < UNITS.length - 1) return `1.0${UNITS[u + 1]}`
  return `${r}${UNITS[u]}`
}

/** 1 KiB blocks a file occupies, as ext4 would allocate them. */
export const blocksOf = (st: FileStat): number => (st.type === "symlink" ? 0 : Math.ceil((st.size ?? 0) / 4096) * 4)

/**
 * GNU's `-C` layout for a line of `width` columns: as many columns as fit,
 * filled top to bottom, padded with tabs (stops every 8) and spaces.
 */
export const columns = (names: ReadonlyArray<string>, width = 80): string => {
  const n = names.length
  if (n === 0) return ""
  const maxCols = Math.max(1, Math.min(n, Math.floor(width / 3)))
  let best = { cols: 1, widths: [0] }
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols)
    const widths = Array.from({ length: cols }, () => 3)
    let lineLength = cols * 3
    let valid = true
    for (let i = 0; i < n; i++) {
      const col = Math.floor(i / rows)
      const length = names[i].length + (col === cols - 1 ? 0 : 2)
      if (widths[col] < length) {
        lineLength += length - widths[col]
        widths[col] = length
        if (lineLength >= width) valid = false
      }
    }
    if (valid) best = { cols, widths }
  }
  const rows = Math.ceil(n / best.cols)
  let out = ""
  for (let row = 0; row < rows; row++) {
    let pos = 0
    for (let col = 0, i = row; i < n; col++, i += rows) {
      out += names[i]
      if (i + rows >= n) break
      // Pad to the column's width with tabs where a tab stop is reached, as GNU's indent().
      let from = pos + names[i].length
      const to = pos + best.widths[col]
      while (from < to) {
        if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
          out += "\t"
          from += 8 - (from % 8)
        } else {
          out += " "
          from++
        }
      }
      pos += best.widths[col]
    }
    out += "\n"
  }
  return out
}
