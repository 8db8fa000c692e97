import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { emptyInput, inputFromStream, writeText, type BrokenPipe, type Input } from "../Io.ts"
import { latin1 } from "./shared/Lines.ts"
import { makeTokenizer, parseDelimiter, type Mode, type Token } from "./xargs/items.ts"

/**
 * `xargs` (GNU findutils 4.9): build command lines from standard input and
 * run them through the shell's command table (`ctx.exec`), streaming: a
 * command runs as soon as its arguments are read. Commands get an empty
 * stdin (or xargs' own with `-a`). Status 123 when a command failed, 124
 * when one exited with 255, 127 when the command is missing.
 */

/** The size of the argument buffer GNU xargs uses by default. */
const DEFAULT_MAX_CHARS = 131072

const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/

/** An argument as `-t` shows it: quoted for the shell when needed. */
const shellWord = (s: string): string => {
  if (SAFE.test(s)) return s
  let out = ""
  let open = false
  for (const ch of s) {
    const c = ch.charCodeAt(0)
    if (c < 32 || c === 127) {
      if (open) out += "'"
      open = false
      out += `$'\\${c === 10 ? "n" : c === 9 ? "t" : c.toString(8).padStart(3, "0")}'`
    } else if (ch === "'") {
      if (open) out += "'"
      open = false
      out += "\\'"
    } else {
      if (!open) out += "'"
      open = true
      out += ch
    }
  }
  return open ? out + "'" : out
}

const flags = {
  null: Flag.boolean("0", "null", "items are separated by a null, not whitespace"),
  argFile: Flag.string("a", "arg-file", "read arguments from FILE, not standard input", { arg: "FILE" }),
  delimiter: Flag.string("d", "delimiter", "items in input stream are separated by CHARACTER", { arg: "CHARACTER" }),
  eof: Flag.string("E", null, "set logical EOF string", { arg: "END" }),
  eofOld: Flag.string(null, "eof", "equivalent to -E END", { arg: "END", optional: true }),
  replace: Flag.string("I", null, "replace R in INITIAL-ARGS with names read from standard input", { arg: "R" }),
  replaceOld: Flag.boolean("i", null, "equivalent to -I {}"),
  replaceLong: Flag.string(null, "replace", "equivalent to -I R (default {})", { arg: "R", optional: true }),
  maxLines: Flag.string("L", "max-lines", "use at most MAX-LINES non-blank input lines per command line", {
    arg: "MAX-LINES",
  }),
  maxArgs: Flag.string("n", "max-args", "use at most MAX-ARGS arguments per command line", { arg: "MAX-ARGS" }),
  maxProcs: Flag.string("P", "max-procs", "run at most MAX-PROCS processes at a time", { arg: "MAX-PROCS" }),
  noRunIfEmpty: Flag.boolean("r", "no-run-if-empty", "if there are no arguments, then do not run COMMAND"),
  maxChars: Flag.string("s", "max-chars", "limit length of command line to MAX-CHARS", { arg: "MAX-CHARS" }),
  verbose: Flag.boolean("t", "verbose", "print commands before executing them"),
  exit: Flag.boolean("x", "exit", "exit if the size (see -s) is exceeded"),
}

/** `xargs`: build and execute command lines from standard input. */
export const xargs = make("xargs", {
  summary: "Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.",
  flags,
  operands: { usage: "[COMMAND [INITIAL-ARGS]...]" },
  permute: false,
  run: ({ flags: f, operands, occurrences, ctx, warn }) =>
    Effect.gen(function* () {
      const bad = (message: string) =>
        Effect.as(writeText(ctx.stderr, `xargs: ${message}\nTry 'xargs --help' for more information.\n`), 1)
      const number = (
        text: string | undefined,
        option: string,
        min: number,
      ): { readonly value: number | undefined; readonly error?: undefined } | { readonly error: string } => {
        if (text === undefined) return { value: undefined }
        if (!/^\s*[+]?\d+$/.test(text)) return { error: `invalid number "${text}" for -${option} option` }
        const n = Number(text)
        if (n < min) return { error: `value ${n} for -${option} option should be >= ${min}` }
        return { value: n }
      }
      const n = number(f.maxArgs, "n", 1)
      if (n.error !== undefined) return yield* bad(n.error)
      const l = number(f.maxLines, "L", 1)
      if (l.error !== undefined) return yield* bad(l.error)
      const s = number(f.maxChars, "s", 1)
      if (s.error !== undefined) return yield* bad(s.error)
      const p = number(f.maxProcs, "P", 0)
      if (p.error !== undefined) return yield* bad(p.error)

      // Of -I, -L and -n, the last given wins (GNU warns about the others).
      let replace: string | undefined
      let maxLines: number | undefined
      let maxArgs = n.value
      for (const o of occurrences) {
        if (o.key === "replace" || o.key === "replaceOld" || o.key === "replaceLong") {
          if (maxLines !== undefined && o.key !== "replaceOld")
            yield* warn(
              "warning: options --max-lines and --replace/-I/-i are mutually exclusive, ignoring previous --max-lines value",
            )
          replace = o.value ?? "{}"
          maxLines = undefined
        } else if (o.key === "maxLines") {
          if (replace !== undefined)
            yield* warn("warning: options --replace and -L are mutually exclusive, ignoring previous --replace value")
          replace = undefined
          maxLines = l.value
        }
      }
      if (replace !== undefined) maxArgs = undefined
      // -L implies -x; either matters only when a count of arguments or lines is asked for.
      const exitOnSize = (f.exit || maxLines !== undefined) && (maxArgs !== undefined || maxLines !== undefined)
      const maxChars = s.value ?? DEFAULT_MAX_CHARS
      const procs = p.value === undefined ? 1 : p.value === 0 ? 64 : p.value

      let mode: Mode = replace !== undefined ? { _tag: "Lines" } : { _tag: "Words" }
      if (f.null) mode = { _tag: "Delimited", delimiter: 0 }
      if (f.delimiter !== undefined) {
        const d = parseDelimiter(f.delimiter)
        if (d === undefined) {
          yield* writeText(
            ctx.stderr,
            `xargs: Invalid input delimiter specification ${f.delimiter}: the delimiter must be either a single character or an escape sequence starting with \\.\n`,
          )
          return 1
        }
        mode = { _tag: "Delimited", delimiter: d }
      }
      const eofString = f.eof ?? f.eofOld
      const command = operands.length > 0 ? operands : ["echo"]
      const baseSize = command.reduce((t, a) => t + a.length + 1, 0)

      let failed = false
      let launched = false
      /** Set when xargs must stop: its exit status. */
      let stop: number | undefined
      const childStdin: Input = f.argFile === undefined ? emptyInput : ctx.stdin

      const runOne = (argv: ReadonlyArray<string>): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          if (f.verbose) yield* writeText(ctx.stderr, `${argv.map(shellWord).join(" ")}\n`)
          const st = yield* ctx.exec(argv, { stdin: childStdin })
          if (st === 255) {
            yield* writeText(ctx.stderr, `xargs: ${argv[0]}: exited with status 255; aborting\n`)
            stop = 124
          } else if (st === 127 || st === 126) stop = st
          else if (st !== 0) failed = true
        })

      const batch: Array<ReadonlyArray<string>> = []
      const launch = (argv: ReadonlyArray<string>) =>
        Effect.gen(function* () {
          launched = true
          if (procs <= 1) return yield* runOne(argv)
          batch.push(argv)
          if (batch.length >= procs) yield* drain
        })
      const drain: Effect.Effect<void, BrokenPipe> = Effect.suspend(() => {
        const jobs = batch.splice(0, batch.length)
        return Effect.forEach(jobs, runOne, { concurrency: procs, discard: true })
      })

      let args: Array<string> = []
      let size = baseSize
      let lines = 0
      const flush = Effect.suspend(() => {
        if (args.length === 0) return Effect.void
        const argv = [...command, ...args]
        args = []
        size = baseSize
        lines = 0
        return launch(argv)
      })
      const tooLong = (what: "line" | "list") =>
        Effect.gen(function* () {
          yield* writeText(ctx.stderr, `xargs: argument ${what} too long\n`)
          stop = 1
        })
      let eofSeen = false

      const handle = (t: Token): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          if (stop !== undefined || eofSeen) return
          if (t._tag === "Error") {
            yield* flush
            yield* writeText(ctx.stderr, `xargs: ${t.message}\n`)
            stop = 1
            return
          }
          if (t._tag === "EndOfLine") {
            if (replace === undefined && maxLines !== undefined && args.length > 0 && ++lines >= maxLines) yield* flush
            return
          }
          if (eofString !== undefined && eofString !== "" && mode._tag === "Words" && t.text === eofString) {
            eofSeen = true
            return
          }
          if (replace !== undefined) {
            const argv = command.map((a) => a.split(replace).join(t.text))
            if (argv.reduce((x, a) => x + a.length + 1, 0) > maxChars) return yield* tooLong("line")
            return yield* launch(argv)
          }
          const cost = t.text.length + 1
          if (size + cost > maxChars) {
            if (args.length === 0) return yield* tooLong("line")
            if (exitOnSize) return yield* tooLong("list")
            yield* flush
            if (size + cost > maxChars) return yield* tooLong("line")
          }
          args.push(t.text)
          size += cost
          if (maxArgs !== undefined && args.length >= maxArgs) yield* flush
        })

      const tokenizer = makeTokenizer(mode)
      const consume = (input: Input) =>
        Effect.gen(function* () {
          while (stop === undefined && !eofSeen) {
            const chunk = yield* input.read
            const tokens: Array<Token> = []
            if (chunk === null) tokenizer.end(tokens)
            else tokenizer.feed(latin1(chunk), tokens)
            for (const t of tokens) yield* handle(t)
            if (chunk === null) return
          }
        })
      const source =
        f.argFile === undefined
          ? consume(ctx.stdin)
          : Effect.scoped(Effect.flatMap(inputFromStream(ctx.fs.read(ctx.resolve(f.argFile))), consume))
      const read = yield* Effect.result(source)
      if (read._tag === "Failure") {
        const e = read.failure
        if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
        const name = f.argFile ?? "-"
        yield* writeText(
          ctx.stderr,
          `xargs: ${f.argFile === undefined ? "read error" : `Cannot open input file '${name}'`}: ${errorText(e)}\n`,
        )
        return 1
      }
      if (stop === undefined) yield* flush
      if (stop === undefined && !launched && !f.noRunIfEmpty && replace === undefined) yield* launch([...command])
      yield* drain
      if (stop !== undefined) return stop
      return failed ? 123 : 0
    }),
})
