import { execFileSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { fileURLToPath } from "node:url"
import type { Config } from "./config.ts"
import { formatBytes } from "./config.ts"
import type { Cell } from "./measure.ts"

/**
 * The results table and `bench/RESULTS.md`: one row per workload with the
 * three engines' median times, the ratios, memory, whether the outputs
 * agree, and whether Mirage meets its target.
 */

/** Whether Mirage meets a row's goal; `met` is undefined when there was nothing to judge. */
export interface Verdict {
  readonly goal: string
  readonly met: boolean | undefined
}

/** One line of the table. */
export interface TableRow {
  /** The workload's number in the list at the top of run.ts. */
  readonly number: number
  readonly label: string
  readonly detail: string
  readonly mirage: Cell
  readonly justBash: Cell
  readonly gnu: Cell
  readonly verdict: Verdict
  readonly notes: ReadonlyArray<string>
}

/** 12 µs, 3.4 ms, 250 ms, 1.25 s. */
export const formatMs = (ms: number): string =>
  ms < 1
    ? `${(ms * 1000).toFixed(ms < 0.01 ? 1 : 0)} µs`
    : ms < 10
      ? `${ms.toFixed(2)} ms`
      : ms < 1000
        ? `${ms.toFixed(0)} ms`
        : `${(ms / 1000).toFixed(2)} s`

/** Bytes as MiB, for memory. */
export const formatMiB = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`

/** Mirage's time against a reference, or a dash when either is missing. */
const ratio = (a: Cell, b: Cell): string => {
  if (a.ms === undefined || b.ms === undefined || b.ms === 0) return "–"
  const r = a.ms / b.ms
  return r < 0.01 ? "<0.01x" : `${r.toFixed(r < 10 ? 2 : 0)}x`
}

/** Mirage within `max` times GNU. */
export const ratioVerdict = (mirage: Cell, gnu: Cell, max: number, name: string): Verdict => ({
  goal: name,
  met: mirage.ms === undefined ? false : gnu.ms === undefined ? undefined : mirage.ms / gnu.ms <= max,
})

const timeCell = (cell: Cell): string =>
  cell.ms !== undefined
    ? formatMs(cell.ms) + (cell.failure !== undefined ? " ⚠" : "")
    : cell.failure?.startsWith("timeout")
      ? "timeout"
      : "failed"

const squash = (text: string): string => text.replace(/\s+/g, " ").trim()

const show = (text: string): string => {
  const oneLine = JSON.stringify(text.length > 80 ? text.slice(0, 77) + "..." : text)
  return "`" + oneLine.replaceAll("`", "'") + "`"
}

/** Notes for failures and for outputs that differ from GNU's (the reference). */
const problems = (row: TableRow): Array<string> => {
  const notes: Array<string> = []
  const engines: ReadonlyArray<readonly [string, Cell]> = [
    ["Mirage", row.mirage],
    ["just-bash", row.justBash],
    ["GNU", row.gnu],
  ]
  for (const [name, cell] of engines) {
    if (cell.failure !== undefined) {
      notes.push(`${name}: ${cell.failure}${cell.ms !== undefined ? ` (after ${cell.runs} good run(s))` : ""}`)
    }
  }
  const reference = row.gnu.output
  if (reference === undefined) return notes
  for (const [name, cell] of engines.slice(0, 2)) {
    if (cell.output === undefined || cell.output === reference) continue
    notes.push(
      squash(cell.output) === squash(reference)
        ? `⚠ ${name} output differs from GNU in spacing only: ${show(cell.output)} vs ${show(reference)}`
        : `⚠ ${name} output differs from GNU: ${show(cell.output)} vs ${show(reference)}`,
    )
  }
  return notes
}

const mark = (verdict: Verdict): string => (verdict.met === undefined ? "?" : verdict.met ? "✓" : "✗")

/** The table in Markdown, with numbered notes under it. */
export const renderTable = (rows: ReadonlyArray<TableRow>): string => {
  const header = [
    "#",
    "workload",
    "size",
    "Mirage",
    "just-bash",
    "GNU",
    "Mirage/GNU",
    "Mirage/just-bash",
    "Mirage ΔRSS",
    "just-bash ΔRSS",
    "GNU peak RSS",
    "runs M/jb/GNU",
    "target",
    "notes",
  ]
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`]
  const footnotes: Array<string> = []
  for (const row of rows) {
    const notes = [...problems(row), ...row.notes]
    const refs: Array<string> = []
    for (const note of notes) {
      footnotes.push(note)
      refs.push(`[${footnotes.length}]`)
    }
    const warn = notes.some((n) => n.startsWith("⚠")) ? "⚠ outputs differ " : ""
    const rss = (n: number | undefined) => (n === undefined ? "–" : formatMiB(n))
    const cells = [
      String(row.number),
      "`" + row.label.replaceAll("|", "\\|") + "`",
      row.detail,
      timeCell(row.mirage),
      timeCell(row.justBash),
      timeCell(row.gnu),
      ratio(row.mirage, row.gnu),
      ratio(row.mirage, row.justBash),
      rss(row.mirage.rssGrowth),
      rss(row.justBash.rssGrowth),
      rss(row.gnu.maxRss),
      `${row.mirage.runs}/${row.justBash.runs}/${row.gnu.runs}`,
      `${mark(row.verdict)} ${row.verdict.goal}`,
      warn + refs.join(" "),
    ]
    lines.push(`| ${cells.join(" | ")} |`)
  }
  lines.push("", ...footnotes.map((note, i) => `${i + 1}. ${note}`))
  return lines.join("\n")
}

/** The targets met and missed, one line each. */
export const renderTargets = (rows: ReadonlyArray<TableRow>): string => {
  const line = (row: TableRow) =>
    `- ${mark(row.verdict)} ${row.number}. \`${row.label}\` (${row.detail}): ${row.verdict.goal}`
  const met = rows.filter((r) => r.verdict.met === true)
  const missed = rows.filter((r) => r.verdict.met === false)
  const unknown = rows.filter((r) => r.verdict.met === undefined)
  return [
    `Met: ${met.length}, missed: ${missed.length}${unknown.length > 0 ? `, not judged: ${unknown.length}` : ""}`,
    "",
    ...[...met, ...missed, ...unknown].map(line),
  ].join("\n")
}

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)))

const firstLineOf = (cmd: string, args: ReadonlyArray<string>): string => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .split("\n")[0]
      .trim()
  } catch {
    return "unknown"
  }
}

const packageVersion = (file: string): string => {
  const json: unknown = JSON.parse(fs.readFileSync(file, "utf8"))
  return typeof json === "object" && json !== null && "version" in json && typeof json.version === "string"
    ? json.version
    : "unknown"
}

/** The 1-minute load average, rounded: other work on the machine slows every engine down. */
export const loadAverage = (): string => os.loadavg()[0].toFixed(2)

/** The machine and the versions of everything measured; `loadAtStart` is `loadAverage()` when the run began. */
export const environment = (loadAtStart: string): ReadonlyArray<readonly [string, string]> => {
  const commit = firstLineOf("git", ["-C", repo, "rev-parse", "--short", "HEAD"])
  const dirty = firstLineOf("git", ["-C", repo, "status", "--porcelain", "--untracked-files=no"]) !== ""
  return [
    ["CPU", `${os.cpus()[0]?.model ?? "unknown"}, ${os.availableParallelism()} cores`],
    ["RAM", `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ["OS", `${os.type()} ${os.release()} (${os.arch()})`],
    ["load average (1 min)", `${loadAtStart} at the start, ${loadAverage()} at the end`],
    ["Node", process.version],
    ["bash", firstLineOf("bash", ["--version"])],
    ["coreutils", firstLineOf("sort", ["--version"])],
    ["grep, sed, awk, find", ["grep", "sed", "awk", "find"].map((c) => firstLineOf(c, ["--version"])).join("; ")],
    ["just-bash", packageVersion(path.join(repo, "node_modules", "just-bash", "package.json"))],
    [
      "mirage-vfs",
      `${packageVersion(path.join(repo, "package.json"))} (commit ${commit}${dirty ? ", with uncommitted changes" : ""})`,
    ],
  ]
}

/** The sizes of this mode, as the report lists them. */
const sizes = (cfg: Config): string =>
  [
    `pipeline input ${formatBytes(cfg.pipelineBytes)}`,
    `single commands ${formatBytes(cfg.singleBytes)}`,
    `sort ${formatBytes(cfg.sortBytes)}`,
    `find over ${cfg.findFiles.toLocaleString("en-US")} files`,
    `grep -r over ${cfg.grepFiles.toLocaleString("en-US")} files`,
    `cp ${formatBytes(cfg.cpBytes)}`,
    `${cfg.echoCalls.toLocaleString("en-US")} echo calls`,
    `up to ${cfg.reps} timed runs per row and engine (fewer once an engine has spent ${cfg.rowBudgetMs / 1000} s on the row)`,
    `timeout ${cfg.timeoutMs / 1000} s`,
  ].join("; ")

const METHOD = `- One process runs everything. Mirage runs in it through its public API (\`Workspace\`, a
  \`RAMResource\` at \`/\` and a \`DiskResource\` over the temp dir at \`/disk\`); just-bash runs in a
  worker thread of it (so a run past the timeout can be ended) with an \`InMemoryFs\` at \`/\` and a
  \`ReadWriteFs\` over the same temp dir at \`/disk\`, its size limits raised so that it attempts every
  workload; GNU bash runs as \`bash -c SCRIPT\` with \`LC_ALL=C\` under \`/usr/bin/time -f %M\`.
- "RAM" rows read files loaded into Mirage's RAM mount and just-bash's in-memory filesystem; GNU has
  no RAM mount and reads the file in the temp dir, which is in the page cache by then.
- Times are wall-clock medians of the runs counted in "runs" (spawn to exit for GNU, so its times
  include starting bash). Outputs that would be large are counted with \`wc -c\` or cut with
  \`tail\`/\`head\`; the first run's output of Mirage and just-bash is compared with GNU's.
- "ΔRSS" is the peak growth of the bench process's RSS (sampled every 10 ms by a separate thread,
  after a GC) while that engine ran the row; "GNU peak RSS" is GNU time's maximum resident set of the
  bash process tree.
- Data is generated from fixed seeds into \`os.tmpdir()/mirage-bench-*\`, which is removed at the end.`

/** The whole of bench/RESULTS.md. */
export const renderResults = (
  cfg: Config,
  rows: ReadonlyArray<TableRow>,
  date: Date,
  totalMs: number,
  loadAtStart: string,
): string =>
  [
    "# Mirage benchmarks",
    "",
    `Written by \`npm run bench${cfg.mode === "default" ? "" : ` -- --${cfg.mode}`}\` on ${date.toISOString()}` +
      ` (${cfg.mode} sizes; the run took ${formatMs(totalMs)}).`,
    "",
    "## Machine and versions",
    "",
    ...environment(loadAtStart).map(([k, v]) => `- ${k}: ${v}`),
    "",
    "## Sizes",
    "",
    sizes(cfg) + ".",
    "",
    "## Results",
    "",
    renderTable(rows),
    "",
    "## Targets",
    "",
    renderTargets(rows),
    "",
    "## How it is measured",
    "",
    METHOD,
    "",
  ].join("\n")
