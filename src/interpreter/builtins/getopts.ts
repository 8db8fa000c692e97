import { Effect } from "effect"
import * as Sh from "../Shell.ts"
import { fail, make } from "./Builtin.ts"

/** `getopts optstring name [args]`: one option per call, state in OPTIND (and the char offset). */
export const getopts = make("getopts", (sh, args) =>
  Effect.gen(function* () {
    if (args.length < 2) return yield* fail(sh, "getopts", "usage: getopts optstring name [arg ...]", 2)
    const spec = args[0]!
    const name = args[1]!
    const silent = spec.startsWith(":")
    const params = args.length > 2 ? args.slice(2) : sh.state.positional
    let optind = Number(Sh.getParam(sh, "OPTIND") ?? "1")
    if (!Number.isFinite(optind) || optind < 1) optind = 1
    // position inside a cluster like -abc, kept between calls
    let offset = sh.state.getoptsOffset
    if (sh.state.getoptsIndex !== optind) offset = 1
    const arg = params[optind - 1]
    if (arg === undefined || arg === "-" || !arg.startsWith("-") || arg === "--") {
      if (arg === "--") optind++
      Sh.assign(sh, "OPTIND", String(optind))
      Sh.assign(sh, name, "?")
      sh.state.getoptsOffset = 1
      return 1
    }
    const c = arg[offset]!
    const at = spec.indexOf(c)
    let next = offset + 1
    const advance = () => {
      if (next >= arg.length) {
        optind++
        next = 1
      }
    }
    if (at < 0 || c === ":") {
      advance()
      if (silent) {
        Sh.assign(sh, "OPTARG", c)
      } else {
        yield* Sh.error(sh, `illegal option -- ${c}`)
        Sh.unset(sh, "OPTARG")
      }
      Sh.assign(sh, name, "?")
    } else if (spec[at + 1] === ":") {
      let value: string | undefined
      if (next < arg.length) {
        value = arg.slice(next)
        optind++
      } else {
        value = params[optind]
        optind += 2
      }
      next = 1
      if (value === undefined) {
        if (silent) {
          Sh.assign(sh, name, ":")
          Sh.assign(sh, "OPTARG", c)
        } else {
          yield* Sh.error(sh, `option requires an argument -- ${c}`)
          Sh.assign(sh, name, "?")
          Sh.unset(sh, "OPTARG")
        }
      } else {
        Sh.assign(sh, name, c)
        Sh.assign(sh, "OPTARG", value)
      }
    } else {
      advance()
      Sh.assign(sh, name, c)
      Sh.unset(sh, "OPTARG")
    }
    Sh.assign(sh, "OPTIND", String(optind))
    sh.state.getoptsIndex = optind
    sh.state.getoptsOffset = next
    return 0
  }),
)
