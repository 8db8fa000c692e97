import { makeSumCommand } from "./checksum/Sum.ts"

/** `sha384sum`: print or check SHA384 checksums. */
export const sha384sum = makeSumCommand("sha384sum", "sha384", "SHA384")
