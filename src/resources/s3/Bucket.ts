import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3"
import type { ListObjectsV2CommandOutput } from "@aws-sdk/client-s3"
import { Effect, Redacted } from "effect"
import type { FileStat } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"
import type { S3Options } from "../S3.ts"
import { codeOf, fromS3Error, statusOf } from "./Errors.ts"
import type { S3ErrorContext } from "./Errors.ts"

/**
 * A bucket seen as a tree: how paths map to keys under the prefix, what a
 * path is (an object, a prefix with keys under it, or nothing, told apart
 * from a missing ancestor and a file in the way, as the kernel does), paged
 * listings, batched deletes, copies, and the ETags this resource has seen.
 * The operations in `Primitives.ts` are built on it.
 */

export const DEFAULT_THRESHOLD = 8 * 1024 * 1024
/** CopyObject copies at most 5 GiB; bigger files are streamed by `copyFile`. */
export const MAX_COPY = 5 * 1024 * 1024 * 1024
const DELETE_BATCH = 1000
const MAX_REMEMBERED = 10_000
export const BUSY = "Device or resource busy"

export const redacted = (value: string | Redacted.Redacted<string>): Redacted.Redacted<string> =>
  Redacted.isRedacted(value) ? value : Redacted.make(value)

/** `"/logs//2026/"` → `"logs/2026/"`; the empty prefix stays empty. */
export const normalizePrefix = (prefix: string | undefined): string => {
  const parts = (prefix ?? "").split("/").filter((s) => s !== "")
  return parts.length === 0 ? "" : `${parts.join("/")}/`
}

/** The SDK client for `options`: few attempts and a short connect timeout, checksums only where S3 requires them. */
const clientOf = (options: S3Options): S3Client => {
  const creds = options.credentials
  const secret = creds === undefined ? undefined : redacted(creds.secretAccessKey)
  const token = creds?.sessionToken === undefined ? undefined : redacted(creds.sessionToken)
  return new S3Client({
    region: options.region ?? "us-east-1",
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
    maxAttempts: options.maxAttempts ?? 2,
    requestHandler: { connectionTimeout: 1500 },
    // Flexible checksums are rejected by many S3-compatible services (GCS, OCI, older MinIO).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    ...(creds === undefined || secret === undefined
      ? {}
      : {
          // A provider, so the secret is unwrapped only when a request is signed.
          credentials: async () => ({
            accessKeyId: creds.accessKeyId,
            secretAccessKey: Redacted.value(secret),
            sessionToken: token === undefined ? undefined : Redacted.value(token),
          }),
        }),
  })
}

/** What a path is on the bucket. */
export type Found =
  | { readonly kind: "file"; readonly stat: FileStat }
  | { readonly kind: "directory"; readonly stat: FileStat }
  /** `ancestor`: some ancestor is missing too (as opposed to only the last name). */
  | { readonly kind: "missing"; readonly ancestor: boolean }

export const fail = (reason: Reason, op: string, path: string, detail?: string): Effect.Effect<never, VfsError> =>
  Effect.fail(new VfsError({ reason, op, path, detail }))

export const parentOf = (path: string): string => {
  const i = path.lastIndexOf("/")
  return i <= 0 ? "/" : path.slice(0, i)
}

export const within = (dir: string, path: string): boolean => dir === "/" || path.startsWith(`${dir}/`)

export const dirStat = (mtime: number): FileStat => ({ type: "directory", size: 4096, mtime, mode: 0o755 })

export const fileStat = (size: number | undefined, modified: Date | undefined, etag: string | undefined): FileStat => ({
  type: "file",
  size: size ?? 0,
  mtime: modified?.getTime() ?? 0,
  mode: 0o644,
  etag,
})

/** Keys in CopySource are URL-encoded, with the slashes kept. */
export const copySource = (bucket: string, key: string): string =>
  `${bucket}/${key
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/")}`

/** The tree view of one bucket and prefix. */
export const makeBucket = (options: S3Options) => {
  const client = options.client ?? clientOf(options)
  const ownsClient = options.client === undefined
  const Bucket = options.bucket
  const base = normalizePrefix(options.prefix)
  const threshold = options.multipartThreshold ?? DEFAULT_THRESHOLD
  let batchDelete = options.batchDelete ?? true
  const pageSize = options.pageSize
  const creds = options.credentials
  const context: S3ErrorContext = {
    bucket: Bucket,
    secrets:
      creds === undefined
        ? []
        : [
            redacted(creds.secretAccessKey),
            ...(creds.sessionToken === undefined ? [] : [redacted(creds.sessionToken)]),
          ],
  }
  const mountedAt = Date.now()

  const keyOf = (path: string): string => base + path.slice(1)
  const dirKeyOf = (path: string): string => (path === "/" ? base : `${keyOf(path)}/`)
  const pathOfKey = (key: string): string => `/${key.slice(base.length).replace(/\/$/, "")}`

  /** ETags this resource has seen, by path: the version a replacing write expects to find. */
  const versions = new Map<string, string>()
  const remember = (path: string, etag: string | undefined): void => {
    versions.delete(path)
    if (etag === undefined) return
    versions.set(path, etag)
    if (versions.size > MAX_REMEMBERED) versions.delete(versions.keys().next().value ?? "")
  }
  const forgetTree = (path: string): void => {
    for (const known of versions.keys()) if (known === path || within(path, known)) versions.delete(known)
  }

  const mapError = (op: string, path: string) => (error: unknown) => fromS3Error(error, op, path, context)

  const call = <A>(op: string, path: string, f: (signal: AbortSignal) => Promise<A>): Effect.Effect<A, VfsError> =>
    Effect.tryPromise({ try: f, catch: mapError(op, path) })

  const listPage = (
    op: string,
    path: string,
    Prefix: string,
    extra: { Delimiter?: string; MaxKeys?: number; ContinuationToken?: string },
  ) =>
    call(op, path, (signal) =>
      client.send(new ListObjectsV2Command({ Bucket, Prefix, ...extra }), { abortSignal: signal }),
    )

  /** Run `f` on each page of a listing, following continuation tokens. */
  const forEachPage = (
    op: string,
    path: string,
    prefix: string,
    delimiter: string | undefined,
    f: (page: ListObjectsV2CommandOutput) => Effect.Effect<void, VfsError>,
  ): Effect.Effect<void, VfsError> => {
    const loop = (token: string | undefined): Effect.Effect<void, VfsError> =>
      listPage(op, path, prefix, { Delimiter: delimiter, ContinuationToken: token, MaxKeys: pageSize }).pipe(
        Effect.flatMap((page) =>
          f(page).pipe(
            Effect.andThen(
              page.IsTruncated && page.NextContinuationToken ? loop(page.NextContinuationToken) : Effect.void,
            ),
          ),
        ),
      )
    return loop(undefined)
  }

  /**
   * HEAD an object: its stat, or undefined when there is none. Answers to
   * HEAD carry no body, so a refusal is asked again as a listing, whose
   * error names the cause (`InvalidAccessKeyId`, `NoSuchBucket`).
   */
  const head = (path: string, op: string): Effect.Effect<FileStat | undefined, VfsError> =>
    Effect.tryPromise({
      try: (signal) => client.send(new HeadObjectCommand({ Bucket, Key: keyOf(path) }), { abortSignal: signal }),
      catch: (error) => error,
    }).pipe(
      Effect.map((out): FileStat | undefined => fileStat(out.ContentLength, out.LastModified, out.ETag)),
      Effect.catch((error) => {
        const status = statusOf(error)
        if (status === 404 && codeOf(error) !== "NoSuchBucket") return Effect.succeed(undefined)
        const mapped = mapError(op, path)(error)
        if (status !== undefined && status >= 300 && status < 500)
          return listPage(op, path, keyOf(path), { MaxKeys: 1 }).pipe(Effect.andThen(Effect.fail(mapped)))
        return Effect.fail(mapped)
      }),
    )

  /** A directory's stat when any key lies under it (its marker included), else undefined. */
  const probeDir = (path: string, op: string): Effect.Effect<FileStat | undefined, VfsError> =>
    path === "/"
      ? Effect.succeed(dirStat(mountedAt))
      : listPage(op, path, dirKeyOf(path), { MaxKeys: 1 }).pipe(
          Effect.map((page) => {
            const first = page.Contents?.[0]
            return first === undefined && (page.CommonPrefixes?.length ?? 0) === 0
              ? undefined
              : dirStat(first?.LastModified?.getTime() ?? mountedAt)
          }),
        )

  /**
   * What a path is. `prefer` orders the two requests by what the caller
   * expects, so the common case costs one. A missing path's ancestors are
   * looked at to tell NotFound from NotADirectory, as the kernel does.
   */
  const lookup = (
    path: string,
    op: string,
    named: string,
    prefer: "file" | "directory" = "file",
  ): Effect.Effect<Found, VfsError> => {
    if (path === "/") return Effect.succeed({ kind: "directory", stat: dirStat(mountedAt) })
    const asFile = head(path, op).pipe(
      Effect.map((stat): Found | undefined => (stat === undefined ? undefined : { kind: "file", stat })),
    )
    const asDir = probeDir(path, op).pipe(
      Effect.map((stat): Found | undefined => (stat === undefined ? undefined : { kind: "directory", stat })),
    )
    const [first, second] = prefer === "file" ? [asFile, asDir] : [asDir, asFile]
    return first.pipe(
      Effect.flatMap((found) => (found === undefined ? second : Effect.succeed(found))),
      Effect.flatMap((found) => (found === undefined ? missing(path, op, named) : Effect.succeed(found))),
    )
  }

  const missing = (path: string, op: string, named: string): Effect.Effect<Found, VfsError> => {
    const parent = parentOf(path)
    if (parent === "/") return Effect.succeed({ kind: "missing", ancestor: false })
    return lookup(parent, op, named, "directory").pipe(
      Effect.flatMap((found): Effect.Effect<Found, VfsError> => {
        if (found.kind === "file") return fail("NotADirectory", op, named)
        return Effect.succeed({ kind: "missing", ancestor: found.kind === "missing" })
      }),
    )
  }

  /** `dir` must be an existing directory for an entry `named` to be made in it. */
  const requireDir = (dir: string, op: string, named: string): Effect.Effect<void, VfsError> =>
    lookup(dir, op, named, "directory").pipe(
      Effect.flatMap((found) =>
        found.kind === "directory"
          ? Effect.void
          : fail(found.kind === "file" ? "NotADirectory" : "NotFound", op, named),
      ),
    )

  /** Keep a directory that just lost its last key, as POSIX keeps an emptied directory. */
  const keepParent = (path: string, op: string): Effect.Effect<void, VfsError> => {
    const parent = parentOf(path)
    if (parent === "/") return Effect.void
    return probeDir(parent, op).pipe(
      Effect.flatMap((stat) => (stat === undefined ? putMarker(parent, op, false) : Effect.void)),
    )
  }

  const putMarker = (path: string, op: string, exclusive: boolean): Effect.Effect<void, VfsError> =>
    call(op, path, (signal) =>
      client.send(
        new PutObjectCommand({
          Bucket,
          Key: dirKeyOf(path),
          Body: new Uint8Array(0),
          ContentLength: 0,
          ...(exclusive ? { IfNoneMatch: "*" } : {}),
        }),
        { abortSignal: signal },
      ),
    ).pipe(Effect.asVoid)

  const deleteKey = (key: string, op: string) =>
    call(op, pathOfKey(key), (signal) =>
      client.send(new DeleteObjectCommand({ Bucket, Key: key }), { abortSignal: signal }),
    ).pipe(Effect.asVoid)

  /** Delete keys, 1000 per DeleteObjects call (one by one where the service lacks it). */
  const deleteKeys = (keys: ReadonlyArray<string>, op: string): Effect.Effect<void, VfsError> => {
    if (keys.length === 0) return Effect.void
    if (!batchDelete) return Effect.forEach(keys, (key) => deleteKey(key, op), { concurrency: 8, discard: true })
    const batches: Array<ReadonlyArray<string>> = []
    for (let i = 0; i < keys.length; i += DELETE_BATCH) batches.push(keys.slice(i, i + DELETE_BATCH))
    return Effect.forEach(
      batches,
      (batch) =>
        call(op, pathOfKey(batch[0]), (signal) =>
          client.send(
            new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
            { abortSignal: signal },
          ),
        ).pipe(
          Effect.flatMap((out) => {
            const failed = out.Errors?.[0]
            if (failed === undefined) return Effect.void
            return Effect.fail(
              fromS3Error({ Code: failed.Code, message: failed.Message }, op, pathOfKey(failed.Key ?? ""), context),
            )
          }),
        ),
      { concurrency: 2, discard: true },
    ).pipe(
      Effect.catchIf(
        (error) => error.reason === "NotSupported",
        () => {
          batchDelete = false
          return deleteKeys(keys, op)
        },
      ),
    )
  }

  /** Every key under a directory, page by page; `f` may delete what it was given. */
  const forEachKey = (path: string, op: string, f: (keys: ReadonlyArray<string>) => Effect.Effect<void, VfsError>) =>
    forEachPage(op, path, dirKeyOf(path), undefined, (page) =>
      f((page.Contents ?? []).flatMap((o) => (o.Key === undefined ? [] : [o.Key]))),
    )

  const copyObject = (
    fromKey: string,
    toKey: string,
    op: string,
    sourceEtag: string | undefined,
    ifMatch: string | undefined,
  ) =>
    call(op, pathOfKey(toKey), (signal) =>
      client.send(
        new CopyObjectCommand({
          Bucket,
          Key: toKey,
          CopySource: copySource(Bucket, fromKey),
          CopySourceIfMatch: sourceEtag,
          IfMatch: ifMatch,
        }),
        { abortSignal: signal },
      ),
    ).pipe(Effect.map((out) => out.CopyObjectResult?.ETag))

  return {
    client,
    ownsClient,
    Bucket,
    base,
    threshold,
    mountedAt,
    context,
    keyOf,
    dirKeyOf,
    pathOfKey,
    versions,
    remember,
    forgetTree,
    mapError,
    call,
    listPage,
    forEachPage,
    head,
    probeDir,
    lookup,
    requireDir,
    keepParent,
    putMarker,
    deleteKey,
    deleteKeys,
    forEachKey,
    copyObject,
  }
}

/** What `makeBucket` gives. */
export type Bucket = ReturnType<typeof makeBucket>
