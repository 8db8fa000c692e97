import { PutObjectCommand } from "@aws-sdk/client-s3"
import type { S3Client } from "@aws-sdk/client-s3"
import { Upload } from "@aws-sdk/lib-storage"
import { Effect, Stream } from "effect"
import type { VfsError } from "../../vfs/VfsError.ts"

/**
 * Streaming an object into S3. The input is held in memory up to the
 * multipart threshold: if it ends there, one PutObject sends it; past it,
 * lib-storage's `Upload` takes the rest as a multipart upload fed through a
 * bounded `ReadableStream`, so memory stays near a few parts whatever the
 * size. S3 shows an object only when its PutObject or
 * CompleteMultipartUpload succeeds, so a failed or interrupted write never
 * leaves half an object; a multipart upload that fails is aborted (its parts
 * deleted) before the write returns.
 */

/** The smallest part S3 accepts (but for the last one). */
export const MIN_PART_SIZE = 5 * 1024 * 1024

/** Where and how to write one object. */
export interface UploadTarget {
  readonly client: S3Client
  readonly bucket: string
  readonly key: string
  /** Above this many bytes, upload in parts. */
  readonly threshold: number
  /**
   * Conditions, read when the request is made (not when the write starts), so
   * that an earlier write through the same resource counts as seen.
   */
  readonly conditions: () => { readonly IfMatch?: string | undefined; readonly IfNoneMatch?: string | undefined }
  /** Map an SDK failure to the resource's error. */
  readonly onError: (error: unknown) => VfsError
}

const concat = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.length
  }
  return out
}

/**
 * The producer side of a multipart upload. `push` waits while the stream
 * holds a part's worth of unread bytes (backpressure) and fails as soon as
 * the upload does, so a dead upload never leaves the producer waiting.
 */
class MultipartSink {
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined
  private wake: (() => void) | undefined
  private failure: { readonly error: unknown } | undefined
  private open = true
  /** The upload's outcome; also observed here so that it never goes unhandled. */
  readonly done: Promise<string | undefined>

  constructor(target: UploadTarget) {
    const partSize = Math.max(MIN_PART_SIZE, target.threshold)
    const body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller
        },
        pull: () => {
          this.wake?.()
        },
      },
      { highWaterMark: partSize, size: (chunk) => chunk.byteLength },
    )
    const upload = new Upload({
      client: target.client,
      params: { Bucket: target.bucket, Key: target.key, Body: body, ...target.conditions() },
      partSize,
      queueSize: 4,
    })
    this.done = upload.done().then((output) => output.ETag)
    this.done.catch((error: unknown) => {
      this.failure = { error }
      this.wake?.()
    })
  }

  private waitForRoom(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve
    })
  }

  async push(batch: ReadonlyArray<Uint8Array>): Promise<void> {
    const controller = this.controller
    if (controller === undefined) throw new Error("multipart stream not started")
    for (const chunk of batch) {
      if (this.failure !== undefined) throw this.failure.error
      controller.enqueue(chunk)
      while ((controller.desiredSize ?? 0) <= 0 && this.failure === undefined) await this.waitForRoom()
    }
    if (this.failure !== undefined) throw this.failure.error
  }

  /** End the input and wait for CompleteMultipartUpload. */
  finish(): Promise<string | undefined> {
    this.open = false
    this.controller?.close()
    return this.done
  }

  /**
   * Fail the input so the upload aborts itself (lib-storage sends
   * AbortMultipartUpload once its in-flight parts settle), and wait for that.
   * If the input had already ended, the upload is let finish: every byte was
   * given, so what becomes visible is whole.
   */
  async cancel(): Promise<void> {
    if (this.open) {
      this.open = false
      this.controller?.error(new Error("write cancelled"))
    }
    await this.done.catch(() => undefined)
  }
}

/** Write `data` to the object; succeeds with the new ETag. */
export const upload = <E>(
  target: UploadTarget,
  data: Stream.Stream<Uint8Array, E>,
): Effect.Effect<string | undefined, VfsError | E> =>
  Effect.suspend(() => {
    const held: Array<Uint8Array> = []
    let size = 0
    let sink: MultipartSink | undefined
    const push = (active: MultipartSink, batch: ReadonlyArray<Uint8Array>) =>
      Effect.tryPromise({ try: () => active.push(batch), catch: target.onError })
    const feed = (batch: ReadonlyArray<Uint8Array>): Effect.Effect<void, VfsError> => {
      if (sink !== undefined) return push(sink, batch)
      for (const chunk of batch) {
        if (chunk.length === 0) continue
        held.push(chunk)
        size += chunk.length
      }
      if (size <= target.threshold) return Effect.void
      sink = new MultipartSink(target)
      return push(sink, held.splice(0))
    }
    const put = Effect.tryPromise({
      try: (signal) => {
        const body = concat(held, size)
        return target.client.send(
          new PutObjectCommand({
            Bucket: target.bucket,
            Key: target.key,
            Body: body,
            ContentLength: body.length,
            ...target.conditions(),
          }),
          { abortSignal: signal },
        )
      },
      catch: target.onError,
    }).pipe(Effect.map((output) => output.ETag))
    return Stream.runForEachArray(data, feed).pipe(
      Effect.flatMap(() => {
        const active = sink
        if (active === undefined) return put
        return Effect.tryPromise({ try: () => active.finish(), catch: target.onError })
      }),
      Effect.onExit((exit) => {
        const active = sink
        return exit._tag === "Success" || active === undefined ? Effect.void : Effect.promise(() => active.cancel())
      }),
    )
  })
