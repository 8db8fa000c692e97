import { Effect } from "effect"
import * as Sh from "../Shell.ts"
import { invokeCommand } from "../simple.ts"
import { make } from "./Builtin.ts"
import { builtins } from "./index.ts"

/** `builtin name [args]`: run a shell builtin, bypassing functions of the same name. */
export const builtin = make("builtin", (sh, args) => {
  const name = args[0]
  if (name === undefined) return Effect.succeed(0)
  if (!builtins.has(name) && !sh.rt.commands.has(name)) {
    return Effect.as(Sh.error(sh, `builtin: ${name}: not a shell builtin`), 1)
  }
  return invokeCommand(sh, args)
})
