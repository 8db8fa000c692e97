/**
 * The bash conformance suite run through Mirage: every case of
 * `test/spec/cases/*.sh` in a fresh workspace, compared with the stdout,
 * status and stderr texts that `confirm.ts` checked against real bash.
 */
import { describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { type SpecCase, loadCaseFiles, mismatches } from "./cases.ts"

const ENV = { HOME: "/work", LC_ALL: "C", TZ: "UTC", PATH: "/usr/bin:/bin" }

/** Extra time vitest allows past a case's own cap, so the abort can be reported as the failure. */
const GRACE_MS = 2_000

const runCase = async (c: SpecCase): Promise<void> => {
  const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
  try {
    await ws.fs.mkdir("/work", { recursive: true })
    const r = await ws.execute(c.script, {
      cwd: "/work",
      env: ENV,
      stdin: c.stdin,
      signal: AbortSignal.timeout(c.timeoutMs),
    })
    const problems = mismatches(c, { stdout: r.stdoutText, stderr: r.stderrText, status: r.exitCode })
    expect(problems, `script (${c.file}.sh:${c.line}):\n${c.script}`).toEqual([])
  } finally {
    await ws.close()
  }
}

for (const { file, cases } of loadCaseFiles()) {
  describe(file, () => {
    for (const c of cases) {
      if (c.skip !== undefined) it.skip(`${c.name} [skip: ${c.skip}]`, () => runCase(c))
      else it(c.name, () => runCase(c), c.timeoutMs + GRACE_MS)
    }
  })
}
