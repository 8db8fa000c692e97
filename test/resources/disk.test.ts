import * as fs from "node:fs/promises"
import * as os from "node:os"
import * as nodePath from "node:path"
import { Effect, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DiskResource, fromNodeError, make } from "../../src/resources/Disk.ts"
import { bytes, chunks, failure, outcome, run } from "../vfs/support.ts"
import { resourceConformance } from "./conformance.ts"

const tempDir = (): Promise<string> => fs.mkdtemp(nodePath.join(os.tmpdir(), "mirage-disk-"))

resourceConformance(
  "Disk",
  async () => {
    const root = await tempDir()
    return { resource: new DiskResource({ root }), cleanup: () => fs.rm(root, { recursive: true, force: true }) }
  },
  { readSmall: true },
)

describe("DiskResource confinement", () => {
  // base/root is the resource; base/outside.txt and base/outdir are beside it, out of reach.
  let base: string
  let root: string
  let disk: DiskResource
  beforeAll(async () => {
    base = await tempDir()
    root = nodePath.join(base, "root")
    await fs.mkdir(root)
    await fs.writeFile(nodePath.join(base, "outside.txt"), "secret")
    await fs.mkdir(nodePath.join(base, "outdir"))
    await fs.writeFile(nodePath.join(root, "inside.txt"), "inside")
    await fs.symlink("/etc", nodePath.join(root, "etc-link"))
    await fs.symlink("../outside.txt", nodePath.join(root, "up-file"))
    await fs.symlink("../outdir", nodePath.join(root, "up-dir"))
    await fs.mkdir(nodePath.join(root, "sub"))
    await fs.symlink("../../outside.txt", nodePath.join(root, "sub", "deep-up"))
    await fs.symlink(nodePath.join(root, "inside.txt"), nodePath.join(root, "abs-inside"))
    disk = new DiskResource({ root })
  })
  afterAll(() => fs.rm(base, { recursive: true, force: true }))

  it.each([
    ["'..' is normalized away, not followed", () => disk.readFile("/../outside.txt"), "NotFound"],
    ["'..' deep in a path", () => disk.stat("/sub/../../../etc/passwd"), "NotFound"],
    ["absolute link to /etc: read", () => disk.readFile("/etc-link/passwd"), "PermissionDenied"],
    ["absolute link to /etc: list", () => disk.list("/etc-link"), "PermissionDenied"],
    ["absolute link to /etc: stat", () => disk.stat("/etc-link"), "PermissionDenied"],
    ["absolute link to /etc: write", () => disk.writeFile("/etc-link/mirage-x", bytes("x")), "PermissionDenied"],
    ["relative link climbing out: read", () => disk.readFile("/up-file"), "PermissionDenied"],
    ["relative link climbing out: write", () => disk.writeFile("/up-file", bytes("pwned")), "PermissionDenied"],
    [
      "relative link climbing out: append",
      () => disk.writeFile("/up-file", bytes("x"), { append: true }),
      "PermissionDenied",
    ],
    ["relative link climbing out: truncate", () => disk.truncate("/up-file", 0), "PermissionDenied"],
    ["relative link climbing out: setMtime", () => disk.setMtime("/up-file", 0), "PermissionDenied"],
    ["relative link climbing out: copy from", () => disk.copyFile("/up-file", "/stolen"), "PermissionDenied"],
    ["relative link climbing out: copy to", () => disk.copyFile("/inside.txt", "/up-file"), "PermissionDenied"],
    ["link to an outside dir: mkdir in it", () => disk.mkdir("/up-dir/new"), "PermissionDenied"],
    ["link to an outside dir: write in it", () => disk.writeFile("/up-dir/new", bytes("x")), "PermissionDenied"],
    ["link to an outside dir: symlink in it", () => disk.symlink("x", "/up-dir/l"), "PermissionDenied"],
    ["link to an outside dir: rename into it", () => disk.rename("/inside.txt", "/up-dir/moved"), "PermissionDenied"],
    ["link to an outside dir: remove in it", () => disk.remove("/up-dir/anything"), "PermissionDenied"],
    ["two levels up from a subdir", () => disk.readFile("/sub/deep-up"), "PermissionDenied"],
    ["the links themselves can be inspected", () => disk.lstat("/up-file"), "ok"],
    ["an absolute host link inside the root is fine", () => disk.readFile("/abs-inside"), "ok"],
  ] as const)("%s → %s", async (_, act, want) => {
    expect(await outcome(act())).toBe(want)
  })

  it("leaves everything outside untouched", async () => {
    expect(await fs.readFile(nodePath.join(base, "outside.txt"), "utf8")).toBe("secret")
    expect(await fs.readdir(nodePath.join(base, "outdir"))).toEqual([])
    expect(await fs.readdir(base)).toEqual(["outdir", "outside.txt", "root"])
  })

  it("stores created link targets as given but refuses to follow them out", async () => {
    await run(disk.symlink("/etc/passwd", "/made-abs"))
    await run(disk.symlink("../../../../../../etc/hostname", "/made-rel"))
    expect(await run(disk.readlink("/made-abs"))).toBe("/etc/passwd")
    expect(await fs.readlink(nodePath.join(root, "made-rel"))).toBe("../../../../../../etc/hostname")
    expect((await failure(disk.readFile("/made-abs"))).reason).toBe("PermissionDenied")
    expect((await failure(disk.readFile("/made-rel"))).reason).toBe("PermissionDenied")
    const error = await failure(disk.readFile("/made-abs"))
    expect(error.path).toBe("/made-abs")
    expect(error.message).not.toContain(base)
  })

  it("refuses a dangling link whose target would be created outside", async () => {
    await run(disk.symlink("../created-outside.txt", "/dangling-out"))
    expect(await outcome(disk.writeFile("/dangling-out", bytes("x")))).toBe("PermissionDenied")
    await expect(fs.stat(nodePath.join(base, "created-outside.txt"))).rejects.toThrow()
  })
})

describe("DiskResource", () => {
  let root: string
  beforeAll(async () => {
    root = await tempDir()
  })
  afterAll(() => fs.rm(root, { recursive: true, force: true }))

  it("writes atomically through a temp file, keeping the file's mode", async () => {
    const disk = make({ root })
    await fs.writeFile(nodePath.join(root, "script"), "old")
    await fs.chmod(nodePath.join(root, "script"), 0o751)
    const before = await fs.stat(nodePath.join(root, "script"))
    const seen: Array<string> = []
    const input = Stream.fromArray([bytes("n"), bytes("e"), bytes("w")]).pipe(
      Stream.tap(() =>
        Effect.promise(async () => void seen.push(await fs.readFile(nodePath.join(root, "script"), "utf8"))),
      ),
    )
    await run(disk.write("/script", input))
    expect(seen).toEqual(["old", "old", "old"])
    const after = await fs.stat(nodePath.join(root, "script"))
    expect(await fs.readFile(nodePath.join(root, "script"), "utf8")).toBe("new")
    expect(after.mode & 0o7777).toBe(0o751)
    // A new inode replaced the old one: the content was swapped in by rename.
    expect(after.ino).not.toBe(before.ino)
    expect((await fs.readdir(root)).filter((n) => n.includes("mirage-tmp"))).toEqual([])
  })

  it("gathers a write's chunks into large writes, every byte in order", async () => {
    const disk = make({ root })
    // Sizes from 0 to ~70 KiB, some 5,000 chunks: several gathered blocks, and more chunks than one writev takes.
    const pieces = Array.from({ length: 5000 }, (_, i) =>
      new Uint8Array(i % 97 === 0 ? 70_000 : i % 13).map((_, j) => (i * 31 + j) % 256),
    )
    await run(disk.write("/gathered", Stream.fromArray(pieces)))
    const expected = Buffer.concat(pieces)
    expect((await fs.readFile(nodePath.join(root, "gathered"))).equals(expected)).toBe(true)
  })

  it("appends each batch as it comes, so a reader can follow the file while it grows", async () => {
    const disk = make({ root })
    const file = nodePath.join(root, "followed")
    const seen: Array<number> = []
    const input = Stream.fromArray([bytes("one\n"), bytes("two\n"), bytes("three\n")]).pipe(
      Stream.tap(() =>
        Effect.promise(async () => void seen.push((await fs.stat(file).catch(() => undefined))?.size ?? -1)),
      ),
    )
    await run(disk.write("/followed", input, { append: true }))
    // The file is open (empty) before the first chunk; each tap runs before its chunk is written.
    expect(seen).toEqual([0, 4, 8])
    expect(await fs.readFile(file, "utf8")).toBe("one\ntwo\nthree\n")
  })

  it("removes the temp file when the write is interrupted", async () => {
    const disk = make({ root })
    const endless = Stream.forever(Stream.succeed(new Uint8Array(65536)))
    await run(Effect.timeout(disk.write("/endless", endless), "50 millis").pipe(Effect.ignore))
    expect((await fs.readdir(root)).filter((n) => n.includes("endless"))).toEqual([])
  })

  it("reads with a FileHandle and closes it when the stream ends or is cut short", async () => {
    const disk = make({ root })
    const big = new Uint8Array(300_000).map((_, i) => i % 256)
    await fs.writeFile(nodePath.join(root, "big"), big)
    const all = await chunks(disk.read("/big"))
    expect(all.map((c) => c.length)).toEqual([65536, 65536, 65536, 65536, 37856])
    expect(Buffer.concat(all).equals(big)).toBe(true)
    const first = await run(Stream.runCollect(Stream.take(disk.read("/big", { start: 10 }), 1)))
    expect(first[0][0]).toBe(10)
    // Open handles would show as fds to the file; none remain.
    const fds = await fs.readdir("/proc/self/fd").catch(() => [])
    const targets = await Promise.all(fds.map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => "")))
    expect(targets.filter((t) => t.endsWith("/big"))).toEqual([])
  })

  it("creates new files with the umask applied, as a shell redirect does", async () => {
    const disk = make({ root })
    await run(disk.writeFile("/fresh", bytes("x")))
    const mask = process.umask()
    expect((await fs.stat(nodePath.join(root, "fresh"))).mode & 0o777).toBe(0o666 & ~mask)
  })

  it("copies with the kernel and keeps an existing target's mode", async () => {
    const disk = make({ root })
    await fs.writeFile(nodePath.join(root, "src"), "payload")
    await fs.writeFile(nodePath.join(root, "dst"), "old")
    await fs.chmod(nodePath.join(root, "dst"), 0o600)
    await run(disk.copyFile("/src", "/dst"))
    expect(await fs.readFile(nodePath.join(root, "dst"), "utf8")).toBe("payload")
    expect((await fs.stat(nodePath.join(root, "dst"))).mode & 0o777).toBe(0o600)
  })

  it("fails every operation with NotFound while the root is missing, and works once it exists", async () => {
    const missing = nodePath.join(root, "later")
    const disk = make({ root: missing })
    expect(await outcome(disk.list("/"))).toBe("NotFound")
    await fs.mkdir(missing)
    expect(await run(disk.list("/"))).toEqual([])
  })

  it("reports the resource path, never the host path", async () => {
    const disk = make({ root })
    const error = await failure(disk.readFile("/no/such"))
    expect([error.reason, error.path]).toEqual(["NotFound", "/no/such"])
    expect(error.message).not.toContain(root)
  })
})

describe("fromNodeError", () => {
  const errno = (code: string) => Object.assign(new Error(code), { code })
  it.each([
    ["ENOENT", "NotFound", undefined],
    ["ENOTDIR", "NotADirectory", undefined],
    ["EISDIR", "IsADirectory", undefined],
    ["EEXIST", "AlreadyExists", undefined],
    ["ENOTEMPTY", "NotEmpty", undefined],
    ["EACCES", "PermissionDenied", undefined],
    ["EPERM", "PermissionDenied", undefined],
    ["EROFS", "ReadOnly", undefined],
    ["EDQUOT", "QuotaExceeded", undefined],
    ["ENOSPC", "QuotaExceeded", undefined],
    ["EBUSY", "Conflict", "Device or resource busy"],
    ["ELOOP", "Backend", "Too many levels of symbolic links"],
    ["EINVAL", "Backend", "Invalid argument"],
    ["EWHATEVER", "Backend", "EWHATEVER"],
  ])("%s → %s", (code, reason, detail) => {
    const error = fromNodeError(errno(code), "op", "/p")
    expect([error.reason, error.detail, error.op, error.path]).toEqual([reason, detail, "op", "/p"])
  })
})
