import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachChunk } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"
import { countObsoleteTabs, nextTabColumn, obsoleteTabs, parseTabStops } from "./shared/TabStops.ts"

/** `unexpand`: convert spaces to tabs, following GNU's state machine byte for byte. */
export const unexpand = make("unexpand", {
  summary: "Convert blanks in each FILE to tabs, writing to standard output.",
  flags: {
    all: Flag.boolean("a", "all", "convert all blanks, instead of just initial blanks"),
    firstOnly: Flag.boolean(null, "first-only", "convert only leading sequences of blanks (overrides -a)"),
    tabs: Flag.list(
      "t",
      "tabs",
      "have tabs N characters apart instead of 8 (enables -a), or use a comma separated list of tab positions",
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
      const entire = (flags.all || flags.tabs.length > countObsoleteTabs(ctx.args)) && !flags.firstOnly
      const sink = makeSink(ctx.stdout)
      const pendingBlank: Array<number> = []
      let convert = true
      let column = 0
      let nextTab = 0
      const cursor = { index: 0 }
      let oneBlankBeforeStop = false
      let prevBlank = true
      const newLine = () => {
        convert = true
        column = 0
        nextTab = 0
        cursor.index = 0
        oneBlankBeforeStop = false
        prevBlank = true
        pendingBlank.length = 0
      }
      /** One input byte, or -1 at the end of all input. */
      const step = (input: number) => {
        let c = input
        if (convert) {
          const blank = c === 32 || c === 9
          if (blank) {
            nextTab = nextTabColumn(stops, column, cursor)
            if (nextTab === -1) convert = false
            if (convert) {
              if (c === 9) {
                column = nextTab
                if (pendingBlank.length > 0) pendingBlank[0] = 9
              } else {
                column++
                if (!(prevBlank && column === nextTab)) {
                  if (column === nextTab) oneBlankBeforeStop = true
                  pendingBlank.push(c)
                  prevBlank = true
                  return
                }
                c = 9
                if (pendingBlank.length > 0) pendingBlank[0] = 9
              }
              // Keep a single blank that stood just before the previous stop.
              pendingBlank.length = oneBlankBeforeStop && pendingBlank.length > 0 ? 1 : 0
            }
          } else if (c === 8) {
            if (column > 0) column--
            nextTab = column
            if (cursor.index > 0) cursor.index--
          } else column++
          if (pendingBlank.length > 0) {
            if (pendingBlank.length > 1 && oneBlankBeforeStop) pendingBlank[0] = 9
            for (const b of pendingBlank) sink.byte(b)
            pendingBlank.length = 0
            oneBlankBeforeStop = false
          }
          prevBlank = blank
          convert = convert && (entire || blank)
        }
        if (c < 0) return
        sink.byte(c)
        if (c === 10) newLine()
      }
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) =>
          eachChunk(input, (chunk) => {
            for (let i = 0; i < chunk.length; i++) step(chunk[i])
            return sink.flushIfFull
          }),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      step(-1)
      yield* sink.flush
      return status
    }),
})
