import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { RAMResource } from "../../src/resources/RAM.ts"
import { make, MountMode, Namespace } from "../../src/vfs/Namespace.ts"
import type { NamespaceShape } from "../../src/vfs/Namespace.ts"
import { make as makeResource } from "../../src/vfs/Resource.ts"
import type { Resource } from "../../src/vfs/Resource.ts"
import { VfsError } from "../../src/vfs/VfsError.ts"
import { bytes, chunks, failure, outcome, run, snapshot, text } from "./support.ts"

const W = MountMode.WRITE
const R = MountMode.READ

/** /data (RAM, writable), /data/deep/mnt (RAM), /ro (read-only, holding /ro/file), /a/b/c (RAM). */
const fixture = async () => {
  const data = new RAMResource()
  const deep = new RAMResource()
  const ro = new RAMResource()
  const abc = new RAMResource()
  await run(ro.writeFile("/file", bytes("read me")))
  await run(ro.mkdir("/dir"))
  const ns = make([
    { prefix: "/data/", resource: data, mode: W },
    { prefix: "/data/deep/mnt", resource: deep, mode: W },
    { prefix: "/ro", resource: ro, mode: R },
    { prefix: "//a/b/c/", resource: abc, mode: W },
  ])
  return { ns, data, deep, ro, abc }
}

const names = (ns: NamespaceShape, path: string) =>
  run(ns.list(path)).then((entries) => entries.map((e) => `${e.name}:${e.type}`))

describe("Namespace routing", () => {
  it("normalizes prefixes and routes to the longest one, mount-relative", async () => {
    const { ns, data, deep } = await fixture()
    expect(ns.mounts().map((m) => m.prefix)).toEqual(["/a/b/c", "/data", "/data/deep/mnt", "/ro"])
    expect(ns.route("/data/x/../deep/mnt/f")?.path).toBe("/f")
    expect(ns.route("/data/deep/mnt")?.path).toBe("/")
    expect(ns.route("/database")).toBeUndefined()
    await run(ns.mkdir("/data/deep", { recursive: true }))
    await run(ns.writeFile("/data/deep/f", bytes("on data")))
    await run(ns.writeFile("/data/deep/mnt/f", bytes("on deep")))
    expect(text(await run(data.readFile("/deep/f")))).toBe("on data")
    expect(text(await run(deep.readFile("/f")))).toBe("on deep")
  })

  it("lists ancestors of mount points without any root mount", async () => {
    const { ns } = await fixture()
    expect(await names(ns, "/")).toEqual(["a:directory", "data:directory", "ro:directory"])
    expect(await names(ns, "/a")).toEqual(["b:directory"])
    expect(await names(ns, "/a/b")).toEqual(["c:directory"])
    expect((await run(ns.stat("/a/b"))).type).toBe("directory")
    expect(await run(ns.exists("/a"))).toBe(true)
    expect(await run(ns.exists("/zzz"))).toBe(false)
  })

  it("merges child mount points into the covering resource's listing, sorted by bytes", async () => {
    const { ns, data } = await fixture()
    await run(data.writeFile("/Zed", bytes("")))
    await run(data.writeFile("/apple", bytes("")))
    await run(data.writeFile("/\u00e9t\u00e9", bytes("")))
    await run(data.writeFile("/\u{1F600}", bytes("")))
    await run(data.writeFile("/\uFF21", bytes("")))
    // "deep" is only a synthesized parent of /data/deep/mnt: it is listed as a directory.
    expect(await names(ns, "/data")).toEqual([
      "Zed:file",
      "apple:file",
      "deep:directory",
      "\u00e9t\u00e9:file",
      "\uFF21:file",
      "\u{1F600}:file",
    ])
  })

  it("lets a mount point shadow a file of the covering resource", async () => {
    const root = new RAMResource()
    await run(root.writeFile("/data", bytes("a file")))
    const ns = make([
      { prefix: "/", resource: root, mode: W },
      { prefix: "/data", resource: new RAMResource(), mode: W },
    ])
    expect((await run(ns.stat("/data"))).type).toBe("directory")
    expect(await names(ns, "/")).toEqual(["data:directory"])
  })

  it("creates a synthesized parent in the covering resource on first write", async () => {
    const root = new RAMResource()
    const ns = make([
      { prefix: "/", resource: root, mode: W },
      { prefix: "/a/b", resource: new RAMResource(), mode: W },
    ])
    await run(ns.writeFile("/a/x", bytes("x")))
    expect((await run(root.stat("/a"))).type).toBe("directory")
    expect(await names(ns, "/a")).toEqual(["b:directory", "x:file"])
    await run(ns.mkdir("/a/y"))
    expect(await run(root.exists("/a/y"))).toBe(true)
  })

  it("adds and removes mounts", async () => {
    const ns = make()
    expect(await names(ns, "/")).toEqual([])
    ns.addMount("/m/", new RAMResource(), W)
    expect(await names(ns, "/")).toEqual(["m:directory"])
    expect(ns.removeMount("/m")).toBe(true)
    expect(ns.removeMount("/m")).toBe(false)
    expect(await outcome(ns.stat("/m"))).toBe("NotFound")
  })

  it("routes when an effect runs, not when it is built", async () => {
    const ns = make()
    const write = ns.writeFile("/late/f", bytes("x"))
    const read = ns.read("/late/f")
    ns.addMount("/late", new RAMResource(), W)
    await run(write)
    expect(text(Buffer.concat(await chunks(read)))).toBe("x")
  })

  it("accepts a record of prefix to resource, read-only by default", async () => {
    const ns = make({ "/data/": new RAMResource() })
    expect(ns.mounts()).toMatchObject([{ prefix: "/data", mode: "read" }])
  })
})

describe("Namespace errors", () => {
  it.each([
    ["read a synthesized dir", (ns: NamespaceShape) => ns.readFile("/a"), "IsADirectory"],
    ["stream a mount point", (ns: NamespaceShape) => Stream.runDrain(ns.read("/data")), "IsADirectory"],
    ["write a mount point", (ns: NamespaceShape) => ns.writeFile("/data", bytes("")), "IsADirectory"],
    [
      "exclusive write on a mount point",
      (ns: NamespaceShape) => ns.writeFile("/a", bytes(""), { exclusive: true }),
      "AlreadyExists",
    ],
    ["write outside every mount", (ns: NamespaceShape) => ns.writeFile("/x", bytes("")), "NotFound"],
    [
      "write under a synthesized dir no mount covers",
      (ns: NamespaceShape) => ns.writeFile("/a/x", bytes("")),
      "NotFound",
    ],
    ["mkdir outside every mount", (ns: NamespaceShape) => ns.mkdir("/x"), "NotFound"],
    ["mkdir -p outside every mount", (ns: NamespaceShape) => ns.mkdir("/x/y", { recursive: true }), "NotFound"],
    ["mkdir a mount point", (ns: NamespaceShape) => ns.mkdir("/data"), "AlreadyExists"],
    ["mkdir -p a mount point", (ns: NamespaceShape) => ns.mkdir("/a/b", { recursive: true }), "ok"],
    ["list outside every mount", (ns: NamespaceShape) => ns.list("/x"), "NotFound"],
    ["stat outside every mount", (ns: NamespaceShape) => ns.stat("/x"), "NotFound"],
    ["remove a mount point", (ns: NamespaceShape) => ns.remove("/data", { recursive: true }), "Conflict"],
    ["remove an ancestor of a mount point", (ns: NamespaceShape) => ns.remove("/a", { recursive: true }), "Conflict"],
    ["remove the root", (ns: NamespaceShape) => ns.remove("/", { recursive: true }), "Conflict"],
    ["rename a mount point", (ns: NamespaceShape) => ns.rename("/data", "/data2"), "Conflict"],
    ["rename onto a mount point", (ns: NamespaceShape) => ns.rename("/ro/file", "/a/b/c"), "Conflict"],
    [
      "remove a dir holding a nested mount",
      (ns: NamespaceShape) => ns.remove("/data/deep", { recursive: true }),
      "Conflict",
    ],
    ["copy a synthesized dir", (ns: NamespaceShape) => ns.copyFile("/a", "/data/x"), "IsADirectory"],
    ["copy onto a mount point", (ns: NamespaceShape) => ns.copyFile("/ro/file", "/data"), "IsADirectory"],
    ["readlink a mount point", (ns: NamespaceShape) => ns.readlink("/data"), "Backend"],
    ["truncate a mount point", (ns: NamespaceShape) => ns.truncate("/data", 0), "IsADirectory"],
    ["symlink over a mount point", (ns: NamespaceShape) => ns.symlink("x", "/data"), "AlreadyExists"],
  ] as const)("%s → %s", async (_, act, want) => {
    const { ns } = await fixture()
    expect(await outcome(act(ns))).toBe(want)
  })

  it.each([
    ["write", (ns: NamespaceShape) => ns.writeFile("/ro/new", bytes("x"))],
    ["stream write", (ns: NamespaceShape) => ns.write("/ro/file", Stream.succeed(bytes("x")))],
    ["append", (ns: NamespaceShape) => ns.writeFile("/ro/file", bytes("x"), { append: true })],
    ["mkdir", (ns: NamespaceShape) => ns.mkdir("/ro/new")],
    ["mkdir -p", (ns: NamespaceShape) => ns.mkdir("/ro/new/deeper", { recursive: true })],
    ["remove", (ns: NamespaceShape) => ns.remove("/ro/file")],
    ["remove -r", (ns: NamespaceShape) => ns.remove("/ro/dir", { recursive: true })],
    ["rename within", (ns: NamespaceShape) => ns.rename("/ro/file", "/ro/moved")],
    ["rename out of", (ns: NamespaceShape) => ns.rename("/ro/file", "/data/moved")],
    ["rename into", (ns: NamespaceShape) => ns.rename("/data/deep/mnt/x", "/ro/x")],
    ["copy into", (ns: NamespaceShape) => ns.copyFile("/ro/file", "/ro/copy")],
    ["symlink", (ns: NamespaceShape) => ns.symlink("file", "/ro/link")],
    ["setMtime", (ns: NamespaceShape) => ns.setMtime("/ro/file", 0)],
    ["truncate", (ns: NamespaceShape) => ns.truncate("/ro/file", 0)],
  ] as const)("read-only mount refuses %s", async (_, act) => {
    const { ns, ro } = await fixture()
    const error = await failure(act(ns))
    expect([error.reason, error.mount]).toEqual(["ReadOnly", "/ro"])
    expect(text(await run(ro.readFile("/file")))).toBe("read me")
  })

  it("keeps what a read-only mount allows: reads, and mkdir -p / mkdir of what exists", async () => {
    const { ns } = await fixture()
    expect(text(await run(ns.readFile("/ro/file")))).toBe("read me")
    expect(await outcome(ns.mkdir("/ro/dir", { recursive: true }))).toBe("ok")
    expect(await outcome(ns.mkdir("/ro/dir"))).toBe("AlreadyExists")
    expect(await outcome(ns.mkdir("/ro/file", { recursive: true }))).toBe("AlreadyExists")
  })

  it("re-tags resource errors with the namespace path and the mount", async () => {
    const { ns } = await fixture()
    const error = await failure(ns.readFile("/data/deep/mnt/nope"))
    expect(error).toBeInstanceOf(VfsError)
    expect([error.reason, error.path, error.mount]).toEqual(["NotFound", "/data/deep/mnt/nope", "/data/deep/mnt"])
    const streamed = await failure(Stream.runDrain(ns.read("/ro/nope")))
    expect([streamed.path, streamed.mount]).toEqual(["/ro/nope", "/ro"])
    const unmounted = await failure(ns.writeFile("/x/y", bytes("")))
    expect([unmounted.reason, unmounted.path, unmounted.mount]).toEqual(["NotFound", "/x/y", undefined])
  })

  it("passes errors of the caller's input stream through a write unchanged", async () => {
    const { ns } = await fixture()
    // `cat /ro/nope > /data/out`: the error is about /ro/nope, not /data/out.
    const error = await failure(ns.write("/data/out", ns.read("/ro/nope")))
    expect([error.reason, error.path, error.mount]).toEqual(["NotFound", "/ro/nope", "/ro"])
    expect(await failure(ns.write("/data/out", Stream.fail("custom")))).toBe("custom")
    expect(await run(ns.exists("/data/out"))).toBe(false)
  })
})

describe("Namespace across mounts", () => {
  it("copies a large file between mounts as a stream of chunks", async () => {
    const { ns, ro, abc } = await fixture()
    const big = new Uint8Array(1_000_003).map((_, i) => i % 253)
    await run(ro.writeFile("/big", big))
    await run(ns.copyFile("/ro/big", "/a/b/c/big"))
    expect(Buffer.from(await run(abc.readFile("/big"))).equals(big)).toBe(true)
    const parts = await chunks(ns.read("/a/b/c/big", { start: 1000, end: 200_000 }))
    expect(parts.every((c) => c.length <= 65536)).toBe(true)
    expect(Buffer.concat(parts).equals(big.subarray(1000, 200_000))).toBe(true)
  })

  it("reports a bad source before touching the destination", async () => {
    const { ns } = await fixture()
    expect(await outcome(ns.copyFile("/ro/nope", "/data/missing/x"))).toBe("NotFound")
    expect((await failure(ns.copyFile("/ro/nope", "/data/missing/x"))).path).toBe("/ro/nope")
    expect(await outcome(ns.copyFile("/ro/dir", "/data/x"))).toBe("IsADirectory")
  })

  it("moves a tree with files, links and empty dirs, keeping mtimes", async () => {
    const { ns, data, abc } = await fixture()
    await run(data.mkdirp("/t/sub/empty"))
    await run(data.writeFile("/t/f", bytes("f")))
    await run(data.writeFile("/t/sub/g", bytes("g")))
    await run(data.symlink("../f", "/t/sub/l"))
    await run(data.setMtime("/t/f", 1_500_000_000_000))
    await run(ns.rename("/data/t", "/a/b/c/t"))
    expect(await run(data.exists("/t"))).toBe(false)
    expect(await run(snapshot(abc))).toEqual({
      "/t": "dir",
      "/t/f": "f",
      "/t/sub": "dir",
      "/t/sub/empty": "dir",
      "/t/sub/g": "g",
      "/t/sub/l": "link:../f",
    })
    expect((await run(abc.stat("/t/f"))).mtime).toBe(1_500_000_000_000)
    expect(text(await run(ns.readFile("/a/b/c/t/sub/l")))).toBe("f")
  })

  it.each([
    ["a dir onto a file", ["dir", "file"], "NotADirectory"],
    ["a file onto a dir", ["file", "dir"], "IsADirectory"],
    ["a dir onto a non-empty dir", ["dir", "full"], "NotEmpty"],
    ["a dir onto an empty dir", ["dir", "dir"], "ok"],
    ["a file onto a file", ["file", "file"], "ok"],
    ["a file onto a link", ["file", "link"], "ok"],
    ["a missing path", ["none", "none"], "NotFound"],
  ] as const)("rename across mounts: %s → %s", async (_, [from, to], want) => {
    const { ns, data, abc } = await fixture()
    const make = (r: Resource, kind: string) => {
      switch (kind) {
        case "dir":
          return r.mkdir("/x")
        case "full":
          return r.mkdirp("/x/inner")
        case "file":
          return r.writeFile("/x", bytes(`file on ${r === data ? "data" : "abc"}`))
        case "link":
          return r.symlink("elsewhere", "/x")
        default:
          return Effect.void
      }
    }
    await run(make(data, from))
    await run(make(abc, to))
    const before = await run(snapshot(data))
    expect(await outcome(ns.rename("/data/x", "/a/b/c/x"))).toBe(want)
    if (want === "ok") {
      expect(await run(data.exists("/x"))).toBe(false)
      if (from === "file") {
        expect(text(await run(abc.readFile("/x")))).toBe("file on data")
        expect((await run(abc.lstat("/x"))).type).toBe("file")
      }
    } else expect(await run(snapshot(data))).toEqual(before)
  })

  it("renames within a mount with the resource's own rename", async () => {
    const { ns, data } = await fixture()
    await run(ns.writeFile("/data/x", bytes("x")))
    await run(ns.rename("/data/x", "/data/y"))
    expect(await run(snapshot(data))).toEqual({ "/y": "x" })
  })
})

describe("Namespace service", () => {
  it("is provided by Namespace.layer and closes each resource once on release", async () => {
    let closed = 0
    const counting = (): Resource => {
      const base = new RAMResource()
      return makeResource({ ...base, close: Effect.sync(() => void closed++) })
    }
    const shared = counting()
    const program = Effect.gen(function* () {
      const ns = yield* Namespace
      yield* ns.writeFile("/w/f", bytes("hi"))
      return text(yield* ns.readFile("/w/f"))
    })
    const layer = Namespace.layer([
      { prefix: "/w", resource: shared, mode: W },
      { prefix: "/w2", resource: shared, mode: W },
      { prefix: "/other", resource: counting() },
    ])
    expect(await run(program.pipe(Effect.provide(layer)))).toBe("hi")
    expect(closed).toBe(2)
  })
})
