import { makeGzip } from "./gzip/Command.ts"

/** `gzip`: compress or decompress files (streaming DEFLATE). */
export const gzip = makeGzip("gzip", "gzip")
