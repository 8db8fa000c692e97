import { Effect, Fiber } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { cp } from "../../../src/interpreter/commands/cp.ts"
import { ls } from "../../../src/interpreter/commands/ls.ts"
import { sleep } from "../../../src/interpreter/commands/sleep.ts"
import { sort } from "../../../src/interpreter/commands/sort.ts"
import { fileTest } from "../../../src/interpreter/commands/test.ts"
import { wc } from "../../../src/interpreter/commands/wc.ts"
import { makeFs, run, runEffect, tree } from "./harness.ts"

describe("sleep", () => {
  it("waits for the sum of its intervals, on the Effect clock", async () => {
    const done = await Effect.runPromise(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(runEffect(sleep, ["1m", "0.5s"]))
        yield* TestClock.adjust("60 seconds")
        const early = fiber.pollUnsafe()
        yield* TestClock.adjust("1 second")
        const r = yield* Fiber.join(fiber)
        return { early, status: r.status }
      }).pipe(Effect.provide(TestClock.layer())),
    )
    expect(done.early).toBeUndefined()
    expect(done.status).toBe(0)
  })
})

describe("sort -R", () => {
  it("shuffles but keeps equal lines together", async () => {
    const r = await run(sort, ["-R"], { stdin: "b\na\nb\nc\na\n" })
    const lines = r.stdout.trimEnd().split("\n")
    expect([...lines].sort()).toEqual(["a", "a", "b", "b", "c"])
    for (const x of ["a", "b"]) expect(lines.lastIndexOf(x) - lines.indexOf(x)).toBe(1)
  })
})

describe("fileTest (shared with [[ ]])", () => {
  it.each([
    ["-e", "/f", true],
    ["-e", "/nope", false],
    ["-f", "/f", true],
    ["-f", "/d", false],
    ["-d", "/d", true],
    ["-s", "/f", true],
    ["-s", "/e", false],
    ["-h", "/l", true],
    ["-L", "/f", false],
    ["-r", "/f", true],
    ["-w", "/f", true],
    ["-x", "/f", false],
    ["-x", "/d", true],
    ["-p", "/f", false],
  ])("%s %s is %s", async (op, path, want) => {
    const got = await Effect.runPromise(
      Effect.gen(function* () {
        const fs = yield* makeFs({ files: { f: "x", e: "" }, dirs: ["d"], symlinks: { l: "f" } })
        return yield* fileTest(op, path, fs)
      }),
    )
    expect(got).toBe(want)
  })
})

describe("ls -l on a symlink", () => {
  // GNU: `lrwxrwxrwx 1 user user 2 Nov 22 04:44 lnk -> d1` (owner rewritten), and with -F the
  // target is classified: `lnk -> d1/`.
  it.each([
    [["-l", "lnk"], "lnk -> d1\n"],
    [["-lF", "lnk"], "lnk -> d1/\n"],
  ])("%j", async (args, tail) => {
    const r = await run(ls, args, { dirs: ["d1"], symlinks: { lnk: "d1" } })
    expect(r.stdout).toMatch(/^lrwxrwxrwx 1 user user 2 [A-Z][a-z]{2} [ \d]\d \d\d:\d\d /)
    expect(r.stdout.endsWith(tail)).toBe(true)
  })
})

describe("cp -r into itself", () => {
  // GNU prints this message (and status 1) but has already copied part of the tree;
  // Mirage refuses before copying anything.
  it("refuses", async () => {
    const r = await run(cp, ["-r", "d", "d/sub"], { files: { "d/g": "2\n" } })
    expect(r).toMatchObject({
      stdout: "",
      stderr: "cp: cannot copy a directory, 'd', into itself, 'd/sub'\n",
      status: 1,
    })
    expect(await tree(r.fs)).toEqual(["d/", "d/g=2\n"])
  })
})

describe("wc on standard input", () => {
  // Stdin is taken to be a pipe (the Input carries no file size): GNU's `cat f | wc`.
  it("uses the 7-column width of a non-regular input", async () => {
    expect((await run(wc, [], { stdin: "one two\nthree\n" })).stdout).toBe("      2       3      14\n")
  })
})
