import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"

/** Processors the runtime reports (`navigator.hardwareConcurrency` in browsers and Node 21+), else 1. */
const processors = (): number => {
  const n = typeof navigator === "undefined" ? undefined : navigator.hardwareConcurrency
  return typeof n === "number" && Number.isInteger(n) && n > 0 ? n : 1
}

/** `nproc`: the number of processing units available. */
export const nproc = make("nproc", {
  summary: "Print the number of processing units available to the current process.",
  flags: {
    all: Flag.boolean(null, "all", "print the number of installed processors"),
    ignore: Flag.integer(null, "ignore", "if possible, exclude N processing units", { arg: "N", min: 0 }),
  },
  operands: { usage: "", max: 0 },
  run: ({ flags, ctx }) => {
    // GNU never prints less than 1, whatever --ignore asks.
    const n = Math.max(1, processors() - (flags.ignore ?? 0))
    return Effect.as(writeText(ctx.stdout, `${n}\n`), 0)
  },
})
