import { describe, expect, it } from "vitest"
import { stat } from "../../../src/interpreter/commands/stat.ts"
import { inodeOf } from "../../../src/interpreter/commands/shared/FileInfo.ts"
import { run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = {
  files: { t: "hello\n", empty: "", "sp ace": "", "d/sub/x": "" },
  symlinks: { l: "t", broken: "nowhere", "l n": "sp ace" },
  mtimes: { t: 1577934245500, empty: 1577934245500, "sp ace": 1577934245500, d: 1577934245500, "d/sub": 1577934245500 },
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
  {
    args: [
      "-c",
      "%n|%s|%F|%a|%A|%h|%N|%o|%B|%f|%t|%T|%Y|%y|%.3Y|%.12Y|%5.1Y|%.0Y|%-22n|%10s|%-5a|%05a|%#a|%+5s|% s|%.2s|%10.2n",
      "t",
      "d",
      "d/sub",
      "empty",
      "sp ace",
    ],
    stdout:
      "t|6|regular file|644|-rw-r--r--|1|'t'|4096|512|81a4|0|0|1577934245|2020-01-02 03:04:05.500000000 +0000|1577934245.500|1577934245.500000000000|1577934245.5|1577934245|t                     |         6|644  |00644|0644|   +6| 6|06|         t\nd|4096|directory|755|drwxr-xr-x|3|'d'|4096|512|41ed|0|0|1577934245|2020-01-02 03:04:05.500000000 +0000|1577934245.500|1577934245.500000000000|1577934245.5|1577934245|d                     |      4096|755  |00755|0755|+4096| 4096|4096|         d\nd/sub|4096|directory|755|drwxr-xr-x|2|'d/sub'|4096|512|41ed|0|0|1577934245|2020-01-02 03:04:05.500000000 +0000|1577934245.500|1577934245.500000000000|1577934245.5|1577934245|d/sub                 |      4096|755  |00755|0755|+4096| 4096|4096|        d/\nempty|0|regular empty file|644|-rw-r--r--|1|'empty'|4096|512|81a4|0|0|1577934245|2020-01-02 03:04:05.500000000 +0000|1577934245.500|1577934245.500000000000|1577934245.5|1577934245|empty                 |         0|644  |00644|0644|   +0| 0|00|        em\nsp ace|0|regular empty file|644|-rw-r--r--|1|'sp ace'|4096|512|81a4|0|0|1577934245|2020-01-02 03:04:05.500000000 +0000|1577934245.500|1577934245.500000000000|1577934245.5|1577934245|sp ace                |         0|644  |00644|0644|   +0| 0|00|        sp\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "%n|%s|%F|%a|%A|%h|%N|%f", "l", "broken", "l n"],
    stdout:
      "l|1|symbolic link|777|lrwxrwxrwx|1|'l' -> 't'|a1ff\nbroken|7|symbolic link|777|lrwxrwxrwx|1|'broken' -> 'nowhere'|a1ff\nl n|6|symbolic link|777|lrwxrwxrwx|1|'l n' -> 'sp ace'|a1ff\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "%n", "t", "nope"],
    stdout: "t\n",
    stderr: "stat: cannot statx 'nope': No such file or directory\n",
    status: 1,
  },
  { args: [], stdout: "", stderr: "stat: missing operand\nTry 'stat --help' for more information.\n", status: 1 },
  { args: ["--printf", "%n\\n%s\\t|\\n", "t"], stdout: "t\n6\t|\n", stderr: "", status: 0 },
  {
    args: ["--printf", "\\x41\\101\\e\\q", "t"],
    stdout: "AA\u001bq",
    stderr: "stat: warning: unrecognized escape '\\q'\n",
    status: 0,
  },
  { args: ["-c", "x%", "t"], stdout: "x%\n", stderr: "", status: 0 },
  { args: ["-c", "[%5%]", "t"], stdout: "[", stderr: "stat: '%5%': invalid directive\n", status: 1 },
  { args: ["-c", "[%]", "t"], stdout: "[?\n", stderr: "", status: 0 },
  { args: ["-c", "%q %Q", "t"], stdout: "? ?\n", stderr: "", status: 0 },
  { args: ["-L", "-c", "%N %F %s", "l"], stdout: "'l' regular file 6\n", stderr: "", status: 0 },
  { args: ["-L", "broken"], stdout: "", stderr: "stat: cannot statx 'broken': No such file or directory\n", status: 1 },
  { args: ["-c", "", "t"], stdout: "\n", stderr: "", status: 0 },
  { args: ["--printf", "", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-c", "\\t%n", "t"], stdout: "\\tt\n", stderr: "", status: 0 },
  { args: ["-c", "%%%n%%", "t"], stdout: "%t%\n", stderr: "", status: 0 },
  { args: ["--format=%s", "--printf=%n\\n", "t"], stdout: "t\n", stderr: "", status: 0 },
]

describe("stat", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(stat, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

// The default layout is GNU's (compared line by line with stat 9.1 on the same files); the values that
// a disk cannot reproduce are Mirage's own: owner user/1000, hashed inode, device 0,N
// (the mount's position), no birth time.
describe("stat: default format", () => {
  it("prints GNU's layout with the workspace's metadata", async () => {
    const r = await run(stat, ["t", "l"], { ...setup, cwd: "/w" })
    const inode = (path: string) => String(inodeOf(path))
    const lines = r.stdout.split("\n")
    expect(lines.slice(0, 8)).toEqual([
      "  File: t",
      "  Size: 6         \tBlocks: 8          IO Block: 4096   regular file",
      `Device: 0,1\tInode: ${inode("/w/t").padEnd(10)}  Links: 1`,
      "Access: (0644/-rw-r--r--)  Uid: ( 1000/    user)   Gid: ( 1000/    user)",
      "Access: 2020-01-02 03:04:05.500000000 +0000",
      "Modify: 2020-01-02 03:04:05.500000000 +0000",
      "Change: 2020-01-02 03:04:05.500000000 +0000",
      " Birth: -",
    ])
    expect(lines.slice(8, 12)).toEqual([
      "  File: l -> t",
      "  Size: 1         \tBlocks: 0          IO Block: 4096   symbolic link",
      `Device: 0,1\tInode: ${inode("/w/l").padEnd(10)}  Links: 1`,
      "Access: (0777/lrwxrwxrwx)  Uid: ( 1000/    user)   Gid: ( 1000/    user)",
    ])
  })
  it("has terse and mount-point directives", async () => {
    const r = await run(stat, ["-t", "d"], { ...setup, cwd: "/w" })
    expect(r.stdout).toBe(
      `d 4096 8 41ed 1000 1000 1 ${inodeOf("/w/d")} 3 0 0 1577934245 1577934245 1577934245 0 4096\n`,
    )
    const m = await run(stat, ["-c", "%m %u %U %g %G %b %d %D %i", "t"], { ...setup, cwd: "/w" })
    expect(m.stdout).toBe(`/ 1000 user 1000 user 8 1 1 ${inodeOf("/w/t")}\n`)
  })
})

// `stat -f` keeps GNU's layout (`LC_ALL=C stat -f /tmp`, coreutils 9.1); resources report no capacity.
describe("stat -f", () => {
  it("describes the mount's file system", async () => {
    const r = await run(stat, ["-f", "t"], { ...setup, cwd: "/w" })
    expect(r.stdout).toBe(
      '  File: "t"\n    ID: 1        Namelen: 255     Type: ram\nBlock size: 4096       Fundamental block size: 4096\n' +
        "Blocks: Total: 0          Free: 0          Available: 0\nInodes: Total: 0          Free: 0\n",
    )
    const t = await run(stat, ["-f", "-t", "t"], { ...setup, cwd: "/w" })
    expect(t.stdout).toBe("t 1 255 0 4096 4096 0 0 0 0 0\n")
    const missing = await run(stat, ["-f", "nope"], { ...setup, cwd: "/w" })
    expect(missing).toMatchObject({
      stderr: "stat: cannot read file system information for 'nope': No such file or directory\n",
      status: 1,
    })
  })
})
