import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"

/** Laws of pipes and redirects that must hold for any content. */

const content = fc.oneof(
  fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
  fc
    .array(fc.constantFrom("alpha", "beta", "", "gamma delta", "\t", "x".repeat(50)), { maxLength: 30 })
    .map((ls) => ls.join("\n") + "\n"),
  fc.uint8Array({ maxLength: 300 }).map((b) => new TextDecoder().decode(b)),
)

const workspace = () => new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })

describe("pipe laws", () => {
  it("x | cat = x, and cat f = cat < f = cat f | cat", async () => {
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        const ws = workspace()
        await ws.fs.writeFile("/f", text)
        const direct = await ws.execute("cat /f")
        const piped = await ws.execute("cat /f | cat")
        const redirected = await ws.execute("cat < /f")
        const chain = await ws.execute("cat /f | cat | cat | cat")
        expect(piped.stdout).toEqual(direct.stdout)
        expect(redirected.stdout).toEqual(direct.stdout)
        expect(chain.stdout).toEqual(direct.stdout)
        expect(direct.stdout).toEqual(await ws.fs.readFile("/f"))
      }),
      { numRuns: 40 },
    )
  })

  it("writing through > and reading back is the identity", async () => {
    await fc.assert(
      fc.asyncProperty(content, async (text) => {
        const ws = workspace()
        await ws.fs.writeFile("/in", text)
        await ws.execute("cat /in > /out; cat /in >> /twice; cat /in >> /twice")
        expect(await ws.fs.readFile("/out")).toEqual(await ws.fs.readFile("/in"))
        expect(await ws.fs.readFile("/twice", "utf8")).toBe((await ws.fs.readFile("/in", "utf8")).repeat(2))
      }),
      { numRuns: 30 },
    )
  })

  it("an infinite producer stops when its consumer does", async () => {
    const ws = workspace()
    for (const [script, out] of [
      ["yes | head -1", "y\n"],
      ["yes abc | head -n 3", "abc\nabc\nabc\n"],
      ["while true; do echo loop; done | head -2", "loop\nloop\n"],
      ["seq 1 1000000000 | head -3", "1\n2\n3\n"],
      ["yes | cat | cat | head -c 5", "y\ny\ny"],
    ] as const) {
      const r = await ws.execute(script)
      expect(r.stdoutText, script).toBe(out)
      expect(r.exitCode, script).toBe(0)
    }
    const status = await ws.execute("yes | head -1 >/dev/null; echo ${PIPESTATUS[@]}")
    expect(status.stdoutText).toBe("141 0\n")
  })
})
