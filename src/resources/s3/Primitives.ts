import { CopyObjectCommand } from "@aws-sdk/client-s3"
import { Effect, Stream } from "effect"
import type { DirEntry, FileStat, Primitives, WriteOptions } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { S3Options } from "../S3.ts"
import { BUSY, copySource, fail, fileStat, makeBucket, MAX_COPY, parentOf, within } from "./Bucket.ts"
import { CHANGED } from "./Errors.ts"
import { reads } from "./Read.ts"
import { upload } from "./Upload.ts"

/**
 * The resource operations on a bucket: POSIX semantics (checks in the
 * kernel's order, errors named as Linux names them) from S3 requests.
 */

/** Bytes of zeros in 64 KiB chunks, for a truncate that extends. */
const zeros = (count: number): Stream.Stream<Uint8Array> =>
  Stream.fromIterable(
    (function* () {
      for (let left = count; left > 0; left -= 65536) yield new Uint8Array(Math.min(65536, left))
    })(),
  )

/** Build the primitives over one bucket and prefix, plus the batched tree removal that replaces the derived one. */
export const primitives = (
  options: S3Options,
): Primitives & { readonly removeTree: (path: string) => Effect.Effect<void, VfsError> } => {
  const bucket = makeBucket(options)
  const {
    client,
    ownsClient,
    Bucket,
    threshold,
    keyOf,
    dirKeyOf,
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
  } = bucket

  const stat = (path: string): Effect.Effect<FileStat, VfsError> =>
    lookup(path, "stat", path).pipe(
      Effect.flatMap((found) => {
        if (found.kind === "missing") return fail("NotFound", "stat", path)
        // A stat learns a version only when none is known: the one to keep is what was last read or written.
        if (found.kind === "file" && !versions.has(path)) remember(path, found.stat.etag)
        return Effect.succeed(found.stat)
      }),
    )

  const list = (path: string): Effect.Effect<ReadonlyArray<DirEntry>, VfsError> =>
    Effect.gen(function* () {
      const prefix = dirKeyOf(path)
      const byName = new Map<string, DirEntry>()
      let sawAny = false
      yield* forEachPage("list", path, prefix, "/", (page) =>
        Effect.sync(() => {
          for (const common of page.CommonPrefixes ?? []) {
            sawAny = true
            const name = (common.Prefix ?? "").slice(prefix.length, -1)
            if (name === "" || name === "." || name === ".." || name.includes("/") || byName.has(name)) continue
            byName.set(name, { name, type: "directory" })
          }
          for (const object of page.Contents ?? []) {
            sawAny = true
            const name = (object.Key ?? "").slice(prefix.length)
            if (name === "" || name === "." || name === ".." || name.includes("/")) continue
            // A name that is both an object and a prefix shows as the file, as `stat` does.
            byName.set(name, { name, type: "file", stat: fileStat(object.Size, object.LastModified, object.ETag) })
          }
        }),
      )
      if (!sawAny && path !== "/") {
        const found = yield* lookup(path, "list", path)
        if (found.kind === "file") return yield* fail("NotADirectory", "list", path)
        if (found.kind === "missing") return yield* fail("NotFound", "list", path)
      }
      return Array.from(byName.values())
    })

  const { get, read } = reads(bucket)

  /** Put `data` at `path` under `conditions`; maps a lost condition to Conflict (or AlreadyExists when exclusive). */
  const put = <E>(
    path: string,
    op: string,
    data: Stream.Stream<Uint8Array, E>,
    conditions: () => { readonly IfMatch?: string | undefined; readonly IfNoneMatch?: string | undefined },
  ): Effect.Effect<void, VfsError | E> => {
    let sent: { readonly IfMatch?: string | undefined; readonly IfNoneMatch?: string | undefined } = {}
    return upload(
      {
        client,
        bucket: Bucket,
        key: keyOf(path),
        threshold,
        conditions: () => (sent = conditions()),
        onError: mapError(op, path),
      },
      data,
    ).pipe(
      Effect.tap((etag) => Effect.sync(() => remember(path, etag))),
      Effect.mapError((error) => {
        if (!(error instanceof VfsError)) return error
        const lost = error.reason === "Conflict" || (error.reason === "NotFound" && sent.IfMatch !== undefined)
        if (!lost) return error
        // A retry overwrites: the user has now been told.
        versions.delete(path)
        if (sent.IfNoneMatch === "*") return new VfsError({ reason: "AlreadyExists", op, path })
        return new VfsError({ reason: "Conflict", op, path, detail: CHANGED })
      }),
    )
  }

  const write = <E>(
    path: string,
    data: Stream.Stream<Uint8Array, E>,
    options?: WriteOptions,
  ): Effect.Effect<void, VfsError | E> =>
    Effect.gen(function* () {
      const exclusive = options?.exclusive === true
      if (path === "/") return yield* fail(exclusive ? "AlreadyExists" : "IsADirectory", "write", path)
      // Every check comes before the input is consumed, as the shell opens a redirect target first.
      yield* requireDir(parentOf(path), "write", path)
      if ((yield* probeDir(path, "write")) !== undefined)
        return yield* fail(exclusive ? "AlreadyExists" : "IsADirectory", "write", path)
      if (exclusive) {
        if ((yield* head(path, "write")) !== undefined) return yield* fail("AlreadyExists", "write", path)
        return yield* put(path, "write", data, () => ({ IfNoneMatch: "*" }))
      }
      if (options?.append) {
        const old = yield* head(path, "write")
        if (old === undefined) return yield* put(path, "write", data, () => ({ IfNoneMatch: "*" }))
        // Read the version the put is conditioned on: a change in between is a Conflict, never lost.
        return yield* put(path, "write", Stream.concat(get(path, undefined, old.etag), data), () => ({
          IfMatch: old.etag,
        }))
      }
      return yield* put(path, "write", data, () => ({ IfMatch: versions.get(path) }))
    })

  const mkdir = (path: string): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      if (path === "/") return yield* fail("AlreadyExists", "mkdir", path)
      const found = yield* lookup(path, "mkdir", path)
      if (found.kind !== "missing") return yield* fail("AlreadyExists", "mkdir", path)
      if (found.ancestor) return yield* fail("NotFound", "mkdir", path)
      yield* putMarker(path, "mkdir", true).pipe(
        Effect.mapError((error) =>
          error.reason === "Conflict" ? new VfsError({ reason: "AlreadyExists", op: "mkdir", path }) : error,
        ),
      )
    })

  const remove = (path: string): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      if (path === "/") return yield* fail("Conflict", "remove", path, BUSY)
      const found = yield* lookup(path, "remove", path)
      if (found.kind === "missing") return yield* fail("NotFound", "remove", path)
      if (found.kind === "file") yield* deleteKey(keyOf(path), "remove")
      else {
        const marker = dirKeyOf(path)
        const page = yield* listPage("remove", path, marker, { MaxKeys: 2 })
        if ((page.Contents ?? []).some((o) => o.Key !== marker) || (page.CommonPrefixes?.length ?? 0) > 0)
          return yield* fail("NotEmpty", "remove", path)
        yield* deleteKey(marker, "remove")
      }
      versions.delete(path)
      yield* keepParent(path, "remove")
    })

  const rename = (from: string, to: string): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      if (from === "/" || to === "/") return yield* fail("Conflict", "rename", from === "/" ? from : to, BUSY)
      const source = yield* lookup(from, "rename", from)
      if (source.kind === "missing" && source.ancestor) return yield* fail("NotFound", "rename", from)
      // As rename(2): both parents are resolved before the source entry is looked up.
      yield* requireDir(parentOf(to), "rename", to)
      if (source.kind === "missing") return yield* fail("NotFound", "rename", from)
      if (source.kind === "directory" && within(from, to) && from !== to)
        return yield* fail("Backend", "rename", to, "Invalid argument")
      if (from === to) return
      const target = yield* lookup(to, "rename", to)
      if (target.kind === "directory") {
        if (within(to, from)) return yield* fail("NotEmpty", "rename", to)
        if (source.kind === "file") return yield* fail("IsADirectory", "rename", to)
        if ((yield* list(to)).length > 0) return yield* fail("NotEmpty", "rename", to)
      } else if (target.kind === "file" && source.kind === "directory")
        return yield* fail("NotADirectory", "rename", to)
      if (source.kind === "file") {
        remember(to, yield* copyObject(keyOf(from), keyOf(to), "rename", source.stat.etag, undefined))
        yield* deleteKey(keyOf(from), "rename")
        versions.delete(from)
      } else {
        if (target.kind === "directory") yield* deleteKey(dirKeyOf(to), "rename")
        const fromKey = dirKeyOf(from)
        const toKey = dirKeyOf(to)
        yield* forEachKey(from, "rename", (keys) =>
          Effect.forEach(
            keys,
            (key) => copyObject(key, toKey + key.slice(fromKey.length), "rename", undefined, undefined),
            { concurrency: 8, discard: true },
          ).pipe(Effect.andThen(deleteKeys(keys, "rename"))),
        )
        forgetTree(from)
        forgetTree(to)
      }
      yield* keepParent(from, "rename")
    })

  const copy = (from: string, to: string): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      const source = yield* lookup(from, "copy", from)
      if (source.kind === "missing") return yield* fail("NotFound", "copy", from)
      if (source.kind === "directory") return yield* fail("IsADirectory", "copy", from)
      if ((source.stat.size ?? 0) > MAX_COPY)
        return yield* fail("NotSupported", "copy", from, "larger than CopyObject allows")
      if (to === "/") return yield* fail("IsADirectory", "copy", to)
      yield* requireDir(parentOf(to), "copy", to)
      if ((yield* probeDir(to, "copy")) !== undefined) return yield* fail("IsADirectory", "copy", to)
      if (from === to) return
      const ifMatch = versions.get(to)
      const etag = yield* copyObject(keyOf(from), keyOf(to), "copy", source.stat.etag, ifMatch).pipe(
        Effect.mapError((error) => {
          if (error.reason !== "Conflict" && !(error.reason === "NotFound" && ifMatch !== undefined)) return error
          versions.delete(to)
          return new VfsError({ reason: "Conflict", op: "copy", path: to, detail: CHANGED })
        }),
      )
      remember(to, etag)
    })

  // As the kernel, an existing name or a bad parent is reported before the file system is asked.
  const symlink = (_target: string, path: string): Effect.Effect<void, VfsError> =>
    lookup(path, "symlink", path).pipe(
      Effect.flatMap((found) => {
        if (found.kind !== "missing" || path === "/") return fail("AlreadyExists", "symlink", path)
        if (found.ancestor) return fail("NotFound", "symlink", path)
        return fail("NotSupported", "symlink", path, "S3 has no symbolic links")
      }),
    )

  // Nothing on S3 is a link: an existing path is EINVAL, as on a filesystem without links.
  const readlink = (path: string): Effect.Effect<string, VfsError> =>
    lookup(path, "readlink", path).pipe(
      Effect.flatMap((found) =>
        found.kind === "missing"
          ? fail("NotFound", "readlink", path)
          : fail("Backend", "readlink", path, "Invalid argument"),
      ),
    )

  /**
   * S3 keeps one time per object, the time of its last write. `touch` (a
   * time near now) is honoured by copying the object onto itself; any other
   * time cannot be stored.
   */
  const setMtime = (path: string, mtime: number): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      const found = yield* lookup(path, "setMtime", path)
      if (found.kind === "missing") return yield* fail("NotFound", "setMtime", path)
      if (Math.abs(mtime - Date.now()) > 60_000)
        return yield* fail("NotSupported", "setMtime", path, "S3 keeps only the time of the last write")
      if (found.kind === "directory" || Math.abs(found.stat.mtime - mtime) < 2_000) return
      const out = yield* call("setMtime", path, (signal) =>
        client.send(
          new CopyObjectCommand({
            Bucket,
            Key: keyOf(path),
            CopySource: copySource(Bucket, keyOf(path)),
            CopySourceIfMatch: found.stat.etag,
            MetadataDirective: "REPLACE",
          }),
          { abortSignal: signal },
        ),
      )
      remember(path, out.CopyObjectResult?.ETag)
    })

  const truncate = (path: string, size: number): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      const found = yield* lookup(path, "truncate", path)
      if (found.kind === "missing") return yield* fail("NotFound", "truncate", path)
      if (found.kind === "directory") return yield* fail("IsADirectory", "truncate", path)
      if (!Number.isSafeInteger(size) || size < 0) return yield* fail("Backend", "truncate", path, "Invalid argument")
      const old = found.stat.size ?? 0
      const etag = found.stat.etag
      const kept = size === 0 ? Stream.empty : get(path, size >= old ? undefined : { start: 0, end: size }, etag)
      yield* put(path, "truncate", size > old ? Stream.concat(kept, zeros(size - old)) : kept, () => ({
        IfMatch: etag,
      }))
    })

  /** `rm -r`: list the tree and delete it in batches, instead of one request per entry. */
  const removeTree = (path: string): Effect.Effect<void, VfsError> =>
    Effect.gen(function* () {
      const found = yield* lookup(path, "remove", path)
      if (found.kind === "missing") return yield* fail("NotFound", "remove", path)
      if (found.kind === "file") return yield* remove(path)
      yield* forEachKey(path, "remove", (keys) => deleteKeys(keys, "remove"))
      forgetTree(path)
      if (path === "/") return yield* fail("Conflict", "remove", path, BUSY)
      yield* keepParent(path, "remove")
    })

  return {
    kind: "s3",
    stat,
    lstat: stat,
    list,
    read,
    write,
    mkdir,
    remove,
    rename,
    copy,
    symlink,
    readlink,
    setMtime,
    truncate,
    close: ownsClient ? Effect.sync(() => client.destroy()) : Effect.void,
    removeTree,
  }
}
