/**
 * Argument parsers of `find` tests: sizes, times, numbers, types, modes.
 * Each returns the parsed value or undefined (the caller words the error as
 * findutils does for that test).
 */

/** `+N` is greater than, `-N` less than, `N` equal. */
export type Cmp = "gt" | "lt" | "eq"

/** A number with its comparison. */
export interface Num {
  readonly cmp: Cmp
  readonly n: number
}

const splitCmp = (arg: string): [Cmp, string] =>
  arg[0] === "+" ? ["gt", arg.slice(1)] : arg[0] === "-" ? ["lt", arg.slice(1)] : ["eq", arg]

/** Compare a value against a parsed number. */
export const compare = (num: Num, value: number): boolean =>
  num.cmp === "gt" ? value > num.n : num.cmp === "lt" ? value < num.n : value === num.n

/** `-uid`, `-gid`, `-links`, `-inum`: `[+-]N` in decimal. */
export const parseNum = (arg: string): Num | undefined => {
  const [cmp, rest] = splitCmp(arg)
  if (!/^[ \t\n\v\f\r]*\+?\d+$/.test(rest)) return undefined
  return { cmp, n: Number(rest.trim()) }
}

/** A parsed `-size`: compare ceil(size / unit) against `n`. */
export interface Size extends Num {
  readonly unit: number
}

const SIZE_UNITS: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 }

/** `-size [+-]N[bcwkMG]`, or the findutils message. */
export const parseSize = (arg: string): Size | { readonly error: string } => {
  if (arg === "") return { error: "invalid null argument to -size" }
  const last = arg[arg.length - 1]
  let unit = 512
  let body = arg
  if (last in SIZE_UNITS) {
    unit = SIZE_UNITS[last]
    body = arg.slice(0, -1)
  } else if (!(last >= "0" && last <= "9")) return { error: `invalid -size type \`${last}'` }
  const num = parseNum(body)
  if (num === undefined) return { error: `Invalid argument \`${arg}' to -size` }
  return { ...num, unit }
}

/** Whether a file of `bytes` satisfies a `-size` test (sizes round up to whole units). */
export const sizeMatches = (size: Size, bytes: number): boolean => compare(size, Math.ceil(bytes / size.unit))

/**
 * A time test, as findutils' `pred_timewindow` evaluates it: `gt` is newer
 * than `ref`, `lt` older, `eq` within (ref, ref + window].
 */
export interface TimeWindow {
  readonly cmp: Cmp
  /** Milliseconds since the epoch. */
  readonly ref: number
  /** Milliseconds. */
  readonly window: number
}

/** Evaluate a time window against a timestamp (ms). */
export const inWindow = (w: TimeWindow, t: number): boolean => {
  if (w.cmp === "gt") return t > w.ref
  if (w.cmp === "lt") return t < w.ref
  const delta = t - w.ref
  return delta > 0 && delta <= w.window
}

const parseFloatArg = (text: string): number | undefined => {
  if (!/^[ \t\n\v\f\r]*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined
  const n = Number(text.trim())
  return Number.isFinite(n) ? n : undefined
}

/**
 * `-mtime`-style days (`dayStart`: the start of the current 24 hours, now
 * minus a day, or midnight with `-daystart`) or `-mmin`-style minutes
 * (`origin`: now, or the next midnight with `-daystart`).
 */
export const parseTime = (arg: string, origin: number, unitMs: number, days: boolean): TimeWindow | undefined => {
  const [userCmp, rest] = splitCmp(arg)
  const offset = parseFloatArg(rest)
  if (offset === undefined) return undefined
  // findutils inverts the sense: "newer than N units ago" is a greater timestamp.
  const cmp: Cmp = userCmp === "gt" ? "lt" : userCmp === "lt" ? "gt" : "eq"
  const base = days && userCmp === "lt" ? origin + 86400_000 - 1000 : origin
  return { cmp, ref: base - offset * unitMs, window: unitMs }
}

/** The file types `-type` and `-xtype` accept, mapped to ours (the others never match). */
const TYPE_LETTERS = "bcdpflsD"

/** `-type f,d` letters, or the findutils message. */
export const parseTypes = (arg: string, pred: string): ReadonlySet<string> | { readonly error: string } => {
  if (arg === "") return { error: `Arguments to ${pred} should contain at least one letter` }
  const types = new Set<string>()
  let i = 0
  while (i < arg.length) {
    const c = arg[i]
    if (!TYPE_LETTERS.includes(c)) return { error: `Unknown argument to ${pred}: ${c}` }
    if (c === "D")
      return {
        error: `${pred} ${c} is not supported because Solaris doors are not supported on the platform find was compiled on.`,
      }
    if (types.has(c)) return { error: `Duplicate file type '${c}' in the argument list to ${pred}.` }
    types.add(c)
    i++
    if (i < arg.length) {
      if (arg[i] !== ",") return { error: `Must separate multiple arguments to ${pred} using: ','` }
      i++
      if (i >= arg.length)
        return { error: `Last file type in list argument to ${pred} is missing, i.e., list is ending on: ','` }
    }
  }
  return types
}

/** A `-perm` test: the mode for files and for directories (they differ with `X`). */
export interface Perm {
  readonly kind: "exact" | "least" | "any"
  readonly file: number
  readonly dir: number
}

const WHO: Record<string, number> = { u: 0o4700, g: 0o2070, o: 0o1007, a: 0o7777 }

/** Apply a `chmod`-style mode to `start` (umask 0), or undefined when it is invalid. */
export const applyMode = (text: string, start: number, isDir: boolean): number | undefined => {
  if (/^[0-7]+$/.test(text)) {
    const n = parseInt(text, 8)
    return n > 0o7777 ? undefined : n
  }
  let mode = start
  for (const clause of text.split(",")) {
    const m = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause)
    if (m === null) return undefined
    let who = 0
    for (const w of m[1]) who |= WHO[w]
    if (who === 0) who = 0o7777
    const ops = m[2].match(/[-+=][^-+=]*/g) ?? []
    for (const op of ops) {
      const perms = op.slice(1)
      let bits = 0
      if (/^[ugo]$/.test(perms)) {
        const src = perms === "u" ? (mode >> 6) & 7 : perms === "g" ? (mode >> 3) & 7 : mode & 7
        bits = (src << 6) | (src << 3) | src
      } else
        for (const p of perms) {
          if (p === "r") bits |= 0o444
          else if (p === "w") bits |= 0o222
          else if (p === "x") bits |= 0o111
          else if (p === "X") bits |= isDir || mode & 0o111 ? 0o111 : 0
          else if (p === "s") bits |= 0o6000
          else if (p === "t") bits |= 0o1000
        }
      bits &= who
      if (op[0] === "+") mode |= bits
      else if (op[0] === "-") mode &= ~bits
      else mode = (mode & ~(who & 0o777)) | bits
    }
  }
  return mode
}

/** `-perm [-/]MODE`, or undefined when the mode is invalid. */
export const parsePerm = (arg: string): Perm | undefined => {
  const kind = arg[0] === "-" ? "least" : arg[0] === "/" ? "any" : "exact"
  const text = kind === "exact" ? arg : arg.slice(1)
  if (arg[0] === "+" && arg[1] >= "0" && arg[1] < "8") return undefined
  const file = applyMode(text, 0, false)
  const dir = applyMode(text, 0, true)
  if (file === undefined || dir === undefined) return undefined
  return { kind, file, dir }
}

/** Whether a mode satisfies a `-perm` test. */
export const permMatches = (perm: Perm, mode: number, isDir: boolean): boolean => {
  const want = isDir ? perm.dir : perm.file
  const m = mode & 0o7777
  if (perm.kind === "least") return (m & want) === want
  if (perm.kind === "any") return want === 0 || (m & want) !== 0
  return m === want
}

/** `-newermt` dates: ISO forms (`2024-01-02`, `2024-01-02 03:04[:05]`, `...T...Z`) and `@SECONDS`. */
export const parseDate = (text: string): number | undefined => {
  const t = text.trim()
  const at = /^@(-?\d+(?:\.\d+)?)$/.exec(t)
  if (at) return Number(at[1]) * 1000
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
      t,
    )
  if (m === null) return undefined
  const [, y, mo, d, h, mi, s, frac, zone] = m
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0))
  if (frac !== undefined) ms += Number(`0.${frac}`) * 1000
  if (zone !== undefined && /^[+-]/.test(zone)) {
    const z = zone.replace(":", "")
    const offset = (Number(z.slice(1, 3)) * 60 + Number(z.slice(3, 5))) * 60_000
    ms -= z[0] === "+" ? offset : -offset
  }
  return Number.isNaN(ms) ? undefined : ms
}
