/**
 * What the three runners (Mirage, just-bash, GNU bash) have in common: each
 * runs a script against the same data and reports wall time and output, or
 * why it could not.
 */

/** Where a workload's file lives: the RAM mount (in-memory for just-bash) or the Disk mount. */
export type Place = "ram" | "disk"

/** Maps a data file (a path relative to the bench temp dir) to the path an engine sees it at. */
export type PathOf = (rel: string, place?: Place) => string

/** One run: its wall time and what it printed. */
export interface Run {
  readonly ms: number
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
  /** Peak RSS of the process tree in bytes, when the engine runs out of process and it can be measured. */
  readonly maxRss?: number | undefined
}

/** A run, or the reason there is none (timeout, refusal, crash). */
export type Outcome = { readonly ok: true; readonly run: Run } | { readonly ok: false; readonly reason: string }

/** An engine the benchmarks drive. */
export interface Engine {
  readonly name: string
  readonly path: PathOf
  /** Copies data files (relative to the temp dir) into the engine's RAM filesystem. */
  load(rels: ReadonlyArray<string>): Promise<void>
  /** Drops them again. */
  unload(rels: ReadonlyArray<string>): Promise<void>
  /** Runs one script, abandoning it after `timeoutMs`. */
  run(script: string, timeoutMs: number): Promise<Outcome>
  /** Times `n` warm `echo hi` calls, one duration (ms) per call. */
  echoLoop(n: number): Promise<ReadonlyArray<number>>
  close(): Promise<void>
}

/** The first line of a message, shortened for a table cell. */
export const firstLine = (text: string): string => {
  const line = text.trim().split("\n")[0] ?? ""
  return line.length > 100 ? line.slice(0, 97) + "..." : line
}

/** A run that exited non-zero or wrote to stderr did not do the workload. */
export const judge = (run: Run): Outcome =>
  run.exitCode !== 0 || run.stderr.trim() !== ""
    ? { ok: false, reason: `exit ${run.exitCode}${run.stderr.trim() ? ": " + firstLine(run.stderr) : ""}` }
    : { ok: true, run }
