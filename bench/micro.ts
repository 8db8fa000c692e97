import * as fs from "node:fs"
import * as path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { parse as justBashParse } from "just-bash"
import { parseSync } from "../src/index.ts"
import type { Config } from "./config.ts"
import type { GnuEngine } from "./engines/gnu.ts"
import type { JustBashEngine } from "./engines/just-bash.ts"
import type { MirageEngine } from "./engines/mirage.ts"
import type { Cell } from "./measure.ts"
import { median, quantile } from "./measure.ts"
import type { RssSampler } from "./memory.ts"
import { formatMs, formatMiB } from "./report.ts"
import type { TableRow } from "./report.ts"
import { realisticScript } from "./script.ts"
import { spawnMeasured } from "./spawn.ts"

/**
 * The latency rows (workloads 5-7): warm `echo hi`, cold start of a new
 * process, and parsing a 10 KB script. They measure fixed costs, so each
 * has its own shape instead of a script run over data.
 */

/** The three engines, by role. */
export interface Engines {
  readonly mirage: MirageEngine
  readonly justBash: JustBashEngine
  readonly gnu: GnuEngine
}

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.dirname(here)

const GNU_SPAWNS = 100

/** Workload 5: `execute('echo hi')` on a warm workspace, p50 and p99 per call. */
export const echoRow = async (cfg: Config, engines: Engines, sampler: RssSampler): Promise<TableRow> => {
  const warmup = Math.min(200, cfg.echoCalls)
  await engines.mirage.echoLoop(warmup)
  const before = sampler.begin()
  const mirage = await engines.mirage.echoLoop(cfg.echoCalls)
  const growth = sampler.end()
  const after = process.memoryUsage.rss()

  await engines.justBash.echoLoop(warmup)
  sampler.begin()
  const justBash = await engines.justBash.echoLoop(cfg.echoCalls)
  const justBashGrowth = sampler.end()

  const spawns = Math.min(GNU_SPAWNS, cfg.echoCalls)
  const gnu = await engines.gnu.echoLoop(spawns)

  const cell = (times: ReadonlyArray<number>, rssGrowth?: number): Cell => ({
    runs: times.length,
    ms: median(times),
    output: "hi\n",
    rssGrowth,
  })
  const p50 = quantile(mirage, 0.5)
  const p99 = quantile(mirage, 0.99)
  return {
    number: 5,
    label: "echo hi (warm), p50 per call",
    detail: `${cfg.echoCalls.toLocaleString("en-US")} calls`,
    mirage: cell(mirage, growth),
    justBash: cell(justBash, justBashGrowth),
    gnu: cell(gnu),
    verdict: { goal: "p50 < 50 µs, p99 < 1 ms", met: p50 < 0.05 && p99 < 1 },
    notes: [
      `Mirage p50 ${formatMs(p50)}, p99 ${formatMs(p99)}; RSS ${formatMiB(before)} before, ${formatMiB(after)} after`,
      `just-bash p50 ${formatMs(quantile(justBash, 0.5))}, p99 ${formatMs(quantile(justBash, 0.99))}`,
      `GNU: a new \`bash -c 'echo hi'\` process per call (${spawns} spawns), p99 ${formatMs(quantile(gnu, 0.99))}`,
    ],
  }
}

/** Spawns `args` under node `runs` times; the median wall time and the largest peak RSS. */
/**
 * Cold starts of `cmd`: one run under GNU time for the peak RSS (it also
 * fills the page cache), then `runs` timed by a small launcher process.
 */
const coldCell = async (cmd: string, args: ReadonlyArray<string>, runs: number): Promise<Cell> => {
  const env = { ...process.env, NODE_NO_WARNINGS: "1", LC_ALL: "C" }
  const probe = await spawnMeasured(cmd, args, { env, timeoutMs: 60_000, measureRss: true })
  if (!probe.ok) return { runs: 0, failure: probe.reason }
  const launched = await spawnMeasured(
    process.execPath,
    [path.join(here, "cold", "launch.js"), String(runs), cmd, ...args],
    {
      env,
      timeoutMs: 60_000 * runs,
      measureRss: false,
    },
  )
  if (!launched.ok) return { runs: 0, failure: launched.reason }
  const report = JSON.parse(launched.run.stdout) as {
    readonly times: ReadonlyArray<number>
    readonly status: number | null
    readonly stderr: string
  }
  if (report.status !== 0 || report.times.length < runs)
    return { runs: report.times.length, failure: `exit ${String(report.status)}: ${report.stderr.slice(0, 200)}` }
  return { runs, ms: median(report.times), output: probe.run.stdout, maxRss: probe.run.maxRss }
}

/** Workload 6: a new node process that imports the library, builds a RAM workspace and runs `echo hi`. */
export const coldRow = async (cfg: Config): Promise<TableRow> => {
  const dist = path.join(repo, "dist", "index.js")
  const entry = fs.existsSync(dist) ? dist : path.join(repo, "src", "index.ts")
  const node = process.execPath
  const mirage = await coldCell(node, [path.join(here, "cold", "mirage.js"), pathToFileURL(entry).href], cfg.coldRuns)
  const justBash = await coldCell(node, [path.join(here, "cold", "just-bash.js")], cfg.coldRuns)
  const gnu = await coldCell("bash", ["-c", "echo hi"], cfg.coldRuns)
  const bare = await coldCell(node, ["-e", "0"], cfg.coldRuns)
  const mb = (cell: Cell) => (cell.maxRss === undefined ? "?" : formatMiB(cell.maxRss))
  return {
    number: 6,
    label: "cold start: new process, import, echo hi",
    detail: `median of ${cfg.coldRuns}`,
    mirage,
    justBash,
    gnu,
    verdict: { goal: "< 150 ms", met: mirage.ms === undefined ? false : mirage.ms < 150 },
    notes: [
      `Mirage imported from ${path.relative(repo, entry)}`,
      `node alone (\`node -e 0\`): ${bare.ms === undefined ? "?" : formatMs(bare.ms)}`,
      `peak RSS of the new process: Mirage ${mb(mirage)}, just-bash ${mb(justBash)}, bash ${mb(gnu)}`,
    ],
  }
}

/**
 * Time `f`: its first call, the next `runs` calls (while the JIT is still
 * warming up), then `runs` more (the steady state a long-lived process sees).
 */
const timeCalls = (
  f: () => void,
  runs: number,
): { readonly first: number; readonly warming: number; readonly median: number } => {
  const series = (): Array<number> => {
    const times: Array<number> = []
    for (let i = 0; i < runs; i++) {
      const start = performance.now()
      f()
      times.push(performance.now() - start)
    }
    return times
  }
  const start = performance.now()
  f()
  const first = performance.now() - start
  const warming = median(series())
  return { first, warming, median: median(series()) }
}

/** Workload 7: parsing a realistic 10 KB script (Mirage compiles a list when it first runs it, so parsing is all it does up front). */
export const parseRow = async (cfg: Config, root: string): Promise<TableRow> => {
  const script = realisticScript()
  const file = path.join(root, "script.sh")
  fs.writeFileSync(file, script)
  interface Parsed {
    readonly cell: Cell
    readonly first: number
    readonly warming: number
  }
  const parsed = (f: () => unknown): Parsed => {
    try {
      const t = timeCalls(f, cfg.parseRuns)
      return { cell: { runs: cfg.parseRuns, ms: t.median, output: "ok" }, first: t.first, warming: t.warming }
    } catch (error) {
      return { cell: { runs: 0, failure: `parse error: ${String(error).split("\n")[0]}` }, first: NaN, warming: NaN }
    }
  }
  const mirage = parsed(() => parseSync(script))
  const justBash = parsed(() => justBashParse(script))
  const times: Array<number> = []
  let gnu: Cell = { runs: 0 }
  for (let i = 0; i < cfg.parseRuns; i++) {
    const outcome = await spawnMeasured("bash", ["-n", file], { timeoutMs: 10_000, measureRss: false })
    if (!outcome.ok) {
      gnu = { runs: times.length, failure: outcome.reason }
      break
    }
    times.push(outcome.run.ms)
    gnu = { runs: times.length, ms: median(times), output: "ok" }
  }
  fs.rmSync(file)
  return {
    number: 7,
    label: "parse a 10 KB script",
    detail: `${(script.length / 1024).toFixed(1)} KB, median of ${cfg.parseRuns} after ${cfg.parseRuns + 1}`,
    mirage: mirage.cell,
    justBash: justBash.cell,
    gnu,
    verdict: { goal: "< 10 ms", met: mirage.cell.ms === undefined ? false : mirage.cell.ms < 10 },
    notes: [
      "Mirage: `parseSync` only (no compile); just-bash: its exported `parse`",
      `first (cold) parse: Mirage ${formatMs(mirage.first)}, just-bash ${formatMs(justBash.first)}; median of the ${cfg.parseRuns} after it (the JIT still warming up): Mirage ${formatMs(mirage.warming)}, just-bash ${formatMs(justBash.warming)}`,
      "GNU: `bash -n script.sh` in a new process, so it includes bash's start-up (see the echo row)",
    ],
  }
}
