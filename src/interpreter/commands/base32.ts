import { BASE32 } from "./basenc/Codec.ts"
import { makeBaseCommand } from "./basenc/Command.ts"

/** `base32`: encode or decode base32 (RFC 4648), streaming. */
export const base32 = makeBaseCommand("base32", BASE32, "Base32")
