import { Effect, Semaphore } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { ParseError, parseSync } from "../parser/parse.ts"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import * as Path from "../vfs/Path.ts"
import type { CommandDef } from "./Command.ts"
import { awaitJobs, execRedirects, runExitTrap, runStatement, settle } from "./compile.ts"
import { withRedirects } from "./redirect.ts"
import type { Input, Output } from "./Io.ts"
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
}

export interface SessionConfig {
  readonly ns: NamespaceShape
  readonly commands: ReadonlyMap<string, CommandDef>
  readonly limits?: Partial<Sh.Limits> | undefined
  readonly env?: Readonly<Record<string, string>> | undefined
  readonly cwd?: string | undefined
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
  /** Run a script. Never fails. */
  readonly run: (script: string, options: RunOptions) => Effect.Effect<RunResult>
}

export const make = (config: SessionConfig): Effect.Effect<Session> =>
  Effect.gen(function* () {
    const lock = yield* Semaphore.make(1)
    const state = State.makeState({
      env: Object.entries({ ...defaultEnv, PWD: config.cwd ?? "/", ...config.env }),
      cwd: Path.normalize(config.cwd ?? "/"),
    })
    const rt: Sh.Runtime = {
      ns: config.ns,
      commands: config.commands,
      limits: { ...Sh.defaultLimits, ...config.limits },
      parse: parseCached,
      procSubs: new Map(),
      jobs: new Map(),
    }
    const run = (script: string, options: RunOptions): Effect.Effect<RunResult> =>
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
            Effect.as(
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
      }).pipe(lock.withPermits(1))

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
