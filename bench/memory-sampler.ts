import { workerData } from "node:worker_threads"

/**
 * Runs in its own thread so that it keeps sampling while the main thread is
 * busy in a long synchronous stretch. Every 10 ms it raises slot 0 of the
 * shared array to the process RSS (in KiB) when that is higher; the main
 * thread resets the slot to start a new measurement.
 */

const shared: unknown = workerData
if (!(shared instanceof SharedArrayBuffer)) throw new Error("memory-sampler: workerData must be a SharedArrayBuffer")
const peak = new Int32Array(shared)

setInterval(() => {
  const kib = Math.round(process.memoryUsage.rss() / 1024)
  if (kib > Atomics.load(peak, 0)) Atomics.store(peak, 0, kib)
}, 10)
