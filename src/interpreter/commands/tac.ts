import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, quoteIfNeeded, errorText } from "../ExitStatus.ts"
import { latin1 } from "./shared/Lines.ts"
import { readOperand } from "./shared/LineReader.ts"
import { compileEmacs } from "./tac/EmacsRegex.ts"
import { makeSink } from "./shared/Sink.ts"

/**
 * Starts of separator matches, last first, found as GNU tac finds them:
 * scanning backwards, each match ending before the previous one starts.
 */
const matchesBackward = (bytes: Uint8Array, separator: Uint8Array): Array<{ start: number; end: number }> => {
  const found: Array<{ start: number; end: number }> = []
  const L = separator.length
  if (L === 0) return found
  let limit = bytes.length
  const last = separator[L - 1]
  for (let i = limit - 1; i >= L - 1;) {
    i = bytes.lastIndexOf(last, i)
    if (i < L - 1) break
    let ok = true
    for (let k = 1; k < L && ok; k++) ok = bytes[i - k] === separator[L - 1 - k]
    if (ok && i + 1 <= limit) {
      found.push({ start: i + 1 - L, end: i + 1 })
      limit = i + 1 - L
      i = limit - 1
    } else i--
  }
  return found
}

/**
 * Regex separators: at each start position from the end, the match must end
 * before the previous one starts. The whole text is tried first, and only a
 * match that crosses that bound is retried on the text cut there.
 */
const regexBackward = (text: string, re: RegExp): Array<{ start: number; end: number }> => {
  const found: Array<{ start: number; end: number }> = []
  let limit = text.length
  for (let p = limit - 1; p >= 0; p--) {
    re.lastIndex = p
    let m = re.exec(text)
    if (m !== null && p + m[0].length > limit) {
      re.lastIndex = p
      m = re.exec(text.slice(0, limit))
    }
    if (m === null) continue
    found.push({ start: p, end: p + m[0].length })
    limit = p
  }
  return found
}

/** `tac`: concatenate and print files in reverse. */
export const tac = make("tac", {
  summary: "Write each FILE to standard output, last line first.",
  flags: {
    before: Flag.boolean("b", "before", "attach the separator before instead of after"),
    regex: Flag.boolean("r", "regex", "interpret the separator as a regular expression"),
    separator: Flag.string("s", "separator", "use STRING as the separator instead of newline", { arg: "STRING" }),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  run: ({ flags, operands, ctx, warn }) =>
    Effect.gen(function* () {
      const separator = flags.separator ?? "\n"
      const compiled = flags.regex && separator !== "" ? compileEmacs(separator, "y") : undefined
      if (compiled !== undefined && "error" in compiled) {
        yield* warn(compiled.error)
        return 1
      }
      const re = compiled
      const sepBytes = new TextEncoder().encode(separator)
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const read = yield* Effect.result(readOperand(ctx, operand))
        if (read._tag === "Failure") {
          const e = read.failure
          yield* sink.flush
          yield* warn(
            e.reason === "IsADirectory"
              ? `${quoteIfNeeded(operand)}: read error: Invalid argument`
              : `failed to open ${quote(operand)} for reading: ${errorText(e)}`,
          )
          status = 1
          continue
        }
        const bytes = read.success
        const found = re !== undefined ? regexBackward(latin1(bytes), re) : matchesBackward(bytes, sepBytes)
        let end = bytes.length
        for (const m of found) {
          const start = flags.before ? m.start : m.end
          sink.pushRange(bytes, start, end)
          end = start
          yield* sink.flushIfFull
        }
        sink.pushRange(bytes, 0, end)
      }
      yield* sink.flush
      return status
    }),
})
