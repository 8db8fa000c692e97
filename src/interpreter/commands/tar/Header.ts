/**
 * Tar headers: ustar blocks written with a pax `x` record for names or link
 * targets too long for ustar, and read in the ustar, GNU (`././@LongLink`)
 * and pax forms GNU tar produces.
 */

/** One archive member as the header describes it. */
export interface TarEntry {
  readonly name: string
  readonly type: "file" | "directory" | "symlink" | "hardlink" | "other"
  readonly size: number
  readonly mode: number
  /** Seconds since the epoch. */
  readonly mtime: number
  readonly uid: number
  readonly gid: number
  readonly uname: string
  readonly gname: string
  readonly linkname: string
}

/** The block size of tar. */
export const BLOCK = 512

const encoder = new TextEncoder()
const decoder = new TextDecoder()

const putString = (block: Uint8Array, offset: number, length: number, text: string | Uint8Array) => {
  const bytes = typeof text === "string" ? encoder.encode(text) : text
  block.set(bytes.subarray(0, length), offset)
}

const putOctal = (block: Uint8Array, offset: number, length: number, value: number) => {
  const digits = Math.max(0, Math.floor(value)).toString(8)
  // Too large for the field: GNU's base-256 form (high bit set, big-endian).
  if (digits.length > length - 1) {
    block[offset] = 0x80
    let v = BigInt(Math.floor(value))
    for (let i = offset + length - 1; i > offset; i--) {
      block[i] = Number(v & 0xffn)
      v >>= 8n
    }
    return
  }
  putString(block, offset, length - 1, digits.padStart(length - 1, "0"))
}

const TYPE_FLAGS: Readonly<Record<TarEntry["type"], string>> = {
  file: "0",
  directory: "5",
  symlink: "2",
  hardlink: "1",
  other: "0",
}

/** A raw header block. */
const block = (fields: {
  readonly name: Uint8Array
  readonly prefix: Uint8Array
  readonly linkname: Uint8Array
  readonly type: string
  readonly entry: TarEntry
  readonly size: number
}): Uint8Array => {
  const b = new Uint8Array(BLOCK)
  putString(b, 0, 100, fields.name)
  putOctal(b, 100, 8, fields.entry.mode & 0o7777)
  putOctal(b, 108, 8, fields.entry.uid)
  putOctal(b, 116, 8, fields.entry.gid)
  putOctal(b, 124, 12, fields.size)
  putOctal(b, 136, 12, fields.entry.mtime)
  b[156] = fields.type.charCodeAt(0)
  putString(b, 157, 100, fields.linkname)
  putString(b, 257, 8, "ustar\u000000")
  putString(b, 265, 32, fields.entry.uname)
  putString(b, 297, 32, fields.entry.gname)
  putOctal(b, 329, 8, 0)
  putOctal(b, 337, 8, 0)
  putString(b, 345, 155, fields.prefix)
  b.fill(0x20, 148, 156)
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += b[i]
  putString(b, 148, 8, `${sum.toString(8).padStart(6, "0")}\u0000 `)
  return b
}

/** Split a name into ustar's prefix and name fields, or undefined when it cannot be. */
const splitName = (name: Uint8Array): { readonly prefix: Uint8Array; readonly name: Uint8Array } | undefined => {
  if (name.length <= 100) return { prefix: new Uint8Array(0), name }
  for (let i = Math.min(name.length - 1, 155); i > 0; i--) {
    if (name[i] === 0x2f && name.length - i - 1 <= 100 && name.length - i - 1 > 0) {
      return { prefix: name.subarray(0, i), name: name.subarray(i + 1) }
    }
  }
  return undefined
}

/** A pax record `LEN key=value\n`, whose length counts itself. */
const paxRecord = (key: string, value: string): string => {
  const body = ` ${key}=${value}\n`
  const bytes = encoder.encode(body).length
  let len = bytes + 1
  while (String(len).length + bytes !== len) len = String(len).length + bytes
  return `${len}${body}`
}

/** The header blocks of an entry: one ustar block, preceded by a pax record when needed. */
export const encodeHeader = (entry: TarEntry): ReadonlyArray<Uint8Array> => {
  const nameBytes = encoder.encode(entry.name)
  const linkBytes = encoder.encode(entry.linkname)
  const split = splitName(nameBytes)
  const size = entry.type === "file" ? entry.size : 0
  const out: Array<Uint8Array> = []
  if (split === undefined || linkBytes.length > 100) {
    let pax = ""
    if (split === undefined) pax += paxRecord("path", entry.name)
    if (linkBytes.length > 100) pax += paxRecord("linkpath", entry.linkname)
    const data = encoder.encode(pax)
    const paxName = encoder.encode(`PaxHeaders/${entry.name.split("/").pop() ?? ""}`.slice(0, 100))
    out.push(
      block({
        name: paxName,
        prefix: new Uint8Array(0),
        linkname: new Uint8Array(0),
        type: "x",
        entry,
        size: data.length,
      }),
    )
    const padded = new Uint8Array(Math.ceil(data.length / BLOCK) * BLOCK)
    padded.set(data)
    out.push(padded)
  }
  const fields = split ?? { prefix: new Uint8Array(0), name: nameBytes.subarray(0, 100) }
  out.push(
    block({
      name: fields.name,
      prefix: fields.prefix,
      linkname: linkBytes.subarray(0, 100),
      type: TYPE_FLAGS[entry.type],
      entry,
      size,
    }),
  )
  return out
}

const cString = (b: Uint8Array, offset: number, length: number): string => {
  const field = b.subarray(offset, offset + length)
  const end = field.indexOf(0)
  return decoder.decode(end === -1 ? field : field.subarray(0, end))
}

const octal = (b: Uint8Array, offset: number, length: number): number => {
  if (b[offset] & 0x80) {
    let v = 0n
    for (let i = offset + 1; i < offset + length; i++) v = (v << 8n) | BigInt(b[i])
    return Number(v)
  }
  const text = cString(b, offset, length).trim()
  return text === "" ? 0 : parseInt(text, 8)
}

/** What a header block is. */
export type Parsed =
  | { readonly kind: "end" }
  | { readonly kind: "bad" }
  | { readonly kind: "entry"; readonly entry: TarEntry; readonly flag: string }

/** Parse one header block (without applying long-name records). */
export const decodeHeader = (b: Uint8Array): Parsed => {
  if (b.every((x) => x === 0)) return { kind: "end" }
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : b[i]
  if (sum !== octal(b, 148, 8)) return { kind: "bad" }
  const flag = String.fromCharCode(b[156] || 0x30)
  const magic = cString(b, 257, 6)
  const prefix = magic === "ustar" ? cString(b, 345, 155) : ""
  const base = cString(b, 0, 100)
  const name = prefix === "" ? base : `${prefix}/${base}`
  const type: TarEntry["type"] =
    flag === "5"
      ? "directory"
      : flag === "2"
        ? "symlink"
        : flag === "1"
          ? "hardlink"
          : flag === "0" || flag === "7"
            ? name.endsWith("/")
              ? "directory"
              : "file"
            : "other"
  return {
    kind: "entry",
    flag,
    entry: {
      name,
      type,
      size: octal(b, 124, 12),
      mode: octal(b, 100, 8),
      mtime: octal(b, 136, 12),
      uid: octal(b, 108, 8),
      gid: octal(b, 116, 8),
      uname: cString(b, 265, 32),
      gname: cString(b, 297, 32),
      linkname: cString(b, 157, 100),
    },
  }
}

/** The records of a pax extended header. */
export const parsePax = (data: Uint8Array): ReadonlyMap<string, string> => {
  const out = new Map<string, string>()
  const text = decoder.decode(data)
  let i = 0
  while (i < text.length) {
    const space = text.indexOf(" ", i)
    if (space === -1) break
    const len = Number(text.slice(i, space))
    if (!Number.isFinite(len) || len <= 0) break
    const record = text.slice(space + 1, i + len - 1)
    const eq = record.indexOf("=")
    if (eq !== -1) out.set(record.slice(0, eq), record.slice(eq + 1))
    i += len
  }
  return out
}
