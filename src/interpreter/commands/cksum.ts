import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { DIGESTS, LEGACY, toHex } from "./checksum/Algorithms.ts"
import { checkFiles } from "./checksum/Check.ts"
import { formatLine, hashOperand, tagOf } from "./checksum/Hash.ts"
import { makeSink } from "./shared/Sink.ts"

const ALGORITHMS = ["bsd", "sysv", "crc", "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake2b", "sm3"]

/**
 * `cksum`: the POSIX CRC by default; `-a` picks another digest (coreutils 9
 * style), printed BSD-tagged unless `--untagged`.
 */
export const cksum = make("cksum", {
  summary: "Print or verify checksums.\nBy default use the 32 bit CRC algorithm.",
  flags: {
    algorithm: Flag.string("a", "algorithm", "select the digest type to use.  See DIGEST below.", { arg: "TYPE" }),
    check: Flag.boolean("c", "check", "read checksums from the FILEs and check them"),
    length: Flag.string(
      "l",
      "length",
      "digest length in bits; must not exceed the max for the blake2 algorithm and must be a multiple of 8",
      { arg: "BITS" },
    ),
    tag: Flag.boolean(null, "tag", "create a BSD-style checksum (the default)"),
    untagged: Flag.boolean(null, "untagged", "create a reversed style checksum, without digest type"),
    zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline, and disable file name escaping"),
    ignoreMissing: Flag.boolean(null, "ignore-missing", "don't fail or report status for missing files"),
    quiet: Flag.boolean(null, "quiet", "don't print OK for each successfully verified file"),
    status: Flag.boolean(null, "status", "don't output anything, status code shows success"),
    strict: Flag.boolean(null, "strict", "exit non-zero for improperly formatted checksum lines"),
    warn: Flag.boolean("w", "warn", "warn about improperly formatted checksum lines"),
    debug: Flag.boolean(null, "debug", "indicate which implementation used"),
  },
  operands: { usage: "[FILE]..." },
  details: `With no FILE, or when FILE is -, read standard input.\n\nDIGEST is one of: ${ALGORITHMS.filter((a) => a !== "sm3").join(", ")}.`,
  run: ({ flags, occurrences, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const algorithm = flags.algorithm ?? "crc"
      // SM3 is listed as GNU lists it, but not implemented: it is refused like an unknown name.
      const chosen = ALGORITHMS.includes(algorithm) && algorithm !== "sm3" ? algorithm : undefined
      if (chosen === undefined) {
        const list = ALGORITHMS.map((a) => `  - '${a}'`).join("\n")
        return yield* usage(`invalid argument '${algorithm}' for '--algorithm'\nValid arguments are:\n${list}`)
      }
      const digest = DIGESTS[chosen]
      let bits = digest?.bits ?? 0
      if (flags.length !== undefined) {
        if (chosen !== "blake2b") {
          yield* warn("--length is only supported with --algorithm=blake2b")
          return 1
        }
        const n = /^\d+$/.test(flags.length.trim()) ? Number(flags.length.trim()) : NaN
        if (Number.isNaN(n) || n > 512 || n % 8 !== 0) {
          yield* warn(`invalid length: '${flags.length}'`)
          if (n > 512) yield* warn("maximum digest length for 'BLAKE2b' is 512 bits")
          else if (!Number.isNaN(n)) yield* warn("length is not a multiple of 8")
          return 1
        }
        if (n > 0) bits = n
      }
      if (flags.zero && flags.check) return yield* usage("the --zero option is not supported when verifying checksums")
      for (const [key, long] of [
        ["ignoreMissing", "ignore-missing"],
        ["status", "status"],
        ["warn", "warn"],
        ["quiet", "quiet"],
        ["strict", "strict"],
      ] as const) {
        if (flags[key] && !flags.check)
          return yield* usage(`the --${long} option is meaningful only when verifying checksums`)
      }
      if (flags.check) {
        if (flags.algorithm !== undefined && digest === undefined) {
          yield* warn("--check is not supported with --algorithm={bsd,sysv,crc}")
          return 1
        }
        const options = {
          name: "cksum",
          digest: flags.algorithm === undefined ? undefined : digest,
          quiet: flags.quiet,
          status: flags.status,
          strict: flags.strict,
          warn: flags.warn,
          ignoreMissing: flags.ignoreMissing,
        }
        return yield* checkFiles(ctx, operands, options, flags.algorithm === undefined)
      }
      const lastStyle = occurrences.filter((o) => o.key === "tag" || o.key === "untagged").at(-1)?.key
      const tagged = lastStyle !== "untagged"
      const end = flags.zero ? "\u0000" : "\n"
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        const legacy = LEGACY[chosen]?.()
        const hasher = digest?.create(bits)
        const update = legacy?.update ?? hasher?.update ?? (() => {})
        const failed = yield* hashOperand(ctx, operand, update).pipe(
          Effect.as(false),
          Effect.catchTag("VfsError", (error) =>
            // GNU's CRC path reads a directory as empty rather than failing.
            chosen === "crc" && error.reason === "IsADirectory"
              ? Effect.succeed(false)
              : Effect.andThen(sink.flush, Effect.as(report(ctx.stderr, "cksum", quoteIfNeeded(operand), error), true)),
          ),
        )
        if (failed) {
          status = 1
          continue
        }
        if (legacy !== undefined) {
          sink.text(`${legacy.result()}${operands.length > 0 ? ` ${operand}` : ""}${end}`)
        } else if (hasher !== undefined) {
          const hex = toHex(hasher.digest())
          const tag = tagged ? tagOf(digest.tag, bits, digest.bits) : undefined
          sink.text(formatLine({ hex, name: operand, tag, binary: false, zero: flags.zero }))
        }
        yield* sink.flushIfFull
      }
      yield* sink.flush
      return status
    }),
})
