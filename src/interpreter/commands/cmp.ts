import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { inputFromStream, writeText, type Input } from "../Io.ts"
import { parseCount } from "./shared/Numbers.ts"
import { makeSink } from "./shared/Sink.ts"

/**
 * `cmp` (GNU diffutils 3.8): compare two files byte by byte, streaming
 * both. Status 0 when equal, 1 at the first difference (or EOF of one), 2
 * on trouble.
 */

/** `cat -v` notation of a byte, as `cmp -b` prints it. */
const visible = (b: number): string => {
  let s = ""
  if (b >= 128) {
    s = "M-"
    b -= 128
  }
  if (b < 32) return `${s}^${String.fromCharCode(b + 64)}`
  if (b === 127) return `${s}^?`
  return s + String.fromCharCode(b)
}

const octal = (b: number) => b.toString(8).padStart(3, " ")

/** Read and drop `n` bytes; false when the input ends first. */
const skip = (input: Input, n: number) =>
  Effect.gen(function* () {
    while (n > 0) {
      const chunk = yield* input.read
      if (chunk === null) return
      if (chunk.length > n) input.unread(chunk.subarray(n))
      n -= Math.min(n, chunk.length)
    }
  })

const flags = {
  printBytes: Flag.boolean("b", "print-bytes", "print differing bytes"),
  ignoreInitial: Flag.string("i", "ignore-initial", "skip first SKIP bytes of both inputs (or SKIP1:SKIP2)", {
    arg: "SKIP",
  }),
  verbose: Flag.boolean("l", "verbose", "output byte numbers and differing byte values"),
  bytes: Flag.string("n", "bytes", "compare at most LIMIT bytes", { arg: "LIMIT" }),
  silent: Flag.boolean("s", ["quiet", "silent"], "suppress all normal output"),
}

const HELP = `Usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]\nCompare two files byte by byte.\n\n${Flag.describeFlags(flags)}\n\nSKIP values may be followed by the suffixes kB K MB M GB G TB T PB P EB E ZB Z YB Y.\n`

/** `cmp`: compare two files byte by byte. */
export const cmp = make("cmp", {
  summary: "Compare two files byte by byte.",
  flags,
  operands: { usage: "FILE1 [FILE2 [SKIP1 [SKIP2]]]" },
  raw: true,
  run: ({ operands: args, ctx }) =>
    Effect.gen(function* () {
      // diffutils words usage errors with its name on the "Try" line too.
      const fail = (message: string) =>
        Effect.as(writeText(ctx.stderr, `cmp: ${message}\ncmp: Try 'cmp --help' for more information.\n`), 2)
      const parsed = Flag.parse(flags, args)
      if (parsed._tag === "Help") return yield* Effect.as(writeText(ctx.stdout, HELP), 0)
      if (parsed._tag === "Version") return yield* Effect.as(writeText(ctx.stdout, "cmp (GNU diffutils) 3.8\n"), 0)
      if (parsed._tag === "UsageError") return yield* fail(parsed.message)
      const { flags: f, operands } = parsed
      if (f.verbose && f.silent) return yield* fail("options -l and -s are incompatible")
      if (operands.length === 0) return yield* fail("missing operand after 'cmp'")
      const skips = [0, 0]
      if (f.ignoreInitial !== undefined) {
        const [s1, s2 = s1] = f.ignoreInitial.split(":")
        const a = parseCount(s1)
        const b = parseCount(s2)
        if (a === undefined || b === undefined || f.ignoreInitial.split(":").length > 2)
          return yield* fail(`invalid --ignore-initial value '${f.ignoreInitial}'`)
        skips[0] = a
        skips[1] = b
      }
      for (let k = 2; k < Math.min(operands.length, 4); k++) {
        const n = parseCount(operands[k])
        if (n === undefined) return yield* fail(`invalid --ignore-initial value '${operands[k]}'`)
        skips[k - 2] = n
      }
      if (operands.length > 4) return yield* fail(`extra operand '${operands[4]}'`)
      let limit = Infinity
      if (f.bytes !== undefined) {
        const n = parseCount(f.bytes)
        if (n === undefined) return yield* fail(`invalid --bytes value '${f.bytes}'`)
        limit = n
      }
      const names = [operands[0], operands[1] ?? "-"]
      if (names[0] === "-" && names[1] === "-" && skips[0] === skips[1]) return 0
      const sizes: Array<number | undefined> = [undefined, undefined]
      for (let f = 0; f < 2; f++) {
        if (names[f] === "-") continue
        const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(names[f])))
        if (st._tag === "Failure")
          return yield* Effect.as(writeText(ctx.stderr, `cmp: ${names[f]}: ${errorText(st.failure)}\n`), 2)
        if (st.success.type === "directory")
          return yield* Effect.as(writeText(ctx.stderr, `cmp: ${names[f]}: Is a directory\n`), 2)
        const size = st.success.size
        if (size !== null) sizes[f] = Math.max(0, size - skips[f])
      }
      let widthMax = limit
      for (const s of sizes) if (s !== undefined && s < widthMax) widthMax = s
      const width = widthMax === Infinity ? 19 : String(Math.max(0, Math.floor(widthMax))).length

      const sink = makeSink(ctx.stdout)
      const compare = (in0: Input, in1: Input) =>
        Effect.gen(function* () {
          yield* skip(in0, skips[0])
          yield* skip(in1, skips[1])
          const inputs = [in0, in1]
          const bufs: Array<Uint8Array> = [new Uint8Array(0), new Uint8Array(0)]
          const pos = [0, 0]
          let byte = 0
          let newlines = 0
          let lastNewline = false
          let differed = false
          while (byte < limit) {
            for (let f = 0; f < 2; f++) {
              if (pos[f] < bufs[f].length) continue
              const chunk = yield* inputs[f].read
              bufs[f] = chunk ?? new Uint8Array(0)
              pos[f] = 0
            }
            const avail = Math.min(bufs[0].length - pos[0], bufs[1].length - pos[1], limit - byte)
            if (avail <= 0) {
              const ended = bufs[0].length - pos[0] === 0 ? 0 : 1
              const otherEnded = bufs[1 - ended].length - pos[1 - ended] === 0
              if (otherEnded || byte >= limit) break
              if (!f.silent) {
                yield* sink.flush
                const where =
                  byte === 0
                    ? "which is empty"
                    : f.verbose
                      ? `after byte ${byte}`
                      : `after byte ${byte}, ${lastNewline ? `line ${newlines}` : `in line ${newlines + 1}`}`
                yield* writeText(ctx.stderr, `cmp: EOF on ${names[ended]} ${where}\n`)
              }
              return 1
            }
            const a = bufs[0]
            const b = bufs[1]
            for (let k = 0; k < avail; k++) {
              const x = a[pos[0] + k]
              const y = b[pos[1] + k]
              if (x !== y) {
                const n = byte + k + 1
                if (f.silent) return 1
                if (!f.verbose) {
                  const extra = f.printBytes ? ` is ${octal(x)} ${visible(x)} ${octal(y)} ${visible(y)}` : ""
                  // POSIX's wording in the C locale, unless the bytes are shown.
                  const unit = f.printBytes ? "byte" : "char"
                  sink.latin1(`${names[0]} ${names[1]} differ: ${unit} ${n}, line ${newlines + 1}${extra}\n`)
                  yield* sink.flush
                  return 1
                }
                differed = true
                const num = String(n).padStart(width, " ")
                sink.latin1(
                  f.printBytes
                    ? `${num} ${octal(x)} ${visible(x).padEnd(4, " ")} ${octal(y)} ${visible(y)}\n`
                    : `${num} ${octal(x)} ${octal(y)}\n`,
                )
              } else if (x === 10) newlines++
            }
            lastNewline = a[pos[0] + avail - 1] === 10
            byte += avail
            pos[0] += avail
            pos[1] += avail
            yield* sink.flushIfFull
          }
          yield* sink.flush
          return differed ? 1 : 0
        })

      const open = (f: number) =>
        names[f] === "-" ? Effect.succeed(ctx.stdin) : inputFromStream(ctx.fs.read(ctx.resolve(names[f])))
      const compared = Effect.scoped(
        Effect.gen(function* () {
          const in0 = yield* open(0)
          const in1 = names[0] === "-" && names[1] === "-" ? in0 : yield* open(1)
          return yield* compare(in0, in1)
        }),
      )
      return yield* Effect.catchTag(compared, "VfsError", (e) =>
        Effect.gen(function* () {
          yield* sink.flush
          const name = names[1] !== "-" && e.path === ctx.resolve(names[1]) ? names[1] : names[0]
          return yield* Effect.as(writeText(ctx.stderr, `cmp: ${name}: ${errorText(e)}\n`), 2)
        }),
      )
    }),
})
