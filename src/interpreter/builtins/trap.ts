import { Effect } from "effect"
import { quoteForReuse } from "../expand/quote.ts"
import * as Sh from "../Shell.ts"
import { make, print } from "./Builtin.ts"

const signalNames: Record<string, string> = {
  "0": "EXIT",
  EXIT: "EXIT",
  ERR: "ERR",
  DEBUG: "DEBUG",
  RETURN: "RETURN",
  "1": "HUP",
  "2": "INT",
  "3": "QUIT",
  "15": "TERM",
}

const normalize = (name: string): string | undefined => {
  const upper = name.toUpperCase().replace(/^SIG/, "")
  return (
    signalNames[upper] ??
    (["HUP", "INT", "QUIT", "TERM", "USR1", "USR2", "PIPE", "CHLD"].includes(upper) ? upper : undefined)
  )
}

/** `trap [-p] [action] [signal...]`: EXIT and ERR run; other signals are recorded. */
export const trap = make(
  "trap",
  (sh, args) =>
    Effect.gen(function* () {
      const traps = sh.state.traps
      if (args.length === 0 || args[0] === "-p") {
        const wanted = args.slice(1).map(normalize)
        let out = ""
        for (const [sig, action] of traps) {
          if (wanted.length > 0 && !wanted.includes(sig)) continue
          out += `trap -- ${quoteForReuse(action)} ${sig}\n`
        }
        yield* print(sh, out)
        return 0
      }
      let rest = args
      if (rest[0] === "--") rest = rest.slice(1)
      const action = rest[0]!
      const signals = rest.slice(1)
      if (signals.length === 0) {
        // `trap SIGNAL` alone resets it
        const sig = normalize(action)
        if (sig !== undefined) traps.delete(sig)
        return 0
      }
      let status = 0
      for (const s of signals) {
        const sig = normalize(s)
        if (sig === undefined) {
          yield* Sh.error(sh, `trap: ${s}: invalid signal specification`)
          status = 1
          continue
        }
        if (action === "-") traps.delete(sig)
        else traps.set(sig, action)
      }
      return status
    }),
  { special: true },
)
