import { Effect, Stream } from "effect"
import * as Pattern from "../expand/pattern.ts"
import type { VfsError } from "../../vfs/VfsError.ts"
import * as Flag from "../Argv.ts"
import { make, type DeclaredCommand, type RunInput } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { readAll, type BrokenPipe, type Input } from "../Io.ts"
import { resolveOperand, withInput } from "./shared/Files.ts"
import { compileMatcher, type Matcher, type Syntax } from "./shared/GrepMatcher.ts"
import { latin1 } from "./shared/Lines.ts"
import { makeSink } from "./shared/Sink.ts"
import { makeSearcher, type SearchState } from "./grep/Search.ts"

const encoder = new TextEncoder()

/** Files up to this size are taken whole from backends that can hand them over in one step. */
const SMALL_FILE = 64 * 1024

/** A pattern as the bytes grep matches: UTF-8, one latin1 code unit per byte. */
const toBytesString = (s: string): string => latin1(encoder.encode(s))

const flags = {
  extendedRegexp: Flag.boolean("E", "extended-regexp", "PATTERNS are extended regular expressions"),
  fixedStrings: Flag.boolean("F", "fixed-strings", "PATTERNS are strings"),
  basicRegexp: Flag.boolean("G", "basic-regexp", "PATTERNS are basic regular expressions"),
  perlRegexp: Flag.boolean("P", "perl-regexp", "PATTERNS are Perl regular expressions (JavaScript syntax here)"),
  regexp: Flag.list("e", "regexp", "use PATTERNS for matching", { arg: "PATTERNS" }),
  file: Flag.list("f", "file", "take PATTERNS from FILE", { arg: "FILE" }),
  ignoreCase: Flag.boolean(["i", "y"], "ignore-case", "ignore case distinctions in patterns and data"),
  noIgnoreCase: Flag.boolean(null, "no-ignore-case", "do not ignore case distinctions (default)"),
  wordRegexp: Flag.boolean("w", "word-regexp", "match only whole words"),
  lineRegexp: Flag.boolean("x", "line-regexp", "match only whole lines"),
  nullData: Flag.boolean("z", "null-data", "a data line ends in 0 byte, not newline"),
  noMessages: Flag.boolean("s", "no-messages", "suppress error messages"),
  invertMatch: Flag.boolean("v", "invert-match", "select non-matching lines"),
  maxCount: Flag.string("m", "max-count", "stop after NUM selected lines", { arg: "NUM" }),
  byteOffset: Flag.boolean("b", "byte-offset", "print the byte offset with output lines"),
  lineNumber: Flag.boolean("n", "line-number", "print line number with output lines"),
  lineBuffered: Flag.boolean(null, "line-buffered", "flush output on every line"),
  withFilename: Flag.boolean("H", "with-filename", "print file name with output lines"),
  noFilename: Flag.boolean("h", "no-filename", "suppress the file name prefix on output"),
  label: Flag.string(null, "label", "use LABEL as the standard input file name prefix", { arg: "LABEL" }),
  onlyMatching: Flag.boolean("o", "only-matching", "show only nonempty parts of lines that match"),
  quiet: Flag.boolean("q", ["quiet", "silent"], "suppress all normal output"),
  binaryFiles: Flag.string(
    null,
    "binary-files",
    "assume that binary files are TYPE; TYPE is 'binary', 'text', or 'without-match'",
    { arg: "TYPE" },
  ),
  text: Flag.boolean("a", "text", "equivalent to --binary-files=text"),
  withoutMatch: Flag.boolean("I", null, "equivalent to --binary-files=without-match"),
  directories: Flag.string("d", "directories", "how to handle directories; ACTION is 'read', 'recurse', or 'skip'", {
    arg: "ACTION",
  }),
  devices: Flag.string("D", "devices", "how to handle devices, FIFOs and sockets (ignored)", { arg: "ACTION" }),
  recursive: Flag.boolean("r", "recursive", "like --directories=recurse"),
  dereferenceRecursive: Flag.boolean("R", "dereference-recursive", "likewise, but follow all symlinks"),
  include: Flag.list(null, "include", "search only files that match GLOB (a file pattern)", { arg: "GLOB" }),
  exclude: Flag.list(null, "exclude", "skip files that match GLOB", { arg: "GLOB" }),
  excludeFrom: Flag.list(null, "exclude-from", "skip files that match any file pattern from FILE", { arg: "FILE" }),
  excludeDir: Flag.list(null, "exclude-dir", "skip directories that match GLOB", { arg: "GLOB" }),
  filesWithoutMatch: Flag.boolean("L", "files-without-match", "print only names of FILEs with no selected lines"),
  filesWithMatches: Flag.boolean("l", "files-with-matches", "print only names of FILEs with selected lines"),
  count: Flag.boolean("c", "count", "print only a count of selected lines per FILE"),
  initialTab: Flag.boolean("T", "initial-tab", "make tabs line up (if needed)"),
  null: Flag.boolean("Z", "null", "print 0 byte after FILE name"),
  beforeContext: Flag.string("B", "before-context", "print NUM lines of leading context", { arg: "NUM" }),
  afterContext: Flag.string("A", "after-context", "print NUM lines of trailing context", { arg: "NUM" }),
  context: Flag.string("C", "context", "print NUM lines of output context", { arg: "NUM" }),
  groupSeparator: Flag.string(null, "group-separator", "print SEP on line between matches with context", {
    arg: "SEP",
  }),
  noGroupSeparator: Flag.boolean(null, "no-group-separator", "do not print separator for matches with context"),
  color: Flag.string(
    null,
    ["color", "colour"],
    "use markers to highlight the matching strings (never here); WHEN is 'always', 'never', or 'auto'",
    { arg: "WHEN", optional: true },
  ),
  binary: Flag.boolean("U", "binary", "do not strip CR characters at EOL (MSDOS/Windows)"),
}

type GrepFlags = typeof flags

/** Options taking a separate argument, for the `-NUM` scan below. */
const SHORT_WITH_ARG = "efmABCdD"
const LONG_WITH_ARG =
  /^--(regexp|file|max-count|label|binary-files|directories|devices|include|exclude|exclude-from|exclude-dir|before-context|after-context|context|group-separator)$/

/** `-5` and `-n5` mean `-C 5` (digits are options in GNU grep). */
const contextDigits = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === "--") {
      out.push(...args.slice(i))
      break
    }
    if (LONG_WITH_ARG.test(a) && i + 1 < args.length) {
      out.push(a, args[++i])
      continue
    }
    if (!a.startsWith("-") || a.startsWith("--") || a.length < 2) {
      out.push(a)
      continue
    }
    let cluster = "-"
    let digits = ""
    let takesNext = false
    for (let j = 1; j < a.length; j++) {
      const c = a[j]
      if (c >= "0" && c <= "9") {
        digits += c
        continue
      }
      cluster += c
      if (SHORT_WITH_ARG.includes(c)) {
        cluster += a.slice(j + 1)
        takesNext = j === a.length - 1
        break
      }
    }
    if (digits !== "") out.push("-C", digits)
    if (cluster !== "-") out.push(cluster)
    if (takesNext && i + 1 < args.length) out.push(args[++i])
  }
  return out
}

const contextLength = (value: string | undefined): number | undefined | "bad" =>
  value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : "bad"

const run =
  (preset: Syntax | undefined) =>
  (input: RunInput<GrepFlags>): Effect.Effect<number, BrokenPipe> =>
    Effect.gen(function* () {
      const { flags: f, occurrences, ctx, usage, warn } = input
      const die = (message: string) => Effect.as(warn(message), 2)

      const matchers = occurrences.filter((o) =>
        ["extendedRegexp", "fixedStrings", "basicRegexp", "perlRegexp"].includes(o.key),
      )
      const kinds = new Set(matchers.map((o) => o.key))
      if (preset !== undefined) kinds.add(preset === "extended" ? "extendedRegexp" : "fixedStrings")
      if (kinds.size > 1) return yield* die("conflicting matchers specified")
      const kind = [...kinds][0]
      const syntax: Syntax =
        kind === "extendedRegexp"
          ? "extended"
          : kind === "fixedStrings"
            ? "fixed"
            : kind === "perlRegexp"
              ? "perl"
              : "basic"

      // Checked in command-line order, as getopt meets them.
      for (const o of occurrences) {
        if (
          (o.key === "afterContext" || o.key === "beforeContext" || o.key === "context") &&
          contextLength(o.value) === "bad"
        ) {
          return yield* die(`${o.value}: invalid context length argument`)
        }
      }
      const number = (v: string | undefined) => (v === undefined ? undefined : Number(v))
      const both = number(f.context)
      const after = number(f.afterContext) ?? both ?? 0
      const before = number(f.beforeContext) ?? both ?? 0
      const contextGiven = f.afterContext !== undefined || f.beforeContext !== undefined || f.context !== undefined

      let maxCount = Infinity
      if (f.maxCount !== undefined) {
        if (!/^\s*[+-]?\d+$/.test(f.maxCount)) return yield* die("invalid max count")
        const n = Number(f.maxCount)
        maxCount = n < 0 ? Infinity : n
      }
      const binaryMode = f.text ? "text" : f.withoutMatch ? "without-match" : (f.binaryFiles ?? "binary")
      if (!["binary", "text", "without-match"].includes(binaryMode)) return yield* die("unknown binary-files type")
      const directories = f.recursive || f.dereferenceRecursive ? "recurse" : (f.directories ?? "read")
      if (!["read", "recurse", "skip"].includes(directories)) {
        yield* usage(
          `invalid argument '${directories}' for '--directories'\nValid arguments are:\n  - 'read'\n  - 'recurse'\n  - 'skip'`,
        )
        return 1
      }
      const recursive = directories === "recurse"

      // Patterns: -e and -f in command-line order, else the first operand.
      const patterns: Array<string> = []
      let operands = input.operands
      const sources = occurrences.filter((o) => o.key === "regexp" || o.key === "file")
      if (sources.length === 0) {
        if (operands.length === 0) return yield* usage("")
        patterns.push(...operands[0].split("\n"))
        operands = operands.slice(1)
      }
      for (const o of sources) {
        if (o.key === "regexp") patterns.push(...(o.value ?? "").split("\n"))
        else {
          const name = o.value ?? ""
          const data = yield* withInput(ctx, name, readAll).pipe(
            Effect.map((d): Uint8Array | undefined => d),
            Effect.catchTag("VfsError", (error) => Effect.as(warn(`${name}: ${errorText(error)}`), undefined)),
          )
          if (data === undefined) return 2
          const text = new TextDecoder().decode(data)
          if (text !== "") patterns.push(...text.replace(/\n$/, "").split("\n"))
        }
      }
      const compiled = compileMatcher(patterns.map(toBytesString), {
        syntax,
        ignoreCase:
          occurrences.filter((o) => o.key === "ignoreCase" || o.key === "noIgnoreCase").at(-1)?.key === "ignoreCase",
        wordRegexp: f.wordRegexp,
        lineRegexp: f.lineRegexp,
      })
      if ("error" in compiled) return yield* die(compiled.error)
      for (const w of compiled.warnings) yield* warn(`warning: ${w}`)
      const matcher: Matcher = compiled

      const excludes = [...f.exclude]
      for (const file of f.excludeFrom) {
        const data = yield* withInput(ctx, file, readAll).pipe(
          Effect.map((d): Uint8Array | undefined => d),
          Effect.catchTag("VfsError", (error) => Effect.as(warn(`${file}: ${errorText(error)}`), undefined)),
        )
        if (data === undefined) return 2
        excludes.push(
          ...new TextDecoder()
            .decode(data)
            .split("\n")
            .filter((l) => l !== ""),
        )
      }
      const globMatch = (glob: string, name: string) => Pattern.matches(glob, name, { dotglob: true })
      const fileWanted = (name: string): boolean => {
        const base = name.slice(name.lastIndexOf("/") + 1)
        if (f.include.length > 0 && !f.include.some((g) => globMatch(g, base))) return false
        return !excludes.some((g) => globMatch(g, base) || globMatch(g, name))
      }
      const dirWanted = (name: string): boolean => {
        const base = name.replace(/\/+$/, "").slice(name.replace(/\/+$/, "").lastIndexOf("/") + 1)
        return !f.excludeDir.some((g) => globMatch(g, base))
      }

      const implicitDot = recursive && operands.length === 0
      const files = operands.length === 0 ? [recursive ? "." : "-"] : operands
      const withFilename = f.noFilename ? false : f.withFilename || files.length > 1 || recursive
      const eol = f.nullData ? 0 : 10
      const sink = makeSink(ctx.stdout)
      const state: SearchState = { anySelected: false, errors: false, used: false, done: false }
      const complain = (message: string) =>
        Effect.gen(function* () {
          state.errors = true
          if (f.noMessages) return
          yield* sink.flush
          yield* warn(message)
        })

      const searcher = makeSearcher(
        {
          matcher,
          eol,
          invert: f.invertMatch,
          maxCount,
          before,
          after,
          contextGiven,
          groupSeparator: f.groupSeparator,
          noGroupSeparator: f.noGroupSeparator,
          withFilename,
          nullAfterName: f.null,
          lineNumber: f.lineNumber,
          byteOffset: f.byteOffset,
          onlyMatching: f.onlyMatching,
          count: f.count,
          quiet: f.quiet,
          filesWithMatches: f.filesWithMatches,
          filesWithoutMatch: f.filesWithoutMatch,
          binaryMode: binaryMode === "text" ? "text" : binaryMode === "without-match" ? "without-match" : "binary",
          nullData: f.nullData,
        },
        sink,
        state,
      )
      const finish = (name: string) =>
        Effect.suspend(() =>
          searcher.finish() ? Effect.andThen(sink.flush, warn(`${name}: binary file matches`)) : Effect.void,
        )

      /** Search a shared input (stdin): what this search does not read stays for the next reader. */
      const searchInput = (source: Input, name: string) =>
        Effect.gen(function* () {
          searcher.begin(name)
          while (true) {
            const chunk = yield* source.read
            if (chunk === null) {
              searcher.end()
              break
            }
            if (!searcher.feed(chunk)) {
              const rest = searcher.leftover()
              if (rest !== undefined) source.unread(rest)
              break
            }
            yield* sink.flushIfFull
          }
          yield* finish(name)
        })

      /** Search a file: its chunks are pushed to the search, which ends the read when it has seen enough. */
      const searchFile = (path: string, name: string): Effect.Effect<void, VfsError | BrokenPipe> =>
        // A small file its backend hands over whole is searched in one step, without a stream.
        Effect.flatMap(ctx.fs.readSmall(path, SMALL_FILE), (whole) =>
          whole === undefined ? searchStream(path, name) : searchWhole(whole, name),
        )

      const searchWhole = (bytes: Uint8Array, name: string): Effect.Effect<void, BrokenPipe> => {
        searcher.begin(name)
        if (bytes.length === 0 || searcher.feed(bytes)) searcher.end()
        const done = finish(name)
        return sink.full() ? Effect.andThen(sink.flush, done) : done
      }

      const searchStream = (path: string, name: string): Effect.Effect<void, VfsError | BrokenPipe> =>
        Effect.suspend(() => {
          searcher.begin(name)
          let ended = true
          return Stream.runForEachWhile(ctx.fs.read(path), (chunk) => {
            const more = searcher.feed(chunk)
            if (!more) ended = false
            return sink.full() ? Effect.as(sink.flush, more) : Effect.succeed(more)
          }).pipe(
            Effect.andThen(() => {
              if (ended) searcher.end()
              return finish(name)
            }),
          )
        })

      /** A file met while recursing (no stat: the listing gave its type). */
      const searchFound = (path: string, display: string) =>
        fileWanted(display)
          ? searchFile(path, display).pipe(
              Effect.catchTag("VfsError", (error: VfsError) => complain(`${display}: ${errorText(error)}`)),
            )
          : Effect.void

      const searchDirectory = (path: string, display: string, commandLine: boolean): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          if (!dirWanted(display) && !(implicitDot && commandLine)) return
          const entries = yield* Effect.result(ctx.fs.list(path))
          if (entries._tag === "Failure") return yield* complain(`${display}: ${errorText(entries.failure)}`)
          for (const entry of entries.success) {
            if (state.done) return
            const childDisplay =
              implicitDot && commandLine ? entry.name : `${display.replace(/\/+$/, "")}/${entry.name}`
            const child = `${path === "/" ? "" : path}/${entry.name}`
            // Entries are typed by the listing (links not followed): only -R needs a stat, for links.
            if (entry.type === "file") yield* searchFound(child, childDisplay)
            else if (entry.type === "directory") yield* searchDirectory(child, childDisplay, false)
            else if (f.dereferenceRecursive) yield* searchPath(child, childDisplay, false)
          }
        })

      const searchPath = (operand: string, display: string, commandLine: boolean): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          if (state.done) return
          if (operand === "-" && commandLine) {
            yield* searchInput(ctx.stdin, f.label ?? "(standard input)").pipe(
              Effect.catchTag("VfsError", (error) => complain(`${display}: ${errorText(error)}`)),
            )
            return
          }
          const follow = commandLine || f.dereferenceRecursive
          const st = yield* Effect.result(
            Effect.flatMap(resolveOperand(ctx, operand), (p) =>
              Effect.map(follow ? ctx.fs.stat(p) : ctx.fs.lstat(p), (s) => ({ path: p, stat: s })),
            ),
          )
          if (st._tag === "Failure") return yield* complain(`${display}: ${errorText(st.failure)}`)
          const path = st.success.path
          const type = st.success.stat.type
          if (type === "symlink") return
          if (type === "directory") {
            if (directories === "skip") return
            if (!recursive) return yield* complain(`${display}: Is a directory`)
            return yield* searchDirectory(path, display, commandLine)
          }
          yield* searchFound(path, display)
        })

      for (const file of files) yield* searchPath(file, file, true)
      yield* sink.flush
      if (state.errors && !(f.quiet && state.anySelected)) return 2
      return state.anySelected ? 0 : 1
    })

const makeGrep = (name: string, preset: Syntax | undefined): DeclaredCommand =>
  make(name, {
    summary: "Search for PATTERNS in each FILE.",
    flags,
    operands: { usage: "PATTERNS [FILE]..." },
    usageStatus: 2,
    usageLine: true,
    messageName: "grep",
    preprocess: contextDigits,
    details:
      "When FILE is '-', read standard input. With no FILE, read '.' if recursive, '-' otherwise. Exit status is 0 if any line is selected, 1 otherwise; if any error occurs and -q is not given, the exit status is 2.",
    run: run(preset),
  })

/** `grep`: print lines that match patterns (basic regular expressions by default). */
export const grep = makeGrep("grep", undefined)

/** `egrep`: `grep -E`. */
export const egrep = makeGrep("egrep", "extended")

/** `fgrep`: `grep -F`. */
export const fgrep = makeGrep("fgrep", "fixed")
