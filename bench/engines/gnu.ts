import * as path from "node:path"
import { spawnMeasured } from "../spawn.ts"
import type { Engine, Outcome, PathOf } from "./Engine.ts"

/**
 * GNU bash and coreutils: one `bash -c` process per run, with LC_ALL=C,
 * under GNU time for its peak RSS. GNU has no RAM mount: both places are the
 * file in the bench temp dir, which after the first run sits in the page
 * cache.
 */
export class GnuEngine implements Engine {
  readonly name = "GNU"
  readonly #root: string

  constructor(root: string) {
    this.#root = root
  }

  readonly path: PathOf = (rel) => path.join(this.#root, rel)

  load(): Promise<void> {
    return Promise.resolve()
  }

  unload(): Promise<void> {
    return Promise.resolve()
  }

  /** `bash -c script`; `measureRss` false leaves out the GNU time wrapper (for per-process timings). */
  bash(script: string, timeoutMs: number, measureRss = true): Promise<Outcome> {
    return spawnMeasured("bash", ["-c", script], {
      cwd: this.#root,
      env: { ...process.env, LC_ALL: "C" },
      timeoutMs,
      measureRss,
    })
  }

  run(script: string, timeoutMs: number): Promise<Outcome> {
    return this.bash(script, timeoutMs)
  }

  /** One `bash -c 'echo hi'` process per call: there is no warm GNU shell to call into. */
  async echoLoop(n: number): Promise<ReadonlyArray<number>> {
    const times: Array<number> = []
    for (let i = 0; i < n; i++) {
      const r = await this.bash("echo hi", 10_000, false)
      if (r.ok) times.push(r.run.ms)
    }
    return times
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
