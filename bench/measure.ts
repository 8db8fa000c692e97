import type { Config } from "./config.ts"
import type { Engine } from "./engines/Engine.ts"
import type { RssSampler } from "./memory.ts"
import type { Row } from "./workloads.ts"

/**
 * Repetitions of one row on one engine, reduced to what the table shows:
 * the median wall time, the output, the memory, or why there is no time.
 */

/** One engine's result on one row. */
export interface Cell {
  /** Timed runs that completed. */
  readonly runs: number
  /** Median wall time (for the echo row, the p50 per call). */
  readonly ms?: number | undefined
  /** Why the engine could not do the row (or stopped repeating it). */
  readonly failure?: string | undefined
  /** What the first run printed (or its check script), for comparing engines. */
  readonly output?: string | undefined
  /** Peak RSS growth of this process while the engine ran the row, in bytes. */
  readonly rssGrowth?: number | undefined
  /** Peak RSS of a spawned process tree, in bytes. */
  readonly maxRss?: number | undefined
}

/** The value at fraction `q` of the sorted samples (nearest rank). */
export const quantile = (samples: ReadonlyArray<number>, q: number): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** The median: the mean of the middle two for an even count. */
export const median = (samples: ReadonlyArray<number>): number => {
  const sorted = [...samples].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Runs `row` on `engine` up to `cfg.reps` times, stopping early once the
 * runs have used up `cfg.rowBudgetMs` (a slow engine runs a row once rather
 * than holding up the whole suite). When `sampler` is given, the peak RSS
 * growth of this process over the runs is recorded.
 */
export const measureRow = async (engine: Engine, row: Row, cfg: Config, sampler?: RssSampler): Promise<Cell> => {
  const times: Array<number> = []
  let output: string | undefined
  let failure: string | undefined
  let maxRss: number | undefined
  let spent = 0
  sampler?.begin()
  for (let i = 0; i < cfg.reps; i++) {
    const outcome = await engine.run(row.script(engine.path), cfg.timeoutMs)
    if (!outcome.ok) {
      failure = outcome.reason
      break
    }
    times.push(outcome.run.ms)
    spent += outcome.run.ms
    if (outcome.run.maxRss !== undefined) maxRss = Math.max(maxRss ?? 0, outcome.run.maxRss)
    if (i === 0) {
      if (row.check === undefined) output = outcome.run.stdout
      else {
        const check = await engine.run(row.check(engine.path), cfg.timeoutMs)
        output = check.ok ? check.run.stdout : `(check failed: ${check.reason})`
      }
    }
    if (row.cleanup !== undefined) await engine.run(row.cleanup(engine.path), cfg.timeoutMs)
    if (spent >= cfg.rowBudgetMs) break
  }
  const rssGrowth = sampler?.end()
  if (row.cleanup !== undefined && failure !== undefined) await engine.run(row.cleanup(engine.path), cfg.timeoutMs)
  return {
    runs: times.length,
    ms: times.length > 0 ? median(times) : undefined,
    failure,
    output,
    rssGrowth,
    maxRss,
  }
}
