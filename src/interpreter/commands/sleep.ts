import { Duration, Effect } from "effect"
import { make } from "../Command.ts"

const UNITS: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }

/** Seconds in one `sleep` operand (`0.1`, `1s`, `2m`, `1e-3h`, `inf`), or undefined. */
export const parseInterval = (text: string): number | undefined => {
  const m = /^[ \t\n\v\f\r]*\+?((?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+|inf(?:inity)?)([smhd]?)$/i.exec(
    text,
  )
  if (m === null) return undefined
  const value = /^inf/i.test(m[1]) ? Infinity : Number(m[1])
  return Number.isNaN(value) ? undefined : value * UNITS[m[2]]
}

/** `sleep`: pause for the sum of its intervals (interruptible, as an Effect sleep). */
export const sleep = make("sleep", {
  summary:
    "Pause for NUMBER seconds. SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.",
  flags: {},
  operands: { usage: "NUMBER[SUFFIX]...", min: 1 },
  run: ({ operands, usage }) =>
    Effect.gen(function* () {
      let total = 0
      for (const text of operands) {
        const seconds = parseInterval(text)
        if (seconds === undefined) return yield* usage(`invalid time interval '${text}'`)
        total += seconds
      }
      if (total === Infinity) return yield* Effect.never
      yield* Effect.sleep(Duration.millis(total * 1000))
      return 0
    }),
})
