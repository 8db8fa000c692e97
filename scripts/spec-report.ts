/**
 * Runs the conformance cases through Mirage and prints each failure briefly:
 * `node scripts/spec-report.ts [file-filter] [--verbose]`. For developers; the
 * test suite itself is test/spec/spec.test.ts.
 */
import { MountMode, RAMResource, Workspace } from "../src/index.ts"
import { loadCaseFiles, mismatches } from "../test/spec/cases.ts"

const filter = process.argv[2] ?? ""
const verbose = process.argv.includes("--verbose")
let passed = 0
let failed = 0
for (const { file, cases } of loadCaseFiles()) {
  if (!file.includes(filter)) continue
  for (const c of cases) {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await ws.fs.mkdir("/work", { recursive: true })
    const r = await ws.execute(c.script, {
      cwd: "/work",
      env: { HOME: "/work", LC_ALL: "C", TZ: "UTC", PATH: "/usr/bin:/bin" },
      stdin: c.stdin,
      signal: AbortSignal.timeout(c.timeoutMs),
    })
    const problems = mismatches(c, { stdout: r.stdoutText, stderr: r.stderrText, status: r.exitCode })
    if (problems.length === 0) passed++
    else {
      failed++
      console.log(`--- ${file}:${c.line} ${c.name}`)
      if (verbose) console.log(c.script)
      console.log(problems.join("\n").slice(0, 600))
    }
  }
}
console.log(`${passed} passed, ${failed} failed`)
