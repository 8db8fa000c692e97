import fc from "fast-check"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { DiskResource, MountMode, RAMResource, Workspace } from "../../src/node.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import { backends as remoteBackends } from "../support/backends.ts"

/**
 * The same script gives the same bytes, statuses and error lines on every
 * writable backend: RAM (the model), Disk (the kernel), and the remote stores
 * the support module can start here (Redis, S3). Scripts are built from the
 * operations an agent uses on files, over a small shared set of names so
 * that they collide: overwrite, append, copy, move, remove, list, search.
 */

const names = ["a", "b", "d/c", "d/e/f", "g.txt"]
const dirs = ["d", "d/e", "h"]
const texts = ["alpha\n", "beta gamma\n", "", "x\ny\nz\n", "no newline", "héllo wörld\n", "alpha\nalpha\nbeta\n"]

const quoted = (text: string) => `'${text.replaceAll("'", "'\\''")}'`

const step: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...names)).map(([t, n]) => `printf %s ${quoted(t)} > ${n}`),
  fc.tuple(fc.constantFrom(...texts), fc.constantFrom(...names)).map(([t, n]) => `printf %s ${quoted(t)} >> ${n}`),
  fc.constantFrom(...dirs).map((d) => `mkdir -p ${d}`),
  fc.constantFrom(...dirs).map((d) => `mkdir ${d}`),
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names)).map(([a, b]) => `cp ${a} ${b}`),
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names, ...dirs)).map(([a, b]) => `mv ${a} ${b}`),
  fc.constantFrom(...names).map((n) => `rm ${n}`),
  fc.constantFrom(...dirs).map((d) => `rm -r ${d}`),
  fc.constantFrom(...dirs).map((d) => `rmdir ${d}`),
  fc.constantFrom(...names).map((n) => `cat ${n}`),
  fc.constantFrom(...names).map((n) => `wc -lc ${n}`),
  fc.constantFrom(...names).map((n) => `sort ${n} | uniq -c`),
  fc.constantFrom(...names).map((n) => `head -c 7 ${n}; echo`),
  fc.constantFrom(...names).map((n) => `tail -n 1 ${n}`),
  fc.constantFrom(...names).map((n) => `test -f ${n} && echo file || echo nofile`),
  fc.constantFrom(...dirs).map((d) => `test -d ${d} && echo dir || echo nodir`),
  fc.constant("ls -R . | sort"),
  fc.constant("find . | sort"),
  fc.constant("find . -type f -size -5c | sort"),
  fc.constant("grep -rn alpha . | sort"),
  fc.constant("du -ab . | sort -k2"),
  fc.constant("tar -cf - . 2>&1 | tar -tf - | sort"),
  fc.constantFrom(...names).map((n) => `sed -i s/a/A/g ${n}`),
  fc.constantFrom(...names).map((n) => `md5sum ${n}`),
)

const script = fc.array(step, { minLength: 1, maxLength: 12 }).map((steps) => steps.join("\n"))

interface Backend {
  readonly name: string
  readonly fresh: () => Promise<{ readonly resource: Resource; readonly cleanup: () => Promise<void> }>
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-same-bytes-"))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))
let serial = 0

const local: ReadonlyArray<Backend> = [
  { name: "RAM", fresh: async () => ({ resource: new RAMResource(), cleanup: async () => {} }) },
  {
    name: "Disk",
    fresh: async () => {
      const root = path.join(scratch, String(serial++))
      fs.mkdirSync(root)
      return { resource: new DiskResource({ root }), cleanup: async () => fs.rmSync(root, { recursive: true }) }
    },
  },
]

/** Run a script in a fresh workspace on one backend; stdout, stderr and status, with `set -v`-like step markers. */
const runOn = async (backend: Backend, text: string) => {
  const { resource, cleanup } = await backend.fresh()
  const ws = new Workspace({ "/m": resource }, { mode: MountMode.WRITE, cwd: "/m" })
  try {
    const r = await ws.execute(text)
    return { stdout: r.stdoutText, stderr: r.stderrText, status: r.exitCode }
  } finally {
    await ws.close()
    await cleanup()
  }
}

describe("the same script gives the same bytes on every backend", async () => {
  const remotes = await remoteBackends()
  const all = [...local, ...remotes.available]
  for (const skipped of remotes.skipped) console.log(`skipped backend in same-bytes: ${skipped}`)
  afterAll(() => remotes.stop())

  it(`on ${all.map((b) => b.name).join(", ")}`, async () => {
    await fc.assert(
      fc.asyncProperty(script, async (text) => {
        const [model, ...others] = await Promise.all(all.map((b) => runOn(b, text)))
        for (const [i, other] of others.entries()) expect(other, `${all[i + 1].name}:\n${text}`).toEqual(model)
      }),
      { numRuns: 60 },
    )
  })
})
