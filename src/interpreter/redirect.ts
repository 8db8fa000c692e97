import { Cause, Effect, Exit, Fiber, Option, type Scope } from "effect"
import { errorText, Status } from "./ExitStatus.ts"
import type * as Ast from "../parser/Ast.ts"
import * as Path from "../vfs/Path.ts"
import { expandRedirectTarget, expandString } from "./expand/word.ts"
import { encode, inputFromBytes, inputFromStream, inputToStream, makePipe } from "./Io.ts"
import * as Sh from "./Shell.ts"
import { deviceFd } from "./devices.ts"

/**
 * Redirections: open each target in order, run the body with the new
 * descriptors, then close what was opened. A file written through `>` is
 * fed by a bounded pipe to the resource's streaming write, so a command's
 * output never has to fit in memory.
 */

type Opened = { readonly fds: Array<Sh.Fd | undefined> } | { readonly error: string }

/** A file opened for writing: `close` ends its content and reports a failed write; `abort` drops it. */
interface Closer {
  readonly close: Effect.Effect<string | undefined>
  readonly abort: Effect.Effect<void>
}

export const withRedirects = (
  sh: Sh.Shell,
  redirects: ReadonlyArray<Ast.Redirect>,
  body: (sh: Sh.Shell) => Sh.Exec,
): Sh.Exec =>
  Effect.scoped(
    Effect.gen(function* () {
      const closers: Array<Closer> = []
      let fds: Array<Sh.Fd | undefined> = sh.fds.slice()
      const closeAll = Effect.gen(function* () {
        const errors: Array<string> = []
        for (const closer of closers) {
          const e = yield* closer.close
          if (e !== undefined) errors.push(e)
        }
        return errors
      })
      // A cancelled command's files keep their old content: their writes are dropped, not completed.
      const abortAll = Effect.forEach(closers, (closer) => closer.abort, { discard: true })
      for (const r of redirects) {
        const opened = yield* open({ ...sh, fds }, r, closers)
        if ("error" in opened) {
          yield* Sh.error(sh, opened.error)
          yield* closeAll
          return 1
        }
        yield* releaseDropped(fds, opened.fds)
        fds = opened.fds
      }
      // A write that fails late is reported by its closer; the command then failed (its
      // output was lost), even when it only saw the pipe to the writer close (141).
      const outcome = yield* body({ ...sh, fds }).pipe(
        Effect.onExit((exit) =>
          Exit.isSuccess(exit) ? Effect.void : Cause.hasInterrupts(exit.cause) ? abortAll : Effect.asVoid(closeAll),
        ),
        // The writer's failure closed the pipe under the command: that is its write failing, not SIGPIPE.
        Effect.catchTag("BrokenPipe", (e) =>
          Effect.flatMap(closeAll, (late) => (late.length > 0 ? Effect.succeed(Status.brokenPipe) : Effect.fail(e))),
        ),
      )
      const late = yield* closeAll
      return late.length > 0 && (outcome === 0 || outcome === Status.brokenPipe) ? 1 : outcome
    }),
  )

/** Files no descriptor refers to any more are closed at once (`exec 3>&-`, `exec >&2`, `>a >b`). */
const releaseDropped = (before: ReadonlyArray<Sh.Fd | undefined>, after: ReadonlyArray<Sh.Fd | undefined>) =>
  Effect.forEach(
    before.filter((fd, i) => fd?.release !== undefined && after[i] !== fd && !after.includes(fd)),
    (fd) => fd!.release!,
    { discard: true },
  )

const defaultFd = (op: Ast.RedirectOp): number =>
  op === "<" || op === "<<" || op === "<<-" || op === "<<<" || op === "<&" || op === "<>" ? 0 : 1

const setFd = (fds: Array<Sh.Fd | undefined>, n: number, fd: Sh.Fd | undefined): Array<Sh.Fd | undefined> => {
  const out = fds.slice()
  while (out.length <= n) out.push(undefined)
  out[n] = fd
  return out
}

const open = (sh: Sh.Shell, r: Ast.Redirect, closers: Array<Closer>): Effect.Effect<Opened, Sh.Failure, Scope.Scope> =>
  Effect.gen(function* () {
    const n = r.fd ?? defaultFd(r.op)
    const fds = sh.fds.slice()
    switch (r.op) {
      case "<<":
      case "<<-": {
        const doc = r.heredoc
        const text = doc === null ? "" : doc.quoted ? literalText(doc.body) : yield* expandString(sh, doc.body)
        return { fds: setFd(fds, n, { input: inputFromBytes(encode(text)) }) }
      }
      case "<<<": {
        const text = yield* expandString(sh, r.target)
        return { fds: setFd(fds, n, { input: inputFromBytes(encode(text + "\n")) }) }
      }
      case ">&":
      case "<&": {
        const target = yield* expandString(sh, r.target)
        if (target === "-") return { fds: setFd(fds, n, undefined) }
        if (/^[0-9]+$/.test(target)) {
          const src = fds[Number(target)]
          if (src === undefined) return { error: `${target}: Bad file descriptor` }
          return { fds: setFd(fds, n, src) }
        }
        if (r.op === ">&" && r.fd === null) return yield* openOutput(sh, target, "&>", closers, 1)
        return { error: `${target}: ambiguous redirect` }
      }
    }
    const target = yield* expandRedirectTarget(sh, r.target)
    if (target === null) return { error: `${wordSource(r.target)}: ambiguous redirect` }
    if (r.op === "<" || r.op === "<>") return yield* openInput(sh, target, n, r.op === "<>")
    return yield* openOutput(sh, target, r.op, closers, n)
  })

const literalText = (w: Ast.Word): string =>
  w.parts
    .map((p) => (p._tag === "Literal" || p._tag === "SingleQuoted" || p._tag === "Escaped" ? p.value : ""))
    .join("")

/** The source text of a word, for messages (`$x: ambiguous redirect`). */
const wordSource = (w: Ast.Word): string =>
  w.parts
    .map((p) => {
      switch (p._tag) {
        case "ParamExp":
          return p.braced ? `\${${p.name}}` : `$${p.name}`
        case "Literal":
        case "Escaped":
          return p.value
        case "SingleQuoted":
          return `'${p.value}'`
        default:
          return ""
      }
    })
    .join("")

const openInput = (
  sh: Sh.Shell,
  target: string,
  n: number,
  readWrite: boolean,
): Effect.Effect<Opened, never, Scope.Scope> =>
  Effect.gen(function* () {
    const dev = deviceFd(sh, target)
    if (dev !== "none") return { fds: setFd(sh.fds.slice(), n, dev) }
    const path = Sh.resolvePath(sh, target)
    const ns = sh.rt.ns
    // `<>` opens for writing too, which a read-only file system refuses whether or not the file exists.
    if (readWrite && ns.route(path)?.mount.mode === "read") return { error: `${target}: Read-only file system` }
    const st = yield* Effect.result(ns.stat(path))
    if (st._tag === "Failure") {
      if (st.failure.reason === "NotFound" && readWrite) {
        const created = yield* Effect.result(ns.writeFile(path, new Uint8Array(0)))
        if (created._tag === "Failure") return { error: `${target}: ${errorText(created.failure)}` }
      } else return { error: `${target}: ${errorText(st.failure)}` }
    } else if (st.success.type === "directory") {
      return { error: `${target}: Is a directory` }
    }
    const input = yield* inputFromStream(ns.read(path))
    return { fds: setFd(sh.fds.slice(), n, { input }) }
  })

const openOutput = (
  sh: Sh.Shell,
  target: string,
  op: Ast.RedirectOp,
  closers: Array<Closer>,
  n: number,
): Effect.Effect<Opened, never> =>
  Effect.gen(function* () {
    const both = op === "&>" || op === "&>>"
    const dev = deviceFd(sh, target)
    if (dev !== "none") {
      let fds = setFd(sh.fds.slice(), n, dev)
      if (both) fds = setFd(fds, 2, dev)
      return { fds }
    }
    const ns = sh.rt.ns
    const path = Sh.resolvePath(sh, target)
    const append = op === ">>" || op === "&>>"
    const st = yield* Effect.result(ns.stat(path))
    if (st._tag === "Success") {
      if (st.success.type === "directory") return { error: `${target}: Is a directory` }
      if (op === ">" && sh.state.options.noclobber) return { error: `${target}: cannot overwrite existing file` }
    } else if (st.failure.reason !== "NotFound") {
      return { error: `${target}: ${errorText(st.failure)}` }
    } else {
      const parent = yield* Effect.result(ns.stat(Path.dirname(path)))
      if (parent._tag === "Failure") return { error: `${target}: ${errorText(parent.failure)}` }
      if (parent.success.type !== "directory") return { error: `${target}: Not a directory` }
    }
    if (ns.route(path)?.mount.mode === "read") return { error: `${target}: Read-only file system` }
    if (st._tag === "Failure") {
      // bash creates the file when it opens it; its content lands when the writer closes
      const created = yield* Effect.result(ns.writeFile(path, new Uint8Array(0), { exclusive: true }))
      if (created._tag === "Failure" && created.failure.reason !== "AlreadyExists") {
        return { error: `${target}: ${errorText(created.failure)}` }
      }
    }
    const pipe = yield* makePipe()
    const writer = yield* Effect.forkChild(
      ns.write(path, inputToStream(pipe.input), { append }).pipe(Effect.ensuring(pipe.closeReader), Effect.exit),
    )
    let closed: string | undefined | null = null
    const close = Effect.gen(function* () {
      if (closed !== null) return closed
      yield* pipe.closeWriter
      const exit = yield* Fiber.join(writer)
      closed = undefined
      if (Exit.isSuccess(exit)) return undefined
      const reason = Exit.findErrorOption(exit)
      closed = `${target}: ${Option.isSome(reason) ? errorText(reason.value) : "write error"}`
      yield* Sh.error(sh, closed)
      return closed
    })
    closers.push({ close, abort: Effect.andThen(Fiber.interrupt(writer), pipe.closeReader) })
    const fd: Sh.Fd = { output: pipe.output, release: Effect.asVoid(close) }
    let fds = setFd(sh.fds.slice(), n, fd)
    if (both) fds = setFd(fds, 2, fd)
    return { fds }
  })
