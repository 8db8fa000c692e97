import type { CacheOptions } from "../vfs/Cache.ts"
import { type MountSpec, parseSpec, readOnlyByNature, splitMode } from "./mounts.ts"

export type { MountSpec } from "./mounts.ts"

/**
 * Command-line parsing for the `mirage` CLI (Node-only app entry; kept free of `node:*` so it stays
 * a pure function that tests can call directly).
 *
 * Grammar, as bash reads its own invocation: options come first; `-c SCRIPT` takes the script from
 * the next argument and any further arguments become `$0` and `$1...`; otherwise the first
 * non-option argument is a script FILE and the rest are its positional parameters.
 */

/** One `--mount PATH=SPEC` flag (or a workspace file's mount) after parsing. `dir` of a disk spec is still as the user wrote it. */
export interface MountFlag {
  readonly prefix: string
  readonly spec: MountSpec
  readonly readOnly: boolean
  /** The mount's cache settings (workspace files only). */
  readonly cache?: CacheOptions | false | undefined
}

/** Where the script comes from. */
export type ScriptSource =
  | { readonly kind: "command"; readonly script: string }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "none" }

/** A parsed invocation. */
export interface CliOptions {
  readonly mounts: ReadonlyArray<MountFlag>
  /** `--config FILE`: a workspace file (YAML) declaring mounts and cache settings. */
  readonly config: string | undefined
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
                       s3://BUCKET[/PREFIX][?endpoint=URL&region=R&path_style=1]
                                    an S3 bucket (or R2, GCS, OCI, Supabase
                                    through endpoint=); keys from AWS_ACCESS_KEY_ID,
                                    AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
                       redis://HOST[:PORT][/DB][?prefix=P]
                                    a filesystem stored in Redis; password
                                    from REDIS_PASSWORD
                       slack:[?base=URL]    Slack, token from SLACK_TOKEN
                       linear:[?base=URL]   Linear, key from LINEAR_API_KEY
                       github:OWNER/REPO[@REF][?base=URL]
                                    a repository at REF; token from GITHUB_TOKEN
                     append :ro for a read-only mount (ram:ro, disk:DIR:ro).
                     Slack, Linear and GitHub are read-only.
                     Without any --mount, / is one writable RAM mount.
  --config FILE      read mounts, cache settings, cwd and env from a YAML
                     workspace file (see the README); --mount adds to it
  --cwd PATH         start in PATH (default /)
  -c SCRIPT          run SCRIPT; NAME becomes $0 and ARGs $1...
  -i                 run the interactive shell even when stdin is not a terminal
  -h, --help         print this help and exit
  --version          print the version and exit

The exit status is the script's; usage errors exit with status 2.
`

/** Parse `PATH=SPEC` (the value of one `--mount`): the flag, or why it is not valid. */
export const parseMountFlag = (value: string): { readonly ok: MountFlag } | { readonly error: string } => {
  const eq = value.indexOf("=")
  if (eq <= 0 || !value.startsWith("/")) return { error: `invalid spec '${value}' (expected PATH=SPEC)` }
  const { spec, readOnly } = splitMode(value.slice(eq + 1))
  const parsed = parseSpec(spec)
  if ("error" in parsed) return { error: parsed.error }
  return {
    ok: {
      prefix: normalizePrefix(value.slice(0, eq)),
      spec: parsed.ok,
      readOnly: readOnly ?? readOnlyByNature(parsed.ok),
    },
  }
}

/** Parse `PATH=SPEC`; undefined when it is not valid. */
export const parseMount = (value: string): MountFlag | undefined => {
  const parsed = parseMountFlag(value)
  return "ok" in parsed ? parsed.ok : undefined
}

/** "/a//b/" → "/a/b"; "/" stays "/". */
export const normalizePrefix = (prefix: string): string => "/" + prefix.split("/").filter(Boolean).join("/")

interface Draft {
  mounts: Array<MountFlag>
  config: string | undefined
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
    config: undefined,
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
    const long = /^(--mount|--cwd|--config)(?:=(.*))?$/s.exec(arg)
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
      } else if (flag === "--config") {
        if (value === "") return error(`--config: invalid file ''`)
        draft.config = value
      } else {
        const parsed = parseMountFlag(value)
        if ("error" in parsed) return error(`--mount: ${parsed.error}`)
        const mount = parsed.ok
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
      config: draft.config,
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
