import { GetObjectCommand } from "@aws-sdk/client-s3"
import { Effect, Stream } from "effect"
import type { ByteRange, FileStat } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Bucket } from "./Bucket.ts"
import { fail } from "./Bucket.ts"
import { CHANGED, codeOf, statusOf } from "./Errors.ts"

/**
 * Reading objects: one GET per read, ranges as `Range: bytes=a-b`, the body
 * streamed as it arrives in chunks of at most 64 KiB, and read(2)'s answers
 * for the edge cases (a range past the end reads nothing, a directory is
 * EISDIR).
 */

/** Largest chunk a read emits. */
const CHUNK = 64 * 1024

const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array> =>
  typeof value === "object" && value !== null && Symbol.asyncIterator in value

/** Views of at most CHUNK bytes: the stream contract, whatever sizes the socket delivered. */
const split = (chunk: Uint8Array): ReadonlyArray<Uint8Array> => {
  if (chunk.length <= CHUNK) return chunk.length === 0 ? [] : [chunk]
  const out: Array<Uint8Array> = []
  for (let i = 0; i < chunk.length; i += CHUNK) out.push(chunk.subarray(i, i + CHUNK))
  return out
}

/** The read operations of a bucket. */
export const reads = (bucket: Bucket) => {
  const { client, Bucket, keyOf, lookup, remember, mapError } = bucket

  /** The body of one GET, as a stream of chunks of at most 64 KiB. */
  const get = (
    path: string,
    range: { readonly start: number; readonly end: number | undefined } | undefined,
    ifMatch?: string,
  ): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      Effect.gen(function* () {
        const Range =
          range === undefined ? undefined : `bytes=${range.start}-${range.end === undefined ? "" : range.end - 1}`
        const out = yield* Effect.tryPromise({
          try: (signal) =>
            client.send(new GetObjectCommand({ Bucket, Key: keyOf(path), Range, IfMatch: ifMatch }), {
              abortSignal: signal,
            }),
          catch: (error) => error,
        }).pipe(
          Effect.catch((error) => {
            const status = statusOf(error)
            // A range past the end of an existing object reads nothing, as read(2) at EOF.
            if (status === 416) return Effect.succeed(undefined)
            if (status === 404 && codeOf(error) !== "NoSuchBucket")
              return lookup(path, "read", path).pipe(
                Effect.flatMap((found) =>
                  fail(
                    found.kind === "directory"
                      ? "IsADirectory"
                      : ifMatch !== undefined && found.kind === "file"
                        ? "Conflict"
                        : "NotFound",
                    "read",
                    path,
                    found.kind === "file" && ifMatch !== undefined ? CHANGED : undefined,
                  ),
                ),
              )
            return Effect.fail(mapError("read", path)(error))
          }),
        )
        if (out === undefined) return Stream.empty
        if (range === undefined || ifMatch !== undefined) remember(path, out.ETag)
        const body = out.Body
        if (body === undefined) return Stream.empty
        const chunks = isAsyncIterable(body)
          ? Stream.fromAsyncIterable(body, mapError("read", path))
          : Stream.fromReadableStream({ evaluate: () => body.transformToWebStream(), onError: mapError("read", path) })
        return Stream.flattenIterable(Stream.map(chunks, split))
      }),
    )

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> => {
    if (path === "/") return Stream.fail(new VfsError({ reason: "IsADirectory", op: "read", path }))
    const start = Math.max(range?.start ?? 0, 0)
    const end = range?.end
    if (end !== undefined && end <= start)
      // Nothing to fetch, but a missing file or a directory must still fail.
      return Stream.unwrap(Effect.map(readable(path), () => Stream.empty))
    return get(path, start === 0 && end === undefined ? undefined : { start, end })
  }

  /** The stat of a file that can be read; a directory or a missing path fails as read(2) would. */
  const readable = (path: string): Effect.Effect<FileStat, VfsError> =>
    lookup(path, "read", path).pipe(
      Effect.flatMap((found) =>
        found.kind === "file"
          ? Effect.succeed(found.stat)
          : fail(found.kind === "directory" ? "IsADirectory" : "NotFound", "read", path),
      ),
    )

  return { get, read }
}
