import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import { runList, runSource } from "../compile.ts"
import * as Sh from "../Shell.ts"
import { fail, make } from "./Builtin.ts"

/** `eval args...`: join the arguments and run them as shell source. */
export const evalBuiltin = make(
  "eval",
  (sh, args) => (args.length === 0 ? Effect.succeed(0) : runSource(sh, args.join(" "))),
  {
    special: true,
  },
)

const decoder = new TextDecoder()

/** `source file [args]` / `. file [args]`: run a file from the namespace in the current shell. */
const source = (name: string) =>
  make(
    name,
    (sh, args) =>
      Effect.gen(function* () {
        const file = args[0]
        if (file === undefined) return yield* fail(sh, name, "filename argument required", 2)
        const path = Path.resolve(sh.state.cwd, file)
        const bytes = yield* Effect.result(sh.rt.ns.readFile(path))
        if (bytes._tag === "Failure") return yield* fail(sh, file, "No such file or directory")
        const parsed = sh.rt.parse(decoder.decode(bytes.success))
        if ("error" in parsed) {
          yield* Sh.writeErr(sh, `${file}: line ${parsed.line}: ${parsed.error}\n`)
          return 2
        }
        const s = sh.state
        const savedPositional = s.positional
        if (args.length > 1) s.positional = args.slice(1)
        s.sourcing++
        const outcome = yield* runList(sh, parsed.body).pipe(
          Effect.ensuring(
            Effect.sync(() => {
              s.sourcing--
              if (args.length > 1) s.positional = savedPositional
            }),
          ),
        )
        if (Sh.isSignal(outcome) && outcome._tag === "Return") return outcome.status
        return outcome
      }),
    { special: true },
  )

export const sourceBuiltin = source("source")
export const dot = source(".")
