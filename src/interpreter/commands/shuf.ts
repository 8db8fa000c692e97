import { Data, Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { inputFromStream, makeCollector, type BrokenPipe, type Input } from "../Io.ts"
import type { VfsError } from "../../vfs/VfsError.ts"
import { lineReader, openInput, readOperand, reportFile, splitLines } from "./shared/LineReader.ts"
import {
  bytesFromInput,
  makeRandint,
  makeRandintSync,
  systemBytes,
  type RandomEnd,
  type Randint,
} from "./shared/RandomSource.ts"
import { makeSink } from "./shared/Sink.ts"

/** GNU reads a regular file whole up to this size; beyond it, and from pipes, `-n` samples a reservoir. */
const RESERVOIR_MIN_INPUT = 8192 * 1024

type Rand = Randint<RandomEnd | VfsError>

/** Reading the input (not the random source) failed. */
class InputFailed extends Data.TaggedError("InputFailed")<{ readonly error: VfsError }> {}

/** gnulib's randperm_new: the first `h` entries of a Fisher-Yates shuffle of 0..n-1 (sparse, so n may be huge). */
const randperm = (r: Rand, h: number, n: number) =>
  Effect.gen(function* () {
    if (h === 0) return []
    if (h === 1) return [Number(yield* r.choose(BigInt(n)))]
    const v = new Map<number, number>()
    const out: Array<number> = []
    for (let i = 0; i < h; i++) {
      const j = i + Number(yield* r.choose(BigInt(n - i)))
      const vi = v.get(i) ?? i
      const vj = v.get(j) ?? j
      v.set(j, vi)
      out.push(vj)
    }
    return out
  })

const parseRange = (text: string): { lo: number; hi: number } | undefined => {
  const m = /^\s*\+?(\d+)-\s*\+?(\d+)$/.exec(text)
  if (m === null) return undefined
  const lo = Number(m[1])
  const hi = Number(m[2])
  return lo <= hi + 1 ? { lo, hi } : undefined
}

/** `shuf`: write a random permutation of the input lines. */
export const shuf = make("shuf", {
  summary: "Write a random permutation of the input lines to standard output.",
  flags: {
    echo: Flag.boolean("e", "echo", "treat each ARG as an input line"),
    inputRange: Flag.list("i", "input-range", "treat each number LO through HI as an input line", { arg: "LO-HI" }),
    headCount: Flag.list("n", "head-count", "output at most COUNT lines", { arg: "COUNT" }),
    output: Flag.list("o", "output", "write result to FILE instead of standard output", { arg: "FILE" }),
    randomSource: Flag.list(null, "random-source", "get random bytes from FILE", { arg: "FILE" }),
    repeat: Flag.boolean("r", "repeat", "output lines can be repeated"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "[FILE]" },
  details: "With no FILE, or when FILE is -, read standard input.",
  run: ({ flags, operands, ctx, name, usage, warn }) =>
    Effect.gen(function* () {
      const fail = (message: string) => Effect.as(warn(message), 1)
      if (flags.inputRange.length > 1) return yield* fail("multiple -i options specified")
      let range: { lo: number; hi: number } | undefined
      if (flags.inputRange.length === 1) {
        range = parseRange(flags.inputRange[0])
        if (range === undefined) return yield* fail(`invalid input range: ${quote(flags.inputRange[0])}`)
      }
      let head = Infinity
      for (const n of flags.headCount) {
        if (!/^\s*\+?\d+$/.test(n)) return yield* fail(`invalid line count: ${quote(n)}`)
        head = Math.min(head, Number(n))
      }
      for (const list of [flags.output, flags.randomSource]) {
        if (list.some((o) => o !== list[0])) {
          return yield* fail(
            list === flags.output ? "multiple output files specified" : "multiple random sources specified",
          )
        }
      }
      if (flags.echo && range !== undefined) return yield* usage("cannot combine -e and -i options")
      if (range !== undefined ? operands.length > 0 : !flags.echo && operands.length > 1) {
        return yield* usage(`extra operand ${quote(operands[range !== undefined ? 0 : 1])}`)
      }
      const eol = flags.zeroTerminated ? 0 : 10
      const encoder = new TextEncoder()
      const out = flags.output.length > 0 ? makeCollector() : undefined
      const sink = makeSink(out?.output ?? ctx.stdout)

      const withSource = <A>(use: (r: Rand) => Effect.Effect<A, RandomEnd | VfsError | InputFailed | BrokenPipe>) => {
        const file = flags.randomSource[0]
        if (file === undefined) return use(makeRandintSync(systemBytes()))
        return Effect.scoped(Effect.flatMap(openInput(ctx, file), (input) => use(makeRandint(bytesFromInput(input)))))
      }

      // Lines (each with its delimiter) or the numbers of a range.
      let lines: Array<Uint8Array> = []
      let count = 0
      let reservoir = false
      let source: Input | undefined
      if (head === 0) count = 0
      else if (flags.echo) {
        lines = operands.map((o) => {
          const b = encoder.encode(o)
          const l = new Uint8Array(b.length + 1)
          l.set(b)
          l[b.length] = eol
          return l
        })
        count = lines.length
      } else if (range !== undefined) count = range.hi - range.lo + 1
      else {
        const file = operands[0] ?? "-"
        if (head !== Infinity && !flags.repeat) {
          if (file === "-") reservoir = true
          else {
            const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(file)))
            reservoir = st._tag === "Success" && (st.success.size === null || st.success.size > RESERVOIR_MIN_INPUT)
          }
        }
        if (reservoir) source = file === "-" ? ctx.stdin : undefined
        else {
          const read = yield* Effect.result(readOperand(ctx, file))
          if (read._tag === "Failure") return yield* reportFile(ctx, name, file, read.failure)
          lines = splitLines(read.success, eol).map((l) => {
            const withEol = new Uint8Array(l.length + 1)
            withEol.set(l)
            withEol[l.length] = eol
            return withEol
          })
          count = lines.length
        }
      }
      const ahead = reservoir || flags.repeat || head < count ? head : count
      if (flags.repeat && ahead > 0 && count === 0) return yield* fail("no lines to repeat")

      const body = (r: Rand) =>
        Effect.gen(function* () {
          if (reservoir) {
            const file = operands[0] ?? "-"
            const sample = (input: Input) =>
              Effect.gen(function* () {
                const lines = lineReader(input, eol)
                const reader = {
                  next: Effect.catchTag(lines.next, "VfsError", (error) => Effect.fail(new InputFailed({ error }))),
                }
                const rsrv: Array<Uint8Array> = []
                let n = 0
                let more = true
                while (n < ahead) {
                  const line = yield* reader.next
                  if (line === null) {
                    more = false
                    break
                  }
                  rsrv.push(line.bytes)
                  n++
                }
                // GNU draws once more before finding the end of input.
                while (more) {
                  const j = Number(yield* r.choose(BigInt(n + 1)))
                  const line = yield* reader.next
                  if (line === null) break
                  if (j < ahead) rsrv[j] = line.bytes
                  n++
                }
                const perm = yield* randperm(r, rsrv.length, rsrv.length)
                for (const i of perm) {
                  sink.push(rsrv[i])
                  sink.byte(eol)
                }
              })
            if (source !== undefined) return yield* sample(source)
            return yield* Effect.scoped(
              Effect.flatMap(inputFromStream(ctx.fs.read(ctx.resolve(file))), (input) =>
                Effect.flatMap(
                  Effect.catchTag(input.read, "VfsError", (error) => Effect.fail(new InputFailed({ error }))),
                  (first) => {
                    if (first !== null) input.unread(first)
                    return sample(input)
                  },
                ),
              ),
            )
          }
          const emit = (i: number) => {
            if (range !== undefined) sink.text(`${range.lo + i}${String.fromCharCode(eol)}`)
            else sink.push(lines[i])
          }
          if (flags.repeat) {
            for (let k = 0; k < ahead; k++) {
              emit(Number(yield* r.choose(BigInt(count))))
              yield* sink.flushIfFull
            }
            return
          }
          for (const i of yield* randperm(r, ahead, count)) {
            emit(i)
            yield* sink.flushIfFull
          }
        })

      const result = yield* Effect.result(withSource(body))
      if (result._tag === "Failure") {
        const e = result.failure
        yield* sink.flush
        if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
        if (e._tag === "RandomEnd") return yield* fail(`${quote(flags.randomSource[0] ?? "")}: end of file`)
        if (e._tag === "InputFailed") return yield* reportFile(ctx, name, operands[0] ?? "-", e.error)
        return yield* reportFile(ctx, name, flags.randomSource[0] ?? "-", e)
      }
      yield* sink.flush
      if (out !== undefined) {
        const target = flags.output[0]
        const written = yield* Effect.result(ctx.fs.writeFile(ctx.resolve(target), out.bytes()))
        if (written._tag === "Failure") return yield* reportFile(ctx, name, target, written.failure)
      }
      return 0
    }),
})
