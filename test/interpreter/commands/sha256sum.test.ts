import { describe, expect, it } from "vitest"
import { sha1sum } from "../../../src/interpreter/commands/sha1sum.ts"
import { sha224sum } from "../../../src/interpreter/commands/sha224sum.ts"
import { sha256sum } from "../../../src/interpreter/commands/sha256sum.ts"
import { sha384sum } from "../../../src/interpreter/commands/sha384sum.ts"
import { sha512sum } from "../../../src/interpreter/commands/sha512sum.ts"
import { run, tree } from "./harness.ts"

// Every expectation below is what GNU coreutils 9.1 printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ). File values
// starting with "b64:" are bytes (archives made by the real tools).
const commands = {
  sha1sum: sha1sum,
  sha224sum: sha224sum,
  sha256sum: sha256sum,
  sha384sum: sha384sum,
  sha512sum: sha512sum,
}
const bytes = (v: string): Uint8Array =>
  v.startsWith("b64:") ? Uint8Array.from(atob(v.slice(4)), (c) => c.charCodeAt(0)) : new TextEncoder().encode(v)

const cases: ReadonlyArray<{
  readonly command?: keyof typeof commands
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
  readonly tree?: ReadonlyArray<string>
}> = [
  {
    args: ["f"],
    files: { f: "hello\n" },
    stdout: "f572d396fae9206628714fb2ce00f72e94f2258f  f\n",
    stderr: "",
    status: 0,
    command: "sha1sum",
  },
  {
    args: ["--tag", "f"],
    files: { f: "hello\n" },
    stdout: "SHA1 (f) = f572d396fae9206628714fb2ce00f72e94f2258f\n",
    stderr: "",
    status: 0,
    command: "sha1sum",
  },
  {
    args: [],
    stdin: "abc",
    stdout: "a9993e364706816aba3e25717850c26c9cd0d89d  -\n",
    stderr: "",
    status: 0,
    command: "sha1sum",
  },
  {
    args: ["f"],
    files: { f: "hello\n" },
    stdout: "2d6d67d91d0badcdd06cbbba1fe11538a68a37ec9c2e26457ceff12b  f\n",
    stderr: "",
    status: 0,
    command: "sha224sum",
  },
  {
    args: ["--tag", "f"],
    files: { f: "hello\n" },
    stdout: "SHA224 (f) = 2d6d67d91d0badcdd06cbbba1fe11538a68a37ec9c2e26457ceff12b\n",
    stderr: "",
    status: 0,
    command: "sha224sum",
  },
  {
    args: [],
    stdin: "abc",
    stdout: "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7  -\n",
    stderr: "",
    status: 0,
    command: "sha224sum",
  },
  {
    args: ["f"],
    files: { f: "hello\n" },
    stdout: "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  f\n",
    stderr: "",
    status: 0,
    command: "sha256sum",
  },
  {
    args: ["--tag", "f"],
    files: { f: "hello\n" },
    stdout: "SHA256 (f) = 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03\n",
    stderr: "",
    status: 0,
    command: "sha256sum",
  },
  {
    args: [],
    stdin: "abc",
    stdout: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  -\n",
    stderr: "",
    status: 0,
    command: "sha256sum",
  },
  {
    args: ["f"],
    files: { f: "hello\n" },
    stdout: "1d0f284efe3edea4b9ca3bd514fa134b17eae361ccc7a1eefeff801b9bd6604e01f21f6bf249ef030599f0c218f2ba8c  f\n",
    stderr: "",
    status: 0,
    command: "sha384sum",
  },
  {
    args: ["--tag", "f"],
    files: { f: "hello\n" },
    stdout:
      "SHA384 (f) = 1d0f284efe3edea4b9ca3bd514fa134b17eae361ccc7a1eefeff801b9bd6604e01f21f6bf249ef030599f0c218f2ba8c\n",
    stderr: "",
    status: 0,
    command: "sha384sum",
  },
  {
    args: [],
    stdin: "abc",
    stdout: "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7  -\n",
    stderr: "",
    status: 0,
    command: "sha384sum",
  },
  {
    args: ["f"],
    files: { f: "hello\n" },
    stdout:
      "e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629  f\n",
    stderr: "",
    status: 0,
    command: "sha512sum",
  },
  {
    args: ["--tag", "f"],
    files: { f: "hello\n" },
    stdout:
      "SHA512 (f) = e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629\n",
    stderr: "",
    status: 0,
    command: "sha512sum",
  },
  {
    args: [],
    stdin: "abc",
    stdout:
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f  -\n",
    stderr: "",
    status: 0,
    command: "sha512sum",
  },
]

describe("sha1sum, sha224sum, sha256sum, sha384sum, sha512sum", () => {
  it.each(cases)("$command $args", async (c) => {
    const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [k, bytes(v)]))
    const r = await run(commands[c.command ?? "sha1sum"], c.args, {
      files,
      stdin: c.stdin === undefined ? undefined : bytes(c.stdin),
      env: c.env ?? { TZ: "UTC" },
      commands: [],
    })
    const got = { stdout: r.stdout, stderr: r.stderr, status: r.status }
    expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status })
    if (c.tree !== undefined) expect((await tree(r.fs)).map((x) => x.replace(/[=@][^]*$/, "")).sort()).toEqual(c.tree)
  })
})
