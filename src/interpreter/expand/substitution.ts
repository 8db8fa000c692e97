import { Effect } from "effect"
import type * as Ast from "../../parser/Ast.ts"
import { runSubshell } from "../compile.ts"
import { emptyInput, makeCollector, makePipe, type Output, readAll } from "../Io.ts"
import * as Limits from "../Limits.ts"
import { withRedirects } from "../redirect.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"

/** `$(...)` and `<(...)` / `>(...)`: running a list in a subshell for its output or as a file. */

const decoder = new TextDecoder()

/** Run the body in a subshell and return its output without trailing newlines. */
export const commandSubstitution = (sh: Sh.Shell, body: Ast.Script): Effect.Effect<string, Sh.Failure> =>
  Effect.gen(function* () {
    const file = readsFileOnly(body)
    if (file !== null) {
      // `$(< file)`: the file's content, without running a command
      let content: Uint8Array = new Uint8Array(0)
      const status = yield* withRedirects(sh, [file], (inner) =>
        readAll(inner.fds[0]?.input ?? emptyInput).pipe(
          Effect.map((bytes) => {
            content = bytes
            return 0
          }),
          Effect.orElseSucceed(() => 1),
        ),
      )
      sh.state.lastStatus = typeof status === "number" ? status : 0
      return trimTrailingNewlines(decoder.decode(content))
    }
    const collector = makeCollector()
    const budget = sh.rt.budget
    // What `$(...)` captures lives in memory: it may hold as much as the run may print, no more.
    const output: Output = {
      write: (bytes) =>
        collector.size() + bytes.length > budget.limits.maxOutputBytes
          ? Limits.breach(
              budget,
              "maxOutputBytes",
              `${sh.state.scriptName}: line ${sh.state.lineNo}: command substitution output of more than ${budget.limits.maxOutputBytes} bytes`,
            )
          : collector.output.write(bytes),
    }
    const child: Sh.Shell = {
      ...sh,
      state: State.fork(sh.state, { trace: true }),
      fds: replaceFd(sh.fds, 1, { output }),
    }
    const status = yield* runSubshell(child, body.body)
    sh.state.lastStatus = status
    return trimTrailingNewlines(decoder.decode(collector.bytes()))
  })

const trimTrailingNewlines = (raw: string): string => {
  const text = raw.includes("\0") ? raw.replaceAll("\0", "") : raw
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--
  return end === text.length ? text : text.slice(0, end)
}

/** The `< file` redirect of a `$(< file)` body, or null. */
const readsFileOnly = (body: Ast.Script): Ast.Redirect | null => {
  if (body.body.length !== 1) return null
  const st = body.body[0]!
  const p = st.andOr.first
  if (st.andOr.rest.length > 0 || p.commands.length !== 1) return null
  const c = p.commands[0]!
  if (c._tag !== "SimpleCommand" || c.words.length > 0 || c.assignments.length > 0) return null
  return c.redirects.length === 1 && c.redirects[0]!.op === "<" ? c.redirects[0]! : null
}

/**
 * Start the body in the background joined to a pipe, and name that pipe by a
 * `/dev/fd/N` path that commands of this shell can open.
 */
export const processSubstitution = (sh: Sh.Shell, part: Ast.ProcessSub): Effect.Effect<string, Sh.Failure> =>
  Effect.gen(function* () {
    const pipe = yield* makePipe()
    // bash counts down from 63; ours stay unique while several are open at once
    let fdNumber = 63
    while (sh.rt.procSubs.has(`/dev/fd/${fdNumber}`)) fdNumber++
    const path = `/dev/fd/${fdNumber}`
    const childFds =
      part.direction === "<"
        ? replaceFd(sh.fds, 1, { output: pipe.output })
        : replaceFd(sh.fds, 0, { input: pipe.input })
    const child: Sh.Shell = { ...sh, state: State.fork(sh.state), fds: childFds }
    const budget = sh.rt.budget
    yield* Limits.startProcesses(budget, 1)
    const run = runSubshell(child, part.body.body).pipe(
      Effect.ensuring(part.direction === "<" ? pipe.closeWriter : pipe.closeReader),
      Effect.ensuring(Limits.endProcess(budget)),
    )
    const fiber = yield* Effect.forkDetach(run)
    // `$!` names the newest process substitution, and `wait` can join it
    Sh.addJob(sh, fiber)
    sh.rt.procSubs.set(path, {
      fd: part.direction === "<" ? { input: pipe.input } : { output: pipe.output },
      done: part.direction === "<" ? pipe.closeReader : pipe.closeWriter,
      fiber,
    })
    return path
  })

/** Descriptors with one replaced. */
export const replaceFd = (fds: Sh.Fds, n: number, fd: Sh.Fd | undefined): Sh.Fds => {
  const out = fds.slice()
  while (out.length <= n) out.push(undefined)
  out[n] = fd
  return out
}
