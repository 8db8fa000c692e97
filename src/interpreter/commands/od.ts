import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import type { BrokenPipe, Input } from "../Io.ts"
import { makeSink } from "./shared/Sink.ts"
import { decodeTypes, fieldText, type Spec } from "./od/Formats.ts"

const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, G: 3, T: 4, P: 5, E: 6, Z: 7, Y: 8 }

/** xstrtoumax with base 0 and od's suffixes (`0x10`, `010`, `1k`, `2KiB`, `3b`). */
const parseSize = (text: string, option: string): number | string => {
  const m = /^\s*\+?(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(.*)$/.exec(text)
  if (m === null) return `invalid ${option} argument '${text}'`
  let n = Number(
    m[1].startsWith("0x") || m[1].startsWith("0X")
      ? m[1]
      : m[1].length > 1 && m[1][0] === "0"
        ? `0o${m[1].slice(1)}`
        : m[1],
  )
  const suffix = m[2]
  if (suffix !== "") {
    const s = /^([bkKmMGTPEZY])(iB|B)?$/.exec(suffix)
    if (s === null) return `invalid suffix in ${option} argument '${text}'`
    n *= s[1] === "b" ? 512 : (s[2] === "B" ? 1000 : 1024) ** POWERS[s[1]]
  }
  return n
}

/** `[+]offset[.][b]`, the traditional offset operand: octal, or decimal with a `.`, or 0x hex. */
const parseOldOffset = (text: string): number | undefined => {
  let s = text.startsWith("+") ? text.slice(1) : text
  let multiplier = 1
  if (s.endsWith("b") || s.endsWith("B")) {
    multiplier = 512
    s = s.slice(0, -1)
  }
  if (s.includes(".")) {
    const m = /^(\d+)\.$/.exec(s)
    return m === null ? undefined : Number(m[1]) * multiplier
  }
  if (/^0[xX][0-9a-fA-F]+$/.test(s)) return Number(s) * multiplier
  if (/^[0-7]+$/.test(s)) return parseInt(s, 8) * multiplier
  return undefined
}

/** The default format, `-t oS`. */
const OCTAL_SHORTS: Spec = { kind: "o", size: 2, width: 6, trailer: false }

const OLD_FORMATS: Record<string, string> = {
  a: "a",
  b: "o1",
  c: "c",
  d: "u2",
  f: "fF",
  i: "dI",
  l: "dL",
  o: "o2",
  s: "d2",
  x: "x2",
}

/** Feed chunks while `more()` holds, leaving the rest of the input unread. */
const eachChunkWhile = (
  input: Input,
  more: () => boolean,
  onChunk: (chunk: Uint8Array) => Effect.Effect<void, BrokenPipe>,
) =>
  Effect.gen(function* () {
    while (more()) {
      const chunk = yield* input.read
      if (chunk === null) return
      yield* onChunk(chunk)
    }
  })

/** `-w` takes its argument only attached (`-w8`); make that explicit for the shared parser. */
const widthOption = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--") {
      out.push(...args.slice(i))
      break
    }
    const m = /^-([a-zA-Z]*)w(.*)$/.exec(a)
    if (m !== null && !/[AjNSt]/.test(m[1])) {
      if (m[1] !== "") out.push(`-${m[1]}`)
      out.push(m[2] === "" ? "--width" : `--width=${m[2]}`)
    } else out.push(a)
  }
  return out
}

/** `od`: dump files in octal and other formats. */
export const od = make("od", {
  summary: "Write an unambiguous representation, octal bytes by default, of FILE to standard output.",
  flags: {
    addressRadix: Flag.string("A", "address-radix", "output format for file offsets; RADIX is one of [doxn]", {
      arg: "RADIX",
    }),
    endian: Flag.string(null, "endian", "swap input bytes according the specified order", { arg: "{big|little}" }),
    skipBytes: Flag.string("j", "skip-bytes", "skip BYTES input bytes first", { arg: "BYTES" }),
    readBytes: Flag.string("N", "read-bytes", "limit dump to BYTES input bytes", { arg: "BYTES" }),
    format: Flag.list("t", "format", "select output format or formats", { arg: "TYPE" }),
    outputDuplicates: Flag.boolean("v", "output-duplicates", "do not use * to mark line suppression"),
    width: Flag.string(null, "width", "output BYTES bytes per output line; 32 is implied when BYTES is not specified", {
      arg: "BYTES",
      optional: true,
    }),
    a: Flag.boolean("a", null, "same as -t a,  select named characters, ignoring high-order bit"),
    b: Flag.boolean("b", null, "same as -t o1, select octal bytes"),
    c: Flag.boolean("c", null, "same as -t c,  select printable characters or backslash escapes"),
    d: Flag.boolean("d", null, "same as -t u2, select unsigned decimal 2-byte units"),
    f: Flag.boolean("f", null, "same as -t fF, select floats"),
    i: Flag.boolean("i", null, "same as -t dI, select decimal ints"),
    l: Flag.boolean("l", null, "same as -t dL, select decimal longs"),
    o: Flag.boolean("o", null, "same as -t o2, select octal 2-byte units"),
    s: Flag.boolean("s", null, "same as -t d2, select decimal 2-byte units"),
    x: Flag.boolean("x", null, "same as -t x2, select hexadecimal 2-byte units"),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  preprocess: widthOption,
  run: ({ flags, operands, occurrences, ctx, name, warn, usage }) =>
    Effect.gen(function* () {
      const fail = (message: string) => Effect.as(warn(message), 1)
      const specs: Array<Spec> = []
      let modern = false
      for (const o of occurrences) {
        const text = o.key === "format" ? (o.value ?? "") : OLD_FORMATS[o.key]
        if (o.key !== "format" && OLD_FORMATS[o.key] === undefined) {
          if (o.key !== "endian") modern = true
          continue
        }
        if (o.key === "format") modern = true
        const decoded = decodeTypes(text)
        if (typeof decoded === "string") return yield* fail(decoded)
        specs.push(...decoded)
      }
      let radix = 8
      let padLen = 7
      if (flags.addressRadix !== undefined) {
        const r = flags.addressRadix[0]
        if (r === "d") radix = 10
        else if (r === "x") [radix, padLen] = [16, 6]
        else if (r === "n") [radix, padLen] = [0, 0]
        else if (r !== "o")
          return yield* fail(`invalid output address radix '${r ?? ""}'; it must be one character from [doxn]`)
      }
      let skip = 0
      if (flags.skipBytes !== undefined) {
        const n = parseSize(flags.skipBytes, "-j")
        if (typeof n === "string") return yield* fail(n)
        skip = n
      }
      let limit = Infinity
      if (flags.readBytes !== undefined) {
        const n = parseSize(flags.readBytes, "-N")
        if (typeof n === "string") return yield* fail(n)
        limit = n
      }
      let littleEndian = true
      if (flags.endian !== undefined) {
        if (flags.endian === "big") littleEndian = false
        else if (flags.endian !== "little") {
          return yield* usage(
            `invalid argument '${flags.endian}' for '--endian'\nValid arguments are:\n  - 'big'\n  - 'little'`,
          )
        }
      }
      let files = [...operands]
      if (!modern && (files.length === 1 || files.length === 2)) {
        const last = files[files.length - 1]
        const eligible = files.length === 1 ? last.startsWith("+") : last.startsWith("+") || /^\d/.test(last)
        const offset = eligible ? parseOldOffset(last) : undefined
        if (offset !== undefined) {
          skip = offset
          files = files.slice(0, -1)
        }
      }
      if (specs.length === 0) specs.push(OCTAL_SHORTS)
      const lcm = specs.reduce((m, s) => {
        const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))
        return (m * s.size) / gcd(m, s.size)
      }, 1)
      let perBlock = lcm < 16 ? lcm * Math.floor(16 / lcm) : lcm
      if (flags.width !== undefined || occurrences.some((o) => o.key === "width")) {
        const desired = flags.width === undefined || flags.width === "" ? 32 : Number(flags.width)
        if (!/^\d*$/.test(flags.width ?? "")) return yield* fail(`invalid -w argument '${flags.width}'`)
        if (desired !== 0 && desired % lcm === 0) perBlock = desired
        else {
          yield* warn(`warning: invalid width ${desired}; using ${lcm} instead`)
          perBlock = lcm
        }
      }
      let widthPerBlock = 0
      for (const s of specs) widthPerBlock = Math.max(widthPerBlock, (s.width + 1) * (perBlock / s.size))
      const pads = specs.map((s) => widthPerBlock - s.width * (perBlock / s.size))

      const sink = makeSink(ctx.stdout)
      const address = (n: number) => (radix === 0 ? "" : n.toString(radix).padStart(padLen, "0"))
      const block = new Uint8Array(perBlock + 16)
      const view = new DataView(block.buffer)
      let prev: Uint8Array | undefined
      let prevPairEqual = false
      let filled = 0
      let offset = skip
      let toSkip = skip
      let remaining = limit

      const writeBlock = (n: number) => {
        const same =
          !flags.outputDuplicates && prev !== undefined && n === perBlock && prev.every((b, i) => b === block[i])
        if (same) {
          if (!prevPairEqual) sink.text("*\n")
          prevPairEqual = true
        } else {
          prevPairEqual = false
          specs.forEach((spec, k) => {
            const fields = perBlock / spec.size
            const blank = Math.floor((perBlock - n) / spec.size)
            let line = k === 0 ? address(offset) : " ".repeat(padLen)
            let padRemaining = pads[k]
            for (let i = fields, at = 0; i > blank; i--, at += spec.size) {
              const nextPad = Math.floor((pads[k] * (i - 1)) / fields)
              line += fieldText(spec, view, at, littleEndian).padStart(padRemaining - nextPad + spec.width)
              padRemaining = nextPad
            }
            if (spec.trailer) {
              line += " ".repeat(blank * spec.width + Math.floor((pads[k] * blank) / fields)) + "  >"
              for (let i = 0; i < n; i++) line += block[i] >= 32 && block[i] < 127 ? String.fromCharCode(block[i]) : "."
              line += "<"
            }
            sink.latin1(line + "\n")
          })
        }
        prev = block.slice(0, perBlock)
        offset += n
      }

      const status = yield* forEachInput(
        ctx,
        files,
        (input) =>
          eachChunkWhile(
            input,
            () => remaining > 0,
            (chunk) => {
              let start = 0
              if (toSkip > 0) {
                start = Math.min(toSkip, chunk.length)
                toSkip -= start
              }
              while (start < chunk.length && remaining > 0) {
                const take = Math.min(chunk.length - start, perBlock - filled, remaining)
                block.set(chunk.subarray(start, start + take), filled)
                filled += take
                start += take
                remaining -= take
                if (filled === perBlock) {
                  writeBlock(perBlock)
                  filled = 0
                }
              }
              return sink.flushIfFull
            },
          ),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      if (toSkip > 0) {
        yield* sink.flush
        yield* warn("cannot skip past end of combined input")
        return 1
      }
      if (filled > 0) {
        block.fill(0, filled)
        writeBlock(filled)
      }
      if (radix !== 0) sink.text(address(offset) + "\n")
      yield* sink.flush
      return status
    }),
})
