import { Effect } from "effect"
import type { CommandContext } from "../../Command.ts"
import type { BrokenPipe } from "../../Io.ts"
import { ENDED, MainInput } from "./MainInput.ts"
import { NEED, RecordReader } from "./Records.ts"
import { AwkFatal, type Runtime } from "./Runtime.ts"
import {
  decodeName,
  inFile,
  inPipe,
  outFile,
  outPipe,
  textOut,
  type InStream,
  type OutStream,
  type TextOut,
} from "./Streams.ts"
import type { Gen, IoHost, RedirectMode } from "./Types.ts"

/**
 * The I/O layer compiled code talks to: buffered stdout and stderr,
 * redirections by name, getline sources, close/fflush/system. Writes are
 * synchronous into buffers; everything that touches the outside world is an
 * Effect yielded to the driver.
 */
export class AwkIo implements IoHost {
  stdout: TextOut
  /** Older stdout buffers, written before `stdout`: a pipe opened later must not overtake them. */
  private readonly earlier: Array<TextOut> = []
  readonly stderr: TextOut
  readonly main: MainInput
  private readonly ctx: CommandContext
  private readonly rt: Runtime
  private readonly outputs = new Map<string, OutStream>()
  private readonly inputs = new Map<string, InStream>()
  private stdinReader: RecordReader | undefined
  private other = 0
  /** A fatal error found while flushing, raised by the next synchronous step. */
  private failure: AwkFatal | undefined

  constructor(ctx: CommandContext, rt: Runtime, main: MainInput) {
    this.ctx = ctx
    this.rt = rt
    this.stdout = textOut(ctx.stdout)
    this.stderr = textOut(ctx.stderr)
    this.main = main
  }

  /** Raise a failure recorded by an Effect. */
  check(): void {
    const f = this.failure ?? this.main.takeFailure()
    if (f !== undefined) {
      this.failure = undefined
      throw f
    }
  }

  private fail = (e: AwkFatal): void => {
    this.failure ??= e
  }

  print = (s: string, mode: RedirectMode | undefined, target: string): void => {
    if (mode === undefined) {
      this.stdout.latin1(s)
      return
    }
    switch (target) {
      case "/dev/stdout":
      case "/dev/fd/1":
      case "-":
        this.stdout.latin1(s)
        return
      case "/dev/stderr":
      case "/dev/fd/2":
        this.stderr.latin1(s)
        return
      case "/dev/null":
        return
    }
    let o = this.outputs.get(target)
    if (o === undefined) {
      if (mode === "|") {
        // gawk flushes stdout when it starts the command: what is buffered now comes first.
        if (this.stdout.size() > 0) {
          this.earlier.push(this.stdout)
          this.stdout = textOut(this.ctx.stdout)
        }
        o = outPipe(this.ctx, target, this.flushEarlier, this.fail)
      } else o = outFile(this.ctx, target, mode === ">>", this.fail)
      this.outputs.set(target, o)
    }
    o.chunks.push(s)
    o.size += s.length
    this.other += s.length
  }

  pending = (): number => this.stdout.size() + this.stderr.size() + this.other

  private readonly flushEarlier: Effect.Effect<void, BrokenPipe> = Effect.suspend(() =>
    Effect.forEach(this.earlier.splice(0, this.earlier.length), (s) => s.flush, { discard: true }),
  )

  /** Write stdout and stderr. */
  readonly flushStd: Effect.Effect<void, BrokenPipe> = Effect.suspend(() =>
    Effect.andThen(this.flushEarlier, Effect.andThen(this.stdout.flush, this.stderr.flush)),
  )

  /** Write everything buffered. */
  readonly flushAll: Effect.Effect<void, BrokenPipe> = Effect.suspend(() => {
    this.other = 0
    return Effect.andThen(
      this.flushStd,
      Effect.forEach([...this.outputs.values()], (o) => o.flush, { discard: true }),
    )
  })

  /** Write what is buffered once it is large. */
  readonly flushIfFull: Effect.Effect<void, BrokenPipe> = Effect.suspend(() =>
    this.pending() >= 64 * 1024 ? this.flushAll : Effect.void,
  )

  drain = function* (this: AwkIo): Gen<void> {
    yield this.flushAll
    this.check()
  }.bind(this)

  /** Read from `reader` until a record or the end. */
  private *records(reader: RecordReader): Gen<string | undefined> {
    for (;;) {
      const r = reader.next(this.rt)
      if (r !== NEED) return r
      let failed = false
      yield Effect.catchTag(reader.fill, "VfsError", () =>
        Effect.sync(() => {
          failed = true
        }),
      )
      if (failed) return undefined
    }
  }

  getlineMain = function* (this: AwkIo): Gen<string | undefined> {
    for (;;) {
      const r = this.main.nextSync()
      if (r !== NEED && r !== ENDED) return r
      yield this.main.fill
      this.check()
    }
  }.bind(this)

  getlineFile = function* (this: AwkIo, name: string): Gen<string | undefined | null> {
    if (name === "-" || name === "/dev/stdin" || name === "/dev/fd/0") {
      this.stdinReader ??= new RecordReader(this.ctx.stdin)
      return yield* this.records(this.stdinReader)
    }
    if (name === "/dev/null") return undefined
    let s = this.inputs.get(name)
    if (s === undefined) {
      let opened: InStream | undefined
      yield Effect.match(inFile(this.ctx, name), {
        onFailure: () => {},
        onSuccess: (x) => {
          opened = x
        },
      })
      if (opened === undefined) return null
      s = opened
      this.inputs.set(name, s)
    }
    return yield* this.records(s.reader)
  }.bind(this)

  getlineCommand = function* (this: AwkIo, command: string): Gen<string | undefined> {
    let s = this.inputs.get(command)
    if (s === undefined) {
      let opened: InStream | undefined
      yield Effect.andThen(this.flushAll, () =>
        Effect.map(inPipe(this.ctx, command), (x) => {
          opened = x
        }),
      )
      this.check()
      if (opened === undefined) return undefined
      s = opened
      this.inputs.set(command, s)
    }
    return yield* this.records(s.reader)
  }.bind(this)

  close = function* (this: AwkIo, name: string): Gen<number> {
    let status = -1
    const o = this.outputs.get(name)
    if (o !== undefined) {
      this.outputs.delete(name)
      this.other = Math.max(0, this.other - o.size)
      yield Effect.map(o.close, (n) => {
        status = n
      })
      this.check()
      return status
    }
    const i = this.inputs.get(name)
    if (i !== undefined) {
      this.inputs.delete(name)
      yield Effect.map(i.close, (n) => {
        status = n
      })
    }
    return status
  }.bind(this)

  fflush = function* (this: AwkIo, name: string | undefined): Gen<number> {
    if (name === undefined || name === "/dev/stdout" || name === "/dev/stderr") {
      yield this.flushAll
      this.check()
      return 0
    }
    const o = this.outputs.get(name)
    if (o === undefined) {
      this.rt.warn(`fflush: \`${name}' is not an open file, pipe or co-process`)
      return -1
    }
    yield this.flushAll
    this.check()
    return 0
  }.bind(this)

  system = function* (this: AwkIo, command: string): Gen<number> {
    let status = 0
    yield Effect.andThen(this.flushAll, () =>
      Effect.map(this.ctx.exec(["sh", "-c", decodeName(command)]), (n) => {
        status = n
      }),
    )
    this.check()
    return status
  }.bind(this)

  /** At exit: close every redirection (pipes first, as gawk does), then flush stdout. */
  readonly closeAll: Effect.Effect<void, BrokenPipe> = Effect.suspend(() => {
    const outs = [...this.outputs.values()]
    const ins = [...this.inputs.values()]
    this.outputs.clear()
    this.inputs.clear()
    this.other = 0
    const main = this.main
    const flushStd = this.flushStd
    return Effect.gen(function* () {
      for (const o of outs) yield* o.close
      for (const i of ins) yield* i.close
      yield* main.close
      yield* flushStd
    })
  })
}
