import { Deferred, Effect } from "effect"
import type { MemoryReading } from "./Host.ts"
import type { BrokenPipe, Output } from "./Io.ts"

/**
 * What one run of a script may use, and the accounting that enforces it.
 *
 * Every counter sits where it costs nothing per byte: commands are counted
 * when they are dispatched, output per chunk, loops per iteration, processes
 * per fork. A breach stops the whole run (every pipeline stage, background
 * job and process substitution) with status 126, or 124 for the time limit,
 * and one stderr line naming the limit.
 */

/**
 * Limits of a run. `Infinity` turns one off. A workspace sets its own
 * (`WorkspaceOptions.limits`) over `defaultLimits`, and a call may override
 * any of them (`ExecuteOptions.limits`).
 */
export interface Limits {
  /** Wall time of one `execute`, in milliseconds; breach: status 124. */
  readonly timeoutMs: number
  /** Bytes a run may write to its stdout and stderr together, and to one `$(...)`. */
  readonly maxOutputBytes: number
  /** Iterations of any one loop. */
  readonly maxLoopIterations: number
  /** Nesting of shell function calls. */
  readonly maxCallDepth: number
  /** Simple commands (builtins, functions and utilities) one run may start. */
  readonly maxCommands: number
  /** Commands in one pipeline. */
  readonly maxPipelineStages: number
  /** Pipeline stages, background jobs and process substitutions running at once. */
  readonly maxProcesses: number
  /** Size of one file written through the shell; a larger write fails with `File too large`. */
  readonly maxFileBytes: number
  /**
   * Memory the process may gain during a run (JavaScript heap and buffers,
   * sampled a few times a second; Node only). A run is also stopped when the
   * heap nears the size at which V8 would abort the process.
   */
  readonly maxMemoryBytes: number
}

/**
 * The defaults. Five minutes is long enough for real work over remote mounts
 * (copying gigabytes from S3, grepping a large tree) and short enough that a
 * runaway script gives control back well within an agent framework's tool
 * timeout. 16 MiB of output is far more than any model can read, yet small
 * enough to hold in memory. The others are far beyond what a sane script
 * reaches and low enough to stop a runaway one long before memory runs out.
 */
export const defaultLimits: Limits = {
  timeoutMs: 5 * 60_000,
  maxOutputBytes: 16 * 1024 * 1024,
  maxLoopIterations: 10_000_000,
  maxCallDepth: 1000,
  maxCommands: 10_000_000,
  maxPipelineStages: 256,
  maxProcesses: 4096,
  maxFileBytes: 1024 * 1024 * 1024,
  maxMemoryBytes: 2 * 1024 * 1024 * 1024,
}

/** The names of the limits. */
export const limitNames: ReadonlyArray<keyof Limits> = [
  "timeoutMs",
  "maxOutputBytes",
  "maxLoopIterations",
  "maxCallDepth",
  "maxCommands",
  "maxPipelineStages",
  "maxProcesses",
  "maxFileBytes",
  "maxMemoryBytes",
]

/** Defaults, then each override in order; keys set to undefined are skipped. */
export const merge = (...overrides: ReadonlyArray<Partial<Limits> | undefined>): Limits => {
  const out: { -readonly [K in keyof Limits]: number } = { ...defaultLimits }
  for (const o of overrides) {
    if (o === undefined) continue
    for (const key of limitNames) {
      const v = o[key]
      if (typeof v === "number" && !Number.isNaN(v)) out[key] = Math.max(0, v)
    }
  }
  return out
}

/** Why a run stopped early: its status and the stderr line saying so ("" for none). */
export interface Stop {
  readonly status: number
  readonly message: string
}

/** The accounting of one run, shared by every subshell, stage and job in it. */
export interface Budget {
  readonly limits: Limits
  /** Commands started so far. */
  commands: number
  /** Stages, jobs and process substitutions running now. */
  processes: number
  /** Bytes written to the run's stdout and stderr so far. */
  outputBytes: number
  /** The first stop requested (a breach, the timer, the abort signal). */
  stopped: Stop | undefined
  /** Completed with `stopped`, or with undefined when the script ends by itself: the run waits on it. */
  readonly settled: Deferred.Deferred<Stop | undefined>
}

/** A fresh budget under `limits`. */
export const makeBudget = (limits: Limits): Budget => ({
  limits,
  commands: 0,
  processes: 0,
  outputBytes: 0,
  stopped: undefined,
  settled: Deferred.makeUnsafe<Stop | undefined>(),
})

/** Request the run to stop (the first request wins). */
export const requestStop = (budget: Budget, stop: Stop): void => {
  if (budget.stopped !== undefined) return
  budget.stopped = stop
  Deferred.doneUnsafe(budget.settled, Effect.succeed(stop))
}

/** The script ended by itself (a stop requested earlier still wins). */
export const scriptEnded = (budget: Budget): void => {
  Deferred.doneUnsafe(budget.settled, Effect.succeed(undefined))
}

/** Completes once the script has ended or a stop was requested. */
export const awaitSettled = (budget: Budget): Effect.Effect<Stop | undefined> => Deferred.await(budget.settled)

/**
 * Breach a limit: request the stop, and end the breaching computation as an
 * interruption. It never returns, yet never blocks either (it may run in a
 * finalizer, which cannot be interrupted from outside), and no handler of
 * shell failures catches it, so nothing more of the script runs on its way out.
 */
export const breach = (budget: Budget, limit: keyof Limits, what: string, status = 126): Effect.Effect<never> =>
  Effect.suspend(() => {
    requestStop(budget, { status, message: `${what} (limit ${limit})` })
    return Effect.interrupt
  })

/**
 * Count one command: true once the run has started more than `maxCommands`,
 * or has been asked to stop (no command starts after that).
 */
export const overCommandLimit = (budget: Budget): boolean =>
  ++budget.commands > budget.limits.maxCommands || budget.stopped !== undefined

/** The `maxCommands` breach (or the end of a run already stopping). */
export const tooManyCommands = (budget: Budget): Effect.Effect<never> =>
  budget.stopped !== undefined
    ? Effect.interrupt
    : breach(budget, "maxCommands", `mirage: more than ${budget.limits.maxCommands} commands`)

/** Wrap a run's process in the process count; breach `maxProcesses` when starting `n` more would pass it. */
export const startProcesses = (budget: Budget, n: number): Effect.Effect<void> => {
  if (budget.processes + n > budget.limits.maxProcesses) {
    return breach(
      budget,
      "maxProcesses",
      `mirage: fork: Resource temporarily unavailable, more than ${budget.limits.maxProcesses} processes`,
    )
  }
  budget.processes += n
  return Effect.void
}

/** The matching release of `startProcesses` for one process. */
export const endProcess = (budget: Budget): Effect.Effect<void> =>
  Effect.sync(() => {
    budget.processes--
  })

/**
 * The run's stdout and stderr, counted together against `maxOutputBytes`:
 * what fits is written, then the run stops with a notice.
 */
export const countedOutput = (budget: Budget, out: Output): Output => ({
  write: (bytes): Effect.Effect<void, BrokenPipe> => {
    const max = budget.limits.maxOutputBytes
    const room = max - budget.outputBytes
    if (bytes.length <= room) {
      budget.outputBytes += bytes.length
      return out.write(bytes)
    }
    budget.outputBytes = max
    const reached = breach(budget, "maxOutputBytes", `mirage: output limit of ${max} bytes reached`)
    return room > 0 ? Effect.andThen(out.write(bytes.subarray(0, room)), reached) : reached
  },
})

/**
 * Whether a defect is the JavaScript engine refusing an allocation (a string,
 * array or buffer too large): what C programs report as "memory exhausted".
 */
export const isOutOfMemory = (defect: unknown): boolean =>
  defect instanceof RangeError &&
  /Invalid (array|string|typed array) length|allocation failed|Array buffer allocation/i.test(defect.message)

/** How often memory is sampled. */
const MEMORY_SAMPLE_MS = 100

/** setTimeout cannot wait longer than this; a longer limit is as good as none. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Start the run's clocks: the time limit, and a watch on the process's memory
 * that stops the run once it has grown by more than `maxMemoryBytes` or the
 * heap nears V8's limit (where the host reports memory). Plain timers, not
 * fibers: a run that ends early pays almost nothing for them. Returns the
 * function that stops them.
 */
export const startClocks = (budget: Budget, read: () => MemoryReading | undefined): (() => void) => {
  const ms = budget.limits.timeoutMs
  const timer = ms < MAX_TIMER_MS ? setTimeout(() => requestStop(budget, timeoutStop(ms)), ms) : undefined
  const max = budget.limits.maxMemoryBytes
  const start = Number.isFinite(max) ? read() : undefined
  const watch =
    start === undefined
      ? undefined
      : setInterval(() => {
          const now = read()
          if (now !== undefined && (now.used - start.used > max || now.heapNearLimit)) {
            requestStop(budget, {
              status: 126,
              message: `mirage: memory limit of ${max} bytes reached (limit maxMemoryBytes)`,
            })
          }
        }, MEMORY_SAMPLE_MS)
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    if (watch !== undefined) clearInterval(watch)
  }
}

/** The message of a breached time limit. */
export const timeoutStop = (ms: number): Stop => ({
  status: 124,
  message: `mirage: script timed out after ${formatSeconds(ms)} (limit timeoutMs)`,
})

const formatSeconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))}s`

const NEWLINE = 10
const encoder = new TextEncoder()

/**
 * Keep the first `maxLines` lines of collected output and say how many were
 * dropped, for callers that hand output to a model. Pipes inside the script
 * never see this cap.
 */
export const capLines = (bytes: Uint8Array, maxLines: number | undefined): Uint8Array => {
  if (maxLines === undefined || !Number.isFinite(maxLines)) return bytes
  const keep = Math.max(0, Math.floor(maxLines))
  let end = -1
  let seen = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== NEWLINE) continue
    if (++seen === keep) {
      end = i + 1
      break
    }
  }
  if (keep === 0) end = 0
  if (end < 0 || end >= bytes.length) return bytes
  let dropped = 0
  for (let i = end; i < bytes.length; i++) if (bytes[i] === NEWLINE) dropped++
  // A last line without a newline is still a line.
  if (bytes[bytes.length - 1] !== NEWLINE) dropped++
  const notice = encoder.encode(
    `[mirage: ${dropped} more line${dropped === 1 ? "" : "s"} not shown (maxOutputLines ${keep})]\n`,
  )
  const out = new Uint8Array(end + notice.length)
  out.set(bytes.subarray(0, end))
  out.set(notice, end)
  return out
}
