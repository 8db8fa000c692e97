import type { Instant } from "./Format.ts"
import { fromWall, type Zone } from "./Zone.ts"

/**
 * `date -d STRING`: the common forms of GNU's `parse_datetime`. Items may
 * come in any order, separated by blanks or commas:
 *
 * - calendar dates: `2024-01-02`, `2024/01/02`, `01/02/2024`, `01/02/24`,
 *   `20240102`, `Jan 2 2024`, `January 2, 2024`, `2 Jan 2024`, `02-Jan-2024`;
 * - times: `10:00`, `10:00:30.5`, `10am`, `3 pm`, with an optional numeric
 *   zone after them (`10:00 +0100`, `10:00-05:00`); ISO `T` joins a date and a time;
 * - zones: `UTC`, `GMT`, `Z`, US zone names, `UTC+3`;
 * - weekdays (`monday`, `next fri`, `last tue`), when no date is given;
 * - relative items: `1 day`, `+2 weeks`, `3 hours ago`, `next month`,
 *   `last year`, `yesterday`, `tomorrow`, `today`, `now`, `fortnight`;
 * - `@SECONDS` (fraction allowed), alone.
 *
 * A date, weekday or time sets the clock; a date or weekday without a time
 * means midnight. Years, months and days move the calendar; hours, minutes
 * and seconds move the instant.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
const MONTH_NAMES = "january february march april may june july august september october november december".split(" ")
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
const DAY_NAMES = "sunday monday tuesday wednesday thursday friday saturday".split(" ")

const ZONES: Readonly<Record<string, number>> = {
  utc: 0,
  ut: 0,
  gmt: 0,
  z: 0,
  wet: 0,
  bst: 1,
  cet: 1,
  cest: 2,
  eet: 2,
  eest: 3,
  est: -5,
  edt: -4,
  cst: -6,
  cdt: -5,
  mst: -7,
  mdt: -6,
  pst: -8,
  pdt: -7,
  akst: -9,
  akdt: -8,
  hst: -10,
  jst: 9,
  ist: 5.5,
}

const ORDINALS: Readonly<Record<string, number>> = {
  last: -1,
  this: 0,
  next: 1,
  first: 1,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
}

type Unit = "year" | "month" | "day" | "hour" | "minute" | "second"
const UNITS: Readonly<Record<string, readonly [Unit, number]>> = {
  year: ["year", 1],
  month: ["month", 1],
  fortnight: ["day", 14],
  week: ["day", 7],
  day: ["day", 1],
  hour: ["hour", 1],
  minute: ["minute", 1],
  min: ["minute", 1],
  second: ["second", 1],
  sec: ["second", 1],
}

const monthOf = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, "")
  const i = MONTH_NAMES.indexOf(w)
  if (i !== -1) return i
  const j = MONTHS.indexOf(w)
  return j !== -1 ? j : w === "sept" ? 8 : undefined
}

const dayOf = (word: string): number | undefined => {
  const w = word.toLowerCase().replace(/\.$/, "")
  const i = DAY_NAMES.indexOf(w)
  if (i !== -1) return i
  const j = DAYS.indexOf(w)
  if (j !== -1) return j
  return w === "tues" ? 2 : w === "wednes" ? 3 : w === "thur" || w === "thurs" ? 4 : undefined
}

const unitOf = (word: string): readonly [Unit, number] | undefined => {
  const w = word.toLowerCase()
  return UNITS[w] ?? (w.endsWith("s") ? UNITS[w.slice(0, -1)] : undefined)
}

/** Two-digit years as POSIX reads them: 69-99 are 1900s, 00-68 are 2000s. */
const fullYear = (digits: string): number => {
  const n = Number(digits)
  return digits.length <= 2 ? (n < 69 ? 2000 + n : 1900 + n) : n
}

interface State {
  date?: { year?: number; month: number; day: number }
  time?: { hour: number; minute: number; second: number; nanos: number }
  zone?: number
  weekday?: { day: number; ordinal: number }
  rel: Record<Unit, number>
}

const nanosOf = (fraction: string | undefined): number =>
  fraction === undefined ? 0 : Number(fraction.slice(1, 10).padEnd(9, "0"))

const zoneSeconds = (sign: string, digits: string): number | undefined => {
  let h: number
  let m = 0
  const parts = /^(\d\d?):(\d\d)$/.exec(digits)
  if (parts !== null) {
    h = Number(parts[1])
    m = Number(parts[2])
  } else if (digits.length <= 2) h = Number(digits)
  else if (digits.length === 4 || digits.length === 3) {
    h = Number(digits.slice(0, -2))
    m = Number(digits.slice(-2))
  } else return undefined
  if (h > 24 || m > 59) return undefined
  return (sign === "-" ? -1 : 1) * (h * 3600 + m * 60)
}

const meridian = (hour: number, word: string | undefined): number | undefined => {
  if (word === undefined) return hour
  if (hour < 1 || hour > 12) return undefined
  const pm = word.toLowerCase().startsWith("p")
  return (hour % 12) + (pm ? 12 : 0)
}

/** Parse `text` relative to `now` in `zone`; undefined when GNU would say "invalid date". */
export const parseDate = (text: string, now: Instant, zone: Zone): Instant | undefined => {
  const at = /^\s*@\s*([+-]?\d+)(?:[.,](\d+))?\s*$/.exec(text)
  if (at !== null) {
    const whole = Number(at[1])
    const frac = at[2] === undefined ? 0 : Number(at[2].slice(0, 9).padEnd(9, "0"))
    const negative = at[1].startsWith("-")
    if (negative && frac > 0) return { seconds: whole - 1, nanos: 1e9 - frac }
    return { seconds: whole, nanos: frac }
  }
  const st: State = { rel: { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 } }
  let s = text
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(s)
    if (m !== null) s = s.slice(m[0].length)
    return m
  }
  const MON = "([A-Za-z]{3,9}\\.?)"
  const setDate = (year: number | undefined, month: number, day: number): boolean => {
    if (st.date !== undefined) return false
    st.date = { year, month, day }
    return true
  }
  const setTime = (hour: number | undefined, minute: number, second: number, nanos: number): boolean => {
    if (st.time !== undefined || hour === undefined || hour > 23 || minute > 59 || second > 60) return false
    st.time = { hour, minute, second, nanos }
    return true
  }
  const zoneAfterTime = (): boolean => {
    const z = take(/^\s*([+-])(\d\d?:\d\d|\d{1,4})(?![\d:])/)
    if (z === null) return true
    const off = zoneSeconds(z[1], z[2])
    if (off === undefined || st.zone !== undefined) return false
    st.zone = off
    return true
  }
  const timeItem = (): boolean | undefined => {
    let m = take(/^(\d\d?):(\d\d)(?::(\d\d)([.,]\d+)?)?(?:\s*([ap])\.?m\.?\b)?/i)
    if (m !== null) {
      const hour = meridian(Number(m[1]), m[5])
      return setTime(hour, Number(m[2]), Number(m[3] ?? 0), nanosOf(m[4])) && zoneAfterTime()
    }
    m = take(/^(\d\d?)\s*([ap])\.?m\.?(?![A-Za-z])/i)
    if (m !== null) return setTime(meridian(Number(m[1]), m[2]), 0, 0, 0) && zoneAfterTime()
    return undefined
  }
  let lastRel: Array<Unit> = []
  while (true) {
    s = s.replace(/^[\s,]+/, "")
    if (s === "") break
    let m: RegExpExecArray | null
    const time = timeItem()
    if (time === false) return undefined
    if (time === true) continue
    if ((m = take(/^(\d{4,})-(\d\d?)-(\d\d?)(?:T(?=\d))?/)) !== null) {
      if (!setDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) return undefined
      continue
    }
    if ((m = take(/^(\d{4})\/(\d\d?)\/(\d\d?)\b/)) !== null) {
      if (!setDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) return undefined
      continue
    }
    if ((m = take(/^(\d\d?)\/(\d\d?)(?:\/(\d+))?\b/)) !== null) {
      if (!setDate(m[3] === undefined ? undefined : fullYear(m[3]), Number(m[1]) - 1, Number(m[2]))) return undefined
      continue
    }
    if ((m = take(new RegExp(`^(\\d\\d?)-${MON}-(\\d+)\\b`))) !== null) {
      const month = monthOf(m[2])
      if (month === undefined || !setDate(fullYear(m[3]), month, Number(m[1]))) return undefined
      continue
    }
    if ((m = take(new RegExp(`^(\\d\\d?)\\s*${MON}(?:\\s*,?\\s*(\\d{4}|\\d\\d?)(?![\\d:]))?(?![A-Za-z])`))) !== null) {
      const month = monthOf(m[2])
      if (month !== undefined) {
        if (!setDate(m[3] === undefined ? undefined : fullYear(m[3]), month, Number(m[1]))) return undefined
        continue
      }
      s = m[0] + s
    }
    if (
      (m = take(new RegExp(`^${MON}\\s*(\\d\\d?)(?:(?:\\s*,\\s*|\\s+)(\\d{4})(?![\\d:]))?(?![\\d:A-Za-z])`))) !== null
    ) {
      const month = monthOf(m[1])
      if (month !== undefined) {
        if (!setDate(m[3] === undefined ? undefined : Number(m[3]), month, Number(m[2]))) return undefined
        continue
      }
      s = m[0] + s
    }
    // A signed number and a unit, or a unit alone, or an ordinal word and a unit or weekday.
    if ((m = take(/^([+-]?)\s*(\d+)\s*([A-Za-z]+)\b/)) !== null) {
      const unit = unitOf(m[3])
      if (unit !== undefined) {
        const n = Number(m[2]) * (m[1] === "-" ? -1 : 1)
        st.rel[unit[0]] += n * unit[1]
        lastRel = [unit[0]]
        continue
      }
      const wd = dayOf(m[3])
      if (wd !== undefined && m[1] === "" && st.weekday === undefined) {
        st.weekday = { day: wd, ordinal: Number(m[2]) }
        continue
      }
      s = m[0] + s
    }
    if ((m = take(/^([+-]?)(\d+)(?![\d:])/)) !== null) {
      const digits = m[2]
      if (m[1] !== "") return undefined
      if (digits.length >= 5 && st.date === undefined) {
        if (!setDate(Number(digits.slice(0, -4)), Number(digits.slice(-4, -2)) - 1, Number(digits.slice(-2)))) {
          return undefined
        }
        continue
      }
      if (st.date !== undefined && st.date.year === undefined && digits.length === 4 && st.time === undefined) {
        st.date.year = Number(digits)
        continue
      }
      if (digits.length <= 4 && st.time === undefined) {
        const hour = digits.length <= 2 ? Number(digits) : Number(digits.slice(0, -2))
        const minute = digits.length <= 2 ? 0 : Number(digits.slice(-2))
        if (!setTime(hour, minute, 0, 0)) return undefined
        continue
      }
      return undefined
    }
    if ((m = take(/^([A-Za-z]+\.?)/)) !== null) {
      const word = m[1].toLowerCase().replace(/\.$/, "")
      if (word === "ago") {
        if (lastRel.length === 0) return undefined
        for (const u of lastRel) st.rel[u] = -st.rel[u]
        lastRel = []
        continue
      }
      if (word === "now" || word === "today") continue
      if (word === "yesterday" || word === "tomorrow") {
        st.rel.day += word === "yesterday" ? -1 : 1
        continue
      }
      const ordinal = ORDINALS[word]
      if (ordinal !== undefined) {
        const next = take(/^\s*([A-Za-z]+\.?)/)
        if (next === null) return undefined
        const unit = unitOf(next[1].replace(/\.$/, ""))
        if (unit !== undefined) {
          st.rel[unit[0]] += ordinal * unit[1]
          lastRel = [unit[0]]
          continue
        }
        const wd = dayOf(next[1])
        if (wd === undefined || st.weekday !== undefined) return undefined
        st.weekday = { day: wd, ordinal }
        continue
      }
      const unit = unitOf(word)
      if (unit !== undefined) {
        st.rel[unit[0]] += unit[1]
        lastRel = [unit[0]]
        continue
      }
      const wd = dayOf(word)
      if (wd !== undefined) {
        if (st.weekday !== undefined) return undefined
        st.weekday = { day: wd, ordinal: 0 }
        continue
      }
      if (word in ZONES) {
        if (st.zone !== undefined) return undefined
        let off = ZONES[word] * 3600
        const z = take(/^([+-])(\d\d?(?::\d\d)?|\d{3,4})(?![\d:])/)
        if (z !== null) {
          const extra = zoneSeconds(z[1], z[2])
          if (extra === undefined) return undefined
          off += extra
        }
        st.zone = off
        continue
      }
      if (word === "t" && st.date !== undefined) continue
      return undefined
    }
    return undefined
  }
  // An empty string is today at midnight, as a lone date would be.
  if (text.trim() === "") st.weekday = { day: -1, ordinal: 0 }
  return resolve(st, now, zone)
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()

/** Wall time fields as milliseconds, as if UTC (years below 100 kept as they are). */
const wallMs = (y: number, mo: number, d: number, h: number, mi: number, s: number): number => {
  const date = new Date(0)
  date.setUTCFullYear(y, mo, d)
  date.setUTCHours(h, mi, s, 0)
  return date.getTime()
}

const resolve = (st: State, now: Instant, zone: Zone): Instant | undefined => {
  const nowMs = now.seconds * 1000
  const local = new Date(nowMs + zone.offset(nowMs) * 1000)
  let year = local.getUTCFullYear()
  let month = local.getUTCMonth()
  let day = local.getUTCDate()
  let hour = local.getUTCHours()
  let minute = local.getUTCMinutes()
  let second = local.getUTCSeconds()
  let nanos = now.nanos
  if (st.date !== undefined) {
    year = st.date.year ?? year
    month = st.date.month
    day = st.date.day
    if (month < 0 || month > 11 || day < 1 || day > daysIn(year, month)) return undefined
  }
  if (st.time !== undefined) {
    hour = st.time.hour
    minute = st.time.minute
    second = st.time.second
    nanos = st.time.nanos
  } else if (st.date !== undefined || st.weekday !== undefined) {
    hour = minute = second = nanos = 0
  }
  if (st.weekday !== undefined && st.weekday.day >= 0 && st.date === undefined) {
    const current = new Date(wallMs(year, month, day, 0, 0, 0)).getUTCDay()
    const { day: target, ordinal } = st.weekday
    day += ((target - current + 7) % 7) + 7 * (ordinal - (ordinal > 0 && current !== target ? 1 : 0))
  }
  year += st.rel.year
  month += st.rel.month
  day += st.rel.day
  const wall = wallMs(year, month, day, hour, minute, second)
  const base = st.zone !== undefined ? wall - st.zone * 1000 : fromWall(zone, wall)
  const shifted = base + (st.rel.hour * 3600 + st.rel.minute * 60 + st.rel.second) * 1000
  return { seconds: Math.floor(shifted / 1000), nanos }
}
