import { Effect, Fiber } from "effect"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { makePipe, writeText } from "../Io.ts"
import { decompress } from "./gzip/Codec.ts"
import { withInput } from "./shared/Files.ts"

const SHORT_WITH_ARG = "efmABCdD"
const LONG_WITH_ARG =
  /^--(regexp|file|max-count|label|binary-files|directories|devices|include|exclude|exclude-from|exclude-dir|before-context|after-context|context|group-separator)$/

/** grep's options, the pattern when it is an operand, and the files. */
const split = (
  args: ReadonlyArray<string>,
):
  | {
      readonly options: ReadonlyArray<string>
      readonly pattern: string | undefined
      readonly files: ReadonlyArray<string>
    }
  | undefined => {
  const options: Array<string> = []
  let given = false
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]
    if (a === "--") {
      i++
      break
    }
    if (!a.startsWith("-") || a === "-") break
    options.push(a)
    if (a.startsWith("--")) {
      if (/^--(regexp|file)(=|$)/.test(a)) given = true
      if (LONG_WITH_ARG.test(a) && i + 1 < args.length) options.push(args[++i])
      continue
    }
    for (let j = 1; j < a.length; j++) {
      if (!SHORT_WITH_ARG.includes(a[j])) continue
      if (a[j] === "e" || a[j] === "f") given = true
      if (j === a.length - 1 && i + 1 < args.length) options.push(args[++i])
      break
    }
  }
  const rest = args.slice(i)
  if (given) return { options, pattern: undefined, files: rest }
  if (rest.length === 0) return undefined
  return { options, pattern: rest[0], files: rest.slice(1) }
}

/**
 * `zgrep`: grep through gzip-compressed (or plain) files: each is
 * decompressed into a pipe that the shell's `grep` reads.
 */
export const zgrep = make("zgrep", {
  summary: "Search possibly compressed files for a regular expression.",
  flags: {},
  operands: { usage: "[GREP_OPTION]... PATTERN [FILE]..." },
  raw: true,
  details: "Options are those of grep; files are decompressed as zcat -f does.",
  run: ({ ctx }) =>
    Effect.gen(function* () {
      const parsed = split(ctx.args)
      if (parsed === undefined) {
        yield* writeText(ctx.stderr, "zgrep: missing pattern; try 'zgrep --help' for help\n")
        return 2
      }
      const files = parsed.files.length === 0 ? ["-"] : parsed.files
      const several = files.length > 1
      let matched = false
      let trouble = false
      for (const file of files) {
        const argv = [
          "grep",
          ...parsed.options,
          ...(several ? ["-H"] : []),
          ...(file === "-" ? [] : [`--label=${file}`]),
          ...(parsed.pattern === undefined ? [] : ["-e", parsed.pattern]),
        ]
        const pipe = yield* makePipe()
        const writer = yield* withInput(ctx, file, (input) => decompress(input, pipe.output, true)).pipe(
          Effect.ensuring(pipe.closeWriter),
          Effect.result,
          Effect.forkChild,
        )
        const status = yield* ctx.exec(argv, { stdin: pipe.input })
        yield* pipe.closeReader
        const outcome = yield* Fiber.join(writer)
        if (outcome._tag === "Failure") {
          const e = outcome.failure
          if (e._tag === "VfsError") {
            yield* writeText(ctx.stderr, `gzip: ${file}: ${errorText(e)}\n`)
            trouble = true
            continue
          }
          if (e._tag === "GzipError") {
            yield* writeText(
              ctx.stderr,
              `${e.newline ? "\n" : ""}gzip: ${file === "-" ? "stdin" : file}: ${e.message}\n`,
            )
            trouble = true
          }
        }
        if (status === 0) matched = true
        else if (status !== 1) trouble = true
      }
      return trouble ? 2 : matched ? 0 : 1
    }),
})
