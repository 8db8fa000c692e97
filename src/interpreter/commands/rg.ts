import { Effect } from "effect"
import type { VfsError } from "../../vfs/VfsError.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { inputFromStream, writeText, type Input } from "../Io.ts"
import { makeSink } from "./shared/Sink.ts"
import { compileRule, type Rule } from "./rg/ignore.ts"
import { escapeLiteral, hasUppercase, translate, unbalanced } from "./rg/regex.ts"
import { searchInput, type Binary, type Printer, type SearchOptions } from "./rg/search.ts"
import { TYPES } from "./rg/types.ts"
import { walk, type WalkOptions } from "./rg/walk.ts"

/**
 * `rg` (ripgrep 13) as it behaves when its output is not a terminal:
 * `path:text` lines, no line numbers unless `-n`, the working directory
 * searched recursively when no path is given (standard input when it has
 * data), hidden files, ignored files (`.gitignore` in a git repository,
 * `.ignore`, `.rgignore`) and binary files skipped. Files are visited in
 * name order, as `--sort path` would. Status 0 on a match, 1 on none, 2 on
 * errors.
 */

const flags = {
  regexp: Flag.list("e", "regexp", "a pattern to search for", { arg: "PATTERN" }),
  file: Flag.list("f", "file", "search for patterns from the given file", { arg: "PATTERNFILE" }),
  fixedStrings: Flag.boolean("F", "fixed-strings", "treat the pattern as a literal string"),
  ignoreCase: Flag.boolean("i", "ignore-case", "search case insensitively"),
  caseSensitive: Flag.boolean("s", "case-sensitive", "search case sensitively"),
  smartCase: Flag.boolean("S", "smart-case", "case insensitive unless the pattern has an upper case letter"),
  wordRegexp: Flag.boolean("w", "word-regexp", "only show matches surrounded by word boundaries"),
  lineRegexp: Flag.boolean("x", "line-regexp", "only show matches surrounded by line boundaries"),
  invertMatch: Flag.boolean("v", "invert-match", "invert matching"),
  count: Flag.boolean("c", "count", "show the number of matching lines in each file"),
  countMatches: Flag.boolean(null, "count-matches", "show the number of individual matches in each file"),
  filesWithMatches: Flag.boolean("l", "files-with-matches", "print the paths with at least one match"),
  filesWithoutMatch: Flag.boolean(null, "files-without-match", "print the paths with zero matches"),
  onlyMatching: Flag.boolean("o", "only-matching", "print only the matched parts of a line"),
  replace: Flag.string("r", "replace", "replace every match with the text given", { arg: "REPLACEMENT" }),
  lineNumber: Flag.boolean("n", "line-number", "show line numbers"),
  noLineNumber: Flag.boolean("N", "no-line-number", "suppress line numbers"),
  column: Flag.boolean(null, "column", "show column numbers"),
  byteOffset: Flag.boolean("b", "byte-offset", "print the 0-based byte offset before each line"),
  withFilename: Flag.boolean("H", "with-filename", "display the file path for matches"),
  noFilename: Flag.boolean("I", "no-filename", "never print the file path with the matched lines"),
  heading: Flag.boolean(null, "heading", "print the file path above clusters of matches"),
  noHeading: Flag.boolean(null, "no-heading", "don't group matches by each file"),
  null: Flag.boolean("0", "null", "follow file paths with a NUL byte"),
  vimgrep: Flag.boolean(null, "vimgrep", "show results with every match on its own line"),
  afterContext: Flag.integer("A", "after-context", "show NUM lines after each match", { min: 0 }),
  beforeContext: Flag.integer("B", "before-context", "show NUM lines before each match", { min: 0 }),
  context: Flag.integer("C", "context", "show NUM lines before and after each match", { min: 0 }),
  maxCount: Flag.integer("m", "max-count", "limit the number of matching lines per file", { min: 0 }),
  quiet: Flag.boolean("q", "quiet", "do not print anything to stdout"),
  files: Flag.boolean(null, "files", "print each file that would be searched"),
  glob: Flag.list("g", "glob", "include or exclude files and directories", { arg: "GLOB" }),
  iglob: Flag.list(null, "iglob", "include or exclude files case insensitively", { arg: "GLOB" }),
  type: Flag.list("t", "type", "only search files matching TYPE", { arg: "TYPE" }),
  typeNot: Flag.list("T", "type-not", "do not search files matching TYPE", { arg: "TYPE" }),
  typeList: Flag.boolean(null, "type-list", "show all supported file types"),
  hidden: Flag.boolean(".", "hidden", "search hidden files and directories"),
  noIgnore: Flag.boolean(null, "no-ignore", "don't respect ignore files"),
  noIgnoreVcs: Flag.boolean(null, "no-ignore-vcs", "don't respect version control ignore files"),
  unrestricted: Flag.boolean("u", "unrestricted", "reduce the level of smart searching (repeat up to 3 times)"),
  text: Flag.boolean("a", "text", "search binary files as if they were text"),
  binary: Flag.boolean(null, "binary", "search binary files"),
  follow: Flag.boolean("L", "follow", "follow symbolic links"),
  maxDepth: Flag.integer(null, "max-depth", "limit the depth of directory traversal", { min: 0 }),
  sort: Flag.string(null, "sort", "sort results (path, none)", { arg: "SORTBY" }),
  threads: Flag.string("j", "threads", "the approximate number of threads to use (ignored)", { arg: "NUM" }),
  color: Flag.string(null, ["color", "colour"], "when to use colors (ignored: never)", { arg: "WHEN" }),
  pcre2: Flag.boolean("P", "pcre2", "use JavaScript regular expressions as they are"),
  noMessages: Flag.boolean(null, "no-messages", "suppress some error messages"),
}

const USAGE = `USAGE:
    
    rg [OPTIONS] PATTERN [PATH ...]
    rg [OPTIONS] -e PATTERN ... [PATH ...]
    rg [OPTIONS] -f PATTERNFILE ... [PATH ...]
    rg [OPTIONS] --files [PATH ...]
    rg [OPTIONS] --type-list
    command | rg [OPTIONS] PATTERN
    rg [OPTIONS] --help
    rg [OPTIONS] --version

For more information try --help

`

const HELP = `Usage: rg [OPTIONS] PATTERN [PATH ...]\nripgrep recursively searches the current directory for a regex pattern.\n\n${Flag.describeFlags(flags)}\n`

const OS_ERROR: Partial<Record<VfsError["reason"], number>> = {
  NotFound: 2,
  PermissionDenied: 13,
  NotADirectory: 20,
  IsADirectory: 21,
}

/** `NAME: strerror (os error N)`, as ripgrep words file errors. */
const fileError = (name: string, e: VfsError) => {
  const code = OS_ERROR[e.reason]
  return `${name}: ${errorText(e)}${code === undefined ? "" : ` (os error ${code})`}\n`
}

/** `rg`: recursively search the current directory for lines matching a pattern. */
export const rg = make("rg", {
  summary: "ripgrep recursively searches the current directory for a regex pattern.",
  flags,
  operands: { usage: "PATTERN [PATH ...]" },
  raw: true,
  run: ({ operands: args, ctx }) =>
    Effect.gen(function* () {
      const parsed = Flag.parse(flags, args)
      if (parsed._tag === "Help") return yield* Effect.as(writeText(ctx.stdout, HELP), 0)
      if (parsed._tag === "Version") return yield* Effect.as(writeText(ctx.stdout, "ripgrep 13.0.0\n"), 0)
      if (parsed._tag === "UsageError") {
        const m = /'(-[^']*)'|-- '(.)'/.exec(parsed.message)
        const arg = m === null ? "" : (m[1] ?? `-${m[2]}`)
        const text = parsed.message.includes("requires an argument")
          ? `error: The argument '${arg}' requires a value but none was supplied\n\n${USAGE}`
          : parsed.tryHelp
            ? `error: Found argument '${arg}' which wasn't expected, or isn't valid in this context\n\n${USAGE}`
            : `error: Invalid value: ${parsed.message}\n`
        return yield* Effect.as(writeText(ctx.stderr, text), 2)
      }
      const f = parsed.flags
      const occ = parsed.occurrences
      const last = (keys: ReadonlyArray<string>) => [...occ].reverse().find((o) => keys.includes(o.key))?.key
      if (f.typeList) {
        const lines = Object.keys(TYPES)
          .sort()
          .map((t) => `${t}: ${TYPES[t].join(", ")}\n`)
        return yield* Effect.as(writeText(ctx.stdout, lines.join("")), 0)
      }
      let operands = [...parsed.operands]
      const patterns: Array<string> = [...f.regexp]
      for (const file of f.file) {
        const r = yield* Effect.result(ctx.fs.readFile(ctx.resolve(file)))
        if (r._tag === "Failure") return yield* Effect.as(writeText(ctx.stderr, fileError(file, r.failure)), 2)
        patterns.push(
          ...new TextDecoder()
            .decode(r.success)
            .split("\n")
            .filter((l, k, all) => k < all.length - 1 || l !== ""),
        )
      }
      if (patterns.length === 0 && !f.files) {
        if (operands.length === 0)
          return yield* Effect.as(
            writeText(
              ctx.stderr,
              `error: The following required arguments were not provided:\n    <PATTERN>\n\n${USAGE}`,
            ),
            2,
          )
        patterns.push(operands[0])
        operands = operands.slice(1)
      }

      // Build the matcher.
      const caseMode = last(["ignoreCase", "caseSensitive", "smartCase"])
      const ignoreCase =
        caseMode === "ignoreCase" || (caseMode === "smartCase" && !patterns.some((p) => hasUppercase(p)))
      const parts: Array<string> = []
      let dotAll = false
      let inlineCase = false
      for (const p of patterns) {
        if (f.fixedStrings) {
          parts.push(escapeLiteral(p))
          continue
        }
        if (f.pcre2) {
          parts.push(p)
          continue
        }
        const bad = unbalanced(p)
        const t = translate(p)
        if (bad !== undefined || "error" in t) {
          const at = bad?.at ?? 0
          const message = bad?.message ?? ("error" in t ? t.error : "")
          const text = `regex parse error:\n    ${p}\n    ${" ".repeat(at)}^\nerror: ${message}\n`
          return yield* Effect.as(writeText(ctx.stderr, text), 2)
        }
        dotAll ||= t.dotAll
        inlineCase ||= t.ignoreCase
        parts.push(t.source)
      }
      const wrap = (s: string) =>
        f.lineRegexp ? `^(?:${s})$` : f.wordRegexp ? `(?<![\\p{L}\\p{N}_])(?:${s})(?![\\p{L}\\p{N}_])` : s
      let regex: RegExp
      try {
        regex = new RegExp(
          parts.map((s) => `(?:${wrap(s)})`).join("|"),
          `gu${ignoreCase || inlineCase ? "i" : ""}${dotAll ? "s" : ""}`,
        )
      } catch (error) {
        const message = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, "") : "invalid"
        return yield* Effect.as(
          writeText(ctx.stderr, `regex parse error:\n    ${patterns.join("|")}\n    ^\nerror: ${message}\n`),
          2,
        )
      }

      // Which files.
      const unrestricted = occ.filter((o) => o.key === "unrestricted").length
      const toRules = (globs: ReadonlyArray<string>, ci: boolean) =>
        globs.map((g) => compileRule(g, ci)).filter((r): r is Rule => r !== undefined)
      for (const t of [...f.type, ...f.typeNot]) {
        if (TYPES[t] === undefined) return yield* Effect.as(writeText(ctx.stderr, `unrecognized file type: ${t}\n`), 2)
      }
      const walkOptions: WalkOptions = {
        hidden: f.hidden || unrestricted >= 2,
        noIgnore: f.noIgnore || unrestricted >= 1,
        noIgnoreVcs: f.noIgnoreVcs,
        globs: [...toRules(f.glob, false), ...toRules(f.iglob, true)],
        selected:
          f.type.length > 0
            ? toRules(
                f.type.flatMap((t) => TYPES[t] ?? []),
                false,
              )
            : undefined,
        excluded: toRules(
          f.typeNot.flatMap((t) => TYPES[t] ?? []),
          false,
        ),
        maxDepth: f.maxDepth,
        follow: f.follow,
      }
      const walkedBinary: Binary = f.text ? "text" : f.binary || unrestricted >= 3 ? "convert" : "quit"
      const givenBinary: Binary = f.text ? "text" : "convert"

      const modeKey = last(["count", "countMatches", "filesWithMatches", "filesWithoutMatch"])
      const mode: SearchOptions["mode"] = f.quiet
        ? "quiet"
        : modeKey === "count"
          ? f.onlyMatching
            ? "countMatches"
            : "count"
          : modeKey === "countMatches"
            ? "countMatches"
            : modeKey === "filesWithMatches"
              ? "files"
              : modeKey === "filesWithoutMatch"
                ? "filesWithout"
                : "lines"
      const lineNumber =
        last(["lineNumber", "noLineNumber"]) === "lineNumber" || ((f.column || f.vimgrep) && !f.noLineNumber)
      const options: SearchOptions = {
        regex,
        invert: f.invertMatch,
        mode,
        onlyMatching: f.onlyMatching,
        replace: f.replace,
        lineNumber,
        column: f.column || f.vimgrep,
        byteOffset: f.byteOffset,
        vimgrep: f.vimgrep,
        heading: last(["heading", "noHeading"]) === "heading" && !f.vimgrep,
        nullSep: f.null,
        before: f.beforeContext ?? f.context ?? 0,
        after: f.afterContext ?? f.context ?? 0,
        maxCount: f.maxCount,
      }
      const sink = makeSink(ctx.stdout)
      const printer: Printer = { sink, o: options, printedGroup: false, printedFile: false }

      let implicit = false
      if (operands.length === 0) {
        const first = f.files ? null : yield* Effect.catchTag(ctx.stdin.read, "VfsError", () => Effect.succeed(null))
        if (first !== null) {
          ctx.stdin.unread(first)
          operands = ["-"]
        } else {
          implicit = true
          operands = ["./"]
        }
      }
      let isDirOperand = false
      for (const op of operands) {
        if (op === "-") continue
        const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(op)))
        if (st._tag === "Success" && st.success.type === "directory") isDirOperand = true
      }
      const withFilename = f.withFilename || f.vimgrep || (!f.noFilename && (operands.length > 1 || isDirOperand))

      let matched = false
      let errored = false
      const report = (text: string) =>
        Effect.suspend(() => {
          errored = true
          return f.noMessages ? Effect.void : Effect.andThen(sink.flush, writeText(ctx.stderr, text))
        })
      const searchOne = (input: Input, shown: string, binary: Binary) =>
        Effect.gen(function* () {
          if (matched && mode === "quiet") return
          const found = yield* searchInput(
            input,
            withFilename || mode === "files" || mode === "filesWithout" ? shown : undefined,
            binary,
            printer,
          )
          if (found) matched = true
        })
      const searchPath = (path: string, shown: string, binary: Binary) =>
        Effect.catchTag(
          Effect.scoped(Effect.flatMap(inputFromStream(ctx.fs.read(path)), (input) => searchOne(input, shown, binary))),
          "VfsError",
          (e) => report(fileError(shown, e)),
        )

      for (const op of operands) {
        if (matched && mode === "quiet") break
        if (op === "-") {
          if (f.files) continue
          yield* Effect.catchTag(searchOne(ctx.stdin, "<stdin>", givenBinary), "VfsError", (e) =>
            report(fileError("<stdin>", e)),
          )
          continue
        }
        const path = ctx.resolve(op)
        const st = yield* Effect.result(ctx.fs.stat(path))
        if (st._tag === "Failure") {
          yield* report(`${op}: IO error for operation on ${fileError(op, st.failure)}`)
          continue
        }
        const shownRoot = implicit ? "" : op
        if (st.success.type !== "directory") {
          if (f.files) {
            sink.text(op + (f.null ? "\0" : "\n"))
            matched = true
          } else yield* searchPath(path, op, givenBinary)
          continue
        }
        yield* walk(
          ctx,
          path,
          shownRoot,
          walkOptions,
          (file, shown) => {
            if (matched && mode === "quiet") return Effect.void
            if (f.files) {
              sink.text(shown + (f.null ? "\0" : "\n"))
              matched = true
              return sink.flushIfFull
            }
            return searchPath(file, shown, walkedBinary)
          },
          (shown, message) => report(`${shown}: ${message}\n`),
        )
      }
      yield* sink.flush
      if (mode === "quiet" && matched) return 0
      if (errored) return 2
      return matched ? 0 : 1
    }),
})
