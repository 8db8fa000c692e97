import { spawn } from "node:child_process"
import { Effect } from "effect"
import type { CommandDef } from "../../../../src/interpreter/Command.ts"
import type { Input } from "../../../../src/interpreter/Io.ts"

/**
 * A stand-in for the shell's `sh` in awk's unit tests: `sh -c CMD` runs the
 * real /bin/sh (commands see the host filesystem, not the namespace). The
 * awk process's own stdin is not handed on unless awk redirected it (a pipe
 * from `print | cmd`), as a real child that does not read it leaves it alone.
 */
export const makeSh = (ownStdin: () => Input | undefined): CommandDef => ({
  name: "sh",
  summary: "test shell",
  help: "",
  run: (ctx) =>
    Effect.gen(function* () {
      const script = ctx.args[ctx.args.indexOf("-c") + 1] ?? ""
      const child = spawn("/bin/sh", ["-c", script], { env: { LC_ALL: "C", TZ: "UTC", PATH: "/usr/bin:/bin" } })
      const out: Array<Buffer> = []
      const err: Array<Buffer> = []
      child.stdout.on("data", (b: Buffer) => out.push(b))
      child.stderr.on("data", (b: Buffer) => err.push(b))
      child.stdin.on("error", () => {})
      const done = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)))
      if (ctx.stdin !== ownStdin()) {
        while (true) {
          const chunk = yield* Effect.orElseSucceed(ctx.stdin.read, () => null)
          if (chunk === null) break
          child.stdin.write(chunk)
        }
      }
      child.stdin.end()
      const status = yield* Effect.promise(() => done)
      for (const b of out) yield* ctx.stdout.write(new Uint8Array(b))
      for (const b of err) yield* ctx.stderr.write(new Uint8Array(b))
      return status
    }),
})
