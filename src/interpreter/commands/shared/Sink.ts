import { Effect } from "effect"
import { CHUNK_SIZE, type BrokenPipe, type Output } from "../../Io.ts"

/**
 * A buffered writer: commands push small pieces synchronously and flush
 * between input chunks, so the pipe sees ~64 KiB writes instead of one per
 * line.
 */
export interface Sink {
  /** Append bytes (kept as they are: binary safe). */
  readonly push: (bytes: Uint8Array) => void
  /** Append a slice of `bytes` without copying it first. */
  readonly pushRange: (bytes: Uint8Array, start: number, end: number) => void
  /** Append one byte. */
  readonly byte: (b: number) => void
  /** Append a string as UTF-8. */
  readonly text: (s: string) => void
  /** Append a string whose code units are bytes (0-255), as produced by `latin1` decoding. */
  readonly latin1: (s: string) => void
  /** Bytes buffered and not yet written. */
  readonly size: () => number
  /**
   * Whether a chunk's worth is buffered. Loops over many small items test
   * this synchronously and flush only then: an Effect per item is costly.
   */
  readonly full: () => boolean
  /** Write what is buffered once it reaches the chunk size. */
  readonly flushIfFull: Effect.Effect<void, BrokenPipe>
  /** Write everything buffered. */
  readonly flush: Effect.Effect<void, BrokenPipe>
}

const encoder = new TextEncoder()
const EMPTY = new Uint8Array(0)
/** The first buffer's size. */
const FIRST_SIZE = 1024

/** A sink over `out` that writes chunks of about `limit` bytes. */
export const makeSink = (out: Output, limit: number = CHUNK_SIZE): Sink => {
  const ready: Array<Uint8Array> = []
  let readySize = 0
  // The buffer starts small and doubles up to `limit`: most commands write a few bytes, and a
  // 64 KiB buffer per command (and per chunk handed out) costs more than the copy it saves.
  let buf = EMPTY
  let pos = 0
  let nextSize = Math.min(limit, FIRST_SIZE)

  const seal = () => {
    if (pos === 0) return
    readySize += pos
    if (pos * 4 <= buf.length) {
      // Mostly empty: hand out a copy and keep writing into the same buffer.
      ready.push(buf.slice(0, pos))
      pos = 0
      return
    }
    // Mostly full: hand the bytes out as they are (chunks are never changed once out).
    ready.push(buf.subarray(0, pos))
    buf = EMPTY
    pos = 0
  }
  const room = (n: number) => {
    if (pos + n <= buf.length) return
    seal()
    if (n <= buf.length) return
    buf = new Uint8Array(Math.max(n, nextSize))
    nextSize = Math.min(limit, nextSize * 2)
  }
  const pushRange = (bytes: Uint8Array, start: number, end: number) => {
    const n = end - start
    if (n <= 0) return
    if (n >= limit) {
      seal()
      ready.push(start === 0 && end === bytes.length ? bytes : bytes.slice(start, end))
      readySize += n
      return
    }
    room(n)
    buf.set(bytes.subarray(start, end), pos)
    pos += n
  }
  const writeAll = Effect.suspend(() => {
    seal()
    if (ready.length === 0) return Effect.void
    const chunks = ready.splice(0, ready.length)
    readySize = 0
    return Effect.forEach(chunks, (c) => out.write(c), { discard: true })
  })
  return {
    push: (bytes) => pushRange(bytes, 0, bytes.length),
    pushRange,
    byte: (b) => {
      room(1)
      buf[pos++] = b
    },
    text: (s) => {
      const n = s.length
      if (n === 0) return
      room(n * 3)
      // Short ASCII text (numbers, prefixes) is copied code by code: no view or result object per call.
      let i = 0
      while (i < n) {
        const c = s.charCodeAt(i)
        if (c >= 128) break
        buf[pos + i] = c
        i++
      }
      if (i === n) {
        pos += n
        return
      }
      pos += i
      pos += encoder.encodeInto(s.slice(i), buf.subarray(pos)).written
    },
    latin1: (s) => {
      room(s.length)
      for (let i = 0; i < s.length; i++) buf[pos++] = s.charCodeAt(i)
    },
    size: () => readySize + pos,
    full: () => readySize + pos >= limit,
    flushIfFull: Effect.suspend(() => (readySize + pos >= limit ? writeAll : Effect.void)),
    flush: writeAll,
  }
}
