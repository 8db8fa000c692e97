import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { makeSink } from "./shared/Sink.ts"

/** `printenv`: print all exported variables, or the values of the named ones (status 1 if one is missing). */
export const printenv = make("printenv", {
  summary:
    "Print the values of the specified environment VARIABLE(s).\nIf no VARIABLE is specified, print name and value pairs for them all.",
  flags: {
    null: Flag.boolean("0", "null", "end each output line with NUL, not newline"),
  },
  operands: { usage: "[VARIABLE]..." },
  usageStatus: 2,
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      const end = flags.null ? "\u0000" : "\n"
      const sink = makeSink(ctx.stdout)
      let status = 0
      if (operands.length === 0) {
        for (const [name, value] of ctx.env) sink.text(`${name}=${value}${end}`)
      } else {
        for (const name of operands) {
          const value = name.includes("=") ? undefined : ctx.env.get(name)
          if (value === undefined) status = 1
          else sink.text(value + end)
        }
      }
      yield* sink.flush
      return status
    }),
})
