import { Effect } from "effect"
import { make } from "../Command.ts"

/** `true`: do nothing, successfully (arguments are ignored, as by bash's builtin). */
export const trueCommand = make("true", {
  summary: "Return a successful result.",
  flags: {},
  operands: { usage: "[ignored]..." },
  raw: true,
  run: () => Effect.succeed(0),
})
