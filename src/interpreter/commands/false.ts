import { Effect } from "effect"
import { make } from "../Command.ts"

/** `false`: do nothing, unsuccessfully. */
export const falseCommand = make("false", {
  summary: "Return an unsuccessful result.",
  flags: {},
  operands: { usage: "[ignored]..." },
  raw: true,
  run: () => Effect.succeed(1),
})
