import { makeSumCommand } from "./checksum/Sum.ts"

/** `md5sum`: print or check MD5 checksums. */
export const md5sum = makeSumCommand("md5sum", "md5", "MD5 (128-bit)")
