import { Effect } from "effect"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachLine } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"

/**
 * `rev` (util-linux): reverse each line. In the C locale each byte is a
 * character; bytes above 0x7f are reversed like any other rather than
 * refused as util-linux does.
 */
export const rev = make("rev", {
  summary: "Reverse lines characterwise.",
  flags: {},
  operands: { usage: "[FILE]..." },
  run: ({ operands, ctx, name }) =>
    Effect.gen(function* () {
      const sink = makeSink(ctx.stdout)
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) =>
          Effect.asVoid(
            eachLine(
              input,
              (bytes, start, end, terminated) => {
                for (let i = end - 1; i >= start; i--) sink.byte(bytes[i])
                if (terminated) sink.byte(10)
              },
              sink.flushIfFull,
            ),
          ),
        (operand, error) =>
          Effect.andThen(sink.flush, report(ctx.stderr, name, `cannot open ${quoteIfNeeded(operand)}`, error)),
      )
      yield* sink.flush
      return status
    }),
})
