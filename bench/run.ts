/**
 * Mirage's benchmark suite: `npm run bench` (`-- --quick` for a smoke run,
 * `-- --full` for the real sizes, `-- --only PATTERN` for the rows whose
 * label matches, e.g. `npm run bench -- --quick --only 'sort|cold'`). Each workload runs side by side on Mirage,
 * just-bash and GNU bash + coreutils; the table is printed and written to
 * bench/RESULTS.md. Never part of `npm test`: timings gate nothing.
 *
 * Workloads and Mirage's targets:
 *   1. `cat big | grep foo | wc -l`, big on the RAM and on the Disk mount  within 3x of GNU
 *   2. grep -c, sed, awk, cut, tr, wc -l over one big file                  within 4x of GNU
 *   3. sort, sort -n -k2, sort | uniq -c | sort -rn | head                  within 3x of GNU
 *   4. find and grep -r over trees of small files                            within 3x of GNU
 *   5. warm `execute('echo hi')`                                             p50 < 50 µs, p99 < 1 ms
 *   6. cold start: new process, import, RAM workspace, `echo hi`             < 150 ms
 *   7. parse a 10 KB script                                                  < 10 ms
 *   8. cp of a big file, RAM → Disk and Disk → Disk                          within 2x of GNU
 *
 * The pieces: config.ts (sizes), data.ts and script.ts (inputs),
 * engines/ (one runner per engine), measure.ts (repetitions, medians),
 * memory.ts (RSS sampling), workloads.ts (rows 1-4 and 8), micro.ts
 * (rows 5-7), report.ts (table and RESULTS.md).
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import { fromArgs, selected } from "./config.ts"
import type { Config } from "./config.ts"
import { listFiles } from "./data.ts"
import type { Engine } from "./engines/Engine.ts"
import { GnuEngine } from "./engines/gnu.ts"
import { JustBashEngine } from "./engines/just-bash.ts"
import { MirageEngine } from "./engines/mirage.ts"
import { measureRow } from "./measure.ts"
import { RssSampler } from "./memory.ts"
import { coldRow, echoRow, parseRow } from "./micro.ts"
import type { Engines } from "./micro.ts"
import { formatMs, loadAverage, ratioVerdict, renderResults, renderTable, renderTargets } from "./report.ts"
import type { TableRow } from "./report.ts"
import { groups, OUT_DIR } from "./workloads.ts"
import type { Group } from "./workloads.ts"

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`)
}

/** Every file a group's data entries stand for (a directory entry stands for the files under it). */
const filesOf = (root: string, group: Group): Array<string> =>
  group.files.flatMap((file) => {
    const abs = path.join(root, file.rel)
    return fs.statSync(abs).isDirectory() ? listFiles(abs).map((rel) => `${file.rel}/${rel}`) : [file.rel]
  })

const runGroup = async (cfg: Config, root: string, group: Group, engines: Engines, sampler: RssSampler) => {
  const rows: Array<TableRow> = []
  const wanted = group.rows.filter((row) => selected(cfg, row.label, row.detail))
  if (wanted.length === 0) return rows
  log(`${group.name}: generating data`)
  for (const file of group.files) file.write(path.join(root, file.rel))
  const rels = filesOf(root, group)
  const all: ReadonlyArray<Engine> = [engines.gnu, engines.mirage, engines.justBash]
  for (const engine of all) await engine.load(rels)
  for (const row of wanted) {
    const gnu = await measureRow(engines.gnu, row, cfg)
    const mirage = await measureRow(engines.mirage, row, cfg, sampler)
    const justBash = await measureRow(engines.justBash, row, cfg, sampler)
    const tableRow: TableRow = {
      number: group.number,
      label: row.label,
      detail: row.detail,
      mirage,
      justBash,
      gnu,
      verdict: ratioVerdict(mirage, gnu, row.target, row.targetName),
      notes: [],
    }
    rows.push(tableRow)
    logRow(tableRow)
  }
  for (const engine of all) await engine.unload(rels)
  for (const file of group.files) fs.rmSync(path.join(root, file.rel), { recursive: true, force: true })
  return rows
}

const logRow = (row: TableRow): void => {
  const t = (cell: TableRow["mirage"]) => (cell.ms !== undefined ? formatMs(cell.ms) : (cell.failure ?? "?"))
  log(`  ${row.label} (${row.detail}): Mirage ${t(row.mirage)}, just-bash ${t(row.justBash)}, GNU ${t(row.gnu)}`)
}

const cfg = fromArgs(process.argv.slice(2))
const started = performance.now()
const loadAtStart = loadAverage()
const root = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-bench-"))
const removeRoot = () => fs.rmSync(root, { recursive: true, force: true })
process.once("SIGINT", () => {
  removeRoot()
  process.exit(130)
})
log(`${cfg.mode} sizes, data in ${root}`)

const rows: Array<TableRow> = []
const add = (row: TableRow): void => {
  rows.push(row)
  logRow(row)
}
const sampler = RssSampler.start()
const engines: Engines = {
  mirage: new MirageEngine(root),
  justBash: new JustBashEngine(root),
  gnu: new GnuEngine(root),
}
try {
  fs.mkdirSync(path.join(root, OUT_DIR))
  // The latency rows (5-7) run first, while the bench process is small: later its heap holds
  // hundreds of megabytes that every garbage collection in it has to deal with (just-bash runs
  // in a worker with a heap of its own), and a child it starts costs more to fork.
  if (selected(cfg, "echo hi (warm)", "")) {
    log("echo hi (warm)")
    add(await echoRow(cfg, engines, sampler))
  }
  if (selected(cfg, "cold start", "")) {
    log("cold start")
    add(await coldRow(cfg))
  }
  if (selected(cfg, "parse a 10 KB script", "")) {
    log("parse")
    add(await parseRow(cfg, root))
  }
  for (const group of groups(cfg)) {
    for (const row of await runGroup(cfg, root, group, engines, sampler)) rows.push(row)
  }
  // The table lists the rows in the order of the list above.
  rows.sort((a, b) => a.number - b.number)
} finally {
  await engines.justBash.close()
  await engines.mirage.close()
  await sampler.stop()
  removeRoot()
}

const totalMs = performance.now() - started
process.stdout.write(`\n${renderTable(rows)}\n\n${renderTargets(rows)}\n\n`)
if (cfg.only === undefined) {
  const resultsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "RESULTS.md")
  fs.writeFileSync(resultsFile, renderResults(cfg, rows, new Date(), totalMs, loadAtStart))
  log(`done in ${formatMs(totalMs)}; wrote ${path.relative(process.cwd(), resultsFile)}`)
} else log(`done in ${formatMs(totalMs)}; a subset (--only), so bench/RESULTS.md is left as it was`)
