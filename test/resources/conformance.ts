import { Effect, Stream } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import type { Resource } from "../../src/vfs/Resource.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"
import { bytes, chunks, failure, outcome, run, snapshot, text } from "../vfs/support.ts"

/**
 * Behaviour every resource shares, run against RAM (the model) and Disk (the
 * real kernel). An expectation that holds on Disk is what Linux does, so
 * RAM passing the same table means RAM names errors as POSIX does.
 */

/** A setup step: a directory, a file with its text, or a symlink (target, path). */
type Step = readonly ["mkdir", string] | readonly ["file", string, string] | readonly ["link", string, string]

const setUp = (resource: Resource, steps: ReadonlyArray<Step>) =>
  Effect.forEach(
    steps,
    (step) => {
      switch (step[0]) {
        case "mkdir":
          return resource.mkdir(step[1])
        case "file":
          return resource.writeFile(step[1], bytes(step[2]))
        case "link":
          return resource.symlink(step[1], step[2])
      }
    },
    { discard: true },
  )

/** The usual tree: /d/f ("hello"), an empty dir /e, a file /f ("x"), relative links. */
const fullTree: ReadonlyArray<Step> = [
  ["mkdir", "/d"],
  ["file", "/d/f", "hello"],
  ["mkdir", "/e"],
  ["file", "/f", "x"],
  ["link", "d/f", "/lf"],
  ["link", "d", "/ld"],
  ["link", "nowhere", "/dangling"],
  ["link", "loop2", "/loop1"],
  ["link", "loop1", "/loop2"],
]

interface Case {
  readonly name: string
  readonly act: (r: Resource) => Effect.Effect<unknown, VfsError>
  /** "ok" or the reason. */
  readonly want: string
}

const allCases: ReadonlyArray<Case> = [
  { name: "stat a missing path", act: (r) => r.stat("/nope"), want: "NotFound" },
  { name: "stat through a file", act: (r) => r.stat("/f/x"), want: "NotADirectory" },
  { name: "stat a dangling link", act: (r) => r.stat("/dangling"), want: "NotFound" },
  { name: "lstat a dangling link", act: (r) => r.lstat("/dangling"), want: "ok" },
  { name: "stat a symlink loop", act: (r) => r.stat("/loop1"), want: "Backend" },
  { name: "list a file", act: (r) => r.list("/f"), want: "NotADirectory" },
  { name: "list a missing dir", act: (r) => r.list("/nope"), want: "NotFound" },
  { name: "list through a dir link", act: (r) => r.list("/ld"), want: "ok" },
  { name: "read a directory", act: (r) => r.readFile("/d"), want: "IsADirectory" },
  { name: "read a missing file", act: (r) => r.readFile("/nope"), want: "NotFound" },
  { name: "read through a file", act: (r) => r.readFile("/f/x"), want: "NotADirectory" },
  { name: "write in a missing dir", act: (r) => r.writeFile("/nope/x", bytes("x")), want: "NotFound" },
  { name: "write under a file", act: (r) => r.writeFile("/f/x", bytes("x")), want: "NotADirectory" },
  { name: "write over a directory", act: (r) => r.writeFile("/d", bytes("x")), want: "IsADirectory" },
  { name: "write over a dir link", act: (r) => r.writeFile("/ld", bytes("x")), want: "IsADirectory" },
  { name: "write through a dangling link", act: (r) => r.writeFile("/dangling", bytes("x")), want: "ok" },
  {
    name: "exclusive write on a file",
    act: (r) => r.writeFile("/f", bytes("y"), { exclusive: true }),
    want: "AlreadyExists",
  },
  {
    name: "exclusive write on a dangling link",
    act: (r) => r.writeFile("/dangling", bytes("y"), { exclusive: true }),
    want: "AlreadyExists",
  },
  {
    name: "exclusive write of a new file",
    act: (r) => r.writeFile("/new", bytes("y"), { exclusive: true }),
    want: "ok",
  },
  { name: "mkdir an existing dir", act: (r) => r.mkdir("/d"), want: "AlreadyExists" },
  { name: "mkdir over a file", act: (r) => r.mkdir("/f"), want: "AlreadyExists" },
  { name: "mkdir over a dangling link", act: (r) => r.mkdir("/dangling"), want: "AlreadyExists" },
  { name: "mkdir the root", act: (r) => r.mkdir("/"), want: "AlreadyExists" },
  { name: "mkdir in a missing dir", act: (r) => r.mkdir("/nope/x"), want: "NotFound" },
  { name: "mkdir under a file", act: (r) => r.mkdir("/f/x"), want: "NotADirectory" },
  { name: "mkdir through a dir link", act: (r) => r.mkdir("/ld/sub"), want: "ok" },
  { name: "remove a non-empty dir", act: (r) => r.remove("/d"), want: "NotEmpty" },
  { name: "remove an empty dir", act: (r) => r.remove("/e"), want: "ok" },
  { name: "remove a missing path", act: (r) => r.remove("/nope"), want: "NotFound" },
  { name: "remove a dir link (not its target)", act: (r) => r.remove("/ld"), want: "ok" },
  { name: "remove the root", act: (r) => r.remove("/"), want: "Conflict" },
  { name: "rename a missing path", act: (r) => r.rename("/nope", "/x"), want: "NotFound" },
  { name: "rename into a missing dir", act: (r) => r.rename("/f", "/nope/x"), want: "NotFound" },
  { name: "rename a file onto a dir", act: (r) => r.rename("/f", "/e"), want: "IsADirectory" },
  { name: "rename a dir onto a file", act: (r) => r.rename("/e", "/f"), want: "NotADirectory" },
  { name: "rename a dir onto a non-empty dir", act: (r) => r.rename("/e", "/d"), want: "NotEmpty" },
  { name: "rename a dir onto an empty dir", act: (r) => r.rename("/d", "/e"), want: "ok" },
  { name: "rename a dir into itself", act: (r) => r.rename("/d", "/d/sub"), want: "Backend" },
  { name: "rename a file onto its own dir", act: (r) => r.rename("/d/f", "/d"), want: "NotEmpty" },
  { name: "rename a file over a file", act: (r) => r.rename("/f", "/d/f"), want: "ok" },
  { name: "rename a path onto itself", act: (r) => r.rename("/f", "/f"), want: "ok" },
  { name: "rename a link (not its target)", act: (r) => r.rename("/lf", "/lf2"), want: "ok" },
  { name: "copy a directory", act: (r) => r.copyFile("/d", "/x"), want: "IsADirectory" },
  { name: "copy onto a directory", act: (r) => r.copyFile("/f", "/e"), want: "IsADirectory" },
  { name: "copy a missing file", act: (r) => r.copyFile("/nope", "/x"), want: "NotFound" },
  { name: "copy into a missing dir", act: (r) => r.copyFile("/f", "/nope/x"), want: "NotFound" },
  { name: "copy through a link", act: (r) => r.copyFile("/lf", "/g"), want: "ok" },
  { name: "symlink over an entry", act: (r) => r.symlink("x", "/f"), want: "AlreadyExists" },
  { name: "symlink in a missing dir", act: (r) => r.symlink("x", "/nope/l"), want: "NotFound" },
  { name: "readlink a file", act: (r) => r.readlink("/f"), want: "Backend" },
  { name: "readlink a missing path", act: (r) => r.readlink("/nope"), want: "NotFound" },
  { name: "truncate a directory", act: (r) => r.truncate("/d", 0), want: "IsADirectory" },
  { name: "truncate a missing file", act: (r) => r.truncate("/nope", 0), want: "NotFound" },
  { name: "setMtime a missing path", act: (r) => r.setMtime("/nope", 0), want: "NotFound" },
  { name: "mkdirp over a file", act: (r) => r.mkdirp("/f"), want: "AlreadyExists" },
  { name: "mkdirp under a file", act: (r) => r.mkdirp("/f/a/b"), want: "NotADirectory" },
  { name: "mkdirp an existing dir", act: (r) => r.mkdirp("/d"), want: "ok" },
  { name: "mkdirp a deep path", act: (r) => r.mkdirp("/n/o/p"), want: "ok" },
  { name: "removeRecursive a missing path", act: (r) => r.removeRecursive("/nope"), want: "NotFound" },
  { name: "removeRecursive a tree", act: (r) => r.removeRecursive("/d"), want: "ok" },
]

/** What a backend can do beyond the common core. */
export interface Capabilities {
  /** Symbolic links (default true); without them `symlink` must fail with `NotSupported`. */
  readonly symlinks?: boolean
  /** Setting an arbitrary modification time (default true). */
  readonly mtime?: boolean
  /** `readSmall` hands small files over (default false: it may always leave them to `read`). */
  readonly readSmall?: boolean
}

const isLinkStep = (step: Step): boolean => step[0] === "link"
const LINK_CASE = /link|dangling|loop/

/** Register the shared suite for a resource; `fresh` gives an empty one and its cleanup. */
export const resourceConformance = (
  name: string,
  fresh: () => Promise<{ readonly resource: Resource; readonly cleanup: () => Promise<void> }>,
  capabilities: Capabilities = {},
): void => {
  const links = capabilities.symlinks !== false
  const tree = links ? fullTree : fullTree.filter((step) => !isLinkStep(step))
  const cases = links ? allCases : allCases.filter((c) => !LINK_CASE.test(c.name))
  describe(`${name} conformance`, () => {
    const cleanups: Array<() => Promise<void>> = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup()
    })
    const withTree = async (steps: ReadonlyArray<Step> = tree): Promise<Resource> => {
      const { resource, cleanup } = await fresh()
      cleanups.push(cleanup)
      await run(setUp(resource, steps))
      return resource
    }

    it.each(cases)("$name → $want", async ({ act, want }) => {
      const resource = await withTree()
      expect(await outcome(act(resource))).toBe(want)
    })

    it.runIf(links)("reports the path the caller named and the loop detail", async () => {
      const resource = await withTree()
      const error = await failure(resource.stat("/loop1"))
      expect(error.path).toBe("/loop1")
      expect(error.detail).toBe("Too many levels of symbolic links")
      expect((await failure(resource.readFile("/d/nope"))).path).toBe("/d/nope")
    })

    it.runIf(links)("stats files, directories and links", async () => {
      const resource = await withTree()
      const file = await run(resource.stat("/d/f"))
      expect([file.type, file.size]).toEqual(["file", 5])
      expect((await run(resource.stat("/ld"))).type).toBe("directory")
      const link = await run(resource.lstat("/lf"))
      expect([link.type, link.size]).toEqual(["symlink", 3])
      expect((await run(resource.stat("/lf"))).type).toBe("file")
    })

    it.runIf(links)("lists entries with their own type (links not followed)", async () => {
      const resource = await withTree()
      const entries = [...(await run(resource.list("/")))].sort((a, b) => (a.name < b.name ? -1 : 1))
      expect(entries).toEqual([
        { name: "d", type: "directory" },
        { name: "dangling", type: "symlink" },
        { name: "e", type: "directory" },
        { name: "f", type: "file" },
        { name: "ld", type: "symlink" },
        { name: "lf", type: "symlink" },
        { name: "loop1", type: "symlink" },
        { name: "loop2", type: "symlink" },
      ])
    })

    it.runIf(links)("follows relative links, including '..' from the link's directory", async () => {
      const resource = await withTree([
        ["mkdir", "/a"],
        ["mkdir", "/a/b"],
        ["file", "/a/t", "target"],
        ["link", "../t", "/a/b/up"],
        ["link", "./b/up", "/a/chain"],
      ])
      expect(text(await run(resource.readFile("/a/b/up")))).toBe("target")
      expect(text(await run(resource.readFile("/a/chain")))).toBe("target")
      expect(await run(resource.readlink("/a/chain"))).toBe("./b/up")
    })

    it.runIf(links)("writes through a dangling link create its target", async () => {
      const resource = await withTree()
      await run(resource.writeFile("/dangling", bytes("made")))
      expect(text(await run(resource.readFile("/nowhere")))).toBe("made")
      expect((await run(resource.lstat("/dangling"))).type).toBe("symlink")
    })

    it("readSmall gives a small file's bytes or leaves the file to read, and fails as read does", async () => {
      const resource = await withTree()
      const paths = links ? ["/d/f", "/f", "/lf", "/ld/f"] : ["/d/f", "/f"]
      for (const path of paths) {
        const whole = await run(resource.readSmall(path, 100))
        const expected = text(await run(resource.readFile(path)))
        if (capabilities.readSmall) expect(whole && text(whole)).toBe(expected)
        else if (whole !== undefined) expect(text(whole)).toBe(expected)
        // Larger than the limit: always left to `read`.
        expect(await run(resource.readSmall(path, expected.length - 1))).toBeUndefined()
      }
      const failing = ["/nope", "/f/x", "/d", ...(links ? ["/loop1", "/dangling"] : [])]
      for (const path of failing) {
        const got = await outcome(resource.readSmall(path, 100))
        const read = await outcome(resource.readFile(path))
        expect(got === "ok" && !capabilities.readSmall ? read : got).toBe(read)
      }
      // The file as it is after a change, not as it was when first handed over.
      await run(resource.writeFile("/d/f", bytes("changed")))
      const after = await run(resource.readSmall("/d/f", 100))
      if (after !== undefined) expect(text(after)).toBe("changed")
    })

    it("replaces, appends and truncates", async () => {
      const resource = await withTree()
      await run(resource.writeFile("/f", bytes("abc")))
      await run(resource.writeFile("/f", bytes("def"), { append: true }))
      await run(resource.writeFile("/new", bytes("n"), { append: true }))
      expect(text(await run(resource.readFile("/f")))).toBe("abcdef")
      expect(text(await run(resource.readFile("/new")))).toBe("n")
      await run(resource.truncate("/f", 2))
      expect(text(await run(resource.readFile("/f")))).toBe("ab")
      await run(resource.truncate("/f", 4))
      expect(await run(resource.readFile("/f"))).toEqual(new Uint8Array([97, 98, 0, 0]))
      await run(resource.writeFile("/f", new Uint8Array(0)))
      expect((await run(resource.stat("/f"))).size).toBe(0)
    })

    it("reads byte ranges", async () => {
      const resource = await withTree([["file", "/r", "0123456789"]])
      const range = async (start: number, end?: number) =>
        text(Buffer.concat(await chunks(resource.read("/r", { start, end }))))
      expect(await range(2, 5)).toBe("234")
      expect(await range(7)).toBe("789")
      expect(await range(8, 100)).toBe("89")
      expect(await range(20)).toBe("")
      expect(await range(5, 5)).toBe("")
    })

    it("streams a large file in chunks of at most 64 KiB, ranges across chunk edges", async () => {
      const big = new Uint8Array(3 * 65536 + 123).map((_, i) => (i * 7) % 251)
      const resource = await withTree()
      await run(resource.write("/big", Stream.fromArray([big.subarray(0, 100000), big.subarray(100000)])))
      const parts = await chunks(resource.read("/big"))
      expect(parts.every((c) => c.length > 0 && c.length <= 65536)).toBe(true)
      expect(Buffer.concat(parts).equals(big)).toBe(true)
      const slice = Buffer.concat(await chunks(resource.read("/big", { start: 65530, end: 131080 })))
      expect(slice.equals(big.subarray(65530, 131080))).toBe(true)
      expect((await run(resource.readFile("/big"))).length).toBe(big.length)
    })

    it("keeps the old content when the input stream fails", async () => {
      const resource = await withTree()
      const failing = Stream.concat(Stream.succeed(bytes("partial")), Stream.fail("boom"))
      expect(await failure(resource.write("/f", failing))).toBe("boom")
      expect(text(await run(resource.readFile("/f")))).toBe("x")
      expect(await failure(resource.write("/fresh", failing))).toBe("boom")
      expect(await run(resource.exists("/fresh"))).toBe(false)
      // No temp file or partial entry is left behind.
      expect((await run(resource.list("/"))).map((e) => e.name).sort()).toEqual(
        (links ? ["d", "dangling", "e", "f", "ld", "lf", "loop1", "loop2"] : ["d", "e", "f"]).sort(),
      )
    })

    it("does not run the input when the destination is invalid", async () => {
      const resource = await withTree()
      let pulled = false
      const input = Stream.fromEffect(Effect.sync(() => ((pulled = true), bytes("x"))))
      expect(await outcome(resource.write("/nope/x", input))).toBe("NotFound")
      expect(await outcome(resource.write("/d", input))).toBe("IsADirectory")
      expect(pulled).toBe(false)
    })

    it("copies files, leaving the source intact and replacing the target", async () => {
      const resource = await withTree()
      await run(resource.copyFile("/d/f", "/f"))
      await run(resource.writeFile("/d/f", bytes("changed")))
      expect(text(await run(resource.readFile("/f")))).toBe("hello")
    })

    it("renames trees and replaces files", async () => {
      const resource = await withTree([
        ["mkdir", "/a"],
        ["mkdir", "/a/b"],
        ["file", "/a/b/c", "c"],
        ["file", "/z", "z"],
      ])
      await run(resource.rename("/a", "/m"))
      await run(resource.rename("/z", "/m/b/c"))
      expect(await run(snapshot(resource))).toEqual({ "/m": "dir", "/m/b": "dir", "/m/b/c": "z" })
    })

    it("derives exists, mkdirp and removeRecursive", async () => {
      const resource = await withTree()
      expect(await run(resource.exists("/d/f"))).toBe(true)
      expect(await run(resource.exists("/nope"))).toBe(false)
      expect(await run(resource.exists("/f/x"))).toBe(false)
      if (links) expect(await run(resource.exists("/dangling"))).toBe(false)
      await run(resource.mkdirp("/p/q/r"))
      await run(resource.writeFile("/p/q/r/s", bytes("s")))
      await run(resource.removeRecursive("/p"))
      if (links) await run(resource.removeRecursive("/ld"))
      expect(await run(resource.exists("/p"))).toBe(false)
      expect(text(await run(resource.readFile("/d/f")))).toBe("hello")
    })

    it.runIf(!links)("refuses symlinks with NotSupported, and reads no link", async () => {
      const resource = await withTree()
      expect(await outcome(resource.symlink("f", "/l"))).toBe("NotSupported")
      expect(await outcome(resource.symlink("f", "/f"))).toBe("AlreadyExists")
      expect(await outcome(resource.readlink("/f"))).toBe("Backend")
    })

    it.runIf(capabilities.mtime !== false)("sets the modification time", async () => {
      const resource = await withTree()
      await run(resource.setMtime("/f", 1_000_000_000_000))
      expect((await run(resource.stat("/f"))).mtime).toBe(1_000_000_000_000)
    })
  })
}
