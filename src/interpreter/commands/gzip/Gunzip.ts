import { Data } from "effect"
import { Inflater, InflateError } from "./Inflate.ts"

/**
 * The gzip container (RFC 1952) around `Inflater`: member headers, CRC-32
 * and length trailers, concatenated members, and what gzip says about
 * trailing bytes that start no member.
 */

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

/** Update a CRC-32 (zlib's) with `bytes`; start from 0. */
export const crc32 = (crc: number, bytes: Uint8Array): number => {
  let c = ~crc
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8)
  return ~c >>> 0
}

/** A failure gzip reports as `gzip: NAME: message`; `newline` prefixes an empty line as gzip does. */
export class GzipError extends Data.TaggedError("GzipError")<{ readonly message: string; readonly newline: boolean }> {}

/** What a member header holds. */
export interface GzipHeader {
  readonly mtime: number
  readonly name: string | undefined
  /** Header bytes plus the 8-byte trailer, as `gzip -l` counts them. */
  readonly overhead: number
}

/** Parse a member header at the start of `buf`: the header and its size, undefined if more bytes are needed. */
export const parseHeader = (
  buf: Uint8Array,
): { readonly header: GzipHeader; readonly size: number } | undefined | "bad" => {
  if (buf.length >= 1 && buf[0] !== 0x1f) return "bad"
  if (buf.length >= 2 && buf[1] !== 0x8b) return "bad"
  if (buf.length < 10) return undefined
  if (buf[2] !== 8) return "bad"
  const flags = buf[3]
  const mtime = (buf[4] | (buf[5] << 8) | (buf[6] << 16) | (buf[7] << 24)) >>> 0
  let p = 10
  if (flags & 4) {
    if (buf.length < p + 2) return undefined
    p += 2 + (buf[p] | (buf[p + 1] << 8))
  }
  let name: string | undefined
  const zstring = (): string | undefined => {
    const end = buf.indexOf(0, p)
    if (end === -1) return undefined
    const s = new TextDecoder("latin1").decode(buf.subarray(p, end))
    p = end + 1
    return s
  }
  if (flags & 8) {
    name = zstring()
    if (name === undefined) return undefined
  }
  if (flags & 16 && zstring() === undefined) return undefined
  if (flags & 2) p += 2
  if (buf.length < p) return undefined
  return { header: { mtime, name, overhead: p + 8 }, size: p }
}

/** A streaming gunzip: push compressed chunks, get decompressed bytes. */
export class Gunzip {
  private buf: Uint8Array = new Uint8Array(0)
  private state: "header" | "body" | "trailer" | "garbage" = "header"
  private inflater: Inflater | undefined
  private crc = 0
  private size = 0
  private members = 0
  /** The first member's header, once read. */
  first: GzipHeader | undefined
  /** Set when bytes after the last member were ignored (gzip's warning, status 2). */
  trailingGarbage = false

  private append(chunk: Uint8Array): void {
    if (this.buf.length === 0) {
      this.buf = chunk
      return
    }
    const merged = new Uint8Array(this.buf.length + chunk.length)
    merged.set(this.buf)
    merged.set(chunk, this.buf.length)
    this.buf = merged
  }

  /** A failure found by the last `push`, after the bytes it gave. */
  error: GzipError | undefined

  /** Decompress what `chunk` allows; on a failure, the bytes before it and `error` set. */
  push(chunk: Uint8Array, final = false): Uint8Array {
    const parts: Array<Uint8Array> = []
    try {
      this.step(chunk, final, parts)
    } catch (error) {
      if (!(error instanceof GzipError)) throw error
      this.error = error
    }
    if (parts.length === 1) return parts[0]
    const total = parts.reduce((n, p) => n + p.length, 0)
    const out = new Uint8Array(total)
    let o = 0
    for (const p of parts) {
      out.set(p, o)
      o += p.length
    }
    return out
  }

  private step(chunk: Uint8Array, final: boolean, parts: Array<Uint8Array>): void {
    if (this.state === "body" && this.inflater !== undefined) this.inflater.push(chunk)
    else this.append(chunk)
    for (;;) {
      if (this.state === "garbage") {
        this.buf = new Uint8Array(0)
        break
      }
      if (this.state === "header") {
        if (this.buf.length === 0) break
        const parsed = parseHeader(this.buf)
        if (parsed === "bad" || (parsed === undefined && final && this.members > 0)) {
          if (this.members === 0) throw new GzipError({ message: "not in gzip format", newline: true })
          // Zero padding after the last member is silently accepted; anything else is warned about.
          if (this.buf.some((b) => b !== 0)) this.trailingGarbage = true
          this.state = "garbage"
          continue
        }
        if (parsed === undefined) {
          if (final) throw new GzipError({ message: "unexpected end of file", newline: true })
          break
        }
        this.first ??= parsed.header
        this.members++
        this.inflater = new Inflater()
        this.inflater.push(this.buf.subarray(parsed.size))
        this.buf = new Uint8Array(0)
        this.crc = 0
        this.size = 0
        this.state = "body"
      }
      if (this.state === "body" && this.inflater !== undefined) {
        let out: Uint8Array
        try {
          out = this.inflater.run(final)
        } catch (error) {
          if (error instanceof InflateError) throw new GzipError({ message: error.message, newline: true })
          throw error
        }
        if (out.length > 0) {
          parts.push(out)
          this.crc = crc32(this.crc, out)
          this.size += out.length
        }
        if (!this.inflater.done) break
        this.buf = this.inflater.remaining().slice()
        this.inflater = undefined
        this.state = "trailer"
      }
      if (this.state === "trailer") {
        if (this.buf.length < 8) {
          if (final) throw new GzipError({ message: "unexpected end of file", newline: true })
          break
        }
        const b = this.buf
        const crc = (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0
        const size = (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0
        if (crc !== this.crc) throw new GzipError({ message: "invalid compressed data--crc error", newline: true })
        if (size !== this.size % 2 ** 32)
          throw new GzipError({ message: "invalid compressed data--length error", newline: true })
        this.buf = this.buf.subarray(8)
        this.state = "header"
      }
    }
  }
}
