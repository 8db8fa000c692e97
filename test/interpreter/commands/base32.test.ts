import { describe, expect, it } from "vitest"
import { base32 } from "../../../src/interpreter/commands/base32.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU base32 (coreutils 9.1) printed for the same arguments,
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
  { args: [], stdin: "hello", stdout: "NBSWY3DP\n", stderr: "", status: 0 },
  { args: ["-d"], stdin: "NBSWY3DP\n", stdout: "hello", stderr: "", status: 0 },
  { args: ["-d"], stdin: "NBSWY3D\n", stdout: "", stderr: "base32: invalid input\n", status: 1 },
  { args: ["-d"], stdin: "nbswy3dp\n", stdout: "", stderr: "base32: invalid input\n", status: 1 },
  { args: [], stdin: "a", stdout: "ME======\n", stderr: "", status: 0 },
  { args: [], stdin: "ab", stdout: "MFRA====\n", stderr: "", status: 0 },
  { args: [], stdin: "abc", stdout: "MFRGG===\n", stderr: "", status: 0 },
  { args: [], stdin: "abcd", stdout: "MFRGGZA=\n", stderr: "", status: 0 },
  {
    args: [],
    stdin:
      "abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdef",
    stdout:
      "MFRGGZDFMZQWEY3EMVTGCYTDMRSWMYLCMNSGKZTBMJRWIZLGMFRGGZDFMZQWEY3EMVTGCYTDMRSW\nMYLCMNSGKZTBMJRWIZLGMFRGGZDFMZQWEY3EMVTGCYTDMRSWMYLCMNSGKZTBMJRWIZLGMFRGGZDF\nMZQWEY3EMVTGCYTDMRSWMYLCMNSGKZTBMJRWIZLG\n",
    stderr: "",
    status: 0,
  },
  { args: ["-d"], stdin: "MFRGG===\n", stdout: "abc", stderr: "", status: 0 },
  { args: ["-d"], stdin: "MFRGGZA=\n", stdout: "abcd", stderr: "", status: 0 },
  { args: ["-d"], stdin: "ME======\n", stdout: "a", stderr: "", status: 0 },
  { args: ["-d"], stdin: "MFRA====\n", stdout: "ab", stderr: "", status: 0 },
  { args: ["-d"], stdin: "MFRGGZDFMZRQ!!!!\n", stdout: "abcdefc", stderr: "base32: invalid input\n", status: 1 },
  { args: ["-d", "-i"], stdin: "MF-RGG===\n", stdout: "abc", stderr: "", status: 0 },
]

describe("base32", () => {
  it.each(cases)("base32 $args", async (c) => {
    const r = await run(base32, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
