import { Clock, Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, report } from "../ExitStatus.ts"
import { resolveOperand } from "./shared/Files.ts"

const UNITS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
}

/**
 * A `-d` date in the forms scripts use: `@EPOCH`, ISO dates and times
 * (`2024-01-02`, `2024-01-02 03:04[:05]`, `T` separator, `Z` or `±HH:MM`),
 * `now`, `today`, `yesterday`, `tomorrow`, `N unit(s) ago`. Times without a
 * zone are UTC (GNU uses the local zone; UTC keeps runs reproducible).
 * Milliseconds since the epoch, or undefined.
 */
export const parseDate = (text: string, now: number): number | undefined => {
  const s = text.trim().toLowerCase()
  if (s === "now" || s === "today") return now
  if (s === "yesterday") return now - 86_400_000
  if (s === "tomorrow") return now + 86_400_000
  const epoch = /^@([+-]?\d+(?:\.\d+)?)$/.exec(s)
  if (epoch) return Math.round(Number(epoch[1]) * 1000)
  const rel = /^([+-]?\d+)\s*(second|sec|minute|min|hour|day|week)s?(\s+ago)?$/.exec(s)
  if (rel) return now + (rel[3] ? -1 : 1) * Number(rel[1]) * UNITS[rel[2]]
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(
      s,
    )
  if (iso === null) return undefined
  const [, y, mo, d, h = "0", mi = "0", sec = "0", frac = "0", zone] = iso
  if (
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(sec) > 60
  ) {
    return undefined
  }
  let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec), Number(`0.${frac}`) * 1000)
  if (zone !== undefined && zone !== "z" && zone !== "utc") {
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
    if (m) t -= (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000
  }
  return t
}

/** A `-t [[CC]YY]MMDDhhmm[.ss]` stamp (UTC), or undefined. */
export const parseStamp = (text: string, now: number): number | undefined => {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(text)
  if (m === null) return undefined
  const [, yy, mo, d, h, mi, sec = "0"] = m
  let year = new Date(now).getUTCFullYear()
  if (yy !== undefined) year = yy.length === 4 ? Number(yy) : Number(yy) + (Number(yy) < 69 ? 2000 : 1900)
  if (
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > 31 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(sec) > 60
  ) {
    return undefined
  }
  return Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec))
}

/** `touch`: change file timestamps, creating missing files. Only modification times exist in the namespace. */
export const touch = make("touch", {
  summary:
    "Update the modification time of each FILE to the current time. A FILE argument that does not exist is created empty, unless -c is supplied.",
  flags: {
    access: Flag.boolean(
      "a",
      null,
      "change only the access time (accepted; the namespace keeps only modification times)",
    ),
    noCreate: Flag.boolean("c", "no-create", "do not create any files"),
    date: Flag.string("d", "date", "parse STRING and use it instead of current time", { arg: "STRING" }),
    modification: Flag.boolean("m", null, "change only the modification time"),
    reference: Flag.string("r", "reference", "use this file's times instead of current time", { arg: "FILE" }),
    stamp: Flag.string("t", null, "use [[CC]YY]MMDDhhmm[.ss] instead of current time", { arg: "STAMP" }),
  },
  operands: { usage: "FILE...", min: 1, missing: "missing file operand" },
  run: ({ flags, operands, ctx, name, warn }) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      let time = now
      if (flags.reference !== undefined) {
        const ref = flags.reference
        const st = yield* Effect.result(Effect.flatMap(resolveOperand(ctx, ref), ctx.fs.stat))
        if (st._tag === "Failure")
          return yield* report(ctx.stderr, name, `failed to get attributes of ${quote(ref)}`, st.failure)
        time = st.success.mtime
      }
      if (flags.date !== undefined) {
        const t = parseDate(flags.date, time)
        if (t === undefined) {
          yield* warn(`invalid date format ${quote(flags.date)}`)
          return 1
        }
        time = t
      }
      if (flags.stamp !== undefined) {
        const t = parseStamp(flags.stamp, now)
        if (t === undefined) {
          yield* warn(`invalid date format ${quote(flags.stamp)}`)
          return 1
        }
        time = t
      }
      let status = 0
      for (const operand of operands) {
        const result = yield* Effect.result(
          Effect.gen(function* () {
            const path = yield* resolveOperand(ctx, operand)
            const exists = yield* ctx.fs.exists(path)
            if (!exists) {
              if (flags.noCreate) return
              yield* ctx.fs.writeFile(path, new Uint8Array(0), { append: true })
            }
            yield* ctx.fs.setMtime(path, time)
          }),
        )
        if (result._tag === "Failure") {
          // A trailing slash makes GNU fail on utimensat, after open refused to create.
          const context = operand.endsWith("/")
            ? `setting times of ${quote(operand)}`
            : `cannot touch ${quote(operand)}`
          status = yield* report(ctx.stderr, name, context, result.failure)
        }
      }
      return status
    }),
})
