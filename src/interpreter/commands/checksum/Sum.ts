import { Effect } from "effect"
import * as Flag from "../../Argv.ts"
import { make, type DeclaredCommand, type RunInput } from "../../Command.ts"
import { quoteIfNeeded, report } from "../../ExitStatus.ts"
import { makeSink } from "../shared/Sink.ts"
import { DIGESTS, toHex } from "./Algorithms.ts"
import { checkFiles } from "./Check.ts"
import { formatLine, hashOperand, tagOf } from "./Hash.ts"

const flags = {
  binary: Flag.boolean("b", "binary", "read in binary mode"),
  check: Flag.boolean("c", "check", "read checksums from the FILEs and check them"),
  tag: Flag.boolean(null, "tag", "create a BSD-style checksum"),
  text: Flag.boolean("t", "text", "read in text mode (default)"),
  zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline, and disable file name escaping"),
  ignoreMissing: Flag.boolean(null, "ignore-missing", "don't fail or report status for missing files"),
  quiet: Flag.boolean(null, "quiet", "don't print OK for each successfully verified file"),
  status: Flag.boolean(null, "status", "don't output anything, status code shows success"),
  strict: Flag.boolean(null, "strict", "exit non-zero for improperly formatted checksum lines"),
  warn: Flag.boolean("w", "warn", "warn about improperly formatted checksum lines"),
}

const lengthFlag = {
  length: Flag.string(
    "l",
    "length",
    "digest length in bits; must not exceed the maximum for the blake2 algorithm and must be a multiple of 8",
    { arg: "BITS" },
  ),
}

/**
 * A `*sum` command (`md5sum`, `sha256sum`, `b2sum`...): print or check
 * digests of files, read as streams.
 */
export const makeSumCommand = (name: string, algorithm: string, summary: string): DeclaredCommand => {
  const digest = DIGESTS[algorithm]
  const blake = algorithm === "blake2b"
  const common = {
    summary: `Print or check ${summary} checksums.`,
    operands: { usage: "[FILE]..." },
    details: "With no FILE, or when FILE is -, read standard input.",
  }
  const run = (
    { flags: f, occurrences, operands, ctx, usage, warn }: RunInput<typeof flags>,
    length: string | undefined,
  ) =>
    Effect.gen(function* () {
      let bits = digest.bits
      if (length !== undefined) {
        const n = /^\d+$/.test(length.trim()) ? Number(length.trim()) : NaN
        if (Number.isNaN(n) || n > digest.bits) {
          yield* warn(`invalid length: '${length}'`)
          if (!Number.isNaN(n)) yield* warn(`maximum digest length for 'BLAKE2b' is ${digest.bits} bits`)
          return 1
        }
        if (n % 8 !== 0) {
          yield* warn(`invalid length: '${length}'`)
          yield* warn("length is not a multiple of 8")
          return 1
        }
        if (n > 0) bits = n
      }
      const modeGiven = occurrences.some((o) => o.key === "binary" || o.key === "text")
      if (f.zero && f.check) return yield* usage("the --zero option is not supported when verifying checksums")
      if (f.tag && f.check) return yield* usage("the --tag option is meaningless when verifying checksums")
      if (modeGiven && f.check)
        return yield* usage("the --binary and --text options are meaningless when verifying checksums")
      for (const [key, long] of [
        ["ignoreMissing", "ignore-missing"],
        ["status", "status"],
        ["warn", "warn"],
        ["quiet", "quiet"],
        ["strict", "strict"],
      ] as const) {
        if (f[key] && !f.check) return yield* usage(`the --${long} option is meaningful only when verifying checksums`)
      }
      const lastMode = occurrences.filter((o) => o.key === "binary" || o.key === "text").at(-1)?.key
      if (f.tag && lastMode === "text") return yield* usage("--tag does not support --text mode")
      if (f.check) {
        return yield* checkFiles(ctx, operands, {
          name,
          digest,
          quiet: f.quiet,
          status: f.status,
          strict: f.strict,
          warn: f.warn,
          ignoreMissing: f.ignoreMissing,
        })
      }
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const hasher = digest.create(bits)
        const failed = yield* hashOperand(ctx, operand, hasher.update).pipe(
          Effect.as(false),
          Effect.catchTag("VfsError", (error) =>
            Effect.andThen(sink.flush, Effect.as(report(ctx.stderr, name, quoteIfNeeded(operand), error), true)),
          ),
        )
        if (failed) {
          status = 1
          continue
        }
        sink.text(
          formatLine({
            hex: toHex(hasher.digest()),
            name: operand,
            tag: f.tag ? tagOf(digest.tag, bits, digest.bits) : undefined,
            binary: lastMode === "binary",
            zero: f.zero,
          }),
        )
        yield* sink.flushIfFull
      }
      yield* sink.flush
      return status
    })
  return blake
    ? make(name, { ...common, flags: { ...flags, ...lengthFlag }, run: (input) => run(input, input.flags.length) })
    : make(name, { ...common, flags, run: (input) => run(input, undefined) })
}
