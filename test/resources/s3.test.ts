import { PutObjectCommand } from "@aws-sdk/client-s3"
import { Effect, Redacted, Stream } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { gcs, idOf, make, oci, r2, S3Resource, supabase, type S3Options } from "../../src/resources/S3.ts"
import { fromS3Error } from "../../src/resources/s3/Errors.ts"
import { failure, run, text } from "../vfs/support.ts"
import { credentials, type S3Server, startS3 } from "../support/s3.ts"
import { resourceConformance } from "./conformance.ts"

/**
 * The S3 resource against a real S3 HTTP server (s3rver in a child process,
 * behind a proxy that counts requests), through the real AWS SDK.
 */

let server: S3Server
let serial = 0
beforeAll(async () => {
  server = await startS3()
}, 60_000)
afterAll(async () => {
  await server?.stop()
})

const freshBucket = async (): Promise<string> => {
  const bucket = `b${Date.now().toString(36)}${serial++}`
  await server.createBucket(bucket)
  return bucket
}

const options = (bucket: string, extra: Partial<S3Options> = {}): S3Options => ({
  bucket,
  endpoint: server.endpoint,
  credentials,
  cache: false,
  ...extra,
})

resourceConformance(
  "S3",
  async () => {
    const resource = make(options(await freshBucket()))
    return { resource, cleanup: () => Effect.runPromise(resource.close) }
  },
  { symlinks: false, mtime: false },
)

const workspace = async (extra: Partial<S3Options> = {}) => {
  const bucket = await freshBucket()
  const s3 = new S3Resource(options(bucket, extra))
  const ws = new Workspace({ "/s3": s3, "/data": new RAMResource() }, { mode: MountMode.WRITE })
  return { ws, bucket }
}

const putExternal = (bucket: string, key: string, body: string) =>
  server.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }))

describe("S3Resource through a workspace", () => {
  it("reads, lists, searches, copies both ways, appends, moves and removes", async () => {
    const { ws, bucket } = await workspace()
    await putExternal(bucket, "data.csv", "id,name\n1,alpha\n2,beta\n")
    await putExternal(bucket, "logs/2026/a.log", "alert one\nok\n")
    const r = await ws.execute(
      [
        "cat /s3/data.csv",
        "ls /s3 /s3/logs",
        "find /s3 | sort",
        "grep -rc alert /s3/logs",
        "cp /s3/data.csv /data/ && wc -l /data/data.csv",
        "seq 3 > /data/n && cp /data/n /s3/logs/n && cat /s3/logs/n",
        "mkdir -p /s3/x/y/z && echo deep > /s3/x/y/z/f && ls -R /s3/x",
        "echo more >> /s3/data.csv && tail -1 /s3/data.csv",
        "mv /s3/logs /s3/old && ls /s3 && cat /s3/old/2026/a.log",
        "mv /s3/old/n /data/moved && cat /data/moved && ls /s3/old",
        "rm -r /s3/old /s3/x && ls /s3",
      ].join("\n"),
    )
    expect(r.stderrText).toBe("")
    expect(r.stdoutText).toBe(
      [
        "id,name\n1,alpha\n2,beta\n",
        "/s3:\ndata.csv\nlogs\n\n/s3/logs:\n2026\n",
        "/s3\n/s3/data.csv\n/s3/logs\n/s3/logs/2026\n/s3/logs/2026/a.log\n",
        "/s3/logs/2026/a.log:1\n",
        "3 /data/data.csv\n",
        "1\n2\n3\n",
        "/s3/x:\ny\n\n/s3/x/y:\nz\n\n/s3/x/y/z:\nf\n",
        "more\n",
        "data.csv\nold\nx\nalert one\nok\n",
        "1\n2\n3\n2026\n",
        "data.csv\n",
      ].join(""),
    )
    expect(r.exitCode).toBe(0)
  })

  it("writes 20 MB through a redirect as a multipart upload, byte for byte", async () => {
    const { ws } = await workspace()
    const before = server.log().length
    const r = await ws.execute(
      "head -c 20000000 /dev/urandom > /data/big && cat /data/big > /s3/big && md5sum < /data/big && md5sum < /s3/big && stat -c %s /s3/big",
    )
    expect([r.stderrText, r.exitCode]).toEqual(["", 0])
    const [a, b, size] = r.stdoutText.split("\n")
    expect(a).toBe(b)
    expect(size).toBe("20000000")
    const log = server.log().slice(before)
    // 8 MiB parts, then a completion.
    expect(log.filter((l) => l.includes("partNumber=")).length).toBe(3)
    expect(log.some((l) => l.startsWith("POST") && l.includes("uploads"))).toBe(true)
    expect(log.some((l) => l.startsWith("POST") && l.includes("uploadId="))).toBe(true)
  })

  it("pages through listings longer than one page", async () => {
    const { ws, bucket } = await workspace({ pageSize: 7 })
    for (let i = 0; i < 30; i++) await putExternal(bucket, `many/f${String(i).padStart(2, "0")}`, "x")
    const r = await ws.execute("ls /s3/many | wc -l; ls /s3/many | tail -1; rm -r /s3/many; ls /s3 | wc -l")
    expect(r.stdoutText).toBe("30\nf29\n0\n")
    expect(server.log().some((l) => l.includes("continuation-token="))).toBe(true)
  })

  it("deletes a tree in one DeleteObjects call, not one request per file", async () => {
    const { ws } = await workspace()
    await ws.execute("mkdir -p /s3/t/u && for i in $(seq 40); do echo $i > /s3/t/$i; done; echo x > /s3/t/u/v")
    const before = server.log().length
    const r = await ws.execute("rm -r /s3/t && ls /s3")
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual(["", "", 0])
    const log = server.log().slice(before)
    expect(log.filter((l) => l.startsWith("DELETE")).length).toBe(0)
    // One batch; the SDK may resend it once when a kept-alive socket was dropped.
    expect(log.filter((l) => l.startsWith("POST") && l.includes("delete")).length).toBeGreaterThan(0)
    expect(log.filter((l) => l.startsWith("POST") && l.includes("delete")).length).toBeLessThanOrEqual(2)
  })

  it("refuses to overwrite a file changed elsewhere since it was read; the retry overwrites", async () => {
    const { ws, bucket } = await workspace()
    await ws.execute("echo mine > /s3/shared")
    expect((await ws.execute("cat /s3/shared")).stdoutText).toBe("mine\n")
    await putExternal(bucket, "shared", "theirs\n")
    const r = await ws.execute("echo overwrite > /s3/shared")
    expect(r.exitCode).toBe(1)
    expect(r.stderrText).toBe("mirage: line 1: /s3/shared: Device or resource busy (/s3: changed by someone else)\n")
    expect((await ws.execute("cat /s3/shared")).stdoutText).toBe("theirs\n")
    expect((await ws.execute("echo overwrite > /s3/shared && cat /s3/shared")).stdoutText).toBe("overwrite\n")
  })

  it("keeps the old object when the input of a multipart write fails", async () => {
    const bucket = await freshBucket()
    const s3 = make(options(bucket, { multipartThreshold: 1 }))
    await run(s3.writeFile("/f", new TextEncoder().encode("old")))
    const part = new Uint8Array(6 * 1024 * 1024)
    expect(await failure(s3.write("/f", Stream.concat(Stream.fromArray([part, part]), Stream.fail("boom"))))).toBe(
      "boom",
    )
    expect(text(await run(s3.readFile("/f")))).toBe("old")
    await run(s3.close)
  })

  it("touches a file (now) but refuses any other time", async () => {
    const { ws } = await workspace()
    const r = await ws.execute("touch /s3/new /s3/new && ls /s3 && touch -d 2001-01-01 /s3/new")
    expect(r.stdoutText).toBe("new\n")
    expect(r.stderrText).toBe(
      "touch: cannot touch '/s3/new': Operation not supported (/s3: S3 keeps only the time of the last write)\n",
    )
    const link = await ws.execute("ln -s new /s3/l")
    expect(link.stderrText).toBe(
      "ln: failed to create symbolic link '/s3/l': Operation not supported (/s3: S3 has no symbolic links)\n",
    )
  })

  it("answers a repeated find and cat from the cache, and sees outside changes when fresh", async () => {
    const bucket = await freshBucket()
    const ws = new Workspace({ "/s3": new S3Resource(options(bucket, { cache: undefined })) })
    await putExternal(bucket, "a/b.txt", "one\n")
    const first = await ws.execute("find /s3 | sort; cat /s3/a/b.txt; ls -l /s3/a | wc -l")
    const before = server.requests()
    const second = await ws.execute("find /s3 | sort; cat /s3/a/b.txt; ls -l /s3/a | wc -l")
    expect(server.requests()).toBe(before)
    expect(second.stdoutText).toBe(first.stdoutText)
    await putExternal(bucket, "a/b.txt", "two\n")
    expect((await ws.execute("cat /s3/a/b.txt")).stdoutText).toBe("one\n")
    expect((await ws.execute("cat /s3/a/b.txt", { fresh: true })).stdoutText).toBe("two\n")
  })
})

describe("S3Resource failures", () => {
  const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
  const cases = [
    {
      name: "a wrong key",
      extra: (): Partial<S3Options> => ({ credentials: { accessKeyId: "NOPE", secretAccessKey: secret } }),
      cause: "Permission denied (/s3: InvalidAccessKeyId: the access key id is not known to the server)",
    },
    {
      name: "a missing bucket",
      extra: (): Partial<S3Options> => ({ bucket: "no-such-bucket" }),
      cause: 'Input/output error (/s3: NoSuchBucket: bucket "no-such-bucket" does not exist)',
    },
    {
      name: "an unreachable endpoint",
      extra: (): Partial<S3Options> => ({ endpoint: "http://127.0.0.1:1" }),
      cause: "Input/output error (/s3: connect ECONNREFUSED 127.0.0.1:1)",
    },
  ]
  it.each(cases)("$name gives one line naming the mount and the cause, quickly", async ({ extra, cause }) => {
    const bucket = await freshBucket()
    // The cache on, as a user has it: the first stat is a HEAD, whose refusal carries no body.
    const ws = new Workspace({ "/s3": new S3Resource(options(bucket, { cache: undefined, ...extra() })) })
    const started = Date.now()
    const cat = await ws.execute("cat /s3/data.csv")
    const ls = await ws.execute("ls /s3/")
    expect(Date.now() - started).toBeLessThan(5_000)
    expect([cat.stderrText, cat.exitCode]).toEqual([`cat: /s3/data.csv: ${cause}\n`, 1])
    expect([ls.stderrText, ls.exitCode]).toEqual([`ls: cannot open directory '/s3/': ${cause}\n`, 2])
    expect(cat.stderrText + ls.stderrText).not.toContain(secret)
  })

  it("keeps the secret out of errors and of the printed forms of the resource and its options", async () => {
    const given = { accessKeyId: "NOPE", secretAccessKey: secret, sessionToken: "token-secret-value" }
    const s3 = new S3Resource(options(await freshBucket(), { credentials: given }))
    const error = await failure(s3.readFile("/x"))
    for (const shown of [String(s3), JSON.stringify(s3), error.message, JSON.stringify(error), String(error)]) {
      expect(shown).not.toContain(secret)
      expect(shown).not.toContain("token-secret-value")
    }
    expect(JSON.stringify(s3)).toBe(`{"kind":"s3","bucket":"${s3.bucket}","prefix":"","endpoint":"${server.endpoint}"}`)
    const preset = r2({ accountId: "acc", bucket: "b", credentials: { accessKeyId: "AK", secretAccessKey: secret } })
    expect(JSON.stringify(preset)).not.toContain(secret)
    expect(Redacted.isRedacted(preset.credentials?.secretAccessKey)).toBe(true)
    await run(s3.close)
  })
})

describe("S3 presets", () => {
  const keys = { accessKeyId: "AK", secretAccessKey: Redacted.make("SK") }
  it.each([
    ["R2", r2({ accountId: "acc", bucket: "b", credentials: keys }), "https://acc.r2.cloudflarestorage.com", "auto"],
    [
      "R2 in the EU",
      r2({ accountId: "acc", jurisdiction: "eu", bucket: "b", credentials: keys }),
      "https://acc.eu.r2.cloudflarestorage.com",
      "auto",
    ],
    ["GCS", gcs({ bucket: "b", credentials: keys }), "https://storage.googleapis.com", "auto"],
    [
      "OCI",
      oci({ namespace: "ns", region: "us-ashburn-1", bucket: "b", credentials: keys }),
      "https://ns.compat.objectstorage.us-ashburn-1.oraclecloud.com",
      "us-ashburn-1",
    ],
    [
      "Supabase",
      supabase({ projectRef: "proj", region: "eu-central-1", bucket: "b", credentials: keys }),
      "https://proj.supabase.co/storage/v1/s3",
      "eu-central-1",
    ],
  ])("%s points at its S3 endpoint", (_, preset, endpoint, region) => {
    expect([preset.endpoint, preset.region, preset.forcePathStyle]).toEqual([endpoint, region, true])
  })

  it("turns batched deletes off for GCS, and names backends without secrets", () => {
    expect(gcs({ bucket: "b", credentials: keys }).batchDelete).toBe(false)
    expect(idOf({ bucket: "b", prefix: "/x//y" })).toBe("s3:aws:us-east-1/b/x/y/")
    expect(idOf({ bucket: "b", endpoint: "http://h:1", credentials: keys })).toBe("s3:http://h:1/b/")
  })

  it("builds resources with the static helpers", async () => {
    const resource = S3Resource.supabase({ projectRef: "p", region: "r", bucket: "b", credentials: keys })
    expect([resource.endpoint, resource.bucket, String(resource)]).toEqual([
      "https://p.supabase.co/storage/v1/s3",
      "b",
      "S3Resource(https://p.supabase.co/storage/v1/s3/b/)",
    ])
    await run(resource.close)
  })
})

describe("fromS3Error", () => {
  const meta = (status: number) => ({ $metadata: { httpStatusCode: status } })
  const context = { bucket: "logs", secrets: [Redacted.make("SECRETVALUE")] }
  it.each([
    ["NoSuchKey", { name: "NoSuchKey", Code: "NoSuchKey", ...meta(404) }, "NotFound", undefined],
    ["a HEAD 404", { name: "NotFound", ...meta(404) }, "NotFound", undefined],
    [
      "NoSuchBucket",
      { name: "NoSuchBucket", Code: "NoSuchBucket", ...meta(404) },
      "Backend",
      'NoSuchBucket: bucket "logs" does not exist',
    ],
    [
      "AccessDenied",
      { name: "AccessDenied", Code: "AccessDenied", ...meta(403) },
      "PermissionDenied",
      "AccessDenied: access denied",
    ],
    [
      "a HEAD 403",
      { name: "Unknown", message: "UnknownError", ...meta(403) },
      "PermissionDenied",
      "Forbidden: access denied",
    ],
    [
      "SignatureDoesNotMatch",
      { name: "SignatureDoesNotMatch", Code: "SignatureDoesNotMatch", ...meta(403) },
      "PermissionDenied",
      "SignatureDoesNotMatch: the secret access key does not match the access key id",
    ],
    ["PreconditionFailed", { name: "PreconditionFailed", ...meta(412) }, "Conflict", "changed by someone else"],
    [
      "NotImplemented",
      { name: "NotImplemented", Code: "NotImplemented", ...meta(501) },
      "NotSupported",
      "NotImplemented: not implemented by this server (HTTP 501)",
    ],
    ["SlowDown", { name: "SlowDown", Code: "SlowDown", ...meta(503) }, "Backend", "SlowDown: rate limited (HTTP 503)"],
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
      "Backend",
      "connect ECONNREFUSED 127.0.0.1:9",
    ],
    [
      "a message echoing the secret",
      { name: "Weird", Code: "Weird", message: "bad key SECRETVALUE here", ...meta(400) },
      "Backend",
      "Weird: bad key <redacted> here",
    ],
  ])("%s", (_, error, reason, detail) => {
    const mapped = fromS3Error(error, "read", "/x", context)
    expect([mapped.reason, mapped.detail, mapped.op, mapped.path]).toEqual([reason, detail, "read", "/x"])
  })
})
