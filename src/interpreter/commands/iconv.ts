import { errorText } from "../ExitStatus.ts"
import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { concat, makeCollector, type Output } from "../Io.ts"
import { withInput } from "./shared/Files.ts"
import { makeSink } from "./shared/Sink.ts"
import { allNames, findCodec, type Codec } from "./iconv/Codecs.ts"
import { transliterate } from "./iconv/Translit.ts"

/** The C locale's charset, iconv's default on both sides. */
const LOCALE_CHARSET = "ANSI_X3.4-1968"

/** `iconv` (glibc): convert text from one character encoding to another, streaming. */
export const iconv = make("iconv", {
  summary: "Convert encoding of given files from one encoding to another.",
  flags: {
    fromCode: Flag.string("f", "from-code", "encoding of original text", { arg: "NAME" }),
    toCode: Flag.string("t", "to-code", "encoding for output", { arg: "NAME" }),
    list: Flag.boolean("l", "list", "list all known coded character sets"),
    omitInvalid: Flag.boolean("c", null, "omit invalid characters from output"),
    output: Flag.string("o", "output", "output file", { arg: "FILE" }),
    silent: Flag.boolean("s", "silent", "suppress warnings"),
    verbose: Flag.boolean(null, "verbose", "print progress information"),
  },
  operands: { usage: "[FILE...]" },
  run: ({ flags, operands, ctx, warn }) =>
    Effect.gen(function* () {
      if (flags.list) {
        const sink = makeSink(ctx.stdout)
        for (const n of allNames()) sink.text(`${n}//\n`)
        yield* sink.flush
        return 0
      }
      const toSpec = flags.toCode ?? LOCALE_CHARSET
      const from = findCodec(flags.fromCode ?? LOCALE_CHARSET)
      const to = findCodec(toSpec)
      if (from === undefined || to === undefined) {
        yield* warn("failed to start conversion processing")
        return 1
      }
      const suffixes = toSpec.toUpperCase().split("//").slice(1)
      const translit = suffixes.includes("TRANSLIT")
      const ignore = suffixes.includes("IGNORE")
      const collector = flags.output === undefined ? undefined : makeCollector()
      const out: Output = collector?.output ?? ctx.stdout
      const sink = makeSink(out)
      if (to.bom) for (const b of to.bom) sink.byte(b)

      /** Encode one code point; false when it cannot be written and must be skipped or reported. */
      const put = (cp: number): boolean => {
        const bytes = to.encode(cp)
        if (bytes !== null) {
          for (const b of bytes) sink.byte(b)
          return true
        }
        if (translit) {
          const alt = transliterate(cp)
          const encoded = alt === undefined ? null : [...alt].map((c) => to.encode(c.codePointAt(0) ?? 63))
          if (encoded !== null && encoded.every((e) => e !== null)) {
            for (const e of encoded) if (e !== null) for (const b of e) sink.byte(b)
            return true
          }
          for (const b of to.encode(63) ?? []) sink.byte(b)
          return true
        }
        return false
      }

      let status = 0
      for (const operand of operands.length === 0 ? ["-"] : operands) {
        let codec: Codec = from
        let first = true
        let carry: Uint8Array = new Uint8Array(0)
        let offset = 0
        let skipped = false
        let failure: string | undefined
        const convert = (bytes: Uint8Array, final: boolean): number => {
          let p = 0
          if (first && codec.withBom && (bytes.length >= 4 || final)) {
            const picked = codec.withBom(bytes)
            if (picked !== undefined) {
              codec = picked.codec
              p = picked.skip
            }
            first = false
          } else if (first && !codec.withBom) first = false
          if (first) return 0
          const copyAscii = codec.ascii === true && to.ascii === true
          while (p < bytes.length) {
            if (copyAscii && bytes[p] < 0x80) {
              sink.byte(bytes[p++])
              continue
            }
            const d = codec.decode(bytes, p)
            if (d === "incomplete") {
              if (!final) return p
              failure = "incomplete character or shift sequence at end of buffer"
              return bytes.length
            }
            if (d === "illegal" || !put(d.cp)) {
              if (flags.omitInvalid || ignore) {
                skipped = true
                p += d === "illegal" ? 1 : d.len
                continue
              }
              failure = `illegal input sequence at position ${offset + p}`
              return bytes.length
            }
            p += d.len
          }
          return p
        }
        const result = yield* Effect.result(
          withInput(ctx, operand, (input) =>
            Effect.gen(function* () {
              while (failure === undefined) {
                const chunk = yield* input.read
                if (chunk === null) break
                const bytes = carry.length > 0 ? concat([carry, chunk]) : chunk
                const used = convert(bytes, false)
                carry = bytes.subarray(used)
                offset += used
                yield* sink.flushIfFull
              }
              if (failure === undefined) offset += convert(carry, true)
            }),
          ),
        )
        if (result._tag === "Failure") {
          if (result.failure._tag === "BrokenPipe") return yield* Effect.fail(result.failure)
          yield* sink.flush
          yield* warn(`cannot open input file \`${operand}': ${errorText(result.failure)}`)
          status = 1
          continue
        }
        if (failure !== undefined) {
          yield* sink.flush
          yield* warn(failure)
          status = 1
          break
        }
        if (ignore && skipped) {
          yield* sink.flush
          yield* warn(`illegal input sequence at position ${offset}`)
          status = 1
        }
      }
      yield* sink.flush
      if (collector !== undefined && flags.output !== undefined) {
        const written = yield* Effect.result(ctx.fs.writeFile(ctx.resolve(flags.output), collector.bytes()))
        if (written._tag === "Failure") {
          yield* warn(`cannot open output file: ${errorText(written.failure)}`)
          return 1
        }
      }
      return status
    }),
})
