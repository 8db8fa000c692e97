import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import type { Outcome } from "./engines/Engine.ts"
import { judge } from "./engines/Engine.ts"

/**
 * Runs a process to completion and times it from spawn to exit, optionally
 * under `/usr/bin/time -f %M` for the peak RSS of its whole tree (GNU time
 * reports the largest of the waited-for processes).
 */

const TIME = "/usr/bin/time"

/** True when GNU time is installed, so spawned runs get a peak RSS. */
export const hasGnuTime: boolean = fs.existsSync(TIME)

/** How to spawn. */
export interface SpawnOptions {
  readonly cwd?: string | undefined
  readonly env?: NodeJS.ProcessEnv | undefined
  readonly timeoutMs: number
  /** Wrap in GNU time for the peak RSS (when it is installed). */
  readonly measureRss: boolean
}

let counter = 0

/** Spawns `cmd args`, collects its output, and kills its process group at the timeout. */
export const spawnMeasured = async (
  cmd: string,
  args: ReadonlyArray<string>,
  options: SpawnOptions,
): Promise<Outcome> => {
  const rssFile = path.join(os.tmpdir(), `mirage-bench-time-${process.pid}-${counter++}.out`)
  const wrap = options.measureRss && hasGnuTime
  const [file, argv] = wrap ? [TIME, ["-f", "%M", "-o", rssFile, cmd, ...args]] : [cmd, [...args]]
  const start = performance.now()
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  })
  const out: Array<Buffer> = []
  const err: Array<Buffer> = []
  child.stdout.on("data", (b: Buffer) => out.push(b))
  child.stderr.on("data", (b: Buffer) => err.push(b))
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    // the process group, so that a pipeline's children die too
    if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL")
  }, options.timeoutMs)
  try {
    const exitCode = await new Promise<number>((resolve, reject) => {
      child.on("error", reject)
      child.on("close", (code) => resolve(code ?? 128))
    })
    const ms = performance.now() - start
    if (timedOut) return { ok: false, reason: `timeout after ${options.timeoutMs / 1000} s` }
    return judge({
      ms,
      exitCode,
      stdout: Buffer.concat(out).toString("latin1"),
      stderr: Buffer.concat(err).toString("latin1"),
      maxRss: wrap ? readMaxRss(rssFile) : undefined,
    })
  } catch (error) {
    return { ok: false, reason: `spawn failed: ${String(error)}` }
  } finally {
    clearTimeout(timer)
    fs.rmSync(rssFile, { force: true })
  }
}

/** GNU time's %M (KiB) as bytes; its file starts with a "Command exited with non-zero status" line when there was one. */
const readMaxRss = (file: string): number | undefined => {
  try {
    const kib = Number.parseInt(fs.readFileSync(file, "utf8").trim().split("\n").at(-1) ?? "", 10)
    return Number.isFinite(kib) ? kib * 1024 : undefined
  } catch {
    return undefined
  }
}
