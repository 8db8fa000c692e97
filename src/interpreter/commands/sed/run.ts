import { errorText } from "../../ExitStatus.ts"
import { Effect, Exit, Scope, Stream } from "effect"
import { type VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { inputFromStream, readAll, type BrokenPipe, type Output } from "../../Io.ts"
import { openFileOutput, type FileOutput } from "../shared/FileOutput.ts"
import { isOpenError } from "../shared/Files.ts"
import { decodeLatin1, encodeLatin1 } from "../shared/Latin1.ts"
import { Executor, Fatal, type Outputs, type Request } from "./execute.ts"
import { InputState, type Source } from "./input.ts"
import { bufferOut, type BufferOut, type Out } from "./output.ts"
import type { Program, WriteTarget } from "./Script.ts"

/**
 * The driver: runs the executor generator and performs the I/O it asks
 * for through the namespace (reading input files chunk by chunk, `r`/`R`
 * files, `w` files streamed out, `-i` files replaced when each ends).
 */

/** How to run a compiled program. */
export interface RunSettings {
  readonly program: Program
  readonly files: ReadonlyArray<string>
  readonly quiet: boolean
  readonly separate: boolean
  /** `-i`: the backup name pattern (`*` stands for the file name; `*` alone: no backup). */
  readonly inPlace: string | undefined
  readonly delim: string
  readonly posix: boolean
  readonly lineLength: number
  readonly unbuffered: boolean
}

/** A file name from the script (latin1 bytes) as the namespace path string it spells in UTF-8. */
const pathOf = (name: string): string =>
  !/[\u0080-\uffff]/.test(name) ? name : new TextDecoder().decode(encodeLatin1(name))

/** Names and messages go out as bytes: turn a JS string into its UTF-8 bytes as latin1. */
export const toLatin1 = (s: string): string =>
  !/[\u0080-\uffff]/.test(s) ? s : decodeLatin1(new TextEncoder().encode(s))

const reason = (error: VfsError) => errorText(error)

const drainTo = (out: BufferOut, to: Output): Effect.Effect<void, BrokenPipe> =>
  out.size() === 0 ? Effect.void : to.write(out.drain())

/** `w /dev/stdout`: the same stream with its own missing-newline flag. */
const withOwnNewline = (out: Out): { readonly out: Out } => ({
  out: { missingNewline: false, write: out.write, writeBytes: out.writeBytes },
})

/** Run `settings.program` over the input files; gives the exit status. */
export const runProgram = (ctx: CommandContext, settings: RunSettings): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const stdout = bufferOut()
    const stderr = bufferOut()
    const scopes = new Set<Scope.Closeable>()
    const writers = new Map<
      WriteTarget,
      { readonly out: Out; readonly buffer?: BufferOut; readonly file?: FileOutput }
    >()
    const inPlace = settings.inPlace
    const input = new InputState(settings.files.length > 0 ? settings.files : ["-"], settings.delim, settings.separate)
    const outputs: Outputs = {
      current: stdout,
      forTarget: (t: WriteTarget): Out => writers.get(t)?.out ?? stdout,
      pending: () => {
        let n = stdout.size() + stderr.size()
        for (const w of writers.values()) n += w.buffer?.size() ?? 0
        return n
      },
    }
    const executor = new Executor(
      settings.program,
      {
        quiet: settings.quiet,
        posix: settings.posix,
        delim: settings.delim,
        lineLength: settings.lineLength,
        unbuffered: settings.unbuffered,
      },
      input,
      outputs,
    )

    const fatal = (text: string, status: number) => Effect.fail(new Fatal({ text, status }))

    const flush = Effect.gen(function* () {
      yield* drainTo(stdout, ctx.stdout)
      yield* drainTo(stderr, ctx.stderr)
      for (const w of writers.values()) {
        if (w.buffer !== undefined && w.file !== undefined && w.buffer.size() > 0)
          yield* w.file.output.write(w.buffer.drain())
      }
      yield* Effect.yieldNow
    })

    const openTargets = Effect.gen(function* () {
      for (const target of settings.program.writeTargets) {
        // The special names share the stream but not the missing-newline state, as in GNU sed.
        if (target.name === "/dev/stdout") writers.set(target, withOwnNewline(stdout))
        else if (target.name === "/dev/stderr") writers.set(target, withOwnNewline(stderr))
        else {
          const path = ctx.resolve(pathOf(target.name))
          // GNU sed creates (truncates) every `w` file before reading any input.
          const created = yield* Effect.result(ctx.fs.writeFile(path, new Uint8Array(0)))
          if (created._tag === "Failure")
            return yield* fatal(`couldn't open file ${target.name}: ${reason(created.failure)}`, 4)
          const buffer = bufferOut()
          writers.set(target, { out: buffer, buffer, file: yield* openFileOutput(ctx, path) })
        }
      }
    })

    const closeSource = (source: Source) =>
      Effect.gen(function* () {
        yield* source.close
        const output = source.output
        if (inPlace === undefined || output === undefined || source.path === undefined) return
        const bytes = output.drain()
        if (inPlace !== "*") {
          // A copy rather than GNU's rename: every backend can copy.
          const backup = ctx.resolve(inPlace.replaceAll("*", source.name))
          const copied = yield* Effect.result(ctx.fs.copyFile(source.path, backup))
          if (copied._tag === "Failure")
            return yield* fatal(`cannot rename ${toLatin1(source.name)}: ${reason(copied.failure)}`, 4)
        }
        const written = yield* Effect.result(ctx.fs.writeFile(source.path, bytes))
        if (written._tag === "Failure")
          return yield* fatal(`couldn't edit ${toLatin1(source.name)}: ${reason(written.failure)}`, 4)
      })

    const canNotRead = (name: string, error: VfsError) =>
      Effect.sync(() => {
        stderr.write(`sed: can't read ${toLatin1(name)}: ${reason(error)}\n`)
        input.badCount++
      })

    const openNext = (name: string, peek: boolean) =>
      Effect.gen(function* () {
        if (name === "-" && inPlace === undefined) {
          input.source = { name, path: undefined, input: ctx.stdin, close: Effect.void, eof: false, output: undefined }
          outputs.current = stdout
          return
        }
        const path = ctx.resolve(name)
        if (inPlace !== undefined) {
          const stat = yield* Effect.result(ctx.fs.stat(path))
          if (stat._tag === "Failure") return yield* canNotRead(name, stat.failure)
          if (stat.success.type !== "file")
            return yield* fatal(`couldn't edit ${toLatin1(name)}: not a regular file`, 4)
        }
        const scope = yield* Scope.make()
        scopes.add(scope)
        const close = Effect.suspend(() => {
          scopes.delete(scope)
          return Scope.close(scope, Exit.void)
        })
        const stream = yield* Scope.provide(scope)(inputFromStream(ctx.fs.read(path)))
        const first = yield* Effect.result(stream.read)
        if (first._tag === "Failure") {
          yield* close
          if (isOpenError(first.failure)) return yield* canNotRead(name, first.failure)
          // A directory looked at for `$` just has no lines, as getc sees it.
          if (peek) return
          return yield* fatal(`read error on ${toLatin1(name)}: ${reason(first.failure)}`, 4)
        }
        const output = inPlace !== undefined ? bufferOut() : undefined
        input.source = { name, path, input: stream, close, eof: first.success === null, output }
        if (first.success !== null) input.feed(decodeLatin1(first.success))
        outputs.current = output ?? stdout
      })

    const fill = (peek: boolean) =>
      Effect.gen(function* () {
        const source = input.source
        if (source !== undefined && !source.eof) {
          const chunk = yield* Effect.result(source.input.read)
          if (chunk._tag === "Failure") {
            if (peek) source.eof = true
            else return yield* fatal(`read error on ${toLatin1(source.name)}: ${reason(chunk.failure)}`, 4)
          } else if (chunk.success === null) source.eof = true
          else input.feed(decodeLatin1(chunk.success))
          return
        }
        if (source !== undefined) {
          input.source = undefined
          return yield* closeSource(source)
        }
        if (input.next < input.files.length) {
          if (input.resetAtNextFile) {
            executor.resetForFile()
            input.resetAtNextFile = settings.separate
          }
          yield* openNext(input.files[input.next++], peek)
        }
      })

    const readFile = (name: string) =>
      Effect.gen(function* () {
        const out = outputs.current
        if (name === "/dev/stdin") {
          const bytes = yield* Effect.orElseSucceed(readAll(ctx.stdin), () => new Uint8Array(0))
          out.writeBytes(bytes)
          return
        }
        // A file that cannot be read counts as empty (POSIX).
        yield* Stream.runForEach(ctx.fs.read(ctx.resolve(pathOf(name))), (chunk) =>
          Effect.sync(() => out.writeBytes(chunk)),
        ).pipe(Effect.orElseSucceed(() => undefined))
      })

    const loadSource = (request: Extract<Request, { tag: "loadSource" }>) =>
      Effect.gen(function* () {
        const name = request.source.name
        const bytes =
          name === "/dev/stdin"
            ? yield* Effect.orElseSucceed(readAll(ctx.stdin), () => new Uint8Array(0))
            : yield* Effect.orElseSucceed(ctx.fs.readFile(ctx.resolve(pathOf(name))), () => new Uint8Array(0))
        executor.sources.set(request.source, { text: decodeLatin1(bytes), pos: 0 })
      })

    const handle = (request: Request) => {
      switch (request.tag) {
        case "fill":
          return fill(request.peek)
        case "flush":
          return flush
        case "readFile":
          return readFile(request.name)
        case "loadSource":
          return loadSource(request)
      }
    }

    const body = Effect.gen(function* () {
      yield* openTargets
      const gen = executor.run()
      let status: number
      while (true) {
        let step: IteratorResult<Request, number>
        try {
          step = gen.next()
        } catch (e) {
          if (e instanceof Fatal) return yield* Effect.fail(e)
          throw e
        }
        if (step.done === true) {
          status = step.value
          break
        }
        yield* handle(step.value)
      }
      const source = input.source
      if (source !== undefined) {
        // Quitting early leaves the rest of stdin to whoever reads it next.
        if (source.path === undefined) {
          const rest = input.unconsumed()
          if (rest.length > 0) ctx.stdin.unread(encodeLatin1(rest))
        }
        input.source = undefined
        yield* closeSource(source)
      }
      return input.badCount > 0 ? 2 : Math.max(status, 0)
    })

    const finish = Effect.gen(function* () {
      let failed: string | undefined
      for (const [target, w] of writers) {
        if (w.file === undefined || w.buffer === undefined) continue
        if (w.buffer.size() > 0) yield* w.file.output.write(w.buffer.drain())
        const error = yield* w.file.close
        if (error !== undefined && failed === undefined) failed = `couldn't write to ${target.name}: ${reason(error)}`
      }
      return failed
    })

    const status = yield* body.pipe(
      Effect.catchTag("SedFatal", (e) =>
        Effect.sync(() => {
          stderr.write(`sed: ${e.text}\n`)
          return e.status
        }),
      ),
      Effect.ensuring(
        Effect.suspend(() => Effect.forEach([...scopes], (scope) => Scope.close(scope, Exit.void), { discard: true })),
      ),
    )
    const writeError = yield* finish
    yield* drainTo(stdout, ctx.stdout)
    if (writeError !== undefined) stderr.write(`sed: ${writeError}\n`)
    yield* drainTo(stderr, ctx.stderr)
    return writeError !== undefined ? 4 : status
  })
