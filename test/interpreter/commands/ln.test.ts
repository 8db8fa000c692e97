import { describe, expect, it } from "vitest"
import { ln } from "../../../src/interpreter/commands/ln.ts"
import { readText, run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = { files: { a: "hi\n" }, dirs: ["d", "x/y"], symlinks: { dl: "d" } }

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  { args: ["-s", "a", "l1"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "a", "b", "c"], stdout: "", stderr: "ln: target 'c': No such file or directory\n", status: 1 },
  { args: ["-s", "a", "b", "d"], stdout: "", stderr: "", status: 0 },
  { args: [], stdout: "", stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", status: 1 },
  { args: ["-s"], stdout: "", stderr: "ln: missing file operand\nTry 'ln --help' for more information.\n", status: 1 },
  { args: ["-s", "x/y"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "nowhere", "bro"], stdout: "", stderr: "", status: 0 },
  { args: ["nope", "h2"], stdout: "", stderr: "ln: failed to access 'nope': No such file or directory\n", status: 1 },
  { args: ["-s", "a", "dl"], stdout: "", stderr: "", status: 0 },
  { args: ["-sn", "a", "dl"], stdout: "", stderr: "ln: failed to create symbolic link 'dl': File exists\n", status: 1 },
  { args: ["-snf", "a", "dl"], stdout: "", stderr: "", status: 0 },
  { args: ["-sv", "a", "d"], stdout: "'d/a' -> 'a'\n", stderr: "", status: 0 },
  {
    args: ["-sfv", "a", "d"],
    setup: { symlinks: { dl: "d", "d/a": "zz" } },
    stdout: "'d/a' -> 'a'\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-sv", "a", "d"],
    setup: { symlinks: { dl: "d", "d/a": "zz" } },
    stdout: "",
    stderr: "ln: failed to create symbolic link 'd/a': File exists\n",
    status: 1,
  },
  { args: ["-sT", "a", "d"], stdout: "", stderr: "ln: failed to create symbolic link 'd': File exists\n", status: 1 },
  { args: ["-s", "-t", "d", "a"], stdout: "", stderr: "", status: 0 },
  { args: ["-st", "d", "a", "x"], stdout: "", stderr: "", status: 0 },
  { args: ["-sr", "a", "d/rel"], stdout: "", stderr: "", status: 0 },
  { args: ["-srv", "a", "x/y/rel"], stdout: "'x/y/rel' -> '../../a'\n", stderr: "", status: 0 },
  { args: ["-s", "-r", "-v", "a", "x/y"], stdout: "'x/y/a' -> '../../a'\n", stderr: "", status: 0 },
  {
    args: ["-s", "a", ""],
    stdout: "",
    stderr: "ln: failed to create symbolic link '': No such file or directory\n",
    status: 1,
  },
  {
    args: ["-s", "", "e"],
    stdout: "",
    stderr: "ln: failed to create symbolic link 'e' -> '': No such file or directory\n",
    status: 1,
  },
  { args: ["-sv", "a", "d/"], stdout: "'d/a' -> 'a'\n", stderr: "", status: 0 },
  {
    args: ["-s", "a", "nodir/x"],
    stdout: "",
    stderr: "ln: failed to create symbolic link 'nodir/x': No such file or directory\n",
    status: 1,
  },
  { args: ["-sf", "a", "a"], stdout: "", stderr: "ln: 'a' and 'a' are the same file\n", status: 1 },
  { args: ["-sf", "a", "d"], stdout: "", stderr: "", status: 0 },
  { args: ["-sfT", "a", "d"], stdout: "", stderr: "ln: d: cannot overwrite directory\n", status: 1 },
  {
    args: ["-sT", "a", "b", "c"],
    stdout: "",
    stderr: "ln: extra operand 'c'\nTry 'ln --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-t", "nodir", "a"],
    stdout: "",
    stderr: "ln: failed to access 'nodir': No such file or directory\n",
    status: 1,
  },
  { args: ["-t", "a", "b"], stdout: "", stderr: "ln: target 'a' is not a directory\n", status: 1 },
  { args: ["-sv", "a", "l9", "l10"], stdout: "", stderr: "ln: target 'l10': No such file or directory\n", status: 1 },
  { args: ["-r", "a", "zz"], stdout: "", stderr: "ln: cannot do --relative without --symbolic\n", status: 1 },
  { args: ["-sfn", "x", "dl"], stdout: "", stderr: "", status: 0 },
  { args: ["-sf", "x", "a"], stdout: "", stderr: "", status: 0 },
  { args: ["-sv", "/abs/target", "abs"], stdout: "'abs' -> '/abs/target'\n", stderr: "", status: 0 },
  {
    args: ["-s", "-t", "d", "-T", "a"],
    stdout: "",
    stderr: "ln: cannot combine --target-directory and --no-target-directory\n",
    status: 1,
  },
]

describe("ln", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(ln, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

describe("ln: what a real disk cannot show", () => {
  it("creates the link it reports", async () => {
    const r = await run(ln, ["-srv", "a", "x/y/rel"], { ...setup, cwd: "/w" })
    expect(r.stdout).toBe("'x/y/rel' -> '../../a'\n")
    expect(await readText(r.fs, "/w/x/y/rel")).toBe("hi\n")
  })

  it("refuses hard links, which resources do not have", async () => {
    const r = await run(ln, ["a", "h"], { ...setup, cwd: "/w" })
    expect({ stderr: r.stderr, status: r.status }).toEqual({
      stderr: "ln: failed to create hard link 'h' => 'a': Operation not supported\n",
      status: 1,
    })
    expect(await readText(r.fs, "/w/h")).toBeNull()
  })
})
