import { Effect } from "effect"
import { quoteForReuse } from "../expand/quote.ts"
import * as Sh from "../Shell.ts"
import { make, print } from "./Builtin.ts"

/** `alias [name[=value]...]` */
export const alias = make("alias", (sh, args) =>
  Effect.gen(function* () {
    const aliases = sh.state.aliases
    const show = (name: string, value: string) => `alias ${name}=${quoteForReuse(value)}\n`
    if (args.length === 0 || (args.length === 1 && args[0] === "-p")) {
      yield* print(
        sh,
        [...aliases.entries()]
          .sort((a, b) => (a[0] < b[0] ? -1 : 1))
          .map(([n, v]) => show(n, v))
          .join(""),
      )
      return 0
    }
    let status = 0
    for (const arg of args) {
      const eq = arg.indexOf("=")
      if (eq > 0) {
        aliases.set(arg.slice(0, eq), arg.slice(eq + 1))
        sh.state.aliasLines.set(arg.slice(0, eq), sh.state.lineNo)
      } else {
        const value = aliases.get(arg)
        if (value === undefined) {
          yield* Sh.error(sh, `alias: ${arg}: not found`)
          status = 1
        } else yield* print(sh, show(arg, value))
      }
    }
    return status
  }),
)

/** `unalias [-a] name...` */
export const unalias = make("unalias", (sh, args) =>
  Effect.gen(function* () {
    if (args[0] === "-a") {
      sh.state.aliases.clear()
      return 0
    }
    let status = 0
    for (const arg of args) {
      if (!sh.state.aliases.delete(arg)) {
        yield* Sh.error(sh, `unalias: ${arg}: not found`)
        status = 1
      }
    }
    return status
  }),
)
