import * as fs from "node:fs/promises"
import * as nodePath from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, type Resource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import { expectClean, tempDir } from "./support.ts"

/**
 * A read-only mount refuses every mutation, by every path through the
 * system, with `Read-only file system`, and changes nothing. Messages were
 * confirmed with GNU tools on a read-only tmpfs (`mount -o remount,ro`);
 * where Mirage refuses earlier than GNU does (a move out of the mount is
 * refused before anything is copied), the test pins the reason only.
 */

const SETUP =
  "echo a > /rw/seed/a; mkdir -p /rw/seed/d /rw/seed/empty; echo hi | gzip > /rw/seed/g.gz; " +
  "echo f > /rw/f; mkdir /rw/dir; echo q > /rw/dir/q; cd /rw && tar -cf t.tar f && zip -q z.zip f; " +
  "printf -- '--- a\\n+++ a\\n@@ -1 +1 @@\\n-a\\n+b\\n' > /rw/p"

/** A workspace whose /ro holds a, d/, empty/ and g.gz, mounted read-only over `resource`. */
const workspace = async (resource: Resource.Resource): Promise<Workspace> => {
  const ws = new Workspace({ "/rw": new RAMResource(), "/seed": resource }, { mode: MountMode.WRITE })
  ws.removeMount("/seed")
  ws.addMount("/rw/seed", resource, MountMode.WRITE)
  const setup = await ws.execute(SETUP)
  expect(setup.stderrText).toBe("")
  ws.removeMount("/rw/seed")
  ws.addMount("/ro", resource, MountMode.READ)
  return ws
}

/** The read-only tree and /rw's top level, to compare before and after. */
const state = async (ws: Workspace): Promise<string> =>
  (await ws.execute("find /ro -printf '%p %y %s %T@\\n' | sort; cat /ro/a; ls /rw")).stdoutText

const ROFS = "Read-only file system"

const exact: ReadonlyArray<readonly [string, string, number]> = [
  ["echo x > /ro/a", "mirage: line 1: /ro/a: Read-only file system\n", 1],
  ["echo x >> /ro/a", "mirage: line 1: /ro/a: Read-only file system\n", 1],
  ["echo x > /ro/new", "mirage: line 1: /ro/new: Read-only file system\n", 1],
  ["echo x 1<> /ro/a", "mirage: line 1: /ro/a: Read-only file system\n", 1],
  ["cat 0<> /ro/new", "mirage: line 1: /ro/new: Read-only file system\n", 1],
  ["echo x | tee /ro/a > /dev/null", "tee: /ro/a: Read-only file system\n", 1],
  ["cp /rw/f /ro/", "cp: cannot create regular file '/ro/f': Read-only file system\n", 1],
  ["cp /rw/f /ro/a", "cp: cannot create regular file '/ro/a': Read-only file system\n", 1],
  ["cp -r /rw/dir /ro/", "cp: cannot create directory '/ro/dir': Read-only file system\n", 1],
  ["mv /ro/a /ro/b", "mv: cannot move '/ro/a' to '/ro/b': Read-only file system\n", 1],
  ["rm /ro/a", "rm: cannot remove '/ro/a': Read-only file system\n", 1],
  ["rm -rf /ro/d", "rm: cannot remove '/ro/d': Read-only file system\n", 1],
  ["rmdir /ro/empty", "rmdir: failed to remove '/ro/empty': Read-only file system\n", 1],
  ["mkdir /ro/n", "mkdir: cannot create directory '/ro/n': Read-only file system\n", 1],
  ["mkdir -p /ro/n/m", "mkdir: cannot create directory '/ro/n': Read-only file system\n", 1],
  ["mkdir /ro/d", "mkdir: cannot create directory '/ro/d': File exists\n", 1],
  ["touch /ro/a", "touch: cannot touch '/ro/a': Read-only file system\n", 1],
  ["touch /ro/new", "touch: cannot touch '/ro/new': Read-only file system\n", 1],
  ["ln -s /x /ro/l", "ln: failed to create symbolic link '/ro/l': Read-only file system\n", 1],
  ["ln /ro/a /ro/b", "ln: failed to create hard link '/ro/b': Read-only file system\n", 1],
  ["truncate -s 0 /ro/a", "truncate: cannot open '/ro/a' for writing: Read-only file system\n", 1],
  [
    "cd /ro && tar -xf /rw/t.tar",
    "tar: f: Cannot open: Read-only file system\ntar: Exiting with failure status due to previous errors\n",
    2,
  ],
  [
    "tar -xf /rw/t.tar -C /ro",
    "tar: f: Cannot open: Read-only file system\ntar: Exiting with failure status due to previous errors\n",
    2,
  ],
  ["unzip -qo /rw/z.zip -d /ro", "error:  cannot create /ro/f\n        Read-only file system\n", 50],
  [
    "zip -q /ro/z.zip /rw/f",
    "zip I/O error: Read-only file system\nzip error: Could not create output file (/ro/z.zip)\n",
    15,
  ],
  ["mktemp -p /ro", "mktemp: failed to create file via template '/ro/tmp.XXXXXXXXXX': Read-only file system\n", 1],
  ["split -l 1 /ro/a /ro/x", "split: /ro/xaa: Read-only file system\n", 1],
  ["csplit -f /ro/xx /ro/a 1", "csplit: /ro/xx00: Read-only file system\n", 1],
  ["sort -o /ro/a /ro/a", "sort: open failed: /ro/a: Read-only file system\n", 2],
  ["gzip /ro/a", "gzip: /ro/a.gz: Read-only file system\n", 1],
  ["gunzip /ro/g.gz", "gzip: /ro/g: Read-only file system\n", 1],
]

/** Refused earlier or worded otherwise than GNU (whose message names its own temp files). */
const reasonOnly: ReadonlyArray<readonly [string, number]> = [
  ["sed -i s/a/b/ /ro/a", 4],
  ["patch /ro/a < /rw/p", 2],
  ["mv /rw/f /ro/", 1],
  ["mv /ro/a /rw/", 1],
  ["mv /ro/d /rw/", 1],
  ["cp -a /ro/a /ro/c", 1],
  ["exec 3> /ro/new", 1],
  ["echo x > /ro/d/../a", 1],
  ["cd /ro; echo x > a", 1],
]

describe.each([
  ["RAM", async () => workspace(new RAMResource())],
  ["Disk", async () => workspace(new DiskResource({ root: (await tempDir()).path }))],
])("a read-only %s mount", (_, make) => {
  let ws: Workspace
  beforeAll(async () => {
    ws = await make()
  })

  it.each(exact)("%s", async (script, stderr, status) => {
    const before = await state(ws)
    const r = await ws.execute(script)
    expect({ stderr: r.stderrText, status: r.exitCode }).toEqual({ stderr, status })
    expect(await state(ws)).toBe(before)
  })

  it.each(reasonOnly)("%s", async (script, status) => {
    const before = await state(ws)
    const r = await ws.execute(script)
    expect(r.stderrText).toContain(ROFS)
    expect(r.exitCode).toBe(status)
    expectClean(r)
    expect(await state(ws)).toBe(before)
    // A move out of the mount neither deletes the source nor leaves a copy behind.
    expect(await ws.fs.exists("/rw/a")).toBe(false)
  })

  it.each([
    ["writeFile", (w: Workspace) => w.fs.writeFile("/ro/a", "x")],
    ["writeFile (new)", (w: Workspace) => w.fs.writeFile("/ro/new", "x")],
    ["appendFile", (w: Workspace) => w.fs.appendFile("/ro/a", "x")],
    ["rm", (w: Workspace) => w.fs.rm("/ro/a")],
    ["rm -rf", (w: Workspace) => w.fs.rm("/ro/d", { recursive: true, force: true })],
    ["rename", (w: Workspace) => w.fs.rename("/ro/a", "/ro/b")],
    ["rename out", (w: Workspace) => w.fs.rename("/ro/a", "/rw/b")],
    ["rename in", (w: Workspace) => w.fs.rename("/rw/f", "/ro/f")],
    ["mkdir", (w: Workspace) => w.fs.mkdir("/ro/n")],
  ])("ws.fs.%s", async (_, act) => {
    const before = await state(ws)
    await expect(act(ws)).rejects.toMatchObject({ code: "EROFS", message: expect.stringContaining(ROFS) })
    expect(await state(ws)).toBe(before)
  })

  it("still reads", async () => {
    const r = await ws.execute("cat /ro/a; zcat /ro/g.gz; ls /ro")
    expect([r.exitCode, r.stdoutText]).toEqual([0, "a\nhi\na\nd\nempty\ng.gz\n"])
  })
})

describe("the host directory behind a read-only Disk mount", () => {
  let dir: { readonly path: string; readonly remove: () => Promise<void> }
  beforeAll(async () => {
    dir = await tempDir()
    await fs.writeFile(nodePath.join(dir.path, "a"), "a\n")
  })
  afterAll(() => dir.remove())

  it("is left exactly as it was", async () => {
    const ws = new Workspace({ "/ro": new DiskResource({ root: dir.path }), "/rw": new RAMResource() })
    ws.removeMount("/rw")
    ws.addMount("/rw", new RAMResource(), MountMode.WRITE)
    const script = [...exact.map(([s]) => s), ...reasonOnly.map(([s]) => s)].join("\n")
    await ws.execute(`${SETUP.replaceAll("/rw/seed/", "/rw/")}\n${script}`)
    expect(await fs.readdir(dir.path)).toEqual(["a"])
    expect(await fs.readFile(nodePath.join(dir.path, "a"), "utf8")).toBe("a\n")
  })
})
