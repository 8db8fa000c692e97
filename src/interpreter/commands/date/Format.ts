import type { Zone } from "./Zone.ts"

/**
 * `date +FORMAT`: glibc's strftime in the C locale plus GNU date's
 * additions (`%N`, `%q`, `%:z`, `%::z`, `%:::z`), in any zone. The shared
 * `Strftime.ts` formats in UTC only; this one carries a zone and nanoseconds.
 */

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
const MONTHS = "January February March April May June July August September October November December".split(" ")

/** An instant to format: milliseconds since the epoch and the nanoseconds within its second. */
export interface Instant {
  /** Whole seconds since the epoch. */
  readonly seconds: number
  /** 0 to 999999999. */
  readonly nanos: number
}

interface Fields {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  readonly weekday: number
  readonly yearDay: number
  readonly offset: number
  readonly zone: string
}

const fieldsOf = (t: Instant, zone: Zone): Fields => {
  const ms = t.seconds * 1000
  const offset = zone.offset(ms)
  const d = new Date(ms + offset * 1000)
  const year = d.getUTCFullYear()
  const jan1 = new Date(0)
  jan1.setUTCFullYear(year, 0, 1)
  const midnight = new Date(0)
  midnight.setUTCFullYear(year, d.getUTCMonth(), d.getUTCDate())
  return {
    year,
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.round((midnight.getTime() - jan1.getTime()) / 86400000),
    offset,
    zone: zone.abbreviation(ms),
  }
}

const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** ISO 8601 week-based year and week, as glibc computes them. */
const isoWeek = (f: Fields): { readonly year: number; readonly week: number } => {
  const wday = (f.weekday + 6) % 7
  let year = f.year
  let week = Math.floor((f.yearDay - wday + 10) / 7)
  if (week < 1) {
    year--
    week = Math.floor((f.yearDay + (leap(year) ? 366 : 365) - wday + 10) / 7)
  } else if (week === 53 && (wday + (leap(f.year) ? 366 : 365) - f.yearDay) % 7 <= 3) {
    year++
    week = 1
  }
  return { year, week }
}

/** A field before flags: its text, and for numbers the default pad and width. */
interface Field {
  readonly text: string
  readonly pad?: "0" | " "
  readonly width?: number
}

const num = (n: number, width: number, pad: "0" | " " = "0"): Field =>
  n < 0 ? { text: `-${String(-n)}`, pad, width } : { text: String(n), pad, width }

/** `+hhmm`, `+hh:mm`, `+hh:mm:ss` or the shortest exact form, for `colons` 0 to 3. */
const zoneOffset = (offset: number, colons: number): string => {
  const sign = offset < 0 ? "-" : "+"
  const a = Math.abs(offset)
  const hh = String(Math.floor(a / 3600)).padStart(2, "0")
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, "0")
  const ss = String(a % 60).padStart(2, "0")
  if (colons === 0) return `${sign}${hh}${mm}`
  if (colons === 1) return `${sign}${hh}:${mm}`
  if (colons === 2) return `${sign}${hh}:${mm}:${ss}`
  return a % 60 !== 0 ? `${sign}${hh}:${mm}:${ss}` : a % 3600 !== 0 ? `${sign}${hh}:${mm}` : `${sign}${hh}`
}

const expand = (c: string, f: Fields, t: Instant, width: number | undefined): Field | string | undefined => {
  const h12 = f.hour % 12 === 0 ? 12 : f.hour % 12
  switch (c) {
    case "a":
      return { text: DAYS[f.weekday].slice(0, 3) }
    case "A":
      return { text: DAYS[f.weekday] }
    case "b":
    case "h":
      return { text: MONTHS[f.month].slice(0, 3) }
    case "B":
      return { text: MONTHS[f.month] }
    case "c":
      return "%a %b %e %H:%M:%S %Y"
    case "C":
      return num(Math.floor(f.year / 100), 2)
    case "d":
      return num(f.day, 2)
    case "D":
    case "x":
      return "%m/%d/%y"
    case "e":
      return num(f.day, 2, " ")
    case "F":
      return "%Y-%m-%d"
    case "g":
      return num(((isoWeek(f).year % 100) + 100) % 100, 2)
    case "G":
      return num(isoWeek(f).year, 1)
    case "H":
      return num(f.hour, 2)
    case "I":
      return num(h12, 2)
    case "j":
      return num(f.yearDay + 1, 3)
    case "k":
      return num(f.hour, 2, " ")
    case "l":
      return num(h12, 2, " ")
    case "m":
      return num(f.month + 1, 2)
    case "M":
      return num(f.minute, 2)
    case "n":
      return { text: "\n" }
    case "N": {
      // A width keeps that many leading digits (`%3N` is milliseconds).
      const digits = String(t.nanos).padStart(9, "0")
      return { text: width === undefined ? digits : digits.slice(0, width).padEnd(width, "0") }
    }
    case "p":
      return { text: f.hour < 12 ? "AM" : "PM" }
    case "P":
      return { text: f.hour < 12 ? "am" : "pm" }
    case "q":
      return num(Math.floor(f.month / 3) + 1, 1)
    case "r":
      return "%I:%M:%S %p"
    case "R":
      return "%H:%M"
    case "s":
      return num(t.seconds, 1)
    case "S":
      return num(f.second, 2)
    case "t":
      return { text: "\t" }
    case "T":
    case "X":
      return "%H:%M:%S"
    case "u":
      return num(f.weekday === 0 ? 7 : f.weekday, 1)
    case "U":
      return num(Math.floor((f.yearDay + 7 - f.weekday) / 7), 2)
    case "V":
      return num(isoWeek(f).week, 2)
    case "w":
      return num(f.weekday, 1)
    case "W":
      return num(Math.floor((f.yearDay + 7 - ((f.weekday + 6) % 7)) / 7), 2)
    case "y":
      return num(((f.year % 100) + 100) % 100, 2)
    case "Y":
      return num(f.year, 1)
    case "Z":
      return { text: f.zone }
    case "%":
      return { text: "%" }
  }
  return undefined
}

const applyFlags = (field: Field, flag: string, width: number | undefined, upper: boolean, swap: boolean): string => {
  let text = field.text
  if (upper) text = text.toUpperCase()
  else if (swap) text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase()
  if (flag === "-") return text
  const w = width ?? field.width ?? 0
  const pad = flag === "_" ? " " : flag === "0" ? "0" : (field.pad ?? " ")
  if (text.length >= w) return text
  if (pad === "0" && (text[0] === "+" || text[0] === "-")) return text[0] + text.slice(1).padStart(w - 1, "0")
  return text.padStart(w, pad)
}

/** Format an instant in a zone with a `date +FORMAT` format. */
export const formatDate = (format: string, t: Instant, zone: Zone): string => {
  const f = fieldsOf(t, zone)
  const run = (fmt: string): string => {
    let out = ""
    let i = 0
    while (i < fmt.length) {
      const c = fmt[i]
      if (c !== "%") {
        out += c
        i++
        continue
      }
      let j = i + 1
      let flag = ""
      let upper = false
      let swap = false
      let plus = false
      while (j < fmt.length && "_-0^#+".includes(fmt[j])) {
        if (fmt[j] === "^") upper = true
        else if (fmt[j] === "#") swap = true
        else if (fmt[j] === "+") plus = true
        else flag = fmt[j]
        j++
      }
      let widthText = ""
      while (j < fmt.length && fmt[j] >= "0" && fmt[j] <= "9") widthText += fmt[j++]
      while (j < fmt.length && (fmt[j] === "E" || fmt[j] === "O")) j++
      let colons = 0
      while (j < fmt.length && fmt[j] === ":" && colons < 3) {
        colons++
        j++
      }
      if (j >= fmt.length) {
        out += fmt.slice(i)
        break
      }
      const conv = fmt[j]
      const width = widthText === "" ? undefined : Number(widthText)
      if (colons > 0 && conv !== "z") {
        out += fmt.slice(i, j + 1)
        i = j + 1
        continue
      }
      let field: Field | string | undefined
      if (conv === "z") field = { text: zoneOffset(f.offset, colons), pad: "0" }
      else if (conv === "Y" && plus && (width ?? 0) > 4) field = { text: `+${f.year}`, pad: "0" }
      else field = expand(conv, f, t, width)
      if (field === undefined) out += fmt.slice(i, j + 1)
      else if (typeof field === "string") out += applyFlags({ text: run(field) }, flag, width, upper, swap)
      else if (conv === "N") out += field.text
      else out += applyFlags(field, flag || (plus ? "0" : ""), width, upper, swap)
      i = j + 1
    }
    return out
  }
  return run(format)
}
