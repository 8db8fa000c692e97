import { Cause, Effect } from "effect"
import type * as Ast from "../parser/Ast.ts"
import { builtins } from "./builtins/index.ts"
import type { CommandContext } from "./Command.ts"
import { compileCommand, runList, runSubshell } from "./compile.ts"
import { devOverlay } from "./devices.ts"
import { quoteIfNeeded } from "./expand/quote.ts"
import { evalArithText, expandString, expandWords } from "./expand/word.ts"
import { type BrokenPipe, emptyInput, type Input, nullOutput, type Output } from "./Io.ts"
import * as Limits from "./Limits.ts"
import { withRedirects } from "./redirect.ts"
import * as Sh from "./Shell.ts"
import * as State from "./State.ts"

/**
 * A simple command: expand its words, then run a function, a builtin or a
 * registered command with its redirections and prefix assignments.
 */
export const runSimple = (sh: Sh.Shell, cmd: Ast.SimpleCommand): Sh.Exec =>
  Effect.suspend(() => {
    if (sh.rt.procSubs.size === 0 && !mayOpenProcSubs(cmd)) return runExpanded(sh, cmd)
    const before = new Set(sh.rt.procSubs.keys())
    // words and redirect targets may open process substitutions: close this command's when it ends
    return runExpanded(sh, cmd).pipe(
      Effect.ensuring(Effect.suspend(() => (sh.rt.procSubs.size > 0 ? releaseOwnProcSubs(sh, before) : Effect.void))),
    )
  })

const mayOpenProcSubs = (cmd: Ast.SimpleCommand): boolean =>
  cmd.words.some(hasProcSub) || cmd.redirects.some((r) => hasProcSub(r.target)) || cmd.assignments.length > 0

const hasProcSub = (w: Ast.Word): boolean => w.parts.some((p) => p._tag === "ProcessSub")

const declarationBuiltins = new Set(["declare", "typeset", "local", "export", "readonly"])

/** Arguments like `x=$v` of `declare`/`local`/`export`/`readonly` are assignments: not split, not globbed. */
const isAssignmentWord = (w: Ast.Word): boolean => {
  const first = w.parts[0]
  return first?._tag === "Literal" && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(first.value)
}

const expandArguments = (sh: Sh.Shell, words: ReadonlyArray<Ast.Word>): Effect.Effect<Array<string>, Sh.Failure> => {
  const first = words[0]?.parts
  const isDeclaration =
    first !== undefined &&
    first.length === 1 &&
    first[0]!._tag === "Literal" &&
    declarationBuiltins.has(first[0]!.value)
  if (!isDeclaration) return expandWords(sh, words)
  return Effect.gen(function* () {
    const out: Array<string> = []
    for (const w of words) {
      if (isAssignmentWord(w)) out.push(yield* expandString(sh, w))
      else out.push(...(yield* expandWords(sh, [w])))
    }
    return out
  })
}

/** The argument list of a command whose words need no expansion, computed once per node; null otherwise. */
const plainWords = new WeakMap<Ast.SimpleCommand, ReadonlyArray<string> | null>()

const plainArgv = (cmd: Ast.SimpleCommand): ReadonlyArray<string> | null => {
  let argv = plainWords.get(cmd)
  if (argv === undefined) {
    const values: Array<string> = []
    for (const w of cmd.words) {
      const value = plainValue(w)
      if (value === null) break
      values.push(value)
    }
    argv = values.length === cmd.words.length ? values : null
    plainWords.set(cmd, argv)
  }
  return argv
}

/** The value of a word that expands to itself (one literal without glob or brace characters), else null. */
const plainValue = (w: Ast.Word): string | null => {
  const part = w.parts.length === 1 ? w.parts[0]! : undefined
  if (part?._tag === "SingleQuoted") return part.value
  if (part?._tag === "Literal" && !/[*?[{~\]@!+]/.test(part.value)) return part.value
  return null
}

const runExpanded = (sh: Sh.Shell, cmd: Ast.SimpleCommand): Sh.Exec => {
  // fast path: `cmd plain args` with nothing to expand, assign or redirect
  const plain = cmd.assignments.length === 0 && cmd.redirects.length === 0 ? plainArgv(cmd) : null
  if (plain !== null && plain.length > 0 && !(sh.state.shopt.expand_aliases && sh.state.aliases.size > 0)) {
    return dispatch(sh, plain, cmd.assignments)
  }
  return runExpandedGeneral(sh, cmd)
}

const runExpandedGeneral = (sh: Sh.Shell, cmd: Ast.SimpleCommand): Sh.Exec =>
  Effect.gen(function* () {
    const argv = yield* expandArguments(sh, cmd.words)
    if (argv.length === 0) {
      sh.state.lastStatus = 0
      const failed = yield* assignAll(sh, cmd.assignments, "persistent")
      const status = failed ? 1 : sh.state.lastStatus
      // a failed assignment (readonly) abandons the rest of the line, as in bash
      if (failed && cmd.assignments.length > 0) return yield* Effect.fail(new Sh.Fatal({ status: 1, line: true }))
      if (cmd.redirects.length === 0) return status
      return yield* withRedirects(sh, cmd.redirects, () => Effect.succeed(status))
    }
    const aliased = yield* expandAlias(sh, cmd, argv)
    if (aliased !== null) return aliased
    const run = (sh2: Sh.Shell) => dispatch(sh2, argv, cmd.assignments)
    return cmd.redirects.length === 0 ? yield* run(sh) : yield* withRedirects(sh, cmd.redirects, run)
  })

/** Close the process substitutions this command opened (those not in `before`) once it is done. */
const releaseOwnProcSubs = (sh: Sh.Shell, before: ReadonlySet<string>): Effect.Effect<void> =>
  Effect.suspend(() => {
    const subs = [...sh.rt.procSubs.entries()].filter(([path]) => !before.has(path))
    return Effect.forEach(subs, ([path, sub]) => {
      sh.rt.procSubs.delete(path)
      return sub.done
    }).pipe(Effect.asVoid)
  })

/** `set -x`: the expanded command on stderr after PS4 (its first character repeated per substitution level). */
const xtrace = (sh: Sh.Shell, words: ReadonlyArray<string>): Effect.Effect<void> => {
  if (!sh.state.options.xtrace) return Effect.void
  const ps4 = Sh.getParam(sh, "PS4") ?? "+ "
  const prefix = ps4.length === 0 ? "" : ps4[0]!.repeat(sh.state.traceLevel - 1) + ps4
  return Sh.writeErr(sh, `${prefix}${words.map(quoteIfNeeded).join(" ")}\n`)
}

type Mode = "persistent" | "temporary"

/** Perform assignments; returns true when one failed (a readonly variable, a bad subscript). */
const assignAll = (
  sh: Sh.Shell,
  assignments: ReadonlyArray<Ast.Assignment>,
  mode: Mode,
): Effect.Effect<boolean, Sh.Failure> =>
  Effect.gen(function* () {
    for (const a of assignments) {
      const result = yield* assignOne(sh, a)
      if (!result.ok) {
        yield* Sh.error(sh, result.message)
        return true
      }
      if (mode === "temporary") {
        const v = State.lookup(sh.state, a.name)
        if (v !== undefined) v.exported = true
      }
    }
    return false
  })

export const assignOne = (sh: Sh.Shell, a: Ast.Assignment): Effect.Effect<Sh.AssignResult, Sh.Failure> =>
  Effect.gen(function* () {
    const arith = (expr: string) => {
      const r = evalArithText(sh, expr)
      return "error" in r ? { error: r.error } : r.value.toString()
    }
    if (a.value._tag === "ArrayLiteral") {
      const elements: Array<{ key: string | null; value: string }> = []
      for (const e of a.value.elements) {
        if (e.index === null) {
          const values = yield* expandWords(sh, [e.value])
          for (const value of values) elements.push({ key: null, value })
        } else {
          elements.push({ key: yield* subscript(sh, a.name, e.index), value: yield* expandString(sh, e.value) })
        }
      }
      yield* xtrace(sh, [`${a.name}${a.append ? "+=" : "="}(${elements.map((e) => e.value).join(" ")})`])
      return Sh.assignArray(sh, a.name, elements, { append: a.append })
    }
    const value = yield* expandString(sh, a.value)
    const index = a.index === null ? undefined : yield* subscript(sh, a.name, a.index)
    yield* xtrace(sh, [`${a.name}${index === undefined ? "" : `[${index}]`}${a.append ? "+=" : "="}${value}`])
    return Sh.assign(sh, a.name, value, { index, append: a.append, arith })
  })

/** An array subscript: arithmetic for indexed arrays, text for associative ones. */
const subscript = (sh: Sh.Shell, name: string, index: Ast.Word): Effect.Effect<string, Sh.Failure> =>
  Effect.gen(function* () {
    const raw = yield* expandString(sh, index)
    const v = State.lookup(sh.state, name)
    if (v?.value?.kind === "assoc") return raw
    const r = evalArithText(sh, raw === "" ? "0" : raw)
    return "error" in r ? "0" : r.value.toString()
  })

/** Aliases, when `expand_aliases` is on: the first word is replaced by the alias text and re-parsed. */
const expandAlias = (
  sh: Sh.Shell,
  cmd: Ast.SimpleCommand,
  argv: ReadonlyArray<string>,
): Effect.Effect<Sh.Outcome | null, Sh.Failure> => {
  if (!sh.state.shopt.expand_aliases || sh.state.aliases.size === 0) return Effect.succeed(null)
  const first = cmd.words[0]
  if (first === undefined || first.parts.length !== 1 || first.parts[0]!._tag !== "Literal") return Effect.succeed(null)
  const alias = sh.state.aliases.get(argv[0]!)
  if (alias === undefined || (sh.state.aliasLines.get(argv[0]!) ?? 0) >= sh.state.lineNo) return Effect.succeed(null)
  // an alias ending in a blank makes the next word a candidate for alias expansion too
  const next = argv[1]
  const rest = argv
    .slice(1)
    .map((a, i) =>
      i === 0 && alias.endsWith(" ") && next !== undefined && sh.state.aliases.has(a)
        ? sh.state.aliases.get(a)!
        : quoteIfNeeded(a),
    )
    .join(" ")
  const parsed = sh.rt.parse(`${alias} ${rest}`)
  if ("error" in parsed) return Effect.succeed(null)
  const name = argv[0]!
  // the alias is off while its own text runs, so `alias ls='ls -l'` does not recurse
  return Effect.suspend(() => {
    sh.state.aliases.delete(name)
    return runList(sh, parsed.body).pipe(Effect.ensuring(Effect.sync(() => sh.state.aliases.set(name, alias))))
  })
}

/** Find and run the command named by `argv[0]`. */
export const dispatch = (
  sh: Sh.Shell,
  argv: ReadonlyArray<string>,
  assignments: ReadonlyArray<Ast.Assignment>,
): Sh.Exec =>
  assignments.length === 0 && !sh.state.options.xtrace
    ? Effect.map(invoke(sh, argv), (outcome) => {
        sh.state.lastArg = argv[argv.length - 1]!
        return outcome
      })
    : dispatchGeneral(sh, argv, assignments)

const dispatchGeneral = (
  sh: Sh.Shell,
  argv: ReadonlyArray<string>,
  assignments: ReadonlyArray<Ast.Assignment>,
): Sh.Exec =>
  Effect.gen(function* () {
    const name = argv[0]!
    const fn = sh.state.functions.get(name)
    const builtin = fn === undefined ? builtins.get(name) : undefined
    if (assignments.length > 0) {
      if (builtin?.special) {
        if (yield* assignAll(sh, assignments, "persistent")) return 1
      } else {
        return yield* withTemporaryAssignments(sh, assignments, () =>
          Effect.flatMap(xtrace(sh, argv), () => invoke(sh, argv)),
        )
      }
    }
    yield* xtrace(sh, argv)
    const outcome = yield* invoke(sh, argv)
    sh.state.lastArg = argv[argv.length - 1]!
    return outcome
  })

/** `a=1 cmd`: the variables are set (and exported) for the command only. */
const withTemporaryAssignments = (
  sh: Sh.Shell,
  assignments: ReadonlyArray<Ast.Assignment>,
  body: () => Sh.Exec,
): Sh.Exec =>
  Effect.gen(function* () {
    const s = sh.state
    // a fresh frame shadows the originals and is dropped afterwards
    const frame: State.Scope = new Map()
    s.scopes.push(frame)
    const restore = Effect.sync(() => {
      const i = s.scopes.lastIndexOf(frame)
      if (i >= 0) s.scopes.splice(i, 1)
    })
    return yield* Effect.gen(function* () {
      for (const a of assignments) {
        const v = Sh.declareLocal(sh, a.name)
        v.exported = true
        const r = yield* assignOne(sh, a)
        if (!r.ok) {
          yield* Sh.error(sh, r.message)
          return 1
        }
      }
      return yield* body()
    }).pipe(Effect.ensuring(restore))
  })

/** Run a name as function, builtin or command (no assignments, no redirects). */
export const invoke = (sh: Sh.Shell, argv: ReadonlyArray<string>): Sh.Exec => {
  const name = argv[0]!
  const fn = sh.state.functions.get(name)
  if (fn !== undefined) return callFunction(sh, fn, argv.slice(1))
  return invokeCommand(sh, argv)
}

/** Run a builtin or registered command, skipping functions (`command NAME`). */
export const invokeCommand = (sh: Sh.Shell, argv: ReadonlyArray<string>): Sh.Exec => {
  if (Limits.overCommandLimit(sh.rt.budget)) return Limits.tooManyCommands(sh.rt.budget)
  const name = argv[0]!
  const builtin = builtins.get(name)
  if (builtin !== undefined) return builtin.run(sh, argv.slice(1))
  const def = sh.rt.commands.get(name)
  if (def !== undefined) return runCommand(sh, def, argv)
  if (name.includes("/")) return runScriptFile(sh, name, argv.slice(1))
  return Effect.as(Sh.error(sh, `${name}: command not found`), 127)
}

/** Run a registered command, skipping builtins of the same name (`printf` without `-v`). */
export const runRegistered = (sh: Sh.Shell, argv: ReadonlyArray<string>): Sh.Exec => {
  const def = sh.rt.commands.get(argv[0]!)
  if (def === undefined) return Effect.as(Sh.error(sh, `${argv[0]}: command not found`), 127)
  return runCommand(sh, def, argv)
}

/** `./script.sh args`: a script file from the namespace, run in a subshell. */
const runScriptFile = (sh: Sh.Shell, path: string, args: ReadonlyArray<string>): Sh.Exec =>
  Effect.gen(function* () {
    const abs = Sh.resolvePath(sh, path)
    const bytes = yield* Effect.result(sh.rt.ns.readFile(abs))
    if (bytes._tag === "Failure") {
      yield* Sh.error(sh, `${path}: No such file or directory`)
      return 127
    }
    return yield* runScriptText(sh, new TextDecoder().decode(bytes.success), path, args)
  })

/** Run script text in a subshell with `$0` and positional parameters. */
export const runScriptText = (
  sh: Sh.Shell,
  source: string,
  name: string,
  args: ReadonlyArray<string>,
): Effect.Effect<number> =>
  Effect.gen(function* () {
    const parsed = sh.rt.parse(source)
    if ("error" in parsed) {
      yield* Sh.writeErr(sh, `${name}: line ${parsed.line}: ${parsed.error}\n`)
      return 2
    }
    const state = State.fork(sh.state)
    state.scriptName = name
    state.positional = [...args]
    state.functions.clear()
    return yield* runSubshell({ ...sh, state, errexitOff: false }, parsed.body)
  })

/** Call a shell function: new local scope, positional parameters, FUNCNAME. */
export const callFunction = (sh: Sh.Shell, fn: Ast.FunctionDef, args: ReadonlyArray<string>): Sh.Exec =>
  Effect.gen(function* () {
    const s = sh.state
    const budget = sh.rt.budget
    if (sh.callDepth >= budget.limits.maxCallDepth) {
      // bash's FUNCNEST message, naming our limit
      return yield* Limits.breach(
        budget,
        "maxCallDepth",
        `${s.scriptName}: line ${s.lineNo}: ${fn.name}: maximum function nesting level exceeded (${budget.limits.maxCallDepth})`,
      )
    }
    if (Limits.overCommandLimit(budget)) return yield* Limits.tooManyCommands(budget)
    const savedPositional = s.positional
    s.positional = [...args]
    s.scopes.push(new Map())
    s.funcNames.unshift(fn.name)
    const restore = Effect.sync(() => {
      s.positional = savedPositional
      s.scopes.pop()
      s.funcNames.shift()
    })
    const outcome = yield* compileCommand(fn.body)({ ...sh, callDepth: sh.callDepth + 1 }).pipe(
      Effect.ensuring(restore),
    )
    if (Sh.isSignal(outcome) && outcome._tag === "Return") return outcome.status
    return outcome
  })

/** Run a registered command with a context built from the shell. */
const runCommand = (
  sh: Sh.Shell,
  def: { readonly name: string; readonly run: (ctx: CommandContext) => Effect.Effect<number, BrokenPipe> },
  argv: ReadonlyArray<string>,
): Sh.Exec => {
  const closedStdout = sh.fds[1]?.output === undefined
  let wroteToClosed = false
  const base = commandContext(sh, argv)
  // writing to a closed stdout (`cmd >&-`) is bash's "write error: Bad file descriptor"
  const ctx: CommandContext = closedStdout
    ? {
        ...base,
        stdout: {
          write: () =>
            Effect.sync(() => {
              wroteToClosed = true
            }),
        },
      }
    : base
  const checked = Effect.flatMap(def.run(ctx), (status) =>
    wroteToClosed
      ? Effect.as(Sh.writeErr(sh, `${argv[0]}: write error: Bad file descriptor\n`), 1)
      : Effect.succeed(status),
  )
  return checked.pipe(
    Effect.catchCause((cause) => {
      if (Cause.hasInterruptsOnly(cause)) return Effect.failCause(cause)
      const failure = Cause.findErrorOption(cause)
      if (failure._tag === "Some") return Effect.fail(failure.value)
      const defect = Cause.squash(cause)
      // An allocation the engine refused is a limit of the host, worded as coreutils' xalloc_die.
      if (Limits.isOutOfMemory(defect)) return Effect.as(Sh.writeErr(sh, `${argv[0]}: memory exhausted\n`), 1)
      const message = defect instanceof Error ? defect.message : String(defect)
      return Effect.as(Sh.writeErr(sh, `${argv[0]}: internal error: ${message}\n`), 1)
    }),
  )
}

/** The context a command runs in. */
export const commandContext = (sh: Sh.Shell, argv: ReadonlyArray<string>): CommandContext => {
  const stdin: Input = sh.fds[0]?.input ?? emptyInput
  const stdout: Output = sh.fds[1]?.output ?? nullOutput
  const stderr: Output = sh.fds[2]?.output ?? nullOutput
  const env = State.environment(sh.state)
  return {
    name: argv[0]!,
    args: argv.slice(1),
    stdin,
    stdout,
    stderr,
    cwd: sh.state.cwd,
    env,
    fs: devOverlay(sh),
    resolve: (p) => Sh.resolvePath(sh, p),
    network: sh.rt.network,
    shell: {
      isSet: (name) => Sh.isVarSet(sh, name),
      option: (name) => (State.isSetOption(name) ? sh.state.options[name] : undefined),
    },
    exec: (args, io) => {
      const fds: Array<Sh.Fd | undefined> = sh.fds.slice()
      if (io?.stdin) fds[0] = { input: io.stdin }
      if (io?.stdout) fds[1] = { output: io.stdout }
      if (io?.stderr) fds[2] = { output: io.stderr }
      const state = State.fork(sh.state)
      if (io?.env !== undefined) {
        for (const scope of [state.globals, ...state.scopes]) {
          for (const [name, v] of scope) if (v.exported) scope.delete(name)
        }
        for (const [name, value] of io.env) state.globals.set(name, State.scalarVar(value, true))
      }
      if (io?.cwd !== undefined) state.cwd = Sh.resolvePath(sh, io.cwd)
      const child: Sh.Shell = { ...sh, fds, state }
      return Effect.map(
        Effect.catchTag(invokeCommand(child, args), "Fatal", (f) => Effect.succeed(f.status)),
        (o) => (Sh.isSignal(o) ? (o._tag === "Exit" || o._tag === "Return" ? o.status : 0) : o),
      )
    },
  }
}
