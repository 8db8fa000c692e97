import { Data, Effect, type Fiber } from "effect"
import type * as Ast from "../parser/Ast.ts"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import * as Path from "../vfs/Path.ts"
import type { CommandDef } from "./Command.ts"
import { type BrokenPipe, type Input, type Output, encode } from "./Io.ts"
import type { Budget } from "./Limits.ts"
import type { NetworkPolicy } from "./commands/net/Policy.ts"
import * as State from "./State.ts"

/**
 * The running shell: its state, its descriptors, the namespace and the
 * command registry, plus the variable operations every part of the
 * interpreter shares (attributes, readonly checks, special parameters).
 */

/** `break`, `continue`, `return` and `exit`, returned up to the construct that handles them. */
export type Signal =
  | { readonly _tag: "Break"; readonly levels: number }
  | { readonly _tag: "Continue"; readonly levels: number }
  | { readonly _tag: "Return"; readonly status: number }
  | { readonly _tag: "Exit"; readonly status: number }

/** The result of running a node: an exit status or a control signal. */
export type Outcome = number | Signal

/**
 * A fatal shell error (a failed `${x:?}`, `set -u`, a limit): ends the shell
 * with `status`, or a subshell with `subshellStatus` when bash gives a
 * subshell another one. `line` errors (arithmetic) abandon only the rest of
 * the current top-level line, as bash does.
 */
export class Fatal extends Data.TaggedError("Fatal")<{
  readonly status: number
  readonly subshellStatus?: number | undefined
  readonly line?: boolean | undefined
}> {}

/** `${x:?}` and `set -u` failures: 127 for the shell, 1 for a subshell. */
export const expansionFatal = (): Fatal => new Fatal({ status: 127, subshellStatus: 1 })

/** Arithmetic errors: status 1, abandoning the rest of the line. */
export const arithFatal = (): Fatal => new Fatal({ status: 1, line: true })

export type Failure = BrokenPipe | Fatal

export type Exec = Effect.Effect<Outcome, Failure>

/** An open descriptor: readable, writable, or both. */
export interface Fd {
  readonly input?: Input | undefined
  readonly output?: Output | undefined
  /** Close a file opened by a redirection, once no descriptor refers to it any more. */
  readonly release?: Effect.Effect<void> | undefined
}

/** Descriptors 0..9 of the running command. */
export type Fds = ReadonlyArray<Fd | undefined>

export type { Limits } from "./Limits.ts"
export { defaultLimits } from "./Limits.ts"

/** Shared by a session and all its subshells. */
export interface Runtime {
  readonly ns: NamespaceShape
  readonly commands: ReadonlyMap<string, CommandDef>
  /** The limits and counters of the run in progress (runs of a session never overlap). */
  budget: Budget
  /** What `curl` and `wget` may reach. */
  readonly network: NetworkPolicy
  /** Parse (cached by source); a syntax error comes back as bash's message and line. */
  readonly parse: (source: string) => Ast.Script | { readonly error: string; readonly line: number }
  /** Live process substitutions by their `/dev/fd/N` path. */
  readonly procSubs: Map<string, ProcSub>
  /** Background jobs by pid. */
  readonly jobs: Map<number, Fiber.Fiber<number>>
}

/**
 * Register a background fiber (`&`, a process substitution) under a pid no
 * live job holds: subshells count pids from their parent's, so a bare counter
 * would let one job's entry replace another's and leave it running unseen.
 */
export const addJob = (sh: Shell, fiber: Fiber.Fiber<number>): number => {
  let pid = ++sh.state.nextPid
  while (sh.rt.jobs.has(pid)) pid = ++sh.state.nextPid
  sh.state.lastBackgroundPid = pid
  sh.rt.jobs.set(pid, fiber)
  return pid
}

/** A running `<(...)` or `>(...)`. */
export interface ProcSub {
  readonly fd: Fd
  /** Close our end once the command that used it is done. */
  readonly done: Effect.Effect<void>
  readonly fiber: Fiber.Fiber<number>
}

/** Everything a node needs to run. */
export interface Shell {
  readonly state: State.ShellState
  readonly fds: Fds
  readonly rt: Runtime
  /** Inside an `if`/`while` condition, a `&&`/`||` left side or `!`: `set -e` does not fire. */
  readonly errexitOff: boolean
  readonly callDepth: number
  /** Enclosing loops, so `break`/`continue` outside a loop can be refused. */
  readonly loopDepth: number
  /** Added to statement lines for `$LINENO` in `eval` and trap code (their line 1 is the caller's line). */
  readonly lineBase: number
}

export const isSignal = (o: Outcome): o is Signal => typeof o !== "number"

export const withFds = (sh: Shell, fds: Fds): Shell => ({ ...sh, fds })

export const stdin = (sh: Shell): Input | undefined => sh.fds[0]?.input
export const stdout = (sh: Shell): Output | undefined => sh.fds[1]?.output
export const stderr = (sh: Shell): Output | undefined => sh.fds[2]?.output

/** Write to stderr; a closed stderr swallows it. */
export const writeErr = (sh: Shell, text: string): Effect.Effect<void> => {
  const err = stderr(sh)
  return err === undefined ? Effect.void : Effect.ignore(err.write(encode(text)))
}

/** A shell diagnostic, worded as bash words it in a script: `mirage: line N: msg`. */
export const error = (sh: Shell, message: string): Effect.Effect<void> =>
  writeErr(sh, `${sh.state.scriptName}: line ${sh.state.lineNo}: ${message}\n`)

/** Resolve a path against the shell's working directory. */
export const resolvePath = (sh: Shell, path: string): string => Path.resolve(sh.state.cwd, path)

// ---------------------------------------------------------------------------
// Variables

const specialNames = new Set(["@", "*", "#", "?", "-", "$", "!", "0"])

/** The value of a parameter for `$name` (scalar context), undefined when unset. */
export const getParam = (sh: Shell, name: string): string | undefined => {
  const s = sh.state
  if (/^[0-9]+$/.test(name)) {
    const n = Number(name)
    return n === 0 ? s.scriptName : s.positional[n - 1]
  }
  if (specialNames.has(name)) {
    switch (name) {
      case "@":
      case "*":
        return s.positional.length === 0 ? undefined : s.positional.join(ifsJoiner(sh))
      case "#":
        return String(s.positional.length)
      case "?":
        return String(s.lastStatus)
      case "-":
        return optionFlags(s)
      case "$":
        return String(s.pid)
      case "!":
        return s.lastBackgroundPid === 0 ? undefined : String(s.lastBackgroundPid)
    }
  }
  switch (name) {
    case "RANDOM":
      return String(nextRandom(s))
    case "LINENO":
      return String(s.lineNo)
    case "BASHPID":
      return String(s.bashPid)
    case "PPID":
      return "4241"
    case "_":
      return s.lastArg
    case "SECONDS":
      return String(Math.floor((Date.now() - s.startTime) / 1000))
    case "FUNCNAME":
      return s.funcNames[0]
    case "PWD":
      return State.scalarValue(State.lookup(s, "PWD")) ?? s.cwd
  }
  return State.scalarValue(State.lookup(s, name))
}

/** The element list of a parameter for `${name[@]}` / `"$@"`. */
export const getArray = (sh: Shell, name: string): Array<string> => {
  if (name === "@" || name === "*") return [...sh.state.positional]
  if (name === "FUNCNAME") return [...sh.state.funcNames]
  return State.arrayValues(State.lookup(sh.state, name))
}

export const ifsJoiner = (sh: Shell): string => {
  const ifs = State.scalarValue(State.lookup(sh.state, "IFS"))
  return ifs === undefined ? " " : ifs.slice(0, 1)
}

const optionFlags = (s: State.ShellState): string => {
  let flags = ""
  if (s.options.errexit) flags += "e"
  if (s.options.noglob) flags += "f"
  flags += "h"
  if (s.options.nounset) flags += "u"
  if (s.options.xtrace) flags += "x"
  flags += "B"
  if (s.options.noclobber) flags += "C"
  return flags + "c"
}

const nextRandom = (s: State.ShellState): number => {
  s.randomSeed = (s.randomSeed * 1103515245 + 12345) >>> 0
  return (s.randomSeed >>> 16) & 0x7fff
}

/** `-v name` / `-v name[i]`: whether the variable or element is set. */
export const isVarSet = (sh: Shell, text: string): boolean => {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(text)
  if (!m) return /^[0-9]+$/.test(text) && Number(text) <= sh.state.positional.length && text !== "0"
  const v = State.lookup(sh.state, m[1]!)
  if (m[2] === undefined)
    return v?.value !== undefined && (v.value.kind !== "scalar" || State.scalarValue(v) !== undefined)
  if (v?.value?.kind === "assoc") return v.value.values.has(m[2])
  if (v?.value?.kind === "indexed") return v.value.values.has(Number(m[2]))
  return m[2] === "0" && State.scalarValue(v) !== undefined
}

/** Result of a variable assignment: ok, or bash's complaint. */
export type AssignResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

const ok: AssignResult = { ok: true }

/** Find the scope a new assignment goes to: the innermost one that has the name, else global. */
const owningScope = (s: State.ShellState, name: string): Map<string, State.Variable> => {
  for (let i = s.scopes.length - 1; i >= 0; i--) {
    if (s.scopes[i]!.has(name)) return s.scopes[i]!
  }
  return s.globals
}

const applyCase = (v: State.Variable, value: string): string =>
  v.lower ? value.toLowerCase() : v.upper ? value.toUpperCase() : value

/**
 * Assign a scalar (or one element when `index` is given). `append` is `+=`.
 * Integer-attributed variables evaluate the value arithmetically via `arith`.
 */
export const assign = (
  sh: Shell,
  name: string,
  value: string,
  options: {
    readonly index?: string | undefined
    readonly append?: boolean
    readonly arith?: (expr: string) => string | { readonly error: string }
  } = {},
): AssignResult => {
  const s = sh.state
  if (name === "RANDOM") {
    // assigning RANDOM seeds the generator
    s.randomSeed = Number.parseInt(value, 10) >>> 0
    return ok
  }
  const scope = owningScope(s, name)
  let v = scope.get(name)
  if (v?.readonly) return { ok: false, message: `${name}: readonly variable` }
  if (v === undefined) {
    v = { value: undefined, exported: s.options.allexport, readonly: false, integer: false, lower: false, upper: false }
    scope.set(name, v)
  }
  let finalValue = value
  if (v.integer && options.arith) {
    const expr =
      options.append && options.index === undefined ? `${scalarOf(v) || "0"}+(${value || "0"})` : value || "0"
    const r = options.arith(expr)
    if (typeof r !== "string") return { ok: false, message: r.error }
    finalValue = r
  } else if (options.append && options.index === undefined) {
    finalValue = (scalarOf(v) ?? "") + value
  }
  finalValue = applyCase(v, finalValue)
  if (options.index !== undefined) {
    if (v.value?.kind === "assoc") {
      const prev = options.append ? (v.value.values.get(options.index) ?? "") : ""
      v.value.values.set(options.index, prev + finalValue)
    } else {
      const values = toIndexed(v)
      let i = Number(options.index)
      if (i < 0) {
        const max = values.size === 0 ? -1 : Math.max(...values.keys())
        i = max + 1 + i
        if (i < 0) return { ok: false, message: `${name}[${options.index}]: bad array subscript` }
      }
      const prev = options.append ? (values.get(i) ?? "") : ""
      values.set(i, prev + finalValue)
    }
    return ok
  }
  if (v.value?.kind === "indexed") v.value.values.set(0, finalValue)
  else if (v.value?.kind === "assoc") v.value.values.set("0", finalValue)
  else v.value = { kind: "scalar", value: finalValue }
  return ok
}

const scalarOf = (v: State.Variable): string | undefined => State.scalarValue(v)

const toIndexed = (v: State.Variable): Map<number, string> => {
  if (v.value?.kind === "indexed") return v.value.values
  const values = new Map<number, string>()
  if (v.value?.kind === "scalar") values.set(0, v.value.value)
  v.value = { kind: "indexed", values }
  return values
}

/** Assign a whole array (`a=(x y)`, `declare -A m=([k]=v)`). */
export const assignArray = (
  sh: Shell,
  name: string,
  elements: ReadonlyArray<{ readonly key: string | null; readonly value: string }>,
  options: { readonly append?: boolean; readonly assoc?: boolean } = {},
): AssignResult => {
  const s = sh.state
  const scope = owningScope(s, name)
  let v = scope.get(name)
  if (v?.readonly) return { ok: false, message: `${name}: readonly variable` }
  if (v === undefined) {
    v = { value: undefined, exported: s.options.allexport, readonly: false, integer: false, lower: false, upper: false }
    scope.set(name, v)
  }
  const assoc = options.assoc || v.value?.kind === "assoc"
  if (assoc) {
    const values = options.append && v.value?.kind === "assoc" ? v.value.values : new Map<string, string>()
    for (const e of elements) {
      if (e.key === null)
        return { ok: false, message: `${name}: ${e.value}: must use subscript when assigning associative array` }
      values.set(e.key, applyCase(v, e.value))
    }
    v.value = { kind: "assoc", values }
    return ok
  }
  const values = options.append ? toIndexed(v) : new Map<number, string>()
  let next = values.size === 0 ? 0 : Math.max(...values.keys()) + 1
  for (const e of elements) {
    const i = e.key === null ? next : Number(e.key)
    values.set(i, applyCase(v, e.value))
    next = i + 1
  }
  v.value = { kind: "indexed", values }
  return ok
}

/** `unset name` / `unset name[i]`. */
export const unset = (sh: Shell, name: string, index?: string): AssignResult => {
  const s = sh.state
  const scope = owningScope(s, name)
  const v = scope.get(name)
  if (v === undefined) return ok
  if (v.readonly) return { ok: false, message: `${name}: cannot unset: readonly variable` }
  if (index !== undefined) {
    if (v.value?.kind === "indexed") {
      let i = Number(index)
      if (i < 0 && v.value.values.size > 0) i += Math.max(...v.value.values.keys()) + 1
      v.value.values.delete(i)
    } else if (v.value?.kind === "assoc") v.value.values.delete(index)
    else if (index === "0") v.value = undefined
    return ok
  }
  if (scope === s.globals) scope.delete(name)
  else v.value = undefined
  return ok
}

/** Declare a variable in the current function scope (`local`). */
export const declareLocal = (sh: Shell, name: string): State.Variable => {
  const s = sh.state
  const scope = s.scopes[s.scopes.length - 1] ?? s.globals
  let v = scope.get(name)
  if (v === undefined) {
    const outer = State.lookup(s, name)
    v = {
      value: undefined,
      exported: outer?.exported ?? false,
      readonly: false,
      integer: false,
      lower: false,
      upper: false,
    }
    scope.set(name, v)
  }
  return v
}
