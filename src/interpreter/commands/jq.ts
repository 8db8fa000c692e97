import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import type { CommandContext } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { readOperand } from "./shared/LineReader.ts"
import { DIE, parseArgs, type Options } from "./jq/args.ts"
import { drive } from "./jq/driver.ts"
import { engine, type Engine } from "./jq/engine.ts"
import { HELP, SHORT_USAGE } from "./jq/help.ts"

/**
 * `jq`: the JSON processor, jq 1.8.2 itself (compiled to WebAssembly by
 * jq-wasm) behind jq's own command line. Files and `--slurpfile`/`--rawfile`
 * are read from the namespace; `$ENV`/`env` see the command's environment.
 * Not supported: modules (`import`, `-L`), colors (`-C`).
 */

const decoder = new TextDecoder()

const isReadsInputs = /\b(inputs?|input_line_number|halt|halt_error)\b/
const mentionsEnv = /\$ENV\b|\benv\b/
const mentionsFilename = /\binput_filename\b/
const startsWithModuleDirective = /^\s*(#[^\n]*\n\s*)*(import|include|module)\b/

/** Engine flags for the options that reach jq itself (the layout of outputs is done here). */
const engineFlags = (o: Options): Array<string> => {
  const flags = ["-c"]
  if (o.ascii) flags.push("-a")
  if (o.sortKeys) flags.push("-S")
  if (o.slurp) flags.push("-s")
  if (o.rawInput) flags.push("-R")
  if (o.nullInput) flags.push("-n")
  if (o.seq) flags.push("--seq")
  if (o.streamErrors) flags.push("--stream-errors")
  else if (o.stream) flags.push("--stream")
  if (o.exitStatus) flags.push("-e")
  return flags
}

/** `--slurpfile` and `--rawfile` become `--argjson` and `--arg`; gives the flags, or an error line. */
const namedFlags = (
  ctx: CommandContext,
  o: Options,
  run: Engine,
): Effect.Effect<
  | { readonly _tag: "Error"; readonly error: string }
  | { readonly _tag: "Flags"; readonly flags: ReadonlyArray<string>; readonly named: ReadonlyArray<string> }
> =>
  Effect.gen(function* () {
    const flags: Array<string> = []
    const named: Array<string> = []
    for (const n of o.named) {
      if (n.kind === "arg" || n.kind === "argjson") {
        flags.push(`--${n.kind}`, n.name, n.value)
        named.push(`${JSON.stringify(n.name)}:${n.kind === "arg" ? JSON.stringify(n.value) : n.value}`)
        continue
      }
      const read = yield* Effect.result(readOperand(ctx, n.value))
      if (read._tag === "Failure") {
        return {
          _tag: "Error",
          error: `jq: Bad JSON in --${n.kind} ${n.name} ${n.value}: Could not open ${n.value}: ${errorText(read.failure)}\n`,
        } as const
      }
      const text = decoder.decode(read.success)
      if (n.kind === "rawfile") {
        flags.push("--arg", n.name, text)
        named.push(`${JSON.stringify(n.name)}:${JSON.stringify(text)}`)
        continue
      }
      const values = run(text, ".", ["-c", "-s"])
      if (values.status !== 0) {
        const reason = values.stderr.replace(/^jq: (?:error \(at [^)]*\)|parse error): /, "")
        return { _tag: "Error", error: `jq: Bad JSON in --slurpfile ${n.name} ${n.value}: ${reason}\n` } as const
      }
      flags.push("--argjson", n.name, values.stdout)
      named.push(`${JSON.stringify(n.name)}:${values.stdout}`)
    }
    return { _tag: "Flags", flags, named } as const
  })

/** `jq`: command-line JSON processor. */
export const jq = make("jq", {
  summary: "commandline JSON processor",
  flags: {
    nullInput: Flag.boolean("n", "null-input", "use `null` as the single input value"),
    rawInput: Flag.boolean("R", "raw-input", "read each line as string instead of JSON"),
    slurp: Flag.boolean("s", "slurp", "read all inputs into an array and use it as the single input value"),
    compact: Flag.boolean("c", "compact-output", "compact instead of pretty-printed output"),
    raw: Flag.boolean("r", "raw-output", "output strings without escapes and quotes"),
    raw0: Flag.boolean(null, "raw-output0", "implies -r and output NUL after each output"),
    join: Flag.boolean("j", "join-output", "implies -r and output without newline after each output"),
    ascii: Flag.boolean("a", "ascii-output", "output strings by only ASCII characters using escape sequences"),
    sort: Flag.boolean("S", "sort-keys", "sort keys of each object on output"),
    tab: Flag.boolean(null, "tab", "use tabs for indentation"),
    indent: Flag.integer(null, "indent", "use n spaces for indentation (max 7 spaces)", { arg: "n" }),
    seq: Flag.boolean(null, "seq", "parse input/output as application/json-seq"),
    stream: Flag.boolean(null, "stream", "parse the input value in streaming fashion"),
    fromFile: Flag.boolean("f", "from-file", "load the filter from a file"),
    arg: Flag.list(null, "arg", "set $name to the string value", { arg: "name value" }),
    argjson: Flag.list(null, "argjson", "set $name to the JSON value", { arg: "name value" }),
    slurpfile: Flag.list(null, "slurpfile", "set $name to an array of JSON values read from the file", {
      arg: "name file",
    }),
    rawfile: Flag.list(null, "rawfile", "set $name to string contents of file", { arg: "name file" }),
    args: Flag.boolean(null, "args", "consume remaining arguments as positional string values"),
    jsonargs: Flag.boolean(null, "jsonargs", "consume remaining arguments as positional JSON values"),
    exitStatus: Flag.boolean("e", "exit-status", "set exit status code based on the output"),
  },
  operands: { usage: "<jq filter> [file...]" },
  raw: true,
  run: ({ operands, ctx }) =>
    Effect.gen(function* () {
      const parsed = parseArgs(operands)
      if (parsed._tag === "Help") return yield* Effect.as(writeText(ctx.stdout, HELP), 0)
      if (parsed._tag === "Version") return yield* Effect.as(writeText(ctx.stdout, "jq-1.8.2\n"), 0)
      if (parsed._tag === "Usage") return yield* Effect.as(writeText(ctx.stderr, parsed.message + DIE), 2)
      const o = parsed.options
      let filter = o.filter ?? "."
      if (o.fromFile) {
        if (o.filter === undefined) return yield* Effect.as(writeText(ctx.stderr, SHORT_USAGE), 2)
        const read = yield* Effect.result(readOperand(ctx, o.filter))
        if (read._tag === "Failure") {
          return yield* Effect.as(
            writeText(ctx.stderr, `jq: Could not open ${o.filter}: ${errorText(read.failure)}\n`),
            2,
          )
        }
        filter = decoder.decode(read.success)
      }
      const loaded = yield* Effect.result(engine)
      if (loaded._tag === "Failure") {
        return yield* Effect.as(writeText(ctx.stderr, `jq: error: cannot load the jq engine: ${loaded.failure}\n`), 2)
      }
      const run = loaded.success
      const named = yield* namedFlags(ctx, o, run)
      if (named._tag === "Error") return yield* Effect.as(writeText(ctx.stderr, named.error), 2)
      for (const p of o.positional) {
        if (!p.json) continue
        try {
          JSON.parse(p.text)
        } catch {
          return yield* Effect.as(writeText(ctx.stderr, `jq: invalid JSON text passed to --jsonargs\n${DIE}`), 2)
        }
      }

      // Definitions put before the filter (on a line of their own, so that
      // compile errors keep their columns) give jq what the wasm sandbox
      // cannot: the environment, positional arguments and file names.
      const prefixable = !startsWithModuleDirective.test(filter)
      const wantsEnv = prefixable && mentionsEnv.test(filter)
      const wantsFilename = prefixable && mentionsFilename.test(filter)
      const env = JSON.stringify(Object.fromEntries(ctx.env))
      const positional = o.positional.map((p) => (p.json ? p.text : JSON.stringify(p.text))).join(",")
      const argsValue = `{"positional":[${positional}],"named":{${named.named.join(",")}}}`
      const program = (fileName: string | null) => {
        let prefix = ""
        if (wantsEnv) prefix += `${env} as $ENV | def env: $ENV; `
        if (prefixable && o.positional.length > 0) prefix += `${argsValue} as $ARGS | `
        if (wantsFilename) prefix += `def input_filename: ${JSON.stringify(fileName)}; `
        if (prefix === "") return { text: filter, prefixLines: 0 }
        return { text: `${prefix}\n${filter.trim() === "" ? "." : filter}`, prefixLines: 1 }
      }

      const flags = [...engineFlags(o), ...named.flags]
      const style = {
        layout: o.layout,
        rawOutput: o.rawOutput,
        noNewline: o.noNewline,
        nul: o.nul,
        seq: o.seq,
        ascii: o.ascii,
      }
      const readsInputs = isReadsInputs.test(filter)
      if (o.nullInput && !readsInputs) {
        // jq never opens its files with -n unless the filter reads them.
        return yield* drive(ctx, {
          engine: run,
          program,
          flags,
          style,
          exitStatus: o.exitStatus,
          rawInput: o.rawInput,
          whole: true,
          perFile: false,
          files: [],
          noInput: true,
        })
      }
      return yield* drive(ctx, {
        engine: run,
        program,
        flags,
        style,
        exitStatus: o.exitStatus,
        rawInput: o.rawInput,
        whole: o.slurp || readsInputs,
        perFile: wantsFilename,
        files: o.files,
        noInput: false,
      })
    }),
})
