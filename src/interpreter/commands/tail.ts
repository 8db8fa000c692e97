import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { concat, type Input } from "../Io.ts"
import { eachFile, strayDigit, wantHeaders } from "./shared/HeadTail.ts"
import { parseCount } from "./shared/Numbers.ts"
import { countByte } from "./shared/ByteCount.ts"
import { makeSink, type Sink } from "./shared/Sink.ts"

/**
 * `tail -5`, `tail +5 file`, `tail -5c`: the historical syntax, recognized
 * (as GNU does) only as the first argument followed by at most one file.
 */
const obsolete = (
  args: ReadonlyArray<string>,
): ReadonlyArray<string> | { readonly error: string; readonly tryHelp?: boolean } => {
  const first = args[0]
  const applies = args.length === 1 || (args.length === 2 && !(args[1].startsWith("-") && args[1].length > 1))
  const m = first === undefined ? null : /^([+-])(\d*)([bcl]?)f?$/.exec(first)
  if (applies && m !== null && !(m[1] === "-" && m[2] === "" && (m[3] === "" || m[3] === "c"))) {
    const from = m[1] === "+" ? "+" : ""
    const digits = m[2] === "" ? "10" : m[2]
    const option = m[3] === "b" || m[3] === "c" ? "-c" : "-n"
    return [option, from + digits + (m[3] === "b" ? "b" : ""), ...args.slice(1)]
  }
  const digit = strayDigit(args)
  if (digit !== undefined) return { error: `option used in invalid context -- ${digit}`, tryHelp: false }
  return args
}

/** Skip `count` units (bytes, or lines ending in `delimiter`), then copy the rest. */
const skipThenCopy = (input: Input, sink: Sink, count: number, delimiter: number | undefined) =>
  Effect.gen(function* () {
    let skip = count
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) return
      let start = 0
      if (skip > 0) {
        if (delimiter === undefined) {
          start = Math.min(skip, chunk.length)
          skip -= start
        } else {
          while (skip > 0) {
            const i = chunk.indexOf(delimiter, start)
            if (i === -1) {
              start = chunk.length
              break
            }
            start = i + 1
            skip--
          }
        }
      }
      sink.pushRange(chunk, start, chunk.length)
      yield* sink.flushIfFull
    }
  })

/**
 * Copy the last `count` units. Only the chunks that can still hold them are
 * kept: a chunk is dropped once the later ones hold `count` more delimiters
 * (or bytes) than needed.
 */
const copyLast = (input: Input, sink: Sink, count: number, delimiter: number | undefined) =>
  Effect.gen(function* () {
    if (count === 0) return
    const held: Array<{ readonly chunk: Uint8Array; readonly units: number }> = []
    let units = 0
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      const n = delimiter === undefined ? chunk.length : countByte(chunk, delimiter)
      held.push({ chunk, units: n })
      units += n
      while (held.length > 1 && units - held[0].units > count) {
        units -= held[0].units
        held.shift()
      }
    }
    const all = concat(held.map((h) => h.chunk))
    let start = 0
    if (delimiter === undefined) start = Math.max(0, all.length - count)
    else {
      // Walk back over `count` line ends; a final unterminated line counts as one.
      let pos = all.length - 1
      if (pos >= 0 && all[pos] === delimiter) pos--
      let seen = 0
      start = 0
      while (pos >= 0) {
        if (all[pos] === delimiter && ++seen === count) {
          start = pos + 1
          break
        }
        pos--
      }
    }
    sink.pushRange(all, start, all.length)
  })

/** `tail`: output the last part of files. */
export const tail = make("tail", {
  summary: "Print the last 10 lines of each FILE to standard output.",
  flags: {
    bytes: Flag.string(
      "c",
      "bytes",
      "output the last NUM bytes; or use -c +NUM to output starting with byte NUM of each file",
      { arg: "[+]NUM" },
    ),
    lines: Flag.string(
      "n",
      "lines",
      "output the last NUM lines, instead of the last 10; or use -n +NUM to skip NUM-1 lines at the start",
      { arg: "[+]NUM" },
    ),
    quiet: Flag.boolean("q", ["quiet", "silent"], "never output headers giving file names"),
    verbose: Flag.boolean("v", "verbose", "always output headers giving file names"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[FILE]..." },
  details: "NUM may have a multiplier suffix: b 512, kB 1000, K 1024, MB 1000*1000, M 1024*1024, and so on.",
  preprocess: obsolete,
  run: ({ flags, operands, occurrences, ctx, name, warn }) =>
    Effect.gen(function* () {
      const last = [...occurrences].reverse().find((o) => o.key === "lines" || o.key === "bytes")
      const byLines = last === undefined || last.key === "lines"
      let text = last?.value ?? "10"
      const fromStart = text.startsWith("+")
      if (text.startsWith("-")) text = text.slice(1)
      const count = parseCount(text)
      if (count === undefined) {
        yield* warn(`invalid number of ${byLines ? "lines" : "bytes"}: '${text}'`)
        return 1
      }
      const delimiter = byLines ? (flags.zeroTerminated ? 0 : 10) : undefined
      const sink = makeSink(ctx.stdout)
      const headers = wantHeaders(flags.quiet, flags.verbose, occurrences, operands.length)
      return yield* eachFile(ctx, name, operands, headers, sink, (input) =>
        fromStart
          ? skipThenCopy(input, sink, Math.max(0, count - 1), delimiter)
          : copyLast(input, sink, count, delimiter),
      )
    }),
})
