import { Effect } from "effect"
import * as Sh from "../Shell.ts"
import { fail, make } from "./Builtin.ts"

/** `true`, `false`, `:` */
export const trueBuiltin = make("true", () => Effect.succeed(0))
export const falseBuiltin = make("false", () => Effect.succeed(1))
export const colon = make(":", () => Effect.succeed(0), { special: true })

const numeric = (sh: Sh.Shell, name: string, arg: string | undefined, fallback: number) => {
  if (arg === undefined) return Effect.succeed(fallback)
  if (!/^[-+]?[0-9]+$/.test(arg)) return Effect.as(fail(sh, name, `${arg}: numeric argument required`), -1)
  return Effect.succeed(Number(BigInt.asUintN(8, BigInt(arg))))
}

/** `exit [n]` */
export const exit = make(
  "exit",
  (sh, args) =>
    Effect.map(numeric(sh, "exit", args[0], sh.state.lastStatus), (n) => ({
      _tag: "Exit" as const,
      status: n < 0 ? 2 : n,
    })),
  { special: true },
)

/** `return [n]` */
export const returnBuiltin = make(
  "return",
  (sh, args) =>
    Effect.gen(function* () {
      if (sh.state.funcNames.length === 0 && !sh.state.sourcing) {
        return yield* fail(sh, "return", "can only `return' from a function or sourced script", 2)
      }
      const n = yield* numeric(sh, "return", args[0], sh.state.lastStatus)
      return { _tag: "Return" as const, status: n < 0 ? 2 : n }
    }),
  { special: true },
)

const loopSignal = (tag: "Break" | "Continue") =>
  make(
    tag.toLowerCase(),
    (sh, args) =>
      Effect.gen(function* () {
        const arg = args[0]
        let levels = 1
        if (arg !== undefined) {
          if (!/^[0-9]+$/.test(arg)) return yield* fail(sh, tag.toLowerCase(), `${arg}: numeric argument required`)
          levels = Number(arg)
          if (levels < 1) return yield* fail(sh, tag.toLowerCase(), `${arg}: loop count out of range`)
        }
        if (sh.loopDepth === 0) {
          yield* Sh.error(sh, `${tag.toLowerCase()}: only meaningful in a \`for', \`while', or \`until' loop`)
          return 0
        }
        return { _tag: tag, levels: Math.min(levels, sh.loopDepth) }
      }),
    { special: true },
  )

/** `break [n]`, `continue [n]` */
export const breakBuiltin = loopSignal("Break")
export const continueBuiltin = loopSignal("Continue")
