import { Effect, Exit, Scope } from "effect"
import type { CommandContext } from "../../Command.ts"
import { inputFromStream } from "../../Io.ts"
import { NEED, RecordReader } from "./Records.ts"
import { AwkFatal, type AwkArray, type Runtime } from "./Runtime.ts"
import { decodeName, reasonText } from "./Streams.ts"
import { StrNum } from "./Values.ts"

/**
 * The main input: the operands in ARGV[1..ARGC-1] read in turn when they
 * are reached (so BEGIN may change them), `var=value` operands assigned at
 * that point, `-` as stdin, and stdin when no file operand was seen.
 */

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/

/** nextSync's signal that the current file just ended. */
export const ENDED = 2

/** What the main input needs from the program. */
export interface MainInputHooks {
  /** ARGV and ARGC as the program sees them now. */
  readonly argv: () => AwkArray
  readonly argc: () => number
  /** Assign a `var=value` operand. */
  readonly assign: (name: string, value: string) => void
  /** Messages without a source position (a directory operand). */
  readonly warn: (message: string) => void
}

/** The record source of the main rules and plain `getline`. */
export class MainInput {
  private reader: RecordReader | undefined
  private scope: Scope.Closeable | undefined
  /** The current reader reached its end. */
  private ended = false
  private index = 1
  private sawFile = false
  private finished = false
  private opened = false
  private skipping = false
  private failure: AwkFatal | undefined
  private readonly ctx: CommandContext
  private readonly rt: Runtime
  private readonly hooks: MainInputHooks

  constructor(ctx: CommandContext, rt: Runtime, hooks: MainInputHooks) {
    this.ctx = ctx
    this.rt = rt
    this.hooks = hooks
  }

  takeFailure(): AwkFatal | undefined {
    const f = this.failure
    this.failure = undefined
    return f
  }

  /**
   * The next record; NEED when `fill` must run first; ENDED once when a file
   * ends (ENDFILE time; `fill` then moves on); undefined when all is read.
   */
  nextSync(): string | typeof NEED | typeof ENDED | undefined {
    const reader = this.reader
    if (this.skipping && reader !== undefined && !this.ended) {
      this.skipping = false
      this.ended = true
      return ENDED
    }
    if (reader === undefined || this.ended) return this.finished ? undefined : NEED
    const r = reader.next(this.rt)
    if (r === undefined) {
      this.ended = true
      return ENDED
    }
    return r
  }

  /** A file was opened since the last call (BEGINFILE time). */
  takeOpened(): boolean {
    const o = this.opened
    this.opened = false
    return o
  }

  /** Skip the rest of the current file (`nextfile`); ENDFILE still runs. */
  skipFile(): void {
    this.skipping = true
  }

  /** Read more, or move on to the next operand. */
  readonly fill: Effect.Effect<void> = Effect.suspend(() => {
    const reader = this.reader
    if (reader !== undefined && !this.ended) {
      return Effect.catchTag(reader.fill, "VfsError", (e) =>
        Effect.sync(() => {
          this.failure = new AwkFatal(`error reading input file \`${this.rt.str(this.rt.FILENAME)}': ${reasonText(e)}`)
          this.ended = true
        }),
      )
    }
    return Effect.andThen(this.close, this.openNext)
  })

  /** Let the current file go. */
  readonly close: Effect.Effect<void> = Effect.suspend(() => {
    const scope = this.scope
    this.scope = undefined
    this.reader = undefined
    return scope === undefined ? Effect.void : Scope.close(scope, Exit.void)
  })

  private readonly openNext: Effect.Effect<void> = Effect.suspend(() => this.advance())

  private advance(): Effect.Effect<void> {
    return Effect.gen({ self: this }, function* () {
      while (!this.finished) {
        const argc = this.hooks.argc()
        if (this.index >= argc) {
          this.finished = true
          if (!this.sawFile) {
            this.sawFile = true
            this.start(new RecordReader(this.ctx.stdin), "-")
            this.finished = false
            return
          }
          return
        }
        const raw = this.hooks.argv().get(String(this.index++))
        if (raw === undefined) continue
        const arg =
          raw instanceof StrNum
            ? raw.s
            : typeof raw === "number"
              ? this.rt.str(raw)
              : typeof raw === "string"
                ? raw
                : ""
        if (arg === "") continue
        if (ASSIGNMENT.test(arg)) {
          const eq = arg.indexOf("=")
          this.hooks.assign(arg.slice(0, eq), arg.slice(eq + 1))
          continue
        }
        this.sawFile = true
        this.rt.fnr = 0
        if (arg === "-" || arg === "/dev/stdin") {
          this.start(new RecordReader(this.ctx.stdin), arg)
          return
        }
        const scope = yield* Scope.make()
        const input = yield* Scope.provide(scope)(inputFromStream(this.ctx.fs.read(this.ctx.resolve(decodeName(arg)))))
        const reader = new RecordReader(input)
        const problem = yield* Effect.match(reader.fill, { onFailure: (e) => e, onSuccess: () => undefined })
        if (problem !== undefined) {
          yield* Scope.close(scope, Exit.void)
          if (problem.reason === "IsADirectory") {
            this.hooks.warn(`command line argument \`${arg}' is a directory: skipped`)
            continue
          }
          this.failure = new AwkFatal(`cannot open file \`${arg}' for reading: ${reasonText(problem)}`)
          this.finished = true
          return
        }
        this.scope = scope
        this.start(reader, arg)
        return
      }
    })
  }

  private start(reader: RecordReader, name: string): void {
    this.opened = true
    this.reader = reader
    this.ended = false
    this.rt.fnr = 0
    this.rt.FILENAME = name
  }
}
