import { execFileSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import * as Days from "../../src/resources/slack/Days.ts"

/** Seconds since the epoch of local midnight of `day` in `tz`, from GNU date. */
const midnight = (tz: string, day: string): number =>
  Number(execFileSync("date", ["-d", `${day} 00:00`, "+%s"], { env: { TZ: tz, LC_ALL: "C" }, encoding: "utf8" }).trim())

/** The day GNU date gives a time in `tz`. */
const dayAt = (tz: string, seconds: number): string =>
  execFileSync("date", ["-d", `@${seconds}`, "+%F"], { env: { TZ: tz, LC_ALL: "C" }, encoding: "utf8" }).trim()

describe("Slack days", () => {
  // DST starts in New York on 2026-03-08 and ends on 2026-11-01; Kolkata has a half-hour offset.
  const cases = [
    ["UTC", "2026-04-12"],
    ["America/New_York", "2026-03-08"],
    ["America/New_York", "2026-11-01"],
    ["Asia/Kolkata", "2026-04-12"],
    ["Pacific/Auckland", "2026-04-05"],
  ] as const

  it.each(cases)("bounds %s %s at the zone's midnights, as GNU date says", (tz, day) => {
    const days = Days.make(tz)
    const [oldest, latest] = days.bounds(day)
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    expect([oldest, latest]).toEqual([`${midnight(tz, day)}.000000`, `${midnight(tz, next)}.000000`])
    const start = midnight(tz, day)
    for (const s of [start - 1, start, start + 3600, midnight(tz, next) - 1])
      expect([s, days.dayOf(`${s}.500000`)]).toEqual([s, dayAt(tz, s)])
  })

  it("compares timestamps exactly, past a float's precision", () => {
    expect(Days.compareTs("1775990400.000100", "1775990400.000101")).toBe(-1)
    expect(Days.compareTs("1775990401", "1775990400.999999")).toBe(1)
    expect(Days.compareTs("1775990400.5", "1775990400.500000")).toBe(0)
  })

  it("gives a day a new version when a reply or an edit lands", () => {
    const base = [{ ts: "1775990400.000100", reply_count: 1, latest_reply: "1775990500.000100" }]
    const v = (ms: typeof base) => Days.summarize(ms, Days.make("UTC").dayOf).get("2026-04-12")?.version
    const replied = [{ ...base[0], reply_count: 2, latest_reply: "1775990600.000100" }]
    const edited = [{ ...base[0], edited: { ts: "1775990700.000000" } }]
    expect(new Set([v(base), v(replied), v(edited)]).size).toBe(3)
    expect(Days.summarize(base, Days.make("UTC").dayOf).get("2026-04-12")?.mtime).toBe(1775990500000)
  })
})
