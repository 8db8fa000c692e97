import { describe, expect, it } from "vitest"
import { awk } from "../../../src/interpreter/commands/awk.ts"
import { inputFromBytes } from "../../../src/interpreter/Io.ts"
import { latin1, run } from "./harness.ts"
import { makeSh } from "./awk/sh.ts"
import { tables, type AwkCase } from "./awk/tables.ts"

// Every expectation in the tables was produced by GNU Awk 5.2.1 (LC_ALL=C,
// TZ=UTC) on the same arguments, stdin and files; awk/confirm.ts re-checks them.

const text = (bytes: Uint8Array): string => {
  let s = ""
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}

const runCase = async (c: AwkCase) => {
  const stdin = inputFromBytes(latin1(c.stdin ?? ""))
  const files: Record<string, Uint8Array> = {}
  for (const [p, v] of Object.entries(c.files ?? {})) files[p] = latin1(v)
  const r = await run(awk, c.args, {
    stdin,
    files,
    env: { LC_ALL: "C", TZ: "UTC", PATH: "/usr/bin:/bin" },
    commands: [makeSh(() => stdin)],
  })
  return { stdout: text(r.stdoutBytes), stderr: r.stderr, status: r.status }
}

for (const [name, cases] of Object.entries(tables)) {
  describe(`awk ${name}`, () => {
    it.each(cases.map((c, i) => ({ ...c, title: `${i}: ${JSON.stringify(c.args)}` })))("$title", async (c) => {
      expect(await runCase(c)).toEqual({ stdout: c.stdout, stderr: c.stderr ?? "", status: c.status ?? 0 })
    })
  })
}
