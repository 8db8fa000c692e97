import { makeSumCommand } from "./checksum/Sum.ts"

/** `sha1sum`: print or check SHA1 checksums. */
export const sha1sum = makeSumCommand("sha1sum", "sha1", "SHA1")
