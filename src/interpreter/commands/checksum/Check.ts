import { Effect } from "effect"
import type { CommandContext } from "../../Command.ts"
import { errorText, quoteIfNeeded } from "../../ExitStatus.ts"
import { writeText, type BrokenPipe } from "../../Io.ts"
import { withInput } from "../shared/Files.ts"
import { lineReader } from "../shared/LineReader.ts"
import { DIGESTS, toHex, type Digest } from "./Algorithms.ts"
import { hashOperand, unescapeName } from "./Hash.ts"

/** What `-c` reads from one checksum line. */
interface Entry {
  readonly digest: Digest
  readonly bits: number
  readonly hex: string
  readonly name: string
}

/** How to verify. */
export interface CheckOptions {
  /** The command name for messages. */
  readonly name: string
  /** The digest lines must use; undefined: any, named by its tag (`cksum -c`). */
  readonly digest: Digest | undefined
  readonly quiet: boolean
  readonly status: boolean
  readonly strict: boolean
  readonly warn: boolean
  readonly ignoreMissing: boolean
}

const BY_TAG = new Map(Object.values(DIGESTS).map((d) => [d.tag, d]))

const isHex = (s: string) => /^[0-9a-fA-F]+$/.test(s)

/** A hex digest of a valid length for `digest`, with its bit count. */
const digestBits = (digest: Digest, hex: string, bits: number | undefined): number | undefined => {
  if (!isHex(hex)) return undefined
  const got = hex.length * 4
  if (bits !== undefined) return got === bits ? bits : undefined
  if (digest.tag === "BLAKE2b") return got % 8 === 0 && got <= digest.bits && got > 0 ? got : undefined
  return got === digest.bits ? got : undefined
}

/** Parse a tagged line after the leading `\`: `TAG[-BITS] (NAME) = HEX`. */
const parseTagged = (s: string, escaped: boolean, only: Digest | undefined): Entry | undefined => {
  const m = /^([A-Za-z0-9]+?)(?:-(\d+))? ?\(/.exec(s)
  if (m === null) return undefined
  const digest = BY_TAG.get(m[1])
  if (digest === undefined || (only !== undefined && only !== digest)) return undefined
  const bits = m[2] === undefined ? undefined : Number(m[2])
  if (bits !== undefined && (digest.tag !== "BLAKE2b" || bits % 8 !== 0 || bits > digest.bits || bits === 0))
    return undefined
  const rest = s.slice(m[0].length)
  const close = rest.lastIndexOf(")")
  if (close === -1) return undefined
  const eq = /^\s*=\s*(.*)$/.exec(rest.slice(close + 1))
  if (eq === null) return undefined
  const raw = rest.slice(0, close)
  const name = escaped ? unescapeName(raw) : raw
  const b = digestBits(digest, eq[1], bits ?? (digest.tag === "BLAKE2b" ? undefined : digest.bits))
  if (name === undefined || b === undefined) return undefined
  return { digest, bits: b, hex: eq[1].toLowerCase(), name }
}

/** Parse one line of a checksum list, as coreutils' `split_3` does. */
const parseLine = (
  line: string,
  only: Digest | undefined,
  tagOnly: boolean,
  format: { reversed: boolean | undefined },
): Entry | undefined => {
  let s = line.replace(/^[ \t]+/, "")
  const escaped = s.startsWith("\\")
  if (escaped) s = s.slice(1)
  const tagged = parseTagged(s, escaped, only)
  if (tagged !== undefined || tagOnly || only === undefined) return tagged
  const m = /^(\S+)[ \t]/.exec(s)
  if (m === null) return undefined
  const bits = digestBits(only, m[1], undefined)
  if (bits === undefined) return undefined
  let rest = s.slice(m[0].length)
  // A single separator is the "reversed BSD" form; GNU refuses to mix it with the usual one in a file.
  if (rest.length === 1 || (rest[0] !== " " && rest[0] !== "*")) {
    if (format.reversed === false) return undefined
    format.reversed = true
  } else if (format.reversed !== true) {
    format.reversed = false
    rest = rest.slice(1)
  }
  const name = escaped ? unescapeName(rest) : rest
  if (name === undefined || name === "") return undefined
  return { digest: only, bits, hex: m[1].toLowerCase(), name }
}

const plural = (n: number, one: string, many: string) => `WARNING: ${n} ${n === 1 ? one : many}`

const decoder = new TextDecoder()

/**
 * `-c`: verify the checksum lists `files` name; the status is 0 when every
 * listed file was read and matched.
 */
export const checkFiles = (
  ctx: CommandContext,
  files: ReadonlyArray<string>,
  options: CheckOptions,
  tagOnly = false,
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const say = (text: string) => writeText(ctx.stderr, `${options.name}: ${text}\n`)
    let ok = true
    for (const file of files.length === 0 ? ["-"] : files) {
      const display = quoteIfNeeded(file === "-" ? "standard input" : file)
      let lineNo = 0
      let formatted = false
      let misformatted = 0
      let unreadable = 0
      let mismatched = 0
      let matched = 0
      const format: { reversed: boolean | undefined } = { reversed: undefined }
      const verify = (entry: Entry) =>
        Effect.gen(function* () {
          const hasher = entry.digest.create(entry.bits)
          const read = yield* Effect.result(hashOperand(ctx, entry.name, hasher.update))
          const shown = /[\n\r]/.test(entry.name)
            ? `\\${entry.name.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r")}`
            : entry.name
          if (read._tag === "Failure") {
            if (options.ignoreMissing && read.failure.reason === "NotFound") return
            unreadable++
            yield* say(`${quoteIfNeeded(entry.name)}: ${errorText(read.failure)}`)
            if (!options.status) {
              yield* writeText(ctx.stdout, `${shown}: FAILED open or read\n`)
            }
            return
          }
          const good = toHex(hasher.digest()) === entry.hex
          if (good) matched++
          else mismatched++
          if (!options.status && (!good || !options.quiet))
            yield* writeText(ctx.stdout, `${shown}: ${good ? "OK" : "FAILED"}\n`)
        })
      const opened = yield* withInput(ctx, file, (input) =>
        Effect.gen(function* () {
          const lines = lineReader(input)
          while (true) {
            const line = yield* lines.next
            if (line === null) return
            lineNo++
            const text = decoder.decode(line.bytes).replace(/\r$/, "")
            if (text.startsWith("#")) continue
            const entry = parseLine(text, options.digest, tagOnly, format)
            if (entry === undefined) {
              misformatted++
              if (options.warn) {
                const tag = options.digest?.tag ?? "checksum"
                yield* say(
                  `${display}: ${lineNo}: improperly formatted ${options.digest ? `${tag} checksum` : "checksum"} line`,
                )
              }
              continue
            }
            formatted = true
            yield* verify(entry)
          }
        }),
      ).pipe(
        Effect.as(true),
        Effect.catchTag("VfsError", (error) => Effect.as(say(`${display}: ${errorText(error)}`), false)),
      )
      if (!opened) {
        ok = false
        continue
      }
      if (!formatted) {
        yield* say(`${display}: no properly formatted checksum lines found`)
        ok = false
        continue
      }
      if (!options.status) {
        if (misformatted > 0)
          yield* say(plural(misformatted, "line is improperly formatted", "lines are improperly formatted"))
        if (unreadable > 0)
          yield* say(plural(unreadable, "listed file could not be read", "listed files could not be read"))
        if (mismatched > 0)
          yield* say(plural(mismatched, "computed checksum did NOT match", "computed checksums did NOT match"))
        if (options.ignoreMissing && matched === 0) yield* say(`${display}: no file was verified`)
      }
      if (unreadable > 0 || mismatched > 0 || (options.strict && misformatted > 0)) ok = false
      if (options.ignoreMissing && matched === 0) ok = false
    }
    return ok ? 0 : 1
  })
