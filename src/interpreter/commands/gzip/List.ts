import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import type { Input } from "../../Io.ts"
import { formatDate } from "../date/Format.ts"
import { zoneFromTZ } from "../date/Zone.ts"
import { GzipError, parseHeader } from "./Gunzip.ts"

/** One file's line of `gzip -l`. */
export interface ListEntry {
  readonly compressed: number
  readonly uncompressed: number
  readonly crc: number
  readonly mtime: number
  /** Header and trailer bytes, which the ratio leaves out. */
  readonly overhead: number
}

/**
 * Read what `gzip -l` shows of an input: its header, its size and the
 * trailer's CRC and length (of the last member, as gzip reads them).
 */
export const listInput = (input: Input): Effect.Effect<ListEntry, VfsError | GzipError> =>
  Effect.gen(function* () {
    let head = new Uint8Array(0)
    let tail = new Uint8Array(0)
    let size = 0
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      size += chunk.length
      if (head.length < 4096) {
        const merged = new Uint8Array(head.length + chunk.length)
        merged.set(head)
        merged.set(chunk, head.length)
        head = merged.slice(0, 4096)
      }
      const joined = new Uint8Array(tail.length + chunk.length)
      joined.set(tail)
      joined.set(chunk, tail.length)
      tail = joined.slice(Math.max(0, joined.length - 8))
    }
    const parsed = parseHeader(head)
    if (parsed === "bad" || (head.length > 0 && parsed === undefined && size > head.length)) {
      return yield* Effect.fail(new GzipError({ message: "not in gzip format", newline: true }))
    }
    if (parsed === undefined || tail.length < 8) {
      return yield* Effect.fail(new GzipError({ message: "unexpected end of file", newline: true }))
    }
    const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0
    return {
      compressed: size,
      uncompressed: u32(tail, 4),
      crc: u32(tail, 0),
      mtime: parsed.header.mtime,
      overhead: parsed.header.overhead,
    }
  })

/** gzip's `display_ratio`: `%5.1f%%` of num/den, 0 when den is 0. */
export const ratio = (num: number, den: number): string =>
  `${(den === 0 ? 0 : (100 * num) / den).toFixed(1).padStart(5)}%`

const W = 19

/** The `gzip -l` table as lines, built one entry at a time. */
export const makeListing = (ctx: CommandContext, verbose: boolean) => {
  let headerShown = false
  let totalIn = 0
  let totalOut = 0
  let lastOverhead = 0
  const zone = zoneFromTZ(ctx.env.get("TZ"))
  return {
    line: (entry: ListEntry, name: string, fileMtime: number): string => {
      let out = ""
      if (!headerShown) {
        headerShown = true
        out += `${verbose ? "method  crc     date  time  " : ""}${"compressed".padStart(W)} ${"uncompressed".padStart(W)}  ratio uncompressed_name\n`
      }
      if (verbose) {
        // gzip shows the file's own time; stdin (no file) falls back to the header's.
        const seconds = fileMtime > 0 ? Math.floor(fileMtime / 1000) : entry.mtime
        const when = formatDate("%b%_3d %H:%M", { seconds, nanos: 0 }, zone)
        out += `defla ${entry.crc.toString(16).padStart(8, "0")} ${when} `
      }
      totalIn += entry.compressed
      totalOut += entry.uncompressed
      lastOverhead = entry.overhead
      const r = ratio(entry.uncompressed - (entry.compressed - entry.overhead), entry.uncompressed)
      return `${out}${String(entry.compressed).padStart(W)} ${String(entry.uncompressed).padStart(W)} ${r} ${name}\n`
    },
    totals: (): string => {
      if (totalIn <= 0 || totalOut <= 0) return ""
      const r = ratio(totalOut - (totalIn - lastOverhead), totalOut)
      return `${verbose ? " ".repeat(28) : ""}${String(totalIn).padStart(W)} ${String(totalOut).padStart(W)} ${r} (totals)\n`
    },
  }
}
