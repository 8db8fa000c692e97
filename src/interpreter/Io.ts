import { Cause, Data, Effect, Pull, Queue, type Scope, Stream } from "effect"
import type { VfsError } from "../vfs/VfsError.ts"

/**
 * Byte plumbing between commands.
 *
 * An `Input` is a shared, stateful reader: `while read line` and the commands
 * in its body consume the same descriptor, so a reader takes what it needs and
 * `unread`s the rest. An `Output` is a bounded writer: writing to a pipe whose
 * reader has gone fails with `BrokenPipe` (SIGPIPE), which ends the writer.
 */

/** Preferred chunk size between stages. */
export const CHUNK_SIZE = 64 * 1024

/** The reader of a pipe went away; the writer should stop (status 141 in bash). */
export class BrokenPipe extends Data.TaggedError("BrokenPipe")<{}> {}

/** A failure while reading an input stream (the file vanished, the backend failed). */
export type InputError = VfsError

export interface Input {
  /** The next chunk, or null at end of input. Chunks are never empty. */
  readonly read: Effect.Effect<Uint8Array | null, InputError>
  /** Push bytes back so the next `read` returns them first. */
  readonly unread: (bytes: Uint8Array) => void
}

export interface Output {
  readonly write: (bytes: Uint8Array) => Effect.Effect<void, BrokenPipe>
}

const encoder = new TextEncoder()

/** Encode a string as UTF-8. */
export const encode = (text: string): Uint8Array => encoder.encode(text)

/** Write a string as UTF-8. */
export const writeText = (out: Output, text: string): Effect.Effect<void, BrokenPipe> =>
  text.length === 0 ? Effect.void : out.write(encoder.encode(text))

/** An input with nothing in it. */
export const emptyInput: Input = {
  read: Effect.succeed(null),
  unread: () => {},
}

/** An output that discards everything (`/dev/null`, a closed descriptor). */
export const nullOutput: Output = { write: () => Effect.void }

/** An input over fixed bytes. */
export const inputFromBytes = (bytes: Uint8Array): Input => {
  const pending: Array<Uint8Array> = bytes.length > 0 ? [bytes] : []
  return {
    read: Effect.sync(() => pending.shift() ?? null),
    unread: (b) => {
      if (b.length > 0) pending.unshift(b)
    },
  }
}

/**
 * An input that pulls from a stream. The stream is opened on the first read,
 * in `scope`, and closed when the scope closes.
 */
export const inputFromPull = (pull: Effect.Effect<Uint8Array | null, InputError>): Input => {
  const pending: Array<Uint8Array> = []
  let done = false
  return {
    read: Effect.suspend(() => {
      const next = pending.shift()
      if (next !== undefined) return Effect.succeed(next)
      if (done) return Effect.succeed(null)
      return Effect.map(pull, (chunk) => {
        if (chunk === null) done = true
        return chunk
      })
    }),
    unread: (b) => {
      if (b.length > 0) pending.unshift(b)
    },
  }
}

/** An input over a stream, pulled lazily; the stream is released with the scope. */
export const inputFromStream = (
  stream: Stream.Stream<Uint8Array, InputError>,
): Effect.Effect<Input, never, Scope.Scope> =>
  Effect.map(Stream.toPull(stream), (pull) =>
    inputFromPull(
      Pull.catchDone(
        Effect.map(pull, (chunks) => (chunks.length === 1 ? chunks[0] : concat(chunks))),
        () => Effect.succeed(null),
      ),
    ),
  )

/** Read everything left in an input. */
export const readAll = (input: Input): Effect.Effect<Uint8Array, InputError> =>
  Effect.gen(function* () {
    const chunks: Array<Uint8Array> = []
    let total = 0
    while (true) {
      const chunk = yield* input.read
      if (chunk === null) break
      chunks.push(chunk)
      total += chunk.length
    }
    return concat(chunks, total)
  })

/** The rest of an input as a stream (for writing it to a resource). */
export const inputToStream = (input: Input): Stream.Stream<Uint8Array, InputError> =>
  Stream.fromPull(
    Effect.succeed(
      Effect.flatMap(input.read, (chunk) =>
        chunk === null ? Effect.fail(Cause.Done()) : Effect.succeed([chunk] as const),
      ),
    ),
  )

/** Concatenate chunks. */
export const concat = (chunks: ReadonlyArray<Uint8Array>, total?: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]!
  const size = total ?? chunks.reduce((n, c) => n + c.length, 0)
  const out = new Uint8Array(size)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.length
  }
  return out
}

/**
 * A bounded pipe: the writer side blocks when `capacity` chunks are queued;
 * once the reader closes, writes fail with `BrokenPipe`.
 */
export const makePipe = (
  capacity = 4,
): Effect.Effect<{
  readonly output: Output
  readonly input: Input
  /** Writer is done: the reader sees end of input after the queued chunks. */
  readonly closeWriter: Effect.Effect<void>
  /** Reader is done: pending and future writes fail with BrokenPipe. */
  readonly closeReader: Effect.Effect<void>
}> =>
  Effect.map(Queue.bounded<Uint8Array, Cause.Done>(capacity), (queue) => {
    let readerClosed = false
    const output: Output = {
      write: (bytes) =>
        bytes.length === 0
          ? Effect.void
          : readerClosed
            ? Effect.fail(new BrokenPipe())
            : Effect.flatMap(Queue.offer(queue, bytes), (ok) => (ok ? Effect.void : Effect.fail(new BrokenPipe()))),
    }
    const input = inputFromPull(Effect.catch(Queue.take(queue), () => Effect.succeed(null)))
    return {
      output,
      input,
      closeWriter: Effect.asVoid(Queue.end(queue)),
      closeReader: Effect.suspend(() => {
        readerClosed = true
        return Effect.asVoid(Queue.shutdown(queue))
      }),
    }
  })

/**
 * An output that collects bytes in memory, up to `limit` bytes; past the
 * limit `onLimit` decides (the default keeps collecting).
 */
export const makeCollector = (): {
  readonly output: Output
  readonly bytes: () => Uint8Array
  readonly size: () => number
} => {
  const chunks: Array<Uint8Array> = []
  let total = 0
  return {
    output: {
      write: (b) =>
        Effect.sync(() => {
          if (b.length > 0) {
            chunks.push(b)
            total += b.length
          }
        }),
    },
    bytes: () => concat(chunks, total),
    size: () => total,
  }
}

/** Pump a stream into an output; a reader that went away ends the pump quietly. */
export const writeTo = <E>(out: Output, data: Stream.Stream<Uint8Array, E>): Effect.Effect<void, E> =>
  Stream.runForEachWhile(data, (chunk) =>
    Effect.match(out.write(chunk), { onFailure: () => false, onSuccess: () => true }),
  )
