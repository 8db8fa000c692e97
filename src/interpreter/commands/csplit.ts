import { Data, Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, quoteIfNeeded, errorText } from "../ExitStatus.ts"
import { concat, writeText } from "../Io.ts"
import { latin1 } from "./shared/Lines.ts"
import { readOperand } from "./shared/LineReader.ts"
import { translate } from "./shared/GnuRegex.ts"

/** A GNU basic regular expression over latin1 text, or glibc's message. */
const compileBasic = (pattern: string): RegExp | { readonly error: string } => {
  const t = translate(latin1(new TextEncoder().encode(pattern)), "basic")
  if ("error" in t) return t
  try {
    return new RegExp(t.source)
  } catch {
    return { error: "Invalid regular expression" }
  }
}

/** One pattern operand, with its repeat count (`{N}`, or `{*}` as Infinity). */
interface Control {
  readonly arg: string
  readonly regex: RegExp | undefined
  readonly ignore: boolean
  readonly offset: number
  readonly lines: number
  readonly repeat: number
}

/** A fatal error: GNU closes the open file (printing its size), removes the files unless -k, and exits 1. */
class Fatal extends Data.TaggedError("Fatal")<{ readonly message: string }> {}

/** `printf`-style suffix with one integer directive (`%02d`, `%03x.txt`). */
const formatSuffix = (format: string, n: number): string =>
  format.replace(
    /%([-0 +#']*)(\d*)(?:\.(\d+))?([diuoxX])|%%/g,
    (m, flagsText: string, width: string, precision: string, conv: string) => {
      if (m === "%%") return "%"
      let digits =
        conv === "x"
          ? n.toString(16)
          : conv === "X"
            ? n.toString(16).toUpperCase()
            : conv === "o"
              ? n.toString(8)
              : String(n)
      if (precision !== undefined) digits = digits.padStart(Number(precision), "0")
      const w = Number(width || "0")
      if (flagsText.includes("-")) return digits.padEnd(w)
      return digits.padStart(w, flagsText.includes("0") && precision === undefined ? "0" : " ")
    },
  )

/** `csplit`: split a file into sections determined by context lines. */
export const csplit = make("csplit", {
  summary:
    "Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ..., and output byte counts of each piece to standard output.",
  flags: {
    suffixFormat: Flag.string("b", "suffix-format", "use sprintf FORMAT instead of %02d", { arg: "FORMAT" }),
    prefix: Flag.string("f", "prefix", "use PREFIX instead of 'xx'", { arg: "PREFIX" }),
    keepFiles: Flag.boolean("k", "keep-files", "do not remove output files on errors"),
    suppressMatched: Flag.boolean(null, "suppress-matched", "suppress the lines matching PATTERN"),
    digits: Flag.string("n", "digits", "use specified number of digits instead of 2", { arg: "DIGITS" }),
    quiet: Flag.boolean(["s", "q"], ["quiet", "silent"], "do not print counts of output file sizes"),
    elideEmptyFiles: Flag.boolean("z", "elide-empty-files", "suppress empty output files"),
  },
  operands: { usage: "FILE PATTERN...", min: 1 },
  details: "Read standard input if FILE is -",
  permute: false,
  run: ({ flags, operands, ctx, warn, usage }) =>
    Effect.gen(function* () {
      const fail = (m: string) => Effect.as(warn(m), 1)
      if (operands.length < 2) return yield* usage(`missing operand after ${quote(operands[0])}`)
      const digits = flags.digits === undefined ? 2 : /^\d+$/.test(flags.digits) ? Number(flags.digits) : NaN
      if (Number.isNaN(digits)) return yield* fail(`invalid number: ${quote(flags.digits ?? "")}`)
      const controls: Array<Control> = []
      let lastVal = 0
      const args = operands.slice(1)
      for (let i = 0; i < args.length; i++) {
        const a = args[i]
        let control: Control
        if (a[0] === "/" || a[0] === "%") {
          const close = a.lastIndexOf(a[0])
          if (close <= 0) return yield* fail(`${a}: closing delimiter '${a[0]}' missing`)
          const re = compileBasic(a.slice(1, close))
          if ("error" in re) return yield* fail(`${quote(a)}: invalid regular expression: ${re.error}`)
          const rest = a.slice(close + 1)
          if (rest !== "" && !/^[+-]?\d+$/.test(rest))
            return yield* fail(`${quote(a)}: integer expected after delimiter`)
          control = { arg: a, regex: re, ignore: a[0] === "%", offset: Number(rest || "0"), lines: 0, repeat: 0 }
        } else {
          if (!/^\+?\d+$/.test(a)) return yield* fail(`${quote(a)}: invalid pattern`)
          const val = Number(a)
          if (val === 0) return yield* fail(`${a}: line number must be greater than zero`)
          if (val < lastVal)
            return yield* fail(`line number ${quote(a)} is smaller than preceding line number, ${lastVal}`)
          if (val === lastVal) yield* warn(`warning: line number ${quote(a)} is the same as preceding line number`)
          lastVal = val
          control = { arg: a, regex: undefined, ignore: false, offset: 0, lines: val, repeat: 0 }
        }
        const next = args[i + 1]
        if (next !== undefined && next.startsWith("{")) {
          i++
          if (!next.endsWith("}")) return yield* fail(`${quote(next)}: '}' is required in repeat count`)
          const inner = next.slice(1, -1)
          if (inner === "*") control = { ...control, repeat: Infinity }
          else if (/^\d+$/.test(inner)) control = { ...control, repeat: Number(inner) }
          else return yield* fail(`${quote(next.slice(0, -1))}}: integer required between '{' and '}'`)
        }
        controls.push(control)
      }

      const file = operands[0]
      const read = yield* Effect.result(readOperand(ctx, file))
      if (read._tag === "Failure")
        return yield* fail(`cannot open ${quote(file)} for reading: ${errorText(read.failure)}`)
      const data = read.success
      const lines: Array<Uint8Array> = []
      for (let start = 0; start < data.length;) {
        const nl = data.indexOf(10, start)
        const end = nl === -1 ? data.length : nl + 1
        lines.push(data.subarray(start, end))
        start = end
      }

      const prefix = flags.prefix ?? "xx"
      const suffix = flags.suffixFormat
      const created: Array<string> = []
      let filesCreated = 0
      let first = 0
      let currentLine = 0
      let out: { name: string; chunks: Array<Uint8Array>; bytes: number } | undefined
      const removeLine = () => (first < lines.length ? lines[first++] : null)
      const noMoreLines = () => first >= lines.length
      const createFile = () => {
        const fileName =
          prefix +
          (suffix !== undefined ? formatSuffix(suffix, filesCreated) : String(filesCreated).padStart(digits, "0"))
        filesCreated++
        out = { name: fileName, chunks: [], bytes: 0 }
      }
      const save = (line: Uint8Array) => {
        if (out === undefined) return
        out.chunks.push(line)
        out.bytes += line.length
      }
      const closeFile = Effect.gen(function* () {
        const o = out
        if (o === undefined) return
        out = undefined
        if (o.bytes === 0 && flags.elideEmptyFiles) {
          filesCreated--
          return
        }
        const w = yield* Effect.result(ctx.fs.writeFile(ctx.resolve(o.name), concat(o.chunks)))
        if (w._tag === "Failure")
          return yield* Effect.fail(new Fatal({ message: `${quoteIfNeeded(o.name)}: ${errorText(w.failure)}` }))
        created.push(o.name)
        if (!flags.quiet) yield* writeText(ctx.stdout, `${o.bytes}\n`)
      })
      const fatal = (message: string) => Effect.fail(new Fatal({ message }))
      const onRepetition = (rep: number) => (rep ? ` on repetition ${rep}` : "")

      const lineCount = (p: Control, rep: number) =>
        Effect.gen(function* () {
          const last = p.lines * (rep + 1)
          createFile()
          const error = `${quote(String(p.lines))}: line number out of range${onRepetition(rep)}`
          if (noMoreLines() && flags.suppressMatched) return yield* fatal(error)
          let lineNo = first + 1
          while (lineNo++ < last) {
            const line = removeLine()
            if (line === null) return yield* fatal(error)
            save(line)
          }
          yield* closeFile
          if (flags.suppressMatched) removeLine()
          if (noMoreLines() && !flags.suppressMatched) return yield* fatal(error)
        })

      /** Ends the whole run successfully (a `{*}` pattern ran out of input). */
      let finished = false
      const regexp = (p: Control, rep: number) =>
        Effect.gen(function* () {
          if (!p.ignore) createFile()
          const matches = (line: Uint8Array) => {
            const re = p.regex
            if (re === undefined) return false
            const end = line[line.length - 1] === 10 ? line.length - 1 : line.length
            re.lastIndex = 0
            return re.test(latin1(line, 0, end))
          }
          for (;;) {
            const n = ++currentLine
            const line = n <= lines.length ? lines[n - 1] : null
            if (line === null) {
              if (p.repeat === Infinity) {
                if (!p.ignore) {
                  for (let l = removeLine(); l !== null; l = removeLine()) save(l)
                  yield* closeFile
                }
                finished = true
                return
              }
              if (!p.ignore) {
                for (let l = removeLine(); l !== null; l = removeLine()) save(l)
              }
              return yield* fatal(`${quote(p.arg)}: match not found${onRepetition(rep)}`)
            }
            if (matches(line)) break
            if (p.offset >= 0) {
              const removed = removeLine()
              if (!p.ignore && removed !== null) save(removed)
            }
          }
          const breakLine = currentLine + p.offset
          const firstLine = first + 1
          if (firstLine > breakLine) return yield* fatal(`${quote(p.arg)}: line number out of range`)
          for (let i = 0; i < breakLine - firstLine; i++) {
            const line = removeLine()
            if (line === null) return yield* fatal(`${quote(p.arg)}: line number out of range`)
            if (!p.ignore) save(line)
          }
          if (!p.ignore) yield* closeFile
          if (p.offset > 0) currentLine = breakLine
          if (flags.suppressMatched) removeLine()
        })

      const run = Effect.gen(function* () {
        for (const p of controls) {
          for (let j = 0; p.repeat === Infinity || j <= p.repeat; j++) {
            if (p.regex !== undefined) yield* regexp(p, j)
            else yield* lineCount(p, j)
            if (finished) return
          }
        }
        createFile()
        for (let l = removeLine(); l !== null; l = removeLine()) save(l)
        yield* closeFile
      })
      const result = yield* Effect.result(run)
      if (result._tag === "Success") return 0
      const e = result.failure
      if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
      yield* warn(e.message)
      // GNU's cleanup closes the open file (printing its size), then removes every file unless -k.
      yield* Effect.result(closeFile)
      if (!flags.keepFiles) for (const f of created) yield* Effect.result(ctx.fs.remove(ctx.resolve(f)))
      return 1
    }),
})
