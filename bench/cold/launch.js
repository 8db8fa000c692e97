// Times whole processes for the cold-start row: `node launch.js RUNS CMD ARG...`
// starts CMD RUNS times, one after the other, and prints a JSON object with
// each run's wall milliseconds, its exit status and the first run's output.
// It is a small process of its own because starting a child from the bench
// (a process of a gigabyte by then) costs the child some 30 ms more: fork
// copies the parent's page tables.
import { spawnSync } from "node:child_process"

const [runs, cmd, ...args] = process.argv.slice(2)
const times = []
let first
for (let i = 0; i < Number(runs); i++) {
  const start = performance.now()
  const r = spawnSync(cmd, args, { stdio: ["ignore", "pipe", "pipe"], encoding: "latin1", timeout: 60_000 })
  times.push(performance.now() - start)
  first ??= { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, error: r.error?.message }
  if (r.status !== 0) break
}
process.stdout.write(JSON.stringify({ times, ...first }))
