import { Effect } from "effect"
import { encode } from "../Io.ts"
import * as Sh from "../Shell.ts"

/**
 * A builtin: a command that runs inside the shell and may change its state.
 * `special` builtins (POSIX's list) keep prefix assignments (`x=1 export y`).
 */
export interface Builtin {
  readonly name: string
  readonly special: boolean
  readonly run: (sh: Sh.Shell, args: ReadonlyArray<string>) => Sh.Exec
}

export const make = (name: string, run: Builtin["run"], options: { readonly special?: boolean } = {}): Builtin => ({
  name,
  special: options.special ?? false,
  run,
})

/** Write text to the builtin's stdout. */
export const print = (sh: Sh.Shell, text: string): Effect.Effect<void, Sh.Failure> => {
  const out = Sh.stdout(sh)
  return out === undefined || text.length === 0 ? Effect.void : out.write(encode(text))
}

/** `mirage: line N: name: message` on stderr, then `status`. */
export const fail = (sh: Sh.Shell, name: string, message: string, status = 1): Sh.Exec =>
  Effect.as(Sh.error(sh, `${name}: ${message}`), status)

/** Parse leading single-letter options (`-a -x` / `-ax`, `+x`), stopping at `--` or the first operand. */
export const parseFlags = (
  args: ReadonlyArray<string>,
  allowed: string,
  withValue = "",
): {
  readonly flags: Map<string, string | true>
  readonly plus: Set<string>
  readonly rest: Array<string>
  readonly bad?: string
} => {
  const flags = new Map<string, string | true>()
  const plus = new Set<string>()
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i]!
    if (a === "--") {
      i++
      break
    }
    if (a.length < 2 || (a[0] !== "-" && a[0] !== "+")) break
    const isPlus = a[0] === "+"
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!
      if (!allowed.includes(c) && !withValue.includes(c)) return { flags, plus, rest: args.slice(i + 1), bad: c }
      if (withValue.includes(c)) {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i]
        if (value === undefined) return { flags, plus, rest: [], bad: c }
        flags.set(c, value)
        break
      }
      if (isPlus) plus.add(c)
      else flags.set(c, true)
    }
  }
  return { flags, plus, rest: args.slice(i) }
}
