import { Worker } from "node:worker_threads"
import type { Engine, Outcome, PathOf, Run } from "./Engine.ts"
import { judge } from "./Engine.ts"

/**
 * just-bash (vercel-labs), driven in a worker thread (see just-bash-worker.ts).
 * A run past its timeout ends the worker; the next call starts a fresh one
 * and reloads the data files that were loaded.
 */

/** Messages to the worker. */
export type Request =
  | { readonly type: "load"; readonly rels: ReadonlyArray<string> }
  | { readonly type: "unload"; readonly rels: ReadonlyArray<string> }
  | { readonly type: "run"; readonly script: string }
  | { readonly type: "echo"; readonly n: number }

/** Messages from the worker. */
export type Response =
  | { readonly type: "done" }
  | { readonly type: "run"; readonly run: Run }
  | { readonly type: "echo"; readonly times: ReadonlyArray<number> }
  | { readonly type: "error"; readonly message: string }

class Timeout extends Error {}

export class JustBashEngine implements Engine {
  readonly name = "just-bash"
  readonly #root: string
  #worker: Worker | undefined
  readonly #loaded = new Set<string>()

  constructor(root: string) {
    this.#root = root
  }

  readonly path: PathOf = (rel, place = "ram") => (place === "ram" ? `/${rel}` : `/disk/${rel}`)

  async #ensure(): Promise<Worker> {
    if (this.#worker !== undefined) return this.#worker
    const worker = new Worker(new URL("./just-bash-worker.ts", import.meta.url), { workerData: this.#root })
    this.#worker = worker
    if (this.#loaded.size > 0) await this.#call({ type: "load", rels: [...this.#loaded] }, Infinity)
    return worker
  }

  async #call(req: Request, timeoutMs: number): Promise<Response> {
    const worker = await this.#ensure()
    return new Promise<Response>((resolve, reject) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(() => {
            cleanup()
            this.#worker = undefined
            void worker.terminate()
            reject(new Timeout())
          }, timeoutMs)
        : undefined
      const onMessage = (res: Response) => {
        cleanup()
        resolve(res)
      }
      const onError = (error: Error) => {
        cleanup()
        this.#worker = undefined
        reject(error)
      }
      const onExit = (code: number) => onError(new Error(`worker exited with code ${code}`))
      const cleanup = () => {
        clearTimeout(timer)
        worker.off("message", onMessage)
        worker.off("error", onError)
        worker.off("exit", onExit)
      }
      worker.on("message", onMessage)
      worker.on("error", onError)
      worker.on("exit", onExit)
      worker.postMessage(req)
    })
  }

  async load(rels: ReadonlyArray<string>): Promise<void> {
    for (const rel of rels) this.#loaded.add(rel)
    await this.#call({ type: "load", rels }, Infinity)
  }

  async unload(rels: ReadonlyArray<string>): Promise<void> {
    for (const rel of rels) this.#loaded.delete(rel)
    await this.#call({ type: "unload", rels }, Infinity)
  }

  async run(script: string, timeoutMs: number): Promise<Outcome> {
    try {
      const res = await this.#call({ type: "run", script }, timeoutMs)
      if (res.type === "run") return judge(res.run)
      return { ok: false, reason: res.type === "error" ? `threw: ${res.message}` : "no result" }
    } catch (error) {
      if (error instanceof Timeout) return { ok: false, reason: `timeout after ${timeoutMs / 1000} s` }
      return { ok: false, reason: `crashed: ${String(error).split("\n")[0]}` }
    }
  }

  async echoLoop(n: number): Promise<ReadonlyArray<number>> {
    const res = await this.#call({ type: "echo", n }, Infinity)
    if (res.type !== "echo") throw new Error(`just-bash echo loop: ${res.type === "error" ? res.message : res.type}`)
    return res.times
  }

  async close(): Promise<void> {
    await this.#worker?.terminate()
    this.#worker = undefined
  }
}
