import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachLine, latin1 } from "./shared/Lines.ts"
import { translate } from "./shared/GnuRegex.ts"
import { makeSink } from "./shared/Sink.ts"

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

/** A numbering style: all, non-empty, none, or lines matching a regex. */
type Style = { readonly kind: "a" | "t" | "n" } | { readonly kind: "p"; readonly re: RegExp }

const parseStyle = (arg: string): Style | "invalid" | { readonly regexError: string } => {
  const c = arg[0]
  if (c === "a" || c === "t" || c === "n") return { kind: c }
  if (c !== "p") return "invalid"
  const re = compileBasic(arg.slice(1))
  return "error" in re ? { regexError: re.error } : { kind: "p", re }
}

const decimal = (text: string): number | undefined => (/^\s*[+-]?\d+$/.test(text) ? Number(text) : undefined)

const encoder = new TextEncoder()

/** `nl`: number lines of files, with GNU's logical pages (header, body, footer). */
export const nl = make("nl", {
  summary: "Write each FILE to standard output, with line numbers added.",
  flags: {
    bodyNumbering: Flag.string("b", "body-numbering", "use STYLE for numbering body lines", { arg: "STYLE" }),
    sectionDelimiter: Flag.string("d", "section-delimiter", "use CC for logical page delimiters", { arg: "CC" }),
    footerNumbering: Flag.string("f", "footer-numbering", "use STYLE for numbering footer lines", { arg: "STYLE" }),
    headerNumbering: Flag.string("h", "header-numbering", "use STYLE for numbering header lines", { arg: "STYLE" }),
    lineIncrement: Flag.string("i", "line-increment", "line number increment at each line", { arg: "NUMBER" }),
    joinBlankLines: Flag.string("l", "join-blank-lines", "group of NUMBER empty lines counted as one", {
      arg: "NUMBER",
    }),
    numberFormat: Flag.string("n", "number-format", "insert line numbers according to FORMAT", { arg: "FORMAT" }),
    noRenumber: Flag.boolean("p", "no-renumber", "do not reset line numbers for each section"),
    numberSeparator: Flag.string("s", "number-separator", "add STRING after (possible) line number", { arg: "STRING" }),
    startingLineNumber: Flag.string("v", "starting-line-number", "first line number for each section", {
      arg: "NUMBER",
    }),
    numberWidth: Flag.string("w", "number-width", "use NUMBER columns for line numbers", { arg: "NUMBER" }),
  },
  operands: { usage: "[FILE]..." },
  details: [
    "Default options are: -bt -d'\\:' -fn -hn -i1 -l1 -n'rn' -s<TAB> -v1 -w6",
    "",
    "STYLE is one of: a (number all lines), t (number only nonempty lines), n (number no lines),",
    "pBRE (number only lines that contain a match for the basic regular expression, BRE).",
    "FORMAT is one of: ln (left justified, no leading zeros), rn (right justified, no leading zeros),",
    "rz (right justified, leading zeros).",
  ].join("\n"),
  run: ({ flags, operands, ctx, name, usage, warn }) =>
    Effect.gen(function* () {
      const styles: Record<string, Style> = { header: { kind: "n" }, body: { kind: "t" }, footer: { kind: "n" } }
      const problems: Array<string> = []
      for (const [section, arg] of [
        ["header", flags.headerNumbering],
        ["body", flags.bodyNumbering],
        ["footer", flags.footerNumbering],
      ] as const) {
        if (arg === undefined) continue
        const style = parseStyle(arg)
        if (style === "invalid") problems.push(`invalid ${section} numbering style: '${arg}'`)
        else if ("regexError" in style) {
          yield* warn(style.regexError)
          return 1
        } else styles[section] = style
      }
      const numeric = (arg: string | undefined, fallback: number, what: string, min: number) => {
        if (arg === undefined) return fallback
        const n = decimal(arg)
        if (n === undefined) return `invalid ${what}: '${arg}'`
        if (n < min) return `invalid ${what}: '${arg}': Numerical result out of range`
        return n
      }
      const start = numeric(flags.startingLineNumber, 1, "starting line number", -Infinity)
      const incr = numeric(flags.lineIncrement, 1, "line number increment", -Infinity)
      const blankJoin = numeric(flags.joinBlankLines, 1, "line number of blank lines", 1)
      const width = numeric(flags.numberWidth, 6, "line number field width", 1)
      for (const v of [start, incr, blankJoin, width]) {
        if (typeof v === "string") {
          yield* warn(v)
          return 1
        }
      }
      if (
        typeof start === "string" ||
        typeof incr === "string" ||
        typeof blankJoin === "string" ||
        typeof width === "string"
      )
        return 1
      const format = flags.numberFormat ?? "rn"
      if (format !== "ln" && format !== "rn" && format !== "rz")
        problems.push(`invalid line numbering format: '${format}'`)
      if (problems.length > 0) {
        for (const p of problems.slice(0, -1)) yield* warn(p)
        return yield* usage(problems[problems.length - 1])
      }

      // `-d X` keeps the second delimiter character (`X:`); longer strings replace both.
      let delim = flags.sectionDelimiter ?? "\\:"
      if (flags.sectionDelimiter !== undefined && delim.length === 1) delim = `${delim}:`
      const d = encoder.encode(delim)
      const sep = flags.numberSeparator ?? "\t"
      // GNU pads unnumbered lines with spaces the width of the number and the separator.
      const blank = " ".repeat(width + encoder.encode(sep).length)
      const equals = (bytes: Uint8Array, s: number, e: number, times: number) => {
        if (e - s !== d.length * times || d.length < 2) return false
        for (let i = 0; i < e - s; i++) if (bytes[s + i] !== d[i % d.length]) return false
        return true
      }
      const sink = makeSink(ctx.stdout)
      let lineNo = start
      let current = styles.body
      let blanks = 0
      const number = () => {
        const digits = String(Math.abs(lineNo))
        const sign = lineNo < 0 ? "-" : ""
        const text =
          format === "ln"
            ? (sign + digits).padEnd(width)
            : format === "rn"
              ? (sign + digits).padStart(width)
              : sign + digits.padStart(width - sign.length, "0")
        sink.text(text + sep)
        lineNo += incr
      }
      const section = (style: Style) => {
        current = style
        if (!flags.noRenumber) lineNo = start
        sink.byte(10)
      }
      const onLine = (bytes: Uint8Array, s: number, e: number) => {
        if (equals(bytes, s, e, 3)) return section(styles.header)
        if (equals(bytes, s, e, 2)) return section(styles.body)
        if (equals(bytes, s, e, 1)) return section(styles.footer)
        const empty = e === s
        switch (current.kind) {
          case "a":
            if (blankJoin > 1) {
              if (!empty || ++blanks === blankJoin) {
                number()
                blanks = 0
              } else sink.text(blank)
            } else number()
            break
          case "t":
            if (!empty) number()
            else sink.text(blank)
            break
          case "n":
            sink.text(blank)
            break
          case "p":
            current.re.lastIndex = 0
            if (current.re.test(latin1(bytes, s, e))) number()
            else sink.text(blank)
        }
        sink.pushRange(bytes, s, e)
        sink.byte(10)
      }
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) => Effect.asVoid(eachLine(input, onLine, sink.flushIfFull)),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      yield* sink.flush
      return status
    }),
})
