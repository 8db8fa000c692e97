import { describe, expect, it } from "vitest"
import { b2sum } from "../../../src/interpreter/commands/b2sum.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU b2sum (coreutils 9.1) printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ).
const cases: ReadonlyArray<{
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}> = [
  {
    args: ["f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout:
      "f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f  f\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "256", "--tag", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "BLAKE2b-256 (f) = 93becc6e9882211c3ec3708c95bcd69baab7bb59c7f4bc84ce637b88a534b783\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "12", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "",
    stderr: "b2sum: invalid length: '12'\nb2sum: length is not a multiple of 8\n",
    status: 1,
  },
  {
    args: ["-l", "520", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "",
    stderr: "b2sum: invalid length: '520'\nb2sum: maximum digest length for 'BLAKE2b' is 512 bits\n",
    status: 1,
  },
  {
    args: ["-l", "x", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "",
    stderr: "b2sum: invalid length: 'x'\n",
    status: 1,
  },
  {
    args: ["-l", "0", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout:
      "f60ce482e5cc1229f39d71313171a8d9f4ca3a87d066bf4b205effb528192a75f14f3271e2c1a90e1de53f275b4d4793eef2f5e31ea90d2ce29d2e481c36435f  f\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "128", "f"],
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "ea41b4de6c03f13a95758b28dd75693e  f\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c"],
    stdin:
      "BLAKE2b-256 (f) = 93becc6e9882211c3ec3708c95bcd69baab7bb59c7f4bc84ce637b88a534b783\n93becc6e9882211c3ec3708c95bcd69baab7bb59c7f4bc84ce637b88a534b783  f\n",
    files: { f: "hello\n", g: "world\n", "a\\b": "x", "n\nl": "y" },
    stdout: "f: OK\nf: OK\n",
    stderr: "",
    status: 0,
  },
]

describe("b2sum", () => {
  it.each(cases)("b2sum $args", async (c) => {
    const r = await run(b2sum, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
