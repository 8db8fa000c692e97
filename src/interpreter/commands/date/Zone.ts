/**
 * Time zones for `date`, from the `TZ` variable: UTC when unset or empty,
 * POSIX fixed offsets (`EST5`, `UTC+3`, `<+0530>-5:30`), and IANA names
 * (`Europe/Paris`) through `Intl` where the runtime has it. A POSIX rule
 * with a daylight part (`EST5EDT`) is looked up in `Intl` too, else its
 * standard offset is used. No zone database ships with the library, so
 * abbreviations of IANA zones come from a short table of well-known ones and
 * otherwise take tzdata's numeric form (`+0530`).
 */

/** A zone: its offset east of UTC at an instant, and its abbreviation there. */
export interface Zone {
  /** Seconds east of UTC at `ms`. */
  readonly offset: (ms: number) => number
  readonly abbreviation: (ms: number) => string
}

/** A zone with one offset. */
export const fixedZone = (offsetSeconds: number, abbreviation: string): Zone => ({
  offset: () => offsetSeconds,
  abbreviation: () => abbreviation,
})

/** UTC. */
export const UTC = fixedZone(0, "UTC")

/** tzdata's letter abbreviations of common zones: [standard, daylight]. */
const ABBREVIATIONS: Readonly<Record<string, readonly [string, string]>> = {
  "Europe/London": ["GMT", "BST"],
  "Europe/Dublin": ["GMT", "IST"],
  "Europe/Lisbon": ["WET", "WEST"],
  "Asia/Kolkata": ["IST", "IST"],
  "Asia/Calcutta": ["IST", "IST"],
  "Asia/Tokyo": ["JST", "JST"],
  "Asia/Seoul": ["KST", "KST"],
  "Asia/Shanghai": ["CST", "CST"],
  "Asia/Hong_Kong": ["HKT", "HKT"],
  "Asia/Jerusalem": ["IST", "IDT"],
  "Australia/Sydney": ["AEST", "AEDT"],
  "Australia/Melbourne": ["AEST", "AEDT"],
  "Australia/Brisbane": ["AEST", "AEST"],
  "Australia/Adelaide": ["ACST", "ACDT"],
  "Australia/Perth": ["AWST", "AWST"],
  "Pacific/Auckland": ["NZST", "NZDT"],
  "Africa/Johannesburg": ["SAST", "SAST"],
  "Africa/Cairo": ["EET", "EEST"],
  "Africa/Lagos": ["WAT", "WAT"],
  "Africa/Nairobi": ["EAT", "EAT"],
  "Europe/Moscow": ["MSK", "MSK"],
}
const CET = new Set(
  "Amsterdam Andorra Belgrade Berlin Bratislava Brussels Budapest Copenhagen Gibraltar Ljubljana Luxembourg Madrid Malta Monaco Oslo Paris Prague Rome San_Marino Sarajevo Skopje Stockholm Tirane Vaduz Vatican Vienna Warsaw Zagreb Zurich"
    .split(" ")
    .map((c) => `Europe/${c}`),
)
const EET = new Set(
  "Athens Bucharest Chisinau Helsinki Kiev Kyiv Riga Sofia Tallinn Vilnius".split(" ").map((c) => `Europe/${c}`),
)

const numericAbbreviation = (offset: number): string => {
  const sign = offset < 0 ? "-" : "+"
  const a = Math.abs(offset)
  const h = String(Math.floor(a / 3600)).padStart(2, "0")
  const m = Math.floor((a % 3600) / 60)
  return `${sign}${h}${m === 0 ? "" : String(m).padStart(2, "0")}`
}

/** An IANA zone through Intl, or undefined when the runtime does not know it. */
const intlZone = (name: string): Zone | undefined => {
  let format: Intl.DateTimeFormat
  let short: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    })
    short = new Intl.DateTimeFormat("en-US", { timeZone: name, timeZoneName: "short" })
  } catch {
    return undefined
  }
  const offset = (ms: number): number => {
    // Whole seconds: the offset is the local wall clock read as UTC, minus the instant.
    const t = Math.floor(ms / 1000) * 1000
    const parts: Record<string, string> = {}
    for (const p of format.formatToParts(new Date(t))) parts[p.type] = p.value
    let year = Number(parts.year)
    if (parts.era === "BC" || parts.era === "B") year = 1 - year
    const wall = Date.UTC(
      year,
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    )
    return Math.round((wall - t) / 1000)
  }
  const standardOffset = (ms: number): number => {
    const y = new Date(ms).getUTCFullYear()
    return Math.min(offset(Date.UTC(y, 0, 1)), offset(Date.UTC(y, 6, 1)))
  }
  const abbreviation = (ms: number): string => {
    const off = offset(ms)
    const daylight = off !== standardOffset(ms)
    const known = ABBREVIATIONS[name]
    if (known !== undefined) return known[daylight ? 1 : 0]
    if (CET.has(name)) return daylight ? "CEST" : "CET"
    if (EET.has(name)) return daylight ? "EEST" : "EET"
    // Zones named by their abbreviation (`GMT`, `CET`): daylight time inserts the S (`CEST`).
    if (/^[A-Z]{3,4}$/.test(name)) return daylight ? `${name.slice(0, -1)}S${name.slice(-1)}` : name
    if (/^Etc\/(UTC|UCT|GMT)$/.test(name)) return name.slice(4)
    const label = short.formatToParts(new Date(ms)).find((p) => p.type === "timeZoneName")?.value ?? ""
    return /^[A-Z]{3,5}$/.test(label) ? label : numericAbbreviation(off)
  }
  return { offset, abbreviation }
}

/** Seconds of a POSIX offset `[+-]hh[:mm[:ss]]`, or undefined. */
const posixSeconds = (text: string): number | undefined => {
  const m = /^([+-]?)(\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text)
  if (m === null) return undefined
  const s = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0)
  return m[1] === "-" ? -s : s
}

/** The zone `TZ` names (undefined or empty: UTC). */
export const zoneFromTZ = (tz: string | undefined): Zone => {
  if (tz === undefined) return UTC
  const name = tz.startsWith(":") ? tz.slice(1) : tz
  if (name === "") return UTC
  const posix = /^(<[^>]*>|[A-Za-z]{3,})([+-]?[\d:]+)?(.*)$/.exec(name)
  if (posix !== null && posix[2] !== undefined && posix[3] === "") {
    const west = posixSeconds(posix[2])
    if (west !== undefined) return fixedZone(-west, posix[1].replace(/^<|>$/g, ""))
  }
  const intl = intlZone(name)
  if (intl !== undefined) return intl
  if (posix !== null && posix[2] !== undefined) {
    const west = posixSeconds(posix[2])
    if (west !== undefined) return fixedZone(-west, posix[1].replace(/^<|>$/g, ""))
  }
  // glibc keeps the letters of a name it cannot read as the abbreviation, at UTC.
  const letters = /^[A-Za-z]+/.exec(name)
  return fixedZone(0, letters !== null && letters[0].length >= 3 ? letters[0] : "UTC")
}

/**
 * The instant (ms) whose wall clock in `zone` reads `wallMs` (wall time as
 * if it were UTC). In a gap or overlap the first matching offset wins.
 */
export const fromWall = (zone: Zone, wallMs: number): number => {
  let guess = wallMs - zone.offset(wallMs) * 1000
  for (let i = 0; i < 3; i++) {
    const next = wallMs - zone.offset(guess) * 1000
    if (next === guess) break
    guess = next
  }
  return guess
}
