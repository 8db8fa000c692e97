import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as nodePath from "node:path"
import { expect } from "vitest"
import { type ExecuteResult, MountMode, RAMResource, Workspace, type WorkspaceOptions } from "../../src/index.ts"

/** Shared by the security tests: fresh workspaces and the checks every result must pass. */

/** A writable RAM workspace at `/`. */
export const ramWorkspace = (options: WorkspaceOptions = {}): Workspace =>
  new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE, ...options })

/** A fresh host directory, removed by the returned function. */
export const tempDir = async (): Promise<{ readonly path: string; readonly remove: () => Promise<void> }> => {
  const path = await fs.mkdtemp(nodePath.join(os.tmpdir(), "mirage-sec-"))
  return { path, remove: () => fs.rm(path, { recursive: true, force: true }) }
}

/** A JavaScript stack frame line, or a JavaScript error name leaking into a message. */
const STACK_FRAME = /^\s+at .*\(.*:\d+:\d+\)/m
const JS_ERROR = /\b(?:Type|Range|Reference|Syntax|Internal|Aggregate|Eval|URI)?Error: /

/** A result a user may see: a status in 0..255 and no JavaScript internals in stderr. */
export const expectClean = (r: ExecuteResult): void => {
  expect(Number.isInteger(r.exitCode) && r.exitCode >= 0 && r.exitCode < 256).toBe(true)
  expect(r.stderrText).not.toMatch(STACK_FRAME)
  expect(r.stderrText).not.toMatch(JS_ERROR)
  expect(r.stderrText).not.toContain("internal error")
}

/** Milliseconds an async function takes, with its result. */
export const timed = async <A>(f: () => Promise<A>): Promise<{ readonly value: A; readonly ms: number }> => {
  const start = performance.now()
  const value = await f()
  return { value, ms: performance.now() - start }
}

/** Wait `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
