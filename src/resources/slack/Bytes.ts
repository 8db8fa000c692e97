import { Stream } from "effect"
import type { ByteRange } from "../../vfs/Resource.ts"

/** The byte streams of the Slack resource: text gathered into large chunks, and byte ranges. */

const encoder = new TextEncoder()

/** Gather strings into chunks of at least `chars` characters before encoding. */
export const chunked = <E>(texts: Stream.Stream<string, E>, chars: number): Stream.Stream<Uint8Array, E> =>
  texts.pipe(
    Stream.mapAccum(
      () => "",
      (buffer, text): readonly [string, ReadonlyArray<string>] => {
        const next = buffer + text
        return next.length >= chars ? ["", [next]] : [next, []]
      },
      { onHalt: (buffer) => (buffer === "" ? [] : [buffer]) },
    ),
    Stream.map((text) => encoder.encode(text)),
  )

/** The bytes of `[range.start, range.end)`, stopping the source once past the end. */
export const slice = <E>(
  stream: Stream.Stream<Uint8Array, E>,
  range: ByteRange | undefined,
): Stream.Stream<Uint8Array, E> => {
  if (range === undefined) return stream
  const end = range.end ?? Number.POSITIVE_INFINITY
  if (end <= range.start) return Stream.empty
  return stream.pipe(
    Stream.mapAccum(
      () => 0,
      (position, chunk): readonly [number, ReadonlyArray<readonly [Uint8Array, boolean]>] => {
        const next = position + chunk.length
        const from = Math.max(range.start - position, 0)
        const to = Math.min(end - position, chunk.length)
        return [next, [[chunk.subarray(from, Math.max(from, to)), next >= end]]]
      },
    ),
    Stream.takeUntil(([, done]) => done),
    Stream.map(([bytes]) => bytes),
    Stream.filter((bytes) => bytes.length > 0),
  )
}
