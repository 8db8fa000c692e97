import { makeGzip } from "./gzip/Command.ts"

/** `zcat`: decompress gzip files to standard output. */
export const zcat = makeGzip("zcat", "zcat")
