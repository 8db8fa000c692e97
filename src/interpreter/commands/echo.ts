import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { expandEscapes, pushText } from "./shared/Escapes.ts"

/**
 * `echo`, as bash's builtin: leading arguments made only of `-n`, `-e`, `-E`
 * letters are options, anything else (`--` included) is text.
 */
export const echo = make("echo", {
  summary: "Write arguments to the standard output.",
  flags: {
    noNewline: Flag.boolean("n", null, "do not append a newline"),
    escapes: Flag.boolean("e", null, "enable interpretation of the following backslash escapes"),
    noEscapes: Flag.boolean("E", null, "explicitly suppress interpretation of backslash escapes"),
  },
  operands: { usage: "[ARG]..." },
  raw: true,
  run: ({ operands, ctx }) =>
    Effect.suspend(() => {
      let newline = true
      let escapes = false
      let i = 0
      for (; i < operands.length && /^-[neE]+$/.test(operands[i]); i++) {
        for (const c of operands[i].slice(1)) {
          if (c === "n") newline = false
          else escapes = c === "e"
        }
      }
      const out: Array<number> = []
      for (let k = i; k < operands.length; k++) {
        if (k > i) out.push(32)
        if (escapes) {
          if (expandEscapes(operands[k], "echo", out).stop) return Effect.as(ctx.stdout.write(Uint8Array.from(out)), 0)
        } else pushText(out, operands[k])
      }
      if (newline) out.push(10)
      return Effect.as(ctx.stdout.write(Uint8Array.from(out)), 0)
    }),
})
