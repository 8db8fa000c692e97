import { Effect, Fiber, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { make, S3Resource, type S3Options } from "../../src/resources/S3.ts"
import { bytes, failure, outcome, run, text } from "../vfs/support.ts"
import { credentials, type S3Double, startS3Double } from "../support/s3-double.ts"
import { resourceConformance } from "./conformance.ts"

/**
 * The S3 resource against the in-memory S3 double: the real SDK over HTTP,
 * fast enough for thousands of keys, with failures on demand.
 */

let double: S3Double
let serial = 0
beforeAll(async () => {
  double = await startS3Double()
})
afterAll(async () => {
  await double?.stop()
})

const freshBucket = (): string => {
  const bucket = `d${serial++}`
  double.createBucket(bucket)
  return bucket
}

const options = (bucket: string, extra: Partial<S3Options> = {}): S3Options => ({
  bucket,
  endpoint: double.endpoint,
  credentials,
  cache: false,
  ...extra,
})

resourceConformance(
  "S3 (double)",
  async () => {
    const resource = make(options(freshBucket(), { prefix: `p${serial}/` }))
    return { resource, cleanup: () => Effect.runPromise(resource.close) }
  },
  { symlinks: false, mtime: false },
)

const workspace = (extra: Partial<S3Options> = {}) => {
  const bucket = freshBucket()
  const ws = new Workspace(
    { "/s3": new S3Resource(options(bucket, extra)), "/data": new RAMResource() },
    { mode: MountMode.WRITE },
  )
  return { ws, bucket }
}

/** The requests made while `f` runs. */
const requestsDuring = async <A>(
  f: () => Promise<A>,
): Promise<{ readonly value: A; readonly log: ReadonlyArray<string> }> => {
  const before = double.log().length
  const value = await f()
  return { value, log: double.log().slice(before) }
}

describe("S3 keys and directories", () => {
  it("maps paths to keys under the prefix, with markers for made directories", async () => {
    const bucket = freshBucket()
    const s3 = make(options(bucket, { prefix: "/team//logs" }))
    await run(s3.mkdirp("/a/b"))
    await run(s3.writeFile("/a/b/c.txt", bytes("c")))
    await run(s3.writeFile("/top", bytes("t")))
    expect(double.keys(bucket)).toEqual(["team/logs/a/", "team/logs/a/b/", "team/logs/a/b/c.txt", "team/logs/top"])
    await run(s3.close)
  })

  it("shows implicit directories (prefix only) and marker-only directories", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "implicit/deep/f", "x")
    double.putObject(bucket, "marker/", "")
    const s3 = make(options(bucket))
    expect((await run(s3.stat("/implicit"))).type).toBe("directory")
    expect((await run(s3.stat("/implicit/deep"))).type).toBe("directory")
    expect((await run(s3.stat("/marker"))).type).toBe("directory")
    expect(await run(s3.list("/marker"))).toEqual([])
    expect((await run(s3.list("/"))).map((e) => [e.name, e.type]).sort()).toEqual([
      ["implicit", "directory"],
      ["marker", "directory"],
    ])
    await run(s3.close)
  })

  it("lists files with their size, time and ETag, so ls -l needs no request per file", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "d/a", "abc")
    const s3 = make(options(bucket))
    const [entry] = await run(s3.list("/d"))
    expect(entry.stat?.size).toBe(3)
    expect(entry.stat?.etag).toBe('"900150983cd24fb0d6963f7d28e17f72"')
    expect((await run(s3.stat("/d/a"))).etag).toBe(entry.stat?.etag)
    await run(s3.close)
  })

  it("keeps a directory that loses its last file, as POSIX does", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "only/f", "x")
    const s3 = make(options(bucket))
    await run(s3.remove("/only/f"))
    expect((await run(s3.stat("/only"))).type).toBe("directory")
    expect(double.keys(bucket)).toEqual(["only/"])
    await run(s3.close)
  })

  it("pages through more than 1000 keys in listings, find, mv and rm -r", async () => {
    const { ws, bucket } = workspace()
    for (let i = 0; i < 1500; i++) double.putObject(bucket, `many/f${String(i).padStart(4, "0")}`, "x")
    double.putObject(bucket, "many/sub/last", "y")
    const { value, log } = await requestsDuring(() =>
      ws.execute("ls /s3/many | wc -l; ls /s3/many | tail -2; find /s3/many -type f | wc -l"),
    )
    expect(value.stdoutText).toBe("1501\nf1499\nsub\n1501\n")
    expect(log.filter((l) => l.includes("continuation-token")).length).toBeGreaterThan(0)
    const moved = await ws.execute("mv /s3/many /s3/moved && ls /s3 && ls /s3/moved | wc -l")
    expect(moved.stdoutText).toBe("moved\n1501\n")
    const removal = await requestsDuring(() => ws.execute("rm -r /s3/moved; ls /s3 | wc -l"))
    expect(removal.value.stdoutText).toBe("0\n")
    // 1501 keys: two DeleteObjects calls of at most 1000 keys, no DELETE per key.
    expect(removal.log.filter((l) => l.startsWith("POST") && l.includes("delete")).length).toBe(2)
    expect(removal.log.filter((l) => l.startsWith("DELETE")).length).toBe(0)
    expect(double.keys(bucket)).toEqual([])
  })
})

describe("S3 reads and writes", () => {
  it("reads byte ranges with a Range header, not the whole object", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "r", "0123456789")
    const s3 = make(options(bucket))
    const { value } = await requestsDuring(() => run(Stream.runCollect(s3.read("/r", { start: 3, end: 6 }))))
    expect(text(Buffer.concat(value))).toBe("345")
    await run(s3.close)
  })

  it("writes small files with one PutObject and big ones in parts; the md5 matches both sides", async () => {
    const { ws, bucket } = workspace()
    const small = await requestsDuring(() => ws.execute("echo hi > /s3/small"))
    expect(small.log.filter((l) => l.startsWith("PUT")).length).toBe(2)
    expect(small.log.some((l) => l.includes("uploads"))).toBe(false)
    const big = await requestsDuring(() =>
      ws.execute(
        "head -c 20000000 /dev/urandom > /data/big; cat /data/big > /s3/big; md5sum < /data/big; md5sum < /s3/big",
      ),
    )
    const [a, b] = big.value.stdoutText.split("\n")
    expect(a).toBe(b)
    expect(big.log.some((l) => l.startsWith("POST") && l.includes("uploads"))).toBe(true)
    // 20 MB in 8 MiB parts.
    expect(big.log.filter((l) => l.includes("partNumber=")).length).toBe(3)
    expect(double.getObject(bucket, "big")?.length).toBe(20_000_000)
    expect(double.uploads()).toBe(0)
  })

  it("aborts the multipart upload when a part fails, leaving the old object", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "f", "old")
    const s3 = make(options(bucket, { multipartThreshold: 1 }))
    double.failPart = (n) => n === 2
    try {
      const error = await failure(s3.write("/f", Stream.succeed(new Uint8Array(12 * 1024 * 1024))))
      expect([error.reason, error.detail]).toEqual(["Backend", "InternalError: internal error (HTTP 500)"])
    } finally {
      double.failPart = () => false
    }
    expect(text(double.getObject(bucket, "f") ?? new Uint8Array())).toBe("old")
    expect(double.uploads()).toBe(0)
    await run(s3.close)
  })

  it("aborts the multipart upload when the input fails or the write is interrupted", async () => {
    const bucket = freshBucket()
    const s3 = make(options(bucket, { multipartThreshold: 1 }))
    const part = new Uint8Array(6 * 1024 * 1024)
    const failing = Stream.concat(Stream.fromArray([part, part]), Stream.fail("boom"))
    expect(await failure(s3.write("/f", failing))).toBe("boom")
    expect(double.keys(bucket)).toEqual([])
    expect(double.uploads()).toBe(0)
    const endless = Stream.forever(Stream.succeed(new Uint8Array(1024 * 1024)))
    await run(
      Effect.gen(function* () {
        const fiber = yield* Effect.forkChild(s3.write("/g", endless))
        yield* Effect.sleep("300 millis")
        yield* Fiber.interrupt(fiber)
      }),
    )
    expect(double.keys(bucket)).toEqual([])
    expect(double.uploads()).toBe(0)
    await run(s3.close)
  })

  it("appends by reading the old object and putting old + new, conditioned on the version read", async () => {
    const { ws, bucket } = workspace()
    await ws.execute("echo one > /s3/log")
    const { value, log } = await requestsDuring(() => ws.execute("echo two >> /s3/log; cat /s3/log"))
    expect(value.stdoutText).toBe("one\ntwo\n")
    expect(log.filter((l) => l.startsWith("GET /" + bucket + "/log")).length).toBe(2)
  })

  it("truncates and extends by read + put", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "t", "abcdef")
    const s3 = make(options(bucket))
    await run(s3.truncate("/t", 2))
    expect(text(double.getObject(bucket, "t") ?? new Uint8Array())).toBe("ab")
    await run(s3.truncate("/t", 4))
    expect([...(double.getObject(bucket, "t") ?? [])]).toEqual([97, 98, 0, 0])
    await run(s3.close)
  })

  it("copies server-side: the source is never downloaded", async () => {
    const bucket = freshBucket()
    double.putObject(bucket, "a", "payload")
    const s3 = make(options(bucket))
    const { log } = await requestsDuring(() => run(s3.copyFile("/a", "/b")))
    expect(log.some((l) => l.startsWith("GET /" + bucket + "/a"))).toBe(false)
    expect(text(double.getObject(bucket, "b") ?? new Uint8Array())).toBe("payload")
    await run(s3.close)
  })
})

describe("S3 conditional writes", () => {
  it("refuses to overwrite a file changed by someone else since it was read; the retry overwrites", async () => {
    const { ws, bucket } = workspace()
    await ws.execute("echo mine > /s3/f; cat /s3/f")
    double.putObject(bucket, "f", "theirs\n")
    const r = await ws.execute("echo again > /s3/f")
    expect(r.exitCode).toBe(1)
    expect(r.stderrText).toBe("mirage: line 1: /s3/f: Device or resource busy (/s3: changed by someone else)\n")
    expect(text(double.getObject(bucket, "f") ?? new Uint8Array())).toBe("theirs\n")
    expect((await ws.execute("echo again > /s3/f; cat /s3/f")).stdoutText).toBe("again\n")
  })

  it("overwrites plainly what it has written itself or never seen", async () => {
    const { ws, bucket } = workspace()
    double.putObject(bucket, "unseen", "x")
    const r = await ws.execute("echo 1 > /s3/f; echo 2 > /s3/f; echo 3 > /s3/unseen; cat /s3/f /s3/unseen")
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual(["2\n3\n", "", 0])
  })

  it("gives Conflict when an append races an outside change, and AlreadyExists when an exclusive write does", async () => {
    const bucket = freshBucket()
    const s3 = make(options(bucket))
    await run(s3.writeFile("/f", bytes("a")))
    const racing = Stream.fromEffect(Effect.sync(() => (double.putObject(bucket, "f", "outside"), bytes("b"))))
    const error = await failure(s3.write("/f", racing, { append: true }))
    expect([error.reason, error.detail]).toEqual(["Conflict", "changed by someone else"])
    const late = Stream.fromEffect(Effect.sync(() => (double.putObject(bucket, "new", "first"), bytes("second"))))
    expect(await outcome(s3.write("/new", late, { exclusive: true }))).toBe("AlreadyExists")
    expect(text(double.getObject(bucket, "new") ?? new Uint8Array())).toBe("first")
    await run(s3.close)
  })

  it("conditions a multipart overwrite too: its completion is refused and its parts aborted", async () => {
    const bucket = freshBucket()
    const s3 = make(options(bucket, { multipartThreshold: 1 }))
    await run(s3.writeFile("/big", bytes("seen")))
    double.putObject(bucket, "big", "changed elsewhere")
    const error = await failure(s3.write("/big", Stream.succeed(new Uint8Array(11 * 1024 * 1024))))
    expect([error.reason, error.detail]).toEqual(["Conflict", "changed by someone else"])
    expect(text(double.getObject(bucket, "big") ?? new Uint8Array())).toBe("changed elsewhere")
    expect(double.uploads()).toBe(0)
    await run(s3.close)
  })
})
