import { describe, expect, it } from "vitest"
import { mkdir } from "../../../src/interpreter/commands/mkdir.ts"
import { expected, outcome, run, tree, type Case } from "./harness.ts"

// Expected outputs and the tree afterwards come from GNU coreutils 9.1
// (LC_ALL=C) run on the same files; `sorted` cases compare sorted lines
// (GNU walks directories in readdir order, Mirage in byte order).
const cases: ReadonlyArray<Case & { readonly sorted?: boolean }> = [
  { args: ["a"], files: { f: "x" }, dirs: ["d"], stdout: "", stderr: "", status: 0, tree: ["a/", "d/", "f=x"] },
  {
    args: ["-v", "a"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'a'\n",
    stderr: "",
    status: 0,
    tree: ["a/", "d/", "f=x"],
  },
  {
    args: ["d"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'd': File exists\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  { args: ["-p", "d"], files: { f: "x" }, dirs: ["d"], stdout: "", stderr: "", status: 0, tree: ["d/", "f=x"] },
  {
    args: ["x/y"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'x/y': No such file or directory\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-p", "f/x"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'f': Not a directory\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["f"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'f': File exists\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-pv", "p/q/r"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'p'\nmkdir: created directory 'p/q'\nmkdir: created directory 'p/q/r'\n",
    stderr: "",
    status: 0,
    tree: ["d/", "f=x", "p/", "p/q/", "p/q/r/"],
  },
  {
    args: ["-p", "d/e/f"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["d/", "d/e/", "d/e/f/", "f=x"],
  },
  {
    args: ["-m", "700", "m"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["d/", "f=x", "m/"],
  },
  {
    args: ["-v", "a", "b", "c"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'a'\nmkdir: created directory 'b'\nmkdir: created directory 'c'\n",
    stderr: "",
    status: 0,
    tree: ["a/", "b/", "c/", "d/", "f=x"],
  },
  {
    args: ["-v", "a", "d", "b"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'a'\nmkdir: created directory 'b'\n",
    stderr: "mkdir: cannot create directory 'd': File exists\n",
    status: 1,
    tree: ["a/", "b/", "d/", "f=x"],
  },
  {
    args: [""],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory '': No such file or directory\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-p", ""],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory '': No such file or directory\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-p", "f"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'f': File exists\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["d/"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: cannot create directory 'd/': File exists\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-p", "d//e/"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["d/", "d/e/", "f=x"],
  },
  {
    args: ["-p", "a/../z"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["a/", "d/", "f=x", "z/"],
  },
  {
    args: [],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: missing operand\nTry 'mkdir --help' for more information.\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["-x"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "mkdir: invalid option -- 'x'\nTry 'mkdir --help' for more information.\n",
    status: 1,
    tree: ["d/", "f=x"],
  },
  {
    args: ["--parents", "--verbose", "q/w"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'q'\nmkdir: created directory 'q/w'\n",
    stderr: "",
    status: 0,
    tree: ["d/", "f=x", "q/", "q/w/"],
  },
  { args: ["-p", "./n"], files: { f: "x" }, dirs: ["d"], stdout: "", stderr: "", status: 0, tree: ["d/", "f=x", "n/"] },
  {
    args: ["a", "a/b"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["a/", "a/b/", "d/", "f=x"],
  },
  {
    args: ["-pv", "d/new"],
    files: { f: "x" },
    dirs: ["d"],
    stdout: "mkdir: created directory 'd/new'\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/new/", "f=x"],
  },
]

const sortLines = (s: string | undefined) =>
  (s ?? "")
    .split(/(?<=\n)/)
    .sort()
    .join("")

describe("mkdir", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(mkdir, c.args, { files: c.files, dirs: c.dirs, symlinks: c.symlinks, stdin: c.stdin })
    const got = outcome(r, c)
    expect(c.sorted ? { ...got, stdout: sortLines(got.stdout), stderr: sortLines(got.stderr) } : got).toEqual(
      expected(c),
    )
    expect(await tree(r.fs)).toEqual(c.tree)
  })
})
