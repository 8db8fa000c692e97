/**
 * jq's command line, parsed as jq 1.8's `main.c` parses it: its own rules
 * rather than getopt (`-rc` clusters, `--arg NAME VALUE` takes two
 * arguments, the first operand is the filter, `--args` turns the rest into
 * positional values), with its messages.
 */

/** How values are printed: compact, indented by N spaces (0-7), or by tabs. */
export type Layout =
  { readonly _tag: "Compact" } | { readonly _tag: "Indent"; readonly width: number } | { readonly _tag: "Tab" }

/** A `--arg`, `--argjson`, `--slurpfile` or `--rawfile` binding. */
export interface Named {
  readonly kind: "arg" | "argjson" | "slurpfile" | "rawfile"
  readonly name: string
  readonly value: string
}

/** Everything the command line sets. */
export interface Options {
  /** The filter text, or the filter file's name with `fromFile`; undefined means `.`. */
  readonly filter: string | undefined
  readonly fromFile: boolean
  readonly files: ReadonlyArray<string>
  readonly slurp: boolean
  readonly rawInput: boolean
  readonly nullInput: boolean
  /** `-r`: strings are printed without quotes. */
  readonly rawOutput: boolean
  /** `-j` / `--raw-output0`: no newline after each output. */
  readonly noNewline: boolean
  /** `--raw-output0`: a NUL after each output. */
  readonly nul: boolean
  readonly ascii: boolean
  readonly sortKeys: boolean
  readonly seq: boolean
  readonly stream: boolean
  readonly streamErrors: boolean
  readonly exitStatus: boolean
  readonly layout: Layout
  /** First binding of a name wins, as in jq. */
  readonly named: ReadonlyArray<Named>
  /** `--args` / `--jsonargs` values. */
  readonly positional: ReadonlyArray<{ readonly json: boolean; readonly text: string }>
}

/** The outcome of parsing jq's argv. */
export type Parsed =
  | { readonly _tag: "Run"; readonly options: Options }
  | { readonly _tag: "Help" }
  | { readonly _tag: "Version" }
  /** A usage error: `message` (if any) then the "Use jq --help" lines, status 2. */
  | { readonly _tag: "Usage"; readonly message: string }

/** The two lines jq's `die()` prints before exiting with 2. */
export const DIE =
  "Use jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n"

const isOptish = (a: string): boolean => a[0] === "-" && (a[1] === "-" || /^[A-Za-z]$/.test(a[1] ?? ""))

const SHORT: Record<string, string> = {
  s: "slurp",
  r: "raw-output",
  j: "join-output",
  c: "compact-output",
  C: "color-output",
  M: "monochrome-output",
  a: "ascii-output",
  S: "sort-keys",
  R: "raw-input",
  n: "null-input",
  f: "from-file",
  L: "library-path",
  b: "binary",
  e: "exit-status",
  h: "help",
  V: "version",
}

const TWO_ARGS: Record<string, string> = {
  arg: "jq: --arg takes two parameters (e.g. --arg varname value)",
  argjson: "jq: --argjson takes two parameters (e.g. --argjson varname text)",
  slurpfile: "jq: --slurpfile takes two parameters (e.g. --slurpfile varname filename)",
  rawfile: "jq: --rawfile takes two parameters (e.g. --rawfile varname filename)",
}

/** Parse jq's arguments. Never throws. */
export const parseArgs = (args: ReadonlyArray<string>): Parsed => {
  let filter: string | undefined
  const files: Array<string> = []
  const named: Array<Named> = []
  const positional: Array<{ json: boolean; text: string }> = []
  const set = new Set<string>()
  let layout: Layout = { _tag: "Indent", width: 2 }
  let argsMode: "files" | "strings" | "json" = "files"
  let done = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (done || !isOptish(a)) {
      if (filter === undefined) filter = a
      else if (argsMode === "files") files.push(a)
      else positional.push({ json: argsMode === "json", text: a })
      continue
    }
    if (a === "--") {
      done = true
      continue
    }
    // A long option is one name; a short one a cluster of letters, where
    // `-L` takes the rest of the cluster (or the next argument) as its path.
    const names: Array<string> = []
    if (a[1] === "-") names.push(a.slice(2))
    else
      for (let j = 1; j < a.length; j++) {
        const name = SHORT[a[j]] ?? `\u0000${a[j]}`
        if (name === "library-path" && j < a.length - 1) break
        names.push(name)
      }
    for (const name of names) {
      switch (name) {
        case "compact-output":
          layout = { _tag: "Compact" }
          break
        case "tab":
          layout = { _tag: "Tab" }
          break
        case "indent": {
          if (i >= args.length - 1) return { _tag: "Usage", message: "jq: --indent takes one parameter\n" }
          const text = args[++i]
          if (!/^[+-]?\d+$/.test(text) || Number(text) < -1 || Number(text) > 7)
            return { _tag: "Usage", message: "jq: --indent takes a number between -1 and 7\n" }
          const n = Number(text)
          layout = n === -1 ? { _tag: "Tab" } : { _tag: "Indent", width: n }
          break
        }
        case "library-path":
          // Modules cannot be loaded from the namespace: the path is accepted and ignored.
          if (i >= args.length - 1)
            return { _tag: "Usage", message: "-L takes a parameter: (e.g. -L /search/path or -L/search/path)\n" }
          i++
          break
        case "args":
          argsMode = "strings"
          break
        case "jsonargs":
          argsMode = "json"
          break
        case "arg":
        case "argjson":
        case "slurpfile":
        case "rawfile": {
          if (i >= args.length - 2) return { _tag: "Usage", message: `${TWO_ARGS[name]}\n` }
          const key = args[i + 1]
          if (!named.some((n) => n.name === key)) named.push({ kind: name, name: key, value: args[i + 2] })
          i += 2
          break
        }
        case "help":
          return { _tag: "Help" }
        case "version":
          return { _tag: "Version" }
        case "slurp":
        case "raw-output":
        case "raw-output0":
        case "join-output":
        case "color-output":
        case "monochrome-output":
        case "ascii-output":
        case "unbuffered":
        case "sort-keys":
        case "raw-input":
        case "null-input":
        case "from-file":
        case "binary":
        case "seq":
        case "stream":
        case "stream-errors":
        case "exit-status":
          set.add(name)
          break
        default:
          return {
            _tag: "Usage",
            message: name.startsWith("\u0000")
              ? `jq: Unknown option -${name.slice(1)}\n`
              : `jq: Unknown option --${name}\n`,
          }
      }
    }
  }
  const raw0 = set.has("raw-output0")
  const join = set.has("join-output")
  return {
    _tag: "Run",
    options: {
      filter,
      fromFile: set.has("from-file"),
      files,
      slurp: set.has("slurp"),
      rawInput: set.has("raw-input"),
      nullInput: set.has("null-input"),
      rawOutput: set.has("raw-output") || raw0 || join,
      noNewline: raw0 || join,
      nul: raw0,
      ascii: set.has("ascii-output"),
      sortKeys: set.has("sort-keys"),
      seq: set.has("seq"),
      stream: set.has("stream") || set.has("stream-errors"),
      streamErrors: set.has("stream-errors"),
      exitStatus: set.has("exit-status"),
      layout,
      named,
      positional,
    },
  }
}
