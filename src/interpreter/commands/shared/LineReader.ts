import { Effect, type Scope } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { quoteIfNeeded, report } from "../../ExitStatus.ts"
import { concat, inputFromStream, readAll, type BrokenPipe, type Input, type InputError } from "../../Io.ts"

/**
 * Pull-based line reading, for commands that walk several inputs in step
 * (`paste`, `join`, `comm`), and whole-input reading for those whose
 * semantics need all of it (`tac`, `shuf`, `tsort`).
 */

/** One line without its delimiter; `terminated` is false for a last line with none. */
export interface Line {
  readonly bytes: Uint8Array
  readonly terminated: boolean
}

/** Reads one line at a time from an input. */
export interface LineReader {
  /** The next line, or null at end of input. */
  readonly next: Effect.Effect<Line | null, InputError>
}

/** A line reader over `input`, splitting at `delimiter` (newline by default). */
export const lineReader = (input: Input, delimiter = 10): LineReader => {
  let chunk: Uint8Array = new Uint8Array(0)
  let pos = 0
  let done = false
  // Lines that lie within the current chunk are served without starting a generator.
  const slow: Effect.Effect<Line | null, InputError> = Effect.gen(function* () {
    const parts: Array<Uint8Array> = []
    while (true) {
      if (pos < chunk.length) {
        const i = chunk.indexOf(delimiter, pos)
        if (i !== -1) {
          const piece = chunk.subarray(pos, i)
          pos = i + 1
          if (parts.length === 0) return { bytes: piece, terminated: true }
          parts.push(piece)
          return { bytes: concat(parts), terminated: true }
        }
        parts.push(chunk.subarray(pos))
        pos = chunk.length
      }
      if (done) break
      const c = yield* input.read
      if (c === null) {
        done = true
        break
      }
      chunk = c
      pos = 0
    }
    return parts.length === 0 ? null : { bytes: concat(parts), terminated: false }
  })
  const next: Effect.Effect<Line | null, InputError> = Effect.suspend(() => {
    if (pos < chunk.length) {
      const i = chunk.indexOf(delimiter, pos)
      if (i !== -1) {
        const line = { bytes: chunk.subarray(pos, i), terminated: true }
        pos = i + 1
        return Effect.succeed(line)
      }
    }
    return slow
  })
  return { next }
}

/**
 * Open an operand (`-` is stdin) in the current scope and read its first
 * chunk, so that a missing file fails here rather than midway through output.
 */
export const openInput = (ctx: CommandContext, operand: string): Effect.Effect<Input, VfsError, Scope.Scope> =>
  Effect.gen(function* () {
    const input = operand === "-" ? ctx.stdin : yield* inputFromStream(ctx.fs.read(ctx.resolve(operand)))
    const first = yield* input.read
    if (first !== null) input.unread(first)
    return input
  })

/**
 * Open every operand up front as GNU's multi-input commands do; the first
 * failure is reported as `name: FILE: strerror` and gives null.
 */
export const openAll = (
  ctx: CommandContext,
  name: string,
  operands: ReadonlyArray<string>,
): Effect.Effect<ReadonlyArray<Input> | null, BrokenPipe, Scope.Scope> =>
  Effect.gen(function* () {
    const inputs: Array<Input> = []
    let stdin: Input | undefined
    for (const operand of operands) {
      // Every `-` names the same shared stdin.
      if (operand === "-" && stdin !== undefined) {
        inputs.push(stdin)
        continue
      }
      const opened = yield* Effect.result(openInput(ctx, operand))
      if (opened._tag === "Failure") {
        yield* report(ctx.stderr, name, quoteIfNeeded(operand), opened.failure)
        return null
      }
      if (operand === "-") stdin = opened.success
      inputs.push(opened.success)
    }
    return inputs
  })

/** Everything an operand holds (`-` is stdin). */
export const readOperand = (ctx: CommandContext, operand: string): Effect.Effect<Uint8Array, VfsError> =>
  operand === "-"
    ? readAll(ctx.stdin)
    : Effect.scoped(Effect.flatMap(inputFromStream(ctx.fs.read(ctx.resolve(operand))), readAll))

/** Turn a failure while reading (after opening) into `name: read error: strerror` and status 1. */
export const catchReadError = <R>(
  ctx: CommandContext,
  name: string,
  effect: Effect.Effect<number, VfsError | BrokenPipe, R>,
): Effect.Effect<number, BrokenPipe, R> =>
  Effect.catchTag(effect, "VfsError", (error) => report(ctx.stderr, name, "read error", error))

/** Report a file error as `name: FILE: strerror` and give status 1. */
export const reportFile = (ctx: CommandContext, name: string, operand: string, error: VfsError) =>
  report(ctx.stderr, name, quoteIfNeeded(operand), error)

/** Split bytes into lines at `delimiter`; a final unterminated line is kept. */
export const splitLines = (bytes: Uint8Array, delimiter = 10): Array<Uint8Array> => {
  const lines: Array<Uint8Array> = []
  let start = 0
  while (start < bytes.length) {
    const i = bytes.indexOf(delimiter, start)
    if (i === -1) {
      lines.push(bytes.subarray(start))
      break
    }
    lines.push(bytes.subarray(start, i))
    start = i + 1
  }
  return lines
}
