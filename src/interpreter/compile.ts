import { Effect, Fiber } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { arithCommand, compileArithFor, compileCase, compileFor, compileIf, compileWhile } from "./compound.ts"
import { replaceFd } from "./expand/substitution.ts"
import { makePipe } from "./Io.ts"
import * as Limits from "./Limits.ts"
import { withRedirects } from "./redirect.ts"
import * as Sh from "./Shell.ts"
import { runSimple } from "./simple.ts"
import * as State from "./State.ts"
import { evalTest } from "./test.ts"
import { formatTimes } from "./time.ts"

/**
 * Compiles the AST into Effect programs. Each node compiles once (memoized
 * on the node), to a function from the running shell to an `Exec`: the
 * exit status or a control signal.
 */

export type Compiled = (sh: Sh.Shell) => Sh.Exec

const memo = new WeakMap<object, Compiled>()

const cached = <N extends object>(node: N, build: (node: N) => Compiled): Compiled => {
  let c = memo.get(node)
  if (c === undefined) {
    c = build(node)
    memo.set(node, c)
  }
  return c
}

/** Run a statement list in the current shell. */
export const runList = (sh: Sh.Shell, list: Ast.List): Sh.Exec => compileList(list)(sh)

/**
 * A list compiles on its first run, not when its parent compiles: nesting
 * then never deepens the JavaScript stack (2,000 nested subshells compile
 * one level at a time inside the Effect run loop).
 */
export const compileList = (list: Ast.List): Compiled =>
  cached(list, () => {
    let compiled: Compiled | undefined
    return (sh) => (compiled ??= buildList(list))(sh)
  })

const buildList = (list: Ast.List): Compiled => {
  const execAt = list.findIndex(isExecRedirect)
  if (execAt >= 0) return compileWithExec(list, execAt)
  const statements = list.map(compileStatement)
  if (statements.length === 1) return statements[0]!
  return (sh) =>
    Effect.gen(function* () {
      let status = sh.state.lastStatus
      for (const run of statements) {
        if (sh.state.options.noexec) break
        const outcome = yield* run(sh)
        if (Sh.isSignal(outcome)) return outcome
        status = outcome
      }
      return status
    })
}

/**
 * The redirections of an `exec >file 2>&1` statement (exec with
 * redirections only), which stay in force for the rest of the list; null for
 * any other statement.
 */
export const execRedirects = (st: Ast.Statement): ReadonlyArray<Ast.Redirect> | null => {
  if (st.background || st.andOr.rest.length > 0) return null
  const p = st.andOr.first
  if (p.commands.length !== 1 || p.negated) return null
  const c = p.commands[0]!
  const isExec =
    c._tag === "SimpleCommand" &&
    c.words.length === 1 &&
    c.assignments.length === 0 &&
    c.redirects.length > 0 &&
    c.words[0]!.parts.length === 1 &&
    c.words[0]!.parts[0]!._tag === "Literal" &&
    c.words[0]!.parts[0]!.value === "exec"
  return isExec ? c.redirects : null
}

const isExecRedirect = (st: Ast.Statement): boolean => execRedirects(st) !== null

const compileWithExec = (list: Ast.List, at: number): Compiled => {
  const before = at === 0 ? null : compileList(list.slice(0, at))
  const redirects = execRedirects(list[at]!) ?? []
  const rest = at + 1 < list.length ? compileList(list.slice(at + 1)) : null
  const line = list[at]!.span.line
  return (sh) =>
    Effect.gen(function* () {
      if (before !== null) {
        const outcome = yield* before(sh)
        if (Sh.isSignal(outcome)) return outcome
      }
      sh.state.lineNo = line + sh.lineBase
      return yield* withRedirects(sh, redirects, (inner) => {
        sh.state.lastStatus = 0
        return rest === null ? Effect.succeed(0) : rest(inner)
      })
    })
}

/** Run one statement (memoized compilation). */
export const runStatement = (sh: Sh.Shell, st: Ast.Statement): Sh.Exec => compileStatement(st)(sh)

const compileStatement = (st: Ast.Statement): Compiled =>
  cached(st, () => {
    const andOr = compileAndOr(st.andOr)
    const line = st.span.line
    if (st.background) {
      return (sh) =>
        Effect.suspend(() => {
          sh.state.lineNo = line + sh.lineBase
          return background(sh, andOr)
        })
    }
    return (sh) =>
      Effect.suspend(() => {
        sh.state.lineNo = line + sh.lineBase
        return Effect.map(andOr(sh), (outcome) => {
          if (!Sh.isSignal(outcome)) sh.state.lastStatus = outcome
          return outcome
        })
      })
  })

/** `cmd &`: run in a forked shell; `$!` names it and `wait` joins it. */
const background = (sh: Sh.Shell, run: Compiled): Sh.Exec =>
  Effect.gen(function* () {
    const budget = sh.rt.budget
    yield* Limits.startProcesses(budget, 1)
    const child: Sh.Shell = { ...sh, state: State.fork(sh.state) }
    // Detached so it outlives the statement; the session interrupts leftovers when the run ends.
    const fiber = yield* Effect.forkDetach(
      runSubshellCompiled(child, run).pipe(Effect.ensuring(Limits.endProcess(budget))),
    )
    Sh.addJob(sh, fiber)
    sh.state.lastStatus = 0
    return 0
  })

const triggersErrexit = (p: Ast.Pipeline): boolean => {
  if (p.negated) return false
  if (p.commands.length > 1) return true
  switch (p.commands[0]!._tag) {
    case "BraceGroup":
    case "If":
    case "For":
    case "ArithFor":
    case "While":
    case "Case":
      return false
    default:
      return true
  }
}

const compileAndOr = (node: Ast.AndOr): Compiled =>
  cached(node, () => {
    const first = compilePipeline(node.first)
    const rest = node.rest.map((r) => ({ op: r.op, run: compilePipeline(r.pipeline), node: r.pipeline }))
    const all = [node.first, ...node.rest.map((r) => r.pipeline)]
    return (sh) =>
      Effect.gen(function* () {
        const guarded: Sh.Shell = rest.length > 0 && !sh.errexitOff ? { ...sh, errexitOff: true } : sh
        let outcome = yield* first(rest.length > 0 ? guarded : sh)
        let lastIndex = 0
        for (let i = 0; i < rest.length; i++) {
          if (Sh.isSignal(outcome)) return outcome
          sh.state.lastStatus = outcome
          const r = rest[i]!
          if ((r.op === "&&") !== (outcome === 0)) continue
          const isLast = i === rest.length - 1
          outcome = yield* r.run(isLast ? sh : guarded)
          lastIndex = i + 1
        }
        if (Sh.isSignal(outcome)) return outcome
        if (outcome !== 0 && !sh.errexitOff && lastIndex === all.length - 1 && triggersErrexit(all[lastIndex]!)) {
          sh.state.lastStatus = outcome
          // without `set -E`, functions do not inherit the ERR trap
          if (sh.callDepth === 0 || sh.state.options.errtrace) yield* runTrap(sh, "ERR")
          if (sh.state.options.errexit) return { _tag: "Exit", status: outcome } as const
        }
        return outcome
      })
  })

const compilePipeline = (p: Ast.Pipeline): Compiled =>
  cached(p, () => {
    const stages = p.commands.map(compileCommand)
    const run: Compiled =
      stages.length === 1 ? singleStage(stages[0]!, p.negated) : multiStage(stages, p.pipeStderr, p.negated)
    if (!p.timed) return run
    return (sh) =>
      Effect.gen(function* () {
        const start = performance.now()
        const outcome = yield* run(sh)
        yield* Sh.writeErr(sh, formatTimes((performance.now() - start) / 1000))
        return outcome
      })
  })

const setPipeStatus = (sh: Sh.Shell, statuses: ReadonlyArray<number>): void => {
  Sh.assignArray(
    sh,
    "PIPESTATUS",
    statuses.map((s) => ({ key: null, value: String(s) })),
  )
}

const singleStage =
  (stage: Compiled, negated: boolean): Compiled =>
  (sh) =>
    Effect.map(stage(negated && !sh.errexitOff ? { ...sh, errexitOff: true } : sh), (outcome) => {
      if (Sh.isSignal(outcome)) return outcome
      setPipeStatus(sh, [outcome])
      return negated ? (outcome === 0 ? 1 : 0) : outcome
    })

/** Each stage in its own fiber and subshell, joined by bounded pipes. */
const multiStage =
  (stages: ReadonlyArray<Compiled>, pipeStderr: ReadonlyArray<boolean>, negated: boolean): Compiled =>
  (sh) =>
    Effect.gen(function* () {
      const n = stages.length
      const budget = sh.rt.budget
      if (n > budget.limits.maxPipelineStages) {
        return yield* Limits.breach(
          budget,
          "maxPipelineStages",
          `${sh.state.scriptName}: line ${sh.state.lineNo}: pipeline of ${n} commands, more than ${budget.limits.maxPipelineStages}`,
        )
      }
      yield* Limits.startProcesses(budget, n)
      const pipes = yield* Effect.forEach(stages.slice(1), () => makePipe())
      const fibers = []
      for (let i = 0; i < n; i++) {
        let fds = sh.fds
        if (i > 0) fds = replaceFd(fds, 0, { input: pipes[i - 1]!.input })
        if (i < n - 1) {
          const out = { output: pipes[i]!.output }
          fds = replaceFd(fds, 1, out)
          if (pipeStderr[i]) fds = replaceFd(fds, 2, out)
        }
        const child: Sh.Shell = { ...sh, state: State.fork(sh.state), fds, errexitOff: false }
        const finish = Effect.all([
          i < n - 1 ? pipes[i]!.closeWriter : Effect.void,
          i > 0 ? pipes[i - 1]!.closeReader : Effect.void,
          Limits.endProcess(budget),
        ])
        fibers.push(yield* Effect.forkChild(runSubshellCompiled(child, stages[i]!).pipe(Effect.ensuring(finish))))
      }
      const statuses: Array<number> = []
      for (const f of fibers) statuses.push(yield* Fiber.join(f))
      setPipeStatus(sh, statuses)
      let status = statuses[n - 1]!
      if (sh.state.options.pipefail) {
        for (let i = n - 1; i >= 0; i--) {
          if (statuses[i] !== 0) {
            status = statuses[i]!
            break
          }
        }
      }
      return negated ? (status === 0 ? 1 : 0) : status
    })

/**
 * Run a list in a subshell: signals and fatal errors end only the subshell,
 * a broken pipe is status 141, and its EXIT trap runs at the end.
 */
export const runSubshell = (sh: Sh.Shell, list: Ast.List): Effect.Effect<number> =>
  runSubshellCompiled(sh, compileList(list))

export const runSubshellCompiled = (sh: Sh.Shell, run: Compiled): Effect.Effect<number> =>
  Effect.gen(function* () {
    const status = yield* settle(sh, run(sh))
    sh.state.lastStatus = status
    const trapStatus = yield* runExitTrap(sh)
    return trapStatus ?? status
  })

/** Turn an outcome or failure into a final status (the end of a shell or subshell). */
export const settle = (sh: Sh.Shell, exec: Sh.Exec): Effect.Effect<number> =>
  Effect.matchEffect(exec, {
    onSuccess: (outcome) =>
      Effect.succeed(
        Sh.isSignal(outcome)
          ? outcome._tag === "Exit" || outcome._tag === "Return"
            ? outcome.status
            : sh.state.lastStatus
          : outcome,
      ),
    onFailure: (failure) =>
      Effect.succeed(
        failure._tag === "BrokenPipe"
          ? 141
          : sh.state.subshell
            ? (failure.subshellStatus ?? failure.status)
            : failure.status,
      ),
  })

/** Run the EXIT trap once, if set; an `exit` inside it decides the final status. */
export const runExitTrap = (sh: Sh.Shell): Effect.Effect<number | undefined> =>
  Effect.gen(function* () {
    const action = sh.state.traps.get("EXIT")
    if (action === undefined || action === "") return undefined
    sh.state.traps.delete("EXIT")
    const status = sh.state.lastStatus
    const outcome = yield* Effect.result(runSource(sh, action))
    if (outcome._tag === "Success" && Sh.isSignal(outcome.success) && outcome.success._tag === "Exit") {
      return outcome.success.status
    }
    if (outcome._tag === "Failure") return outcome.failure._tag === "BrokenPipe" ? 141 : outcome.failure.status
    return status
  })

/** Run a trap's action (ERR and the like) without changing `$?`. */
const runTrap = (sh: Sh.Shell, name: string): Effect.Effect<void> => {
  const action = sh.state.traps.get(name)
  if (action === undefined || action === "") return Effect.void
  const status = sh.state.lastStatus
  return Effect.map(settle({ ...sh, errexitOff: true }, runSource(sh, action)), () => {
    sh.state.lastStatus = status
  })
}

/** Parse and run source in the current shell (`eval`, traps, `source`). */
export const runSource = (sh: Sh.Shell, source: string): Sh.Exec =>
  Effect.suspend(() => {
    const parsed = sh.rt.parse(source)
    if ("error" in parsed) {
      return Effect.as(Sh.writeErr(sh, `${sh.state.scriptName}: ${parsed.error}\n`), 2)
    }
    return runList({ ...sh, lineBase: sh.state.lineNo - 1 }, parsed.body)
  })

export const compileCommand = (cmd: Ast.Command): Compiled =>
  cached(cmd, (): Compiled => {
    switch (cmd._tag) {
      case "SimpleCommand":
        return (sh) => runSimple(sh, cmd)
      case "BraceGroup": {
        const body = compileList(cmd.body)
        return withRedirectsOf(cmd.redirects, body)
      }
      case "Subshell": {
        const body = compileList(cmd.body)
        return withRedirectsOf(cmd.redirects, (sh) => runSubshellCompiled({ ...sh, state: State.fork(sh.state) }, body))
      }
      case "If":
        return withRedirectsOf(cmd.redirects, compileIf(cmd))
      case "While":
        return withRedirectsOf(cmd.redirects, compileWhile(cmd))
      case "For":
        return withRedirectsOf(cmd.redirects, compileFor(cmd))
      case "ArithFor":
        return withRedirectsOf(cmd.redirects, compileArithFor(cmd))
      case "Case":
        return withRedirectsOf(cmd.redirects, compileCase(cmd))
      case "ArithCommand":
        return withRedirectsOf(cmd.redirects, (sh) => arithCommand(sh, cmd.expression))
      case "TestCommand":
        return withRedirectsOf(cmd.redirects, (sh) => evalTest(sh, cmd.expression))
      case "FunctionDef":
        return (sh) =>
          Effect.sync(() => {
            sh.state.functions.set(cmd.name, cmd)
            return 0
          })
    }
  })

const withRedirectsOf = (redirects: ReadonlyArray<Ast.Redirect>, body: Compiled): Compiled =>
  redirects.length === 0 ? body : (sh) => withRedirects(sh, redirects, body)

/** Await every background job (at the end of a top-level script). */
export const awaitJobs = (sh: Sh.Shell): Effect.Effect<void> =>
  Effect.gen(function* () {
    for (const [pid, fiber] of sh.rt.jobs) {
      yield* Effect.exit(Fiber.join(fiber))
      sh.rt.jobs.delete(pid)
    }
  })
