import { Effect } from "effect"
import * as Sh from "../Shell.ts"
import { invokeCommand } from "../simple.ts"
import { functionSource } from "./declare.ts"
import { make, parseFlags, print } from "./Builtin.ts"
import { builtins } from "./index.ts"

/** Shell keywords, for `type`. */
const keywords = new Set([
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "for",
  "in",
  "do",
  "done",
  "while",
  "until",
  "case",
  "esac",
  "function",
  "select",
  "time",
  "{",
  "}",
  "!",
  "[[",
  "]]",
])

type Kind = "alias" | "keyword" | "function" | "builtin" | "file"

/** Bash builtins that Mirage runs as ordinary commands: `type` still calls them builtins. */
const commandBuiltins = new Set([
  "echo",
  "printf",
  "test",
  "[",
  "true",
  "false",
  "pwd",
  "kill",
  "umask",
  "ulimit",
  "times",
  "hash",
  "help",
  "enable",
  "logout",
  "dirs",
  "pushd",
  "popd",
  "disown",
  "jobs",
  "fg",
  "bg",
  "suspend",
  "caller",
  "compgen",
  "complete",
  "mapfile",
  "readarray",
  "history",
  "fc",
  "bind",
  "builtin",
])

const classify = (sh: Sh.Shell, name: string): Kind | undefined => {
  if (sh.state.aliases.has(name) && sh.state.shopt.expand_aliases) return "alias"
  if (keywords.has(name)) return "keyword"
  if (sh.state.functions.has(name)) return "function"
  if (builtins.has(name) || (commandBuiltins.has(name) && sh.rt.commands.has(name))) return "builtin"
  if (sh.rt.commands.has(name)) return "file"
  return undefined
}

/** Where registered commands appear to live, for `type`, `command -v` and `which`. */
const commandPath = (name: string) => `/usr/bin/${name}`

/** `type [-t] [-p] [-a] name...` */
export const type = make("type", (sh, args) =>
  Effect.gen(function* () {
    const parsed = parseFlags(args, "tpaPf")
    let status = 0
    for (const name of parsed.rest) {
      const kind = classify(sh, name)
      if (kind === undefined) {
        if (!parsed.flags.has("t") && !parsed.flags.has("p")) yield* Sh.error(sh, `type: ${name}: not found`)
        status = 1
        continue
      }
      if (parsed.flags.has("t")) {
        yield* print(sh, kind + "\n")
        continue
      }
      if (parsed.flags.has("p")) {
        if (kind === "file") yield* print(sh, commandPath(name) + "\n")
        continue
      }
      switch (kind) {
        case "alias":
          yield* print(sh, `${name} is aliased to \`${sh.state.aliases.get(name)}'\n`)
          break
        case "keyword":
          yield* print(sh, `${name} is a shell keyword\n`)
          break
        case "function":
          yield* print(sh, `${name} is a function\n${functionSource(sh.state.functions.get(name)!)}\n`)
          break
        case "builtin":
          yield* print(sh, `${name} is a shell builtin\n`)
          break
        case "file":
          yield* print(sh, `${name} is ${commandPath(name)}\n`)
      }
    }
    return status
  }),
)

/** `command [-v|-V] name [args]`: run a builtin or command, bypassing functions. */
export const command = make("command", (sh, args) =>
  Effect.gen(function* () {
    const parsed = parseFlags(args, "vVp")
    if (parsed.flags.has("v") || parsed.flags.has("V")) {
      let found = false
      for (const name of parsed.rest) {
        const kind = classify(sh, name)
        if (kind === undefined) {
          if (parsed.flags.has("V")) yield* Sh.error(sh, `command: ${name}: not found`)
          continue
        }
        found = true
        if (parsed.flags.has("V")) {
          yield* print(
            sh,
            kind === "file"
              ? `${name} is ${commandPath(name)}\n`
              : `${name} is a shell ${kind === "builtin" ? "builtin" : kind}\n`,
          )
        } else
          yield* print(
            sh,
            (kind === "file"
              ? commandPath(name)
              : kind === "alias"
                ? `alias ${name}='${sh.state.aliases.get(name)}'`
                : name) + "\n",
          )
      }
      return found ? 0 : 1
    }
    if (parsed.rest.length === 0) return 0
    return yield* invokeCommand(sh, parsed.rest)
  }),
)

/** `which name...`: the path of each command. */
export const which = make("which", (sh, args) =>
  Effect.gen(function* () {
    let status = 0
    for (const name of args.filter((a) => !a.startsWith("-"))) {
      if (sh.rt.commands.has(name)) yield* print(sh, commandPath(name) + "\n")
      else status = 1
    }
    return status
  }),
)
