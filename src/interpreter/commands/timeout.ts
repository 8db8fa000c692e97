import { Duration, Effect, Option } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { parseInterval } from "./sleep.ts"

const SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ILL: 4,
  TRAP: 5,
  ABRT: 6,
  BUS: 7,
  FPE: 8,
  KILL: 9,
  USR1: 10,
  SEGV: 11,
  USR2: 12,
  PIPE: 13,
  ALRM: 14,
  TERM: 15,
  CHLD: 17,
  CONT: 18,
  STOP: 19,
  TSTP: 20,
  TTIN: 21,
  TTOU: 22,
  URG: 23,
  XCPU: 24,
  XFSZ: 25,
  VTALRM: 26,
  PROF: 27,
  WINCH: 28,
  IO: 29,
  PWR: 30,
  SYS: 31,
}

/** A signal by name (`TERM`, `SIGTERM`) or number, as its number and name. */
const signalOf = (text: string): { readonly number: number; readonly name: string } | undefined => {
  if (/^\d+$/.test(text)) {
    const n = Number(text)
    const name = Object.keys(SIGNALS).find((k) => SIGNALS[k] === n)
    return name === undefined ? undefined : { number: n, name }
  }
  const name = text.toUpperCase().replace(/^SIG/, "")
  return name in SIGNALS ? { number: SIGNALS[name], name } : undefined
}

/**
 * `timeout`: run a command and interrupt it when the duration passes (status
 * 124, or 128+signal with `--preserve-status`; KILL always gives 137, as the
 * real one dies with its process group). Interruption reaches every stage
 * of what the command runs, so it stops at once: `-k` has nothing left to do.
 */
export const timeout = make("timeout", {
  summary: "Start COMMAND, and kill it if still running after DURATION.",
  flags: {
    foreground: Flag.boolean(
      null,
      "foreground",
      "when not running timeout directly from a shell prompt, allow COMMAND to read from the TTY and get TTY signals",
    ),
    killAfter: Flag.string(
      "k",
      "kill-after",
      "also send a KILL signal if COMMAND is still running this long after the initial signal was sent",
      { arg: "DURATION" },
    ),
    preserveStatus: Flag.boolean(
      null,
      "preserve-status",
      "exit with the same status as COMMAND, even when the command times out",
    ),
    signal: Flag.string(
      "s",
      "signal",
      "specify the signal to be sent on timeout; SIGNAL may be a name like 'HUP' or a number",
      { arg: "SIGNAL" },
    ),
    verbose: Flag.boolean("v", "verbose", "diagnose to stderr any signal sent upon timeout"),
  },
  operands: { usage: "DURATION COMMAND [ARG]...", min: 2, missing: "" },
  permute: false,
  usageStatus: 125,
  details:
    "DURATION is a floating point number with an optional suffix: 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.  A duration of 0 disables the associated timeout.",
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const signal = signalOf(flags.signal ?? "TERM")
      if (signal === undefined) return yield* usage(`'${flags.signal}': invalid signal`)
      if (flags.killAfter !== undefined && parseInterval(flags.killAfter) === undefined) {
        return yield* usage(`invalid time interval '${flags.killAfter}'`)
      }
      const seconds = parseInterval(operands[0])
      if (seconds === undefined) return yield* usage(`invalid time interval '${operands[0]}'`)
      const command = operands.slice(1)
      const run = ctx.exec(command)
      if (seconds === 0 || seconds === Infinity) return yield* run
      const outcome = yield* Effect.timeoutOption(run, Duration.millis(seconds * 1000))
      if (Option.isSome(outcome)) return outcome.value
      if (flags.verbose) yield* warn(`sending signal ${signal.name} to command '${command[0]}'`)
      if (signal.number === 9) return 137
      return flags.preserveStatus ? 128 + signal.number : 124
    }),
})
