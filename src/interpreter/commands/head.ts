import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import type { Input } from "../Io.ts"
import { eachFile, strayDigit, wantHeaders } from "./shared/HeadTail.ts"
import { eachLine } from "./shared/Lines.ts"
import { parseCount } from "./shared/Numbers.ts"
import { makeSink, type Sink } from "./shared/Sink.ts"

/** `head -5`, `head -5c`, `head -2kqv`: the historical first-argument syntax. */
const obsolete = (args: ReadonlyArray<string>): ReadonlyArray<string> | { readonly error: string } => {
  let rest = args
  const out: Array<string> = []
  const m = args.length > 0 ? /^-(\d+)(.*)$/.exec(args[0]) : null
  if (m !== null) {
    let unit = "-n"
    let multiplier = ""
    for (const c of m[2]) {
      if (c === "c") [unit, multiplier] = ["-c", ""]
      else if (c === "b" || c === "k" || c === "m") [unit, multiplier] = ["-c", c]
      else if (c === "l") unit = "-n"
      else if (c === "q" || c === "v" || c === "z") out.push(`-${c}`)
      else return { error: `invalid trailing option -- ${c}` }
    }
    out.unshift(unit, m[1] + multiplier)
    rest = args.slice(1)
  }
  const digit = strayDigit(rest)
  if (digit !== undefined) return { error: `invalid trailing option -- ${digit}` }
  return [...out, ...rest]
}

/** Copy the first `count` units (bytes, or lines ending in `delimiter`), then leave the rest unread. */
const copyFirst = (input: Input, sink: Sink, count: number, delimiter: number | undefined) =>
  Effect.gen(function* () {
    let remaining = count
    while (remaining > 0) {
      const chunk = yield* input.read
      if (chunk === null) return
      let end = chunk.length
      if (delimiter === undefined) {
        if (chunk.length >= remaining) end = remaining
        remaining -= end
      } else {
        let pos = 0
        while (remaining > 0) {
          const i = chunk.indexOf(delimiter, pos)
          if (i === -1) break
          pos = i + 1
          remaining--
        }
        if (remaining === 0) end = pos
      }
      sink.pushRange(chunk, 0, end)
      if (end < chunk.length) input.unread(chunk.subarray(end))
      yield* sink.flushIfFull
    }
  })

/** Copy all but the last `count` lines, holding only those in memory. */
const allButLastLines = (input: Input, sink: Sink, count: number, delimiter: number) => {
  // A ring of the last `count` lines: each new line pushes out the oldest.
  const ring: Array<Uint8Array> = []
  let next = 0
  return eachLine(
    input,
    (bytes, start, end, terminated) => {
      const line = bytes.slice(start, terminated ? end + 1 : end)
      if (count === 0) sink.push(line)
      else if (ring.length < count) ring.push(line)
      else {
        sink.push(ring[next])
        ring[next] = line
        next = (next + 1) % count
      }
    },
    sink.flushIfFull,
    delimiter,
  )
}

/** Copy all but the last `count` bytes, holding only those in memory. */
const allButLastBytes = (input: Input, sink: Sink, count: number) =>
  Effect.gen(function* () {
    const held: Array<Uint8Array> = []
    let heldSize = 0
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) return
      held.push(chunk)
      heldSize += chunk.length
      while (held.length > 0 && heldSize - held[0].length >= count) {
        const c = held[0]
        held.shift()
        heldSize -= c.length
        sink.push(c)
      }
      if (heldSize > count && held.length > 0) {
        const over = heldSize - count
        sink.pushRange(held[0], 0, over)
        held[0] = held[0].subarray(over)
        heldSize -= over
      }
      yield* sink.flushIfFull
    }
  })

/** `head`: output the first part of files. */
export const head = make("head", {
  summary: "Print the first 10 lines of each FILE to standard output.",
  flags: {
    bytes: Flag.string(
      "c",
      "bytes",
      "print the first NUM bytes of each file; with the leading '-', print all but the last NUM bytes",
      { arg: "[-]NUM" },
    ),
    lines: Flag.string(
      "n",
      "lines",
      "print the first NUM lines instead of the first 10; with the leading '-', print all but the last NUM lines",
      { arg: "[-]NUM" },
    ),
    quiet: Flag.boolean("q", ["quiet", "silent"], "never print headers giving file names"),
    verbose: Flag.boolean("v", "verbose", "always print headers giving file names"),
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
      const allBut = text.startsWith("-")
      if (allBut) text = text.slice(1)
      const count = parseCount(text)
      if (count === undefined) {
        yield* warn(`invalid number of ${byLines ? "lines" : "bytes"}: '${text}'`)
        return 1
      }
      const delimiter = flags.zeroTerminated ? 0 : 10
      const sink = makeSink(ctx.stdout)
      const headers = wantHeaders(flags.quiet, flags.verbose, occurrences, operands.length)
      return yield* eachFile(ctx, name, operands, headers, sink, (input) => {
        if (!allBut) return copyFirst(input, sink, count, byLines ? delimiter : undefined)
        if (count === Infinity) return Effect.void
        return byLines
          ? Effect.asVoid(allButLastLines(input, sink, count, delimiter))
          : allButLastBytes(input, sink, count)
      })
    }),
})
