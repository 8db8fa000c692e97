import { describe, expect, it } from "vitest"
import { hostname } from "../../../src/interpreter/commands/hostname.ts"
import { nproc } from "../../../src/interpreter/commands/nproc.ts"
import { whoami } from "../../../src/interpreter/commands/whoami.ts"
import { run } from "./harness.ts"

// The workspace's identity is fixed ("user" on host "mirage"); the error
// messages are GNU coreutils 9.1's and net-tools hostname's.
describe("whoami, hostname, nproc", () => {
  it("names the workspace user and host", async () => {
    expect(await run(whoami, [])).toMatchObject({ stdout: "user\n", status: 0 })
    expect(await run(hostname, [])).toMatchObject({ stdout: "mirage\n", status: 0 })
    expect(await run(hostname, ["-s"])).toMatchObject({ stdout: "mirage\n", status: 0 })
  })

  it("refuses extra operands as GNU does", async () => {
    expect(await run(whoami, ["x"])).toMatchObject({
      stderr: "whoami: extra operand 'x'\nTry 'whoami --help' for more information.\n",
      status: 1,
    })
    expect(await run(nproc, ["x"])).toMatchObject({
      stderr: "nproc: extra operand 'x'\nTry 'nproc --help' for more information.\n",
      status: 1,
    })
    expect(await run(nproc, ["--ignore=x"])).toMatchObject({ stderr: "nproc: invalid number: 'x'\n", status: 1 })
    expect((await run(hostname, ["other"])).status).toBe(1)
  })

  it("counts processors, never fewer than one", async () => {
    const n = Number((await run(nproc, [])).stdout)
    expect(Number.isInteger(n) && n >= 1).toBe(true)
    expect(await run(nproc, ["--ignore=100000"])).toMatchObject({ stdout: "1\n", status: 0 })
    expect(await run(nproc, ["--all"])).toMatchObject({ stdout: `${n}\n`, status: 0 })
  })
})
