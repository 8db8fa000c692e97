import { Effect } from "effect"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import * as Argv from "./Argv.ts"
import { writeText } from "./Io.ts"
import type { BrokenPipe, Input, Output } from "./Io.ts"
import type { NetworkPolicy } from "./commands/net/Policy.ts"

/**
 * What a command sees when it runs: its arguments, its three descriptors, the
 * working directory and environment, and the namespace.
 */
export interface CommandContext {
  /** The name it was invoked by (`egrep` for a `grep` alias, say). */
  readonly name: string
  /** Arguments after the name, already expanded. */
  readonly args: ReadonlyArray<string>
  readonly stdin: Input
  readonly stdout: Output
  readonly stderr: Output
  /** Absolute namespace path of the working directory. */
  readonly cwd: string
  /** Exported variables. */
  readonly env: ReadonlyMap<string, string>
  readonly fs: NamespaceShape
  /** Resolve a path against `cwd` into an absolute, normalized namespace path. */
  readonly resolve: (path: string) => string
  /**
   * Run another command by name, as `command NAME ARGS` would (builtins and
   * registered commands, not functions), for `xargs`, `find -exec`, `env`,
   * `timeout`. Descriptors default to this command's.
   */
  readonly exec: (
    argv: ReadonlyArray<string>,
    io?: {
      readonly stdin?: Input
      readonly stdout?: Output
      readonly stderr?: Output
      /** Replace the environment (exported variables) of the command (`env -i`, `env X=1 cmd`). */
      readonly env?: ReadonlyMap<string, string>
      /** Run in this directory (`find -execdir`), resolved against the current one. */
      readonly cwd?: string
    },
  ) => Effect.Effect<number, BrokenPipe>
  /**
   * What bash builtins run as commands (`test -v`, `test -o`) may ask the
   * shell; absent when the command runs outside a shell.
   */
  readonly shell?: ShellQuery | undefined
  /** The workspace's network policy; absent means no network at all. */
  readonly network?: NetworkPolicy | undefined
}

export interface ShellQuery {
  /** `test -v name`: the variable (or `name[i]` element) is set. */
  readonly isSet: (name: string) => boolean
  /** `test -o name`: the `set -o` option's state, undefined for an unknown name. */
  readonly option: (name: string) => boolean | undefined
}

/**
 * A command as the interpreter runs it. Build one with `Command.make`, which
 * derives argument parsing, `--help` and usage errors from a declaration.
 *
 * `run` returns the exit status. A user mistake is a status and a stderr
 * line, never a failure; `BrokenPipe` ends a writer whose reader has gone.
 */
export interface CommandDef {
  readonly name: string
  readonly summary: string
  /** The full `--help` text. */
  readonly help: string
  readonly run: (ctx: CommandContext) => Effect.Effect<number, BrokenPipe>
}

/** What `run` receives: decoded flags, operands, and the context. */
export interface RunInput<F extends Argv.Flags> {
  readonly flags: Argv.FlagValues<F>
  readonly operands: ReadonlyArray<string>
  /** Every flag occurrence in order, for flags where the last of several wins (`ls -l -1`). */
  readonly occurrences: ReadonlyArray<Argv.Occurrence>
  readonly ctx: CommandContext
  /** The name used in messages (`grep` for `egrep`). */
  readonly name: string
  /** Print `name: message` and the "Try --help" line; returns the usage status. */
  readonly usage: (message: string) => Effect.Effect<number, BrokenPipe>
  /** Print `name: message` to stderr. */
  readonly warn: (message: string) => Effect.Effect<void, BrokenPipe>
}

/** How many operands a command takes, and how it words their absence. */
export interface OperandRule {
  /** Shown in help: `[FILE]...`. */
  readonly usage: string
  readonly min?: number
  readonly max?: number
  /** Message when fewer than `min` (default `missing operand`). */
  readonly missing?: string
}

/** The declarative part of a command, without `run`: what argv generators and help read. */
export interface CommandSpec {
  readonly summary: string
  readonly flags: Argv.Flags
  readonly operands: OperandRule
  /** Options may follow operands. */
  readonly permute: boolean
  /** The command parses its own arguments (`echo`, `test`): `flags` only document them. */
  readonly raw: boolean
  /** Status of a usage error. */
  readonly usageStatus: number
}

/** A declaration for `make`. */
export interface Spec<F extends Argv.Flags> {
  readonly summary: string
  readonly flags: F
  readonly operands?: OperandRule
  /** Default true. */
  readonly permute?: boolean
  /** Default false: see `CommandSpec.raw`. */
  readonly raw?: boolean
  /** Default 1 (coreutils); grep, ls and sort use 2. */
  readonly usageStatus?: number
  /** Extra help text after the option table. */
  readonly details?: string
  /** Print `Usage: name ...` before the "Try" line of usage errors (as grep does). */
  readonly usageLine?: boolean
  /** Name used in messages when it differs from the command name (`egrep` says `grep`). */
  readonly messageName?: string
  /**
   * Rewrite argv before parsing, for historical syntaxes (`head -5`,
   * `tail +5`), or refuse it with a usage error (followed by the "Try" line
   * unless `tryHelp` is false).
   */
  readonly preprocess?: (
    args: ReadonlyArray<string>,
  ) => ReadonlyArray<string> | { readonly error: string; readonly tryHelp?: boolean }
  readonly run: (input: RunInput<F>) => Effect.Effect<number, BrokenPipe>
}

/** A command built by `make`, carrying its declaration. */
export interface DeclaredCommand extends CommandDef {
  readonly spec: CommandSpec
}

/**
 * Build a command from a declaration: parsing, `--help`, `--version` and
 * usage errors come from `spec`.
 *
 * ```ts
 * export const head = Command.make("head", {
 *   summary: "output the first part of files",
 *   flags: { lines: Flag.string("n", "lines", "print the first NUM lines", { arg: "NUM" }) },
 *   operands: { usage: "[FILE]..." },
 *   run: ({ flags, operands, ctx }) => ...,
 * })
 * ```
 */
export const make = <F extends Argv.Flags>(name: string, spec: Spec<F>): DeclaredCommand => {
  const messageName = spec.messageName ?? name
  const operands: OperandRule = spec.operands ?? { usage: "" }
  const usageStatus = spec.usageStatus ?? 1
  const raw = spec.raw ?? false
  const usageSynopsis =
    `Usage: ${messageName} ${Object.keys(spec.flags).length > 0 ? "[OPTION]... " : ""}${operands.usage}`.trimEnd()
  const help = [
    usageSynopsis,
    spec.summary,
    "",
    Argv.describeFlags(spec.flags, !raw),
    ...(spec.details ? ["", spec.details] : []),
    "",
  ].join("\n")

  const tryLine = `${spec.usageLine ? `${usageSynopsis}\n` : ""}Try '${messageName} --help' for more information.\n`
  let rawDefaults: Argv.ParseResult<F> | undefined
  const run = (ctx: CommandContext): Effect.Effect<number, BrokenPipe> =>
    Effect.suspend(() => {
      const warn = (message: string) => writeText(ctx.stderr, `${messageName}: ${message}\n`)
      const usage = (message: string) =>
        Effect.as(
          writeText(ctx.stderr, `${message === "" ? "" : `${messageName}: ${message}\n`}${tryLine}`),
          usageStatus,
        )
      const input = (
        flags: Argv.FlagValues<F>,
        operands: ReadonlyArray<string>,
        occurrences: ReadonlyArray<Argv.Occurrence>,
      ): RunInput<F> => ({
        flags,
        operands,
        occurrences,
        ctx,
        name: messageName,
        usage,
        warn,
      })
      if (raw) {
        // A command that parses its own arguments gets the same defaults every run: decoded once.
        const parsed = (rawDefaults ??= Argv.parse(spec.flags, []))
        return parsed._tag === "Parsed" ? spec.run(input(parsed.flags, ctx.args, [])) : Effect.succeed(usageStatus)
      }
      const pre = spec.preprocess ? spec.preprocess(ctx.args) : ctx.args
      if ("error" in pre) return pre.tryHelp === false ? Effect.as(warn(pre.error), usageStatus) : usage(pre.error)
      const parsed = Argv.parse(spec.flags, pre, { permute: spec.permute ?? true })
      switch (parsed._tag) {
        case "Help":
          return Effect.as(writeText(ctx.stdout, help), 0)
        case "Version":
          return Effect.as(writeText(ctx.stdout, `${name} (mirage-vfs)\n`), 0)
        case "UsageError":
          return parsed.tryHelp ? usage(parsed.message) : Effect.as(warn(parsed.message), usageStatus)
        case "Parsed": {
          const n = parsed.operands.length
          if (operands.min !== undefined && n < operands.min) {
            return usage(operands.missing ?? "missing operand")
          }
          if (operands.max !== undefined && n > operands.max) {
            return usage(`extra operand '${parsed.operands[operands.max]}'`)
          }
          return spec.run(input(parsed.flags, parsed.operands, parsed.occurrences))
        }
      }
    })
  return {
    name,
    summary: spec.summary,
    help,
    run,
    spec: { summary: spec.summary, flags: spec.flags, operands, permute: spec.permute ?? true, raw, usageStatus },
  }
}
