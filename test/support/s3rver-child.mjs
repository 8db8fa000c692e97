// Runs s3rver in its own process: its continuation tokens use DES, which
// Node 17+ only allows with --openssl-legacy-provider. Prints the port as one
// JSON line on stdout, then serves until killed.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const S3rver = require("s3rver")
const FilesystemStore = require("s3rver/lib/stores/filesystem")

// s3rver 3.7 prunes its directory walk below a common prefix before it has
// seen any key there, so `logs/` is missing from a delimiter listing when only
// `logs/2026/a.log` exists (real S3 lists it). List without the delimiter and
// group the keys as S3 does.
const listObjects = FilesystemStore.prototype.listObjects
FilesystemStore.prototype.listObjects = async function (bucket, options) {
  const { delimiter = "", prefix = "", maxKeys = Infinity } = options
  if (!delimiter) return listObjects.call(this, bucket, options)
  const all = await listObjects.call(this, bucket, { ...options, delimiter: "", maxKeys: Infinity })
  const objects = []
  const prefixes = new Set()
  let isTruncated = false
  for (const object of all.objects) {
    const at = object.key.slice(prefix.length).indexOf(delimiter)
    if (at !== -1) prefixes.add(object.key.slice(0, prefix.length + at + delimiter.length))
    else if (objects.length < maxKeys) objects.push(object)
    else {
      isTruncated = true
      break
    }
  }
  return { objects, commonPrefixes: [...prefixes].sort(), isTruncated }
}

// s3rver 3.7 ignores the conditional-write headers S3 honours since 2024
// (If-Match / If-None-Match on PutObject, CopyObject and
// CompleteMultipartUpload) and If-Match on GetObject. Check them in front of
// its handlers, as S3 does: 412 PreconditionFailed, or 404 NoSuchKey for
// If-Match on a missing object.
const objectCtrl = require("s3rver/lib/controllers/object")
const S3Error = require("s3rver/lib/models/error")
const currentEtag = (ctx) =>
  ctx.app.store.getMetadata(ctx.params.bucket, ctx.params.key).then(
    (metadata) => metadata.etag,
    () => undefined,
  )
const conditional = (handler) =>
  async function (ctx) {
    const ifMatch = ctx.get("if-match")
    const ifNoneMatch = ctx.get("if-none-match")
    if (ifMatch || (ifNoneMatch && ctx.method !== "GET" && ctx.method !== "HEAD")) {
      const etag = await currentEtag(ctx)
      if (ifMatch && etag === undefined) throw new S3Error("NoSuchKey", "The specified key does not exist.")
      if ((ifMatch && ifMatch !== "*" && ifMatch !== etag) || (ifNoneMatch === "*" && etag !== undefined))
        throw new S3Error("PreconditionFailed", "At least one of the pre-conditions you specified did not hold")
    }
    return handler.call(this, ctx)
  }
for (const name of ["putObject", "putObjectCopy", "completeMultipartUpload", "getObject"])
  objectCtrl[name] = conditional(objectCtrl[name])

const directory = process.argv[2]
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  resetOnClose: true,
  // Buckets are addressed by path: the tests use 127.0.0.1, never bucket hostnames.
  vhostBuckets: false,
})
const address = await server.run()
process.stdout.write(JSON.stringify({ port: address.port }) + "\n")
const stop = () => {
  server.close().finally(() => process.exit(0))
}
process.on("SIGTERM", stop)
// The parent holds our stdin open: when it dies, however it dies, so do we.
process.stdin.on("end", stop)
process.stdin.resume()
