import { Effect, Exit, Fiber } from "effect"
import { describe, expect, it } from "vitest"
import type { CommandDef } from "../../../src/interpreter/Command.ts"
import { cat } from "../../../src/interpreter/commands/cat.ts"
import { cut } from "../../../src/interpreter/commands/cut.ts"
import { grep } from "../../../src/interpreter/commands/grep.ts"
import { head } from "../../../src/interpreter/commands/head.ts"
import { seq } from "../../../src/interpreter/commands/seq.ts"
import { sort } from "../../../src/interpreter/commands/sort.ts"
import { tail } from "../../../src/interpreter/commands/tail.ts"
import { tee } from "../../../src/interpreter/commands/tee.ts"
import { tr } from "../../../src/interpreter/commands/tr.ts"
import { uniq } from "../../../src/interpreter/commands/uniq.ts"
import { wc } from "../../../src/interpreter/commands/wc.ts"
import { yes } from "../../../src/interpreter/commands/yes.ts"
import {
  BrokenPipe,
  inputFromBytes,
  makeCollector,
  makePipe,
  nullOutput,
  readAll,
  type Output,
} from "../../../src/interpreter/Io.ts"
import { makeContext, makeFs, run } from "./harness.ts"

/** Every byte value, newline-separated into a few lines. */
const allBytes = Uint8Array.from({ length: 256 }, (_, i) => i)

/** An output that counts its writes. */
const counting = () => {
  const c = makeCollector()
  let writes = 0
  const output: Output = {
    write: (b) => {
      writes++
      return c.output.write(b)
    },
  }
  return { output, writes: () => writes, bytes: c.bytes }
}

describe("pipes", () => {
  it("yes | head -1 ends: head returns, then yes gets BrokenPipe", async () => {
    const result = await Effect.runPromise(
      Effect.gen(function* () {
        const fs = yield* makeFs()
        const pipe = yield* makePipe()
        const out = makeCollector()
        const yesFiber = yield* Effect.forkChild(
          yes.run(
            makeContext(fs, "yes", [], {
              stdin: inputFromBytes(new Uint8Array()),
              stdout: pipe.output,
              stderr: nullOutput,
            }),
          ),
        )
        const status = yield* head.run(
          makeContext(fs, "head", ["-1"], { stdin: pipe.input, stdout: out.output, stderr: nullOutput }),
        )
        yield* pipe.closeReader
        const yesExit = yield* Fiber.await(yesFiber)
        return { status, out: new TextDecoder().decode(out.bytes()), yesExit }
      }),
    )
    expect(result.status).toBe(0)
    expect(result.out).toBe("y\n")
    expect(Exit.isFailure(result.yesExit)).toBe(true)
    if (Exit.isFailure(result.yesExit)) expect(String(result.yesExit.cause)).toContain("BrokenPipe")
  })

  it("head leaves what it did not use in a shared stdin", async () => {
    const rest = await Effect.runPromise(
      Effect.gen(function* () {
        const fs = yield* makeFs()
        const stdin = inputFromBytes(new TextEncoder().encode("a\nb\nc\n"))
        yield* head.run(makeContext(fs, "head", ["-n", "1"], { stdin, stdout: nullOutput, stderr: nullOutput }))
        return new TextDecoder().decode(yield* readAll(stdin))
      }),
    )
    expect(rest).toBe("b\nc\n")
  })

  it("BrokenPipe from stdout propagates out of a command", async () => {
    const broken: Output = { write: () => Effect.fail(new BrokenPipe()) }
    const exit = await Effect.runPromiseExit(
      Effect.gen(function* () {
        const fs = yield* makeFs()
        return yield* seq.run(
          makeContext(fs, "seq", ["10"], {
            stdin: inputFromBytes(new Uint8Array()),
            stdout: broken,
            stderr: nullOutput,
          }),
        )
      }),
    )
    expect(Exit.isFailure(exit)).toBe(true)
  })
})

describe("chunking", () => {
  // 100 000 short lines must reach stdout in a handful of large writes, not one per line.
  const lines = Array.from({ length: 100_000 }, (_, i) => `line ${i}\n`).join("")
  const cases: ReadonlyArray<readonly [CommandDef, ReadonlyArray<string>]> = [
    [cat, ["-n"]],
    [grep, ["line"]],
    [cut, ["-c", "1-4"]],
    [tr, ["a-z", "A-Z"]],
    [uniq, []],
    [sort, []],
    [seq, ["100000"]],
    [tail, ["-n", "+2"]],
  ]
  it.each(cases)("%s writes large chunks", async (def, args) => {
    const out = counting()
    await Effect.runPromise(
      Effect.gen(function* () {
        const fs = yield* makeFs()
        const stdin = inputFromBytes(new TextEncoder().encode(lines))
        return yield* def.run(makeContext(fs, def.name, args, { stdin, stdout: out.output, stderr: nullOutput }))
      }),
    )
    expect(out.bytes().length).toBeGreaterThan(100_000)
    expect(out.writes()).toBeLessThan(40)
  })
})

describe("binary safety", () => {
  const data = new Uint8Array([...allBytes, 10, ...allBytes.slice().reverse(), 10, 0, 0, 255])
  const cases: ReadonlyArray<readonly [CommandDef, ReadonlyArray<string>]> = [
    [cat, []],
    [head, ["-n", "100"]],
    [head, ["-c", "10000"]],
    [tail, ["-n", "100"]],
    [tail, ["-c", "+1"]],
    [tee, []],
    [tr, ["\\001", "\\001"]],
    [cut, ["-b", "1-"]],
    [grep, ["-a", ""]],
  ]
  it.each(cases)("%s passes bytes through unchanged", async (def, args) => {
    const r = await run(def, args, { stdin: data })
    // grep and cut end the last line with a newline, as GNU does.
    const want = def === grep || def === cut ? new Uint8Array([...data, 10]) : data
    expect(r.stdoutBytes).toEqual(want)
  })

  it("wc counts bytes, not characters", async () => {
    const r = await run(wc, ["-c"], { stdin: data })
    expect(r.stdout).toBe(`${data.length}\n`)
  })
})
