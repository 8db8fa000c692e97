import { Effect, Stream } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { RAMResource } from "../../src/resources/RAM.ts"
import { make } from "../../src/resources/S3.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"
import { credentials, type S3Double, startS3Double } from "../support/s3-double.ts"
import { bytes, run, snapshot, text } from "../vfs/support.ts"

/**
 * S3 against RAM, the model resource: random sequences of operations give
 * the same outcome at every step (success, or the same error reason), the
 * same bytes for every read, and the same tree at the end. The S3 side is
 * the real SDK over HTTP against the in-memory double, so the keys, markers,
 * listings and conditional writes all take part.
 */

type Command =
  | { readonly op: "mkdir" | "mkdirp" | "remove" | "removeRecursive" | "list" | "stat"; readonly path: string }
  | { readonly op: "write" | "append" | "exclusive"; readonly path: string; readonly text: string }
  | { readonly op: "rename" | "copy"; readonly path: string; readonly to: string }
  | { readonly op: "truncate"; readonly path: string; readonly size: number }
  | { readonly op: "read"; readonly path: string; readonly start: number; readonly end: number | undefined }

const apply = (resource: Resource, command: Command): Effect.Effect<string, VfsError> => {
  switch (command.op) {
    case "mkdir":
      return Effect.as(resource.mkdir(command.path), "")
    case "mkdirp":
      return Effect.as(resource.mkdirp(command.path), "")
    case "remove":
      return Effect.as(resource.remove(command.path), "")
    case "removeRecursive":
      return Effect.as(resource.removeRecursive(command.path), "")
    case "list":
      return Effect.map(resource.list(command.path), (entries) =>
        entries
          .map((e) => `${e.name}:${e.type}`)
          .sort()
          .join(","),
      )
    case "stat":
      return Effect.map(resource.stat(command.path), (st) => `${st.type}:${st.type === "file" ? st.size : ""}`)
    case "write":
      return Effect.as(resource.writeFile(command.path, bytes(command.text)), "")
    case "append":
      return Effect.as(resource.writeFile(command.path, bytes(command.text), { append: true }), "")
    case "exclusive":
      return Effect.as(resource.writeFile(command.path, bytes(command.text), { exclusive: true }), "")
    case "rename":
      return Effect.as(resource.rename(command.path, command.to), "")
    case "copy":
      return Effect.as(resource.copyFile(command.path, command.to), "")
    case "truncate":
      return Effect.as(resource.truncate(command.path, command.size), "")
    case "read":
      return Effect.map(
        Stream.runCollect(resource.read(command.path, { start: command.start, end: command.end })),
        (chunks) => text(Buffer.concat(chunks)),
      )
  }
}

/** "ok:<value>" or the error reason. */
const observe = (resource: Resource, command: Command): Promise<string> =>
  run(
    apply(resource, command).pipe(
      Effect.map((value) => `ok:${value}`),
      Effect.catch((error) => Effect.succeed(error.reason)),
    ),
  )

// A small universe of paths, so that operations collide often.
const pathArb = fc
  .array(fc.constantFrom("a", "b"), { minLength: 1, maxLength: 3 })
  .map((parts) => "/" + parts.join("/"))
const anyPath = fc.oneof({ weight: 9, arbitrary: pathArb }, { weight: 1, arbitrary: fc.constant("/") })
const textArb = fc.string({ maxLength: 6 })
// Weighted so that trees get built before they are removed, renamed and read.
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom("mkdir", "mkdirp"), path: pathArb }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constantFrom("write", "append"), path: pathArb, text: textArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("exclusive"), path: pathArb, text: textArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom("remove", "removeRecursive"), path: anyPath }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom("list", "stat"), path: anyPath }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constantFrom("rename", "copy"), path: pathArb, to: pathArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("truncate"), path: pathArb, size: fc.nat(8) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("read"),
      path: pathArb,
      start: fc.nat(8),
      end: fc.option(fc.nat(10), { nil: undefined }),
    }),
  },
)

let double: S3Double
let serial = 0
beforeAll(async () => {
  double = await startS3Double()
})
afterAll(async () => {
  await double?.stop()
})

/** Run commands on a fresh S3 resource (wrapped by `adapt`) and on RAM, step by step. */
const check = async (commands: ReadonlyArray<Command>, adapt: (s3: Resource) => Resource = (s3) => s3) => {
  const bucket = `m${serial++}`
  double.createBucket(bucket)
  const raw = make({ bucket, prefix: "root", endpoint: double.endpoint, credentials, cache: false })
  const s3 = adapt(raw)
  const ram = new RAMResource()
  try {
    for (const [step, command] of commands.entries()) {
      const want = await observe(ram, command)
      const got = await observe(s3, command)
      expect({ step, command, got }).toEqual({ step, command, got: want })
    }
    expect(await run(snapshot(s3))).toEqual(await run(snapshot(ram)))
  } finally {
    await run(raw.close)
  }
}

const commandsArb = fc.array(commandArb, { minLength: 1, maxLength: 25 })

describe("S3 against the RAM model", () => {
  it("gives the same outcomes, bytes and tree", async () => {
    await fc.assert(
      fc.asyncProperty(commandsArb, (commands) => check(commands)),
      { numRuns: 120 },
    )
  })

  it("is strict enough to catch a resource whose remove ignores non-empty directories", async () => {
    const result = await fc.check(
      fc.asyncProperty(commandsArb, (commands) =>
        check(commands, (s3) => ({ ...s3, remove: (path) => s3.removeRecursive(path) })),
      ),
      { numRuns: 100 },
    )
    expect(result.failed).toBe(true)
  })
})
