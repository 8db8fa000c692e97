import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make, type CommandContext, type DeclaredCommand } from "../Command.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { run } from "./awk/Interp.ts"
import { parseSources, type Source } from "./awk/Program.ts"
import { reasonText } from "./awk/Streams.ts"
import { decodeLatin1 as latin1 } from "./shared/Latin1.ts"

/**
 * `awk` (also `gawk`): POSIX awk with the gawk extensions scripts use, in
 * the C locale, matching GNU Awk 5.2's output and messages. The language
 * lives in `awk/`:
 *
 * - Program.ts parses the sources (Lexer, Parser, ParseExpr into Ast) and
 *   words syntax errors as gawk does;
 * - Interp.ts compiles (Analysis, Compiler, CompileExpr, CompileStmt,
 *   CompileAsync, Builtins, Calls) and runs BEGIN, the records, and END;
 * - Runtime.ts holds variables, `$0` and fields (Fields, Values, Format,
 *   Regex, AwkArray with gawk's iteration order, Sorting, Text, Time, Random);
 * - AwkIo.ts, MainInput.ts, Records.ts and Streams.ts do the I/O.
 */

const usage = (name: string): string =>
  [
    `Usage: ${name} [POSIX or GNU style options] -f progfile [--] file ...`,
    `Usage: ${name} [POSIX or GNU style options] [--] 'program' file ...`,
    "POSIX options:\t\tGNU long options: (standard)",
    "\t-f progfile\t\t--file=progfile",
    "\t-F fs\t\t\t--field-separator=fs",
    "\t-v var=val\t\t--assign=var=val",
    "Short options:\t\tGNU long options: (extensions)",
    "\t-b\t\t\t--characters-as-bytes",
    "\t-c\t\t\t--traditional",
    "\t-C\t\t\t--copyright",
    "\t-d[file]\t\t--dump-variables[=file]",
    "\t-D[file]\t\t--debug[=file]",
    "\t-e 'program-text'\t--source='program-text'",
    "\t-E file\t\t\t--exec=file",
    "\t-g\t\t\t--gen-pot",
    "\t-h\t\t\t--help",
    "\t-i includefile\t\t--include=includefile",
    "\t-I\t\t\t--trace",
    "\t-l library\t\t--load=library",
    "\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]",
    "\t-M\t\t\t--bignum",
    "\t-N\t\t\t--use-lc-numeric",
    "\t-n\t\t\t--non-decimal-data",
    "\t-o[file]\t\t--pretty-print[=file]",
    "\t-O\t\t\t--optimize",
    "\t-p[file]\t\t--profile[=file]",
    "\t-P\t\t\t--posix",
    "\t-r\t\t\t--re-interval",
    "\t-s\t\t\t--no-optimize",
    "\t-S\t\t\t--sandbox",
    "\t-t\t\t\t--lint-old",
    "\t-V\t\t\t--version",
    "",
    "To report bugs, use the `gawkbug' program.",
    "For full instructions, see the node `Bugs' in `gawk.info'",
    "which is section `Reporting Problems and Bugs' in the",
    "printed version.  This same information may be found at",
    "https://www.gnu.org/software/gawk/manual/html_node/Bugs.html.",
    "PLEASE do NOT try to report bugs by posting in comp.lang.awk,",
    "or by using a web forum such as Stack Overflow.",
    "",
    "gawk is a pattern scanning and processing language.",
    "By default it reads standard input and writes standard output.",
    "",
    "Examples:",
    `\t${name} '{ sum += $1 }; END { print sum }' file`,
    `\t${name} -F: '{ print $1 }' /etc/passwd`,
    "",
  ].join("\n")

const VERSION = "GNU Awk 5.2.1 (mirage-vfs)\n"

/** Options that take an argument, by short letter and long name. */
const WITH_ARG: Record<string, string> = { F: "fs", v: "assign", f: "file", e: "source", E: "exec" }
const LONG: Record<string, string> = {
  "field-separator": "F",
  assign: "v",
  file: "f",
  source: "e",
  exec: "E",
  help: "h",
  version: "V",
  posix: "P",
  traditional: "c",
  "characters-as-bytes": "b",
  "re-interval": "r",
  sandbox: "S",
  optimize: "O",
  "no-optimize": "s",
  "use-lc-numeric": "N",
}
const IGNORED = new Set(["b", "c", "P", "r", "S", "O", "s", "N", "n", "t"])

interface Options {
  readonly fs: string | undefined
  readonly assigns: Array<readonly [string, string]>
  /** Program sources from -f (a path) and -e (text), in order. */
  readonly sources: Array<{ readonly file: string } | { readonly text: string }>
  readonly rest: ReadonlyArray<string>
  readonly action: "run" | "help" | "version"
}

type Parsed = Options | { readonly error: string }

const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/** gawk's option syntax: options end at the first operand (the program) or `--`. */
const parseOptions = (args: ReadonlyArray<string>): Parsed => {
  let fs: string | undefined
  const assigns: Array<readonly [string, string]> = []
  const sources: Options["sources"] = []
  let i = 0
  const take = (letter: string, value: string): Parsed | undefined => {
    if (letter === "F") fs = value
    else if (letter === "v") {
      const eq = value.indexOf("=")
      if (eq === -1) return { error: `\`${value}' argument to \`-v' not in \`var=value' form\n\n` }
      assigns.push([value.slice(0, eq), value.slice(eq + 1)])
    } else if (letter === "f" || letter === "E") sources.push({ file: value })
    else if (letter === "e") sources.push({ text: value })
    return undefined
  }
  while (i < args.length) {
    const a = args[i]
    if (a === "--") {
      i++
      break
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=")
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq)
      const matches = Object.keys(LONG).filter((l) => l.startsWith(name))
      const full = LONG[name] !== undefined ? name : matches.length === 1 ? matches[0] : undefined
      if (full === undefined) return { error: `unrecognized option '${a}'\n` }
      const letter = LONG[full]
      if (letter === "h") return { fs, assigns, sources, rest: [], action: "help" }
      if (letter === "V") return { fs, assigns, sources, rest: [], action: "version" }
      i++
      if (WITH_ARG[letter] !== undefined) {
        let value = eq === -1 ? undefined : a.slice(eq + 1)
        if (value === undefined) {
          if (i >= args.length) return { error: `option '--${full}' requires an argument\n` }
          value = args[i++]
        }
        const problem = take(letter, value)
        if (problem !== undefined) return problem
        if (letter === "E") break
      }
      continue
    }
    if (!a.startsWith("-") || a.length === 1) break
    i++
    let stop = false
    for (let j = 1; j < a.length; j++) {
      const letter = a[j]
      if (letter === "h") return { fs, assigns, sources, rest: [], action: "help" }
      if (letter === "V") return { fs, assigns, sources, rest: [], action: "version" }
      if (WITH_ARG[letter] !== undefined) {
        let value = a.slice(j + 1)
        if (value === "") {
          if (i >= args.length) return { error: `option requires an argument -- ${letter}\n` }
          value = args[i++]
        }
        const problem = take(letter, value)
        if (problem !== undefined) return problem
        if (letter === "E") stop = true
        break
      }
      if (!IGNORED.has(letter)) return { error: "" }
    }
    if (stop) break
  }
  return { fs, assigns, sources, rest: args.slice(i), action: "run" }
}

const latin1OfUtf8 = (s: string): string => latin1(new TextEncoder().encode(s))

const runAwk = (ctx: CommandContext): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const name = ctx.name === "gawk" ? "gawk" : "awk"
    const parsed = parseOptions(ctx.args)
    if ("error" in parsed) {
      yield* writeText(ctx.stderr, `${parsed.error === "" ? "" : `${name}: ${parsed.error}`}${usage(name)}`)
      return 1
    }
    if (parsed.action === "help") {
      yield* writeText(ctx.stdout, usage(name))
      return 0
    }
    if (parsed.action === "version") {
      yield* writeText(ctx.stdout, VERSION)
      return 0
    }
    for (const [v] of parsed.assigns) {
      if (!VAR_NAME.test(v)) {
        yield* writeText(ctx.stderr, `${name}: fatal: \`${v}' is not a legal variable name\n`)
        return 2
      }
    }
    let rest = parsed.rest
    const sources: Array<Source> = []
    if (parsed.sources.length === 0) {
      if (rest.length === 0) {
        yield* writeText(ctx.stderr, usage(name))
        return 1
      }
      sources.push({ name: "cmd. line", text: latin1OfUtf8(rest[0]) })
      rest = rest.slice(1)
    }
    for (const s of parsed.sources) {
      if ("text" in s) {
        sources.push({ name: "cmd. line", text: latin1OfUtf8(s.text) })
        continue
      }
      const bytes = yield* Effect.result(ctx.fs.readFile(ctx.resolve(s.file)))
      if (bytes._tag === "Failure") {
        yield* writeText(
          ctx.stderr,
          `${name}: fatal: cannot open source file \`${s.file}' for reading: ${reasonText(bytes.failure)}\n`,
        )
        return 2
      }
      sources.push({ name: s.file, text: latin1(bytes.success) })
    }
    const program = parseSources(name, sources)
    const warnings = program.warnings.join("")
    if (!program.ok) {
      yield* ctx.stderr.write(Uint8Array.from(warnings + program.message, (c) => c.charCodeAt(0) & 0xff))
      return program.status
    }
    if (warnings !== "") yield* ctx.stderr.write(Uint8Array.from(warnings, (c) => c.charCodeAt(0) & 0xff))
    return yield* run(ctx, program.program, { name, sources, assigns: parsed.assigns, operands: rest, fs: parsed.fs })
  })

const declare = (name: string): DeclaredCommand =>
  make(name, {
    summary: "pattern scanning and processing language",
    raw: true,
    flags: {
      fs: Flag.string("F", "field-separator", "use FS for the input field separator", { arg: "fs" }),
      assign: Flag.list("v", "assign", "assign a value to a variable before the program starts", { arg: "var=val" }),
      file: Flag.list("f", "file", "read the program from a file", { arg: "progfile" }),
      source: Flag.list("e", "source", "program text (may be repeated)", { arg: "program-text" }),
    },
    operands: { usage: "['program'] [file]..." },
    run: ({ ctx }) => runAwk(ctx),
  })

/** `awk`: pattern scanning and processing language. */
export const awk = declare("awk")

/** `gawk`: the same command under GNU's name. */
export const gawk = declare("gawk")
