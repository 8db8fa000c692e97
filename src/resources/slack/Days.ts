/**
 * Calendar days of Slack timestamps in a time zone, and the per-day summary
 * that stands for a day file's version. Slack's `ts` is "<seconds>.<micros>"
 * as a string; it is compared as such, never as a float, which cannot hold
 * sixteen significant digits.
 */

/** The day functions of one time zone. */
export interface Days {
  /** "2026-04-12" for a Slack `ts`. */
  readonly dayOf: (ts: string) => string
  /**
   * `oldest` and `latest` (inclusive) around a day ("yyyy-mm-dd"): the next
   * day's first instant is included, so callers filter with `dayOf`.
   */
  readonly bounds: (day: string) => readonly [oldest: string, latest: string]
}

/** What the top-level messages of one day say about its file. */
export interface Summary {
  readonly count: number
  /** Newest post, reply or edit of the day's threads, ms since the epoch. */
  readonly mtime: number
  /** Changes when a message is posted, edited or deleted, or a thread gets a reply. */
  readonly version: string
}

/** The fields a summary reads. */
export interface Stamped {
  readonly ts?: string | undefined
  readonly reply_count?: number | undefined
  readonly latest_reply?: string | undefined
  readonly edited?: { readonly ts?: string | undefined } | undefined
}

const split = (ts: string): readonly [bigint, bigint] => {
  const [sec = "0", frac = ""] = ts.split(".")
  return [BigInt(/^\d+$/.test(sec) ? sec : "0"), BigInt(/^\d*$/.test(frac) ? (frac + "000000").slice(0, 6) : "0")]
}

/** Order of two Slack timestamps. */
export const compareTs = (a: string, b: string): number => {
  const [as, af] = split(a)
  const [bs, bf] = split(b)
  return as !== bs ? (as < bs ? -1 : 1) : af === bf ? 0 : af < bf ? -1 : 1
}

const maxTs = (a: string, b: string | undefined): string => (b !== undefined && compareTs(b, a) > 0 ? b : a)

/** Milliseconds since the epoch of a Slack timestamp. */
export const tsToMs = (ts: string): number => {
  const [sec, micros] = split(ts)
  return Number(sec) * 1000 + Math.floor(Number(micros) / 1000)
}

/** A Slack timestamp for a time in ms. */
const msToTs = (ms: number): string => {
  const sec = Math.floor(ms / 1000)
  return `${sec}.${String((ms - sec * 1000) * 1000).padStart(6, "0")}`
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** The day functions for an IANA time zone; throws `RangeError` for an unknown one. */
export const make = (timeZone: string): Days => {
  const utc = timeZone.toUpperCase() === "UTC"
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  })

  /** Wall-clock time in the zone minus UTC, at `ms`. */
  const offset = (ms: number): number => {
    if (utc) return 0
    const parts: Record<string, number> = {}
    for (const p of format.formatToParts(ms)) if (p.type !== "literal") parts[p.type] = Number(p.value)
    const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
    return wall - Math.floor(ms / 1000) * 1000
  }

  const dayOf = (ts: string): string => {
    const ms = tsToMs(ts)
    return isoDay(ms + offset(ms))
  }

  /** The first millisecond of a day in the zone (refined once across an offset change). */
  const start = (utcMidnight: number): number => {
    const guess = utcMidnight - offset(utcMidnight)
    return utcMidnight - offset(guess)
  }

  const bounds = (day: string): readonly [string, string] => {
    const [y, m, d] = day.split("-").map(Number)
    const from = start(Date.UTC(y, m - 1, d))
    const to = start(Date.UTC(y, m - 1, d + 1))
    return [msToTs(from), msToTs(to)]
  }

  return { dayOf, bounds }
}

/** Group top-level messages by day and summarize each day. */
export const summarize = (messages: ReadonlyArray<Stamped>, dayOf: (ts: string) => string): Map<string, Summary> => {
  const acc = new Map<string, { count: number; newest: string; reply: string; edit: string; replies: number }>()
  for (const m of messages) {
    if (m.ts === undefined) continue
    const day = dayOf(m.ts)
    const a = acc.get(day) ?? { count: 0, newest: "0", reply: "0", edit: "0", replies: 0 }
    a.count++
    a.newest = maxTs(a.newest, m.ts)
    a.reply = maxTs(a.reply, m.latest_reply)
    a.edit = maxTs(a.edit, m.edited?.ts)
    a.replies += m.reply_count ?? 0
    acc.set(day, a)
  }
  const out = new Map<string, Summary>()
  for (const [day, a] of acc)
    out.set(day, {
      count: a.count,
      mtime: tsToMs(maxTs(maxTs(a.newest, a.reply), a.edit)),
      version: `${a.count}-${a.newest}-${a.replies}-${a.reply}-${a.edit}`,
    })
  return out
}
