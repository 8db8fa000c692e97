import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import type { Output } from "../Io.ts"
import { openFileOutput } from "./shared/FileOutput.ts"
import { withInput } from "./shared/Files.ts"
import { eachLine } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"

const count = (invalid: string) => ({
  arg: "N",
  min: 0,
  invalid: (value: string) => `${value}: ${invalid}`,
})

/** Where the compared part of a line starts: fields, then characters, skipped. */
const keyStart = (bytes: Uint8Array, start: number, end: number, fields: number, chars: number): number => {
  let i = start
  for (let f = 0; f < fields && i < end; f++) {
    while (i < end && (bytes[i] === 32 || bytes[i] === 9)) i++
    while (i < end && bytes[i] !== 32 && bytes[i] !== 9) i++
  }
  return i + Math.min(chars, end - i)
}

const lower = (b: number) => (b >= 65 && b <= 90 ? b + 32 : b)

/** Whether two keys are equal, ASCII case folded with -i. */
const sameKey = (
  a: Uint8Array,
  as: number,
  ae: number,
  b: Uint8Array,
  bs: number,
  be: number,
  fold: boolean,
): boolean => {
  if (ae - as !== be - bs) return false
  for (let i = 0; i < ae - as; i++) {
    const x = a[as + i]
    const y = b[bs + i]
    if (x !== y && !(fold && lower(x) === lower(y))) return false
  }
  return true
}

const METHODS: ReadonlyArray<string> = ["none", "prepend", "separate"]
const GROUP_METHODS: ReadonlyArray<string> = ["separate", "prepend", "append", "both"]

/** GNU's argmatch complaint for an invalid METHOD. */
const choiceError = (value: string, valid: ReadonlyArray<string>, option: string): string | undefined =>
  valid.includes(value)
    ? undefined
    : `invalid argument '${value}' for '${option}'\nValid arguments are:\n${valid.map((v) => `  - '${v}'`).join("\n")}`

/** `uniq`: report or omit repeated adjacent lines. */
export const uniq = make("uniq", {
  summary: "Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).",
  flags: {
    count: Flag.boolean("c", "count", "prefix lines by the number of occurrences"),
    repeated: Flag.boolean("d", "repeated", "only print duplicate lines, one for each group"),
    allDuplicates: Flag.boolean("D", null, "print all duplicate lines"),
    allRepeated: Flag.string(
      null,
      "all-repeated",
      "like -D, but allow separating groups with an empty line; METHOD={none(default),prepend,separate}",
      { arg: "METHOD", optional: true },
    ),
    skipFields: Flag.integer(
      "f",
      "skip-fields",
      "avoid comparing the first N fields",
      count("invalid number of fields to skip"),
    ),
    group: Flag.string(
      null,
      "group",
      "show all items, separating groups with an empty line; METHOD={separate(default),prepend,append,both}",
      { arg: "METHOD", optional: true },
    ),
    ignoreCase: Flag.boolean("i", "ignore-case", "ignore differences in case when comparing"),
    skipChars: Flag.integer(
      "s",
      "skip-chars",
      "avoid comparing the first N characters",
      count("invalid number of bytes to skip"),
    ),
    unique: Flag.boolean("u", "unique", "only print unique lines"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
    checkChars: Flag.integer(
      "w",
      "check-chars",
      "compare no more than N characters in lines",
      count("invalid number of bytes to compare"),
    ),
  },
  operands: { usage: "[INPUT [OUTPUT]]", max: 2 },
  run: ({ flags, operands, occurrences, ctx, name, usage }) =>
    Effect.gen(function* () {
      const allRepeated = occurrences.some((o) => o.key === "allRepeated" || o.key === "allDuplicates")
      const allMethod = flags.allRepeated ?? "none"
      const groupMethod = flags.group ?? "separate"
      const grouping = occurrences.some((o) => o.key === "group")
      const badChoice =
        choiceError(allMethod, METHODS, "--all-repeated") ?? choiceError(groupMethod, GROUP_METHODS, "--group")
      if (badChoice !== undefined) return yield* usage(badChoice)
      if (grouping && (flags.count || flags.repeated || allRepeated || flags.unique)) {
        return yield* usage("--group is mutually exclusive with -c/-d/-D/-u")
      }
      if (flags.count && allRepeated)
        return yield* usage("printing all duplicated lines and repeat counts is meaningless")

      const eol = flags.zeroTerminated ? 0 : 10
      const fields = flags.skipFields ?? 0
      const chars = flags.skipChars ?? 0
      const width = flags.checkChars ?? Infinity

      const run = (out: Output) =>
        Effect.gen(function* () {
          const sink = makeSink(out)
          // The first line of the current group (a copy) and where its key starts.
          let held: Uint8Array | undefined
          let heldKey = 0
          let n = 0
          let groups = 0
          const emit = (line: Uint8Array) => {
            sink.push(line)
            sink.byte(eol)
          }
          // Called when a group ends, for the modes that print one line per group.
          const endGroup = () => {
            if (held === undefined || allRepeated || grouping) return
            const show = flags.unique && flags.repeated ? false : flags.unique ? n === 1 : flags.repeated ? n > 1 : true
            if (!show) return
            if (flags.count) sink.text(`${String(n).padStart(7)} `)
            emit(held)
          }
          const onLine = (bytes: Uint8Array, start: number, end: number) => {
            const key = keyStart(bytes, start, end, fields, chars)
            const keyEnd = Math.min(end, key + width)
            const same =
              held !== undefined &&
              sameKey(held, heldKey, Math.min(held.length, heldKey + width), bytes, key, keyEnd, flags.ignoreCase)
            if (same) {
              n++
              if (allRepeated) {
                if (n === 2 && held !== undefined) {
                  if ((allMethod === "separate" && groups > 0) || allMethod === "prepend") sink.byte(eol)
                  groups++
                  emit(held)
                }
                emit(bytes.subarray(start, end))
              } else if (grouping) emit(bytes.subarray(start, end))
              return
            }
            const line = bytes.slice(start, end)
            endGroup()
            if (grouping) {
              // One empty line between groups whatever the method; prepend/append/both add the outer ones.
              if (held !== undefined || groupMethod === "prepend" || groupMethod === "both") sink.byte(eol)
              emit(line)
            }
            held = line
            heldKey = key - start
            n = 1
          }
          yield* withInput(ctx, operands[0] ?? "-", (input) => eachLine(input, onLine, sink.flushIfFull, eol))
          endGroup()
          if (grouping && held !== undefined && (groupMethod === "append" || groupMethod === "both")) sink.byte(eol)
          yield* sink.flush
        })

      const inputName = operands[0] ?? "-"
      const guarded = (out: Output) =>
        run(out).pipe(
          Effect.as(0),
          Effect.catchTag("VfsError", (error) => report(ctx.stderr, name, quoteIfNeeded(inputName), error)),
        )
      if (operands.length < 2 || operands[1] === "-") return yield* guarded(ctx.stdout)
      const file = yield* openFileOutput(ctx, ctx.resolve(operands[1]))
      const status = yield* guarded(file.output)
      const failure = yield* file.close
      if (failure !== undefined) return yield* report(ctx.stderr, name, quoteIfNeeded(operands[1]), failure)
      return status
    }),
})
