import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { concat, readAll, type Output } from "../Io.ts"
import { openFileOutput } from "./shared/FileOutput.ts"
import { withInput } from "./shared/Files.ts"
import { lineTable, writeLines } from "./shared/LineTable.ts"
import {
  incompatible,
  isDefault,
  noOrdering,
  parseKey,
  setOrdering,
  type Key,
  type Ordering,
} from "./shared/SortKeys.ts"
import { comparison, mergeRanges, sortLines, type SortOptions } from "./shared/SortOrder.ts"

const SORT_WORDS: Record<string, string> = {
  "general-numeric": "g",
  "human-numeric": "h",
  month: "M",
  numeric: "n",
  random: "R",
  version: "V",
}

/**
 * The inputs as one buffer, each ended by `eol` (a last line without one is
 * still a line of its own input), and the line number each input starts at.
 */
const joinInputs = (inputs: ReadonlyArray<Uint8Array>, eol: number): Uint8Array => {
  const parts: Array<Uint8Array> = []
  const end = new Uint8Array([eol])
  for (const data of inputs) {
    if (data.length === 0) continue
    parts.push(data)
    if (data[data.length - 1] !== eol && data !== inputs[inputs.length - 1]) parts.push(end)
  }
  return parts.length === 0 ? new Uint8Array(0) : concat(parts)
}

/** `sort`: sort lines of text files (LC_ALL=C byte order, GNU's last-resort whole-line comparison). */
export const sort = make("sort", {
  summary: "Write sorted concatenation of all FILE(s) to standard output.",
  flags: {
    ignoreLeadingBlanks: Flag.boolean("b", "ignore-leading-blanks", "ignore leading blanks"),
    dictionaryOrder: Flag.boolean("d", "dictionary-order", "consider only blanks and alphanumeric characters"),
    ignoreCase: Flag.boolean("f", "ignore-case", "fold lower case to upper case characters"),
    generalNumeric: Flag.boolean("g", "general-numeric-sort", "compare according to general numerical value"),
    ignoreNonprinting: Flag.boolean("i", "ignore-nonprinting", "consider only printable characters"),
    month: Flag.boolean("M", "month-sort", "compare (unknown) < 'JAN' < ... < 'DEC'"),
    humanNumeric: Flag.boolean("h", "human-numeric-sort", "compare human readable numbers (e.g., 2K 1G)"),
    numeric: Flag.boolean("n", "numeric-sort", "compare according to string numerical value"),
    random: Flag.boolean("R", "random-sort", "shuffle, but group identical keys"),
    reverse: Flag.boolean("r", "reverse", "reverse the result of comparisons"),
    sortWord: Flag.string(
      null,
      "sort",
      "sort according to WORD: general-numeric -g, human-numeric -h, month -M, numeric -n, random -R, version -V",
      { arg: "WORD" },
    ),
    version: Flag.boolean("V", "version-sort", "natural sort of (version) numbers within text"),
    check: Flag.string("c", "check", "check for sorted input; do not sort", { arg: "diagnose-first", optional: true }),
    checkQuiet: Flag.boolean("C", null, "like -c, but do not report first bad line"),
    key: Flag.list("k", "key", "sort via a key; KEYDEF gives location and type", { arg: "KEYDEF" }),
    merge: Flag.boolean("m", "merge", "merge already sorted files; do not sort"),
    output: Flag.string("o", "output", "write result to FILE instead of standard output", { arg: "FILE" }),
    stable: Flag.boolean("s", "stable", "stabilize sort by disabling last-resort comparison"),
    bufferSize: Flag.string("S", "buffer-size", "use SIZE for main memory buffer (ignored)", { arg: "SIZE" }),
    fieldSeparator: Flag.string("t", "field-separator", "use SEP instead of non-blank to blank transition", {
      arg: "SEP",
    }),
    temporaryDirectory: Flag.list("T", "temporary-directory", "use DIR for temporaries (ignored)", { arg: "DIR" }),
    parallel: Flag.string(null, "parallel", "change the number of sorts run concurrently (ignored)", { arg: "N" }),
    unique: Flag.boolean("u", "unique", "output only the first of an equal run"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[FILE]..." },
  usageStatus: 2,
  details:
    "KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F is a field number and C a character position in the field; both are origin 1.",
  run: ({ flags, operands, occurrences, ctx, name, usage, warn }) =>
    Effect.gen(function* () {
      const die = (message: string) => Effect.as(warn(message), 2)
      const global: Ordering = noOrdering()
      let letters = ""
      for (const o of occurrences) {
        const single: Record<string, string> = {
          ignoreLeadingBlanks: "b",
          dictionaryOrder: "d",
          ignoreCase: "f",
          generalNumeric: "g",
          ignoreNonprinting: "i",
          month: "M",
          humanNumeric: "h",
          numeric: "n",
          random: "R",
          reverse: "r",
          version: "V",
        }
        if (o.key in single) letters += single[o.key]
        if (o.key === "sortWord") {
          const letter = SORT_WORDS[o.value ?? ""]
          if (letter === undefined) {
            const valid = Object.keys(SORT_WORDS)
              .sort()
              .map((w) => `  - '${w}'`)
              .join("\n")
            yield* usage(`invalid argument '${o.value}' for '--sort'\nValid arguments are:\n${valid}`)
            return 1
          }
          letters += letter
        }
      }
      setOrdering(letters, global, "both")

      const keys: Array<Key> = []
      for (const spec of flags.key) {
        const key = parseKey(spec)
        if ("error" in key) return yield* die(key.error)
        if (isDefault(key) && !key.reverse) Object.assign(key, global)
        keys.push(key)
      }
      if (keys.length === 0 && !isDefault(global)) {
        keys.push({ ...global, startField: undefined, startChar: 0, endField: undefined, endChar: 0 })
      }
      for (const key of keys) {
        const bad = incompatible(key)
        if (bad !== undefined) return yield* die(`options '-${bad}' are incompatible`)
      }

      let tab = -1
      if (flags.fieldSeparator !== undefined) {
        const t = flags.fieldSeparator
        if (t === "") return yield* die("empty tab")
        const bytes = new TextEncoder().encode(t)
        if (t === "\\0") tab = 0
        else if (bytes.length > 1) return yield* die(`multi-character tab '${t}'`)
        else tab = bytes[0]
      }
      const eol = flags.zeroTerminated ? 0 : 10
      const unique = flags.unique
      const options: SortOptions = {
        keys,
        tab,
        reverse: global.reverse,
        noLastResort: unique || flags.stable,
        salt: (Math.random() * 0x7fffffff) | 0,
      }

      const checkMode = flags.checkQuiet
        ? "quiet"
        : occurrences.some((o) => o.key === "check")
          ? flags.check === "quiet" || flags.check === "silent"
            ? "quiet"
            : "diagnose"
          : undefined
      if (checkMode !== undefined && operands.length > 1) {
        return yield* die(`extra operand '${operands[1]}' not allowed with -${checkMode === "quiet" ? "C" : "c"}`)
      }

      const inputs: Array<Uint8Array> = []
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const data = yield* withInput(ctx, operand, readAll).pipe(
          Effect.map((d): Uint8Array | undefined => d),
          Effect.catchTag("VfsError", (error) =>
            Effect.as(report(ctx.stderr, name, `cannot read: ${quoteIfNeeded(operand)}`, error, 2), undefined),
          ),
        )
        if (data === undefined) return 2
        inputs.push(data)
      }
      const table = lineTable(joinInputs(inputs, eol), eol)

      if (checkMode !== undefined) {
        const { compare } = comparison(table, options)
        for (let i = 1; i < table.count; i++) {
          const d = compare(i - 1, i)
          if (d > 0 || (unique && d === 0)) {
            if (checkMode === "diagnose") {
              const file = operands[0] ?? "-"
              const line = table.bytes.subarray(table.start[i], table.start[i + 1] - 1)
              yield* warn(`${file}:${i + 1}: disorder: ${new TextDecoder().decode(line)}`)
            }
            return 1
          }
        }
        return 0
      }

      let order: Uint32Array
      let repeats: (k: number) => boolean
      if (flags.merge) {
        const ranges: Array<readonly [number, number]> = []
        let line = 0
        for (const data of inputs) {
          const lines = lineTable(data, eol).count
          ranges.push([line, line + lines])
          line += lines
        }
        const c = comparison(table, options)
        const merged = mergeRanges(ranges, c.compare)
        order = merged
        repeats = (k) => k > 0 && c.sameKeys(merged[k - 1], merged[k])
      } else {
        const sorted = sortLines(table, options)
        order = sorted.order
        repeats = sorted.repeats
      }
      const write = (out: Output) => writeLines(out, table, order, eol, unique ? (k) => !repeats(k) : undefined)
      if (flags.output === undefined) {
        yield* write(ctx.stdout)
        return 0
      }
      const file = yield* openFileOutput(ctx, ctx.resolve(flags.output))
      yield* write(file.output)
      const failure = yield* file.close
      if (failure !== undefined)
        return yield* report(ctx.stderr, name, `open failed: ${quoteIfNeeded(flags.output)}`, failure, 2)
      return 0
    }),
})
