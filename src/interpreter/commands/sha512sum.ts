import { makeSumCommand } from "./checksum/Sum.ts"

/** `sha512sum`: print or check SHA512 checksums. */
export const sha512sum = makeSumCommand("sha512sum", "sha512", "SHA512")
