import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { withInput } from "../shared/Files.ts"

/** Feed every chunk of an operand (`-` is stdin) to `update`, never holding the whole file. */
export const hashOperand = (
  ctx: CommandContext,
  operand: string,
  update: (bytes: Uint8Array) => void,
): Effect.Effect<void, VfsError> =>
  withInput(ctx, operand, (input) =>
    Effect.gen(function* () {
      while (true) {
        const chunk = yield* input.read
        if (chunk === null) return
        update(chunk)
      }
    }),
  )

/** Whether a name must be written escaped in a checksum line (`\` prefix). */
export const needsEscape = (name: string): boolean => /[\\\n\r]/.test(name)

/** A name as checksum lines write it: `\\`, `\n` and `\r` escaped. */
export const escapeName = (name: string): string =>
  name.replace(/[\\\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\n" ? "\\n" : "\\r"))

/** The inverse of `escapeName`; undefined for an invalid escape. */
export const unescapeName = (text: string): string | undefined => {
  let out = ""
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c !== "\\") {
      out += c
      continue
    }
    const n = text[++i]
    if (n === "\\") out += "\\"
    else if (n === "n") out += "\n"
    else if (n === "r") out += "\r"
    else return undefined
  }
  return out
}

/** The tag of a digest at a length: `BLAKE2b-256` below BLAKE2b's full 512 bits. */
export const tagOf = (tag: string, bits: number, fullBits: number): string =>
  bits === fullBits ? tag : `${tag}-${bits}`

/** One output line of generate mode. */
export const formatLine = (options: {
  readonly hex: string
  readonly name: string
  readonly tag: string | undefined
  readonly binary: boolean
  readonly zero: boolean
}): string => {
  const escape = !options.zero && needsEscape(options.name)
  const name = escape ? escapeName(options.name) : options.name
  const body =
    options.tag === undefined
      ? `${options.hex} ${options.binary ? "*" : " "}${name}`
      : `${options.tag} (${name}) = ${options.hex}`
  return `${escape ? "\\" : ""}${body}${options.zero ? "\u0000" : "\n"}`
}
