import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { readAll } from "../Io.ts"
import { Machine } from "./bc/Interp.ts"
import { LIBRARY } from "./bc/Lib.ts"
import { BcError } from "./bc/Num.ts"
import { SyntaxError, tokenize } from "./bc/Lex.ts"
import { Parser, QuitSignal } from "./bc/Parse.ts"
import { makeSink } from "./shared/Sink.ts"

const decoder = new TextDecoder()

/**
 * `bc`: GNU bc's calculator language with arbitrary precision (BigInt
 * fixed point): scale, ibase/obase, variables, arrays, functions, control
 * flow, `print`, `quit`/`halt`, and `-l`'s math library. Reads the FILEs,
 * then stdin; each statement runs once it is read. Errors are reported and
 * the run goes on (GNU bc's status stays 0).
 */
export const bc = make("bc", {
  summary: "An arbitrary precision calculator language.",
  flags: {
    mathlib: Flag.boolean("l", "mathlib", "use the predefined math routines"),
    quiet: Flag.boolean("q", "quiet", "don't print initial banner"),
    standard: Flag.boolean("s", "standard", "non-standard bc constructs are errors"),
    warn: Flag.boolean("w", "warn", "warn about non-standard bc constructs"),
  },
  operands: { usage: "[file ...]" },
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      const m = new Machine()
      const sink = makeSink(ctx.stdout)
      const lineLength = Number(ctx.env.get("BC_LINE_LENGTH") ?? "70")
      m.lineLength = Number.isInteger(lineLength) && lineLength >= 0 ? lineLength : 70
      if (flags.mathlib) {
        m.scale = 20
        for (const [name, f] of LIBRARY) m.natives.set(name, f)
      }
      const errors: Array<string> = []
      m.warn = (message) => errors.push(`Runtime warning (func=${m.where()}, adr=0): ${message}\n`)
      const flush = Effect.gen(function* () {
        if (m.out !== "") {
          sink.text(m.out)
          m.out = ""
        }
        yield* sink.flushIfFull
      })
      const say = (text: string) =>
        Effect.gen(function* () {
          if (m.out !== "") sink.text(m.out)
          m.out = ""
          yield* sink.flush
          yield* ctx.stderr.write(new TextEncoder().encode(text))
        })
      const drainWarnings = Effect.suspend(() => (errors.length > 0 ? say(errors.splice(0).join("")) : Effect.void))

      /** Run one source; false when bc must stop (quit, halt). */
      const runSource = (source: string, name: string) =>
        Effect.gen(function* () {
          const tokens = tokenize(source)
          if (tokens instanceof SyntaxError) {
            yield* say(`${name} ${tokens.line}: ${tokens.message}\n`)
            return true
          }
          const parser = new Parser(tokens)
          while (!parser.atEnd()) {
            let stmt
            try {
              stmt = parser.topLevel()
            } catch (error) {
              if (error instanceof QuitSignal) return false
              if (!(error instanceof SyntaxError)) throw error
              yield* say(`${name} ${error.line}: ${error.message}\n`)
              parser.recover()
              continue
            }
            if (stmt === "quit") return false
            const run = m.exec(stmt)
            let halted = false
            for (;;) {
              let step: IteratorResult<void, { readonly k: string }>
              try {
                step = run.next()
              } catch (error) {
                if (!(error instanceof BcError)) throw error
                yield* drainWarnings
                yield* say(`Runtime error (func=${m.where()}, adr=0): ${error.message}\n`)
                break
              }
              yield* drainWarnings
              if (step.done) {
                halted = step.value.k === "halt"
                break
              }
              yield* flush
              yield* Effect.yieldNow
            }
            yield* flush
            if (halted) return false
          }
          return true
        })

      let go = true
      for (const operand of operands) {
        const text = yield* Effect.result(ctx.fs.readFile(ctx.resolve(operand)))
        if (text._tag === "Failure") {
          yield* sink.flush
          yield* say(`File ${operand} is unavailable.\n`)
          return 1
        }
        go = yield* runSource(decoder.decode(text.success), operand)
        if (!go) break
      }
      if (go) {
        const input = yield* Effect.orElseSucceed(readAll(ctx.stdin), () => new Uint8Array(0))
        yield* runSource(decoder.decode(input), "(standard_in)")
      }
      if (m.out !== "") sink.text(m.out)
      yield* sink.flush
      return 0
    }),
})
