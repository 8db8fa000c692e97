import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, quoteIfNeeded, errorText } from "../ExitStatus.ts"
import { readOperand } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"
import { defaultGoal, formatText } from "./fmt/Formatter.ts"

const MAXCHARS = 5000

/** `fmt -60`: the width as the first option only, as GNU accepts it; elsewhere a digit option is refused. */
const leadingWidth = (args: ReadonlyArray<string>): ReadonlyArray<string> | { readonly error: string } => {
  const rest = args.length > 0 && /^-\d/.test(args[0]) ? [`--width=${args[0].slice(1)}`, ...args.slice(1)] : [...args]
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]
    if (a === "--") break
    if (/^-[wpg]$/.test(a)) i++
    else if (/^-[a-z]*\d/.test(a) && !/^-[a-z]*[wpg]/.test(a)) {
      const digit = /\d/.exec(a)?.[0] ?? ""
      return {
        error: `invalid option -- ${digit}; -WIDTH is recognized only when it is the first\noption; use -w N instead`,
      }
    }
  }
  return rest
}

/** `fmt`: simple optimal text formatter. */
export const fmt = make("fmt", {
  summary:
    "Reformat each paragraph in the FILE(s), writing to standard output.\nThe option -WIDTH is an abbreviated form of --width=DIGITS.",
  flags: {
    crownMargin: Flag.boolean("c", "crown-margin", "preserve indentation of first two lines"),
    prefix: Flag.string(
      "p",
      "prefix",
      "reformat only lines beginning with STRING, reattaching the prefix to reformatted lines",
      {
        arg: "STRING",
      },
    ),
    splitOnly: Flag.boolean("s", "split-only", "split long lines, but do not refill"),
    taggedParagraph: Flag.boolean("t", "tagged-paragraph", "indentation of first line different from second"),
    uniformSpacing: Flag.boolean("u", "uniform-spacing", "one space between words, two after sentences"),
    width: Flag.string("w", "width", "maximum line width (default of 75 columns)", { arg: "WIDTH" }),
    goal: Flag.string("g", "goal", "goal width (default of 93% of width)", { arg: "WIDTH" }),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  preprocess: leadingWidth,
  run: ({ flags, operands, ctx, warn }) =>
    Effect.gen(function* () {
      const width = (text: string, max: number): number | string => {
        if (!/^\s*\+?\d+$/.test(text)) return `invalid width: ${quote(text)}`
        const n = Number(text)
        return n > max ? `invalid width: ${quote(text)}: Numerical result out of range` : n
      }
      let maxWidth = 75
      if (flags.width !== undefined) {
        const w = width(flags.width, MAXCHARS / 2)
        if (typeof w === "string") return yield* Effect.as(warn(w), 1)
        maxWidth = w
      }
      let goalWidth: number
      if (flags.goal !== undefined) {
        const g = width(flags.goal, maxWidth)
        if (typeof g === "string") return yield* Effect.as(warn(g), 1)
        goalWidth = g
        if (flags.width === undefined) maxWidth = goalWidth + 10
      } else goalWidth = defaultGoal(maxWidth)
      const options = {
        crown: flags.crownMargin,
        tagged: flags.taggedParagraph,
        split: flags.splitOnly,
        uniform: flags.uniformSpacing,
        prefix: flags.prefix ?? "",
        maxWidth,
        goalWidth,
      }
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const read = yield* Effect.result(readOperand(ctx, operand))
        if (read._tag === "Failure") {
          yield* sink.flush
          const e = read.failure
          yield* warn(
            e.reason === "IsADirectory"
              ? `${quoteIfNeeded(operand)}: ${errorText(e)}`
              : `cannot open ${quote(operand)} for reading: ${errorText(e)}`,
          )
          status = 1
          continue
        }
        formatText(read.success, options, sink.byte)
        yield* sink.flush
      }
      return status
    }),
})
