import { describe, expect, it } from "vitest"
import { mktemp } from "../../../src/interpreter/commands/mktemp.ts"
import { Effect } from "effect"
import { readText, run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = { dirs: ["e"] }

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  { args: ["fooXX"], stdout: "", stderr: "mktemp: too few X's in template 'fooXX'\n", status: 1 },
  {
    args: ["-t", "a/bXXX"],
    stdout: "",
    stderr: "mktemp: invalid template, 'a/bXXX', contains directory separator\n",
    status: 1,
  },
  {
    args: ["/nope/tmp.XXXX"],
    stdout: "",
    stderr: "mktemp: failed to create file via template '/nope/tmp.XXXX': No such file or directory\n",
    status: 1,
  },
  {
    args: ["-d", "/nope/tmp.XXXX"],
    stdout: "",
    stderr: "mktemp: failed to create directory via template '/nope/tmp.XXXX': No such file or directory\n",
    status: 1,
  },
  { args: ["-q", "/nope/x.XXX"], stdout: "", stderr: "", status: 1 },
  {
    args: ["a", "b"],
    stdout: "",
    stderr: "mktemp: too many templates\nTry 'mktemp --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-p", ".", "/abs/XXX"],
    stdout: "",
    stderr: "mktemp: invalid template, '/abs/XXX'; with --tmpdir, it may not be absolute\n",
    status: 1,
  },
  {
    args: ["-d", "-p", "nope"],
    stdout: "",
    stderr: "mktemp: failed to create directory via template 'nope/tmp.XXXXXXXXXX': No such file or directory\n",
    status: 1,
  },
  {
    args: ["--suffix=/x", "fooXXX"],
    stdout: "",
    stderr: "mktemp: invalid suffix '/x', contains directory separator\n",
    status: 1,
  },
  { args: [""], stdout: "", stderr: "mktemp: too few X's in template ''\n", status: 1 },
  {
    args: ["-p", "e", "-t", "a/XXX"],
    stdout: "",
    stderr: "mktemp: invalid template, 'a/XXX', contains directory separator\n",
    status: 1,
  },
  { args: ["-u", "x/fooXX"], stdout: "", stderr: "mktemp: too few X's in template 'x/fooXX'\n", status: 1 },
  {
    args: ["--tmpdir=nope", "aXXX"],
    stdout: "",
    stderr: "mktemp: failed to create file via template 'nope/aXXX': No such file or directory\n",
    status: 1,
  },
]

describe("mktemp", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(mktemp, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

// Names are random: these check their shape and what was created, as coreutils' own tests do.
describe("mktemp: created files and directories", () => {
  it("creates a file from the template in the working directory", async () => {
    const r = await run(mktemp, ["fooXXXX.txt"], { ...setup, cwd: "/w" })
    expect(r.stdout).toMatch(/^foo[A-Za-z0-9]{4}\.txt\n$/)
    expect(await readText(r.fs, `/w/${r.stdout.trim()}`)).toBe("")
  })
  it("defaults to /tmp/tmp.XXXXXXXXXX, creating /tmp", async () => {
    const r = await run(mktemp, [], { ...setup, cwd: "/w" })
    expect(r.stdout).toMatch(/^\/tmp\/tmp\.[A-Za-z0-9]{10}\n$/)
    expect(await readText(r.fs, r.stdout.trim())).toBe("")
  })
  it("makes directories with -d, under -p DIR or $TMPDIR with -t", async () => {
    const d = await run(mktemp, ["-d", "-p", "e"], { ...setup, cwd: "/w" })
    expect(d.stdout).toMatch(/^e\/tmp\.[A-Za-z0-9]{10}\n$/)
    const st = await Effect.runPromise(d.fs.stat(`/w/${d.stdout.trim()}`))
    expect(st.type).toBe("directory")
    const t = await run(mktemp, ["-t", "xXXX"], { ...setup, cwd: "/w", env: { TMPDIR: "/w/e" } })
    expect(t.stdout).toMatch(/^\/w\/e\/x[A-Za-z0-9]{3}\n$/)
  })
  it("only prints a name with -u", async () => {
    const r = await run(mktemp, ["-u", "zXXX"], { ...setup, cwd: "/w" })
    expect(r.stdout).toMatch(/^z[A-Za-z0-9]{3}\n$/)
    expect(await readText(r.fs, `/w/${r.stdout.trim()}`)).toBeNull()
  })
})
