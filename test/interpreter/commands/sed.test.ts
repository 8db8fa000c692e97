import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { Duration, Effect } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sed } from "../../../src/interpreter/commands/sed.ts"
import { inputFromBytes, makeCollector, readAll, type Input, type Output } from "../../../src/interpreter/Io.ts"
import { latin1, makeContext, makeFs, run, type Result } from "./harness.ts"
import { CASES, FILESETS, type SedCase } from "./sed.cases.ts"

const text = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCharCode(b)).join("")

const filesOf = (c: SedCase): Record<string, Uint8Array> =>
  Object.fromEntries(Object.entries(c.files === undefined ? {} : FILESETS[c.files]).map(([p, v]) => [p, latin1(v)]))

const readAfter = (r: Result, paths: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.forEach(paths, (p) =>
      r.fs.readFile(`/${p}`).pipe(
        Effect.map((b): [string, string | null] => [p, text(b)]),
        Effect.catch(() => Effect.succeed<[string, string | null]>([p, null])),
      ),
    ),
  ).then(Object.fromEntries)

// `--debug` annotates execution in GNU sed; Mirage accepts the option and ignores it.
const ignored = (c: SedCase) => c.args.includes("--debug")

describe("sed table (expectations from GNU sed 4.9, LC_ALL=C)", () => {
  it.each(CASES.filter((c) => !ignored(c)).map((c) => [`${c.group}: ${JSON.stringify(c.args)}`, c] as const))(
    "%s",
    async (_, c) => {
      const r = await run(sed, c.args, { stdin: latin1(c.stdin ?? ""), files: filesOf(c), dirs: c.dirs })
      const got = {
        stdout: text(r.stdoutBytes),
        stderr: r.stderr,
        status: r.status,
        after: c.after && (await readAfter(r, Object.keys(c.after))),
      }
      expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status, after: c.after })
    },
  )
})

/** Re-derive every expectation from the installed GNU sed: `SED_CONFIRM=1 npx vitest run test/interpreter/commands/sed.test.ts`. */
describe.runIf(process.env.SED_CONFIRM === "1")("sed table confirmed against GNU sed", () => {
  it.each(CASES.map((c) => [`${c.group}: ${JSON.stringify(c.args)}`, c] as const))("%s", (_, c) => {
    const dir = mkdtempSync(join(tmpdir(), "sed-confirm-"))
    try {
      for (const d of c.dirs ?? []) mkdirSync(join(dir, d), { recursive: true })
      for (const [p, v] of Object.entries(filesOf(c))) {
        mkdirSync(dirname(join(dir, p)), { recursive: true })
        writeFileSync(join(dir, p), v)
      }
      const r = spawnSync("sed", [...c.args], {
        cwd: dir,
        input: latin1(c.stdin ?? ""),
        env: { LC_ALL: "C", PATH: "/usr/bin:/bin" },
      })
      const after =
        c.after &&
        Object.fromEntries(
          Object.keys(c.after).map((p) => [p, existsSync(join(dir, p)) ? text(readFileSync(join(dir, p))) : null]),
        )
      expect({ stdout: text(r.stdout), stderr: text(r.stderr), status: r.status, after }).toEqual({
        stdout: c.stdout,
        stderr: c.stderr,
        status: c.status,
        after: c.after,
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

/** An input that hands out `bytes` in chunks of the given sizes (cycling). */
const chunked = (bytes: Uint8Array, sizes: ReadonlyArray<number>): Input => {
  let pos = 0
  let i = 0
  const pending: Array<Uint8Array> = []
  return {
    read: Effect.sync(() => {
      const back = pending.shift()
      if (back !== undefined) return back
      if (pos >= bytes.length) return null
      const n = Math.max(1, sizes[i++ % sizes.length])
      const chunk = bytes.subarray(pos, pos + n)
      pos += n
      return chunk
    }),
    unread: (b) => {
      if (b.length > 0) pending.unshift(b)
    },
  }
}

const runWith = async (args: ReadonlyArray<string>, stdin: Input) => {
  const fs = await Effect.runPromise(makeFs({}))
  const out = makeCollector()
  const err = makeCollector()
  const status = await Effect.runPromise(
    sed.run(makeContext(fs, "sed", args, { stdin, stdout: out.output, stderr: err.output })),
  )
  return { status, stdout: text(out.bytes()), stderr: text(err.bytes()) }
}

describe("sed streaming", () => {
  const scripts = [
    ["p"],
    ["-n", "$p"],
    ["$!N;P;D"],
    ["s/a\\(b*\\)/<\\1>/g"],
    ["-z", "s/^/>/"],
    ["N;N;s/\\n/|/g"],
    ["-n", "/b/,/c/{=;l}"],
    ["$d"],
    ["G"],
  ]

  it("gives the same output however the input is split into chunks", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...scripts),
        fc.array(fc.constantFrom("a", "b", "c", "\n", "\u0000", "\u00e9"), { maxLength: 60 }).map((cs) => cs.join("")),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        async (args, input, sizes) => {
          const bytes = latin1(input)
          const whole = await runWith(args, inputFromBytes(bytes))
          const split = await runWith(args, chunked(bytes, sizes))
          expect(split).toEqual(whole)
        },
      ),
      { numRuns: 150 },
    )
  })

  it("round-trips every byte value untouched", async () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const r = await runWith(["s/QQQ/R/;s/\\x00\\xff/X/"], inputFromBytes(all))
    expect(r.stdout).toEqual(text(all))
  })

  it("writes output before the input ends", async () => {
    const line = latin1("some text to substitute in\n")
    const total = 4 * 1024 * 1024
    let read = 0
    let readWhenFirstWritten = -1
    const stdin: Input = {
      read: Effect.sync(() => {
        if (read >= total) return null
        const chunk = new Uint8Array(64 * 1024)
        for (let i = 0; i < chunk.length; i++) chunk[i] = line[i % line.length]
        read += chunk.length
        return chunk
      }),
      unread: () => {},
    }
    let written = 0
    const stdout: Output = {
      write: (b) =>
        Effect.sync(() => {
          if (readWhenFirstWritten === -1) readWhenFirstWritten = read
          written += b.length
        }),
    }
    const fs = await Effect.runPromise(makeFs({}))
    const status = await Effect.runPromise(
      sed.run(makeContext(fs, "sed", ["s/text/TEXT/g"], { stdin, stdout, stderr: stdout })),
    )
    expect(status).toBe(0)
    expect(written).toBe(total)
    expect(readWhenFirstWritten).toBeLessThan(total / 4)
  })

  it("stops early on q and leaves the rest of stdin unread", async () => {
    const stdin = inputFromBytes(latin1("1\n2\n3\n"))
    const r = await runWith(["1q"], stdin)
    expect(r.stdout).toBe("1\n")
    expect(text(await Effect.runPromise(readAll(stdin)))).toBe("2\n3\n")
  })

  it("can be interrupted in an endless loop", async () => {
    const fs = await Effect.runPromise(makeFs({}))
    const out = makeCollector()
    const loop = sed.run(
      makeContext(fs, "sed", [":a;s/x/x/;ta"], {
        stdin: inputFromBytes(latin1("x\n")),
        stdout: out.output,
        stderr: out.output,
      }),
    )
    const r = await Effect.runPromise(Effect.timeoutOption(loop, Duration.millis(200)))
    expect(r._tag).toBe("None")
  })
})

describe("sed differences from GNU sed, by design", () => {
  it("refuses the e command and the e flag of s", async () => {
    expect(await runWith(["e ls"], inputFromBytes(latin1("x\n")))).toEqual({
      status: 1,
      stdout: "",
      stderr: "sed: -e expression #1, char 1: `e' command not supported\n",
    })
    expect((await runWith(["s/x/ls/e"], inputFromBytes(latin1("x\n")))).stderr).toBe(
      "sed: -e expression #1, char 8: option `e' not supported\n",
    )
  })

  it("accepts --debug without annotating", async () => {
    expect(await runWith(["--debug", "s/x/y/"], inputFromBytes(latin1("x\n")))).toEqual({
      status: 0,
      stdout: "y\n",
      stderr: "",
    })
  })

  it("leaves bytes outside ASCII alone in case conversion (GNU sed's C locale turns them into 0xff)", async () => {
    expect((await runWith(["s/.*/\\U&/"], inputFromBytes(latin1("caf\u00e9\n")))).stdout).toBe("CAF\u00e9\n")
  })
})
