import { Effect } from "effect"
import { quoteIfNeeded } from "../expand/quote.ts"
import type * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import { describeVar } from "./declare.ts"
import { fail, make, print } from "./Builtin.ts"

const letterOptions: Record<string, keyof State.SetOptions> = {
  e: "errexit",
  E: "errtrace",
  u: "nounset",
  x: "xtrace",
  f: "noglob",
  C: "noclobber",
  a: "allexport",
  n: "noexec",
  v: "verbose",
}

/** `set [-euxfCa] [-o name] [--] [args]`: options and positional parameters. */
export const set = make(
  "set",
  (sh, args) =>
    Effect.gen(function* () {
      const s = sh.state
      if (args.length === 0) {
        const all = new Map(s.globals)
        for (const scope of s.scopes) for (const [k, v] of scope) all.set(k, v)
        let out = ""
        for (const [name, v] of [...all.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
          if (v.value === undefined) continue
          out +=
            v.value.kind === "scalar"
              ? `${name}=${quoteIfNeeded(v.value.value)}\n`
              : describeVar(name, v).replace(/^declare -\S+ /, "") + "\n"
        }
        yield* print(sh, out)
        return 0
      }
      let i = 0
      for (; i < args.length; i++) {
        const a = args[i]!
        if (a === "--") {
          s.positional = args.slice(i + 1)
          return 0
        }
        if (a === "-") {
          s.options.xtrace = false
          s.options.verbose = false
          i++
          break
        }
        if ((a[0] !== "-" && a[0] !== "+") || a.length < 2) break
        const on = a[0] === "-"
        for (let j = 1; j < a.length; j++) {
          const c = a[j]!
          if (c === "o") {
            const name = args[++i]
            if (name === undefined) {
              yield* printOptions(sh, on)
              continue
            }
            if (!State.isSetOption(name)) return yield* fail(sh, "set", `${name}: invalid option name`, 2)
            s.options[name] = on
            continue
          }
          const name = letterOptions[c]
          if (name === undefined) return yield* fail(sh, "set", `${a[0]}${c}: invalid option`, 2)
          s.options[name] = on
        }
      }
      if (i < args.length) s.positional = args.slice(i)
      return 0
    }),
  { special: true },
)

const printOptions = (sh: Sh.Shell, dashO: boolean): Effect.Effect<void, Sh.Failure> =>
  print(
    sh,
    State.setOptionNames
      .map((n) =>
        dashO
          ? `${n.padEnd(15)}\t${sh.state.options[n] ? "on" : "off"}\n`
          : `set ${sh.state.options[n] ? "-o" : "+o"} ${n}\n`,
      )
      .join(""),
  )

/** `shopt [-s|-u] [-q] [-p] [name...]` */
export const shopt = make("shopt", (sh, args) =>
  Effect.gen(function* () {
    let mode: "s" | "u" | "show" = "show"
    let quiet = false
    let i = 0
    for (; i < args.length && args[i]!.startsWith("-"); i++) {
      for (const c of args[i]!.slice(1)) {
        if (c === "s") mode = "s"
        else if (c === "u") mode = "u"
        else if (c === "q") quiet = true
        else if (c === "p" || c === "o") {
          // -p prints in reusable form (the default form here); -o is not supported
        } else return yield* fail(sh, "shopt", `-${c}: invalid option`, 2)
      }
    }
    const names = args.slice(i)
    const opts = sh.state.shopt
    const selected: Array<keyof State.ShoptOptions> = []
    for (const n of names) {
      if (!State.isShoptOption(n)) return yield* fail(sh, "shopt", `${n}: invalid shell option name`, 1)
      selected.push(n)
    }
    if (names.length === 0) selected.push(...State.shoptNames)
    if (mode !== "show") {
      for (const n of selected) opts[n] = mode === "s"
      return 0
    }
    let status = 0
    let out = ""
    for (const n of selected) {
      if (!opts[n]) status = 1
      out += `${n.padEnd(15)}\t${opts[n] ? "on" : "off"}\n`
    }
    if (!quiet) yield* print(sh, out)
    return status
  }),
)

/** `shift [n]` */
export const shift = make(
  "shift",
  (sh, args) =>
    Effect.gen(function* () {
      const arg = args[0] ?? "1"
      if (!/^[0-9]+$/.test(arg)) return yield* fail(sh, "shift", `${arg}: numeric argument required`)
      const n = Number(arg)
      if (n > sh.state.positional.length) return 1
      sh.state.positional = sh.state.positional.slice(n)
      return 0
    }),
  { special: true },
)
