import { Effect } from "effect"
import { concat, type BrokenPipe, type Input, type InputError } from "../../Io.ts"

/**
 * Called for each line: the line is `bytes[start, end)` without its
 * delimiter; `terminated` is false for a last line with no delimiter.
 * Return false to stop reading.
 */
export type LineHandler = (bytes: Uint8Array, start: number, end: number, terminated: boolean) => boolean | void

/**
 * Feed the lines of `input` to `onLine`, running `between` after each input
 * chunk (typically `sink.flushIfFull`). When `onLine` stops early, the bytes
 * after that line are pushed back into `input` for the next reader.
 * Succeeds with true when stopped early.
 */
export const eachLine = <E = never>(
  input: Input,
  onLine: LineHandler,
  between: Effect.Effect<void, E | BrokenPipe> = Effect.void,
  delimiter = 10,
): Effect.Effect<boolean, InputError | BrokenPipe | E> =>
  Effect.gen(function* () {
    const state: Scan = { carry: [], stoppedAt: -1 }
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      scanChunk(chunk, state, onLine, delimiter)
      if (state.stoppedAt !== -1) {
        if (state.stoppedAt < chunk.length) input.unread(chunk.subarray(state.stoppedAt))
        yield* between
        return true
      }
      yield* between
    }
    if (state.carry.length > 0) {
      const line = concat(state.carry)
      onLine(line, 0, line.length, false)
      yield* between
    }
    return false
  })

/** A line split across chunks so far, and where `onLine` stopped the scan (-1: it did not). */
interface Scan {
  carry: Array<Uint8Array>
  stoppedAt: number
}

/**
 * The lines of one chunk, the first joined to the carried start of it. A
 * plain function: the loop is optimized, where a loop inside the generator
 * above would not be.
 */
const scanChunk = (chunk: Uint8Array, state: Scan, onLine: LineHandler, delimiter: number): void => {
  let start = 0
  while (start < chunk.length) {
    const nl = chunk.indexOf(delimiter, start)
    if (nl === -1) {
      state.carry.push(chunk.subarray(start))
      return
    }
    let keep: boolean | void
    if (state.carry.length > 0) {
      state.carry.push(chunk.subarray(start, nl))
      const line = concat(state.carry)
      state.carry = []
      keep = onLine(line, 0, line.length, true)
    } else {
      keep = onLine(chunk, start, nl, true)
    }
    start = nl + 1
    if (keep === false) {
      state.stoppedAt = start
      return
    }
  }
}

/** Feed raw chunks of `input` to `onChunk` (for commands that need no line structure). */
export const eachChunk = <E = never>(
  input: Input,
  onChunk: (chunk: Uint8Array) => Effect.Effect<void, E | BrokenPipe>,
): Effect.Effect<void, InputError | BrokenPipe | E> =>
  Effect.gen(function* () {
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) return
      yield* onChunk(chunk)
    }
  })

/** Decode bytes as latin1 (one code unit per byte) and back: one implementation, in Latin1.ts. */
export { decodeLatin1 as latin1, encodeLatin1 as fromLatin1 } from "./Latin1.ts"
