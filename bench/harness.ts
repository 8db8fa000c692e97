/**
 * An independent check of the pipeline and memory figures of issue 4, driving
 * the library only through its public API, as a user would:
 *
 *   const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
 *   await ws.fs.appendFile("/big.txt", chunk)        // 1 MB at a time
 *   await ws.execute("cat /big.txt | grep foo | wc -l")
 *
 * and the same pipeline through GNU bash + coreutils on a temp file with the
 * same bytes. Run it with `npm run bench:harness` (50 MB and 1 GB), or
 * `node --expose-gc bench/harness.ts --sizes 50MB,200MB --reps 3`.
 *
 * What is measured:
 * - wall time of `ws.execute(...)` (median of the runs), against the wall
 *   time of `bash -c '...'` (spawn to exit, so it includes starting bash);
 * - "Δ RSS": the peak resident set of this process while the pipeline runs,
 *   minus its resident set just before (after a GC), sampled every 10 ms by
 *   a separate thread. The input file is already in memory by then (the RAM
 *   mount holds it: 1 GB of file is 1 GB of RSS), so the figure is what the
 *   pipeline itself adds: its chunks in flight, buffers, garbage not yet
 *   collected. The target is under 64 MB whatever the input size;
 * - GNU's peak RSS is GNU time's maximum resident set of the bash process
 *   tree (the largest of cat, grep, wc and bash).
 *
 * The library is imported by its package name (`mirage-vfs`, the built
 * dist/: run `npm run build` first), or from src/ with `--src` or when there
 * is no build. The Disk rows read the same
 * temp file through a DiskResource (`mirage-vfs/node`).
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { tableChunks } from "./data.ts"
import { median } from "./measure.ts"
import { collectGarbage, RssSampler } from "./memory.ts"
import { spawnMeasured } from "./spawn.ts"

type Library = typeof import("../src/node.ts")

/**
 * The built package when there is one (its public entry point, by the
 * package's own name), else the sources; `--src` asks for the sources.
 */
const loadLibrary = async (sources: boolean): Promise<{ readonly lib: Library; readonly from: string }> => {
  // a specifier in a variable: the built package's types are the same API, from dist/'s declarations
  const specifier = sources ? "../src/node.ts" : "mirage-vfs/node"
  try {
    const lib: Library = await import(specifier)
    return { lib, from: sources ? "src/node.ts" : "mirage-vfs/node (dist/)" }
  } catch {
    const lib: Library = await import("../src/node.ts")
    return { lib, from: "src/node.ts (no build found)" }
  }
}

const MB = 1_000_000

const parseSize = (s: string): number => {
  const m = /^(\d+(?:\.\d+)?)\s*(MB|GB|KB)?$/i.exec(s.trim())
  if (m === null) throw new Error(`harness: bad size ${s} (use 50MB, 1GB)`)
  const unit = (m[2] ?? "MB").toUpperCase()
  return Number(m[1]) * (unit === "GB" ? 1000 * MB : unit === "KB" ? 1000 : MB)
}

const option = (args: Array<string>, name: string): string | undefined => {
  const i = args.indexOf(name)
  if (i === -1) return undefined
  const value = args[i + 1]
  args.splice(i, 2)
  return value
}

const args = process.argv.slice(2)
const sizes = (option(args, "--sizes") ?? "50MB,1GB").split(",").map(parseSize)
const reps = Number(option(args, "--reps") ?? "3")
const mounts = (option(args, "--mounts") ?? "ram,disk").split(",")
const sources = args.includes("--src")
if (sources) args.splice(args.indexOf("--src"), 1)
if (args.length > 0) throw new Error(`harness: unknown arguments ${args.join(" ")}`)

const SCRIPT = (file: string) => `cat ${file} | grep foo | wc -l`
const label = (bytes: number) => (bytes >= 1000 * MB ? `${bytes / (1000 * MB)} GB` : `${bytes / MB} MB`)
const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`)
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`

interface Row {
  readonly size: string
  readonly mount: string
  readonly mirageMs: number
  readonly mirageRss: number
  readonly gnuMs: number
  readonly gnuRss: number | undefined
  readonly same: boolean
}

const { lib, from } = await loadLibrary(sources)
const { Workspace, RAMResource, DiskResource, MountMode } = lib
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-harness-"))
const sampler = RssSampler.start()
const rows: Array<Row> = []
process.stderr.write(`harness: library from ${from}; temp dir ${dir}\n`)

try {
  for (const bytes of sizes) {
    const hostFile = path.join(dir, "big.txt")
    const ws = new Workspace(
      { "/": new RAMResource({ maxBytes: Infinity }), "/disk": new DiskResource({ root: dir }) },
      { mode: MountMode.WRITE },
    )
    process.stderr.write(`harness: writing ${label(bytes)} to the RAM mount and ${hostFile}\n`)
    const fd = fs.openSync(hostFile, "w")
    if (mounts.includes("ram")) await ws.fs.writeFile("/big.txt", "")
    for (const chunk of tableChunks(bytes, 1)) {
      fs.writeSync(fd, chunk)
      if (mounts.includes("ram")) await ws.fs.appendFile("/big.txt", chunk)
    }
    fs.closeSync(fd)

    const gnuTimes: Array<number> = []
    let gnuRss: number | undefined
    let gnuOut = ""
    for (let i = 0; i < reps; i++) {
      const outcome = await spawnMeasured("bash", ["-c", SCRIPT(hostFile)], {
        env: { ...process.env, LC_ALL: "C" },
        timeoutMs: 600_000,
        measureRss: true,
      })
      if (!outcome.ok) throw new Error(`harness: GNU run failed: ${outcome.reason}`)
      gnuTimes.push(outcome.run.ms)
      gnuOut = outcome.run.stdout
      if (outcome.run.maxRss !== undefined) gnuRss = Math.max(gnuRss ?? 0, outcome.run.maxRss)
    }

    for (const mount of mounts) {
      const file = mount === "ram" ? "/big.txt" : "/disk/big.txt"
      const times: Array<number> = []
      let out = ""
      collectGarbage()
      sampler.begin()
      for (let i = 0; i < reps; i++) {
        const start = performance.now()
        const r = await ws.execute(SCRIPT(file))
        times.push(performance.now() - start)
        out = r.stdoutText.trim()
      }
      const growth = sampler.end()
      rows.push({
        size: label(bytes),
        mount: mount === "ram" ? "RAM" : "Disk",
        mirageMs: median(times),
        mirageRss: growth,
        gnuMs: median(gnuTimes),
        gnuRss,
        same: out === gnuOut.trim(),
      })
      const row = rows[rows.length - 1]
      process.stderr.write(
        `harness: ${row.size} ${row.mount}: Mirage ${ms(row.mirageMs)} (Δ RSS ${mib(row.mirageRss)}), GNU ${ms(row.gnuMs)}${row.same ? "" : " (outputs differ!)"}\n`,
      )
    }
    await ws.close()
    fs.rmSync(hostFile)
  }
} finally {
  await sampler.stop()
  fs.rmSync(dir, { recursive: true, force: true })
}

const table = [
  "| input | mount | Mirage | GNU | Mirage/GNU | Mirage Δ RSS | GNU peak RSS | same output |",
  "|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (r) =>
      `| ${r.size} | ${r.mount} | ${ms(r.mirageMs)} | ${ms(r.gnuMs)} | ${(r.mirageMs / r.gnuMs).toFixed(2)}x | ${mib(r.mirageRss)} | ${r.gnuRss === undefined ? "?" : mib(r.gnuRss)} | ${r.same ? "yes" : "NO"} |`,
  ),
].join("\n")
process.stdout.write(
  `\n\`${SCRIPT("big.txt")}\`, median of ${reps} runs; Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}\n\n${table}\n\nTargets: within 3x of GNU, Δ RSS under 64 MiB whatever the size.\n`,
)
