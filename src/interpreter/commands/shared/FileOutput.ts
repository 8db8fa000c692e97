import { Cause, Effect, Fiber, Queue, Stream } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import type { Output } from "../../Io.ts"
import type { WriteOptions } from "../../../vfs/Resource.ts"

/**
 * A file opened for writing as an `Output`: chunks go through a small queue
 * into a streaming `fs.write`, so a command can write a large file without
 * holding it. If the write fails, later chunks are dropped and `close`
 * returns the error.
 */
export interface FileOutput {
  readonly output: Output
  /** The error so far, if the write already failed. */
  readonly failure: () => VfsError | undefined
  /** End the stream and wait for the write; the error if it failed. */
  readonly close: Effect.Effect<VfsError | undefined>
}

/** Open `path` (absolute) for writing. The writer runs in a child fiber of the caller. */
export const openFileOutput = (ctx: CommandContext, path: string, options?: WriteOptions): Effect.Effect<FileOutput> =>
  Effect.gen(function* () {
    const queue = yield* Queue.bounded<Uint8Array, Cause.Done>(4)
    let failure: VfsError | undefined
    const fiber = yield* ctx.fs.write(path, Stream.fromQueue(queue), options).pipe(
      Effect.catchTag("VfsError", (error) => {
        failure = error
        return Effect.asVoid(Queue.shutdown(queue))
      }),
      Effect.forkChild,
    )
    return {
      output: {
        write: (bytes) =>
          failure !== undefined || bytes.length === 0 ? Effect.void : Effect.asVoid(Queue.offer(queue, bytes)),
      },
      failure: () => failure,
      close: Effect.gen(function* () {
        yield* Queue.end(queue)
        yield* Fiber.join(fiber)
        return failure
      }),
    }
  })
