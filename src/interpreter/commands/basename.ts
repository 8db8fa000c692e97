import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"

/** The last component of `name` with trailing slashes removed, as GNU basename computes it. */
export const baseName = (name: string): string => {
  if (name === "") return ""
  const stripped = name.replace(/\/+$/, "")
  if (stripped === "") return "/"
  return stripped.slice(stripped.lastIndexOf("/") + 1)
}

/** `basename`: strip directory and suffix from file names. */
export const basename = make("basename", {
  summary: "Print NAME with any leading directory components removed. If specified, also remove a trailing SUFFIX.",
  flags: {
    multiple: Flag.boolean("a", "multiple", "support multiple arguments and treat each as a NAME"),
    suffix: Flag.string("s", "suffix", "remove a trailing SUFFIX; implies -a", { arg: "SUFFIX" }),
    zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline"),
  },
  operands: { usage: "NAME [SUFFIX]", min: 1 },
  run: ({ flags, operands, ctx, usage }) => {
    const multiple = flags.multiple || flags.suffix !== undefined
    if (!multiple && operands.length > 2) return usage(`extra operand '${operands[2]}'`)
    const names = multiple ? operands : [operands[0]]
    const suffix = multiple ? flags.suffix : operands[1]
    const end = flags.zero ? "\0" : "\n"
    const out = names.map((n) => {
      let base = baseName(n)
      if (suffix !== undefined && suffix !== "" && base !== suffix && base.endsWith(suffix) && base !== "/") {
        base = base.slice(0, base.length - suffix.length)
      }
      return base + end
    })
    return Effect.as(writeText(ctx.stdout, out.join("")), 0)
  },
})
