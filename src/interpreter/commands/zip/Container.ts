import { deflateSync, inflateSync } from "fflate"
import { crc32 } from "../gzip/Gunzip.ts"

/**
 * The zip container as Info-ZIP writes it: local headers, a central
 * directory and its end record, DOS times in local time plus the extended
 * timestamp field (`UT`) with the Unix time, Unix modes in the external
 * attributes. DEFLATE itself is fflate's.
 */

/** One member of an archive. */
export interface ZipEntry {
  readonly name: string
  /** 0 stored, 8 deflated. */
  readonly method: number
  readonly crc: number
  readonly compressedSize: number
  readonly size: number
  /** DOS date and time fields, in local time. */
  readonly dosDate: number
  readonly dosTime: number
  /** Unix seconds from the `UT` field, when present. */
  readonly unixTime: number | undefined
  /** Unix mode bits (with type) from the external attributes, when made on Unix. */
  readonly mode: number | undefined
  readonly offset: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0

class Writer {
  private chunks: Array<Uint8Array> = []
  private small: Array<number> = []
  u8(v: number) {
    this.small.push(v & 0xff)
  }
  u16(v: number) {
    this.u8(v)
    this.u8(v >> 8)
  }
  u32(v: number) {
    this.u16(v & 0xffff)
    this.u16(v >>> 16)
  }
  bytes(b: Uint8Array) {
    this.seal()
    this.chunks.push(b)
  }
  private seal() {
    if (this.small.length > 0) this.chunks.push(Uint8Array.from(this.small))
    this.small = []
  }
  done(): Uint8Array {
    this.seal()
    const out = new Uint8Array(this.chunks.reduce((n, c) => n + c.length, 0))
    let o = 0
    for (const c of this.chunks) {
      out.set(c, o)
      o += c.length
    }
    return out
  }
}

/** DOS date and time fields of wall-clock fields. */
export const dosDateTime = (wall: Date): { readonly date: number; readonly time: number } => {
  const year = Math.max(1980, wall.getUTCFullYear())
  return {
    date: ((year - 1980) << 9) | ((wall.getUTCMonth() + 1) << 5) | wall.getUTCDate(),
    time: (wall.getUTCHours() << 11) | (wall.getUTCMinutes() << 5) | (wall.getUTCSeconds() >> 1),
  }
}

/** A member being added: its data is compressed when that makes it smaller (Info-ZIP's rule). */
export interface NewMember {
  readonly name: string
  readonly data: Uint8Array
  readonly directory: boolean
  readonly mode: number
  /** Unix seconds. */
  readonly mtime: number
  readonly dos: { readonly date: number; readonly time: number }
  readonly level: number
}

/** What writing one member produced: its local record, central record and sizes. */
export interface Written {
  readonly name: string
  readonly local: Uint8Array
  readonly central: (offset: number) => Uint8Array
  readonly size: number
  readonly compressedSize: number
  readonly method: number
}

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const

/** Encode one member. */
export const encodeMember = (m: NewMember): Written => {
  const nameBytes = encoder.encode(m.name)
  const utf8 = [...m.name].some((ch) => ch.charCodeAt(0) > 0x7f)
  let method = 0
  let body = m.data
  if (!m.directory && m.data.length > 0 && m.level > 0) {
    const packed = deflateSync(m.data, { level: LEVELS[Math.min(9, m.level)] ?? 6 })
    if (packed.length < m.data.length) {
      method = 8
      body = packed
    }
  }
  const crc = crc32(0, m.data)
  const extra = new Writer()
  extra.u16(0x5455)
  extra.u16(5)
  extra.u8(1)
  extra.u32(m.mtime)
  const extraBytes = extra.done()
  const flags = utf8 ? 0x800 : 0
  const version = method === 8 ? 20 : 10
  const local = new Writer()
  local.u32(0x04034b50)
  local.u16(version)
  local.u16(flags)
  local.u16(method)
  local.u16(m.dos.time)
  local.u16(m.dos.date)
  local.u32(crc)
  local.u32(body.length)
  local.u32(m.data.length)
  local.u16(nameBytes.length)
  local.u16(extraBytes.length)
  local.bytes(nameBytes)
  local.bytes(extraBytes)
  local.bytes(body)
  const central = (offset: number) => {
    const c = new Writer()
    c.u32(0x02014b50)
    c.u16((3 << 8) | 30)
    c.u16(version)
    c.u16(flags)
    c.u16(method)
    c.u16(m.dos.time)
    c.u16(m.dos.date)
    c.u32(crc)
    c.u32(body.length)
    c.u32(m.data.length)
    c.u16(nameBytes.length)
    c.u16(extraBytes.length)
    c.u16(0)
    c.u16(0)
    c.u16(0)
    c.u32((((m.directory ? 0o40000 : 0o100000) | (m.mode & 0o7777)) << 16) | (m.directory ? 0x10 : 0))
    c.u32(offset)
    c.bytes(nameBytes)
    c.bytes(extraBytes)
    return c.done()
  }
  return { name: m.name, local: local.done(), central, size: m.data.length, compressedSize: body.length, method }
}

/** The end-of-central-directory record. */
export const encodeEnd = (entries: number, size: number, offset: number): Uint8Array => {
  const w = new Writer()
  w.u32(0x06054b50)
  w.u16(0)
  w.u16(0)
  w.u16(entries)
  w.u16(entries)
  w.u32(size)
  w.u32(offset)
  w.u16(0)
  return w.done()
}

/** The members of an archive, from its central directory; undefined when it has none. */
export const readDirectory = (zip: Uint8Array): ReadonlyArray<ZipEntry> | undefined => {
  let end = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (u32(zip, i) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end === -1) return undefined
  const count = u16(zip, end + 10)
  let p = u32(zip, end + 16)
  const out: Array<ZipEntry> = []
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || u32(zip, p) !== 0x02014b50) return undefined
    const nameLen = u16(zip, p + 28)
    const extraLen = u16(zip, p + 30)
    const commentLen = u16(zip, p + 32)
    const madeOn = zip[p + 5]
    const external = u32(zip, p + 38)
    const extra = zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen)
    let unixTime: number | undefined
    for (let e = 0; e + 4 <= extra.length;) {
      const id = u16(extra, e)
      const len = u16(extra, e + 2)
      if (id === 0x5455 && len >= 5 && extra[e + 4] & 1) unixTime = u32(extra, e + 5)
      e += 4 + len
    }
    out.push({
      name: decoder.decode(zip.subarray(p + 46, p + 46 + nameLen)),
      method: u16(zip, p + 10),
      dosTime: u16(zip, p + 12),
      dosDate: u16(zip, p + 14),
      crc: u32(zip, p + 16),
      compressedSize: u32(zip, p + 20),
      size: u32(zip, p + 24),
      unixTime,
      mode: madeOn === 3 ? external >>> 16 : undefined,
      offset: u32(zip, p + 42),
    })
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

/** A member's data, checked against its CRC; a string says what is wrong. */
export const extractData = (zip: Uint8Array, entry: ZipEntry): Uint8Array | string => {
  const p = entry.offset
  if (p + 30 > zip.length || u32(zip, p) !== 0x04034b50) return "bad local header"
  const start = p + 30 + u16(zip, p + 26) + u16(zip, p + 28)
  const raw = zip.subarray(start, start + entry.compressedSize)
  let data: Uint8Array
  if (entry.method === 0) data = raw
  else if (entry.method === 8) {
    try {
      data = inflateSync(raw)
    } catch {
      return "bad compressed data"
    }
  } else return `unsupported compression method ${entry.method}`
  if (crc32(0, data) !== entry.crc) return "bad CRC"
  return data
}
