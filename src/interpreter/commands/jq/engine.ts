import { Effect } from "effect"
import type { Jq } from "jq-wasm/inline"

/**
 * The jq engine: jq 1.8.2 compiled to WebAssembly by `jq-wasm`. The
 * `jq-wasm/inline` build carries the wasm in the module itself (base64), so
 * it loads the same way in Node and in a browser, with no asset to fetch. It
 * is imported on first use: the module is large and most scripts never run
 * jq.
 */

/** What one run of jq gives: its stdout and stderr (trimmed by jq-wasm) and status. */
export interface EngineResult {
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

/** Runs jq over a whole input text with jq's own command-line flags. */
export type Engine = (input: string, filter: string, flags: ReadonlyArray<string>) => EngineResult

let loading: Promise<Jq> | undefined

/** The engine, loaded once per process; fails with the loader's message. */
export const engine: Effect.Effect<Engine, string> = Effect.tryPromise({
  try: () => {
    loading ??= import("jq-wasm/inline").then((m) => m.loadJq())
    return loading
  },
  catch: (error) => {
    loading = undefined
    return error instanceof Error ? error.message : String(error)
  },
}).pipe(
  Effect.map((jq): Engine => (input, filter, flags) => {
    try {
      const r = jq.raw(input, filter, [...flags])
      return { stdout: r.stdout, stderr: r.stderr, status: r.exitCode }
    } catch (error) {
      // A trap (memory exhausted, stack overflow) may leave the instance
      // unusable: the next run loads a fresh one.
      loading = undefined
      const message = error instanceof Error ? error.message : String(error)
      return { stdout: "", stderr: `jq: error: ${message}`, status: 5 }
    }
  }),
)
