import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"

/**
 * The directory part of `name`, as gnulib's `dir_len` computes it: drop
 * the last component and the slashes before it, keep a leading slash, and
 * give "." when nothing is left.
 */
export const dirName = (name: string): string => {
  // Start of the last component: after the last run of slashes that is followed by a name.
  let base = 0
  while (name[base] === "/") base++
  let lastWasSlash = false
  for (let p = base; p < name.length; p++) {
    if (name[p] === "/") lastWasSlash = true
    else if (lastWasSlash) {
      base = p
      lastWasSlash = false
    }
  }
  const prefix = name.startsWith("/") ? 1 : 0
  let length = base
  while (prefix < length && name[length - 1] === "/") length--
  return length === 0 ? "." : name.slice(0, length)
}

/** `dirname`: strip the last component from file names. */
export const dirname = make("dirname", {
  summary: "Output each NAME with its last non-slash component and trailing slashes removed.",
  flags: {
    zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline"),
  },
  operands: { usage: "NAME...", min: 1 },
  run: ({ flags, operands, ctx }) =>
    Effect.as(writeText(ctx.stdout, operands.map((n) => dirName(n) + (flags.zero ? "\0" : "\n")).join("")), 0),
})
