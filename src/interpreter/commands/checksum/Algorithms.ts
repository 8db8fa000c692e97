import { blake2b } from "@noble/hashes/blake2.js"
import { md5, sha1 } from "@noble/hashes/legacy.js"
import { sha224, sha256, sha384, sha512 } from "@noble/hashes/sha2.js"

/**
 * The digests of the `*sum` commands and `cksum`, as incremental hashers
 * fed one chunk at a time, so a file is never held whole.
 */

/** An incremental hash. */
export interface Hasher {
  readonly update: (bytes: Uint8Array) => void
  readonly digest: () => Uint8Array
}

/** A cryptographic digest printed as hex. */
export interface Digest {
  /** Name in tagged lines and messages (`MD5`, `SHA256`, `BLAKE2b`). */
  readonly tag: string
  /** Full length in bits. */
  readonly bits: number
  /** A hasher; `bits` below the full length only for BLAKE2b. */
  readonly create: (bits?: number) => Hasher
}

const wrap = (h: { update(b: Uint8Array): unknown; digest(): Uint8Array }): Hasher => ({
  update: (b) => {
    h.update(b)
  },
  digest: () => h.digest(),
})

/** The digests by `cksum -a` name. */
export const DIGESTS: Readonly<Record<string, Digest>> = {
  md5: { tag: "MD5", bits: 128, create: () => wrap(md5.create()) },
  sha1: { tag: "SHA1", bits: 160, create: () => wrap(sha1.create()) },
  sha224: { tag: "SHA224", bits: 224, create: () => wrap(sha224.create()) },
  sha256: { tag: "SHA256", bits: 256, create: () => wrap(sha256.create()) },
  sha384: { tag: "SHA384", bits: 384, create: () => wrap(sha384.create()) },
  sha512: { tag: "SHA512", bits: 512, create: () => wrap(sha512.create()) },
  blake2b: {
    tag: "BLAKE2b",
    bits: 512,
    create: (bits = 512) => wrap(blake2b.create({ dkLen: bits / 8 })),
  },
}

/** Lowercase hex of bytes. */
export const toHex = (bytes: Uint8Array): string => {
  let s = ""
  for (const b of bytes) s += b.toString(16).padStart(2, "0")
  return s
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let c = i << 24
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1
    t[i] = c >>> 0
  }
  return t
})()

/** A legacy checksum: a number and a block count rather than a hex digest. */
export interface Legacy {
  readonly update: (bytes: Uint8Array) => void
  /** The output line's fields before the file name (`3015617425 6`, `36979     1`). */
  readonly result: () => string
}

/** POSIX `cksum` CRC: CRC-32 (MSB first) over the data and then its length. */
export const crc = (): Legacy => {
  let c = 0
  let size = 0
  const step = (b: number) => {
    c = ((c << 8) ^ CRC_TABLE[((c >>> 24) ^ b) & 0xff]) >>> 0
  }
  return {
    update: (bytes) => {
      for (let i = 0; i < bytes.length; i++) step(bytes[i])
      size += bytes.length
    },
    result: () => {
      for (let n = size; n > 0; n = Math.floor(n / 256)) step(n & 0xff)
      return `${~c >>> 0} ${size}`
    },
  }
}

/** `sum -r` (BSD): a 16-bit rotating checksum and 1024-byte blocks. */
export const bsd = (): Legacy => {
  let ck = 0
  let size = 0
  return {
    update: (bytes) => {
      for (let i = 0; i < bytes.length; i++) {
        ck = (ck >> 1) + ((ck & 1) << 15)
        ck = (ck + bytes[i]) & 0xffff
      }
      size += bytes.length
    },
    result: () => `${String(ck).padStart(5, "0")} ${String(Math.ceil(size / 1024)).padStart(5)}`,
  }
}

/** `sum -s` (System V): the byte sum folded to 16 bits and 512-byte blocks. */
export const sysv = (): Legacy => {
  let s = 0
  let size = 0
  return {
    update: (bytes) => {
      for (let i = 0; i < bytes.length; i++) s = (s + bytes[i]) >>> 0
      size += bytes.length
    },
    result: () => {
      const r = (s & 0xffff) + (s >>> 16)
      return `${(r & 0xffff) + (r >>> 16)} ${Math.ceil(size / 512)}`
    },
  }
}

/** The legacy checksums by `cksum -a` name. */
export const LEGACY: Readonly<Record<string, () => Legacy>> = { bsd, sysv, crc }
