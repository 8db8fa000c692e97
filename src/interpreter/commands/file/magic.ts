import { strftime } from "../shared/Strftime.ts"

/**
 * Binary formats `file` recognizes by their first bytes, with the details
 * file 5.44 prints for them. Deliberately modest: the common archive,
 * compression, image, document and executable formats.
 */

/** A description and its MIME type. */
export interface Kind {
  readonly text: string
  readonly mime: string
}

const u16le = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8)
const u32le = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0
const u32be = (b: Uint8Array, i: number) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0
const starts = (b: Uint8Array, bytes: ReadonlyArray<number>, at = 0) =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x)
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0))
const cstring = (b: Uint8Array, start: number): string => {
  let end = start
  while (end < b.length && b[end] !== 0) end++
  return new TextDecoder("latin1").decode(b.subarray(start, end))
}

const GZIP_OS: Record<number, string> = {
  0: "FAT filesystem (MS-DOS, OS/2, NT)",
  3: "Unix",
  7: "Macintosh",
  11: "NTFS filesystem (NT)",
}

const gzip = (b: Uint8Array, tail: Uint8Array | undefined): Kind => {
  const flags = b[3]
  const parts = ["gzip compressed data"]
  if (flags & 0x08) {
    let at = 10
    if (flags & 0x04 && b.length >= 12) at += 2 + u16le(b, 10)
    parts.push(`was "${cstring(b, at)}"`)
  }
  const mtime = u32le(b, 4)
  if (mtime !== 0) parts.push(`last modified: ${strftime("%a %b %e %H:%M:%S %Y", mtime * 1000)}`)
  if (b[8] === 2) parts.push("max compression")
  else if (b[8] === 4) parts.push("max speed")
  const os = GZIP_OS[b[9]]
  if (os !== undefined) parts.push(`from ${os}`)
  if (tail !== undefined && tail.length >= 4) parts.push(`original size modulo 2^32 ${u32le(tail, tail.length - 4)}`)
  return { text: parts.join(", "), mime: "application/gzip" }
}

const PNG_COLOR: Record<number, string> = {
  0: "grayscale",
  2: "/color RGB",
  3: "colormap",
  4: "gray+alpha",
  6: "/color RGBA",
}

const png = (b: Uint8Array): Kind => {
  if (b.length < 29) return { text: "PNG image data", mime: "image/png" }
  const color = PNG_COLOR[b[25]] ?? ""
  const depth = `${b[24]}-bit${color.startsWith("/") ? color : ` ${color}`}`
  return {
    text: `PNG image data, ${u32be(b, 16)} x ${u32be(b, 20)}, ${depth}, ${b[28] ? "interlaced" : "non-interlaced"}`,
    mime: "image/png",
  }
}

const ZIP_METHODS: Record<number, string> = {
  0: "store",
  8: "deflate",
  9: "deflate64",
  12: "bzip2",
  14: "lzma",
  93: "zstd",
  95: "xz",
}

const ELF_TYPES: Record<number, readonly [string, string]> = {
  1: ["relocatable", "application/x-object"],
  2: ["executable", "application/x-executable"],
  3: ["shared object", "application/x-sharedlib"],
  4: ["core file", "application/x-coredump"],
}
const ELF_MACHINES: Record<number, string> = {
  3: "Intel 80386",
  8: "MIPS, MIPS-I version 1 (SYSV)",
  40: "ARM",
  62: "x86-64",
  183: "ARM aarch64",
  243: "UCB RISC-V",
}

const elf = (b: Uint8Array): Kind => {
  const bits = b[4] === 2 ? "64-bit" : "32-bit"
  const little = b[5] !== 2
  const parts = [`ELF ${bits} ${little ? "LSB" : "MSB"}`]
  let mime = "application/x-executable"
  if (b.length >= 20) {
    const type = little ? u16le(b, 16) : (b[16] << 8) | b[17]
    const machine = little ? u16le(b, 18) : (b[18] << 8) | b[19]
    const t = ELF_TYPES[type]
    if (t !== undefined) {
      parts[0] += ` ${t[0]}`
      mime = t[1]
    }
    const m = ELF_MACHINES[machine]
    if (m !== undefined) parts.push(m)
    parts.push(`version ${b[6]} (SYSV)`)
    return { text: parts.join(", "), mime }
  }
  return { text: `${parts[0]} (SYSV)`, mime }
}

const XZ_CHECKS: Record<number, string> = { 0: "NONE", 1: "CRC32", 4: "CRC64", 10: "SHA-256" }

/** The kind of a binary format, or undefined when the bytes match none. `tail`: the file's last bytes. */
export const binaryKind = (b: Uint8Array, tail: Uint8Array | undefined): Kind | undefined => {
  if (starts(b, [0x1f, 0x8b]) && b.length >= 10) return gzip(b, tail)
  if (starts(b, ascii("BZh")))
    return {
      text:
        b[3] >= 0x31 && b[3] <= 0x39
          ? `bzip2 compressed data, block size = ${b[3] - 0x30}00k`
          : "bzip2 compressed data",
      mime: "application/x-bzip2",
    }
  if (starts(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))
    return { text: `XZ compressed data, checksum ${XZ_CHECKS[b[7] & 0x0f] ?? "unknown"}`, mime: "application/x-xz" }
  if (starts(b, [0x28, 0xb5, 0x2f, 0xfd]))
    return { text: "Zstandard compressed data (v0.8+), Dictionary ID: None", mime: "application/zstd" }
  if (starts(b, ascii("PK\x03\x04")) && b.length >= 30 && tail !== undefined && starts(tail, ascii("PK\x05\x06"))) {
    const version = u16le(b, 4)
    const method = ZIP_METHODS[u16le(b, 8)]
    return {
      text: `Zip archive data, at least v${Math.floor(version / 10)}.${version % 10} to extract${method ? `, compression method=${method}` : ""}`,
      mime: "application/zip",
    }
  }
  if (starts(b, ascii("ustar\x0000"), 257)) return { text: "POSIX tar archive", mime: "application/x-tar" }
  if (starts(b, ascii("ustar  \x00"), 257)) return { text: "POSIX tar archive (GNU)", mime: "application/x-tar" }
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png(b)
  if (starts(b, ascii("GIF87a")) || starts(b, ascii("GIF89a")))
    return {
      text: `GIF image data, version ${String.fromCharCode(b[3], b[4], b[5])}${b.length >= 10 ? `, ${u16le(b, 6)} x ${u16le(b, 8)}` : ""}`,
      mime: "image/gif",
    }
  if (starts(b, [0xff, 0xd8, 0xff])) return { text: "JPEG image data", mime: "image/jpeg" }
  if (starts(b, ascii("%PDF-"))) {
    const m = /^%PDF-(\d+\.\d+)/.exec(new TextDecoder("latin1").decode(b.subarray(0, 16)))
    return { text: m ? `PDF document, version ${m[1]}` : "PDF document", mime: "application/pdf" }
  }
  if (starts(b, [0x7f, 0x45, 0x4c, 0x46]) && b.length >= 8) return elf(b)
  if (starts(b, ascii("SQLite format 3\x00"))) return { text: "SQLite 3.x database", mime: "application/vnd.sqlite3" }
  return undefined
}
