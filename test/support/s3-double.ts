import { createHash, randomBytes } from "node:crypto"
import * as http from "node:http"

/**
 * An in-memory S3 over HTTP, speaking the subset the S3 resource uses, for
 * tests that want the real SDK quickly: ListObjectsV2 (prefix, delimiter,
 * max-keys, continuation tokens), HEAD and GET (ranges, If-Match), PUT
 * (If-Match / If-None-Match), DELETE, DeleteObjects, CopyObject
 * (conditions on both sides), and the multipart calls. Buckets are
 * addressed by path. Any access key but `credentials.accessKeyId` is
 * refused with InvalidAccessKeyId; signatures are not checked.
 */

/** The only key pair the double accepts. */
export const credentials = { accessKeyId: "DOUBLE", secretAccessKey: "double-secret" } as const

interface StoredObject {
  readonly body: Uint8Array
  readonly etag: string
  readonly modified: Date
}

interface MultipartUpload {
  readonly bucket: string
  readonly key: string
  readonly parts: Map<number, StoredObject>
}

/** A running double. */
export interface S3Double {
  readonly endpoint: string
  readonly createBucket: (name: string) => void
  /** Change an object as "someone else" would, without going through HTTP. */
  readonly putObject: (bucket: string, key: string, body: string | Uint8Array) => void
  readonly getObject: (bucket: string, key: string) => Uint8Array | undefined
  /** Every key of a bucket, sorted. */
  readonly keys: (bucket: string) => ReadonlyArray<string>
  /** Multipart uploads begun and neither completed nor aborted. */
  readonly uploads: () => number
  /** Requests served so far. */
  readonly requests: () => number
  /** `METHOD /path?query` of each request, oldest first. */
  readonly log: () => ReadonlyArray<string>
  /** Make UploadPart fail with 500 for the part numbers this returns true for. */
  failPart: (partNumber: number) => boolean
  readonly stop: () => Promise<void>
}

const encoder = new TextEncoder()

const md5 = (bytes: Uint8Array): Buffer => createHash("md5").update(bytes).digest()

const stored = (body: Uint8Array): StoredObject => ({
  body,
  etag: `"${md5(body).toString("hex")}"`,
  modified: new Date(),
})

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c)

const unescapeXml = (text: string): string =>
  text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[name] ?? "",
  )

/** S3 orders keys by their UTF-8 bytes. */
const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b))

const xml = (root: string, inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${inner}</${root}>`

const tag = (name: string, value: string | number | boolean): string => `<${name}>${escapeXml(String(value))}</${name}>`

class S3Failure {
  readonly status: number
  readonly code: string
  readonly message: string
  constructor(status: number, code: string, message: string) {
    this.status = status
    this.code = code
    this.message = message
  }
}

const noSuchKey = () => new S3Failure(404, "NoSuchKey", "The specified key does not exist.")
const preconditionFailed = () =>
  new S3Failure(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold")

const readBody = (req: http.IncomingMessage): Promise<Uint8Array> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks)))
    req.on("error", reject)
  })

/** Start the double on a free port of 127.0.0.1. */
export const startS3Double = async (): Promise<S3Double> => {
  const buckets = new Map<string, Map<string, StoredObject>>()
  const multipart = new Map<string, MultipartUpload>()
  const entries: Array<string> = []

  const bucketOf = (name: string): Map<string, StoredObject> => {
    const bucket = buckets.get(name)
    if (bucket === undefined) throw new S3Failure(404, "NoSuchBucket", "The specified bucket does not exist")
    return bucket
  }

  /** Check If-Match / If-None-Match against what is stored at a key. */
  const checkConditions = (req: http.IncomingMessage, current: StoredObject | undefined): void => {
    const ifMatch = req.headers["if-match"]
    const ifNoneMatch = req.headers["if-none-match"]
    if (ifMatch !== undefined) {
      if (current === undefined) throw noSuchKey()
      if (ifMatch !== "*" && ifMatch !== current.etag) throw preconditionFailed()
    }
    if (ifNoneMatch === "*" && current !== undefined) throw preconditionFailed()
  }

  const list = (bucket: Map<string, StoredObject>, name: string, query: URLSearchParams) => {
    const prefix = query.get("prefix") ?? ""
    const delimiter = query.get("delimiter") ?? ""
    const maxKeys = Math.min(Number(query.get("max-keys") ?? 1000), 1000)
    const token = query.get("continuation-token")
    const after = token === null ? (query.get("start-after") ?? "") : Buffer.from(token, "base64url").toString()
    const keys = [...bucket.keys()].filter((k) => k.startsWith(prefix) && compareKeys(k, after) > 0).sort(compareKeys)
    const contents: Array<string> = []
    const prefixes: Array<string> = []
    let last: string | undefined
    let truncated = false
    for (const key of keys) {
      // A common prefix already given covers every key below it.
      if (last !== undefined && prefixes[prefixes.length - 1] === last && key.startsWith(last)) continue
      if (contents.length + prefixes.length >= maxKeys) {
        truncated = true
        break
      }
      const at = delimiter === "" ? -1 : key.indexOf(delimiter, prefix.length)
      if (at === -1) {
        contents.push(key)
        last = key
      } else {
        const common = key.slice(0, at + delimiter.length)
        prefixes.push(common)
        last = common
      }
    }
    // Resume after a common prefix: every key starting with it sorts below prefix + U+FFFF's bytes.
    const resume = last === undefined ? "" : prefixes.includes(last) ? `${last}\u{10FFFF}` : last
    const body = [
      tag("Name", name),
      tag("Prefix", prefix),
      delimiter === "" ? "" : tag("Delimiter", delimiter),
      tag("MaxKeys", maxKeys),
      tag("KeyCount", contents.length + prefixes.length),
      tag("IsTruncated", truncated),
      token === null ? "" : tag("ContinuationToken", token),
      truncated ? tag("NextContinuationToken", Buffer.from(resume).toString("base64url")) : "",
      ...contents.map((key) => {
        const object = bucket.get(key)
        if (object === undefined) return ""
        return `<Contents>${tag("Key", key)}${tag("LastModified", object.modified.toISOString())}${tag("ETag", object.etag)}${tag("Size", object.body.length)}${tag("StorageClass", "STANDARD")}</Contents>`
      }),
      ...prefixes.map((p) => `<CommonPrefixes>${tag("Prefix", p)}</CommonPrefixes>`),
    ].join("")
    return xml("ListBucketResult", body)
  }

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", "http://double")
    const query = url.searchParams
    const [bucketName = "", ...rest] = url.pathname.slice(1).split("/")
    const bucketId = decodeURIComponent(bucketName)
    const key = decodeURIComponent(rest.join("/"))
    const method = req.method ?? "GET"
    const send = (status: number, body?: string | Uint8Array, headers: Record<string, string | number> = {}) => {
      const bytes = typeof body === "string" ? encoder.encode(body) : body
      res.writeHead(status, {
        ...(typeof body === "string" ? { "Content-Type": "application/xml" } : {}),
        "Content-Length": bytes?.length ?? 0,
        ...headers,
      })
      res.end(method === "HEAD" ? undefined : bytes)
    }
    const objectHeaders = (object: StoredObject) => ({
      ETag: object.etag,
      "Last-Modified": object.modified.toUTCString(),
      "Accept-Ranges": "bytes",
    })

    const authorization = req.headers.authorization ?? ""
    const accessKey = /Credential=([^/]+)\//.exec(authorization)?.[1]
    if (accessKey !== credentials.accessKeyId)
      throw new S3Failure(
        403,
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist in our records.",
      )
    if (
      req.headers["content-encoding"]?.includes("aws-chunked") ||
      String(req.headers["x-amz-content-sha256"]).startsWith("STREAMING")
    )
      throw new S3Failure(501, "NotImplemented", "the double does not decode aws-chunked bodies")

    if (key === "") {
      if (method === "PUT") {
        if (!buckets.has(bucketId)) buckets.set(bucketId, new Map())
        return send(200)
      }
      const bucket = bucketOf(bucketId)
      if (method === "GET" && query.get("list-type") === "2") return send(200, list(bucket, bucketId, query))
      if (method === "POST" && query.has("delete")) {
        const body = new TextDecoder().decode(await readBody(req))
        const deleted = [...body.matchAll(/<Key>([\s\S]*?)<\/Key>/g)].map((m) => unescapeXml(m[1]))
        for (const k of deleted) bucket.delete(k)
        const quiet = /<Quiet>true<\/Quiet>/.test(body)
        return send(
          200,
          xml("DeleteResult", quiet ? "" : deleted.map((k) => `<Deleted>${tag("Key", k)}</Deleted>`).join("")),
        )
      }
      throw new S3Failure(501, "NotImplemented", `${method} on a bucket`)
    }

    const bucket = bucketOf(bucketId)
    const current = bucket.get(key)
    switch (method) {
      case "HEAD":
      case "GET": {
        if (current === undefined) throw noSuchKey()
        checkConditions(req, current)
        const size = current.body.length
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "")
        if (range === null) return send(200, current.body, objectHeaders(current))
        const start = range[1] === "" ? Math.max(size - Number(range[2]), 0) : Number(range[1])
        const end = range[1] === "" || range[2] === "" ? size - 1 : Math.min(Number(range[2]), size - 1)
        if (start >= size) throw new S3Failure(416, "InvalidRange", "The requested range is not satisfiable")
        return send(206, current.body.subarray(start, end + 1), {
          ...objectHeaders(current),
          "Content-Range": `bytes ${start}-${end}/${size}`,
        })
      }
      case "PUT": {
        const uploadId = query.get("uploadId")
        if (uploadId !== null) {
          const upload = multipart.get(uploadId)
          if (upload === undefined) throw new S3Failure(404, "NoSuchUpload", "The specified upload does not exist.")
          const partNumber = Number(query.get("partNumber"))
          const body = await readBody(req)
          if (double.failPart(partNumber)) throw new S3Failure(500, "InternalError", "part refused by the test")
          const part = stored(body)
          upload.parts.set(partNumber, part)
          return send(200, undefined, { ETag: part.etag })
        }
        const copyFrom = req.headers["x-amz-copy-source"]
        if (typeof copyFrom === "string") {
          const [sourceBucket, ...sourceKey] = decodeURIComponent(copyFrom.replace(/^\//, "").split("?")[0]).split("/")
          const source = bucketOf(sourceBucket).get(sourceKey.join("/"))
          if (source === undefined) throw noSuchKey()
          const sourceMatch = req.headers["x-amz-copy-source-if-match"]
          if (sourceMatch !== undefined && sourceMatch !== source.etag) throw preconditionFailed()
          if (
            sourceBucket === bucketId &&
            sourceKey.join("/") === key &&
            req.headers["x-amz-metadata-directive"] !== "REPLACE"
          )
            throw new S3Failure(
              400,
              "InvalidRequest",
              "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata",
            )
          checkConditions(req, current)
          const copied = stored(source.body)
          bucket.set(key, copied)
          return send(
            200,
            xml("CopyObjectResult", tag("ETag", copied.etag) + tag("LastModified", copied.modified.toISOString())),
          )
        }
        const body = await readBody(req)
        checkConditions(req, current)
        const object = stored(body)
        bucket.set(key, object)
        return send(200, undefined, { ETag: object.etag })
      }
      case "POST": {
        if (query.has("uploads")) {
          const uploadId = randomBytes(12).toString("hex")
          multipart.set(uploadId, { bucket: bucketId, key, parts: new Map() })
          return send(
            200,
            xml("InitiateMultipartUploadResult", tag("Bucket", bucketId) + tag("Key", key) + tag("UploadId", uploadId)),
          )
        }
        const uploadId = query.get("uploadId")
        const upload = uploadId === null ? undefined : multipart.get(uploadId)
        if (uploadId === null || upload === undefined)
          throw new S3Failure(404, "NoSuchUpload", "The specified upload does not exist.")
        const body = new TextDecoder().decode(await readBody(req))
        const numbers = [...body.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)].map((m) => Number(m[1]))
        const parts = numbers.map((n) => {
          const part = upload.parts.get(n)
          if (part === undefined) throw new S3Failure(400, "InvalidPart", `part ${n} was not uploaded`)
          return part
        })
        checkConditions(req, current)
        const whole = Buffer.concat(parts.map((p) => p.body))
        const etag = `"${md5(Buffer.concat(parts.map((p) => md5(p.body)))).toString("hex")}-${parts.length}"`
        const object: StoredObject = { body: whole, etag, modified: new Date() }
        bucket.set(key, object)
        multipart.delete(uploadId)
        return send(
          200,
          xml("CompleteMultipartUploadResult", tag("Bucket", bucketId) + tag("Key", key) + tag("ETag", etag)),
        )
      }
      case "DELETE": {
        const uploadId = query.get("uploadId")
        if (uploadId !== null) {
          multipart.delete(uploadId)
          return send(204)
        }
        bucket.delete(key)
        return send(204)
      }
    }
    throw new S3Failure(501, "NotImplemented", `${method} on an object`)
  }

  const server = http.createServer((req, res) => {
    entries.push(`${req.method} ${req.url}`)
    handle(req, res).catch((error: unknown) => {
      const failure = error instanceof S3Failure ? error : new S3Failure(500, "InternalError", String(error))
      // Drain what the client sent, so the connection can be reused.
      req.resume()
      const body = xml("Error", tag("Code", failure.code) + tag("Message", failure.message))
      res.writeHead(failure.status, { "Content-Type": "application/xml", "Content-Length": Buffer.byteLength(body) })
      res.end(req.method === "HEAD" ? undefined : body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0

  const double: S3Double = {
    endpoint: `http://127.0.0.1:${port}`,
    createBucket: (name) => {
      if (!buckets.has(name)) buckets.set(name, new Map())
    },
    putObject: (bucket, key, body) => {
      bucketOf(bucket).set(key, stored(typeof body === "string" ? encoder.encode(body) : body))
    },
    getObject: (bucket, key) => buckets.get(bucket)?.get(key)?.body,
    keys: (bucket) => [...(buckets.get(bucket)?.keys() ?? [])].sort(compareKeys),
    uploads: () => multipart.size,
    requests: () => entries.length,
    log: () => [...entries],
    failPart: () => false,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
  return double
}
