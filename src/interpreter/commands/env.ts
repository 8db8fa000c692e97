import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { makeSink } from "./shared/Sink.ts"

/**
 * `env`: print the environment, or run a command in a changed one. The
 * environment keeps insertion order (GNU prints `environ` order; a changed
 * variable keeps its place, as `setenv` does).
 */
export const env = make("env", {
  summary: "Set each NAME to VALUE in the environment and run COMMAND.",
  flags: {
    ignore: Flag.boolean("i", "ignore-environment", "start with an empty environment"),
    null: Flag.boolean("0", "null", "end each output line with NUL, not newline"),
    unset: Flag.list("u", "unset", "remove variable from the environment", { arg: "NAME" }),
  },
  operands: { usage: "[-] [NAME=VALUE]... [COMMAND [ARG]...]" },
  // Options end at the first operand: the command's own options are its own.
  permute: false,
  usageStatus: 125,
  details: "A mere - implies -i.  If no COMMAND, print the resulting environment.",
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      let rest = operands
      let ignore = flags.ignore
      if (rest[0] === "-") {
        ignore = true
        rest = rest.slice(1)
      }
      const vars = new Map<string, string>(ignore ? [] : ctx.env)
      for (const name of flags.unset) {
        if (name === "" || name.includes("=")) {
          yield* warn(`cannot unset '${name}': Invalid argument`)
          return 125
        }
        vars.delete(name)
      }
      let i = 0
      for (; i < rest.length; i++) {
        const eq = rest[i].indexOf("=")
        if (eq === -1) break
        vars.set(rest[i].slice(0, eq), rest[i].slice(eq + 1))
      }
      const command = rest.slice(i)
      if (command.length === 0) {
        const end = flags.null ? "\u0000" : "\n"
        const sink = makeSink(ctx.stdout)
        for (const [name, value] of vars) sink.text(`${name}=${value}${end}`)
        yield* sink.flush
        return 0
      }
      if (flags.null) return yield* usage("cannot specify --null (-0) with command")
      return yield* ctx.exec(command, { env: vars })
    }),
})
