import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as nodePath from "node:path"
import { Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DiskResource } from "../../src/resources/Disk.ts"
import { RAMResource } from "../../src/resources/RAM.ts"
import * as Path from "../../src/vfs/Path.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"
import { bytes, outcome, run, snapshot } from "../vfs/support.ts"

/**
 * Model-based test: random sequences of operations on a resource and on a
 * plain Map must give the same outcome at every step (success, or the same
 * error reason) and the same tree at the end. The model encodes POSIX
 * (Linux) semantics; running it against Disk checks the model itself against
 * the kernel, and running it against RAM checks RAM against both.
 */

type Entry = { readonly kind: "dir" } | { readonly kind: "file"; readonly text: string }
type Model = Map<string, Entry>

type Command =
  | { readonly op: "mkdir" | "mkdirp" | "remove" | "removeRecursive"; readonly path: string }
  | { readonly op: "write" | "append"; readonly path: string; readonly text: string }
  | { readonly op: "rename" | "copy"; readonly path: string; readonly to: string }

/** Thrown inside the model to name the failure reason. */
class Fail {
  readonly reason: string
  constructor(reason: string) {
    this.reason = reason
  }
}

/** Path resolution: every proper ancestor must be an existing directory, the first bad one decides. */
const checkAncestors = (model: Model, path: string): void => {
  const parts = Path.split(path)
  for (let i = 1; i < parts.length; i++) {
    const entry = model.get("/" + parts.slice(0, i).join("/"))
    if (entry === undefined) throw new Fail("NotFound")
    if (entry.kind !== "dir") throw new Fail("NotADirectory")
  }
}

const hasChildren = (model: Model, dir: string): boolean => {
  for (const key of model.keys()) if (key !== dir && Path.isWithin(dir, key)) return true
  return false
}

const strictlyWithin = (prefix: string, path: string): boolean => prefix !== path && Path.isWithin(prefix, path)

const writeModel = (model: Model, path: string, text: string, append: boolean): void => {
  checkAncestors(model, path)
  const entry = model.get(path)
  if (entry?.kind === "dir") throw new Fail("IsADirectory")
  model.set(path, { kind: "file", text: append && entry?.kind === "file" ? entry.text + text : text })
}

/** Apply a command to the model: "ok" or the reason, as Linux would give it. */
const applyModel = (model: Model, command: Command): string => {
  try {
    const { path } = command
    switch (command.op) {
      case "mkdir":
        checkAncestors(model, path)
        if (model.has(path)) throw new Fail("AlreadyExists")
        model.set(path, { kind: "dir" })
        break
      case "mkdirp": {
        const existing = model.get(path)
        if (existing !== undefined) {
          if (existing.kind !== "dir") throw new Fail("AlreadyExists")
          break
        }
        const parts = Path.split(path)
        for (let i = 1; i < parts.length; i++)
          if (model.get("/" + parts.slice(0, i).join("/"))?.kind === "file") throw new Fail("NotADirectory")
        for (let i = 1; i <= parts.length; i++) model.set("/" + parts.slice(0, i).join("/"), { kind: "dir" })
        break
      }
      case "write":
      case "append":
        writeModel(model, path, command.text, command.op === "append")
        break
      case "remove": {
        checkAncestors(model, path)
        const entry = model.get(path)
        if (entry === undefined) throw new Fail("NotFound")
        if (entry.kind === "dir" && hasChildren(model, path)) throw new Fail("NotEmpty")
        model.delete(path)
        break
      }
      case "removeRecursive":
        checkAncestors(model, path)
        if (!model.has(path)) throw new Fail("NotFound")
        for (const key of model.keys()) if (Path.isWithin(path, key)) model.delete(key)
        break
      case "rename": {
        const { to } = command
        checkAncestors(model, path)
        checkAncestors(model, to)
        const source = model.get(path)
        if (source === undefined) throw new Fail("NotFound")
        if (source.kind === "dir" && strictlyWithin(path, to)) throw new Fail("Backend")
        const target = model.get(to)
        if (path === to) break
        if (target !== undefined) {
          if (strictlyWithin(to, path)) throw new Fail("NotEmpty")
          if (source.kind === "dir" && target.kind !== "dir") throw new Fail("NotADirectory")
          if (source.kind !== "dir" && target.kind === "dir") throw new Fail("IsADirectory")
          if (target.kind === "dir" && hasChildren(model, to)) throw new Fail("NotEmpty")
        }
        const moved = [...model].filter(([key]) => Path.isWithin(path, key))
        for (const [key] of moved) model.delete(key)
        model.delete(to)
        for (const [key, entry] of moved) model.set(to + key.slice(path.length), entry)
        break
      }
      case "copy": {
        checkAncestors(model, path)
        const source = model.get(path)
        if (source === undefined) throw new Fail("NotFound")
        if (source.kind === "dir") throw new Fail("IsADirectory")
        writeModel(model, command.to, source.text, false)
        break
      }
    }
    return "ok"
  } catch (error) {
    if (error instanceof Fail) return error.reason
    throw error
  }
}

const applyResource = (resource: Resource, command: Command): Effect.Effect<unknown, VfsError> => {
  switch (command.op) {
    case "mkdir":
      return resource.mkdir(command.path)
    case "mkdirp":
      return resource.mkdirp(command.path)
    case "remove":
      return resource.remove(command.path)
    case "removeRecursive":
      return resource.removeRecursive(command.path)
    case "write":
      return resource.writeFile(command.path, bytes(command.text))
    case "append":
      return resource.writeFile(command.path, bytes(command.text), { append: true })
    case "rename":
      return resource.rename(command.path, command.to)
    case "copy":
      return resource.copyFile(command.path, command.to)
  }
}

const modelTree = (model: Model): Record<string, string> =>
  Object.fromEntries([...model].map(([key, entry]) => [key, entry.kind === "dir" ? "dir" : entry.text]))

// A small universe of paths, so that operations collide often.
const pathArb = fc
  .array(fc.constantFrom("a", "b", "c"), { minLength: 1, maxLength: 3 })
  .map((parts) => "/" + parts.join("/"))
const textArb = fc.string({ maxLength: 6 })
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constantFrom("mkdir", "mkdirp", "remove", "removeRecursive"), path: pathArb }),
  fc.record({ op: fc.constantFrom("write", "append"), path: pathArb, text: textArb }),
  fc.record({ op: fc.constantFrom("rename", "copy"), path: pathArb, to: pathArb }),
)
const commandsArb = fc.array(commandArb, { minLength: 1, maxLength: 25 })

const check = async (resource: Resource, commands: ReadonlyArray<Command>): Promise<void> => {
  const model: Model = new Map()
  for (const [i, command] of commands.entries()) {
    const want = applyModel(model, command)
    const got = await outcome(applyResource(resource, command))
    expect({ step: i, command, got }).toEqual({ step: i, command, got: want })
  }
  expect(await run(snapshot(resource))).toEqual(modelTree(model))
}

describe("resources against the model", () => {
  it("RAM behaves as the model", async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb, (commands) => check(new RAMResource(), commands)),
      { numRuns: 400 },
    )
  })

  it("Disk behaves as the model", async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb, async (commands) => {
        const root = await fs.mkdtemp(nodePath.join(os.tmpdir(), "mirage-model-"))
        try {
          await check(new DiskResource({ root }), commands)
        } finally {
          await fs.rm(root, { recursive: true, force: true })
        }
      }),
      { numRuns: 120 },
    )
  })

  it("the model is strict enough to tell a wrong resource apart", async () => {
    // A resource whose remove ignores non-empty directories must be caught.
    const lax = (): Resource => {
      const ram = new RAMResource()
      return { ...ram, remove: (path) => ram.removeRecursive(path) }
    }
    const result = await fc.check(
      fc.asyncProperty(commandsArb, (commands) => check(lax(), commands)),
      { numRuns: 400 },
    )
    expect(result.failed).toBe(true)
  })
})
