import { Effect } from "effect"
import type { DirEntry, FileStat } from "../../vfs/Resource.ts"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { matches } from "../expand/pattern.ts"
import type { BrokenPipe } from "../Io.ts"
import { canonicalize } from "./shared/Canonical.ts"
import { measured, modeString, OWNER, sizeOf } from "./shared/FileInfo.ts"
import { fixed } from "./shared/FloatFormat.ts"
import { makeSink, type Sink } from "./shared/Sink.ts"
import { strftime } from "./shared/Strftime.ts"

/** Line-drawing pieces: branch, last branch, continuing rule, blank (tree pads the rule with no-break spaces). */
const UTF8 = ["├── ", "└── ", "│\u00a0\u00a0 ", "    "] as const
const ASCII = ["|-- ", "`-- ", "|   ", "    "] as const

interface Options {
  readonly all: boolean
  readonly dirsOnly: boolean
  readonly follow: boolean
  readonly fullPath: boolean
  readonly noIndent: boolean
  readonly classify: boolean
  readonly level: number
  readonly ignore: ReadonlyArray<string> | undefined
  readonly pattern: ReadonlyArray<string> | undefined
  readonly nocase: boolean
  readonly dirsFirst: boolean
  readonly reverse: boolean
  readonly unsorted: boolean
  readonly size: boolean
  /** Powers for -h (1024) or --si (1000); 0 for plain bytes. */
  readonly human: 0 | 1000 | 1024
  readonly perms: boolean
  readonly user: boolean
  readonly group: boolean
  readonly date: boolean
  readonly lines: readonly [string, string, string, string]
}

/** One listed entry with what tree shows about it. */
interface Node {
  readonly name: string
  readonly abs: string
  readonly st: FileStat
  /** The entry is a directory, or a link to one. */
  readonly isDir: boolean
  readonly target: string | undefined
  /** For a link: what it points to, for `-F`. */
  readonly targetStat: FileStat | undefined
}

const matchAny = (patterns: ReadonlyArray<string>, name: string, nocase: boolean) =>
  patterns.some((p) => matches(p, name, { nocase }))

/** tree's `-h`/`--si` sizes: `%4d` below one unit, else `%3.1f` (below 10 units) or `%3.0f` and a unit letter. */
const treeHuman = (size: number, base: 1000 | 1024): string => {
  if (size < base) return String(size).padStart(4)
  let idx = 1
  let s = size
  while (s >= base * base) {
    idx++
    s = Math.floor(s / base)
  }
  const value = s / base
  const units = base === 1000 ? "dkMGTPEZY" : "BKMGTPEZY"
  return `${(Math.floor(s / base) >= 10 ? fixed(value, 0) : fixed(value, 1)).padStart(3)}${units[idx]}`
}

const SIX_MONTHS = 6 * 31 * 24 * 3600 * 1000

const info = (n: Node, o: Options, now: number): string => {
  const parts: Array<string> = []
  if (o.perms) parts.push(modeString(n.st.type, n.st.mode))
  if (o.user) parts.push(OWNER.user.padEnd(8))
  if (o.group) parts.push(OWNER.group.padEnd(8))
  if (o.size) parts.push(o.human !== 0 ? treeHuman(sizeOf(n.st), o.human) : String(sizeOf(n.st)).padStart(11))
  if (o.date) {
    const old = n.st.mtime > now || n.st.mtime + SIX_MONTHS < now
    parts.push(strftime(old ? "%b %e  %Y" : "%b %e %H:%M", n.st.mtime))
  }
  return parts.length === 0 ? "" : `[${parts.join(" ")}]  `
}

const classifyChar = (st: FileStat | undefined): string =>
  st === undefined ? "" : st.type === "directory" ? "/" : st.type === "file" && st.mode & 0o111 ? "*" : ""

/** `tree`: list contents of directories in a tree-like format (tree 2.1). */
export const tree = make("tree", {
  summary: "list contents of directories in a tree-like format",
  flags: {
    all: Flag.boolean("a", null, "All files are listed."),
    dirsOnly: Flag.boolean("d", null, "List directories only."),
    follow: Flag.boolean("l", null, "Follow symbolic links like directories."),
    fullPath: Flag.boolean("f", null, "Print the full path prefix for each file."),
    level: Flag.string("L", null, "Descend only level directories deep.", { arg: "level" }),
    pattern: Flag.string("P", null, "List only those files that match the pattern given.", { arg: "pattern" }),
    ignore: Flag.string("I", null, "Do not list files that match the given pattern.", { arg: "pattern" }),
    ignoreCase: Flag.boolean(null, "ignore-case", "Ignore case when pattern matching."),
    noReport: Flag.boolean(null, "noreport", "Turn off file/directory count at end of tree listing."),
    noIndent: Flag.boolean("i", null, "Don't print indentation lines."),
    classify: Flag.boolean("F", null, "Appends '/', '=', '*', '@', '|' or '>' as per ls -F."),
    perms: Flag.boolean("p", null, "Print the protections for each file."),
    user: Flag.boolean("u", null, "Displays file owner or UID number."),
    group: Flag.boolean("g", null, "Displays file group owner or GID number."),
    size: Flag.boolean("s", null, "Print the size in bytes of each file."),
    human: Flag.boolean("h", null, "Print the size in a more human readable way."),
    si: Flag.boolean(null, "si", "Like -h, but use in SI units (powers of 1000)."),
    date: Flag.boolean("D", null, "Print the date of last modification."),
    unsorted: Flag.boolean("U", null, "Leave files unsorted."),
    reverse: Flag.boolean("r", null, "Reverse the order of the sort."),
    dirsFirst: Flag.boolean(null, "dirsfirst", "List directories before files (-U disables)."),
    charset: Flag.string(null, "charset", "Use charset X for terminal/HTML and indentation line output.", { arg: "X" }),
    color: Flag.boolean("C", null, "Turn colorization on always."),
    noColor: Flag.boolean("n", null, "Turn colorization off always (-C overrides)."),
  },
  operands: { usage: "[directory ...]" },
  preprocess: (args) => {
    const last = args[args.length - 1]
    if (last === "-L" || last === "-P" || last === "-I")
      return { error: `Missing argument to ${last} option.`, tryHelp: false }
    return args
  },
  details:
    "Lines are drawn with Unicode box characters unless --charset names a charset other than UTF-8; entries come in byte order of their names.",
  run: ({ flags, operands, ctx, warn }) =>
    Effect.gen(function* () {
      let level = Infinity
      if (flags.level !== undefined) {
        const n = /^\d+$/.test(flags.level) ? Number(flags.level) : 0
        if (n < 1) {
          yield* warn("Invalid level, must be greater than 0.")
          return 1
        }
        level = n
      }
      const split = (p: string | undefined) => (p === undefined ? undefined : p.split("|"))
      const o: Options = {
        all: flags.all,
        dirsOnly: flags.dirsOnly,
        follow: flags.follow,
        fullPath: flags.fullPath,
        noIndent: flags.noIndent,
        classify: flags.classify && !flags.dirsOnly,
        level,
        ignore: split(flags.ignore),
        pattern: split(flags.pattern),
        nocase: flags.ignoreCase,
        dirsFirst: flags.dirsFirst && !flags.unsorted,
        reverse: flags.reverse,
        unsorted: flags.unsorted,
        size: flags.size || flags.human || flags.si,
        human: flags.si ? 1000 : flags.human ? 1024 : 0,
        perms: flags.perms,
        user: flags.user,
        group: flags.group,
        date: flags.date,
        lines: flags.charset === undefined || /^utf-?8$/i.test(flags.charset) ? UTF8 : ASCII,
      }
      const sink = makeSink(ctx.stdout)
      const now = Date.now()
      let dirs = 0
      let files = 0
      let errors = 0
      for (const operand of operands.length === 0 ? ["."] : operands) {
        const abs = ctx.resolve(operand)
        const name = o.fullPath ? operand.replace(/(.)\/+$/, "$1") : operand
        const looked = yield* Effect.result(ctx.fs.lstat(abs))
        const listed = yield* Effect.result(ctx.fs.list(abs))
        const st =
          looked._tag === "Failure" ? undefined : o.size ? yield* measured(ctx.fs, abs, looked.success) : looked.success
        const rootInfo =
          st === undefined ? "" : info({ name, abs, st, isDir: true, target: undefined, targetStat: undefined }, o, now)
        const suffix = o.classify && listed._tag === "Success" ? "/" : ""
        sink.text(`${rootInfo}${name}${suffix}`)
        if (listed._tag === "Failure") {
          sink.text("  [error opening dir]\n")
          if (st === undefined) errors++
          else files++
          continue
        }
        sink.text("\n")
        const seen = new Set<string>()
        if (o.follow) {
          const c = yield* canonicalize(ctx.fs, "/", abs, "missing")
          if ("path" in c) seen.add(c.path)
        }
        const entries = yield* entriesOf(ctx, abs, listed.success, o)
        if (entries.length > 0) {
          const t = yield* listDir(ctx, sink, name, entries, 1, [], o, seen, now)
          dirs += t.dirs + 1
          files += t.files
        }
      }
      if (!flags.noReport) {
        const d = `${dirs} director${dirs === 1 ? "y" : "ies"}`
        sink.text(flags.dirsOnly ? `\n${d}\n` : `\n${d}, ${files} file${files === 1 ? "" : "s"}\n`)
      }
      yield* sink.flush
      return errors > 0 ? 2 : 0
    }),
})

/** The entries tree shows in a directory, filtered and sorted. */
const entriesOf = (
  ctx: CommandContext,
  abs: string,
  list: ReadonlyArray<DirEntry>,
  o: Options,
): Effect.Effect<ReadonlyArray<Node>> =>
  Effect.gen(function* () {
    const out: Array<Node> = []
    const prefix = abs === "/" ? "/" : `${abs}/`
    for (const entry of list) {
      if (!o.all && entry.name.startsWith(".")) continue
      if (o.ignore !== undefined && matchAny(o.ignore, entry.name, o.nocase)) continue
      const childAbs = prefix + entry.name
      const st = yield* Effect.orElseSucceed(ctx.fs.lstat(childAbs), () => undefined)
      if (st === undefined) continue
      let target: string | undefined
      let targetStat: FileStat | undefined
      if (st.type === "symlink") {
        target = yield* Effect.orElseSucceed(ctx.fs.readlink(childAbs), () => "")
        targetStat = yield* Effect.orElseSucceed(ctx.fs.stat(childAbs), () => undefined)
      }
      const isDir = st.type === "directory" || targetStat?.type === "directory"
      if (o.dirsOnly && !isDir) continue
      if (o.pattern !== undefined && st.type !== "directory" && !matchAny(o.pattern, entry.name, o.nocase)) continue
      const shown = o.size ? yield* measured(ctx.fs, childAbs, st) : st
      out.push({ name: entry.name, abs: childAbs, st: shown, isDir, target, targetStat })
    }
    if (o.reverse && !o.unsorted) out.reverse()
    if (o.dirsFirst) return [...out.filter((n) => n.isDir), ...out.filter((n) => !n.isDir)]
    return out
  })

/** Print the entries of one directory; returns the counts below it. */
const listDir = (
  ctx: CommandContext,
  sink: Sink,
  path: string,
  entries: ReadonlyArray<Node>,
  lev: number,
  rules: ReadonlyArray<boolean>,
  o: Options,
  seen: Set<string>,
  now: number,
): Effect.Effect<{ dirs: number; files: number }, BrokenPipe> =>
  Effect.gen(function* () {
    let dirs = 0
    let files = 0
    const [branch, lastBranch, rule, blank] = o.lines
    for (let i = 0; i < entries.length; i++) {
      const n = entries[i]
      const last = i === entries.length - 1
      const childPath = path.endsWith("/") ? path + n.name : `${path}/${n.name}`
      if (!o.noIndent) {
        for (const more of rules) sink.text(more ? rule : blank)
        sink.text(last ? lastBranch : branch)
      }
      let line = info(n, o, now) + (o.fullPath ? childPath : n.name)
      if (n.target !== undefined) line += ` -> ${n.target}`
      if (o.classify) line += classifyChar(n.target !== undefined ? n.targetStat : n.st)
      let error: string | undefined
      let children: ReadonlyArray<Node> | undefined
      if (n.isDir) {
        dirs++
        if ((n.target === undefined || o.follow) && lev < o.level) {
          let recursive = false
          if (o.follow) {
            const c = yield* canonicalize(ctx.fs, "/", n.abs, "missing")
            const key = "path" in c ? c.path : n.abs
            if (seen.has(key) && n.target !== undefined) recursive = true
            seen.add(key)
          }
          if (recursive) error = "recursive, not followed"
          else {
            const listed = yield* Effect.result(ctx.fs.list(n.abs))
            if (listed._tag === "Failure") error = "error opening dir"
            else children = yield* entriesOf(ctx, n.abs, listed.success, o)
          }
        }
      } else files++
      sink.text(error === undefined ? `${line}\n` : `${line}  [${error}]\n`)
      if (children !== undefined && children.length > 0) {
        const t = yield* listDir(ctx, sink, childPath, children, lev + 1, [...rules, !last], o, seen, now)
        dirs += t.dirs
        files += t.files
      }
      if (sink.size() >= 65536) yield* sink.flushIfFull
    }
    return { dirs, files }
  })
