import { Effect } from "effect"
import * as Flag from "../../Argv.ts"
import { make, type DeclaredCommand } from "../../Command.ts"
import { quoteIfNeeded, report } from "../../ExitStatus.ts"
import { concat } from "../../Io.ts"
import { withInput } from "../shared/Files.ts"
import { makeSink } from "../shared/Sink.ts"
import { encodeGroups, makeDecoder, type Alphabet } from "./Codec.ts"

/** `base64` / `base32`: encode or decode a file or stdin as a stream, wrapping encoded lines. */
export const makeBaseCommand = (name: string, alphabet: Alphabet, label: string): DeclaredCommand =>
  make(name, {
    summary: `${label} encode or decode FILE, or standard input, to standard output.`,
    flags: {
      decode: Flag.boolean("d", "decode", "decode data"),
      ignoreGarbage: Flag.boolean("i", "ignore-garbage", "when decoding, ignore non-alphabet characters"),
      wrap: Flag.string(
        "w",
        "wrap",
        "wrap encoded lines after COLS character (default 76).\nUse 0 to disable line wrapping",
        {
          arg: "COLS",
        },
      ),
    },
    operands: { usage: "[FILE]", max: 1 },
    details: "With no FILE, or when FILE is -, read standard input.",
    run: ({ flags, operands, ctx, warn }) =>
      Effect.gen(function* () {
        let wrap = 76
        if (flags.wrap !== undefined) {
          const w = flags.wrap.trim()
          if (!/^\+?\d+$/.test(w)) {
            yield* warn(`invalid wrap size: '${flags.wrap}'`)
            return 1
          }
          wrap = Number(w)
        }
        const operand = operands[0] ?? "-"
        const sink = makeSink(ctx.stdout)
        let invalid = false
        const body = withInput(ctx, operand, (input) =>
          Effect.gen(function* () {
            if (flags.decode) {
              const decoder = makeDecoder(alphabet, flags.ignoreGarbage)
              while (true) {
                const chunk = yield* input.read
                const r = chunk === null ? decoder.end() : decoder.push(chunk)
                sink.push(r.bytes)
                yield* sink.flushIfFull
                if (!r.ok) {
                  invalid = true
                  return
                }
                if (chunk === null) return
              }
            }
            let carry = new Uint8Array(0)
            let column = 0
            const emit = (encoded: Uint8Array) => {
              if (wrap === 0) return sink.push(encoded)
              let i = 0
              while (i < encoded.length) {
                const n = Math.min(wrap - column, encoded.length - i)
                sink.pushRange(encoded, i, i + n)
                i += n
                column += n
                if (column === wrap) {
                  sink.byte(10)
                  column = 0
                }
              }
            }
            while (true) {
              const chunk = yield* input.read
              if (chunk === null) break
              const data = carry.length > 0 ? concat([carry, chunk]) : chunk
              const whole = data.length - (data.length % alphabet.bytesPerGroup)
              emit(encodeGroups(alphabet, data.subarray(0, whole)))
              carry = data.slice(whole)
              yield* sink.flushIfFull
            }
            emit(encodeGroups(alphabet, carry))
            if (wrap > 0 && column > 0) sink.byte(10)
          }),
        )
        const failed = yield* body.pipe(
          Effect.as(false),
          Effect.catchTag("VfsError", (error) =>
            Effect.andThen(sink.flush, Effect.as(report(ctx.stderr, name, quoteIfNeeded(operand), error), true)),
          ),
        )
        yield* sink.flush
        if (failed) return 1
        if (invalid) {
          yield* warn("invalid input")
          return 1
        }
        return 0
      }),
  })
