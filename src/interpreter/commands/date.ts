import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { formatDate, type Instant } from "./date/Format.ts"
import { parseDate } from "./date/Parse.ts"
import { UTC, zoneFromTZ } from "./date/Zone.ts"
import { withInput } from "./shared/Files.ts"
import { lineReader } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

const ISO: Readonly<Record<string, string>> = {
  hours: "%Y-%m-%dT%H%:z",
  minutes: "%Y-%m-%dT%H:%M%:z",
  date: "%Y-%m-%d",
  seconds: "%Y-%m-%dT%H:%M:%S%:z",
  ns: "%Y-%m-%dT%H:%M:%S,%N%:z",
}
const RFC3339: Readonly<Record<string, string>> = {
  date: "%Y-%m-%d",
  seconds: "%Y-%m-%d %H:%M:%S%:z",
  ns: "%Y-%m-%d %H:%M:%S.%N%:z",
}

/** The argument of an enumerated option, by unique prefix as `argmatch` takes it. */
const choose = (table: Readonly<Record<string, string>>, value: string): string | undefined => {
  if (value in table) return table[value]
  const keys = Object.keys(table).filter((k) => k.startsWith(value))
  return keys.length === 1 ? table[keys[0]] : undefined
}

const invalidArgument = (value: string, option: string, table: Readonly<Record<string, string>>) =>
  `invalid argument '${value}' for '--${option}'\nValid arguments are:\n${Object.keys(table)
    .map((k) => `  - '${k}'`)
    .join("\n")}`

/** The current time with nanoseconds (as far as the runtime's clock goes). */
const now = (): Instant => {
  const ms = Date.now()
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 }
}

const decoder = new TextDecoder()

/** `date`: print a date (now, `-d STRING`, `-r FILE`, or each line of `-f FILE`) in a format. */
export const date = make("date", {
  summary: "Display the current time in the given FORMAT.",
  flags: {
    date: Flag.string("d", "date", "display time described by STRING, not 'now'"),
    file: Flag.string("f", "file", "like --date; once for each line of DATEFILE", { arg: "DATEFILE" }),
    iso: Flag.string(
      "I",
      "iso-8601",
      "output date/time in ISO 8601 format.\nFMT='date' for date only (the default), 'hours', 'minutes', 'seconds', or 'ns'",
      { arg: "FMT", optional: true },
    ),
    rfcEmail: Flag.boolean("R", "rfc-email", "output date and time in RFC 5322 format."),
    rfc3339: Flag.string(null, "rfc-3339", "output date/time in RFC 3339 format.\nFMT='date', 'seconds', or 'ns'", {
      arg: "FMT",
    }),
    reference: Flag.string("r", "reference", "display the last modification time of FILE", { arg: "FILE" }),
    set: Flag.string("s", "set", "set time described by STRING"),
    utc: Flag.boolean("u", ["utc", "universal"], "print or set Coordinated Universal Time (UTC)"),
  },
  operands: { usage: "[+FORMAT]" },
  // `-Iseconds` attaches the optional argument to the short option.
  preprocess: (args) => args.map((a) => (/^-I./.test(a) ? `--iso-8601=${a.slice(2)}` : a)),
  run: ({ flags, occurrences, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const zone = flags.utc ? UTC : zoneFromTZ(ctx.env.get("TZ"))
      let format: string | undefined
      let formats = 0
      for (const o of occurrences) {
        if (o.key === "iso") {
          const f = o.value === undefined ? ISO.date : choose(ISO, o.value)
          if (f === undefined) return yield* usage(invalidArgument(o.value ?? "", "iso-8601", ISO))
          format = f
          formats++
        } else if (o.key === "rfc3339") {
          const f = choose(RFC3339, o.value ?? "")
          if (f === undefined) return yield* usage(invalidArgument(o.value ?? "", "rfc-3339", RFC3339))
          format = f
          formats++
        } else if (o.key === "rfcEmail") {
          format = "%a, %d %b %Y %H:%M:%S %z"
          formats++
        }
      }
      const sources = [flags.date, flags.file, flags.reference].filter((x) => x !== undefined).length
      if (sources > 1) return yield* usage("the options to specify dates for printing are mutually exclusive")
      for (const operand of operands) {
        if (!operand.startsWith("+")) {
          if (operands.length > 1) return yield* usage(`extra operand '${operands[1]}'`)
          yield* warn("cannot set date: Operation not permitted")
          return 1
        }
      }
      if (operands.length > 1) return yield* usage(`extra operand '${operands[1]}'`)
      if (operands.length === 1) {
        if (formats > 0) {
          yield* warn("multiple output formats specified")
          return 1
        }
        format = operands[0].slice(1)
      }
      if (flags.set !== undefined) {
        yield* warn("cannot set date: Operation not permitted")
        return 1
      }
      const fmt = format ?? "%a %b %e %H:%M:%S %Z %Y"
      const show = (t: Instant) => `${formatDate(fmt, t, zone)}\n`
      if (flags.file !== undefined) {
        const sink = makeSink(ctx.stdout)
        let status = 0
        const clock = now()
        const operand = flags.file
        const result = yield* withInput(ctx, operand, (input) =>
          Effect.gen(function* () {
            const lines = lineReader(input)
            while (true) {
              const line = yield* lines.next
              if (line === null) return
              const text = decoder.decode(line.bytes)
              const t = parseDate(text, clock, zone)
              if (t === undefined) {
                yield* sink.flush
                yield* warn(`invalid date '${text}'`)
                status = 1
              } else sink.text(show(t))
              yield* sink.flushIfFull
            }
          }),
        ).pipe(
          Effect.as(0),
          Effect.catchTag("VfsError", (error) =>
            Effect.andThen(sink.flush, report(ctx.stderr, "date", quoteIfNeeded(operand), error)),
          ),
        )
        yield* sink.flush
        return result === 0 ? status : result
      }
      let t: Instant
      if (flags.reference !== undefined) {
        const reference = flags.reference
        const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(reference)))
        if (st._tag === "Failure") return yield* report(ctx.stderr, "date", quoteIfNeeded(reference), st.failure)
        const ms = st.success.mtime
        t = { seconds: Math.floor(ms / 1000), nanos: Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6) }
      } else if (flags.date !== undefined) {
        const parsed = parseDate(flags.date, now(), zone)
        if (parsed === undefined) {
          yield* warn(`invalid date '${flags.date}'`)
          return 1
        }
        t = parsed
      } else t = now()
      yield* writeText(ctx.stdout, show(t))
      return 0
    }),
})
