/**
 * strftime() and mktime() in UTC (Mirage has no time zone database; the
 * conformance cases run with TZ=UTC).
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

/** gawk's default strftime format. */
export const DEFAULT_FORMAT = "%a %b %e %H:%M:%S %Z %Y"

const pad = (n: number, width: number, fill = "0") => String(n).padStart(width, fill)

const dayOfYear = (d: Date) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000)

/** ISO 8601 week-based year and week number. */
const isoWeek = (d: Date): { readonly year: number; readonly week: number } => {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
  const day = (t.getUTCDay() + 6) % 7
  t.setUTCDate(t.getUTCDate() - day + 3)
  const year = t.getUTCFullYear()
  const firstThursday = new Date(Date.UTC(year, 0, 4))
  const week =
    1 +
    Math.round((t.getTime() - firstThursday.getTime()) / 86400000 / 7 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7)
  return { year, week }
}

/** Format seconds since the epoch as C strftime does in the C locale, in UTC. */
export const strftime = (format: string, seconds: number): string => {
  const d = new Date(Math.floor(seconds) * 1000)
  if (Number.isNaN(d.getTime())) return ""
  const one = (c: string): string => {
    const Y = d.getUTCFullYear()
    const m = d.getUTCMonth()
    const day = d.getUTCDate()
    const H = d.getUTCHours()
    const M = d.getUTCMinutes()
    const S = d.getUTCSeconds()
    const w = d.getUTCDay()
    const yday = dayOfYear(d)
    switch (c) {
      case "a":
        return DAYS[w].slice(0, 3)
      case "A":
        return DAYS[w]
      case "b":
      case "h":
        return MONTHS[m].slice(0, 3)
      case "B":
        return MONTHS[m]
      case "c":
        return `${one("a")} ${one("b")} ${one("e")} ${one("T")} ${Y}`
      case "C":
        return pad(Math.floor(Y / 100), 2)
      case "d":
        return pad(day, 2)
      case "D":
        return `${one("m")}/${one("d")}/${one("y")}`
      case "e":
        return pad(day, 2, " ")
      case "F":
        return `${Y}-${one("m")}-${one("d")}`
      case "g":
        return pad(isoWeek(d).year % 100, 2)
      case "G":
        return String(isoWeek(d).year)
      case "H":
        return pad(H, 2)
      case "I":
        return pad(H % 12 === 0 ? 12 : H % 12, 2)
      case "j":
        return pad(yday + 1, 3)
      case "k":
        return pad(H, 2, " ")
      case "l":
        return pad(H % 12 === 0 ? 12 : H % 12, 2, " ")
      case "m":
        return pad(m + 1, 2)
      case "M":
        return pad(M, 2)
      case "n":
        return "\n"
      case "p":
        return H < 12 ? "AM" : "PM"
      case "r":
        return `${one("I")}:${one("M")}:${one("S")} ${one("p")}`
      case "R":
        return `${one("H")}:${one("M")}`
      case "s":
        return String(Math.floor(seconds))
      case "S":
        return pad(S, 2)
      case "t":
        return "\t"
      case "T":
        return `${one("H")}:${one("M")}:${one("S")}`
      case "u":
        return String(w === 0 ? 7 : w)
      case "U":
        return pad(Math.floor((yday + 7 - w) / 7), 2)
      case "V":
        return pad(isoWeek(d).week, 2)
      case "w":
        return String(w)
      case "W":
        return pad(Math.floor((yday + 7 - ((w + 6) % 7)) / 7), 2)
      case "x":
        return one("D")
      case "X":
        return one("T")
      case "y":
        return pad(Y % 100, 2)
      case "Y":
        return String(Y)
      case "z":
        return "+0000"
      case "Z":
        return "UTC"
      case "%":
        return "%"
      default:
        return `%${c}`
    }
  }
  let out = ""
  for (let i = 0; i < format.length; i++) {
    const c = format[i]
    if (c !== "%" || i + 1 >= format.length) {
      out += c
      continue
    }
    let k = format[++i]
    // E and O modifiers change nothing in the C locale.
    if ((k === "E" || k === "O") && i + 1 < format.length) k = format[++i]
    out += one(k)
  }
  return out
}

/** mktime("YYYY MM DD HH MM SS [DST]"): seconds since the epoch (UTC), or -1. */
export const mktime = (spec: string): number => {
  const parts = spec.trim().split(/[ \t\n]+/)
  if (parts.length < 6 || parts.length > 7) return -1
  const n = parts.map((p) => (/^[+-]?\d+$/.test(p) ? Number(p) : NaN))
  if (n.some((x) => Number.isNaN(x))) return -1
  const t = Date.UTC(n[0], n[1] - 1, n[2], n[3], n[4], n[5])
  return Number.isNaN(t) ? -1 : Math.floor(t / 1000)
}
