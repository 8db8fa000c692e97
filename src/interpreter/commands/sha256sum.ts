import { makeSumCommand } from "./checksum/Sum.ts"

/** `sha256sum`: print or check SHA256 checksums. */
export const sha256sum = makeSumCommand("sha256sum", "sha256", "SHA256")
