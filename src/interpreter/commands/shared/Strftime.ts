/**
 * `strftime` as glibc formats in the C locale, in UTC: every conversion,
 * the `_ - 0 ^ #` flags and a field width (`%_5d`, `%-m`, `%^a`); `E` and `O`
 * modifiers are accepted and ignored. An unknown conversion is copied as it
 * is. `%N` (nanoseconds) is GNU `date`'s addition and only known when
 * `nanos` is given.
 *
 * ```ts
 * strftime("%Y-%m-%d %H:%M:%S", Date.UTC(2024, 0, 2, 3, 4, 5)) // "2024-01-02 03:04:05"
 * strftime("%a %b %e", 0)                                       // "Thu Jan  1"
 * ```
 */

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
]

/** Broken-down UTC time. */
export interface Tm {
  readonly year: number
  /** 0-11 */
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
  /** 0 = Sunday */
  readonly weekday: number
  /** 0-365 */
  readonly yearDay: number
  /** Whole seconds since the epoch (floored). */
  readonly epoch: number
}

/** Break milliseconds since the epoch into UTC fields. */
export const utc = (ms: number): Tm => {
  const epoch = Math.floor(ms / 1000)
  const d = new Date(epoch * 1000)
  const year = d.getUTCFullYear()
  const start = Date.UTC(year, 0, 1)
  return {
    year,
    month: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
    yearDay: Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - start) / 86400000),
    epoch,
  }
}

/** ISO 8601 week-based year and week number. */
const isoWeek = (tm: Tm): { readonly year: number; readonly week: number } => {
  const wday = (tm.weekday + 6) % 7 // Monday = 0
  const daysIn = (y: number) => ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365)
  // The Monday starting week 1 is within 3 days of Jan 1; count from it.
  let year = tm.year
  let week = Math.floor((tm.yearDay - wday + 10) / 7)
  if (week < 1) {
    year--
    const yday = tm.yearDay + daysIn(year)
    week = Math.floor((yday - wday + 10) / 7)
  } else if (week === 53) {
    const jan1Next = (wday + daysIn(tm.year) - tm.yearDay) % 7 // weekday (Mon=0) of next Jan 1
    if (jan1Next <= 3) {
      year++
      week = 1
    }
  }
  return { year, week }
}

interface Field {
  readonly text: string
  /** Default padding character and width for numbers; undefined for words. */
  readonly pad?: "0" | " "
  readonly width?: number
}

const num = (n: number, width: number, pad: "0" | " " = "0"): Field => ({ text: String(n), pad, width })

/** Options of `strftime`. */
export interface StrftimeOptions {
  /** Nanoseconds within the second, enabling `%N`. */
  readonly nanos?: number
}

const expand = (c: string, tm: Tm, options: StrftimeOptions): Field | string | undefined => {
  const h12 = tm.hour % 12 === 0 ? 12 : tm.hour % 12
  switch (c) {
    case "a":
      return { text: DAYS[tm.weekday].slice(0, 3) }
    case "A":
      return { text: DAYS[tm.weekday] }
    case "b":
    case "h":
      return { text: MONTHS[tm.month].slice(0, 3) }
    case "B":
      return { text: MONTHS[tm.month] }
    case "c":
      return "%a %b %e %H:%M:%S %Y"
    case "C":
      return num(Math.floor(tm.year / 100), 2)
    case "d":
      return num(tm.day, 2)
    case "D":
    case "x":
      return "%m/%d/%y"
    case "e":
      return num(tm.day, 2, " ")
    case "F":
      return "%Y-%m-%d"
    case "g":
      return num(isoWeek(tm).year % 100, 2)
    case "G":
      return num(isoWeek(tm).year, 1)
    case "H":
      return num(tm.hour, 2)
    case "I":
      return num(h12, 2)
    case "j":
      return num(tm.yearDay + 1, 3)
    case "k":
      return num(tm.hour, 2, " ")
    case "l":
      return num(h12, 2, " ")
    case "m":
      return num(tm.month + 1, 2)
    case "M":
      return num(tm.minute, 2)
    case "n":
      return { text: "\n" }
    case "N":
      return options.nanos === undefined ? undefined : num(options.nanos, 9)
    case "p":
      return { text: tm.hour < 12 ? "AM" : "PM" }
    case "P":
      return { text: tm.hour < 12 ? "am" : "pm" }
    case "r":
      return "%I:%M:%S %p"
    case "R":
      return "%H:%M"
    case "s":
      return num(tm.epoch, 1)
    case "S":
      return num(tm.second, 2)
    case "t":
      return { text: "\t" }
    case "T":
    case "X":
      return "%H:%M:%S"
    case "u":
      return num(tm.weekday === 0 ? 7 : tm.weekday, 1)
    case "U":
      return num(Math.floor((tm.yearDay + 7 - tm.weekday) / 7), 2)
    case "V":
      return num(isoWeek(tm).week, 2)
    case "w":
      return num(tm.weekday, 1)
    case "W":
      return num(Math.floor((tm.yearDay + 7 - ((tm.weekday + 6) % 7)) / 7), 2)
    case "y":
      return num(tm.year % 100, 2)
    case "Y":
      return num(tm.year, 1)
    case "z":
      return { text: "+0000", pad: "0", width: 5 }
    case "Z":
      return { text: "UTC" }
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

/** Format `ms` (milliseconds since the epoch) with a `strftime` format, in UTC. */
export const strftime = (format: string, ms: number, options: StrftimeOptions = {}): string => {
  const tm = utc(ms)
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
      while (j < fmt.length && "_-0^#".includes(fmt[j])) {
        if (fmt[j] === "^") upper = true
        else if (fmt[j] === "#") swap = true
        else flag = fmt[j]
        j++
      }
      let widthText = ""
      while (j < fmt.length && fmt[j] >= "0" && fmt[j] <= "9") widthText += fmt[j++]
      while (j < fmt.length && (fmt[j] === "E" || fmt[j] === "O")) j++
      if (j >= fmt.length) {
        out += fmt.slice(i)
        break
      }
      const conv = fmt[j]
      const field = expand(conv, tm, options)
      if (field === undefined) {
        out += fmt.slice(i, j + 1)
      } else if (typeof field === "string") {
        const sub = run(field)
        const width = widthText === "" ? undefined : Number(widthText)
        out += applyFlags({ text: sub }, flag, width, upper, swap)
      } else {
        const width = widthText === "" ? undefined : Number(widthText)
        out += applyFlags(field, flag, width, upper, swap)
      }
      i = j + 1
    }
    return out
  }
  return run(format)
}
