import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make, type DeclaredCommand } from "../Command.ts"
import { describe } from "../../vfs/VfsError.ts"
import { quote } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { withInput } from "./shared/Files.ts"
import { eachChunk } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"

/** `strings -5`: the historical minimum-length option, rewritten to `-n 5`. */
const obsoleteLength = (args: ReadonlyArray<string>): ReadonlyArray<string> =>
  args.map((a, i) =>
    /^-\d+$/.test(a) && !(i > 0 && /^(-n|--bytes|-t|--radix|-e|--encoding|-s)$/.test(args[i - 1]))
      ? `--bytes=${a.slice(1)}`
      : a,
  )

/** `strings` (GNU binutils 2.40): print the runs of printable characters in files. */
export const strings: DeclaredCommand = make("strings", {
  summary: "Display printable strings in [file(s)] (stdin by default)",
  flags: {
    all: Flag.boolean("a", "all", "Scan the entire file, not just the data section [default]"),
    data: Flag.boolean("d", "data", "Only scan the data sections in the file"),
    printFileName: Flag.boolean("f", "print-file-name", "Print the name of the file before each string"),
    bytes: Flag.string("n", "bytes", "Locate & print any sequence of at least <number> displayable characters", {
      arg: "number",
    }),
    radix: Flag.string("t", "radix", "Print the location of the string in base 8, 10 or 16", { arg: "{o,d,x}" }),
    octal: Flag.boolean("o", null, "An alias for --radix=o"),
    includeAllWhitespace: Flag.boolean(
      "w",
      "include-all-whitespace",
      "Include all whitespace as valid string characters",
    ),
    encoding: Flag.string("e", "encoding", "Select character size and endianness: s = 7-bit, S = 8-bit", {
      arg: "{s,S}",
    }),
    outputSeparator: Flag.string("s", "output-separator", "String used to separate strings in output.", {
      arg: "string",
    }),
  },
  operands: { usage: "[file(s)]" },
  preprocess: obsoleteLength,
  run: ({ flags, operands, occurrences, ctx, warn }) =>
    Effect.gen(function* () {
      const min = flags.bytes === undefined ? 4 : /^\d+$/.test(flags.bytes) ? Number(flags.bytes) : NaN
      if (!(min >= 1)) {
        yield* warn(`invalid minimum string length ${flags.bytes}`)
        return 1
      }
      let radix: number | undefined
      for (const o of occurrences) {
        if (o.key === "octal") radix = 8
        else if (o.key === "radix") {
          const r = { o: 8, d: 10, x: 16 }[o.value ?? ""]
          if (r === undefined) {
            yield* writeText(ctx.stderr, strings.help)
            return 1
          }
          radix = r
        }
      }
      const eightBit = flags.encoding === "S"
      if (flags.encoding !== undefined && flags.encoding !== "s" && flags.encoding !== "S") {
        yield* warn(`invalid encoding '${flags.encoding}'; only s and S are supported here`)
        return 1
      }
      const separator = flags.outputSeparator ?? "\n"
      const printable = (b: number): boolean => {
        if (b === 9) return true
        if (flags.includeAllWhitespace && b >= 10 && b <= 13) return true
        if (b >= 32 && b < 127) return true
        return eightBit && b >= 128
      }
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const label = operand === "-" ? "{standard input}" : operand
        const run: Array<number> = []
        let runStart = 0
        let offset = 0
        let printing = false
        const header = (at: number) => {
          if (flags.printFileName) sink.text(`${label}: `)
          if (radix !== undefined) sink.text(`${at.toString(radix).padStart(7)} `)
        }
        const endRun = () => {
          if (printing) sink.text(separator)
          printing = false
          run.length = 0
        }
        const result = yield* Effect.result(
          withInput(ctx, operand, (input) =>
            eachChunk(input, (chunk) => {
              for (let i = 0; i < chunk.length; i++, offset++) {
                const b = chunk[i]
                if (!printable(b)) {
                  endRun()
                  continue
                }
                if (printing) {
                  sink.byte(b)
                  continue
                }
                if (run.length === 0) runStart = offset
                run.push(b)
                if (run.length >= min) {
                  header(runStart)
                  for (const c of run) sink.byte(c)
                  run.length = 0
                  printing = true
                }
              }
              return sink.flushIfFull
            }),
          ),
        )
        endRun()
        if (result._tag === "Failure") {
          yield* sink.flush
          if (result.failure._tag === "BrokenPipe") return yield* Effect.fail(result.failure)
          const reason = result.failure.reason
          yield* warn(
            reason === "IsADirectory"
              ? `Warning: ${quote(operand)} is a directory`
              : reason === "NotFound"
                ? `${quote(operand)}: No such file`
                : `${quote(operand)}: ${describe(reason)}`,
          )
          status = 1
        }
      }
      yield* sink.flush
      return status
    }),
})
