import { makeSumCommand } from "./checksum/Sum.ts"

/** `b2sum`: print or check BLAKE2b checksums. */
export const b2sum = makeSumCommand("b2sum", "blake2b", "BLAKE2b (512-bit)")
