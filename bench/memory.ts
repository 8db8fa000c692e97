import { Worker } from "node:worker_threads"

/**
 * Peak RSS growth of this process over a stretch of work. RSS covers every
 * thread, so the sampler thread sees what the engine under test allocates,
 * whether it runs on the main thread (Mirage) or in a worker (just-bash).
 */

/** Collects garbage when node runs with --expose-gc, so growth is measured from a settled heap. */
export const collectGarbage = (): void => {
  const gc: unknown = Reflect.get(globalThis, "gc")
  if (typeof gc === "function") gc()
}

/** A running sampler; `begin` starts a measurement, `end` returns the peak growth in bytes since `begin`. */
export class RssSampler {
  readonly #worker: Worker
  readonly #peak: Int32Array
  #baseline = 0

  private constructor(worker: Worker, peak: Int32Array) {
    this.#worker = worker
    this.#peak = peak
  }

  /** Starts the sampling thread. */
  static start(): RssSampler {
    const shared = new SharedArrayBuffer(4)
    const worker = new Worker(new URL("./memory-sampler.ts", import.meta.url), { workerData: shared })
    worker.unref()
    return new RssSampler(worker, new Int32Array(shared))
  }

  /** Settles the heap, then takes the current RSS as the baseline and returns it (bytes). */
  begin(): number {
    collectGarbage()
    this.#baseline = process.memoryUsage.rss()
    Atomics.store(this.#peak, 0, Math.round(this.#baseline / 1024))
    return this.#baseline
  }

  /** Peak RSS minus the baseline, in bytes. */
  end(): number {
    const peak = Math.max(Atomics.load(this.#peak, 0) * 1024, process.memoryUsage.rss())
    return Math.max(0, peak - this.#baseline)
  }

  /** Stops the sampling thread. */
  stop(): Promise<number> {
    return this.#worker.terminate()
  }
}
