import { Effect } from "effect"
import type { FileStat } from "../../vfs/Resource.ts"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { matches } from "../expand/pattern.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { canonicalize, strerror } from "./shared/Canonical.ts"
import { kibBlocks, measured, sizeOf } from "./shared/FileInfo.ts"
import { humanSize, parseBlockSize, type BlockSize } from "./shared/HumanSize.ts"
import { makeSink, type Sink } from "./shared/Sink.ts"

interface Options {
  readonly all: boolean
  readonly apparent: boolean
  readonly maxDepth: number
  readonly separate: boolean
  readonly follow: "P" | "H" | "L"
  readonly exclude: ReadonlyArray<string>
  readonly inodes: boolean
  readonly format: (bytes: number) => string
  readonly end: string
}

/** Bytes an entry counts for: allocated (whole KiB) or apparent. */
const weight = (st: FileStat, o: Options): number =>
  o.inodes ? 1 : o.apparent ? (st.type === "directory" ? 4096 : sizeOf(st)) : kibBlocks(st) * 1024

/** `du`: estimate file space usage (sizes are whole KiB per file: a file's size rounded up, 4 KiB per directory). */
export const du = make("du", {
  summary: "Summarize device usage of the set of FILEs, recursively for directories.",
  flags: {
    null: Flag.boolean("0", "null", "end each output line with NUL, not newline"),
    all: Flag.boolean("a", "all", "write counts for all files, not just directories"),
    apparentSize: Flag.boolean(null, "apparent-size", "print apparent sizes rather than device usage"),
    blockSize: Flag.string("B", "block-size", "scale sizes by SIZE before printing them", { arg: "SIZE" }),
    bytes: Flag.boolean("b", "bytes", "equivalent to '--apparent-size --block-size=1'"),
    total: Flag.boolean("c", "total", "produce a grand total"),
    dereferenceArgs: Flag.boolean(
      ["D", "H"],
      "dereference-args",
      "dereference only symlinks that are listed on the command line",
    ),
    maxDepth: Flag.string(
      "d",
      "max-depth",
      "print the total for a directory only if it is N or fewer levels below the command line argument",
      {
        arg: "N",
      },
    ),
    human: Flag.boolean("h", "human-readable", "print sizes in human readable format (e.g., 1K 234M 2G)"),
    inodes: Flag.boolean(null, "inodes", "list inode usage information instead of block usage"),
    k: Flag.boolean("k", null, "like --block-size=1K"),
    dereference: Flag.boolean("L", "dereference", "dereference all symbolic links"),
    m: Flag.boolean("m", null, "like --block-size=1M"),
    noDereference: Flag.boolean("P", "no-dereference", "don't follow any symbolic links (this is the default)"),
    separateDirs: Flag.boolean("S", "separate-dirs", "for directories do not include size of subdirectories"),
    si: Flag.boolean(null, "si", "like -h, but use powers of 1000 not 1024"),
    summarize: Flag.boolean("s", "summarize", "display only a total for each argument"),
    oneFileSystem: Flag.boolean("x", "one-file-system", "skip directories on different file systems"),
    exclude: Flag.list(null, "exclude", "exclude files that match PATTERN", { arg: "PATTERN" }),
  },
  operands: { usage: "[FILE]..." },
  run: ({ flags, operands, occurrences, ctx, usage, warn }) =>
    Effect.gen(function* () {
      let maxDepth = Infinity
      if (flags.maxDepth !== undefined) {
        if (!/^\d+$/.test(flags.maxDepth)) return yield* usage(`invalid maximum depth ${quote(flags.maxDepth)}`)
        maxDepth = Number(flags.maxDepth)
      }
      if (flags.summarize && flags.maxDepth !== undefined && maxDepth !== 0) {
        yield* warn(`warning: summarizing conflicts with --max-depth=${maxDepth}`)
        return yield* usage("")
      }
      if (flags.summarize && flags.all) return yield* usage("cannot both summarize and show all entries")
      if (flags.summarize) maxDepth = 0
      // The last of -b/-k/-m/-B/-h/--si decides the unit, as in coreutils.
      let block: BlockSize = { size: 1024, suffix: "" }
      let human: 0 | 1000 | 1024 = 0
      let apparent = flags.apparentSize
      for (const o of occurrences) {
        if (o.key === "bytes") {
          block = { size: 1, suffix: "" }
          human = 0
          apparent = true
        } else if (o.key === "k") {
          block = { size: 1024, suffix: "" }
          human = 0
        } else if (o.key === "m") {
          block = { size: 1024 * 1024, suffix: "" }
          human = 0
        } else if (o.key === "human") human = 1024
        else if (o.key === "si") human = 1000
        else if (o.key === "blockSize") {
          const parsed = parseBlockSize(o.value ?? "")
          if (parsed === undefined) {
            const option = ctx.args.some((a) => a.startsWith("--bl")) ? "--block-size" : "-B"
            yield* warn(`invalid ${option} argument ${quote(o.value ?? "")}`)
            return 1
          }
          block = parsed
          human = 0
        }
      }
      const format = (bytes: number) =>
        human !== 0 ? humanSize(bytes, human) : `${Math.ceil(bytes / block.size)}${block.suffix}`
      const options: Options = {
        all: flags.all,
        apparent,
        maxDepth,
        separate: flags.separateDirs,
        follow: flags.dereference ? "L" : flags.dereferenceArgs ? "H" : "P",
        exclude: flags.exclude,
        inodes: flags.inodes,
        format: flags.inodes ? (n) => String(n) : format,
        end: flags.null ? "\0" : "\n",
      }
      const sink = makeSink(ctx.stdout)
      let status = 0
      let grand = 0
      for (const operand of operands.length === 0 ? ["."] : operands) {
        const r = yield* measure(ctx, sink, operand, options)
        if (r.failed) status = 1
        grand += r.total
      }
      if (flags.total) sink.text(`${options.format(grand)}\ttotal${options.end}`)
      yield* sink.flush
      return status
    }),
})

/** Walk one operand, printing as it goes (post-order); its total and whether anything failed. */
const measure = (
  ctx: CommandContext,
  sink: Sink,
  operand: string,
  o: Options,
): Effect.Effect<{ readonly total: number; readonly failed: boolean }, BrokenPipe> =>
  Effect.gen(function* () {
    let failed = false
    const fail = (message: string) =>
      Effect.gen(function* () {
        failed = true
        yield* sink.flush
        yield* writeText(ctx.stderr, `du: ${message}\n`)
      })
    const excluded = (name: string, path: string) => o.exclude.some((p) => matches(p, name) || matches(p, path))
    const abs = ctx.resolve(operand)
    const first = yield* Effect.result(o.follow === "P" ? ctx.fs.lstat(abs) : ctx.fs.stat(abs))
    if (first._tag === "Failure") {
      yield* fail(`cannot access ${quote(operand)}: ${strerror(first.failure)}`)
      return { total: 0, failed }
    }
    // Under -L a file reached twice (through a link and directly) counts once, as du counts an inode once.
    const seen = new Set<string>()
    const identity = (abs: string, viaLink: boolean, parent: string | undefined) =>
      Effect.gen(function* () {
        if (o.follow !== "L") return undefined
        if (!viaLink && parent !== undefined)
          return parent === "/" ? abs.slice(abs.lastIndexOf("/")) : parent + abs.slice(abs.lastIndexOf("/"))
        const c = yield* canonicalize(ctx.fs, "/", abs, "missing")
        return "path" in c ? c.path : abs
      })
    // Returns the subtree's full total; prints a directory's (without subdirectories under -S).
    const walk = (
      path: string,
      abs: string,
      st: FileStat,
      depth: number,
      id: string | undefined,
    ): Effect.Effect<number, BrokenPipe> =>
      Effect.gen(function* () {
        // --inodes counts files, so it never needs a size the backend does not know.
        const own = weight(o.inodes ? st : yield* measured(ctx.fs, abs, st), o)
        let sub = 0
        let files = 0
        if (st.type === "directory") {
          const listed = yield* Effect.result(ctx.fs.list(abs))
          if (listed._tag === "Failure")
            yield* fail(`cannot read directory ${quote(path)}: ${strerror(listed.failure)}`)
          else {
            const prefix = path.endsWith("/") ? path : `${path}/`
            const absPrefix = abs === "/" ? "/" : `${abs}/`
            for (const child of listed.success) {
              const childPath = prefix + child.name
              if (o.exclude.length > 0 && excluded(child.name, childPath)) continue
              const childAbs = absPrefix + child.name
              let looked = yield* Effect.result(o.follow === "L" ? ctx.fs.stat(childAbs) : ctx.fs.lstat(childAbs))
              if (looked._tag === "Failure" && o.follow === "L") looked = yield* Effect.result(ctx.fs.lstat(childAbs))
              if (looked._tag === "Failure") {
                yield* fail(`cannot access ${quote(childPath)}: ${strerror(looked.failure)}`)
                continue
              }
              const childId = yield* identity(childAbs, child.type === "symlink", id)
              if (childId !== undefined) {
                if (seen.has(childId)) continue
                seen.add(childId)
              }
              const size = yield* walk(childPath, childAbs, looked.success, depth + 1, childId)
              sub += size
              if (looked.success.type !== "directory") files += size
            }
          }
        }
        const total = own + sub
        if (depth <= o.maxDepth && (st.type === "directory" || o.all || depth === 0)) {
          sink.text(`${o.format(o.separate ? own + files : total)}\t${path}${o.end}`)
          if (sink.size() >= 65536) yield* sink.flushIfFull
        }
        return total
      })
    const rootId = yield* identity(abs, true, undefined)
    if (rootId !== undefined) seen.add(rootId)
    const total = yield* walk(operand, abs, first.success, 0, rootId)
    return { total, failed }
  })
