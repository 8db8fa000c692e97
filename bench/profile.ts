/**
 * One workload, Mirage against GNU, side by side: for profiling and for
 * checking a change without the whole suite.
 *
 *   node bench/profile.ts [--reps N] [--mb N] [--files N] [--no-gnu] SCRIPT
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile.ts --no-gnu 'sort $SORT | tail -2'
 *
 * SCRIPT names its inputs with variables, generated as the suite generates
 * them (same seeds) and loaded into a RAM mount at `/` (a Disk mount of the
 * same files is at `/disk`):
 *   $TABLE, $SORT  `id<TAB>number<TAB>words` tables of --mb MB
 *   $WORDS         one word per line, Zipf frequencies, --mb MB
 *   $TREE          a tree of --files small files
 * and `$DTABLE`, `$DSORT`, `$DWORDS`, `$DTREE` for the same data on the Disk mount.
 * Runs alternate (Mirage, GNU, Mirage, ...) so that load on the machine hits both alike.
 */
import { spawnSync } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { MountMode, RAMResource, Workspace } from "../src/index.ts"
import { DiskResource } from "../src/node.ts"
import { listFiles, writeTable, writeTree, writeWords } from "./data.ts"
import { median } from "./measure.ts"

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name)
  if (i === -1) return fallback
  const value = Number(args[i + 1])
  args.splice(i, 2)
  return value
}
const reps = option("--reps", 3)
const mb = option("--mb", 20)
const files = option("--files", 2000)
const gnu = !args.includes("--no-gnu")
const script = args.filter((a) => a !== "--no-gnu").join(" ")
if (script === "") {
  process.stderr.write("usage: node bench/profile.ts [--reps N] [--mb N] [--files N] [--no-gnu] SCRIPT\n")
  process.exit(2)
}

const inputs: Record<string, { readonly rel: string; readonly write: (abs: string) => void }> = {
  TABLE: { rel: "table.txt", write: (f) => writeTable(f, mb * 1e6, 2) },
  SORT: { rel: "sort.txt", write: (f) => writeTable(f, mb * 1e6, 3) },
  WORDS: { rel: "words.txt", write: (f) => writeWords(f, mb * 1e6, 4) },
  TREE: { rel: "tree", write: (d) => writeTree(d, files, 6) },
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-profile-"))
try {
  const ws = new Workspace({ "/": new RAMResource(), "/disk": new DiskResource({ root }) }, { mode: MountMode.WRITE })
  let mirageScript = script
  let gnuScript = script
  for (const [name, input] of Object.entries(inputs)) {
    if (!script.includes(`$${name}`) && !script.includes(`$D${name}`)) continue
    const abs = path.join(root, input.rel)
    input.write(abs)
    const rels = fs.statSync(abs).isDirectory() ? listFiles(abs).map((r) => `${input.rel}/${r}`) : [input.rel]
    for (const rel of rels) {
      await ws.fs.mkdir(path.posix.dirname(`/${rel}`), { recursive: true })
      await ws.fs.writeFile(`/${rel}`, fs.readFileSync(path.join(root, rel)))
    }
    mirageScript = mirageScript.replaceAll(`$D${name}`, `/disk/${input.rel}`).replaceAll(`$${name}`, `/${input.rel}`)
    gnuScript = gnuScript.replaceAll(`$D${name}`, abs).replaceAll(`$${name}`, abs)
  }
  const mirage: Array<number> = []
  const native: Array<number> = []
  let mirageOutput = ""
  let gnuOutput = ""
  for (let i = 0; i < reps; i++) {
    const start = performance.now()
    const r = await ws.execute(mirageScript)
    mirage.push(performance.now() - start)
    if (i === 0) mirageOutput = r.stdoutText + r.stderrText
    if (gnu) {
      const t = performance.now()
      const g = spawnSync("bash", ["-c", gnuScript], { env: { ...process.env, LC_ALL: "C" }, encoding: "utf8" })
      native.push(performance.now() - t)
      if (i === 0) gnuOutput = g.stdout + g.stderr
    }
  }
  const ms = (t: ReadonlyArray<number>) => t.map((x) => x.toFixed(0)).join(" ")
  process.stdout.write(`Mirage: median ${median(mirage).toFixed(0)} ms (${ms(mirage)})\n`)
  if (gnu) {
    process.stdout.write(`GNU:    median ${median(native).toFixed(0)} ms (${ms(native)})\n`)
    process.stdout.write(`ratio ${(median(mirage) / median(native)).toFixed(2)}x\n`)
    if (mirageOutput !== gnuOutput) {
      process.stdout.write(
        `OUTPUTS DIFFER\n--- Mirage\n${mirageOutput.slice(0, 500)}\n--- GNU\n${gnuOutput.slice(0, 500)}\n`,
      )
    }
  } else process.stdout.write(mirageOutput.slice(0, 300))
  await ws.close()
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
