import { describe, expect, it } from "vitest"
import { realpath } from "../../../src/interpreter/commands/realpath.ts"
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
  { args: ["f", "link", "dl", "d/up"], stdout: "/w/f\n/w/f\n/w/d\n/w\n", stderr: "", status: 0 },
  { args: ["broken"], stdout: "/w/nowhere\n", stderr: "", status: 0 },
  { args: ["nope/x"], stdout: "", stderr: "realpath: nope/x: No such file or directory\n", status: 1 },
  { args: ["-e", "broken"], stdout: "", stderr: "realpath: broken: No such file or directory\n", status: 1 },
  {
    args: ["-m", "f/x/../y", "nope/../dl", "f/../dl", "nope/x/../../dl"],
    stdout: "/w/f/y\n/w/d\n/w/d\n/w/d\n",
    stderr: "",
    status: 0,
  },
  { args: ["nope/../dl"], stdout: "", stderr: "realpath: nope/../dl: No such file or directory\n", status: 1 },
  { args: ["-e", "d/up/w/f"], stdout: "", stderr: "realpath: d/up/w/f: No such file or directory\n", status: 1 },
  { args: ["dl/"], stdout: "/w/d\n", stderr: "", status: 0 },
  { args: ["f/"], stdout: "", stderr: "realpath: f/: Not a directory\n", status: 1 },
  { args: ["-m", "f/"], stdout: "/w/f\n", stderr: "", status: 0 },
  { args: ["loop1"], stdout: "", stderr: "realpath: loop1: Too many levels of symbolic links\n", status: 1 },
  { args: ["-m", "loop1/x"], stdout: "/w/loop1/x\n", stderr: "", status: 0 },
  { args: [""], stdout: "", stderr: "realpath: '': No such file or directory\n", status: 1 },
  {
    args: [],
    stdout: "",
    stderr: "realpath: missing operand\nTry 'realpath --help' for more information.\n",
    status: 1,
  },
  { args: ["-q", "nope/x", "f"], stdout: "/w/f\n", stderr: "", status: 1 },
  { args: ["-z", "f", "d"], stdout: "/w/f\u0000/w/d\u0000", stderr: "", status: 0 },
  { args: ["-s", "dl/../f"], stdout: "/w/f\n", stderr: "", status: 0 },
  { args: ["-L", "dl/../f"], stdout: "/w/f\n", stderr: "", status: 0 },
  { args: ["-P", "dl/../f"], stdout: "/w/f\n", stderr: "", status: 0 },
  { args: ["-sm", "dl/../x"], stdout: "/w/x\n", stderr: "", status: 0 },
  { args: ["-s", "link"], stdout: "/w/link\n", stderr: "", status: 0 },
  { args: ["-se", "nope"], stdout: "", stderr: "realpath: nope: No such file or directory\n", status: 1 },
  { args: ["-s", "nope/x"], stdout: "/w/nope/x\n", stderr: "", status: 0 },
  { args: ["--relative-to=x/y", "f", "d", "x"], stdout: "../../f\n../../d\n..\n", stderr: "", status: 0 },
  { args: ["--relative-to=.", "."], stdout: ".\n", stderr: "", status: 0 },
  { args: ["--relative-base=x", "x/y", "f"], stdout: "y\n/w/f\n", stderr: "", status: 0 },
  { args: ["--relative-to=nope", "f"], stdout: "../f\n", stderr: "", status: 0 },
  {
    args: ["--relative-to=nope/x", "f"],
    stdout: "",
    stderr: "realpath: nope/x: No such file or directory\n",
    status: 1,
  },
  { args: ["--relative-to=d", "--relative-base=x", "x/y", "f"], stdout: "/w/x/y\n/w/f\n", stderr: "", status: 0 },
  { args: ["--relative-to=x/y", "--relative-base=x", "f", "x/y", "x"], stdout: "/w/f\n.\n..\n", stderr: "", status: 0 },
  { args: ["-m", "nope/../x"], stdout: "/w/x\n", stderr: "", status: 0 },
  { args: ["-e", "-m", "nope/x"], stdout: "/w/nope/x\n", stderr: "", status: 0 },
]

describe("realpath", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(realpath, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
