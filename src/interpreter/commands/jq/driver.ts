import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { errorText } from "../../ExitStatus.ts"
import { concat, writeText, type BrokenPipe } from "../../Io.ts"
import { withInput } from "../shared/Files.ts"
import { makeSink } from "../shared/Sink.ts"
import { countLines, makeSplitter } from "./chunks.ts"
import type { Engine } from "./engine.ts"
import { printOutputs, type Style } from "./format.ts"
import { rewriteMessages, type Segment } from "./positions.ts"

/**
 * Feeding jq its input. jq-wasm takes a whole input text per run, so the
 * stream is cut into pieces of whole values (about `PIECE` bytes each) and
 * each piece is one run, when the filter treats inputs one at a time. A
 * filter that reads `input`/`inputs`, halts, or runs with `-s` sees the
 * whole stream in one run.
 */

const PIECE = 512 * 1024

/** How the driver runs the engine. */
export interface Plan {
  readonly engine: Engine
  /** The filter as given (for messages and the prefix). */
  readonly program: (fileName: string | null) => { readonly text: string; readonly prefixLines: number }
  readonly flags: ReadonlyArray<string>
  readonly style: Style
  readonly exitStatus: boolean
  readonly rawInput: boolean
  /** All input in one run. */
  readonly whole: boolean
  /** One run per file at least (the filter asks for `input_filename`). */
  readonly perFile: boolean
  readonly files: ReadonlyArray<string>
  /** Read nothing: `-n` with a filter that reads no input. */
  readonly noInput: boolean
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true })

/** Run jq over the inputs of `plan`; gives the exit status. */
export const drive = (ctx: CommandContext, plan: Plan): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const sink = makeSink(ctx.stdout)
    const segments: Array<Segment> = []
    let status: number | undefined
    let stopped = false
    let linesBefore = 0
    let ran = false

    /** One engine run over `bytes`, which start `offset` newlines into the stream. */
    const runPiece = (bytes: Uint8Array, offset: number, fileName: string | null) =>
      Effect.gen(function* () {
        const text = decoder.decode(bytes)
        // Blank text holds no values: a run would only reset the status.
        if (ran && (plan.rawInput ? text === "" : text.trim() === "")) return
        ran = true
        const program = plan.program(fileName)
        const r = plan.engine(text, program.text, plan.flags)
        const printed = printOutputs(r.stdout, plan.style, sink)
        yield* sink.flush
        let stderr = r.stderr === "" ? "" : rewriteMessages(r.stderr, segments, offset, program.prefixLines) + "\n"
        let st = r.status
        if (printed.nulError) {
          stderr += "jq: error (at <unknown>): Cannot dump a string containing NUL with --raw-output0 option\n"
          st = 5
        }
        yield* writeText(ctx.stderr, stderr)
        if (st === 2 || st === 3 || /^jq: parse error: /m.test(r.stderr)) stopped = true
        // With -e, a piece without outputs leaves the status of the last output as it was.
        if (!(plan.exitStatus && st === 4 && status !== undefined)) status = st
      })

    let pending: Array<Uint8Array> = []
    let pendingSize = 0
    let safe = -1
    let pendingLines = 0
    const splitter = makeSplitter(plan.rawInput)

    const take = (end: number): Uint8Array => {
      const all = concat(pending, pendingSize)
      const piece = all.subarray(0, end)
      const rest = all.subarray(end)
      pending = rest.length > 0 ? [rest] : []
      pendingSize = rest.length
      safe = -1
      return piece
    }

    const flushPiece = (end: number, fileName: string | null) =>
      Effect.gen(function* () {
        const piece = take(end)
        const lines = countLines(piece)
        pendingLines -= lines
        const offset = linesBefore
        linesBefore += lines
        yield* runPiece(piece, offset, fileName)
      })

    if (plan.noInput) {
      yield* runPiece(new Uint8Array(0), 0, null)
      yield* sink.flush
      return status ?? 0
    }
    let failures = 0
    const list = plan.files.length === 0 ? ["-"] : plan.files
    for (const operand of list) {
      if (stopped) break
      const name = operand === "-" ? "<stdin>" : operand
      // jq names standard input `<stdin>`, for input_filename as in messages.
      const fileName = name
      const segment: Segment = { name, start: linesBefore + pendingLines, lines: 0 }
      segments.push(segment)
      const read = withInput(ctx, operand, (input) =>
        Effect.gen(function* () {
          while (!stopped) {
            const chunk = yield* input.read
            if (chunk === null) return
            const lines = countLines(chunk)
            segment.lines += lines
            pendingLines += lines
            const at = splitter.scan(chunk)
            if (at !== -1) safe = pendingSize + at
            pending.push(chunk)
            pendingSize += chunk.length
            if (!plan.whole && pendingSize >= PIECE && safe > 0) yield* flushPiece(safe, fileName)
          }
        }),
      )
      const failed = yield* Effect.catchTag(Effect.as(read, undefined), "VfsError", (e: VfsError) => Effect.succeed(e))
      if (failed !== undefined) {
        // jq compiles the filter before it opens any file.
        if (!ran) {
          yield* runPiece(new Uint8Array(0), 0, null)
          if (stopped) break
        }
        const message =
          failed.reason === "IsADirectory"
            ? "jq: error: Is a directory\n"
            : `jq: error: Could not open file ${operand}: ${errorText(failed)}\n`
        yield* writeText(ctx.stderr, message)
        failures++
        break
      }
      if (plan.perFile && !plan.whole && !stopped) yield* flushPiece(pendingSize, fileName)
    }
    if (!stopped && (pendingSize > 0 || !ran)) {
      const lastFile = plan.files.length === 0 ? "-" : plan.files[plan.files.length - 1]
      yield* flushPiece(pendingSize, lastFile === "-" ? "<stdin>" : lastFile)
    }
    yield* sink.flush
    if (failures > 0 && status !== 3) return 2
    return status ?? 0
  })
