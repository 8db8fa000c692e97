import { Effect, Layer, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { layer, make, RAMResource } from "../../src/resources/RAM.ts"
import { Namespace } from "../../src/vfs/Namespace.ts"
import { bytes, chunks, failure, outcome, run, text } from "../vfs/support.ts"
import { resourceConformance } from "./conformance.ts"

resourceConformance("RAM", async () => ({ resource: new RAMResource(), cleanup: async () => {} }), { readSmall: true })

describe("RAMResource", () => {
  it("is a class with the Resource members and a make()", () => {
    const resource = new RAMResource()
    expect(resource.kind).toBe("ram")
    expect(typeof resource.copyFile).toBe("function")
    expect(make().kind).toBe("ram")
  })

  it("resolves absolute link targets from the resource root", async () => {
    const r = new RAMResource()
    await run(r.mkdirp("/etc"))
    await run(r.writeFile("/etc/passwd", bytes("inside")))
    await run(r.mkdir("/d"))
    await run(r.symlink("/etc/passwd", "/d/abs"))
    await run(r.symlink("/../../etc", "/d/climb"))
    expect(text(await run(r.readFile("/d/abs")))).toBe("inside")
    // ".." never climbs above the root, so a link cannot leave the resource.
    expect(text(await run(r.readFile("/d/climb/passwd")))).toBe("inside")
  })

  it("follows up to 40 links and fails on the 41st", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/l0", bytes("end")))
    for (let i = 1; i <= 41; i++) await run(r.symlink(`l${i - 1}`, `/l${i}`))
    expect(text(await run(r.readFile("/l40")))).toBe("end")
    const error = await failure(r.readFile("/l41"))
    expect([error.reason, error.detail]).toEqual(["Backend", "Too many levels of symbolic links"])
  })

  it("emits subarray views of the content, never copies", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/big", new Uint8Array(200_000).fill(7)))
    const parts = await chunks(r.read("/big"))
    expect(parts.map((c) => c.length)).toEqual([65536, 65536, 65536, 3392])
    expect(new Set(parts.map((c) => c.buffer)).size).toBe(1)
  })

  it("owns written bytes: mutating the caller's array later changes nothing", async () => {
    const r = new RAMResource()
    const data = bytes("abc")
    await run(r.writeFile("/f", data))
    data[0] = 122
    expect(text(await run(r.readFile("/f")))).toBe("abc")
    // readFile hands out a copy, too.
    const read = await run(r.readFile("/f"))
    read[0] = 122
    expect(text(await run(r.readFile("/f")))).toBe("abc")
  })

  it("gives a running read the content it started with (rewrite and append)", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/f", new Uint8Array(70_000).fill(1)))
    const program = Effect.scoped(
      Effect.gen(function* () {
        const pull = yield* Stream.toPull(r.read("/f"))
        const first = yield* pull
        yield* r.writeFile("/f", bytes("new"), { append: true })
        yield* r.writeFile("/f", bytes("replaced"))
        const second = yield* pull
        return [first[0].length, second[0].length, second[0].every((b) => b === 1)]
      }),
    )
    expect(await run(program)).toEqual([65536, 70_000 - 65536, true])
    expect(text(await run(r.readFile("/f")))).toBe("replaced")
  })

  it("appends in amortized linear time and keeps earlier views intact", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/log", bytes("a")))
    const before = (await chunks(r.read("/log")))[0]
    for (let i = 0; i < 2000; i++) await run(r.writeFile("/log", bytes("b"), { append: true }))
    await run(r.truncate("/log", 1))
    await run(r.writeFile("/log", bytes("c"), { append: true }))
    expect(text(before)).toBe("a")
    expect(text(await run(r.readFile("/log")))).toBe("ac")
  })

  it("collects the whole input before swapping content (atomic write)", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/f", bytes("old")))
    const seen: Array<string> = []
    const input = Stream.fromArray([bytes("n"), bytes("e"), bytes("w")]).pipe(
      Stream.tap(() => Effect.flatMap(r.readFile("/f"), (b) => Effect.sync(() => seen.push(text(b))))),
    )
    await run(r.write("/f", input))
    expect(seen).toEqual(["old", "old", "old"])
    expect(text(await run(r.readFile("/f")))).toBe("new")
  })

  it("keeps modes and times", async () => {
    const r = new RAMResource()
    const before = Date.now()
    await run(r.writeFile("/f", bytes("x")))
    await run(r.mkdir("/d"))
    await run(r.symlink("f", "/l"))
    const [f, d, l] = await run(Effect.all([r.stat("/f"), r.stat("/d"), r.lstat("/l")]))
    expect([f.mode, d.mode, l.mode]).toEqual([0o644, 0o755, 0o777])
    expect(f.mtime).toBeGreaterThanOrEqual(before)
  })

  it("refuses a negative truncate and an empty link target", async () => {
    const r = new RAMResource()
    await run(r.writeFile("/f", bytes("x")))
    expect(await outcome(r.truncate("/f", -1))).toBe("Backend")
    expect(await outcome(r.symlink("", "/l"))).toBe("NotFound")
  })

  it("provides a namespace through layer()", async () => {
    const program = Effect.gen(function* () {
      const ns = yield* Namespace
      yield* ns.writeFile("/scratch/a", bytes("hi"))
      return text(yield* ns.readFile("/scratch/a"))
    })
    expect(await run(program.pipe(Effect.provide(layer("/scratch"))))).toBe("hi")
    const readOnly: Layer.Layer<Namespace> = layer("/ro", "read")
    const attempt = Namespace.use((ns) => ns.writeFile("/ro/a", bytes("")))
    expect(await outcome(attempt.pipe(Effect.provide(readOnly)))).toBe("ReadOnly")
  })
})
