/**
 * The character sets `iconv` converts between, decoding bytes to code
 * points and back with glibc's rules (strict UTF-8, no surrogates).
 */

/** One decoded character, `len` bytes long; or why decoding stopped. */
export type Decoded = { readonly cp: number; readonly len: number } | "illegal" | "incomplete"

/** A character set: `decode` reads at `bytes[pos]`, `encode` gives bytes or null when unrepresentable. */
export interface Codec {
  readonly name: string
  readonly decode: (bytes: Uint8Array, pos: number) => Decoded
  readonly encode: (cp: number) => ReadonlyArray<number> | null
  /** Written once before the first character (UTF-16, UTF-32). */
  readonly bom?: ReadonlyArray<number>
  /** Bytes below 0x80 are the ASCII characters, both ways (so they can be copied as they are). */
  readonly ascii?: boolean
  /** Reads a byte-order mark and picks the byte order (UTF-16, UTF-32 input). */
  readonly withBom?: (bytes: Uint8Array) => { readonly skip: number; readonly codec: Codec } | undefined
}

const utf8: Codec = {
  name: "UTF-8",
  decode: (b, p) => {
    const c = b[p]
    if (c < 0x80) return { cp: c, len: 1 }
    const n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (n === 0) return "illegal"
    let cp = c & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07)
    for (let i = 1; i < n; i++) {
      if (p + i >= b.length) return "incomplete"
      const d = b[p + i]
      if ((d & 0xc0) !== 0x80) return "illegal"
      cp = (cp << 6) | (d & 0x3f)
      // Reject overlong forms and surrogates as soon as the second byte shows them.
      if (
        i === 1 &&
        ((n === 3 && cp < 0x20) || (n === 4 && (cp < 0x10 || cp > 0x10f)) || (n === 3 && cp >= 0x360 && cp <= 0x37f))
      )
        return "illegal"
    }
    return { cp, len: n }
  },
  encode: (cp) =>
    cp < 0x80
      ? [cp]
      : cp < 0x800
        ? [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)]
        : cp < 0x10000
          ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
          : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)],
  ascii: true,
}

const single = (
  name: string,
  toCp: (b: number) => number | undefined,
  fromCp: (cp: number) => number | undefined,
): Codec => ({
  name,
  decode: (b, p) => {
    const cp = toCp(b[p])
    return cp === undefined ? "illegal" : { cp, len: 1 }
  },
  encode: (cp) => {
    const b = fromCp(cp)
    return b === undefined ? null : [b]
  },
})

const invert = (map: Record<number, number>): Record<number, number> =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, Number(k)]))

const CP1252_HIGH: Record<number, number> = {
  0x80: 0x20ac,
  0x82: 0x201a,
  0x83: 0x192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x2c6,
  0x89: 0x2030,
  0x8a: 0x160,
  0x8b: 0x2039,
  0x8c: 0x152,
  0x8e: 0x17d,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x2dc,
  0x99: 0x2122,
  0x9a: 0x161,
  0x9b: 0x203a,
  0x9c: 0x153,
  0x9e: 0x17e,
  0x9f: 0x178,
}
const CP1252_BACK = invert(CP1252_HIGH)

const LATIN9: Record<number, number> = {
  0xa4: 0x20ac,
  0xa6: 0x160,
  0xa8: 0x161,
  0xb4: 0x17d,
  0xb8: 0x17e,
  0xbc: 0x152,
  0xbd: 0x153,
  0xbe: 0x178,
}
const LATIN9_BACK = invert(LATIN9)

const units = (name: string, size: 2 | 4, little: boolean): Codec => {
  const read = (b: Uint8Array, p: number) =>
    size === 2
      ? little
        ? b[p] | (b[p + 1] << 8)
        : (b[p] << 8) | b[p + 1]
      : (little
          ? b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)
          : (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0
  const write = (u: number): Array<number> => {
    const out: Array<number> = []
    for (let i = 0; i < size; i++) out.push((u >>> (8 * (little ? i : size - 1 - i))) & 0xff)
    return out
  }
  return {
    name,
    decode: (b, p) => {
      if (p + size > b.length) return "incomplete"
      const u = read(b, p)
      if (size === 4) return u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff) ? "illegal" : { cp: u, len: 4 }
      if (u >= 0xdc00 && u <= 0xdfff) return "illegal"
      if (u < 0xd800 || u > 0xdbff) return { cp: u, len: 2 }
      if (p + 4 > b.length) return "incomplete"
      const lo = read(b, p + 2)
      if (lo < 0xdc00 || lo > 0xdfff) return "illegal"
      return { cp: 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), len: 4 }
    },
    encode: (cp) => {
      if (size === 4 || cp < 0x10000) return write(cp)
      const v = cp - 0x10000
      return [...write(0xd800 + (v >> 10)), ...write(0xdc00 + (v & 0x3ff))]
    },
  }
}

const UTF16LE = units("UTF-16LE", 2, true)
const UTF16BE = units("UTF-16BE", 2, false)
const UTF32LE = units("UTF-32LE", 4, true)
const UTF32BE = units("UTF-32BE", 4, false)

/** UTF-16 and UTF-32 without an order: a mark on input decides (little-endian by default); output gets one. */
const marked = (name: string, le: Codec, be: Codec, size: 2 | 4): Codec => ({
  ...le,
  name,
  bom: size === 2 ? [0xff, 0xfe] : [0xff, 0xfe, 0, 0],
  withBom: (b) => {
    if (size === 2 && b[0] === 0xff && b[1] === 0xfe) return { skip: 2, codec: le }
    if (size === 2 && b[0] === 0xfe && b[1] === 0xff) return { skip: 2, codec: be }
    if (size === 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { skip: 4, codec: le }
    if (size === 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { skip: 4, codec: be }
    return undefined
  },
})

const CODECS: ReadonlyArray<readonly [Codec, ReadonlyArray<string>]> = [
  [utf8, ["UTF-8", "UTF8"]],
  [
    single(
      "ANSI_X3.4-1968",
      (b) => (b < 0x80 ? b : undefined),
      (cp) => (cp < 0x80 ? cp : undefined),
    ),
    ["ANSI_X3.4-1968", "ASCII", "US-ASCII", "US", "646", "ISO646-US", "CSASCII", "ISO-IR-6"],
  ],
  [
    single(
      "ISO-8859-1",
      (b) => b,
      (cp) => (cp < 0x100 ? cp : undefined),
    ),
    ["ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "L1", "IBM819", "CP819", "CSISOLATIN1", "ISO-IR-100"],
  ],
  [
    single(
      "ISO-8859-15",
      (b) => LATIN9[b] ?? b,
      (cp) => LATIN9_BACK[cp] ?? (cp < 0x100 && LATIN9[cp] === undefined ? cp : undefined),
    ),
    ["ISO-8859-15", "ISO8859-15", "ISO_8859-15", "LATIN-9", "LATIN9"],
  ],
  [
    single(
      "CP1252",
      (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b] : b),
      (cp) => CP1252_BACK[cp] ?? (cp < 0x100 && !(cp >= 0x80 && cp < 0xa0) ? cp : undefined),
    ),
    ["CP1252", "WINDOWS-1252", "MS-ANSI"],
  ],
  [marked("UTF-16", UTF16LE, UTF16BE, 2), ["UTF-16", "UTF16"]],
  [UTF16LE, ["UTF-16LE", "UTF16LE"]],
  [UTF16BE, ["UTF-16BE", "UTF16BE"]],
  [marked("UTF-32", UTF32LE, UTF32BE, 4), ["UTF-32", "UTF32"]],
  [UTF32LE, ["UTF-32LE", "UTF32LE"]],
  [UTF32BE, ["UTF-32BE", "UTF32BE"]],
]

/** Every name a codec answers to, for `iconv -l`. */
export const allNames = (): ReadonlyArray<string> => CODECS.flatMap(([, names]) => names).sort()

/** Look a charset up by name (case-insensitive), ignoring `//` suffixes. */
export const findCodec = (name: string): Codec | undefined => {
  const base = name.split("//")[0].toUpperCase()
  return CODECS.find(([, names]) => names.includes(base))?.[0]
}
