import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { quote, report } from "../../ExitStatus.ts"
import type { BrokenPipe, Input } from "../../Io.ts"
import { isOpenError, withInput } from "./Files.ts"
import type { Sink } from "./Sink.ts"

/**
 * What `head` and `tail` share: the obsolete `-NUM` syntax checks, file
 * headers, and their error wording.
 */

/**
 * The first option-position argument after the leading one that is a digit
 * cluster (`-5`, `-q5`): GNU getopt rejects those, and each command words the
 * error its own way. Skips arguments of -n/-c and stops at `--`.
 */
export const strayDigit = (args: ReadonlyArray<string>): string | undefined => {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--") return undefined
    if (a.startsWith("--")) {
      if (!a.includes("=") && /^--(l|li|lin|line|lines|b|by|byt|byte|bytes)$/.test(a)) i++
      continue
    }
    if (!a.startsWith("-") || a.length < 2) continue
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c === "n" || c === "c") {
        if (j === a.length - 1) i++
        break
      }
      if (c >= "0" && c <= "9") return c
    }
  }
  return undefined
}

/** Whether to print `==> name <==` headers. */
export const wantHeaders = (
  quiet: boolean,
  verbose: boolean,
  occurrences: ReadonlyArray<{ key: string }>,
  files: number,
) => {
  let mode: "auto" | "never" | "always" = "auto"
  for (const o of occurrences) {
    if (o.key === "quiet") mode = "never"
    else if (o.key === "verbose") mode = "always"
  }
  if (!quiet && !verbose) mode = "auto"
  return mode === "always" || (mode === "auto" && files > 1)
}

/**
 * Run `body` on each operand with GNU's header and error handling: the
 * header is printed once the file opened (a directory gets its header, then
 * `error reading`), a missing file only gets `cannot open`.
 */
export const eachFile = (
  ctx: CommandContext,
  name: string,
  operands: ReadonlyArray<string>,
  headers: boolean,
  sink: Sink,
  body: (input: Input) => Effect.Effect<void, VfsError | BrokenPipe>,
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const list = operands.length === 0 ? ["-"] : operands
    let status = 0
    let first = true
    for (const operand of list) {
      const display = operand === "-" ? "standard input" : operand
      const printHeader = () => {
        if (headers) sink.text(`${first ? "" : "\n"}==> ${display} <==\n`)
        first = false
      }
      const failed = yield* withInput(ctx, operand, (input) =>
        Effect.gen(function* () {
          const chunk = yield* input.read.pipe(
            Effect.catchTag("VfsError", (error) => {
              if (!isOpenError(error)) printHeader()
              return Effect.fail(error)
            }),
          )
          printHeader()
          if (chunk !== null) input.unread(chunk)
          yield* body(input)
        }),
      ).pipe(
        Effect.as(false),
        Effect.catchTag("VfsError", (error) =>
          Effect.gen(function* () {
            yield* sink.flush
            const context = isOpenError(error)
              ? `cannot open ${quote(operand)} for reading`
              : `error reading ${quote(operand)}`
            yield* report(ctx.stderr, name, context, error)
            return true
          }),
        ),
      )
      if (failed) status = 1
    }
    yield* sink.flush
    return status
  })
