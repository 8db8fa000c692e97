import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { readAll, type Output } from "../Io.ts"
import { openFileOutput } from "./shared/FileOutput.ts"
import { withInput } from "./shared/Files.ts"
import { makeSink } from "./shared/Sink.ts"
import { latin1 } from "./shared/Lines.ts"
import {
  compareValues,
  incompatible,
  isDefault,
  keyValue,
  noOrdering,
  parseKey,
  setOrdering,
  type Key,
  type KeyValue,
  type Ordering,
} from "./shared/SortKeys.ts"

/** A line with its whole text and its keys' values, computed once. */
interface Line {
  readonly bytes: Uint8Array
  readonly text: string
  readonly keys: ReadonlyArray<KeyValue>
}

const SORT_WORDS: Record<string, string> = {
  "general-numeric": "g",
  "human-numeric": "h",
  month: "M",
  numeric: "n",
  random: "R",
  version: "V",
}

/** Split input into lines (views, no copies); a last line without its delimiter still counts. */
const splitLines = (data: Uint8Array, eol: number, into: Array<Uint8Array>): void => {
  let start = 0
  while (start < data.length) {
    const i = data.indexOf(eol, start)
    if (i === -1) {
      into.push(data.subarray(start))
      return
    }
    into.push(data.subarray(start, i))
    start = i + 1
  }
}

/** `-m`: merge inputs taken as sorted, the earlier input first on ties (as GNU's merge). */
const merge = (inputs: ReadonlyArray<ReadonlyArray<Line>>, compare: (a: Line, b: Line) => number): Array<Line> => {
  const out: Array<Line> = []
  const at = inputs.map(() => 0)
  for (;;) {
    let best = -1
    for (let i = 0; i < inputs.length; i++) {
      if (at[i] >= inputs[i].length) continue
      if (best === -1 || compare(inputs[i][at[i]], inputs[best][at[best]]) < 0) best = i
    }
    if (best === -1) return out
    out.push(inputs[best][at[best]++])
  }
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
      const salt = (Math.random() * 0x7fffffff) | 0
      // Latin1 text compares in byte order, so the last resort is a native string comparison.
      const compare = (a: Line, b: Line): number => {
        for (let k = 0; k < keys.length; k++) {
          const d = compareValues(a.keys[k], b.keys[k], keys[k])
          if (d !== 0) return keys[k].reverse ? -d : d
        }
        if (keys.length > 0 && (unique || flags.stable)) return 0
        const d = a.text < b.text ? -1 : a.text > b.text ? 1 : 0
        return global.reverse ? -d : d
      }
      const prepare = (bytes: Uint8Array): Line => ({
        bytes,
        text: latin1(bytes),
        keys: keys.map((key) => keyValue(bytes, key, tab, salt)),
      })

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

      const inputs: Array<Array<Line>> = []
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const data = yield* withInput(ctx, operand, readAll).pipe(
          Effect.map((d): Uint8Array | undefined => d),
          Effect.catchTag("VfsError", (error) =>
            Effect.as(report(ctx.stderr, name, `cannot read: ${quoteIfNeeded(operand)}`, error, 2), undefined),
          ),
        )
        if (data === undefined) return 2
        const lines: Array<Uint8Array> = []
        splitLines(data, eol, lines)
        inputs.push(lines.map(prepare))
      }
      const lines = flags.merge ? merge(inputs, compare) : inputs.flat()

      if (checkMode !== undefined) {
        for (let i = 1; i < lines.length; i++) {
          const d = compare(lines[i - 1], lines[i])
          if (d > 0 || (unique && d === 0)) {
            if (checkMode === "diagnose") {
              const file = operands[0] ?? "-"
              yield* warn(`${file}:${i + 1}: disorder: ${new TextDecoder().decode(lines[i].bytes)}`)
            }
            return 1
          }
        }
        return 0
      }

      // Without keys the order is the latin1 texts' own order: sort them natively (equal texts are equal lines).
      const plain = keys.length === 0 && !flags.merge
      const texts = plain ? lines.map((l) => l.text).sort() : []
      if (plain && global.reverse) texts.reverse()
      if (!plain && !flags.merge) lines.sort(compare)
      const write = (out: Output) =>
        Effect.gen(function* () {
          const sink = makeSink(out)
          if (plain) {
            let previous: string | undefined
            for (const text of texts) {
              if (unique && text === previous) continue
              previous = text
              sink.latin1(text)
              sink.byte(eol)
              if (sink.full()) yield* sink.flush
            }
            yield* sink.flush
            return
          }
          let previous: Line | undefined
          for (const line of lines) {
            if (unique && previous !== undefined && compare(previous, line) === 0) continue
            previous = line
            sink.push(line.bytes)
            sink.byte(eol)
            if (sink.full()) yield* sink.flush
          }
          yield* sink.flush
        })
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
