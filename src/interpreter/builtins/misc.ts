import { Effect, Fiber } from "effect"
import { format } from "../commands/printf.ts"
import { evalArithText } from "../expand/word.ts"
import * as Sh from "../Shell.ts"
import { invokeCommand, runRegistered, runScriptText } from "../simple.ts"
import { readAll } from "../Io.ts"
import { fail, make } from "./Builtin.ts"

/** `let expr...`: status 0 when the last value is non-zero. */
export const letBuiltin = make("let", (sh, args) =>
  Effect.gen(function* () {
    if (args.length === 0) return yield* fail(sh, "let", "expression expected")
    let last = 0n
    for (const a of args) {
      const r = evalArithText(sh, a)
      if ("error" in r) return yield* fail(sh, "let", r.error)
      last = r.value
    }
    return last === 0n ? 1 : 0
  }),
)

/** `wait [pid...]`: join background jobs; the status is the last one's. */
export const wait = make("wait", (sh, args) =>
  Effect.gen(function* () {
    const jobs = sh.rt.jobs
    if (args.length === 0) {
      for (const [pid, fiber] of jobs) {
        yield* Fiber.join(fiber)
        jobs.delete(pid)
      }
      return 0
    }
    let status = 0
    for (const a of args) {
      const pid = Number(a.replace(/^%/, ""))
      const fiber = jobs.get(pid)
      if (fiber === undefined) {
        yield* Sh.error(sh, `wait: pid ${a} is not a child of this shell`)
        status = 127
        continue
      }
      status = yield* Fiber.join(fiber)
      jobs.delete(pid)
    }
    return status
  }),
)

/** `printf [-v var] format [args]`: the printf command, plus assignment to a variable. */
export const printf = make("printf", (sh, args) =>
  Effect.gen(function* () {
    if (args[0] === "-v") {
      const name = args[1]
      if (name === undefined) return yield* fail(sh, "printf", "-v: option requires an argument", 2)
      if (args[2] === undefined) return yield* fail(sh, "printf", "usage: printf [-v var] format [arguments]", 2)
      const r = format(args[2], args.slice(3))
      for (const e of r.errors) yield* Sh.error(sh, `printf: ${e}`)
      const a = Sh.assign(sh, name, r.output)
      if (!a.ok) return yield* fail(sh, "printf", a.message)
      return r.status
    }
    return yield* runRegistered(sh, ["printf", ...args])
  }),
)

/** `bash`/`sh`: `-c script [name [args]]`, or a script file with arguments, in a subshell. */
const shell = (name: string) =>
  make(name, (sh, args) =>
    Effect.gen(function* () {
      let i = 0
      const sets: Array<string> = []
      while (i < args.length && /^[-+][euxo]+$/.test(args[i]!) && args[i] !== "-c") {
        sets.push(args[i]!)
        if (args[i]!.endsWith("o")) sets.push(args[++i] ?? "")
        i++
      }
      const prefix = sets.length > 0 ? `set ${sets.join(" ")}\n` : ""
      if (args[i] === "-c") {
        const script = args[i + 1]
        if (script === undefined) return yield* fail(sh, name, "-c: option requires an argument", 2)
        return yield* runScriptText(sh, prefix + script, args[i + 2] ?? name, args.slice(i + 3))
      }
      const file = args[i]
      if (file === undefined) {
        const input = Sh.stdin(sh)
        if (input === undefined) return 0
        const bytes = yield* Effect.orElseSucceed(readAll(input), () => new Uint8Array(0))
        return yield* runScriptText(sh, prefix + new TextDecoder().decode(bytes), name, [])
      }
      const bytes = yield* Effect.result(sh.rt.ns.readFile(Sh.resolvePath(sh, file)))
      if (bytes._tag === "Failure") return yield* fail(sh, file, "No such file or directory", 127)
      return yield* runScriptText(sh, prefix + new TextDecoder().decode(bytes.success), file, args.slice(i + 1))
    }),
  )

export const bash = shell("bash")
export const shBuiltin = shell("sh")

/** `exec cmd args`: run the command and end the shell with its status. */
export const exec = make(
  "exec",
  (sh, args) =>
    Effect.gen(function* () {
      if (args.length === 0) return 0
      const status = yield* invokeCommand(sh, args)
      return { _tag: "Exit" as const, status: Sh.isSignal(status) ? 0 : status }
    }),
  { special: true },
)
