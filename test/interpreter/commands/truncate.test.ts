import { describe, expect, it } from "vitest"
import { truncate } from "../../../src/interpreter/commands/truncate.ts"
import { readText, run, type Setup } from "./harness.ts"

// Every row was confirmed against GNU coreutils 9.1 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = { files: { t: "hello world\n", r: "abc" }, dirs: ["e"] }

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  { args: ["-s", "5", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "+3", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "-2", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "<3", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", ">20", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "/4", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "%5", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "1K", "n1"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "1KB", "n2"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "1k", "n3"], stdout: "", stderr: "", status: 0 },
  { args: ["-c", "-s", "5", "nope"], stdout: "", stderr: "", status: 0 },
  {
    args: ["t"],
    stdout: "",
    stderr:
      "truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n",
    status: 1,
  },
  { args: ["-s", "x", "t"], stdout: "", stderr: "truncate: Invalid number: 'x'\n", status: 1 },
  { args: ["-s", "5", "e"], stdout: "", stderr: "truncate: cannot open 'e' for writing: Is a directory\n", status: 1 },
  {
    args: ["-s", "5", "nodir/x"],
    stdout: "",
    stderr: "truncate: cannot open 'nodir/x' for writing: No such file or directory\n",
    status: 1,
  },
  { args: ["-r", "t", "n3"], stdout: "", stderr: "", status: 0 },
  {
    args: ["-r", "nope", "n4"],
    stdout: "",
    stderr: "truncate: cannot stat 'nope': No such file or directory\n",
    status: 1,
  },
  { args: ["-s", "-100", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "/0", "t"], stdout: "", stderr: "truncate: division by zero\n", status: 1 },
  {
    args: ["-s", "5"],
    stdout: "",
    stderr: "truncate: missing file operand\nTry 'truncate --help' for more information.\n",
    status: 1,
  },
  { args: ["-r", "r", "-s", "+1", "n3"], stdout: "", stderr: "", status: 0 },
  { args: ["-r", "r", "-s", "<1", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "+-3", "t"], stdout: "", stderr: "truncate: Invalid number: '+-3'\n", status: 1 },
  { args: ["-s", " 5", "t"], stdout: "", stderr: "", status: 0 },
  { args: ["-s", "1.5", "t"], stdout: "", stderr: "truncate: Invalid number: '1.5'\n", status: 1 },
  { args: ["-s", "5b", "t"], stdout: "", stderr: "truncate: Invalid number: '5b'\n", status: 1 },
  { args: ["-o", "-s", "1", "t"], stdout: "", stderr: "", status: 0 },
  {
    args: ["-o", "t"],
    stdout: "",
    stderr:
      "truncate: you must specify either '--size' or '--reference'\nTry 'truncate --help' for more information.\n",
    status: 1,
  },
  { args: ["-s", "0", "t", "t2"], stdout: "", stderr: "", status: 0 },
  { args: ["--size=3", "t"], stdout: "", stderr: "", status: 0 },
]

describe("truncate", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(truncate, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

describe("truncate: the resulting sizes", () => {
  const sized = async (args: ReadonlyArray<string>, path: string) => {
    const r = await run(truncate, args, { ...setup, cwd: "/w" })
    return (await readText(r.fs, path))?.length
  }
  it.each([
    [["-s", "5", "t"], "/w/t", 5],
    [["-s", "+3", "t"], "/w/t", 15],
    [["-s", "<3", "t"], "/w/t", 3],
    [["-s", "%5", "t"], "/w/t", 15],
    [["-s", "/5", "t"], "/w/t", 10],
    [["-s", "1K", "n"], "/w/n", 1024],
    [["-r", "r", "-s", "+1", "n"], "/w/n", 4],
  ] as const)("%j", async (args, path, size) => {
    expect(await sized(args, path)).toBe(size)
  })
  it("keeps the first bytes and pads with zeros", async () => {
    const r = await run(truncate, ["-s", "7", "r"], { ...setup, cwd: "/w" })
    expect(await readText(r.fs, "/w/r")).toBe("abc\0\0\0\0")
  })
})
