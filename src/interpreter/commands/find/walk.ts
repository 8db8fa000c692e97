import { Effect } from "effect"
import type { FileStat, FileType } from "../../../vfs/Resource.ts"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { quote } from "../../ExitStatus.ts"
import { encode, readAll, type BrokenPipe } from "../../Io.ts"
import { canonicalize, strerror } from "../shared/Canonical.ts"
import { deviceOf, fsKindOf, measured } from "../shared/FileInfo.ts"
import { makeSink } from "../shared/Sink.ts"
import { compile, complain, runBatch, type Runtime } from "./eval.ts"
import type { Program } from "./parse.ts"
import type { Exec } from "./types.ts"
import { lsWidths, typeChar } from "./printf.ts"
import type { Entry, Inspector } from "./types.ts"

/**
 * The traversal: start points in order, each directory listed once with
 * `fs.list` (whose entries carry their type, so no stat is needed for
 * `-name`/`-type`/`-print`), children in the listing's order, pre-order
 * unless `-depth`/`-delete`.
 */

const describeError = (error: VfsError): string => strerror(error)

const makeInspector = (ctx: CommandContext): Inspector => {
  const stat = (e: Entry): Effect.Effect<FileStat | undefined> =>
    Effect.suspend(() => {
      if (e.stat !== undefined) return Effect.succeed(e.stat ?? undefined)
      const look = e.follow ? Effect.catch(ctx.fs.stat(e.abs), () => ctx.fs.lstat(e.abs)) : ctx.fs.lstat(e.abs)
      return look.pipe(
        Effect.map((st): FileStat | undefined => st),
        Effect.catch(() => Effect.succeed(undefined)),
        Effect.tap((st) =>
          Effect.sync(() => {
            e.stat = st ?? null
          }),
        ),
      )
    })
  const sized = (e: Entry): Effect.Effect<FileStat | undefined> =>
    Effect.flatMap(stat(e), (st) =>
      st === undefined
        ? Effect.succeed(st)
        : Effect.map(measured(ctx.fs, e.abs, st), (known) => {
            // Keep the measured size, so `-size` then `-printf %s` read the file once.
            e.stat = known
            return known
          }),
    )
  const readlink = (e: Entry): Effect.Effect<string | undefined> =>
    Effect.suspend(() => {
      if (e.target !== undefined) return Effect.succeed(e.target ?? undefined)
      return ctx.fs.readlink(e.abs).pipe(
        Effect.map((t): string | undefined => t),
        Effect.catch(() => Effect.succeed(undefined)),
        Effect.tap((t) =>
          Effect.sync(() => {
            e.target = t ?? null
          }),
        ),
      )
    })
  return {
    stat,
    sized,
    readlink,
    links: (e) =>
      Effect.gen(function* () {
        if (e.links !== undefined) return e.links
        const st = yield* stat(e)
        let n = 1
        if (st?.type === "directory") {
          const list = yield* Effect.catch(ctx.fs.list(e.abs), () => Effect.succeed([]))
          n = 2 + list.filter((c) => c.type === "directory").length
        }
        e.links = n
        return n
      }),
    targetType: (e) =>
      Effect.gen(function* () {
        const st = yield* stat(e)
        if (st === undefined) return "N"
        if (st.type !== "symlink") return typeChar(st.type)
        const target = yield* Effect.result(ctx.fs.stat(e.abs))
        if (target._tag === "Success") return typeChar(target.success.type)
        const detail = strerror(target.failure)
        return detail === "Too many levels of symbolic links"
          ? "L"
          : target.failure.reason === "NotFound" || target.failure.reason === "NotADirectory"
            ? "N"
            : "?"
      }),
    isEmptyDir: (e) =>
      Effect.map(
        Effect.catch(ctx.fs.list(e.abs), () => Effect.succeed([{ name: "", type: "file" as const }])),
        (list) => list.length === 0,
      ),
    fsType: (e) => fsKindOf(ctx.fs, e.abs),
    device: (e) => deviceOf(ctx.fs, e.abs),
  }
}

/** Strip trailing slashes and take the last component (`d/` → `d`, `/` → `/`). */
const startName = (path: string): string => {
  const stripped = path.replace(/\/+$/, "")
  if (stripped === "") return path === "" ? "" : "/"
  return stripped.slice(stripped.lastIndexOf("/") + 1)
}

/** The start points of `-files0-from`: NUL-separated names; an empty one is reported and skipped. */
const readStarts = (rt: Runtime, file: string): Effect.Effect<ReadonlyArray<string>, BrokenPipe> =>
  Effect.gen(function* () {
    const { ctx } = rt
    const read = file === "-" ? Effect.result(readAll(ctx.stdin)) : Effect.result(ctx.fs.readFile(ctx.resolve(file)))
    const bytes = yield* read
    if (bytes._tag === "Failure") {
      yield* complain(rt, `cannot open ${quote(file)} for reading: ${describeError(bytes.failure)}`)
      return []
    }
    const names = new TextDecoder().decode(bytes.success).split("\0")
    if (names[names.length - 1] === "") names.pop()
    const out: Array<string> = []
    for (const [i, name] of names.entries()) {
      if (name === "") yield* complain(rt, `${quote(file)}:${i + 1}: invalid zero-length file name`)
      else out.push(name)
    }
    return out
  })

/** Run a parsed command line; returns find's exit status. */
export const runFind = (program: Program, ctx: CommandContext, now: number): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const rt: Runtime = {
      ctx,
      program,
      inspect: makeInspector(ctx),
      sink: makeSink(ctx.stdout),
      now,
      widths: lsWidths(),
      status: 0,
      quit: false,
      prune: false,
    }
    const execs: Array<Exec> = []
    const evaluate = compile(program.tree, rt, execs)
    const { maxdepth, mindepth, depthFirst, follow } = program

    const check = (e: Entry): Effect.Effect<void, BrokenPipe> | undefined => {
      if (e.depth < mindepth) return undefined
      const r = evaluate(e)
      return typeof r === "boolean" ? undefined : Effect.asVoid(r)
    }

    /** Visit `e` and, when it is a directory to descend into, its children. `seen`: canonical paths of the directories above (-L). */
    const visit = (
      e: Entry,
      canonical: string | undefined,
      seen: ReadonlyArray<readonly [string, string]>,
    ): Effect.Effect<void, BrokenPipe> =>
      Effect.gen(function* () {
        if (rt.quit) return
        rt.prune = false
        if (!depthFirst) {
          const pending = check(e)
          if (pending !== undefined) yield* pending
          if (rt.sink.size() >= 65536) yield* rt.sink.flushIfFull
          if (rt.quit) return
        }
        const descend = e.type === "directory" && e.depth < maxdepth && !rt.prune
        if (descend) {
          const listed = yield* Effect.result(ctx.fs.list(e.abs))
          if (listed._tag === "Failure") yield* complain(rt, `${quote(e.path)}: ${describeError(listed.failure)}`)
          else {
            const here: ReadonlyArray<readonly [string, string]> =
              canonical === undefined ? seen : [...seen, [canonical, e.path]]
            const prefix = e.path.endsWith("/") ? e.path : `${e.path}/`
            const absPrefix = e.abs === "/" ? "/" : `${e.abs}/`
            for (const child of listed.success) {
              if (rt.quit) return
              let type: FileType | undefined = child.type
              let stat: FileStat | undefined
              if (follow === "L" && type === "symlink") {
                const st = yield* Effect.result(ctx.fs.stat(absPrefix + child.name))
                if (st._tag === "Success") {
                  stat = st.success
                  type = stat.type
                }
              }
              const entry: Entry = {
                path: prefix + child.name,
                abs: absPrefix + child.name,
                name: child.name,
                start: e.start,
                depth: e.depth + 1,
                type,
                follow: follow === "L",
              }
              if (stat !== undefined) entry.stat = stat
              let childCanonical: string | undefined
              if (follow === "L" && type === "directory" && canonical !== undefined) {
                if (child.type === "symlink") {
                  const c = yield* canonicalize(ctx.fs, "/", entry.abs, "existing")
                  childCanonical = "path" in c ? c.path : entry.abs
                } else childCanonical = canonical === "/" ? `/${child.name}` : `${canonical}/${child.name}`
                const loop = [...here].find(([c]) => c === childCanonical)
                if (loop !== undefined) {
                  yield* complain(
                    rt,
                    `File system loop detected; ${quote(entry.path)} is part of the same file system loop as ${quote(loop[1])}.`,
                  )
                  continue
                }
              }
              if (entry.type === "directory" || depthFirst) yield* visit(entry, childCanonical, here)
              else {
                if (entry.depth >= mindepth) {
                  const r = evaluate(entry)
                  if (typeof r !== "boolean") yield* r
                }
                if (rt.sink.size() >= 65536) yield* rt.sink.flushIfFull
              }
            }
          }
        }
        if (depthFirst && !rt.quit) {
          const pending = check(e)
          if (pending !== undefined) yield* pending
          if (rt.sink.size() >= 65536) yield* rt.sink.flushIfFull
        }
      })

    const starts = program.files0From === undefined ? program.paths : yield* readStarts(rt, program.files0From)
    for (const start of starts) {
      if (rt.quit) break
      const abs = ctx.resolve(start)
      const followStart = follow !== "P" || start.endsWith("/")
      const looked = yield* Effect.result(
        followStart ? Effect.catch(ctx.fs.stat(abs), () => ctx.fs.lstat(abs)) : ctx.fs.lstat(abs),
      )
      if (start === "" || looked._tag === "Failure") {
        const reason =
          start === "" || looked._tag === "Success" ? "No such file or directory" : describeError(looked.failure)
        yield* complain(rt, `${quote(start)}: ${reason}`)
        continue
      }
      const st = looked.success
      if (start.endsWith("/") && st.type !== "directory") {
        yield* complain(rt, `${quote(start)}: Not a directory`)
        continue
      }
      const entry: Entry = {
        path: start,
        abs,
        name: startName(start),
        start,
        depth: 0,
        type: st.type,
        follow: followStart,
        stat: st,
      }
      let canonical: string | undefined
      if (follow === "L" && st.type === "directory") {
        const c = yield* canonicalize(ctx.fs, "/", abs, "existing")
        canonical = "path" in c ? c.path : abs
      }
      yield* visit(entry, canonical, [])
    }
    for (const exec of execs) yield* runBatch(rt, exec)
    yield* rt.sink.flush
    for (const out of program.files) {
      if (out.kind !== "file") continue
      const written = yield* Effect.result(ctx.fs.writeFile(out.abs, encode(out.chunks.join(""))))
      if (written._tag === "Failure") yield* complain(rt, `${quote(out.abs)}: ${describeError(written.failure)}`)
    }
    return rt.status
  })
