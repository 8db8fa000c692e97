import { Effect, Stream } from "effect"
import type { Mount, Route } from "./Namespace.ts"
import * as Path from "./Path.ts"
import type { FileStat, FileType, WriteOptions } from "./Resource.ts"
import { VfsError } from "./VfsError.ts"

/**
 * Moving bytes between mounts for the namespace: re-tagging resource errors
 * with namespace paths, writing a caller's stream without re-tagging its
 * errors, and the copy-then-remove that `rename` does across mounts.
 */

/** Resource errors name resource-relative paths; give them back their namespace path and mount. */
export const retag =
  (mount: Mount) =>
  (error: VfsError): VfsError =>
    new VfsError({
      reason: error.reason,
      op: error.op,
      path: Path.join(mount.prefix, error.path),
      mount: mount.prefix,
      detail: error.detail,
    })

/**
 * Carries an error of the caller's input stream through a resource's `write`,
 * so that it reaches the caller unchanged instead of being re-tagged as the
 * destination's error (`cat /a > /b` must report /a, not /b).
 */
class Upstream<E> {
  readonly error: E
  constructor(error: E) {
    this.error = error
  }
}

/** Write a stream through a route, re-tagging only the resource's own errors. */
export const writeVia = <E>(
  route: Route,
  data: Stream.Stream<Uint8Array, E>,
  options?: WriteOptions,
): Effect.Effect<void, VfsError | E> => {
  const isUpstream = (error: VfsError | Upstream<E>): error is Upstream<E> => error instanceof Upstream
  return route.mount.resource
    .write(
      route.path,
      Stream.mapError(data, (error) => new Upstream(error)),
      options,
    )
    .pipe(Effect.mapError((error) => (isUpstream(error) ? error.error : retag(route.mount)(error))))
}

const fail = (reason: VfsError["reason"], op: string, route: Route): Effect.Effect<never, VfsError> =>
  Effect.fail(new VfsError({ reason, op, path: Path.join(route.mount.prefix, route.path), mount: route.mount.prefix }))

const child = (route: Route, name: string): Route => ({
  mount: route.mount,
  path: route.path === "/" ? `/${name}` : `${route.path}/${name}`,
})

const readVia = (route: Route): Stream.Stream<Uint8Array, VfsError> =>
  route.mount.resource.read(route.path).pipe(Stream.mapError(retag(route.mount)))

/** Copy one file between mounts as a stream: constant memory whatever its size. */
export const copyFile = (source: Route, target: Route): Effect.Effect<void, VfsError> =>
  Effect.gen(function* () {
    // Report a bad source before the destination is touched, as cp opens its source first.
    const st = yield* source.mount.resource.stat(source.path).pipe(Effect.mapError(retag(source.mount)))
    if (st.type === "directory") return yield* fail("IsADirectory", "copy", source)
    yield* writeVia(target, readVia(source))
  })

/** Keep the time as `mv` does; a backend that cannot set it still gets the content. */
const keepMtime = (route: Route, mtime: number): Effect.Effect<void, VfsError> =>
  route.mount.resource.setMtime(route.path, mtime).pipe(
    Effect.catchIf(
      (error) => error.reason === "NotSupported",
      () => Effect.void,
    ),
    Effect.mapError(retag(route.mount)),
  )

const copyTree = (source: Route, target: Route, type: FileType, mtime: number): Effect.Effect<void, VfsError> => {
  const src = source.mount.resource
  const dst = target.mount.resource
  switch (type) {
    case "symlink":
      return src.readlink(source.path).pipe(
        Effect.mapError(retag(source.mount)),
        Effect.flatMap((link) => dst.symlink(link, target.path).pipe(Effect.mapError(retag(target.mount)))),
      )
    case "file":
      return writeVia(target, readVia(source)).pipe(Effect.andThen(keepMtime(target, mtime)))
    case "directory":
      return Effect.gen(function* () {
        yield* dst.mkdir(target.path).pipe(Effect.mapError(retag(target.mount)))
        const entries = yield* src.list(source.path).pipe(Effect.mapError(retag(source.mount)))
        yield* Effect.forEach(
          entries,
          (entry) =>
            src.lstat(child(source, entry.name).path).pipe(
              Effect.mapError(retag(source.mount)),
              Effect.flatMap((st) => copyTree(child(source, entry.name), child(target, entry.name), st.type, st.mtime)),
            ),
          { concurrency: 4, discard: true },
        )
        yield* keepMtime(target, mtime)
      })
  }
}

/**
 * `rename` across mounts: check what rename(2) would refuse, copy the tree,
 * then remove the source. Not atomic: a failure midway leaves both copies,
 * never neither.
 */
export const move = (source: Route, target: Route): Effect.Effect<void, VfsError> =>
  Effect.gen(function* () {
    const st = yield* source.mount.resource.lstat(source.path).pipe(Effect.mapError(retag(source.mount)))
    const existing = yield* target.mount.resource.lstat(target.path).pipe(
      Effect.map((s): FileStat | undefined => s),
      Effect.catchIf(
        (error) => error.reason === "NotFound",
        () => Effect.succeed(undefined),
      ),
      Effect.mapError(retag(target.mount)),
    )
    const dst = target.mount.resource
    if (existing !== undefined) {
      if (st.type === "directory") {
        if (existing.type !== "directory") return yield* fail("NotADirectory", "rename", target)
        const entries = yield* dst.list(target.path).pipe(Effect.mapError(retag(target.mount)))
        if (entries.length > 0) return yield* fail("NotEmpty", "rename", target)
      } else if (existing.type === "directory") return yield* fail("IsADirectory", "rename", target)
      // A file replaces a file in place (an atomic write); anything else needs the name free.
      if (st.type !== "file" || existing.type !== "file")
        yield* dst.remove(target.path).pipe(Effect.mapError(retag(target.mount)))
    }
    yield* copyTree(source, target, st.type, st.mtime)
    yield* source.mount.resource.removeRecursive(source.path).pipe(Effect.mapError(retag(source.mount)))
  })
