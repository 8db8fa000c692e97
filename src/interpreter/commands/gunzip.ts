import { makeGzip } from "./gzip/Command.ts"

/** `gunzip`: decompress gzip files in place. */
export const gunzip = makeGzip("gunzip", "gunzip")
