/**
 * Command-line parsing for the `mirage` CLI (Node-only app entry; kept free of `node:*` so it stays
 * a pure function that tests can call directly).
 *
 * Grammar, as bash reads its own invocation: options come first; `-c SCRIPT` takes the script from
 * the next argument and any further arguments become `$0` and `$1...`; otherwise the first
 * non-option argument is a script FILE and the rest are its positional parameters.
 */

/** What backs one `--mount`. */
export type MountSpec = { readonly kind: "ram" } | { readonly kind: "disk"; readonly dir: string }

/** One `--mount PATH=SPEC` flag after parsing. `dir` of a disk spec is still as the user wrote it. */
export interface MountFlag {
  readonly prefix: string
  readonly spec: MountSpec
  readonly readOnly: boolean
}

/** Where the script comes from. */
export type ScriptSource =
  | { readonly kind: "command"; readonly script: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "none" }

/** A parsed invocation. */
export interface CliOptions {
  readonly mounts: ReadonlyArray<MountFlag>
  readonly cwd: string | undefined
  readonly source: ScriptSource
  /** `$0`: the NAME after `-c SCRIPT`, or the script FILE. */
  readonly name: string | undefined
  readonly args: ReadonlyArray<string>
  /** `-i`: run the interactive shell even when stdin is not a terminal (as `bash -i`). */
  readonly interactive: boolean
  readonly help: boolean
  readonly version: boolean
}

/** The result of {@link parseArgs}: options, or a usage error line (without the `mirage: ` prefix). */
export type ParseResult =
  { readonly _tag: "Ok"; readonly options: CliOptions } | { readonly _tag: "UsageError"; readonly message: string }

/** The text printed by `mirage --help`. */
export const usage = `Usage: mirage [OPTION]... [-c SCRIPT [NAME [ARG]...] | FILE [ARG]...]
Run bash over a virtual filesystem of mounted resources.

With no SCRIPT and no FILE, read commands from standard input: an interactive
shell when it is a terminal, otherwise the whole input is the script.

Options:
  --mount PATH=SPEC  mount a resource at PATH (repeatable); SPEC is one of
                       ram          an empty in-memory filesystem
                       disk:DIR     the host directory DIR (relative to the
                                    current directory)
                     append :ro for a read-only mount (ram:ro, disk:DIR:ro).
                     Without any --mount, / is one writable RAM mount.
  --cwd PATH         start in PATH (default /)
  -c SCRIPT          run SCRIPT; NAME becomes $0 and ARGs $1...
  -i                 run the interactive shell even when stdin is not a terminal
  -h, --help         print this help and exit
  --version          print the version and exit

The exit status is the script's; usage errors exit with status 2.
`

/** Parse `PATH=SPEC` (the value of one `--mount`). Returns undefined when it is not valid. */
export const parseMount = (value: string): MountFlag | undefined => {
  const eq = value.indexOf("=")
  if (eq <= 0) return undefined
  const prefix = value.slice(0, eq)
  if (!prefix.startsWith("/")) return undefined
  let spec = value.slice(eq + 1)
  let readOnly = false
  if (spec.endsWith(":ro")) {
    readOnly = true
    spec = spec.slice(0, -3)
  } else if (spec.endsWith(":rw")) {
    spec = spec.slice(0, -3)
  }
  if (spec === "ram") return { prefix: normalizePrefix(prefix), spec: { kind: "ram" }, readOnly }
  if (spec.startsWith("disk:") && spec.length > "disk:".length) {
    return { prefix: normalizePrefix(prefix), spec: { kind: "disk", dir: spec.slice("disk:".length) }, readOnly }
  }
  return undefined
}

/** "/a//b/" → "/a/b"; "/" stays "/". */
const normalizePrefix = (prefix: string): string => "/" + prefix.split("/").filter(Boolean).join("/")

interface Draft {
  mounts: Array<MountFlag>
  cwd: string | undefined
  script: string | undefined
  interactive: boolean
  help: boolean
  version: boolean
}

/** Parse the arguments after `mirage` (i.e. `process.argv.slice(2)`). */
export const parseArgs = (argv: ReadonlyArray<string>): ParseResult => {
  const draft: Draft = {
    mounts: [],
    cwd: undefined,
    script: undefined,
    interactive: false,
    help: false,
    version: false,
  }
  let i = 0
  const error = (message: string): ParseResult => ({ _tag: "UsageError", message })

  while (i < argv.length) {
    const arg = argv[i]
    if (arg === "--") {
      i++
      break
    }
    if (arg === "-" || !arg.startsWith("-")) break
    // `--name=value` or `--name value`.
    const long = /^(--mount|--cwd)(?:=(.*))?$/s.exec(arg)
    if (long) {
      const flag = long[1]
      let value = long[2]
      if (value === undefined) {
        if (i + 1 >= argv.length) return error(`${flag}: option requires an argument`)
        value = argv[++i]
      }
      if (flag === "--cwd") {
        if (value === "") return error(`--cwd: invalid path ''`)
        draft.cwd = value.startsWith("/") ? value : "/" + value
      } else {
        const mount = parseMount(value)
        if (!mount) return error(`--mount: invalid spec '${value}'`)
        if (draft.mounts.some((m) => m.prefix === mount.prefix)) {
          return error(`--mount: '${mount.prefix}' is mounted twice`)
        }
        draft.mounts.push(mount)
      }
      i++
      continue
    }
    if (arg === "--help") draft.help = true
    else if (arg === "--version") draft.version = true
    else if (arg === "--interactive") draft.interactive = true
    else if (arg.startsWith("--")) return error(`${arg}: invalid option`)
    else {
      // A cluster of short options, as `-ic 'script'`.
      for (const letter of arg.slice(1)) {
        if (letter === "h") draft.help = true
        else if (letter === "i") draft.interactive = true
        else if (letter === "c") {
          if (draft.script !== undefined) continue
          if (i + 1 >= argv.length) return error(`-c: option requires an argument`)
          draft.script = argv[++i]
        } else return error(`-${letter}: invalid option`)
      }
    }
    i++
  }

  const rest = argv.slice(i)
  let source: ScriptSource
  let name: string | undefined
  let args: ReadonlyArray<string>
  if (draft.script !== undefined) {
    source = { kind: "command", script: draft.script }
    name = rest[0]
    args = rest.slice(1)
  } else if (rest.length > 0 && !draft.interactive) {
    source = { kind: "file", path: rest[0] }
    name = rest[0]
    args = rest.slice(1)
  } else {
    source = { kind: "none" }
    name = undefined
    args = rest
  }
  return {
    _tag: "Ok",
    options: {
      mounts: draft.mounts,
      cwd: draft.cwd,
      source,
      name,
      args,
      interactive: draft.interactive,
      help: draft.help,
      version: draft.version,
    },
  }
}
