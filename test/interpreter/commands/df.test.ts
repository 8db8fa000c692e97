import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { df } from "../../../src/interpreter/commands/df.ts"
import { RAMResource } from "../../../src/resources/RAM.ts"
import * as Namespace from "../../../src/vfs/Namespace.ts"
import { run } from "./harness.ts"

// Resources report no capacity, so every mount prints as GNU df prints a pseudo file system: this layout is
// that of `LC_ALL=C df /proc`, `df -h /proc`, `df -T -h /proc`, `df -i /proc` and `df --output` with
// coreutils 9.1 ("proc  0 0 0 - /proc"), with the resource kind as the file system name and type.
const twoMounts = () =>
  Namespace.make([
    { prefix: "/", resource: new RAMResource(), mode: "write" },
    { prefix: "/data/archive", resource: new RAMResource(), mode: "read" },
  ])

describe("df", () => {
  it.each([
    [
      [],
      "Filesystem     1K-blocks  Used Available Use% Mounted on\nram                    0     0         0    - /\nram                    0     0         0    - /data/archive\n",
    ],
    [
      ["-h"],
      "Filesystem      Size  Used Avail Use% Mounted on\nram                0     0     0    - /\nram                0     0     0    - /data/archive\n",
    ],
    [
      ["-T", "/data/archive"],
      "Filesystem     Type 1K-blocks  Used Available Use% Mounted on\nram            ram          0     0         0    - /data/archive\n",
    ],
    [["-i", "/"], "Filesystem     Inodes IUsed IFree IUse% Mounted on\nram                 0     0     0     - /\n"],
    [
      ["."],
      "Filesystem     1K-blocks  Used Available Use% Mounted on\nram                    0     0         0    - /\n",
    ],
  ] as const)("%j", async (args, stdout) => {
    const r = await run(df, args, { fs: twoMounts() })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({ stdout, stderr: "", status: 0 })
  })

  it("reports a missing file as df does", async () => {
    const r = await run(df, ["nope", "/"], { fs: twoMounts() })
    expect(r).toMatchObject({
      stdout:
        "Filesystem     1K-blocks  Used Available Use% Mounted on\nram                    0     0         0    - /\n",
      stderr: "df: nope: No such file or directory\n",
      status: 1,
    })
  })

  it("names the mount a file lives on", async () => {
    const fs = twoMounts()
    await Effect.runPromise(fs.mkdir("/data/x", { recursive: true }))
    const r = await run(df, ["/data/x"], { fs })
    expect(r.stdout.split("\n")[1]).toBe("ram                    0     0         0    - /")
  })
})
