import { Data, Effect } from "effect"
import { Gunzip, type GzipError } from "../gzip/Gunzip.ts"
import { BLOCK, decodeHeader, parsePax, type TarEntry } from "./Header.ts"

/** Where archive bytes come from. */
export interface Source<E> {
  readonly read: Effect.Effect<Uint8Array | null, E>
}

/** A malformed archive, worded as GNU tar words it. */
export class TarFormatError extends Data.TaggedError("TarFormatError")<{ readonly message: string }> {}

/** A source that gunzips another, detecting gzip by its magic when `detect` is set. */
export const maybeGunzip = <E>(source: Source<E>, force: boolean): Source<E | GzipError> => {
  let first: Uint8Array | null | undefined
  let gunzip: Gunzip | undefined
  let decided = false
  let done = false
  return {
    read: Effect.gen(function* () {
      while (true) {
        if (done) return null
        const chunk = first !== undefined ? first : yield* source.read
        first = undefined
        if (!decided) {
          decided = true
          if (force || (chunk !== null && chunk[0] === 0x1f && chunk[1] === 0x8b)) gunzip = new Gunzip()
        }
        if (gunzip === undefined) return chunk
        const out = gunzip.push(chunk ?? new Uint8Array(0), chunk === null)
        if (gunzip.error !== undefined) return yield* Effect.fail(gunzip.error)
        if (chunk === null) done = true
        if (out.length > 0) return out
      }
    }),
  }
}

/** Reads exact byte counts from a source. */
const blockReader = <E>(source: Source<E>) => {
  let buf = new Uint8Array(0)
  let pos = 0
  let eof = false
  const fill = (n: number) =>
    Effect.gen(function* () {
      while (buf.length - pos < n && !eof) {
        const chunk = yield* source.read
        if (chunk === null) {
          eof = true
          break
        }
        const rest = buf.subarray(pos)
        const merged = new Uint8Array(rest.length + chunk.length)
        merged.set(rest)
        merged.set(chunk, rest.length)
        buf = merged
        pos = 0
      }
      return buf.length - pos
    })
  return {
    /** Exactly `n` bytes, null at a clean end, a short read fails (or gives null when `lenient`). */
    exact: (n: number, lenient = false) =>
      Effect.gen(function* () {
        const have = yield* fill(n)
        if (have === 0) return null
        if (have < n) {
          if (lenient) {
            pos = buf.length
            return null
          }
          return yield* Effect.fail(new TarFormatError({ message: "Unexpected EOF in archive" }))
        }
        const out = buf.subarray(pos, pos + n)
        pos += n
        return out
      }),
    /** Up to `n` bytes as they come (at least 1), for streaming member data. */
    some: (n: number) =>
      Effect.gen(function* () {
        const have = yield* fill(1)
        if (have === 0) return yield* Effect.fail(new TarFormatError({ message: "Unexpected EOF in archive" }))
        const take = Math.min(n, have)
        const out = buf.subarray(pos, pos + take)
        pos += take
        return out
      }),
  }
}

/** A member's data, streamed to `each`; unread data is skipped afterwards. */
export type Body<E> = <E2>(
  each: (chunk: Uint8Array) => Effect.Effect<void, E2>,
) => Effect.Effect<void, E | E2 | TarFormatError>

/**
 * Walk an archive, calling `onEntry` for each member with its data. Long
 * names (GNU `L`/`K`, pax `x`) are applied; pax globals are ignored.
 */
export const readArchive = <E, E2>(
  source: Source<E>,
  onEntry: (entry: TarEntry, body: Body<E>) => Effect.Effect<void, E2>,
  onWarning: (message: string) => Effect.Effect<void, E2>,
): Effect.Effect<void, E | E2 | TarFormatError> =>
  Effect.gen(function* () {
    const r = blockReader(source)
    let longName: string | undefined
    let longLink: string | undefined
    let pax: ReadonlyMap<string, string> | undefined
    let first = true
    let skipping = false
    const readData = (size: number) =>
      Effect.gen(function* () {
        const data = yield* r.exact(Math.ceil(size / BLOCK) * BLOCK)
        if (data === null) return yield* Effect.fail(new TarFormatError({ message: "Unexpected EOF in archive" }))
        return data.slice(0, size)
      })
    while (true) {
      const header = yield* r.exact(BLOCK, true)
      if (header === null) {
        if (first) return yield* Effect.fail(new TarFormatError({ message: "This does not look like a tar archive" }))
        if (skipping) return yield* Effect.fail(new TarFormatError({ message: "" }))
        return
      }
      const parsed = decodeHeader(header)
      if (parsed.kind === "end" && !skipping) return
      if (parsed.kind !== "entry") {
        // GNU tar reports the first bad block, then scans block by block for the next header.
        if (!skipping) {
          if (first) yield* onWarning("This does not look like a tar archive")
          yield* onWarning("Skipping to next header")
        }
        skipping = true
        first = false
        continue
      }
      skipping = false
      first = false
      const { entry, flag } = parsed
      if (flag === "L" || flag === "K") {
        const text = new TextDecoder().decode(yield* readData(entry.size)).replace(/\0+$/, "")
        if (flag === "L") longName = text
        else longLink = text
        continue
      }
      if (flag === "x" || flag === "g") {
        const records = parsePax(yield* readData(entry.size))
        if (flag === "x") pax = records
        continue
      }
      const name = pax?.get("path") ?? longName ?? entry.name
      const linkname = pax?.get("linkpath") ?? longLink ?? entry.linkname
      const size = pax?.has("size") ? Number(pax.get("size")) : entry.size
      const mtime = pax?.has("mtime") ? Math.floor(Number(pax.get("mtime"))) : entry.mtime
      longName = longLink = pax = undefined
      const full: TarEntry = {
        ...entry,
        name,
        linkname,
        size,
        mtime,
        type: entry.type === "file" && name.endsWith("/") ? "directory" : entry.type,
      }
      const dataSize = full.type === "file" || full.type === "other" ? size : 0
      let left = dataSize
      const body: Body<E> = (each) =>
        Effect.gen(function* () {
          while (left > 0) {
            const chunk = yield* r.some(left)
            left -= chunk.length
            yield* each(chunk)
          }
        })
      yield* onEntry(full, body)
      while (left > 0) {
        const chunk = yield* r.some(left)
        left -= chunk.length
      }
      const pad = (BLOCK - (dataSize % BLOCK)) % BLOCK
      if (pad > 0 && (yield* r.exact(pad)) === null) {
        return yield* Effect.fail(new TarFormatError({ message: "Unexpected EOF in archive" }))
      }
    }
  })
