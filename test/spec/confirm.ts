/**
 * Confirm mode: runs every conformance case through real GNU bash and
 * coreutils and reports each case whose stdout, status or stderr departs from
 * what the case file expects, so no expectation is guessed.
 *
 *   npm run test:confirm            # every case
 *   npm run test:confirm -- quoting # cases whose "file/name" contains "quoting"
 *   MIRAGE_SPEC_BASH=/opt/bash-5.3/bin/bash npm run test:confirm  # another bash
 *
 * Exit status: 0 when every case agrees, 1 when one differs, 0 with a notice
 * when bash is absent.
 */
import { spawn, spawnSync } from "node:child_process"
import { mkdtempSync, realpathSync, rmSync } from "node:fs"
import { availableParallelism, tmpdir } from "node:os"
import { join } from "node:path"
import { type CaseOutcome, type SpecCase, loadCaseFiles, mismatches } from "./cases.ts"

/** The same PATH the vitest runner gives Mirage. */
const PATH = "/usr/bin:/bin"

/** Where the Mirage runner works; the temp dir's path is shown as this in outputs. */
const WORK = "/work"

const BASH = process.env.MIRAGE_SPEC_BASH ?? "bash"

const bashAvailable = (): boolean => {
  const r = spawnSync(BASH, ["-c", "exit 0"], { env: { PATH }, stdio: "ignore" })
  return r.error === undefined && r.status === 0
}

const runInBash = (c: SpecCase): Promise<CaseOutcome & { readonly timedOut: boolean }> =>
  new Promise((resolve, reject) => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "mirage-spec-")))
    const child = spawn(BASH, ["-c", c.script], {
      cwd: dir,
      env: { PATH, HOME: dir, LC_ALL: "C", TZ: "UTC" },
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group, so a timeout ends the pipeline's children too.
      detached: true,
    })
    const out: Array<Buffer> = []
    const err: Array<Buffer> = []
    child.stdout.on("data", (b: Buffer) => out.push(b))
    child.stderr.on("data", (b: Buffer) => err.push(b))
    // A case that never reads stdin closes the pipe early; that is not an error.
    child.stdin.on("error", () => {})
    child.stdin.end(c.stdin)
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL")
    }, c.timeoutMs)
    child.on("error", (e) => {
      clearTimeout(timer)
      reject(e)
    })
    child.on("close", (code, signal) => {
      clearTimeout(timer)
      rmSync(dir, { recursive: true, force: true })
      const normalize = (chunks: Array<Buffer>) => Buffer.concat(chunks).toString("utf8").replaceAll(dir, WORK)
      resolve({
        stdout: normalize(out),
        stderr: normalize(err),
        status: code ?? 128 + (signal === null ? 0 : signalNumber(signal)),
        timedOut,
      })
    })
  })

const signalNumber = (signal: NodeJS.Signals): number => {
  const numbers: Partial<Record<NodeJS.Signals, number>> = {
    SIGHUP: 1,
    SIGINT: 2,
    SIGKILL: 9,
    SIGPIPE: 13,
    SIGTERM: 15,
  }
  return numbers[signal] ?? 0
}

const main = async (): Promise<number> => {
  if (!bashAvailable()) {
    console.log(`confirm: ${BASH} not found (PATH=${PATH}); skipping the conformance confirmation`)
    return 0
  }
  const filter = process.argv[2] ?? ""
  const cases = loadCaseFiles()
    .flatMap((f) => f.cases)
    .filter((c) => `${c.file}/${c.name}`.includes(filter))
  const failures: Array<{ readonly index: number; readonly report: string }> = []
  let next = 0
  const worker = async () => {
    while (next < cases.length) {
      const index = next++
      const c = cases[index]
      const result = await runInBash(c)
      const problems = mismatches(c, result)
      if (result.timedOut) problems.unshift(`timed out after ${c.timeoutMs} ms`)
      if (problems.length > 0) {
        const script = c.script.replace(/^/gm, "    ").trimEnd()
        failures.push({ index, report: `FAIL ${c.file}.sh:${c.line} ${c.name}\n${script}\n  ${problems.join("\n  ")}` })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker))
  failures.sort((a, b) => a.index - b.index)
  for (const f of failures) console.log(f.report + "\n")
  console.log(`${cases.length - failures.length} passed, ${failures.length} failed`)
  return failures.length === 0 ? 0 : 1
}

process.exitCode = await main()
