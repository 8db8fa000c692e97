import { Effect } from "effect"
import type { Mount } from "../../vfs/Namespace.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { strerror } from "./shared/Canonical.ts"

type Align = "left" | "right"

interface Column {
  readonly header: string
  readonly min: number
  readonly align: Align
  /** A mount's cell; undefined asks for the --total row's. */
  readonly value: (m: Mount | undefined) => string
}

/**
 * `df`: one line per mount of the namespace. The file system is the
 * resource kind (`ram`, `disk`, `s3`); resources do not report capacity, so
 * sizes are 0 and the use percentage `-`, as GNU df shows pseudo file systems.
 */
export const df = make("df", {
  summary: "Show information about the file system on which each FILE resides,\nor all file systems by default.",
  flags: {
    all: Flag.boolean("a", "all", "include pseudo, duplicate, inaccessible file systems"),
    blockSize: Flag.string("B", "block-size", "scale sizes by SIZE before printing them", { arg: "SIZE" }),
    human: Flag.boolean("h", "human-readable", "print sizes in powers of 1024 (e.g., 1023M)"),
    si: Flag.boolean("H", "si", "print sizes in powers of 1000 (e.g., 1.1G)"),
    inodes: Flag.boolean("i", "inodes", "list inode information instead of block usage"),
    k: Flag.boolean("k", null, "like --block-size=1K"),
    local: Flag.boolean("l", "local", "limit listing to local file systems"),
    portability: Flag.boolean("P", "portability", "use the POSIX output format"),
    total: Flag.boolean(null, "total", "elide all entries insignificant to available space, and produce a grand total"),
    printType: Flag.boolean("T", "print-type", "print file system type"),
    type: Flag.list("t", "type", "limit listing to file systems of type TYPE", { arg: "TYPE" }),
    excludeType: Flag.list("x", "exclude-type", "limit listing to file systems not of type TYPE", { arg: "TYPE" }),
  },
  operands: { usage: "[FILE]..." },
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      let status = 0
      let mounts: Array<Mount> = []
      if (operands.length === 0) mounts = [...ctx.fs.mounts()]
      else
        for (const operand of operands) {
          const abs = ctx.resolve(operand)
          const st = yield* Effect.result(ctx.fs.stat(abs))
          const route = ctx.fs.route(abs)
          if (st._tag === "Failure" || route === undefined) {
            status = 1
            const reason = st._tag === "Failure" ? strerror(st.failure) : "No such file or directory"
            yield* writeText(ctx.stderr, `df: ${quoteIfNeeded(operand)}: ${reason}\n`)
            continue
          }
          mounts.push(route.mount)
        }
      mounts = mounts.filter(
        (m) =>
          (flags.type.length === 0 || flags.type.includes(m.resource.kind)) &&
          !flags.excludeType.includes(m.resource.kind),
      )
      if (operands.length > 0 && mounts.length === 0 && status !== 0) return status
      const human = flags.human || flags.si
      const zero = () => "0"
      const columns: Array<Column> = [
        { header: "Filesystem", min: 14, align: "left", value: (m) => m?.resource.kind ?? "total" },
      ]
      if (flags.printType)
        columns.push({ header: "Type", min: 4, align: "left", value: (m) => m?.resource.kind ?? "-" })
      if (flags.inodes) {
        columns.push({ header: "Inodes", min: 5, align: "right", value: zero })
        columns.push({ header: "IUsed", min: 5, align: "right", value: zero })
        columns.push({ header: "IFree", min: 5, align: "right", value: zero })
        columns.push({ header: "IUse%", min: 4, align: "right", value: () => "-" })
      } else {
        const sizeHeader = human ? "Size" : flags.portability ? "1024-blocks" : `${blockHeader(flags.blockSize)}-blocks`
        columns.push({ header: sizeHeader, min: 5, align: "right", value: zero })
        columns.push({ header: "Used", min: 5, align: "right", value: zero })
        columns.push({ header: human ? "Avail" : "Available", min: 5, align: "right", value: zero })
        columns.push({ header: flags.portability ? "Capacity" : "Use%", min: 4, align: "right", value: () => "-" })
      }
      columns.push({ header: "Mounted on", min: 0, align: "left", value: (m) => m?.prefix ?? "-" })
      const rows: Array<ReadonlyArray<string>> = [columns.map((c) => c.header)]
      for (const m of mounts) rows.push(columns.map((c) => c.value(m)))
      if (flags.total) rows.push(columns.map((c) => c.value(undefined)))
      const widths = columns.map((c, i) => Math.max(c.min, ...rows.map((r) => r[i].length)))
      const text = rows
        .map((r) =>
          r
            .map((cell, i) => {
              if (i === r.length - 1) return cell
              return columns[i].align === "left" ? cell.padEnd(widths[i]) : cell.padStart(widths[i])
            })
            .join(" "),
        )
        .join("\n")
      yield* writeText(ctx.stdout, `${text}\n`)
      return status
    }),
})

/** The size column's header for a block size (`1K`, `1M`, `512B`). */
const blockHeader = (spec: string | undefined): string => {
  if (spec === undefined) return "1K"
  const m = /^(\d*)([KMGTPEZY]?)(B|iB)?$/i.exec(spec)
  if (m === null) return "1K"
  const n = m[1] === "" ? "1" : m[1]
  return m[2] === "" ? `${n}B` : `${n}${m[2].toUpperCase()}${m[3] === "B" ? "B" : ""}`
}
