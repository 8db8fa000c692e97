import type { Effect } from "effect"
import type { BrokenPipe } from "../../Io.ts"
import type { Value } from "./Values.ts"

/**
 * The shapes compiled code takes. Most of a program compiles to plain
 * closures that run synchronously; code that may wait for I/O (getline,
 * system, close, a loop whose output must drain) compiles to generators
 * that yield Effects for the driver to run.
 */

export type Val = () => Value
export type Num = () => number
export type Str = () => string
export type Bool = () => boolean
/** A statement: returns a completion code (NORMAL, BREAK, NEXT, ...). */
export type Exec = () => number

/** An I/O step for the driver to run; results come back through the generator's own variables. */
export type Io = Effect.Effect<void, BrokenPipe>
export type Gen<A> = Generator<Io, A, void>
export type GenVal = () => Gen<Value>
export type GenExec = () => Gen<number>

/** Output redirections. */
export type RedirectMode = ">" | ">>" | "|"

/** What compiled code asks of the I/O layer. */
export interface IoHost {
  /** Buffer output for stdout (`mode` undefined) or a redirection. */
  readonly print: (s: string, mode: RedirectMode | undefined, target: string) => void
  /** Bytes buffered and not yet written. */
  readonly pending: () => number
  /** Write buffered output when enough has gathered. */
  readonly drain: () => Gen<void>
  /** The next record of the main input (NR/FNR are the caller's), or undefined at the end. */
  readonly getlineMain: () => Gen<string | undefined>
  /** The next record of a file: undefined at its end, null when it cannot be opened. */
  readonly getlineFile: (name: string) => Gen<string | undefined | null>
  /** The next record of a command's output, or undefined at its end. */
  readonly getlineCommand: (command: string) => Gen<string | undefined>
  /** close(): the file or pipe's status, -1 when it was not open. */
  readonly close: (name: string, how: string | undefined) => Gen<number>
  /** fflush() of one output, or of all (`name` undefined). */
  readonly fflush: (name: string | undefined) => Gen<number>
  /** system(): flush, run through `sh -c`, and return the status. */
  readonly system: (command: string) => Gen<number>
}
