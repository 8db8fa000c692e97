import { errorText } from "../ExitStatus.ts"
import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import { fail, make, print } from "./Builtin.ts"

/** `cd [-L|-P] [dir]`: change the working directory; `cd -` goes back to `$OLDPWD`. */
export const cd = make("cd", (sh, args) =>
  Effect.gen(function* () {
    const operands = args.filter((a) => a !== "-L" && a !== "-P" && a !== "--")
    if (operands.length > 1) return yield* fail(sh, "cd", "too many arguments")
    let target: string | undefined = operands[0]
    let echo = false
    if (target === undefined) {
      target = Sh.getParam(sh, "HOME")
      if (target === undefined) return yield* fail(sh, "cd", "HOME not set")
    } else if (target === "-") {
      target = Sh.getParam(sh, "OLDPWD")
      if (target === undefined) return yield* fail(sh, "cd", "OLDPWD not set")
      echo = true
    }
    if (target === "") return 0
    const path = Path.resolve(sh.state.cwd, target)
    const st = yield* Effect.result(sh.rt.ns.stat(path))
    if (st._tag === "Failure") return yield* fail(sh, "cd", `${target}: ${errorText(st.failure)}`)
    if (st.success.type !== "directory") return yield* fail(sh, "cd", `${target}: Not a directory`)
    const old = sh.state.cwd
    sh.state.cwd = path
    setExported(sh, "OLDPWD", old)
    setExported(sh, "PWD", path)
    if (echo) yield* print(sh, path + "\n")
    return 0
  }),
)

const setExported = (sh: Sh.Shell, name: string, value: string): void => {
  Sh.assign(sh, name, value)
  const v = State.lookup(sh.state, name)
  if (v !== undefined && name === "PWD") v.exported = true
}

/** `pwd`: print the working directory. */
export const pwd = make("pwd", (sh) => Effect.as(print(sh, sh.state.cwd + "\n"), 0))
