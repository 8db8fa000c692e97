import { Effect, Stream } from "effect"
import type { Resource } from "../../src/vfs/Resource.ts"
import type { VfsError } from "../../src/vfs/VfsError.ts"

/** Helpers shared by the VFS and resource tests. */

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export const bytes = (text: string): Uint8Array => encoder.encode(text)
export const text = (data: Uint8Array): string => decoder.decode(data)

export const run = <A, E>(effect: Effect.Effect<A, E>): Promise<A> => Effect.runPromise(effect)

/** "ok", or the reason of the `VfsError` the effect failed with. */
export const outcome = <A>(effect: Effect.Effect<A, VfsError>): Promise<string> =>
  Effect.runPromise(
    effect.pipe(
      Effect.as("ok"),
      Effect.catch((error) => Effect.succeed(error.reason)),
    ),
  )

/** The error an effect failed with (the test fails if it succeeded). */
export const failure = <A, E>(effect: Effect.Effect<A, E>): Promise<E> => Effect.runPromise(Effect.flip(effect))

/** All chunks of a stream. */
export const chunks = <E>(stream: Stream.Stream<Uint8Array, E>): Promise<Array<Uint8Array>> =>
  Effect.runPromise(Stream.runCollect(stream))

/** A map of every path under "/" to "dir", "link:<target>" or the file's text: a whole tree to compare. */
export const snapshot = (resource: Pick<Resource, "list" | "readFile" | "readlink">) =>
  Effect.gen(function* () {
    const out: Record<string, string> = {}
    const visit = (dir: string): Effect.Effect<void, VfsError> =>
      Effect.gen(function* () {
        for (const entry of yield* resource.list(dir)) {
          const path = dir === "/" ? `/${entry.name}` : `${dir}/${entry.name}`
          if (entry.type === "directory") {
            out[path] = "dir"
            yield* visit(path)
          } else if (entry.type === "symlink") out[path] = `link:${yield* resource.readlink(path)}`
          else out[path] = text(yield* resource.readFile(path))
        }
      })
    yield* visit("/")
    return out
  })
