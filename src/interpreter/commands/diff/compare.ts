import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { errorText } from "../../ExitStatus.ts"
import { readAll, writeText, type BrokenPipe } from "../../Io.ts"
import { latin1 } from "../shared/Lines.ts"
import { readOperand } from "../shared/LineReader.ts"
import { joinDisplay } from "../shared/Paths.ts"
import type { Sink } from "../shared/Sink.ts"
import { buildScript, compare } from "./analyze.ts"
import { hasVisibleChanges, printContext, printNormal, printUnified, type Text, type Trivial } from "./format.ts"
import { printSideBySide, type SideOptions } from "./side.ts"

/**
 * Comparing two files, or two directories file by file (`-r`), with GNU
 * diff's messages: `Only in`, `Common subdirectories`, `Files ... differ`,
 * `Binary files ... differ`, and the `diff -r a/f b/f` line before each
 * pair of files that differ inside directories.
 */

/** Everything the command line decides. */
export interface DiffOptions {
  readonly style: "normal" | "unified" | "context" | "side"
  readonly context: number
  readonly brief: boolean
  readonly reportIdentical: boolean
  readonly recursive: boolean
  readonly newFile: boolean
  readonly text: boolean
  readonly minimal: boolean
  readonly ignoreCase: boolean
  readonly ignoreAllSpace: boolean
  readonly ignoreSpaceChange: boolean
  readonly ignoreTrailingSpace: boolean
  readonly ignoreBlankLines: boolean
  readonly stripTrailingCr: boolean
  readonly labels: ReadonlyArray<string>
  readonly side: SideOptions
  /** The options as typed, for `diff -r a/f b/f` lines. */
  readonly switches: string
}

/** One side of a comparison: its name in messages and its namespace path (`-` for stdin). */
export interface Operand {
  readonly name: string
  readonly path: string
}

/** What a comparison needs besides the options. */
export interface Env {
  readonly ctx: CommandContext
  readonly sink: Sink
  readonly o: DiffOptions
  /** The time shown for stdin (ms). */
  readonly now: number
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0")

/** `2024-01-01 00:00:00.000000000 +0000`, in UTC. */
export const formatTime = (ms: number): string => {
  const d = new Date(ms)
  const ns = Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6)
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(ns, 9)} +0000`
  )
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/** `Tue Jan  2 03:04:05 2024`: the traditional time of context headers in the C locale. */
export const formatCTime = (ms: number): string => {
  const d = new Date(ms)
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, " ")} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`
  )
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13)

/** The text a line is compared by, under the ignore options. */
const keyOf = (o: DiffOptions) => {
  const space = o.ignoreAllSpace || o.ignoreSpaceChange || o.ignoreTrailingSpace
  return (line: string): string => {
    let s = line
    if (o.stripTrailingCr && s.endsWith("\r")) s = s.slice(0, -1)
    if (o.ignoreAllSpace) s = s.replace(/[ \t\n\v\f\r]+/g, "")
    else if (o.ignoreSpaceChange) s = s.replace(/[ \t\n\v\f\r]+$/, "").replace(/[ \t\n\v\f\r]+/g, " ")
    else if (space) s = s.replace(/[ \t\n\v\f\r]+$/, "")
    if (o.ignoreCase) s = s.replace(/[A-Z]+/g, (m) => m.toLowerCase())
    return s
  }
}

/** Split bytes into lines. */
const toText = (bytes: Uint8Array): Text => {
  const s = latin1(bytes)
  const lines = s === "" ? [] : s.split("\n")
  const incomplete = s !== "" && !s.endsWith("\n")
  if (!incomplete && lines.length > 0) lines.pop()
  return { lines, incomplete }
}

/**
 * Lines equal byte for byte at the start and at the end (not overlapping),
 * which diff sets aside, less `horizon` lines on each side that it keeps in
 * the analysis so that changes may slide into them.
 */
const identicalEnds = (a: Text, b: Text, horizon: number) => {
  const same = (i: number, j: number) =>
    a.lines[i] === b.lines[j] &&
    (a.incomplete && i === a.lines.length - 1) === (b.incomplete && j === b.lines.length - 1)
  const n = Math.min(a.lines.length, b.lines.length)
  let head = 0
  while (head < n && same(head, head)) head++
  let tail = 0
  while (tail < n - head && same(a.lines.length - 1 - tail, b.lines.length - 1 - tail)) tail++
  return { head: Math.max(0, head - horizon), tail: Math.max(0, tail - horizon) }
}

/** Whether a line counts as blank for `-B`. */
const trivialOf = (o: DiffOptions): Trivial | undefined => {
  if (!o.ignoreBlankLines) return undefined
  const space = o.ignoreAllSpace || o.ignoreSpaceChange || o.ignoreTrailingSpace
  return (line) => {
    if (!space) return line === ""
    for (let i = 0; i < line.length; i++) if (!isSpace(line.charCodeAt(i))) return false
    return true
  }
}

/** The file's bytes and mtime; a missing file is empty with `-N` (as `absent`). */
const load = (env: Env, op: Operand) =>
  Effect.gen(function* () {
    if (op.path === "-") return { bytes: yield* readAll(env.ctx.stdin), mtime: env.now, absent: false }
    const st = yield* env.ctx.fs.stat(op.path)
    const bytes = yield* readOperand(env.ctx, op.path)
    return { bytes, mtime: st.mtime, absent: false }
  })

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i])

/** Report a file error as diff does and give 2. */
export const trouble = (env: Env, name: string, error: VfsError): Effect.Effect<number, BrokenPipe> =>
  Effect.as(writeText(env.ctx.stderr, `diff: ${name}: ${errorText(error)}\n`), 2)

/** Compare two files; `depth` > 0 inside directories. Missing ones are empty when `absentA`/`absentB`. */
export const compareFiles = (
  env: Env,
  a: Operand,
  b: Operand,
  depth: number,
  absent: { readonly a: boolean; readonly b: boolean } = { a: false, b: false },
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const { o, sink } = env
    const empty = { bytes: new Uint8Array(0), mtime: 0, absent: true }
    const la = absent.a ? Effect.succeed(empty) : load(env, a)
    const lb = absent.b ? Effect.succeed(empty) : load(env, b)
    const ra = yield* Effect.result(la)
    if (ra._tag === "Failure") return yield* trouble(env, a.name, ra.failure)
    const rb = yield* Effect.result(lb)
    if (rb._tag === "Failure") return yield* trouble(env, b.name, rb.failure)
    const fa = ra.success
    const fb = rb.success
    const identical = () =>
      o.reportIdentical
        ? Effect.as(writeText(env.ctx.stdout, `Files ${a.name} and ${b.name} are identical\n`), 0)
        : Effect.succeed(0)
    if (equalBytes(fa.bytes, fb.bytes) && o.style !== "side") return yield* Effect.andThen(sink.flush, identical())
    const binary = !o.text && (fa.bytes.includes(0) || fb.bytes.includes(0))
    const ignoring =
      o.ignoreCase ||
      o.ignoreAllSpace ||
      o.ignoreSpaceChange ||
      o.ignoreTrailingSpace ||
      o.ignoreBlankLines ||
      o.stripTrailingCr
    if (binary || (o.brief && !ignoring)) {
      sink.latin1(`${binary && !o.brief ? "Binary files" : "Files"} ${a.name} and ${b.name} differ\n`)
      yield* sink.flush
      return 1
    }
    const ta = toText(fa.bytes)
    const tb = toText(fb.bytes)
    const classes = new Map<string, number>()
    const key = keyOf(o)
    const space = o.ignoreAllSpace || o.ignoreSpaceChange || o.ignoreTrailingSpace
    const number = (t: Text) => {
      const out = new Int32Array(t.lines.length)
      for (let i = 0; i < t.lines.length; i++) {
        // Without white space options, a last line lacking its newline differs from the same text with one.
        const k = (t.incomplete && i === t.lines.length - 1 && !space ? "\u0001" : "\u0000") + key(t.lines[i])
        let n = classes.get(k)
        if (n === undefined) classes.set(k, (n = classes.size + 1))
        out[i] = n
      }
      return out
    }
    const { changed0, changed1 } = compare(
      number(ta),
      number(tb),
      o.minimal,
      identicalEnds(ta, tb, o.style === "unified" || o.style === "context" ? o.context : 0),
    )
    const script = buildScript(changed0, changed1)
    const trivial = trivialOf(o)
    if (o.style === "side") {
      if (depth > 0 && script.length > 0) sink.latin1(`diff${o.switches} ${a.name} ${b.name}\n`)
      printSideBySide(sink, script, ta, tb, o.side)
      yield* sink.flush
      return script.length > 0 ? 1 : 0
    }
    if (!hasVisibleChanges(script, ta, tb, trivial)) return yield* Effect.andThen(sink.flush, identical())
    if (o.brief) {
      sink.latin1(`Files ${a.name} and ${b.name} differ\n`)
      yield* sink.flush
      return 1
    }
    if (depth > 0) sink.latin1(`diff${o.switches} ${a.name} ${b.name}\n`)
    const header = (op: Operand, f: { readonly mtime: number }, i: number) =>
      o.labels[i] ?? `${op.name}\t${o.style === "context" ? formatCTime(f.mtime) : formatTime(f.mtime)}`
    const headers = { from: header(a, fa, 0), to: header(b, fb, 1) }
    if (o.style === "normal") printNormal(sink, script, ta, tb, trivial)
    else if (o.style === "unified") printUnified(sink, script, ta, tb, o.context, headers, trivial)
    else printContext(sink, script, ta, tb, o.context, headers, trivial)
    yield* sink.flush
    return 1
  })

type Kind = "directory" | "file" | "missing"

const kindOf = (env: Env, path: string) =>
  Effect.map(Effect.result(env.ctx.fs.stat(path)), (r): Kind =>
    r._tag === "Failure" ? "missing" : r.success.type === "directory" ? "directory" : "file",
  )

/** Compare two directories entry by entry (recursing with `-r`). */
export const compareDirs = (
  env: Env,
  a: Operand,
  b: Operand,
  depth: number,
  absent: { readonly a: boolean; readonly b: boolean } = { a: false, b: false },
): Effect.Effect<number, BrokenPipe> =>
  Effect.gen(function* () {
    const { o, sink, ctx } = env
    const none = Effect.succeed<ReadonlyArray<{ readonly name: string }>>([])
    const la = yield* Effect.result(absent.a ? none : ctx.fs.list(a.path))
    if (la._tag === "Failure") return yield* trouble(env, a.name, la.failure)
    const lb = yield* Effect.result(absent.b ? none : ctx.fs.list(b.path))
    if (lb._tag === "Failure") return yield* trouble(env, b.name, lb.failure)
    const names = [...new Set([...la.success.map((e) => e.name), ...lb.success.map((e) => e.name)])].sort((x, y) =>
      x < y ? -1 : x > y ? 1 : 0,
    )
    let status = 0
    for (const name of names) {
      const ea: Operand = { name: joinDisplay(a.name, name), path: `${a.path === "/" ? "" : a.path}/${name}` }
      const eb: Operand = { name: joinDisplay(b.name, name), path: `${b.path === "/" ? "" : b.path}/${name}` }
      const ka = yield* kindOf(env, ea.path)
      const kb = yield* kindOf(env, eb.path)
      let st = 0
      if (ka === "missing" || kb === "missing") {
        if (!o.newFile) {
          sink.latin1(`Only in ${ka === "missing" ? b.name : a.name}: ${name}\n`)
          st = 1
        } else if ((ka === "missing" ? kb : ka) === "directory") {
          if (o.recursive) st = yield* compareDirs(env, ea, eb, depth + 1, { a: ka === "missing", b: kb === "missing" })
          else {
            sink.latin1(`Only in ${ka === "missing" ? b.name : a.name}: ${name}\n`)
            st = 1
          }
        } else st = yield* compareFiles(env, ea, eb, depth + 1, { a: ka === "missing", b: kb === "missing" })
      } else if (ka === "directory" && kb === "directory") {
        if (o.recursive) st = yield* compareDirs(env, ea, eb, depth + 1)
        else sink.latin1(`Common subdirectories: ${ea.name} and ${eb.name}\n`)
      } else if (ka !== kb) {
        const what = (k: Kind) => (k === "directory" ? "directory" : "regular file")
        sink.latin1(`File ${ea.name} is a ${what(ka)} while file ${eb.name} is a ${what(kb)}\n`)
        st = 1
      } else st = yield* compareFiles(env, ea, eb, depth + 1)
      yield* sink.flush
      status = Math.max(status, st)
    }
    return status
  })
