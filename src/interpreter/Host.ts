/**
 * What the interpreter asks of the JavaScript host it runs in, found by
 * feature detection rather than imports: the core stays free of `node:*`
 * modules and runs unchanged in a browser, where these are simply absent.
 */

const nodeProcess = (): NodeJS.Process | undefined => (typeof process === "undefined" ? undefined : process)

let regexGuarded = false

/**
 * JavaScript regexes backtrack: `grep -E '(a*)*b'` on a long line of `a`s
 * takes exponential time inside one synchronous call, which no timeout can
 * interrupt. V8 can instead fall back to its linear-time engine once a match
 * has backtracked too often, and Node lets a running process turn that on.
 * The fallback gives the same matches; regexes it cannot run (those with
 * backreferences) keep backtracking. Done once; a no-op elsewhere.
 */
export const guardRegexBacktracking = (): void => {
  if (regexGuarded) return
  regexGuarded = true
  try {
    v8Module()?.setFlagsFromString("--enable-experimental-regexp-engine-on-excessive-backtracks")
  } catch {
    // A runtime that looks like Node but refuses the flag keeps its regexes as they are.
  }
}

/** The part of Node's `v8` module used here. */
interface V8 {
  readonly setFlagsFromString: (flags: string) => void
  readonly getHeapStatistics: () => {
    readonly used_heap_size: number
    readonly external_memory: number
    readonly heap_size_limit: number
  }
}

let v8: V8 | null | undefined

/** Node's `v8` module, once; null elsewhere. */
const v8Module = (): V8 | null => {
  if (v8 === undefined) {
    try {
      const proc = nodeProcess()
      v8 = typeof proc?.getBuiltinModule === "function" ? proc.getBuiltinModule("v8") : null
    } catch {
      v8 = null
    }
  }
  return v8
}

/** What the host says about memory. */
export interface MemoryReading {
  /** Bytes JavaScript holds now: the heap plus memory outside it (array buffers). */
  readonly used: number
  /** The heap is close to the size where V8 aborts the whole process. */
  readonly heapNearLimit: boolean
}

/**
 * Read the process's memory, or undefined when the host does not tell. It is
 * the whole process's, not one script's: a limit built on it is a safety net
 * against a runaway script taking the host down, not an exact quota. (V8's
 * heap statistics cost well under a microsecond; `process.memoryUsage` costs
 * tens, for a resident size this does not need.)
 */
export const readMemory = (): MemoryReading | undefined => {
  const stats = v8Module()?.getHeapStatistics()
  if (stats === undefined) return undefined
  return {
    used: stats.used_heap_size + stats.external_memory,
    heapNearLimit: stats.used_heap_size > stats.heap_size_limit * 0.85,
  }
}
