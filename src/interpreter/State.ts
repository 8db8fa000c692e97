import type * as Ast from "../parser/Ast.ts"

/**
 * The mutable state of one shell: variables and their scopes, functions,
 * aliases, options, positional parameters, working directory and traps.
 *
 * A session owns one `ShellState` across `execute` calls; a subshell (`( )`,
 * a pipeline stage, `$( )`) works on a `fork` of it, so nothing it changes
 * leaks back.
 */

/** The value of a variable: a string, an indexed array or an associative array. */
export type Value =
  | { readonly kind: "scalar"; readonly value: string }
  | { readonly kind: "indexed"; readonly values: Map<number, string> }
  | { readonly kind: "assoc"; readonly values: Map<string, string> }

export interface Variable {
  /** Undefined when declared but never assigned (`declare x`, `local x`). */
  value: Value | undefined
  exported: boolean
  readonly: boolean
  integer: boolean
  lower: boolean
  upper: boolean
}

/** `set -o` options. */
export interface SetOptions {
  errexit: boolean
  errtrace: boolean
  nounset: boolean
  xtrace: boolean
  pipefail: boolean
  noglob: boolean
  noclobber: boolean
  allexport: boolean
  noexec: boolean
  verbose: boolean
}

/** `shopt` options. */
export interface ShoptOptions {
  extglob: boolean
  nullglob: boolean
  dotglob: boolean
  globstar: boolean
  nocaseglob: boolean
  nocasematch: boolean
  failglob: boolean
  expand_aliases: boolean
  lastpipe: boolean
}

export const setOptionNames: ReadonlyArray<keyof SetOptions> = [
  "allexport",
  "errexit",
  "errtrace",
  "noclobber",
  "noexec",
  "noglob",
  "nounset",
  "pipefail",
  "verbose",
  "xtrace",
]

export const shoptNames: ReadonlyArray<keyof ShoptOptions> = [
  "dotglob",
  "expand_aliases",
  "extglob",
  "failglob",
  "globstar",
  "lastpipe",
  "nocaseglob",
  "nocasematch",
  "nullglob",
]

/** A frame of `local` variables, one per function call. */
export type Scope = Map<string, Variable>

export interface ShellState {
  readonly globals: Map<string, Variable>
  /** Innermost last. */
  readonly scopes: Array<Scope>
  readonly functions: Map<string, Ast.FunctionDef>
  readonly aliases: Map<string, string>
  /** The line each alias was defined on: bash reads a whole line first, so it is active from the next. */
  readonly aliasLines: Map<string, number>
  readonly options: SetOptions
  readonly shopt: ShoptOptions
  /** `$0` */
  scriptName: string
  /** `$1...` */
  positional: Array<string>
  cwd: string
  lastStatus: number
  lastBackgroundPid: number
  /** Trap commands by signal name (EXIT, ERR, INT ...). */
  readonly traps: Map<string, string>
  /** FUNCNAME stack, innermost first. */
  readonly funcNames: Array<string>
  /** Current line, for $LINENO. */
  lineNo: number
  /** True inside a subshell (`exit` leaves only it). */
  readonly subshell: boolean
  /** `getopts` position inside a cluster of options (`-abc`) and the OPTIND it belongs to. */
  getoptsOffset: number
  getoptsIndex: number
  /** Depth of `source`/`.` being run (`return` is allowed there). */
  sourcing: number
  /** Shell pid stand-in for `$$`. */
  readonly pid: number
  /** `$BASHPID`: differs in each subshell. */
  readonly bashPid: number
  /** `$_`: the last argument of the previous command. */
  lastArg: string
  /** Nesting of command substitutions, for the `set -x` prefix (`++`). */
  readonly traceLevel: number
  /** Random generator state for $RANDOM. */
  randomSeed: number
  /** Counter for background job ids. */
  nextPid: number
  readonly startTime: number
}

export const makeState = (options: {
  readonly env: Iterable<readonly [string, string]>
  readonly cwd: string
  readonly scriptName?: string
  readonly positional?: ReadonlyArray<string>
}): ShellState => {
  const globals = new Map<string, Variable>()
  for (const [name, value] of options.env) {
    globals.set(name, scalarVar(value, true))
  }
  if (!globals.has("IFS")) globals.set("IFS", scalarVar(" \t\n", false))
  globals.set("PWD", scalarVar(options.cwd, true))
  return {
    globals,
    scopes: [],
    functions: new Map(),
    aliases: new Map(),
    aliasLines: new Map(),
    options: {
      errexit: false,
      errtrace: false,
      nounset: false,
      xtrace: false,
      pipefail: false,
      noglob: false,
      noclobber: false,
      allexport: false,
      noexec: false,
      verbose: false,
    },
    shopt: {
      extglob: false,
      nullglob: false,
      dotglob: false,
      globstar: false,
      nocaseglob: false,
      nocasematch: false,
      failglob: false,
      expand_aliases: false,
      lastpipe: false,
    },
    scriptName: options.scriptName ?? "mirage",
    positional: [...(options.positional ?? [])],
    cwd: options.cwd,
    lastStatus: 0,
    lastBackgroundPid: 0,
    traps: new Map(),
    funcNames: [],
    lineNo: 0,
    subshell: false,
    sourcing: 0,
    getoptsOffset: 1,
    getoptsIndex: 0,
    pid: 4242,
    bashPid: 4242,
    lastArg: "",
    traceLevel: 1,
    randomSeed: 0x2545f491,
    nextPid: 5000,
    startTime: Date.now(),
  }
}

/** A copy for a subshell: changes to it never reach the parent. */
export const fork = (s: ShellState, options: { readonly trace?: boolean } = {}): ShellState => ({
  globals: cloneVars(s.globals),
  scopes: s.scopes.map(cloneVars),
  functions: new Map(s.functions),
  aliases: new Map(s.aliases),
  aliasLines: new Map(s.aliasLines),
  options: { ...s.options },
  shopt: { ...s.shopt },
  scriptName: s.scriptName,
  positional: [...s.positional],
  cwd: s.cwd,
  lastStatus: s.lastStatus,
  lastBackgroundPid: s.lastBackgroundPid,
  // bash resets traps other than ignored ones in subshells; EXIT traps do not run there
  traps: new Map(),
  funcNames: [...s.funcNames],
  lineNo: s.lineNo,
  subshell: true,
  sourcing: s.sourcing,
  getoptsOffset: s.getoptsOffset,
  getoptsIndex: s.getoptsIndex,
  pid: s.pid,
  bashPid: s.nextPid + 1000 + Math.floor(Math.random() * 1000),
  lastArg: s.lastArg,
  traceLevel: s.traceLevel + (options.trace ? 1 : 0),
  randomSeed: (s.randomSeed * 1103515245 + 12345) >>> 0,
  nextPid: s.nextPid,
  startTime: s.startTime,
})

const cloneVars = (vars: Map<string, Variable>): Map<string, Variable> => {
  const out = new Map<string, Variable>()
  for (const [k, v] of vars) out.set(k, cloneVar(v))
  return out
}

const cloneVar = (v: Variable): Variable => ({
  ...v,
  value:
    v.value === undefined || v.value.kind === "scalar"
      ? v.value
      : v.value.kind === "indexed"
        ? { kind: "indexed", values: new Map(v.value.values) }
        : { kind: "assoc", values: new Map(v.value.values) },
})

export const scalarVar = (value: string, exported: boolean): Variable => ({
  value: { kind: "scalar", value },
  exported,
  readonly: false,
  integer: false,
  lower: false,
  upper: false,
})

/** The variable visible under `name` (innermost scope first). */
export const lookup = (s: ShellState, name: string): Variable | undefined => {
  for (let i = s.scopes.length - 1; i >= 0; i--) {
    const v = s.scopes[i]!.get(name)
    if (v !== undefined) return v
  }
  return s.globals.get(name)
}

/** The scalar value of a variable (element 0 of an array), undefined when unset. */
export const scalarValue = (v: Variable | undefined): string | undefined => {
  if (v === undefined || v.value === undefined) return undefined
  switch (v.value.kind) {
    case "scalar":
      return v.value.value
    case "indexed":
      return v.value.values.get(0)
    case "assoc":
      return v.value.values.get("0")
  }
}

/** Values of an array variable in index order (a scalar is a one-element array). */
export const arrayValues = (v: Variable | undefined): Array<string> => {
  if (v === undefined || v.value === undefined) return []
  switch (v.value.kind) {
    case "scalar":
      return [v.value.value]
    case "indexed":
      return [...v.value.values.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])
    case "assoc":
      return [...v.value.values.values()]
  }
}

/** Keys of an array variable (`${!a[@]}`). */
export const arrayKeys = (v: Variable | undefined): Array<string> => {
  if (v === undefined || v.value === undefined) return []
  switch (v.value.kind) {
    case "scalar":
      return ["0"]
    case "indexed":
      return [...v.value.values.keys()].sort((a, b) => a - b).map(String)
    case "assoc":
      return [...v.value.values.keys()]
  }
}

/** Exported scalar variables, the environment of commands. */
export const environment = (s: ShellState): Map<string, string> => {
  const env = new Map<string, string>()
  const add = (vars: Map<string, Variable>) => {
    for (const [k, v] of vars) {
      if (v.exported) {
        const value = scalarValue(v)
        if (value !== undefined) env.set(k, value)
        else env.delete(k)
      } else env.delete(k)
    }
  }
  add(s.globals)
  for (const scope of s.scopes) add(scope)
  return env
}

/** A name bash accepts for a variable. */
export const isName = (name: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)

export const isSetOption = (name: string): name is keyof SetOptions =>
  (setOptionNames as ReadonlyArray<string>).includes(name)

export const isShoptOption = (name: string): name is keyof ShoptOptions =>
  (shoptNames as ReadonlyArray<string>).includes(name)
