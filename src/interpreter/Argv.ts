/**
 * Command-line flags and the one argv parser every command shares.
 *
 * The parser follows GNU `getopt_long`: clustered short options (`-la`),
 * attached or separate arguments (`-n5`, `-n 5`, `--lines=5`, `--lines 5`),
 * unique prefixes of long names (`--li=5`), `--` ending options, `-` as an
 * operand, and option permutation (options after operands) unless a command
 * opts out. Its error messages are worded as glibc words them.
 */

/** What a flag holds once parsed. */
export type FlagKind = "boolean" | "string" | "integer" | "list"

/**
 * One declared flag, decoding to a value of type `A`.
 *
 * `values` passed to `decode` are the flag's occurrences in order (undefined
 * for a boolean occurrence or an omitted optional argument).
 */
export interface Flag<A> {
  readonly kind: FlagKind
  readonly short: ReadonlyArray<string>
  readonly long: ReadonlyArray<string>
  readonly description: string
  /** Name of the argument in help (`NUM`); undefined when the flag takes none. */
  readonly arg: string | undefined
  /** The argument may be omitted (long form `--color[=WHEN]` only). */
  readonly optionalArg: boolean
  /** Checks one argument when it is parsed; returns an error message. */
  readonly validate: ((value: string) => string | undefined) | undefined
  readonly decode: (values: ReadonlyArray<string | undefined>) => A
}

/** The flags of a command, by the key `run` reads them under. */
export type Flags = Readonly<Record<string, Flag<unknown>>>

/** The parsed value of every declared flag. */
export type FlagValues<F extends Flags> = { readonly [K in keyof F]: F[K] extends Flag<infer A> ? A : never }

/** One flag occurrence, in command-line order (for "last one wins" between different flags). */
export interface Occurrence {
  readonly key: string
  readonly value: string | undefined
}

type Names = string | ReadonlyArray<string> | null

const names = (n: Names): ReadonlyArray<string> => (n === null ? [] : typeof n === "string" ? [n] : n)

interface ArgOptions {
  /** Argument name shown in help. */
  readonly arg?: string
  /** Long form only: `--name` alone is allowed, `--name=value` sets it. */
  readonly optional?: boolean
}

const base = (
  kind: FlagKind,
  short: Names,
  long: Names,
  description: string,
  arg: string | undefined,
  optionalArg = false,
) => ({ kind, short: names(short), long: names(long), description, arg, optionalArg, validate: undefined })

/** A switch: true when given at least once. `Flag.boolean("n", "number", "number all output lines")`. */
export const boolean = (short: Names, long: Names, description: string): Flag<boolean> => ({
  ...base("boolean", short, long, description, undefined),
  decode: (values) => values.length > 0,
})

/** A string argument; the last occurrence wins. */
export const string = (
  short: Names,
  long: Names,
  description: string,
  options: ArgOptions = {},
): Flag<string | undefined> => ({
  ...base("string", short, long, description, options.arg ?? "STRING", options.optional ?? false),
  // An optional argument left out decodes as undefined: `occurrences` tells presence.
  decode: (values) => (values.length === 0 ? undefined : values[values.length - 1]),
})

/**
 * An integer argument, checked when parsed; the last occurrence wins.
 * `invalid` words the error (`head: invalid number of lines: 'x'`).
 */
export const integer = (
  short: Names,
  long: Names,
  description: string,
  options: ArgOptions & { readonly invalid?: (value: string) => string; readonly min?: number } = {},
): Flag<number | undefined> => {
  const parse = (value: string): number | undefined => {
    const t = value.trim()
    if (!/^[+-]?\d+$/.test(t)) return undefined
    const n = Number(t)
    return options.min !== undefined && n < options.min ? undefined : n
  }
  return {
    ...base("integer", short, long, description, options.arg ?? "NUM"),
    validate: (value) =>
      parse(value) === undefined ? (options.invalid?.(value) ?? `invalid number: '${value}'`) : undefined,
    decode: (values) => {
      const last = values[values.length - 1]
      return last === undefined ? undefined : parse(last)
    },
  }
}

/** A repeatable argument: every occurrence, in order (`grep -e A -e B`). */
export const list = (
  short: Names,
  long: Names,
  description: string,
  options: ArgOptions = {},
): Flag<ReadonlyArray<string>> => ({
  ...base("list", short, long, description, options.arg ?? "STRING", options.optional ?? false),
  decode: (values) => values.map((v) => v ?? ""),
})

/** How the parser treats a command line. */
export interface ParseOptions {
  /** Options may follow operands (GNU permutation). Default true. */
  readonly permute?: boolean
  /** Recognize `--help` and `--version`. Default true. */
  readonly standard?: boolean
}

/** The outcome of parsing a command line. */
export type ParseResult<F extends Flags> =
  | {
      readonly _tag: "Parsed"
      readonly flags: FlagValues<F>
      readonly operands: ReadonlyArray<string>
      readonly occurrences: ReadonlyArray<Occurrence>
    }
  | { readonly _tag: "Help" }
  | { readonly _tag: "Version" }
  /** `tryHelp`: glibc messages are followed by "Try 'x --help'"; value checks are not. */
  | { readonly _tag: "UsageError"; readonly message: string; readonly tryHelp: boolean }

const HELP = "\u0000help"
const VERSION = "\u0000version"

interface Target {
  readonly key: string
  readonly flag: Flag<unknown> | undefined
}

const usageError = (message: string, tryHelp = true) => ({ _tag: "UsageError" as const, message, tryHelp })

/** Parse `args` against `flags`. Never throws. */
export const parse = <F extends Flags>(
  flags: F,
  args: ReadonlyArray<string>,
  options: ParseOptions = {},
): ParseResult<F> => {
  const permute = options.permute ?? true
  const shortMap = new Map<string, Target>()
  const longs: Array<{ readonly name: string; readonly target: Target }> = []
  for (const key of Object.keys(flags)) {
    const flag = flags[key]
    for (const s of flag.short) shortMap.set(s, { key, flag })
    for (const l of flag.long) longs.push({ name: l, target: { key, flag } })
  }
  if (options.standard ?? true) {
    longs.push({ name: "help", target: { key: HELP, flag: undefined } })
    longs.push({ name: "version", target: { key: VERSION, flag: undefined } })
  }

  const seen = new Map<string, Array<string | undefined>>()
  const occurrences: Array<Occurrence> = []
  const operands: Array<string> = []
  const record = (key: string, value: string | undefined) => {
    const list = seen.get(key)
    if (list === undefined) seen.set(key, [value])
    else list.push(value)
    occurrences.push({ key, value })
  }

  let i = 0
  while (i < args.length) {
    const a = args[i]
    if (a === "--") {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=")
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq)
      const attached = eq === -1 ? undefined : a.slice(eq + 1)
      const found = findLong(longs, name)
      if (found._tag === "None") return usageError(`unrecognized option '${a}'`)
      if (found._tag === "Ambiguous") {
        const list = found.names.map((l) => `'--${l}'`).join(" ")
        return usageError(`option '${a}' is ambiguous; possibilities: ${list}`)
      }
      const { name: full, target } = found
      const flag = target.flag
      if (flag === undefined) {
        if (attached !== undefined) return usageError(`option '--${full}' doesn't allow an argument`)
        return { _tag: target.key === HELP ? "Help" : "Version" }
      }
      if (flag.arg === undefined) {
        if (attached !== undefined) return usageError(`option '--${full}' doesn't allow an argument`)
        record(target.key, undefined)
      } else {
        let value = attached
        if (value === undefined && !flag.optionalArg) {
          if (i + 1 >= args.length) return usageError(`option '--${full}' requires an argument`)
          value = args[++i]
        }
        if (value !== undefined && flag.validate) {
          const problem = flag.validate(value)
          if (problem !== undefined) return usageError(problem, false)
        }
        record(target.key, value)
      }
      i++
      continue
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]
        const target = shortMap.get(c)
        if (target === undefined || target.flag === undefined) return usageError(`invalid option -- '${c}'`)
        const flag = target.flag
        if (flag.arg === undefined || flag.optionalArg) {
          record(target.key, undefined)
          continue
        }
        let value = a.slice(j + 1)
        if (value === "") {
          if (i + 1 >= args.length) return usageError(`option requires an argument -- '${c}'`)
          value = args[++i]
        }
        if (flag.validate) {
          const problem = flag.validate(value)
          if (problem !== undefined) return usageError(problem, false)
        }
        record(target.key, value)
        break
      }
      i++
      continue
    }
    if (!permute) {
      operands.push(...args.slice(i))
      break
    }
    operands.push(a)
    i++
  }
  return { _tag: "Parsed", flags: decodeAll(flags, seen), operands, occurrences }
}

/** An exact long name, else a unique prefix (names of one flag count once), else the ambiguous names. */
const findLong = (
  longs: ReadonlyArray<{ readonly name: string; readonly target: Target }>,
  name: string,
):
  | { readonly _tag: "Found"; readonly name: string; readonly target: Target }
  | { readonly _tag: "Ambiguous"; readonly names: ReadonlyArray<string> }
  | { readonly _tag: "None" } => {
  const exact = longs.find((l) => l.name === name)
  if (exact) return { _tag: "Found", ...exact }
  const matches = name === "" ? [] : longs.filter((l) => l.name.startsWith(name))
  if (matches.length === 0) return { _tag: "None" }
  const first = matches[0]
  if (matches.every((m) => m.target.key === first.target.key)) return { _tag: "Found", ...first }
  return { _tag: "Ambiguous", names: matches.map((m) => m.name) }
}

// The overload states the mapped result type; the implementation builds it
// key by key, which TypeScript cannot follow through a generic mapped type.
function decodeAll<F extends Flags>(
  flags: F,
  seen: ReadonlyMap<string, ReadonlyArray<string | undefined>>,
): FlagValues<F>
function decodeAll(
  flags: Flags,
  seen: ReadonlyMap<string, ReadonlyArray<string | undefined>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(flags)) out[key] = flags[key].decode(seen.get(key) ?? [])
  return out
}

/** The options section of a `--help` text, laid out as GNU does. */
export const describeFlags = (flags: Flags, standard = true): string => {
  const rows: Array<[string, string]> = []
  for (const key of Object.keys(flags)) {
    const flag = flags[key]
    const parts = [...flag.short.map((s) => `-${s}`), ...flag.long.map((l) => `--${l}`)]
    let left = parts.join(", ")
    if (flag.short.length === 0) left = `    ${left}`
    if (flag.arg !== undefined) {
      if (flag.long.length === 0) left += ` ${flag.arg}`
      else left += flag.optionalArg ? `[=${flag.arg}]` : `=${flag.arg}`
    }
    rows.push([left, flag.description])
  }
  if (standard) {
    rows.push(["    --help", "display this help and exit"])
    rows.push(["    --version", "output version information and exit"])
  }
  return rows
    .map(([left, text]) => {
      const pad = left.length < 24 ? " ".repeat(24 - left.length) : "\n" + " ".repeat(26)
      return `  ${left}${pad}${text}`
    })
    .join("\n")
}
