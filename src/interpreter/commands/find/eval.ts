import { Effect } from "effect"
import type { FileStat } from "../../../vfs/Resource.ts"
import type { CommandContext } from "../../Command.ts"
import { quote } from "../../ExitStatus.ts"
import { matches } from "../../expand/pattern.ts"
import { writeText, type BrokenPipe } from "../../Io.ts"
import { strerror } from "../shared/Canonical.ts"
import { hasBytes, inodeOf, OWNER, sizeOf } from "../shared/FileInfo.ts"
import type { Sink } from "../shared/Sink.ts"
import type { Node } from "./expr.ts"
import type { Program } from "./parse.ts"
import type { Exec, Out, Test } from "./types.ts"
import { compare, inWindow, permMatches, sizeMatches } from "./primaries.ts"
import { lsLine, render, type LsWidths } from "./printf.ts"
import { bytesOf } from "./regex.ts"
import type { Entry, Inspector } from "./types.ts"

/**
 * Evaluating a `find` expression. The tree is compiled once into closures;
 * a test that needs nothing but the name and type answers synchronously, so
 * the common `-name`/`-type`/`-print` run costs no effect per file.
 */

/** A test's answer: a boolean now, or an effect for one that needs metadata or runs a command. */
export type Result = boolean | Effect.Effect<boolean, BrokenPipe>

/** Mutable state of one run, shared by the traversal and the predicates. */
export interface Runtime {
  readonly ctx: CommandContext
  readonly program: Program
  readonly inspect: Inspector
  readonly sink: Sink
  readonly now: number
  readonly widths: LsWidths
  /** Set by a failure; the exit status. */
  status: number
  /** `-quit` ran. */
  quit: boolean
  /** `-prune` ran on the current entry. */
  prune: boolean
}

/** Print `find: message` on stderr (after what stdout holds so far) and make the status 1. */
export const complain = (rt: Runtime, message: string): Effect.Effect<void, BrokenPipe> =>
  Effect.suspend(() => {
    rt.status = 1
    return Effect.andThen(rt.sink.flush, writeText(rt.ctx.stderr, `find: ${message}\n`))
  })

const lift = (r: Result): Effect.Effect<boolean, BrokenPipe> => (typeof r === "boolean" ? Effect.succeed(r) : r)

type Fn = (e: Entry) => Result

/** Answer from the entry's metadata, synchronously when it is already known. */
const withStat =
  (rt: Runtime, f: (st: FileStat, e: Entry) => boolean): Fn =>
  (e) => {
    if (e.stat !== undefined) return e.stat === null ? false : f(e.stat, e)
    return Effect.map(rt.inspect.stat(e), (st) => (st === undefined ? false : f(st, e)))
  }

/** Answer from the entry's metadata with its size known, synchronously when it already is. */
const withSize =
  (rt: Runtime, f: (st: FileStat) => boolean): Fn =>
  (e) => {
    const st = e.stat
    if (st === null) return false
    if (st !== undefined && (st.size !== null || st.type !== "file")) return f(st)
    return Effect.map(rt.inspect.sized(e), (known) => (known === undefined ? false : f(known)))
  }

const emit = (rt: Runtime, out: Out, text: string): Result => {
  if (out.kind === "stdout") {
    rt.sink.text(text)
    return true
  }
  if (out.kind === "file") {
    out.chunks.push(text)
    return true
  }
  return Effect.as(Effect.andThen(rt.sink.flush, writeText(rt.ctx.stderr, text)), true)
}

/** Letters `-type` uses for our types. */
const letter = (type: string | undefined): string => (type === "directory" ? "d" : type === "symlink" ? "l" : "f")

/** The longest command line `-exec ... {} +` builds, as findutils' default. */
const ARG_LIMIT = 128 * 1024

/** Compile `node`; `execs` collects the `-exec ... +` actions whose batches run at the end. */
export const compile = (node: Node<Test>, rt: Runtime, execs: Array<Exec>): Fn => {
  switch (node.k) {
    case "not": {
      const a = compile(node.a, rt, execs)
      return (e) => {
        const r = a(e)
        return typeof r === "boolean" ? !r : Effect.map(r, (v) => !v)
      }
    }
    case "and":
    case "or": {
      const a = compile(node.a, rt, execs)
      const b = compile(node.b, rt, execs)
      const short = node.k === "or"
      return (e) => {
        const r = a(e)
        if (typeof r === "boolean") return r === short ? r : b(e)
        return Effect.flatMap(r, (v) => (v === short ? Effect.succeed(v) : lift(b(e))))
      }
    }
    case "comma": {
      const a = compile(node.a, rt, execs)
      const b = compile(node.b, rt, execs)
      return (e) => {
        const r = a(e)
        return typeof r === "boolean" ? b(e) : Effect.flatMap(r, () => lift(b(e)))
      }
    }
    case "test":
      return primary(node.test, rt, execs)
  }
}

const primary = (test: Test, rt: Runtime, execs: Array<Exec>): Fn => {
  const { ctx, inspect } = rt
  switch (test.t) {
    case "true":
      return () => true
    case "false":
      return () => false
    case "name":
      return (e) => matches(test.pattern, bytesOf(e.name), { nocase: test.nocase })
    case "path":
      return (e) => matches(test.pattern, bytesOf(e.path), { nocase: test.nocase })
    case "regex":
      return (e) => test.regex.test(bytesOf(e.path))
    case "lname":
      return (e) =>
        Effect.map(
          inspect.readlink(e),
          (t) => t !== undefined && matches(test.pattern, bytesOf(t), { nocase: test.nocase }),
        )
    case "type":
      if (!test.x)
        return (e) =>
          e.type !== undefined
            ? test.types.has(letter(e.type))
            : withStat(rt, (st) => test.types.has(letter(st.type)))(e)
      return (e) => {
        // -xtype looks the other way: through a link when find does not follow, at the link itself when it does.
        if (e.type !== "symlink" && !e.follow) return test.types.has(letter(e.type))
        const look = e.follow ? ctx.fs.lstat(e.abs) : ctx.fs.stat(e.abs)
        return Effect.map(
          Effect.catch(look, () => Effect.succeed(undefined)),
          (st) => test.types.has(st === undefined ? "l" : letter(st.type)),
        )
      }
    case "size":
      return withSize(rt, (st) => sizeMatches(test.size, sizeOf(st)))
    case "time":
      return withStat(rt, (st) => inWindow(test.window, st.mtime))
    case "used":
      return withStat(rt, () => inWindow(test.window, 0))
    case "newer":
      return withStat(rt, (st) => st.mtime > test.ref)
    case "empty":
      return (e) =>
        Effect.flatMap(inspect.stat(e), (st) => {
          if (st === undefined) return Effect.succeed(false)
          if (st.type === "file") return Effect.map(hasBytes(ctx.fs, e.abs, st), (some) => !some)
          if (st.type !== "directory") return Effect.succeed(false)
          return inspect.isEmptyDir(e)
        })
    case "perm":
      return withStat(rt, (st) => permMatches(test.perm, st.mode, st.type === "directory"))
    case "num":
      if (test.field === "inum") return (e) => compare(test.num, inodeOf(e.abs))
      if (test.field === "links") return (e) => Effect.map(inspect.links(e), (n) => compare(test.num, n))
      return () => compare(test.num, test.field === "uid" ? OWNER.uid : OWNER.gid)
    case "owner":
      return () => test.id === (test.field === "user" ? OWNER.uid : OWNER.gid)
    case "access":
      return withStat(rt, (st, e) => {
        if (test.mode === "r") return (st.mode & 0o400) !== 0
        if (test.mode === "x") return (st.mode & 0o100) !== 0
        return (st.mode & 0o200) !== 0 && ctx.fs.route(e.abs)?.mount.mode === "write"
      })
    case "fstype":
      return (e) => inspect.fsType(e) === test.name
    case "samefile":
      return (e) => e.abs === test.abs
    case "print":
      return (e) => emit(rt, test.out, e.path + (test.nul ? "\0" : "\n"))
    case "printf":
      return (e) => Effect.flatMap(render(test.segments, e, inspect), (text) => lift(emit(rt, test.out, text)))
    case "ls":
      return (e) =>
        Effect.gen(function* () {
          const st = yield* inspect.sized(e)
          if (st === undefined) return true
          const links = yield* inspect.links(e)
          const target = st.type === "symlink" ? yield* inspect.readlink(e) : undefined
          return yield* lift(emit(rt, test.out, lsLine(e, st, links, target, rt.now, rt.widths)))
        })
    case "prune":
      return (e) => {
        if (rt.program.depthFirst) return true
        if (e.type === "directory") rt.prune = true
        return true
      }
    case "quit":
      return () => {
        rt.quit = true
        return true
      }
    case "delete":
      return (e) => {
        if (e.path === ".") return true
        return ctx.fs.remove(e.abs).pipe(
          Effect.as(true),
          Effect.catchTag("VfsError", (error) =>
            Effect.as(complain(rt, `cannot delete ${quote(e.path)}: ${strerror(error)}`), false),
          ),
        )
      }
    case "exec": {
      const exec = test.exec
      if (exec.plus) {
        execs.push(exec)
        let bytes = 0
        return (e) => {
          const size = e.path.length + 1
          const full = exec.batch.length > 0 && bytes + size > ARG_LIMIT
          const before = full ? runBatch(rt, exec) : undefined
          const push = () => {
            if (full) bytes = 0
            exec.batch.push(e.path)
            bytes += size
            return true
          }
          return before === undefined ? push() : Effect.map(before, push)
        }
      }
      return (e) =>
        Effect.gen(function* () {
          const argv = exec.argv.map((a) => a.split("{}").join(e.path))
          if (exec.ok && !(yield* confirm(rt, argv[0], e.path))) return false
          yield* rt.sink.flush
          return (yield* ctx.exec(argv)) === 0
        })
    }
  }
}

/** Run what an `-exec ... {} +` has collected; a failing command makes the status 1. */
export const runBatch = (rt: Runtime, exec: Exec): Effect.Effect<void, BrokenPipe> =>
  Effect.gen(function* () {
    if (exec.batch.length === 0) return
    const argv = [...exec.argv, ...exec.batch.splice(0, exec.batch.length)]
    yield* rt.sink.flush
    if ((yield* rt.ctx.exec(argv)) !== 0) rt.status = 1
  })

/** `-ok`: ask on stderr, read an answer line from stdin; yes starts with `y` or `Y`. */
const confirm = (rt: Runtime, command: string, path: string): Effect.Effect<boolean, BrokenPipe> =>
  Effect.gen(function* () {
    yield* rt.sink.flush
    yield* writeText(rt.ctx.stderr, `< ${command} ... ${path} > ? `)
    let first: number | undefined
    while (true) {
      const chunk = yield* Effect.catch(rt.ctx.stdin.read, () => Effect.succeed(null))
      if (chunk === null) break
      const nl = chunk.indexOf(10)
      if (first === undefined && chunk.length > 0) first = chunk[0]
      if (nl !== -1) {
        rt.ctx.stdin.unread(chunk.subarray(nl + 1))
        break
      }
    }
    return first === 0x79 || first === 0x59
  })
