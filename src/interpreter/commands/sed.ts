import { errorText } from "../ExitStatus.ts"
import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { readAll, writeText } from "../Io.ts"
import { decodeLatin1, encodeLatin1 } from "./shared/Latin1.ts"
import { compileScript, type ScriptPiece } from "./sed/compile.ts"
import { runProgram, toLatin1 } from "./sed/run.ts"
import { usageText } from "./sed/usage.ts"

/**
 * `sed`: GNU sed 4.9 (C locale) over the namespace. The script compiler,
 * the regex translation and the executor live in `./sed/`; this file reads
 * the command line.
 */

const flags = {
  quiet: Flag.boolean("n", ["quiet", "silent"], "suppress automatic printing of pattern space"),
  debug: Flag.boolean(null, "debug", "annotate program execution (accepted, no effect)"),
  expression: Flag.list("e", "expression", "add the script to the commands to be executed", { arg: "script" }),
  file: Flag.list("f", "file", "add the contents of script-file to the commands to be executed", {
    arg: "script-file",
  }),
  followSymlinks: Flag.boolean(null, "follow-symlinks", "follow symlinks when processing in place"),
  inPlace: Flag.string("i", "in-place", "edit files in place (makes backup if SUFFIX supplied)", {
    arg: "SUFFIX",
    optional: true,
  }),
  lineLength: Flag.string("l", "line-length", "specify the desired line-wrap length for the `l' command", { arg: "N" }),
  posix: Flag.boolean(null, "posix", "disable all GNU extensions."),
  extended: Flag.boolean(["E", "r"], "regexp-extended", "use extended regular expressions in the script"),
  separate: Flag.boolean("s", "separate", "consider files as separate rather than as a single continuous long stream"),
  sandbox: Flag.boolean(null, "sandbox", "operate in sandbox mode (disable e/r/w commands)"),
  unbuffered: Flag.boolean("u", "unbuffered", "flush the output buffers more often"),
  nullData: Flag.boolean("z", ["null-data", "zero-terminated"], "separate lines by NUL characters"),
  binary: Flag.boolean("b", "binary", "open files in binary mode (no effect)"),
}

const LONG_WITH_ARG = ["expression", "file", "line-length"]
const LONG_NAMES = [...Object.values(flags).flatMap((f) => f.long), "help", "version"]

/**
 * getopt gives `-i` an optional argument attached to it (`-i.bak`, and
 * `-ie` means the suffix "e"); the shared parser only knows that form for
 * long options, so rewrite it as `--in-place=SUFFIX`.
 */
const rewriteInPlace = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    out.push(a)
    if (a === "--") {
      out.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith("--")) {
      if (a.includes("=")) continue
      const name = a.slice(2)
      const matches = LONG_NAMES.filter((l) => l.startsWith(name))
      const exact = matches.includes(name) ? [name] : matches
      if (
        exact.length > 0 &&
        exact.every((l) => LONG_WITH_ARG.includes(l)) &&
        new Set(exact).size === 1 &&
        i + 1 < args.length
      ) {
        out.push(args[++i])
      }
      continue
    }
    if (!a.startsWith("-") || a.length < 2) continue
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c === "e" || c === "f" || c === "l") {
        if (j === a.length - 1 && i + 1 < args.length) out.push(args[++i])
        break
      }
      if (c === "i") {
        out.pop()
        if (j > 1) out.push(a.slice(0, j))
        out.push(j + 1 < a.length ? `--in-place=${a.slice(j + 1)}` : "--in-place")
        break
      }
    }
  }
  return out
}

/** `strtoimax(s, NULL, 10)`: leading blanks and digits, anything else ignored. */
const leadingInteger = (s: string): number => {
  const m = /^\s*([+-]?\d+)/.exec(s)
  return m === null ? 0 : Number(m[1])
}

/** `sed`: stream editor for filtering and transforming text. */
export const sed = make("sed", {
  summary: "Stream editor for filtering and transforming text.",
  flags,
  operands: { usage: "{script-only-if-no-other-script} [input-file]..." },
  raw: true,
  run: ({ ctx }) =>
    Effect.gen(function* () {
      const usage = (message: string | undefined) =>
        Effect.as(writeText(ctx.stderr, `${message === undefined ? "" : `sed: ${message}\n`}${usageText(false)}`), 1)
      const parsed = Flag.parse(flags, rewriteInPlace(ctx.args))
      switch (parsed._tag) {
        case "Help":
          yield* writeText(ctx.stdout, usageText(true))
          return 0
        case "Version":
          yield* writeText(ctx.stdout, "sed (GNU sed) 4.9 (mirage-vfs)\n")
          return 0
        case "UsageError":
          return yield* usage(parsed.message)
        case "Parsed":
          break
      }
      const f = parsed.flags
      const fail = (text: string, status: number) => Effect.as(ctx.stderr.write(encodeLatin1(`sed: ${text}\n`)), status)
      let operands = parsed.operands
      // Script pieces in command-line order; GNU compiles each as it meets it,
      // so `-E` only affects the pieces after it.
      const pieces: Array<ScriptPiece> = []
      let extended = false
      let sawScript = false
      // A script file that cannot be read ends option processing; an error in an
      // earlier piece is still reported first, as GNU compiles pieces in order.
      let fileError: string | undefined
      for (const o of parsed.occurrences) {
        if (o.key === "extended") extended = true
        else if (o.key === "expression") {
          sawScript = true
          pieces.push({ kind: "expression", text: toLatin1(o.value ?? ""), name: "", extended })
        } else if (o.key === "file") {
          sawScript = true
          const name = o.value ?? ""
          const read = yield* Effect.result(name === "-" ? readAll(ctx.stdin) : ctx.fs.readFile(ctx.resolve(name)))
          if (read._tag === "Failure") {
            fileError = `couldn't open file ${toLatin1(name)}: ${errorText(read.failure)}`
            break
          }
          pieces.push({ kind: "file", text: decodeLatin1(read.success), name: toLatin1(name), extended })
        }
      }
      if (!sawScript) {
        if (operands.length === 0) return yield* usage(undefined)
        pieces.push({ kind: "expression", text: toLatin1(operands[0]), name: "", extended })
        operands = operands.slice(1)
      }
      const posix = f.posix
      const delim = f.nullData ? 0 : 10
      const compiled = compileScript(pieces, { posix, sandbox: f.sandbox, delim })
      if ("error" in compiled) return yield* fail(compiled.error, compiled.status)
      if (fileError !== undefined) return yield* fail(fileError, 4)
      const program = compiled.program
      // `--in-place` alone decodes as undefined: the occurrence tells it was given.
      const inPlaceGiven = parsed.occurrences.findLast((o) => o.key === "inPlace")
      const suffix = inPlaceGiven === undefined ? undefined : (inPlaceGiven.value ?? "")
      if (suffix !== undefined && operands.length === 0) return yield* fail("no input files", 4)
      const inPlace =
        suffix === undefined ? undefined : suffix === "" ? "*" : suffix.includes("*") ? suffix : `*${suffix}`
      const cols = leadingInteger(ctx.env.get("COLS") ?? "")
      const lineLength = f.lineLength !== undefined ? leadingInteger(f.lineLength) : cols > 1 ? cols - 1 : 70
      return yield* runProgram(ctx, {
        program,
        files: operands,
        quiet: f.quiet || program.quiet,
        separate: f.separate || inPlace !== undefined,
        inPlace,
        delim: String.fromCharCode(delim),
        posix,
        lineLength,
        unbuffered: f.unbuffered,
      })
    }),
})
