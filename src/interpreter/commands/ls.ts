import { Clock, Effect } from "effect"
import type { FileStat } from "../../vfs/Resource.ts"
import { compareBytes } from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText, quote } from "../ExitStatus.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { measured } from "./shared/FileInfo.ts"
import { resolveOperand } from "./shared/Files.ts"
import { blocksOf, columns, dateString, humanSize, modeString, OWNER } from "./shared/LsFormat.ts"
import { joinDisplay } from "./shared/Paths.ts"
import { makeSink } from "./shared/Sink.ts"

/** One thing to list: its name as printed, its path, and what is known of it. */
interface Entry {
  readonly name: string
  readonly path: string
  readonly type: FileStat["type"]
  /** Filled when the format or the sort needs it. */
  readonly stat: FileStat | undefined
  /** For symlinks in long format. */
  readonly target?: string | undefined
  readonly targetStat?: FileStat | undefined
}

type Format = "one" | "long" | "columns"

/**
 * `ls`: list directory contents. Output is never a terminal, so names come
 * one per line unless `-C`; names are printed as they are (no quoting). See
 * `LsFormat.ts` for the fixed owner, link count and block values of `-l`.
 */
export const ls = make("ls", {
  summary:
    "List information about the FILEs (the current directory by default). Sort entries alphabetically if none of -St is specified.",
  flags: {
    all: Flag.boolean("a", "all", "do not ignore entries starting with ."),
    almostAll: Flag.boolean("A", "almost-all", "do not list implied . and .."),
    columns: Flag.boolean("C", null, "list entries by columns"),
    color: Flag.string(
      null,
      ["color", "colour"],
      "colorize the output (never here); WHEN can be 'always', 'auto', or 'never'",
      { arg: "WHEN", optional: true },
    ),
    directory: Flag.boolean("d", "directory", "list directories themselves, not their contents"),
    classify: Flag.boolean("F", "classify", "append indicator (one of */=>@|) to entries"),
    noOwner: Flag.boolean("g", null, "like -l, but do not list owner"),
    noGroup: Flag.boolean("G", "no-group", "in a long listing, don't print group names"),
    human: Flag.boolean("h", "human-readable", "with -l, print sizes like 1K 234M 2G etc."),
    long: Flag.boolean("l", null, "use a long listing format"),
    longNoGroup: Flag.boolean("o", null, "like -l, but do not list group information"),
    slash: Flag.boolean("p", null, "append / indicator to directories"),
    reverse: Flag.boolean("r", "reverse", "reverse order while sorting"),
    recursive: Flag.boolean("R", "recursive", "list subdirectories recursively"),
    sizeSort: Flag.boolean("S", null, "sort by file size, largest first"),
    timeSort: Flag.boolean("t", null, "sort by time, newest first"),
    unsorted: Flag.boolean("U", null, "do not sort; list entries in directory order"),
    onePerLine: Flag.boolean("1", null, "list one file per line"),
  },
  operands: { usage: "[FILE]..." },
  usageStatus: 2,
  details:
    "Exit status: 0 if OK, 1 if minor problems (e.g., cannot access subdirectory), 2 if serious trouble (e.g., cannot access command-line argument).",
  run: ({ flags, operands, occurrences, ctx, name }) =>
    Effect.gen(function* () {
      const now = yield* Clock.currentTimeMillis
      let format: Format = "one"
      for (const o of occurrences) {
        if (o.key === "long" || o.key === "noOwner" || o.key === "longNoGroup") format = "long"
        else if (o.key === "columns") format = "columns"
        else if (o.key === "onePerLine" && format !== "long") format = "one"
      }
      const sortBy = flags.unsorted
        ? "none"
        : (occurrences.filter((o) => o.key === "sizeSort" || o.key === "timeSort").at(-1)?.key ?? "name")
      const needStat = format === "long" || sortBy !== "name" || flags.classify
      // Sizes the backend does not know (an API-backed file not read yet) are measured by
      // reading: for -S, and for files named on the command line. A long listing of a directory
      // shows what is known, so `ls -l` of a month of Slack days costs no request per day.
      const needSize = sortBy === "sizeSort"
      const showOwner = !flags.noOwner
      const showGroup = !flags.longNoGroup && !flags.noGroup
      let status = 0
      const sink = makeSink(ctx.stdout)
      const complain = (message: string, level: number) =>
        Effect.gen(function* () {
          yield* sink.flush
          yield* writeText(ctx.stderr, `${name}: ${message}\n`)
          status = Math.max(status, level)
        })

      const compare = (a: Entry, b: Entry): number => {
        let d = 0
        if (sortBy === "sizeSort") d = (b.stat?.size ?? 0) - (a.stat?.size ?? 0)
        else if (sortBy === "timeSort") d = (b.stat?.mtime ?? 0) - (a.stat?.mtime ?? 0)
        if (d === 0) d = compareBytes(a.name, b.name)
        return flags.reverse ? -d : d
      }
      const sorted = (entries: Array<Entry>) => (sortBy === "none" ? entries : entries.sort(compare))

      const indicator = (type: FileStat["type"], st: FileStat | undefined): string => {
        if (type === "directory") return flags.classify || flags.slash ? "/" : ""
        if (!flags.classify) return ""
        if (type === "symlink") return "@"
        return st !== undefined && (st.mode & 0o111) !== 0 ? "*" : ""
      }

      /** Stat and, for long symlinks, read their targets. */
      const complete = (entry: Entry, operand = false): Effect.Effect<Entry> =>
        Effect.gen(function* () {
          if (!needStat && entry.stat === undefined) return entry
          let stat = entry.stat
          if (stat === undefined) {
            const found = yield* Effect.option(ctx.fs.lstat(entry.path))
            stat = found._tag === "Some" ? found.value : undefined
          }
          if (stat !== undefined && (needSize || (operand && format === "long")))
            stat = yield* measured(ctx.fs, entry.path, stat)
          if (stat === undefined || stat.type !== "symlink" || format !== "long") return { ...entry, stat }
          const target = yield* Effect.option(ctx.fs.readlink(entry.path))
          const targetStat = yield* Effect.option(ctx.fs.stat(entry.path))
          return {
            ...entry,
            stat,
            target: target._tag === "Some" ? target.value : undefined,
            targetStat: targetStat._tag === "Some" ? targetStat.value : undefined,
          }
        })

      /**
       * Print a group of entries in the chosen format; `total` for directory
       * listings. Column widths come from `widthOf` (GNU sizes the command-line
       * files' columns with the directory operands included).
       */
      const print = (entries: ReadonlyArray<Entry>, total: boolean, widthOf: ReadonlyArray<Entry> = entries) => {
        if (format === "columns") {
          sink.text(columns(entries.map((e) => e.name + indicator(e.type, e.stat))))
          return
        }
        if (format === "one") {
          for (const e of entries) sink.text(`${e.name}${indicator(e.type, e.stat)}\n`)
          return
        }
        if (total) {
          const blocks = entries.reduce((n, e) => n + (e.stat ? blocksOf(e.stat) : 0), 0)
          sink.text(`total ${flags.human ? humanSize(blocks * 1024) : blocks}\n`)
        }
        const sizeOf = (e: Entry) => (flags.human ? humanSize(e.stat?.size ?? 0) : String(e.stat?.size ?? 0))
        const sizes = entries.map(sizeOf)
        const sizeWidth = Math.max(0, ...widthOf.map((e) => sizeOf(e).length))
        entries.forEach((e, i) => {
          const st = e.stat
          if (st === undefined) return
          let line = `${modeString(st)} 1 `
          if (showOwner) line += `${OWNER} `
          if (showGroup) line += `${OWNER} `
          line += `${sizes[i].padStart(sizeWidth)} ${dateString(st.mtime, now)} ${e.name}`
          if (st.type === "symlink") {
            line += ` -> ${e.target ?? ""}`
            if (e.targetStat !== undefined) line += indicator(e.targetStat.type, e.targetStat)
          } else line += indicator(st.type, st)
          sink.text(line + "\n")
        })
      }

      /** List a directory's contents; `header` is printed first when given. */
      const listDirectory = (
        path: string,
        display: string,
        header: boolean,
        level: number,
      ): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          const listed = yield* Effect.result(ctx.fs.list(path))
          if (header) sink.text(`${display}:\n`)
          if (listed._tag === "Failure")
            return yield* complain(`cannot open directory ${quote(display)}: ${errorText(listed.failure)}`, level)
          const child = (n: string) => `${path === "/" ? "" : path}/${n}`
          const raw: Array<Entry> = []
          if (flags.all) {
            raw.push({ name: ".", path, type: "directory", stat: undefined })
            raw.push({
              name: "..",
              path: path === "/" ? "/" : path.slice(0, path.lastIndexOf("/")) || "/",
              type: "directory",
              stat: undefined,
            })
          }
          for (const e of listed.success) {
            if (e.name.startsWith(".") && !flags.all && !flags.almostAll) continue
            raw.push({ name: e.name, path: child(e.name), type: e.type, stat: undefined })
          }
          const entries = sorted(yield* Effect.forEach(raw, (e) => complete(e), { concurrency: 16 }))
          print(entries, true)
          yield* sink.flushIfFull
          if (!flags.recursive) return
          for (const e of entries) {
            if (e.type !== "directory" || e.name === "." || e.name === "..") continue
            sink.text("\n")
            yield* listDirectory(e.path, joinDisplay(display, e.name), true, 1)
          }
        })

      const implicit = operands.length === 0
      const targets = implicit ? ["."] : operands
      const files: Array<Entry> = []
      const dirs: Array<Entry> = []
      // Command-line symlinks are followed unless the listing is long, -d or -F (GNU's default).
      const follow = !(format === "long" || flags.directory || flags.classify)
      for (const operand of targets) {
        const found = yield* Effect.result(
          Effect.flatMap(resolveOperand(ctx, operand), (p) =>
            // A trailing slash makes path resolution itself follow the link (`ls -l link/`).
            Effect.map(follow || operand.endsWith("/") ? ctx.fs.stat(p) : ctx.fs.lstat(p), (st) => ({ path: p, st })),
          ),
        )
        if (found._tag === "Failure") {
          yield* complain(`cannot access ${quote(operand)}: ${errorText(found.failure)}`, 2)
          continue
        }
        const { path, st } = found.success
        const entry = yield* complete({ name: operand, path, type: st.type, stat: st }, true)
        if (st.type === "directory" && !flags.directory) dirs.push(entry)
        else files.push(entry)
      }
      const fileList = sorted(files)
      print(fileList, false, [...files, ...dirs])
      const dirList = sorted(dirs)
      const headers = targets.length > 1 || flags.recursive
      for (let i = 0; i < dirList.length; i++) {
        if (i > 0 || fileList.length > 0) sink.text("\n")
        yield* listDirectory(dirList[i].path, dirList[i].name, headers, 2)
      }
      yield* sink.flush
      return status
    }),
})
