import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { catchReadError, lineReader, openAll, type LineReader } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

/** A delimiter list entry: one byte, or nothing (`\0`). */
type Delim = number | null

const ESCAPES: Record<string, number | null> = { "0": null, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 }

/** Decode `-d LIST` as GNU does: `\0` is no delimiter, an unknown `\X` is X. */
const parseDelims = (list: string): ReadonlyArray<Delim> | undefined => {
  const out: Array<Delim> = []
  const bytes = new TextEncoder().encode(list)
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b !== 92) {
      out.push(b)
      continue
    }
    if (i + 1 >= bytes.length) return undefined
    const c = String.fromCharCode(bytes[++i])
    out.push(c in ESCAPES ? ESCAPES[c] : bytes[i])
  }
  return out
}

/** `paste`: merge lines of files. */
export const paste = make("paste", {
  summary:
    "Write lines consisting of the sequentially corresponding lines from each FILE, separated by TABs, to standard output.",
  flags: {
    delimiters: Flag.string("d", "delimiters", "reuse characters from LIST instead of TABs", { arg: "LIST" }),
    serial: Flag.boolean("s", "serial", "paste one file at a time instead of in parallel"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  run: ({ flags, operands, ctx, name, warn }) =>
    Effect.gen(function* () {
      const list = flags.delimiters ?? "\t"
      const parsed = parseDelims(list)
      if (parsed === undefined) {
        yield* warn(`delimiter list ends with an unescaped backslash: ${list}`)
        return 1
      }
      const delims: ReadonlyArray<Delim> = parsed.length === 0 ? [null] : parsed
      const eol = flags.zeroTerminated ? 0 : 10
      const files = operands.length === 0 ? ["-"] : operands
      const sink = makeSink(ctx.stdout)
      return yield* catchReadError(
        ctx,
        name,
        Effect.scoped(
          Effect.gen(function* () {
            const inputs = yield* openAll(ctx, name, files)
            if (inputs === null) return 1
            // Repeated `-` operands share one reader, so they take turns at stdin's lines.
            const readers = new Map<unknown, LineReader>()
            const slots = inputs.map((input) => {
              let r = readers.get(input)
              if (r === undefined) {
                r = lineReader(input, eol)
                readers.set(input, r)
              }
              return r
            })
            const status = flags.serial ? yield* serial(slots) : yield* parallel(slots)
            yield* sink.flush
            return status
          }),
        ),
      )

      function serial(slots: ReadonlyArray<LineReader>) {
        return Effect.gen(function* () {
          for (const reader of slots) {
            let d = 0
            let first = true
            while (true) {
              const line = yield* reader.next
              if (line === null) break
              if (!first) {
                const delim = delims[d]
                if (delim !== null) sink.byte(delim)
                d = (d + 1) % delims.length
              }
              first = false
              sink.push(line.bytes)
              yield* sink.flushIfFull
            }
            sink.byte(eol)
          }
          return 0
        })
      }

      function parallel(slots: ReadonlyArray<LineReader>) {
        return Effect.gen(function* () {
          const open = slots.map(() => true)
          let openCount = slots.length
          while (openCount > 0) {
            // Delimiters owed to files already at their end are written only if data follows.
            const saved: Array<number> = []
            let d = 0
            for (let i = 0; i < slots.length && openCount > 0; i++) {
              const line = open[i] ? yield* slots[i].next : null
              const last = i + 1 === slots.length
              if (line === null) {
                if (open[i]) {
                  open[i] = false
                  openCount--
                }
                if (last) {
                  if (openCount > 0) {
                    for (const b of saved) sink.byte(b)
                    sink.byte(eol)
                  }
                } else {
                  const delim = delims[d]
                  if (delim !== null) saved.push(delim)
                  d = (d + 1) % delims.length
                }
                continue
              }
              for (const b of saved) sink.byte(b)
              saved.length = 0
              sink.push(line.bytes)
              if (last) sink.byte(eol)
              else {
                const delim = delims[d]
                if (delim !== null) sink.byte(delim)
                d = (d + 1) % delims.length
              }
            }
            yield* sink.flushIfFull
          }
          return 0
        })
      }
    }),
})
