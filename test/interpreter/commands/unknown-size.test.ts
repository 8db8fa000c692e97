import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { MountMode, RAM, Resource, VfsError, Workspace } from "../../../src/index.ts"

/**
 * Files whose backend reports `size: null` until read (an API-backed
 * resource) must look to every size-dependent command exactly as they do on
 * a backend that knows sizes. RAM is the model: each script runs on a plain
 * RAM mount and on the same files behind a wrapper that hides file sizes, and
 * the two outputs must agree. Scripts that need no size must read nothing.
 */

const BIG = 5000
const OLD = Date.UTC(2020, 0, 2, 3, 4, 5)

/** Build the same small tree on a fresh RAM resource. */
const filled = (): Resource.Resource => {
  const ram = RAM.make()
  const text = (s: string) => new TextEncoder().encode(s)
  Effect.runSync(
    Effect.gen(function* () {
      yield* ram.mkdirp("/sub/deep")
      yield* ram.writeFile("/a", text("hello"))
      yield* ram.writeFile("/empty", new Uint8Array(0))
      yield* ram.writeFile("/big", new Uint8Array(BIG).fill(0x41))
      yield* ram.writeFile("/sub/c", text("0123456789"))
      yield* ram.writeFile("/sub/deep/e", new Uint8Array(0))
      yield* ram.writeFile("/broken", text("unreadable"))
      yield* ram.symlink("a", "/link")
      for (const p of ["/a", "/empty", "/big", "/sub/c", "/sub/deep/e", "/broken", "/sub/deep", "/sub", "/"])
        yield* ram.setMtime(p, OLD)
    }),
  )
  return ram
}

interface Reads {
  /** Every read, as `path` or `path[start,end)`. */
  readonly calls: Array<string>
  /** Bytes delivered by all reads. */
  bytes: number
}

/**
 * `ram` behind primitives that report no size for regular files (in stats
 * and in listings) and count reads. Reads of `/broken` fail, as an API that
 * is down would.
 */
const sizeless = (ram: Resource.Resource, reads: Reads): Resource.Resource => {
  const hide = (st: Resource.FileStat): Resource.FileStat => (st.type === "file" ? { ...st, size: null } : st)
  return Resource.make({
    ...ram,
    stat: (p) => Effect.map(ram.stat(p), hide),
    lstat: (p) => Effect.map(ram.lstat(p), hide),
    list: (p) =>
      Effect.map(ram.list(p), (entries) =>
        entries.map((e) => (e.stat === undefined ? e : { ...e, stat: hide(e.stat) })),
      ),
    read: (p, range) => {
      reads.calls.push(range === undefined ? p : `${p}[${range.start},${range.end ?? ""})`)
      if (p === "/broken") return Stream.fail(new VfsError({ reason: "Backend", op: "read", path: p }))
      return Stream.tap(ram.read(p, range), (chunk) =>
        Effect.sync(() => {
          reads.bytes += chunk.length
        }),
      )
    },
  })
}

/** Run `script` on the model and on the size-hiding mount, each over a fresh copy of the tree. */
const both = async (script: string) => {
  const reads: Reads = { calls: [], bytes: 0 }
  const model = new Workspace({ "/r": filled() }, { mode: MountMode.WRITE })
  const hidden = new Workspace({ "/r": sizeless(filled(), reads) }, { mode: MountMode.WRITE })
  const [want, got] = [await model.execute(script), await hidden.execute(script)]
  const view = (r: typeof want) => ({ status: r.exitCode, stdout: r.stdoutText, stderr: r.stderrText })
  return { want: view(want), got: view(got), reads }
}

// The files whose size matters are listed explicitly: `/broken` cannot be read on the hidden mount.
const FILES = "/r/a /r/empty /r/big /r/sub/c /r/sub/deep/e"

const sameAsModel: ReadonlyArray<string> = [
  `for f in ${FILES} /r/sub /r/link /r/nope; do test -s $f; echo "$f $?"; done`,
  `[ -s /r/a ] && echo yes; [ -s /r/empty ] || echo no; [[ -s /r/big ]] && echo big`,
  "find /r -not -name broken -empty",
  "find /r -not -name broken \\( -type f -empty -o -type d -empty \\)",
  "find /r -not -name broken -size -2",
  "find /r -not -name broken -size +4c",
  "find /r -size 5c",
  "find /r -type f -size +1k",
  "find -L /r -size 5c",
  "find /r -not -name broken -printf '%s %k %b %p\\n'",
  "find /r -not -name broken -printf '%S %p\\n'",
  "find /r -not -name broken -ls",
  `stat -c '%s %b %F %n' ${FILES} /r/link`,
  "stat -L -c '%s %n' /r/link",
  "stat /r/big",
  "stat -t /r/a",
  "stat --printf '%s|%b\\n' /r/big",
  "cd /r/sub && du -b . && du -a . && du -sh /r/big",
  `du -ab ${FILES}`,
  `du -c ${FILES}`,
  `ls -l ${FILES} /r/link`,
  "ls -lS /r/sub/c /r/a /r/big /r/empty",
  "ls -S /r/sub/c /r/a /r/big /r/empty",
  "ls -lh /r/big /r/a",
  "tree -s /r/sub",
  "tree -h /r/sub",
  "tree -s /r/big",
  "truncate -r /r/big /r/t && stat -c %s /r/t && cat /r/t | od -An -c | tail -2",
  "truncate -s +3 /r/a && od -An -c /r/a",
  "truncate -s %8 /r/sub/c && od -An -c /r/sub/c",
  "xxd -s -3 /r/a",
  "xxd -s -20 /r/big",
  "xxd -s -6 /r/a",
]

describe("commands on files whose size is unknown until read", () => {
  it.each(sameAsModel)("%s: as on RAM", async (script) => {
    const { want, got, reads } = await both(script)
    expect(got).toEqual(want)
    // The hidden mount had to read to answer: else the model and it agree by chance.
    expect(reads.calls.length).toBeGreaterThan(0)
  })

  const noReads: ReadonlyArray<string> = [
    "ls /r /r/sub",
    "ls -F /r",
    "ls -t /r",
    "ls -R /r",
    "find /r -name 'a*'",
    "find /r -type f",
    "find /r -printf '%p %m %y\\n'",
    "test -f /r/a && test -e /r/big && [ -f /r/empty ] && [[ -e /r/sub/c ]]",
    "stat -c '%n %a %F' /r/sub /r/link",
    "stat -f /r/a",
    "du --inodes /r",
    "tree /r",
    "truncate -s 2 /r/a",
  ]
  it.each(noReads)("%s: reads nothing", async (script) => {
    const { want, got, reads } = await both(script)
    expect(got).toEqual(want)
    expect(reads.calls).toEqual([])
  })

  // A long listing of a directory shows what the backend knows (sizes of files not read yet
  // show as 0): a month of Slack days costs no request per day.
  it.each(["ls -l /r/sub /r/sub/deep", "ls -lR /r/sub"])("%s: reads nothing", async (script) => {
    const { got, reads } = await both(script)
    expect(got.status).toBe(0)
    expect(reads.calls).toEqual([])
  })

  it("test -s and find -empty read at most one byte", async () => {
    const { got, reads } = await both("test -s /r/big && echo full; find /r/big -empty")
    expect(got.stdout).toBe("full\n")
    expect(reads.calls).toEqual(["/big[0,1)", "/big[0,1)"])
    expect(reads.bytes).toBe(2)
  })

  it("find reads a file once for -size and -printf %s together", async () => {
    const { got, reads } = await both("find /r/big -size +1k -printf '%s\\n'")
    expect(got.stdout).toBe(`${BIG}\n`)
    expect(reads.calls).toEqual(["/big"])
  })

  it("ls -l measures the files it is given, not a directory's entries", async () => {
    const { reads } = await both("ls -l /r/sub/c /r/sub")
    expect(reads.calls).toEqual(["/sub/c"])
  })

  it("a file that cannot be read counts as empty, as before", async () => {
    const { got } = await both("stat -c %s /r/broken; test -s /r/broken; echo $?; find /r/broken -empty")
    expect(got).toEqual({ status: 0, stdout: "0\n1\n/r/broken\n", stderr: "" })
  })
})
