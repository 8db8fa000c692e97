import { makeSumCommand } from "./checksum/Sum.ts"

/** `sha224sum`: print or check SHA224 checksums. */
export const sha224sum = makeSumCommand("sha224sum", "sha224", "SHA224")
