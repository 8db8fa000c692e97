import { describe, expect, it } from "vitest"
import { rmdir } from "../../../src/interpreter/commands/rmdir.ts"
import { Effect } from "effect"
import { run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = { dirs: ["a/b/c", "e/f", "q/w", "m/n", "z"], files: { "e/g": "", f: "" }, symlinks: { la: "a" } }

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  {
    args: ["nope", "f", "la", "e"],
    stdout: "",
    stderr:
      "rmdir: failed to remove 'nope': No such file or directory\nrmdir: failed to remove 'f': Not a directory\nrmdir: failed to remove 'la': Not a directory\nrmdir: failed to remove 'e': Directory not empty\n",
    status: 1,
  },
  { args: ["-v", "a/b/c"], stdout: "rmdir: removing directory, 'a/b/c'\n", stderr: "", status: 0 },
  {
    args: ["-pv", "a/b/c"],
    stdout: "rmdir: removing directory, 'a/b/c'\nrmdir: removing directory, 'a/b'\nrmdir: removing directory, 'a'\n",
    stderr: "",
    status: 0,
  },
  { args: ["-p", "a/b"], stdout: "", stderr: "rmdir: failed to remove 'a/b': Directory not empty\n", status: 1 },
  { args: ["--ignore-fail-on-non-empty", "e", "q"], stdout: "", stderr: "", status: 0 },
  { args: [], stdout: "", stderr: "rmdir: missing operand\nTry 'rmdir --help' for more information.\n", status: 1 },
  { args: ["-p", "m/n/"], stdout: "", stderr: "", status: 0 },
  { args: ["."], stdout: "", stderr: "rmdir: failed to remove '.': Invalid argument\n", status: 1 },
  { args: [".."], stdout: "", stderr: "rmdir: failed to remove '..': Directory not empty\n", status: 1 },
  { args: ["z/."], stdout: "", stderr: "rmdir: failed to remove 'z/.': Invalid argument\n", status: 1 },
  { args: ["la/"], stdout: "", stderr: "rmdir: failed to remove 'la/': Symbolic link not followed\n", status: 1 },
  {
    args: ["-p", "e/f"],
    stdout: "",
    stderr: "rmdir: failed to remove directory 'e': Directory not empty\n",
    status: 1,
  },
  { args: ["--ignore-fail-on-non-empty", "-p", "e/f"], stdout: "", stderr: "", status: 0 },
  { args: ["-p", "./m/n"], stdout: "", stderr: "rmdir: failed to remove directory '.': Invalid argument\n", status: 1 },
  { args: ["a"], stdout: "", stderr: "rmdir: failed to remove 'a': Directory not empty\n", status: 1 },
  { args: ["z", "z"], stdout: "", stderr: "rmdir: failed to remove 'z': No such file or directory\n", status: 1 },
]

describe("rmdir", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(rmdir, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

describe("rmdir: the tree left behind", () => {
  it("removes the directory and, with -p, its emptied parents", async () => {
    const r = await run(rmdir, ["-p", "a/b/c"], { ...setup, cwd: "/w" })
    expect(r.status).toBe(0)
    const gone = await Effect.runPromise(r.fs.exists("/w/a"))
    expect(gone).toBe(false)
  })
})
