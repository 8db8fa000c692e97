import { errorText } from "../../ExitStatus.ts"
import { Effect, Exit, Fiber, Scope } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { inputFromStream, makePipe, type BrokenPipe, type Input, type Output } from "../../Io.ts"
import { encodeLatin1 as fromLatin1 } from "../shared/Latin1.ts"
import { RecordReader } from "./Records.ts"
import { AwkFatal } from "./Runtime.ts"

/**
 * The files and commands awk reads and writes besides its main input:
 * `print > file` (buffered, opened on first flush), `print | cmd` and
 * `cmd | getline` (the command runs through `sh -c` in its own fiber, joined
 * by a pipe), `getline < file`.
 */

const decoder = new TextDecoder()

/** An awk string (latin1 bytes) as the UTF-8 text a path or command is. */
export const decodeName = (s: string): string => decoder.decode(fromLatin1(s))

/** How a failed open reads in gawk's messages. */
export const reasonText = (error: VfsError): string => errorText(error)

/**
 * Buffered text output: strings are appended (V8 keeps them as a rope) and
 * encoded in one pass per flush, which beats a byte loop per print.
 */
export interface TextOut {
  readonly latin1: (s: string) => void
  readonly size: () => number
  readonly flush: Effect.Effect<void, BrokenPipe>
}

/** A TextOut over an Output. */
export const textOut = (out: Output): TextOut => {
  let text = ""
  return {
    latin1: (s) => {
      text += s
    },
    size: () => text.length,
    flush: Effect.suspend(() => {
      if (text.length === 0) return Effect.void
      const bytes = fromLatin1(text)
      text = ""
      return out.write(bytes)
    }),
  }
}

/** An output redirection. */
export interface OutStream {
  readonly name: string
  readonly kind: "file" | "pipe"
  /** Text waiting to be written. */
  chunks: Array<string>
  size: number
  readonly flush: Effect.Effect<void, BrokenPipe>
  /** Flush and close; the command's status for a pipe, 0 for a file. */
  readonly close: Effect.Effect<number, BrokenPipe>
}

const takeBytes = (o: { chunks: Array<string>; size: number }): Uint8Array => {
  const bytes = fromLatin1(o.chunks.join(""))
  o.chunks = []
  o.size = 0
  return bytes
}

/** `print > file` / `print >> file`: the file is truncated (or not) when first written. */
export const outFile = (ctx: CommandContext, name: string, append: boolean, fail: (e: AwkFatal) => void): OutStream => {
  let opened = false
  let broken = false
  const path = ctx.resolve(decodeName(name))
  const o: OutStream = {
    name,
    kind: "file",
    chunks: [],
    size: 0,
    flush: Effect.suspend(() => {
      if (broken || (opened && o.size === 0)) return Effect.void
      const bytes = takeBytes(o)
      const first = !opened
      opened = true
      return Effect.catchTag(ctx.fs.writeFile(path, bytes, { append: first ? append : true }), "VfsError", (e) => {
        broken = true
        fail(new AwkFatal(`cannot redirect to \`${name}': ${reasonText(e)}`))
        return Effect.void
      })
    }),
    close: Effect.suspend(() => Effect.as(o.flush, 0)),
  }
  return o
}

/** Run `sh -c command` in a fiber; its status comes back from `wait`. */
const spawn = (
  ctx: CommandContext,
  command: string,
  io: { readonly stdin?: Input; readonly stdout?: Output },
  after: Effect.Effect<void>,
) =>
  Effect.map(
    Effect.forkChild(
      ctx.exec(["sh", "-c", decodeName(command)], io).pipe(
        Effect.catchTag("BrokenPipe", () => Effect.succeed(141)),
        Effect.ensuring(after),
      ),
    ),
    (fiber) => ({
      wait: Effect.map(Effect.exit(Fiber.join(fiber)), (exit) => (Exit.isSuccess(exit) ? exit.value : 1)),
    }),
  )

/** `print | command`: started on the first flush (after flushing stdout, as gawk does). */
export const outPipe = (
  ctx: CommandContext,
  name: string,
  beforeStart: Effect.Effect<void, BrokenPipe>,
  fail: (e: AwkFatal) => void,
): OutStream => {
  let started:
    | { readonly output: Output; readonly closeWriter: Effect.Effect<void>; readonly wait: Effect.Effect<number> }
    | undefined
  let broken = false
  const start = Effect.gen(function* () {
    yield* beforeStart
    const pipe = yield* makePipe()
    const child = yield* spawn(ctx, name, { stdin: pipe.input }, pipe.closeReader)
    started = { output: pipe.output, closeWriter: pipe.closeWriter, wait: child.wait }
    return started
  })
  const o: OutStream = {
    name,
    kind: "pipe",
    chunks: [],
    size: 0,
    flush: Effect.gen(function* () {
      if (broken) return
      const s = started ?? (yield* start)
      if (o.size === 0) return
      const bytes = takeBytes(o)
      yield* Effect.catchTag(s.output.write(bytes), "BrokenPipe", () =>
        Effect.sync(() => {
          broken = true
          fail(new AwkFatal(`print to "${name}" failed: Broken pipe`))
        }),
      )
    }),
    close: Effect.gen(function* () {
      yield* o.flush
      if (started === undefined) return 0
      yield* started.closeWriter
      return yield* started.wait
    }),
  }
  return o
}

/** An input redirection: a reader and how to let it go. */
export interface InStream {
  readonly reader: RecordReader
  readonly close: Effect.Effect<number>
}

/** `getline < file`; fails with the VfsError when the file cannot be read. */
export const inFile = (ctx: CommandContext, name: string): Effect.Effect<InStream, VfsError> =>
  Effect.gen(function* () {
    const scope = yield* Scope.make()
    const input = yield* Scope.provide(scope)(inputFromStream(ctx.fs.read(ctx.resolve(decodeName(name)))))
    const reader = new RecordReader(input)
    const close = Effect.as(Scope.close(scope, Exit.void), 0)
    // The first read reports a missing file or a directory.
    yield* Effect.onError(reader.fill, () => Scope.close(scope, Exit.void))
    return { reader, close }
  })

/** `command | getline`: the command writes into a pipe this side reads. */
export const inPipe = (ctx: CommandContext, command: string): Effect.Effect<InStream> =>
  Effect.gen(function* () {
    const pipe = yield* makePipe()
    const child = yield* spawn(ctx, command, { stdout: pipe.output }, pipe.closeWriter)
    const reader = new RecordReader(pipe.input)
    return { reader, close: Effect.andThen(pipe.closeReader, child.wait) }
  })
