import { describe, expect, it } from "vitest"
import { readlink } from "../../../src/interpreter/commands/readlink.ts"
import { run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = {
  files: { f: "hi\n" },
  dirs: ["d", "x/y"],
  symlinks: { link: "f", broken: "nowhere", dl: "d", "d/up": "..", loop1: "loop2", loop2: "loop1" },
}

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  { args: ["link", "broken", "dl"], stdout: "f\nnowhere\nd\n", stderr: "", status: 0 },
  { args: ["f"], stdout: "", stderr: "", status: 1 },
  { args: ["-v", "f"], stdout: "", stderr: "readlink: f: Invalid argument\n", status: 1 },
  { args: ["-v", "nope", "link"], stdout: "f\n", stderr: "readlink: nope: No such file or directory\n", status: 1 },
  {
    args: ["-n", "dl", "broken"],
    stdout: "d\nnowhere\n",
    stderr: "readlink: ignoring --no-newline with multiple arguments\n",
    status: 0,
  },
  { args: ["-n", "dl"], stdout: "d", stderr: "", status: 0 },
  { args: ["-z", "link", "dl"], stdout: "f\u0000d\u0000", stderr: "", status: 0 },
  {
    args: ["-f", "link", "broken", "dl", "nope", "f/x", "nope/x", "loop1"],
    stdout: "/w/f\n/w/nowhere\n/w/d\n/w/nope\n",
    stderr: "",
    status: 1,
  },
  { args: ["-fv", "f/x"], stdout: "", stderr: "readlink: f/x: Not a directory\n", status: 1 },
  {
    args: ["-fv", "nope/x", "loop1"],
    stdout: "",
    stderr: "readlink: nope/x: No such file or directory\nreadlink: loop1: Too many levels of symbolic links\n",
    status: 1,
  },
  { args: ["-e", "link", "broken"], stdout: "/w/f\n", stderr: "", status: 1 },
  { args: ["-ev", "broken"], stdout: "", stderr: "readlink: broken: No such file or directory\n", status: 1 },
  { args: ["-m", "f/x/../y", "nope/../dl", "loop1/x"], stdout: "/w/f/y\n/w/d\n/w/loop1/x\n", stderr: "", status: 0 },
  { args: ["-f", "d/up/f"], stdout: "/w/f\n", stderr: "", status: 0 },
  { args: ["-f", ""], stdout: "", stderr: "", status: 1 },
  { args: ["-v", ""], stdout: "", stderr: "readlink: '': No such file or directory\n", status: 1 },
  {
    args: [],
    stdout: "",
    stderr: "readlink: missing operand\nTry 'readlink --help' for more information.\n",
    status: 1,
  },
  { args: ["-f", "."], stdout: "/w\n", stderr: "", status: 0 },
  { args: ["dl/../link"], stdout: "f\n", stderr: "", status: 0 },
  { args: ["-f", "f/"], stdout: "", stderr: "", status: 1 },
  { args: ["-f", "nope/"], stdout: "/w/nope\n", stderr: "", status: 0 },
  { args: ["-e", "d/"], stdout: "/w/d\n", stderr: "", status: 0 },
  { args: ["-f", "-e", "-m", "nope/x"], stdout: "/w/nope/x\n", stderr: "", status: 0 },
  { args: ["-m", "-f", "nope/x"], stdout: "", stderr: "", status: 1 },
  { args: ["-q", "-v", "f"], stdout: "", stderr: "readlink: f: Invalid argument\n", status: 1 },
  { args: ["-v", "-s", "f"], stdout: "", stderr: "", status: 1 },
  {
    args: ["-x"],
    stdout: "",
    stderr: "readlink: invalid option -- 'x'\nTry 'readlink --help' for more information.\n",
    status: 1,
  },
]

describe("readlink", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(readlink, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
