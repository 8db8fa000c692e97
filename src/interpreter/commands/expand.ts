import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachChunk } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"
import { nextTabColumn, obsoleteTabs, parseTabStops } from "./shared/TabStops.ts"

/** `expand`: convert tabs to spaces. */
export const expand = make("expand", {
  summary: "Convert tabs in each FILE to spaces, writing to standard output.",
  flags: {
    initial: Flag.boolean("i", "initial", "do not convert tabs after non blanks"),
    tabs: Flag.list(
      "t",
      "tabs",
      "have tabs N characters apart, not 8, or use a comma separated list of tab positions",
      {
        arg: "LIST",
      },
    ),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  preprocess: obsoleteTabs,
  run: ({ flags, operands, ctx, name, warn }) =>
    Effect.gen(function* () {
      const stops = parseTabStops(flags.tabs)
      if ("error" in stops) {
        yield* warn(stops.error)
        return 1
      }
      const sink = makeSink(ctx.stdout)
      // Line state runs across files: GNU reads them as one stream.
      let convert = true
      let column = 0
      const cursor = { index: 0 }
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) =>
          eachChunk(input, (chunk) => {
            for (let i = 0; i < chunk.length; i++) {
              let c = chunk[i]
              if (convert) {
                if (c === 9) {
                  let next = nextTabColumn(stops, column, cursor)
                  if (next === -1) next = column + 1
                  while (++column < next) sink.byte(32)
                  c = 32
                } else if (c === 8) {
                  if (column > 0) column--
                  if (cursor.index > 0) cursor.index--
                } else column++
                convert = !flags.initial || c === 32 || c === 9
              }
              sink.byte(c)
              if (c === 10) {
                convert = true
                column = 0
                cursor.index = 0
              }
            }
            return sink.flushIfFull
          }),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      yield* sink.flush
      return status
    }),
})
