import type { FileHandle } from "node:fs/promises"
import { Effect, Stream } from "effect"
import type { VfsError } from "../../vfs/VfsError.ts"
import { fromNodeError } from "./Errors.ts"

/** How a disk resource moves a stream's bytes into an open file. */

/** Bytes gathered before a write goes to the disk: each write is a trip through the thread pool. */
const WRITE_BLOCK = 1024 * 1024
/** At most this many chunks per write (the kernel takes up to 1024 buffers in one writev). */
const MAX_GATHERED = 1024

/** Write all of `chunks`, in order, with as few system calls as the kernel allows (writev; a write may be partial). */
const writeAll = async (handle: FileHandle, chunks: ReadonlyArray<Uint8Array>): Promise<void> => {
  let rest = chunks.filter((c) => c.length > 0)
  while (rest.length > 0) {
    let { bytesWritten } = rest.length === 1 ? await handle.write(rest[0]!) : await handle.writev(rest)
    let done = 0
    while (done < rest.length && bytesWritten >= rest[done]!.length) bytesWritten -= rest[done++]!.length
    rest = rest.slice(done)
    if (bytesWritten > 0) rest[0] = rest[0]!.subarray(bytesWritten)
  }
}

const attempt = <A>(path: string, f: () => Promise<A>): Effect.Effect<A, VfsError> =>
  Effect.tryPromise({ try: f, catch: (error) => fromNodeError(error, "write", path) })

/**
 * Write `data` to an open handle, then close it (reporting a failed close).
 * With `gather` (a temp file nobody sees before the rename), chunks are
 * gathered up to WRITE_BLOCK and written together (chunks are never changed
 * once a stream has handed them out); without it (an append, which readers
 * may follow as it grows), each batch is written as it comes.
 */
export const pump = <E>(path: string, handle: FileHandle, data: Stream.Stream<Uint8Array, E>, gather: boolean) =>
  Effect.suspend(() => {
    let pending: Array<Uint8Array> = []
    let size = 0
    const flush = attempt(path, () => {
      const out = pending
      pending = []
      size = 0
      return writeAll(handle, out)
    })
    return Stream.runForEachArray(data, (batch) => {
      for (const chunk of batch) {
        pending.push(chunk)
        size += chunk.length
      }
      return !gather || size >= WRITE_BLOCK || pending.length >= MAX_GATHERED ? flush : Effect.void
    }).pipe(
      Effect.andThen(Effect.suspend(() => (pending.length > 0 ? flush : Effect.void))),
      Effect.andThen(attempt(path, () => handle.close())),
    )
  })
