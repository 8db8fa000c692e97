import { Effect } from "effect"
import { Gzip } from "fflate"
import type { BrokenPipe, Input, InputError, Output } from "../../Io.ts"
import { Gunzip, GzipError, type GzipHeader } from "./Gunzip.ts"

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const

/** How a compressed stream is written. */
export interface CompressOptions {
  readonly level: number
  /** Stored name (omitted with `-n` or for stdin). */
  readonly name?: string | undefined
  /** Stored modification time in ms (0: none). */
  readonly mtime: number
}

/** Compress `input` to `output` as one gzip member; gives the bytes read and written. */
export const compress = (
  input: Input,
  output: Output,
  options: CompressOptions,
): Effect.Effect<{ readonly bytesIn: number; readonly bytesOut: number }, InputError | BrokenPipe> =>
  Effect.gen(function* () {
    const pending: Array<Uint8Array> = []
    const level = Math.min(9, Math.max(0, options.level))
    const gz = new Gzip(
      {
        level: LEVELS[level] ?? 6,
        mtime: options.mtime,
        ...(options.name === undefined ? {} : { filename: options.name }),
      },
      (data) => {
        if (data.length > 0) pending.push(data)
      },
    )
    let bytesIn = 0
    let bytesOut = 0
    const drain = Effect.suspend(() => {
      const chunks = pending.splice(0, pending.length)
      for (const c of chunks) bytesOut += c.length
      return Effect.forEach(chunks, (c) => output.write(c), { discard: true })
    })
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      bytesIn += chunk.length
      gz.push(chunk, false)
      yield* drain
    }
    gz.push(new Uint8Array(0), true)
    yield* drain
    return { bytesIn, bytesOut }
  })

/** The outcome of decompressing one input. */
export interface Decompressed {
  readonly header: GzipHeader | undefined
  readonly bytesIn: number
  readonly bytesOut: number
  readonly trailingGarbage: boolean
  /** Set when the data was not gzip and was copied as it is (`-f`). */
  readonly copied: boolean
}

/**
 * Decompress `input` to `output`; a `GzipError` stops it. With `passThrough`
 * (`zcat -f`), input that does not start with the gzip magic is copied.
 */
export const decompress = (
  input: Input,
  output: Output,
  passThrough = false,
): Effect.Effect<Decompressed, InputError | BrokenPipe | GzipError> =>
  Effect.gen(function* () {
    const gunzip = new Gunzip()
    let bytesIn = 0
    let bytesOut = 0
    let first = true
    while (true) {
      const chunk = yield* input.read
      if (first && passThrough && chunk !== null && !(chunk[0] === 0x1f && (chunk.length < 2 || chunk[1] === 0x8b))) {
        yield* output.write(chunk)
        while (true) {
          const c = yield* input.read
          if (c === null) break
          yield* output.write(c)
        }
        return { header: undefined, bytesIn, bytesOut, trailingGarbage: false, copied: true }
      }
      first = false
      if (chunk !== null) bytesIn += chunk.length
      const out = gunzip.push(chunk ?? new Uint8Array(0), chunk === null)
      if (out.length > 0) {
        bytesOut += out.length
        yield* output.write(out)
      }
      if (gunzip.error !== undefined) return yield* Effect.fail(gunzip.error)
      if (chunk === null) break
    }
    if (gunzip.first === undefined)
      return yield* Effect.fail(new GzipError({ message: "unexpected end of file", newline: true }))
    return { header: gunzip.first, bytesIn, bytesOut, trailingGarbage: gunzip.trailingGarbage, copied: false }
  })
