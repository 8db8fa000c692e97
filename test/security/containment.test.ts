import * as fs from "node:fs/promises"
import * as nodePath from "node:path"
import { Effect } from "effect"
import { zipSync } from "fflate"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { DiskResource } from "../../src/node.ts"
import { expectClean, tempDir } from "./support.ts"

/**
 * A DiskResource root is a wall. The host directory holds `root/` (mounted
 * at /d) and, beside it, `outside/secret` and `outdir/`, which no script may
 * read, list, write, create, remove or rename, by any path: `..`, absolute
 * and relative symlinks (planted or made by the script), or a race that
 * swaps a directory for a link between a check and its use.
 */

let base: { readonly path: string; readonly remove: () => Promise<void> }
let root: string
let outside: string

const host = (...parts: ReadonlyArray<string>) => nodePath.join(base.path, ...parts)

/** Everything outside the root, as names and contents, to compare before and after. */
const outsideState = async (): Promise<string> => {
  const secret = await fs.readFile(host("outside", "secret"), "utf8")
  return JSON.stringify([
    await fs.readdir(base.path),
    await fs.readdir(host("outside")),
    await fs.readdir(host("outdir")),
    secret,
  ])
}

const workspace = () => new Workspace({ "/d": new DiskResource({ root }) }, { mode: MountMode.WRITE })

beforeAll(async () => {
  base = await tempDir()
  root = host("root")
  outside = host("outside")
  await fs.mkdir(root)
  await fs.mkdir(outside)
  await fs.mkdir(host("outdir"))
  await fs.writeFile(host("outside", "secret"), "SECRET\n")
  await fs.mkdir(nodePath.join(root, "sub"))
  await fs.writeFile(nodePath.join(root, "inside.txt"), "inside\n")
  // Planted by someone else before the workspace existed.
  await fs.symlink(outside, nodePath.join(root, "abs-dir"))
  await fs.symlink(host("outside", "secret"), nodePath.join(root, "abs-file"))
  await fs.symlink("../outside/secret", nodePath.join(root, "rel-file"))
  await fs.symlink("../../outdir", nodePath.join(root, "sub", "rel-dir"))
})

afterAll(() => base.remove())

describe("no path leads out of the root", () => {
  const attempts: ReadonlyArray<readonly [string, string]> = [
    ["read through ..", "cat /d/../outside/secret /d/../../outside/secret /d/sub/../../outside/secret"],
    ["cd above the mount", "cd /d/../..; cat outside/secret; ls"],
    ["read an absolute link to a file", "cat /d/abs-file"],
    ["read an absolute link to a dir", "cat /d/abs-dir/secret; ls /d/abs-dir"],
    ["read a relative link", "cat /d/rel-file; head -c 3 /d/rel-file; wc -c /d/rel-file"],
    ["list a relative link to a dir", "ls /d/sub/rel-dir; find /d/sub/rel-dir/; find -L /d"],
    [
      "write through a link to a file",
      "echo pwned > /d/abs-file; echo pwned >> /d/rel-file; truncate -s 0 /d/rel-file",
    ],
    ["create through a link to a dir", "echo pwned > /d/abs-dir/new; mkdir /d/sub/rel-dir/new; touch /d/abs-dir/t"],
    ["copy out and in", "cp /d/rel-file /d/stolen; cp /d/inside.txt /d/abs-dir/; cp -r /d/sub /d/abs-dir/"],
    ["move into a linked dir", "mv /d/inside.txt /d/abs-dir/moved; mv /d/sub/rel-dir/x /d/y"],
    ["remove through links", "rm /d/abs-dir/secret; rm -rf /d/abs-dir/; rm -rf /d/sub/rel-dir/*"],
    [
      "links made by the script",
      "ln -s ../outside /d/mine; cat /d/mine/secret; ln -s /etc /d/etc; cat /d/etc/hostname",
    ],
    [
      "links made by the script, then written",
      "ln -s ../outside/secret /d/w; echo pwned > /d/w; ln -s ../outdir /d/o; echo x > /d/o/new",
    ],
    ["a chain of links", "ln -s sub /d/a; ln -s a/rel-dir /d/b; ls /d/b; echo x > /d/b/new"],
    [
      "tar and unzip into a linked dir",
      "cd /d && tar -cf t.tar inside.txt && tar -xf t.tar -C /d/abs-dir; zip -q z.zip inside.txt && unzip -o z.zip -d /d/abs-dir",
    ],
    ["sed -i through a link", "sed -i s/SECRET/pwned/ /d/rel-file"],
    ["source and exec through a link", "source /d/rel-file; . /d/abs-file; /d/rel-file"],
    [
      "grep through links, one by one and recursively",
      "grep -H . /d/rel-file /d/abs-file /d/abs-dir/secret; grep -r . /d; grep -R . /d; grep -r . /d/abs-dir/",
    ],
    ["redirect input through a link", "cat < /d/rel-file; while read -r l; do echo $l; done < /d/abs-file"],
  ]

  it.each(attempts)("%s", async (_, script) => {
    const before = await outsideState()
    const r = await workspace().execute(script)
    expect(r.stdoutText).not.toContain("SECRET")
    expect(r.stderrText).not.toContain("SECRET")
    // The host path never appears in a message.
    expect(r.stderrText).not.toContain(base.path)
    expect(r.stdoutText).not.toContain(base.path)
    expectClean(r)
    expect(await outsideState()).toBe(before)
  })

  it("says why, without naming the host", async () => {
    const r = await workspace().execute("cat /d/rel-file")
    expect([r.exitCode, r.stderrText]).toEqual([
      1,
      "cat: /d/rel-file: Permission denied (/d: outside the resource root)\n",
    ])
  })
})

describe("a race between check and use cannot be won", () => {
  it("by a script swapping a directory and a link with mv", async () => {
    const before = await outsideState()
    const ws = workspace()
    await ws.execute(`mkdir -p /d/race/x; echo inside > /d/race/x/secret; ln -s ${outside} /d/race/l`)
    const r = await ws.execute(
      `( for i in $(seq 60); do mv /d/race/x /d/race/t; mv /d/race/l /d/race/x; mv /d/race/x /d/race/l; mv /d/race/t /d/race/x; done ) 2>/dev/null &
       for i in $(seq 60); do cat /d/race/x/secret; grep -h . /d/race/x/secret; echo pwned > /d/race/x/victim; rm -f /d/race/x/victim; done 2>/dev/null | sort | uniq -c
       wait`,
      { limits: { timeoutMs: 8000 } },
    )
    expect(r.exitCode).toBe(0)
    expect(r.stdoutText).not.toContain("SECRET")
    expect(await outsideState()).toBe(before)
  }, 10_000)

  it("by concurrent resource calls (what several sessions or jobs can issue)", async () => {
    const before = await outsideState()
    const disk = new DiskResource({ root })
    const bytes = new TextEncoder().encode("x")
    let leaked = 0
    // Several independent races at once: in each, /rK/x is a directory half of the time and a link
    // out of the root the other half, while another fiber reads and writes through it. Without
    // the lock, about one read in a few thousand got the secret, and writes landed outside.
    const race = (k: number) =>
      Effect.gen(function* () {
        const d = `/r${k}`
        yield* Effect.all([disk.mkdir(d), disk.mkdir(`${d}/x`), disk.symlink(outside, `${d}/l`)], { discard: true })
        let done = false
        const swap = Effect.gen(function* () {
          while (!done) {
            yield* Effect.ignore(disk.rename(`${d}/x`, `${d}/t`))
            yield* Effect.ignore(disk.rename(`${d}/l`, `${d}/x`))
            yield* Effect.ignore(disk.rename(`${d}/x`, `${d}/l`))
            yield* Effect.ignore(disk.rename(`${d}/t`, `${d}/x`))
          }
        })
        const use = Effect.gen(function* () {
          for (let i = 0; i < 1500; i++) {
            const got = yield* Effect.result(disk.readFile(`${d}/x/secret`))
            if (got._tag === "Success") leaked++
            if (i % 4 === 0) yield* Effect.ignore(disk.writeFile(`${d}/x/victim`, bytes))
          }
        }).pipe(Effect.ensuring(Effect.sync(() => (done = true))))
        yield* Effect.all([swap, use], { concurrency: "unbounded", discard: true })
      })
    await Effect.runPromise(Effect.all([0, 1, 2, 3].map(race), { concurrency: "unbounded", discard: true }))
    expect(leaked).toBe(0)
    expect(await outsideState()).toBe(before)
  }, 10_000)
})

describe("an archive cannot write outside the directory it is extracted to", () => {
  it("unzip strips ../ and leading / from member names, as Info-ZIP does", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    const bytes = (text: string) => new TextEncoder().encode(text)
    // Stored, as `zip -0` writes them; confirmed against UnZip 6.00 with the same archive.
    await ws.fs.mkdir("/in")
    await ws.fs.writeFile(
      "/in/z.zip",
      zipSync({ "../../evil2.txt": bytes("evil2"), "/abs.txt": bytes("abs") }, { level: 0 }),
    )
    const r = await ws.execute("mkdir -p /x/y && cd /x/y && unzip -o /in/z.zip")
    expect({ status: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText }).toEqual({
      status: 1,
      stdout:
        "Archive:  /in/z.zip\n" +
        'warning:  skipped "../" path component(s) in ../../evil2.txt\n' +
        " extracting: evil2.txt               \n" +
        " extracting: abs.txt                 \n",
      stderr: "warning:  stripped absolute path spec from /abs.txt\n",
    })
    expect((await ws.execute("find / -type f | sort")).stdoutText).toBe("/in/z.zip\n/x/y/abs.txt\n/x/y/evil2.txt\n")
  })
})
