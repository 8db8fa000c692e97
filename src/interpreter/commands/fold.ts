import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachChunk } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"

/** `fold -5`: the historical width option, rewritten to `-w 5`. */
const obsoleteWidth = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--") {
      out.push(...args.slice(i))
      break
    }
    const takesValue = i > 0 && (args[i - 1] === "-w" || args[i - 1] === "--width")
    out.push(...(!takesValue && /^-\d+$/.test(a) ? ["-w", a.slice(1)] : [a]))
  }
  return out
}

/** `fold`: wrap each input line to fit in a given width, as GNU's line buffer does. */
export const fold = make("fold", {
  summary: "Wrap input lines in each FILE, writing to standard output.",
  flags: {
    bytes: Flag.boolean("b", "bytes", "count bytes rather than columns"),
    spaces: Flag.boolean("s", "spaces", "break at spaces"),
    width: Flag.string("w", "width", "use WIDTH columns instead of 80", { arg: "WIDTH" }),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  preprocess: obsoleteWidth,
  run: ({ flags, operands, ctx, name, warn }) =>
    Effect.gen(function* () {
      const text = flags.width ?? "80"
      if (!/^\s*\+?\d+$/.test(text)) {
        yield* warn(`invalid number of columns: '${text}'`)
        return 1
      }
      const width = Number(text)
      if (width < 1 || !Number.isSafeInteger(width)) {
        yield* warn(`invalid number of columns: '${text}': Numerical result out of range`)
        return 1
      }
      const adjust = (column: number, c: number): number => {
        if (flags.bytes) return column + 1
        if (c === 8) return column > 0 ? column - 1 : 0
        if (c === 13) return 0
        if (c === 9) return column + 8 - (column % 8)
        return column + 1
      }
      const sink = makeSink(ctx.stdout)
      let line = new Uint8Array(256)
      let offset = 0
      let column = 0
      const put = (c: number) => {
        if (offset === line.length) {
          const bigger = new Uint8Array(line.length * 2)
          bigger.set(line)
          line = bigger
        }
        line[offset++] = c
      }
      const step = (c: number) => {
        if (c === 10) {
          sink.pushRange(line, 0, offset)
          sink.byte(10)
          column = offset = 0
          return
        }
        for (;;) {
          column = adjust(column, c)
          if (column <= width) break
          if (flags.spaces) {
            let end = offset
            while (end > 0 && line[end - 1] !== 32 && line[end - 1] !== 9) end--
            if (end > 0) {
              sink.pushRange(line, 0, end)
              sink.byte(10)
              line.copyWithin(0, end, offset)
              offset -= end
              column = 0
              for (let i = 0; i < offset; i++) column = adjust(column, line[i])
              continue
            }
          }
          if (offset === 0) break
          sink.pushRange(line, 0, offset)
          sink.byte(10)
          column = offset = 0
        }
        put(c)
      }
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) =>
          Effect.gen(function* () {
            yield* eachChunk(input, (chunk) => {
              for (let i = 0; i < chunk.length; i++) step(chunk[i])
              return sink.flushIfFull
            })
            sink.pushRange(line, 0, offset)
            column = offset = 0
          }),
        (operand, error) =>
          Effect.gen(function* () {
            column = offset = 0
            yield* sink.flush
            yield* report(ctx.stderr, name, quoteIfNeeded(operand), error)
          }),
      )
      yield* sink.flush
      return status
    }),
})
