import * as fs from "node:fs/promises"
import * as path from "node:path"
import { parentPort, workerData } from "node:worker_threads"
import { Bash, InMemoryFs, MountableFs, ReadWriteFs } from "just-bash"
import type { Request, Response } from "./just-bash.ts"

/**
 * just-bash in a worker thread, so that a run that takes too long can be
 * ended (a worker can be terminated; a promise on the main thread cannot).
 * The same layout as Mirage's: in-memory files at `/`, the bench temp dir
 * read-write at `/disk`.
 */

const port = parentPort
const root: unknown = workerData
if (port === null || typeof root !== "string")
  throw new Error("just-bash-worker: start it as a worker with the root dir")

// Size and count limits raised so that just-bash attempts every workload: its defaults refuse
// files over 10 MB on a ReadWriteFs, inputs of more than a million lines (grep), 100,000 records
// (awk, cut), and anything over 512 MiB. Depth limits stay as they are.
const BIG = Number.MAX_SAFE_INTEGER
const memory = new InMemoryFs()
const disk = new ReadWriteFs({ root, maxFileReadSize: BIG })
const bash = new Bash({
  fs: new MountableFs({ base: memory, mounts: [{ mountPoint: "/disk", filesystem: disk }] }),
  cwd: "/",
  executionLimits: {
    maxInputBytes: BIG,
    maxLiveBytes: BIG,
    maxOutputSize: BIG,
    maxFileSystemBytes: BIG,
    maxStringLength: 2 ** 29 - 24, // V8's longest string
    maxArrayElements: BIG,
    maxLoopIterations: BIG,
    maxAwkIterations: BIG,
    maxSedIterations: BIG,
    maxWorkUnits: BIG,
    maxTraversalEntries: BIG,
    maxTraversalWork: BIG,
    maxGlobOperations: BIG,
    maxCommandCount: BIG,
    maxExecutionTimeMs: BIG,
  },
})

const handle = async (req: Request): Promise<Response> => {
  switch (req.type) {
    case "load": {
      for (const rel of req.rels) {
        await memory.mkdir(path.posix.dirname(`/${rel}`), { recursive: true })
        await memory.writeFile(`/${rel}`, await fs.readFile(path.join(root, rel)))
      }
      return { type: "done" }
    }
    case "unload": {
      const tops = new Set(req.rels.map((rel) => rel.split("/").slice(0, 2).join("/")))
      for (const top of tops) await memory.rm(`/${top}`, { recursive: true, force: true })
      return { type: "done" }
    }
    case "run": {
      const start = performance.now()
      const r = await bash.exec(req.script)
      const ms = performance.now() - start
      return { type: "run", run: { ms, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr } }
    }
    case "echo": {
      const times: Array<number> = []
      for (let i = 0; i < req.n; i++) {
        const start = performance.now()
        await bash.exec("echo hi")
        times.push(performance.now() - start)
      }
      return { type: "echo", times }
    }
  }
}

port.on("message", (req: Request) => {
  handle(req).then(
    (res) => port.postMessage(res),
    (error: unknown) => port.postMessage({ type: "error", message: String(error).split("\n")[0] } satisfies Response),
  )
})
