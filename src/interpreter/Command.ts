import type { Effect } from "effect"
import type { NamespaceShape } from "../vfs/Namespace.ts"
import type { BrokenPipe, Input, Output } from "./Io.ts"

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
    io?: { readonly stdin?: Input; readonly stdout?: Output; readonly stderr?: Output },
  ) => Effect.Effect<number, BrokenPipe>
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
