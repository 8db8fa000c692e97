import * as fs from "node:fs/promises"
import * as path from "node:path"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import type { Engine, Outcome, PathOf } from "./Engine.ts"
import { judge } from "./Engine.ts"

/**
 * Mirage through its public API, in this process: a RAM mount at `/` and a
 * Disk mount of the bench temp dir at `/disk`. A data file `rel` is at
 * `/rel` once loaded into RAM, and always at `/disk/rel`.
 */
export class MirageEngine implements Engine {
  readonly name = "Mirage"
  readonly #root: string
  readonly #ws: Workspace

  constructor(root: string) {
    this.#root = root
    this.#ws = new Workspace(
      { "/": new RAMResource({ maxBytes: Infinity }), "/disk": new DiskResource({ root }) },
      { mode: MountMode.WRITE, limits: { maxOutputBytes: Infinity, maxFileBytes: Infinity } },
    )
  }

  readonly path: PathOf = (rel, place = "ram") => (place === "ram" ? `/${rel}` : `/disk/${rel}`)

  async load(rels: ReadonlyArray<string>): Promise<void> {
    const made = new Set<string>()
    for (const rel of rels) {
      const dir = path.posix.dirname(`/${rel}`)
      if (!made.has(dir)) {
        await this.#ws.fs.mkdir(dir, { recursive: true })
        made.add(dir)
      }
      await this.#ws.fs.writeFile(`/${rel}`, await fs.readFile(path.join(this.#root, rel)))
    }
  }

  async unload(rels: ReadonlyArray<string>): Promise<void> {
    const tops = new Set(rels.map((rel) => rel.split("/").slice(0, 2).join("/")))
    for (const top of tops) await this.#ws.fs.rm(`/${top}`, { recursive: true, force: true })
  }

  async run(script: string, timeoutMs: number): Promise<Outcome> {
    const signal = AbortSignal.timeout(timeoutMs)
    const start = performance.now()
    try {
      const r = await this.#ws.execute(script, { signal })
      const ms = performance.now() - start
      if (signal.aborted) return { ok: false, reason: `timeout after ${timeoutMs / 1000} s` }
      return judge({ ms, exitCode: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText })
    } catch (error) {
      return { ok: false, reason: `threw: ${String(error).split("\n")[0]}` }
    }
  }

  async echoLoop(n: number): Promise<ReadonlyArray<number>> {
    const times: Array<number> = []
    for (let i = 0; i < n; i++) {
      const start = performance.now()
      await this.#ws.execute("echo hi")
      times.push(performance.now() - start)
    }
    return times
  }

  close(): Promise<void> {
    return this.#ws.close()
  }
}
