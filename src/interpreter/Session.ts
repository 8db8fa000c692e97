import { Effect, Fiber, Semaphore } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { ParseError, parseSync } from "../parser/parse.ts"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import * as Path from "../vfs/Path.ts"
import type { CommandDef } from "./Command.ts"
import { denyAll, type NetworkPolicy } from "./commands/net/Policy.ts"
import { withFileSizeLimit } from "./FileSizeLimit.ts"
import { encode, type Input, type Output } from "./Io.ts"
import * as Limits from "./Limits.ts"
import { guardRegexBacktracking, readMemory } from "./Host.ts"
import { awaitJobs, execRedirects, runExitTrap, runStatement, settle } from "./compile.ts"
import { withRedirects } from "./redirect.ts"
import * as Sh from "./Shell.ts"
import * as State from "./State.ts"

/**
 * A session: one shell whose cwd, variables, functions and options live
 * across `run` calls. Runs on one session are serialized; sessions are
 * independent of each other.
 */

export interface RunOptions {
  readonly cwd?: string | undefined
  readonly env?: Readonly<Record<string, string>> | undefined
  readonly args?: ReadonlyArray<string> | undefined
  readonly name?: string | undefined
  readonly stdin: Input
  readonly stdout: Output
  readonly stderr: Output
  /** Limits of this run, over the session's. */
  readonly limits?: Partial<Sh.Limits> | undefined
  /** Aborting stops the run with status 130; the output so far stays written. */
  readonly signal?: AbortSignal | undefined
}

export interface SessionConfig {
  readonly ns: NamespaceShape
  readonly commands: ReadonlyMap<string, CommandDef>
  readonly limits?: Partial<Sh.Limits> | undefined
  readonly env?: Readonly<Record<string, string>> | undefined
  readonly cwd?: string | undefined
  /** What `curl` and `wget` may reach (default: nothing). */
  readonly network?: NetworkPolicy | undefined
}

const defaultEnv: Record<string, string> = {
  HOME: "/",
  PATH: "/usr/local/bin:/usr/bin:/bin",
  USER: "user",
  SHELL: "/bin/bash",
  LANG: "C",
  TERM: "dumb",
}

/** Parsed scripts by source; bounded so a long-lived workspace does not grow without end. */
const parseCache = new Map<string, Ast.Script | { readonly error: string; readonly line: number }>()
const PARSE_CACHE_SIZE = 512

export const parseCached = (source: string): Ast.Script | { readonly error: string; readonly line: number } => {
  const hit = parseCache.get(source)
  if (hit !== undefined) return hit
  let result: Ast.Script | { readonly error: string; readonly line: number }
  try {
    result = parseSync(source)
  } catch (e) {
    result =
      e instanceof ParseError
        ? { error: e.message, line: e.line }
        : { error: `syntax error: ${e instanceof Error ? e.message : String(e)}`, line: 1 }
  }
  if (parseCache.size >= PARSE_CACHE_SIZE) parseCache.delete(parseCache.keys().next().value!)
  parseCache.set(source, result)
  return result
}

/**
 * Run the top-level statements. An arithmetic error abandons the rest of
 * its line and the script goes on with the next line, as bash does.
 */
const runTopLevel = (sh: Sh.Shell, body: Ast.List, from = 0): Sh.Exec =>
  Effect.gen(function* () {
    let outcome: Sh.Outcome = sh.state.lastStatus
    let skipLine = -1
    for (let i = from; i < body.length; i++) {
      const st = body[i]!
      if (st.span.line === skipLine) continue
      if (sh.state.options.noexec) break
      const redirects = execRedirects(st)
      if (redirects !== null) {
        // `exec >file`: the redirections hold for the rest of the script
        sh.state.lineNo = st.span.line
        return yield* withRedirects(sh, redirects, (inner) => {
          sh.state.lastStatus = 0
          return runTopLevel(inner, body, i + 1)
        })
      }
      const r = yield* Effect.result(runStatement(sh, st))
      if (r._tag === "Success") {
        outcome = r.success
        if (Sh.isSignal(outcome)) return outcome
        continue
      }
      if (r.failure._tag === "Fatal" && r.failure.line) {
        sh.state.lastStatus = r.failure.status
        outcome = r.failure.status
        skipLine = st.span.line
        continue
      }
      return yield* Effect.fail(r.failure)
    }
    return outcome
  })

/** How a run ended: its status, and whether `exit` ended it (an interactive shell then leaves). */
export interface RunResult {
  readonly exitCode: number
  readonly exited: boolean
}

export interface Session {
  readonly state: State.ShellState
  /**
   * Run a script. Never fails. A breached limit, the time limit or the abort
   * signal stops every stage, job and process substitution of the run before
   * it returns.
   */
  readonly run: (script: string, options: RunOptions) => Effect.Effect<RunResult>
}

/** Status of a run stopped by its abort signal (128 + SIGINT). */
const ABORTED: Limits.Stop = { status: 130, message: "" }

export const make = (config: SessionConfig): Effect.Effect<Session> =>
  Effect.gen(function* () {
    guardRegexBacktracking()
    const lock = yield* Semaphore.make(1)
    const state = State.makeState({
      env: Object.entries({ ...defaultEnv, PWD: config.cwd ?? "/", ...config.env }),
      cwd: Path.normalize(config.cwd ?? "/"),
    })
    const rt: Sh.Runtime = {
      ns: withFileSizeLimit(config.ns, () => rt.budget.limits.maxFileBytes),
      commands: config.commands,
      budget: Limits.makeBudget(Limits.merge(config.limits)),
      network: config.network ?? denyAll,
      parse: parseCached,
      procSubs: new Map(),
      jobs: new Map(),
    }

    /** Interrupt every background job and process substitution still running. */
    const killJobs = Effect.suspend(() => {
      const fibers = [...rt.jobs.values()]
      rt.jobs.clear()
      rt.procSubs.clear()
      return fibers.length === 0 ? Effect.void : Fiber.interruptAll(fibers)
    })

    /**
     * Run the script in a child fiber and wait for it to end or for a stop
     * (a breached limit, the timer, the abort signal), whichever comes first.
     */
    const run = (script: string, options: RunOptions): Effect.Effect<RunResult> =>
      Effect.gen(function* () {
        const budget = Limits.makeBudget(Limits.merge(config.limits, options.limits))
        rt.budget = budget
        const signal = options.signal
        const onAbort = () => Limits.requestStop(budget, ABORTED)
        if (signal?.aborted) onAbort()
        signal?.addEventListener("abort", onAbort, { once: true })
        const stopClocks = Limits.startClocks(budget, readMemory)
        // Whether stderr ends a line, so that a stop's notice starts on one of its own.
        let stderrAtLineStart = true
        const stderr: Output = {
          write: (bytes) => {
            if (bytes.length > 0) stderrAtLineStart = bytes[bytes.length - 1] === 10
            return options.stderr.write(bytes)
          },
        }
        const counted: RunOptions = {
          ...options,
          stdout: Limits.countedOutput(budget, options.stdout),
          stderr: Limits.countedOutput(budget, stderr),
        }
        // Started at once: a short script ends before this fiber waits, so it costs no scheduler hop.
        // Nothing runs at all when the signal had already aborted.
        const fiber = yield* Effect.forkChild(
          (budget.stopped === undefined ? runScript(script, counted) : Effect.interrupt).pipe(
            Effect.onExit(() => Effect.sync(() => Limits.scriptEnded(budget))),
          ),
          { startImmediately: true },
        )
        const stop = yield* Limits.awaitSettled(budget).pipe(
          Effect.ensuring(
            Effect.sync(() => {
              signal?.removeEventListener("abort", onAbort)
              stopClocks()
            }),
          ),
        )
        if (stop === undefined) {
          const exit = yield* Fiber.await(fiber)
          if (exit._tag === "Success") return exit.value
        }
        yield* Fiber.interrupt(fiber)
        yield* killJobs
        const status = stop?.status ?? 1
        if (stop !== undefined && stop.message !== "")
          yield* Effect.ignore(options.stderr.write(encode(`${stderrAtLineStart ? "" : "\n"}${stop.message}\n`)))
        state.lastStatus = status
        return { exitCode: status, exited: false }
      }).pipe(Effect.ensuring(killJobs), lock.withPermits(1))

    const runScript = (script: string, options: RunOptions): Effect.Effect<RunResult> =>
      Effect.gen(function* () {
        if (options.cwd !== undefined) {
          state.cwd = Path.resolve(state.cwd, options.cwd)
          Sh.assign(shellOf(options), "PWD", state.cwd)
        }
        if (options.env !== undefined) {
          for (const [k, v] of Object.entries(options.env)) {
            if (!State.isName(k)) continue
            state.globals.set(k, State.scalarVar(v, true))
          }
        }
        if (options.args !== undefined) state.positional = [...options.args]
        if (options.name !== undefined) state.scriptName = options.name
        const sh = shellOf(options)
        const parsed = parseCached(script)
        if ("error" in parsed) {
          const line = script.split("\n")[parsed.line - 1] ?? ""
          yield* Sh.writeErr(
            sh,
            `${state.scriptName}: line ${parsed.line}: ${parsed.error}\n` +
              (parsed.error.startsWith("syntax error near")
                ? `${state.scriptName}: line ${parsed.line}: \`${line}'\n`
                : ""),
          )
          state.lastStatus = 2
          return { exitCode: 2, exited: false }
        }
        let exited = false
        const body: Sh.Exec = Effect.map(runTopLevel(sh, parsed.body), (outcome) => {
          exited = Sh.isSignal(outcome) && outcome._tag === "Exit"
          return outcome
        })
        const status = yield* settle(sh, body).pipe(
          // a defect is an interpreter bug: report it as a status, never as a rejection
          Effect.catchDefect((defect) =>
            Limits.isOutOfMemory(defect)
              ? Effect.as(Sh.writeErr(sh, `${state.scriptName}: line ${state.lineNo}: memory exhausted\n`), 126)
              : Effect.as(
                  Sh.writeErr(
                    sh,
                    `${state.scriptName}: internal error: ${defect instanceof Error ? defect.message : String(defect)}\n`,
                  ),
                  1,
                ),
          ),
        )
        state.lastStatus = status
        const trapped = yield* runExitTrap(sh)
        yield* awaitJobs(sh)
        state.lastStatus = trapped ?? status
        return { exitCode: state.lastStatus, exited }
      })

    const shellOf = (options: RunOptions): Sh.Shell => ({
      state,
      rt,
      fds: [{ input: options.stdin }, { output: options.stdout }, { output: options.stderr }],
      errexitOff: false,
      callDepth: 0,
      loopDepth: 0,
      lineBase: 0,
    })
    return { state, run }
  })
