import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import type { VfsError } from "../../vfs/VfsError.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import type { Input } from "../Io.ts"
import { resolveOperand, withInput } from "./shared/Files.ts"
import { countByte } from "./shared/ByteCount.ts"
import { makeSink } from "./shared/Sink.ts"

interface Counts {
  lines: number
  words: number
  bytes: number
  maxLine: number
}

/** Counts so far, and the state of the word and line being scanned. */
interface Scan extends Counts {
  inWord: boolean
  pos: number
}

/**
 * Count as GNU wc does in the C locale: a word is a run of printable
 * non-space bytes (other bytes neither start nor end one); `-L` advances tabs
 * to the next multiple of 8 and resets at CR and FF. A plain function, so
 * that the loop is optimized (a generator's loop is not, until it resumes).
 */
const scanChunk = (chunk: Uint8Array, c: Scan): void => {
  let inWord = c.inWord
  let pos = c.pos
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]
    if (b > 32 && b < 127) {
      pos++
      inWord = true
      continue
    }
    switch (b) {
      case 10:
      case 13:
      case 12:
        if (b === 10) c.lines++
        if (pos > c.maxLine) c.maxLine = pos
        pos = 0
        break
      case 9:
        pos += 8 - (pos % 8)
        break
      case 32:
        pos++
        break
      case 11:
        break
      default:
        continue
    }
    if (inWord) c.words++
    inWord = false
  }
  c.inWord = inWord
  c.pos = pos
}

/** Count an input; `linesOnly` when words and widths are not asked for (bytes always are). */
const count = (input: Input, linesOnly: boolean): Effect.Effect<Counts, VfsError> =>
  Effect.gen(function* () {
    const c: Scan = { lines: 0, words: 0, bytes: 0, maxLine: 0, inWord: false, pos: 0 }
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      c.bytes += chunk.length
      if (linesOnly) c.lines += countByte(chunk, 10)
      else scanChunk(chunk, c)
    }
    if (c.inWord) c.words++
    if (c.pos > c.maxLine) c.maxLine = c.pos
    return { lines: c.lines, words: c.words, bytes: c.bytes, maxLine: c.maxLine }
  })

/** `wc`: print newline, word, and byte counts for each file. */
export const wc = make("wc", {
  summary: "Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.",
  flags: {
    bytes: Flag.boolean("c", "bytes", "print the byte counts"),
    chars: Flag.boolean("m", "chars", "print the character counts"),
    lines: Flag.boolean("l", "lines", "print the newline counts"),
    maxLineLength: Flag.boolean("L", "max-line-length", "print the maximum display width"),
    words: Flag.boolean("w", "words", "print the word counts"),
  },
  operands: { usage: "[FILE]..." },
  details: "A word is a non-zero-length sequence of printable characters delimited by white space.",
  run: ({ flags, operands, ctx, name }) =>
    Effect.gen(function* () {
      const selected = flags.bytes || flags.chars || flags.lines || flags.maxLineLength || flags.words
      const show = {
        lines: selected ? flags.lines : true,
        words: selected ? flags.words : true,
        chars: flags.chars,
        bytes: selected ? flags.bytes : true,
        maxLine: flags.maxLineLength,
      }
      const columns = [show.lines, show.words, show.chars, show.bytes, show.maxLine].filter(Boolean).length
      const list = operands.length === 0 ? ["-"] : operands

      // GNU sizes the columns before counting: the digits of the total size of
      // the regular files, at least 7 when an input is not a regular file
      // (stdin here is always treated as a pipe), 1 for a lone column of one input.
      let width = 1
      if (!(list.length === 1 && columns === 1)) {
        let minimum = 1
        let total = 0
        let firstFailed = false
        for (let i = 0; i < list.length; i++) {
          const operand = list[i]
          if (operand === "-") {
            minimum = 7
            continue
          }
          const st = yield* Effect.result(Effect.flatMap(resolveOperand(ctx, operand), ctx.fs.stat))
          if (st._tag === "Failure") {
            if (i === 0) firstFailed = true
            continue
          }
          if (st.success.type === "file" && st.success.size !== null) total += st.success.size
          else minimum = 7
        }
        if (!firstFailed) width = Math.max(String(total).length, minimum)
      }

      const sink = makeSink(ctx.stdout)
      const line = (c: Counts, label: string | undefined) => {
        const fields: Array<number> = []
        if (show.lines) fields.push(c.lines)
        if (show.words) fields.push(c.words)
        if (show.chars) fields.push(c.bytes)
        if (show.bytes) fields.push(c.bytes)
        if (show.maxLine) fields.push(c.maxLine)
        sink.text(
          fields.map((n) => String(n).padStart(width)).join(" ") + (label === undefined ? "" : ` ${label}`) + "\n",
        )
      }

      const totals: Counts = { lines: 0, words: 0, bytes: 0, maxLine: 0 }
      let status = 0
      for (const operand of list) {
        const result = yield* Effect.result(
          withInput(ctx, operand, (input) => count(input, !show.words && !show.maxLine)),
        )
        if (result._tag === "Failure") {
          status = 1
          yield* sink.flush
          yield* report(ctx.stderr, name, quoteIfNeeded(operand), result.failure)
          // A file that opened but could not be read (a directory) still gets its line of zeros.
          if (result.failure.reason === "IsADirectory") line({ lines: 0, words: 0, bytes: 0, maxLine: 0 }, operand)
          continue
        }
        const c = result.success
        totals.lines += c.lines
        totals.words += c.words
        totals.bytes += c.bytes
        totals.maxLine = Math.max(totals.maxLine, c.maxLine)
        line(c, operands.length === 0 ? undefined : operand)
        yield* sink.flushIfFull
      }
      if (list.length > 1) line(totals, "total")
      yield* sink.flush
      return status
    }),
})
