import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"
import { lastComponent } from "./shared/Paths.ts"
import { makeSink } from "./shared/Sink.ts"
import { compareDirs, compareFiles, trouble, type DiffOptions, type Env, type Operand } from "./diff/compare.ts"

/**
 * `diff` (GNU diffutils 3.8): compare files line by line, or directories
 * (`-r`). Normal, unified (`-u`, `-U N`), context (`-c`, `-C N`),
 * side-by-side (`-y`) and brief (`-q`) output; `-i -w -b -Z -B
 * --strip-trailing-cr` ignore kinds of changes. Status 0 when the inputs
 * are the same, 1 when they differ, 2 on trouble.
 */

const flags = {
  normal: Flag.boolean(null, "normal", "output a normal diff (the default)"),
  brief: Flag.boolean("q", "brief", "report only when files differ"),
  reportIdentical: Flag.boolean("s", "report-identical-files", "report when two files are the same"),
  c: Flag.boolean("c", null, "output 3 lines of copied context"),
  C: Flag.string("C", null, "output NUM lines of copied context", { arg: "NUM" }),
  context: Flag.string(null, "context", "output NUM (default 3) lines of copied context", {
    arg: "NUM",
    optional: true,
  }),
  u: Flag.boolean("u", null, "output 3 lines of unified context"),
  U: Flag.string("U", null, "output NUM lines of unified context", { arg: "NUM" }),
  unified: Flag.string(null, "unified", "output NUM (default 3) lines of unified context", {
    arg: "NUM",
    optional: true,
  }),
  sideBySide: Flag.boolean("y", "side-by-side", "output in two columns"),
  width: Flag.string("W", "width", "output at most NUM (default 130) print columns", { arg: "NUM" }),
  leftColumn: Flag.boolean(null, "left-column", "output only the left column of common lines"),
  suppressCommon: Flag.boolean(null, "suppress-common-lines", "do not output common lines"),
  recursive: Flag.boolean("r", "recursive", "recursively compare any subdirectories found"),
  newFile: Flag.boolean("N", "new-file", "treat absent files as empty"),
  ignoreCase: Flag.boolean("i", "ignore-case", "ignore case differences in file contents"),
  ignoreTrailingSpace: Flag.boolean("Z", "ignore-trailing-space", "ignore white space at line end"),
  ignoreSpaceChange: Flag.boolean("b", "ignore-space-change", "ignore changes in the amount of white space"),
  ignoreAllSpace: Flag.boolean("w", "ignore-all-space", "ignore all white space"),
  ignoreBlankLines: Flag.boolean("B", "ignore-blank-lines", "ignore changes where lines are all blank"),
  stripTrailingCr: Flag.boolean(null, "strip-trailing-cr", "strip trailing carriage return on input"),
  text: Flag.boolean("a", "text", "treat all files as text"),
  label: Flag.list("L", "label", "use LABEL instead of file name and timestamp", { arg: "LABEL" }),
  minimal: Flag.boolean("d", "minimal", "try hard to find a smaller set of changes"),
}

/** Flags whose argument may be the next word, for rebuilding the typed options. */
const SHORT_WITH_ARG = new Set(["C", "U", "W", "L"])
const LONG_WITH_ARG = new Set(["width", "label"])

/** The option words of the command line (with their arguments), as diff echoes them in `diff -r a b`. */
const switchesOf = (args: ReadonlyArray<string>): string => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--") break
    if (a.startsWith("--") && a.length > 2) {
      out.push(a)
      const name = a.slice(2)
      if (!a.includes("=") && [...LONG_WITH_ARG].some((l) => l.startsWith(name)) && i + 1 < args.length)
        out.push(args[++i])
    } else if (a.startsWith("-") && a.length > 1) {
      out.push(a)
      const at = Array.from(a.slice(1)).findIndex((c) => SHORT_WITH_ARG.has(c))
      if (at === a.length - 2 && i + 1 < args.length) out.push(args[++i])
    }
  }
  return out.map((w) => ` ${w}`).join("")
}

const STYLE_OF: Record<string, DiffOptions["style"]> = {
  normal: "normal",
  c: "context",
  C: "context",
  context: "context",
  u: "unified",
  U: "unified",
  unified: "unified",
  sideBySide: "side",
}

const HELP = `Usage: diff [OPTION]... FILES\nCompare FILES line by line.\n\n${Flag.describeFlags(flags)}\n`

const TRY = "diff: Try 'diff --help' for more information.\n"

/** `diff`: compare files line by line. */
export const diff = make("diff", {
  summary: "Compare FILES line by line.",
  flags,
  operands: { usage: "FILES" },
  raw: true,
  run: ({ operands: args, ctx }) =>
    Effect.gen(function* () {
      const fail = (message: string, tryHelp = true) =>
        Effect.as(writeText(ctx.stderr, `diff: ${message}\n${tryHelp ? TRY : ""}`), 2)
      const parsed = Flag.parse(flags, args)
      if (parsed._tag === "Help") return yield* Effect.as(writeText(ctx.stdout, HELP), 0)
      if (parsed._tag === "Version") return yield* Effect.as(writeText(ctx.stdout, "diff (GNU diffutils) 3.8\n"), 0)
      if (parsed._tag === "UsageError") return yield* fail(parsed.message)
      const f = parsed.flags
      let style: DiffOptions["style"] | undefined
      let context = -1
      for (const occ of parsed.occurrences) {
        const s = STYLE_OF[occ.key]
        if (s === undefined) continue
        if (style !== undefined && style !== s) return yield* fail("conflicting output style options")
        style = s
        if (s === "context" || s === "unified") {
          const text = occ.value ?? "3"
          if (!/^\d+$/.test(text)) return yield* fail(`invalid context length '${text}'`)
          context = Math.max(context, Number(text))
        }
      }
      let width = 130
      if (f.width !== undefined) {
        if (!/^\d+$/.test(f.width) || Number(f.width) === 0) return yield* fail(`invalid width '${f.width}'`)
        width = Number(f.width)
      }
      const files = parsed.operands
      if (files.length < 2) return yield* fail(`missing operand after '${files.length === 0 ? "diff" : files[0]}'`)
      if (files.length > 2) return yield* fail(`extra operand '${files[2]}'`)
      const o: DiffOptions = {
        style: style ?? "normal",
        context: Math.max(context, 0),
        brief: f.brief,
        reportIdentical: f.reportIdentical,
        recursive: f.recursive,
        newFile: f.newFile,
        text: f.text,
        minimal: f.minimal,
        ignoreCase: f.ignoreCase,
        ignoreAllSpace: f.ignoreAllSpace,
        ignoreSpaceChange: f.ignoreSpaceChange,
        ignoreTrailingSpace: f.ignoreTrailingSpace,
        ignoreBlankLines: f.ignoreBlankLines,
        stripTrailingCr: f.stripTrailingCr,
        labels: f.label,
        side: { width, suppressCommon: f.suppressCommon, leftColumn: f.leftColumn },
        switches: switchesOf(args),
      }
      const env: Env = { ctx, sink: makeSink(ctx.stdout), o, now: Date.now() }
      const op = (name: string): Operand => ({ name, path: name === "-" ? "-" : ctx.resolve(name) })
      let a = op(files[0])
      let b = op(files[1])
      if (a.path === "-" && b.path === "-") return 0
      const stat = (x: Operand) =>
        x.path === "-"
          ? Effect.succeed({ _tag: "Success" as const, success: "file" as const })
          : Effect.result(Effect.map(ctx.fs.stat(x.path), (s) => s.type))
      const sa = yield* stat(a)
      const sb = yield* stat(b)
      if (sa._tag === "Failure" || sb._tag === "Failure") {
        if (o.newFile && (sa._tag === "Success" || sb._tag === "Success")) {
          const present = sa._tag === "Success" ? sa.success : sb._tag === "Success" ? sb.success : "file"
          const absent = { a: sa._tag === "Failure", b: sb._tag === "Failure" }
          return present === "directory"
            ? yield* compareDirs(env, a, b, 0, absent)
            : yield* compareFiles(env, a, b, 0, absent)
        }
        let status = 0
        if (sa._tag === "Failure") status = yield* trouble(env, a.name, sa.failure)
        if (sb._tag === "Failure") status = yield* trouble(env, b.name, sb.failure)
        return status
      }
      const dirA = sa.success === "directory"
      const dirB = sb.success === "directory"
      if (dirA && dirB) return yield* compareDirs(env, a, b, 0)
      if (dirA || dirB) {
        const file = dirA ? b : a
        if (file.path === "-") return yield* fail("cannot compare '-' to a directory", false)
        const dir = dirA ? a : b
        const inner: Operand = {
          name: `${dir.name.replace(/\/+$/, "")}/${lastComponent(file.name)}`,
          path: `${dir.path === "/" ? "" : dir.path}/${lastComponent(file.name)}`,
        }
        if (dirA) a = inner
        else b = inner
      }
      return yield* compareFiles(env, a, b, 0)
    }),
})
