/**
 * Confirm the awk case tables against real GNU Awk (run as `awk`, with
 * LC_ALL=C and TZ=UTC, in a temp dir holding the case's files).
 *
 *   node test/interpreter/commands/awk/confirm.ts check        every table: report cases gawk disagrees with
 *   node test/interpreter/commands/awk/confirm.ts emit FILE.ts  print table entries for FILE's `inputs`, with gawk's results
 *
 * Not a vitest file: it needs gawk on the machine.
 */
import { spawnSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import type { AwkCase, AwkInput } from "./tables.ts"

const gawk = (c: AwkInput): { stdout: string; stderr: string; status: number } => {
  const dir = mkdtempSync(join(tmpdir(), "awk-confirm-"))
  try {
    for (const [p, v] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(dir, p)), { recursive: true })
      writeFileSync(join(dir, p), v, "latin1")
    }
    const r = spawnSync("awk", [...c.args], {
      cwd: dir,
      input: Buffer.from(c.stdin ?? "", "latin1"),
      env: { LC_ALL: "C", TZ: "UTC", PATH: "/usr/bin:/bin" },
      timeout: 10_000,
    })
    return {
      stdout: r.stdout.toString("latin1"),
      stderr: r.stderr.toString("latin1").split(dir).join("/"),
      status: r.status ?? -1,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const literal = (s: string): string => JSON.stringify(s)

const emitCase = (c: AwkInput): string => {
  const r = gawk(c)
  const parts = [`args: ${JSON.stringify(c.args)}`]
  if (c.stdin) parts.push(`stdin: ${literal(c.stdin)}`)
  if (c.files && Object.keys(c.files).length > 0) parts.push(`files: ${JSON.stringify(c.files)}`)
  parts.push(`stdout: ${literal(r.stdout)}`)
  if (r.stderr !== "") parts.push(`stderr: ${literal(r.stderr)}`)
  if (r.status !== 0) parts.push(`status: ${r.status}`)
  return `  { ${parts.join(", ")} },`
}

const mode = process.argv[2]
if (mode === "emit") {
  const mod: { inputs: ReadonlyArray<AwkInput> } = await import(join(process.cwd(), process.argv[3] ?? ""))
  for (const c of mod.inputs) console.log(emitCase(c))
} else {
  const { tables } = await import("./tables.ts")
  let bad = 0
  let total = 0
  for (const [name, list] of Object.entries(tables)) {
    for (const c of list as ReadonlyArray<AwkCase>) {
      total++
      const r = gawk(c)
      const problems: Array<string> = []
      if (r.stdout !== c.stdout) problems.push(`stdout: gawk ${literal(r.stdout)}, table ${literal(c.stdout)}`)
      if (r.stderr !== (c.stderr ?? ""))
        problems.push(`stderr: gawk ${literal(r.stderr)}, table ${literal(c.stderr ?? "")}`)
      if (r.status !== (c.status ?? 0)) problems.push(`status: gawk ${r.status}, table ${c.status ?? 0}`)
      if (problems.length > 0) {
        bad++
        console.log(`${name}: ${JSON.stringify(c.args)}\n  ${problems.join("\n  ")}`)
      }
    }
  }
  console.log(`${total - bad} agree, ${bad} differ`)
  process.exitCode = bad > 0 ? 1 : 0
}
