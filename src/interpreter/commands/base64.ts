import { BASE64 } from "./basenc/Codec.ts"
import { makeBaseCommand } from "./basenc/Command.ts"

/** `base64`: encode or decode base64 (RFC 4648), streaming. */
export const base64 = makeBaseCommand("base64", BASE64, "Base64")
