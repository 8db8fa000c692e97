import { Cache as EffectCache, Effect, Exit, Stream } from "effect"
import type { Layer, Redacted } from "effect"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { ByteRange, DirEntry, FileStat, Primitives, Resource } from "../vfs/Resource.ts"
import { make as makeResource, readOnly, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import { client, DEFAULT_BASE_URL, field, fromBase64, RateLimited, slice, text, Unresolved } from "./GitHubApi.ts"

/**
 * A GitHub repository at one ref, mounted read-only through the REST API.
 *
 * The ref (a branch, a tag or a commit sha; the repository's default branch
 * when absent) is resolved to a commit once, on first use, and every later
 * listing and read comes from that commit: a branch pushed to while the
 * resource lives is not seen, so a session works on one consistent snapshot.
 * Build a new resource to see new commits.
 *
 * Nothing is fetched up front: each directory is one non-recursive git tree,
 * fetched the first time it is walked through (trees are immutable, so each
 * is fetched once); a file's bytes are its blob, asked for when read. Sizes,
 * modes and blob shas (the `etag`) come from the parent's tree, so `ls -l` or
 * `find -size` costs one request per directory. Times are the commit's.
 *
 * Executables (mode 100755) show as 0o755, symlinks (120000) as symlinks
 * whose target is the blob's text, resolved inside the repository (an
 * absolute target starts at its root, and `..` never climbs above it), and
 * submodules (160000) as empty directories. Every mutation fails with
 * `ReadOnly`.
 *
 * Rate limits (403 or 429 with `x-ratelimit-remaining: 0` or `retry-after`)
 * are waited out and retried a few times; a wait longer than a minute, or a
 * limit that persists, fails with the time it lifts.
 */

/** Configuration of a GitHub resource. */
export interface GitHubOptions {
  readonly owner: string
  readonly repo: string
  /** A branch, a tag or a commit sha (default: the repository's default branch). */
  readonly ref?: string | undefined
  /** A personal access or app token; anonymous when absent (public repositories, low rate limit). */
  readonly token?: string | Redacted.Redacted<string> | undefined
  /** The API root (default `https://api.github.com`; GitHub Enterprise: `https://host/api/v3`). */
  readonly baseUrl?: string | undefined
  /** Listing, stat and byte caches (default on); `false` to ask GitHub every time. */
  readonly cache?: CacheOptions | false | undefined
}

/** Blobs up to this size come in one JSON response; larger ones stream raw. */
const SMALL_BLOB = 64 * 1024
const MAX_SYMLINKS = 40
/** Trees and symlink targets kept in memory, least recently used out first. */
const MEMO_CAPACITY = 10_000

/** One entry of a git tree. */
interface Entry {
  readonly name: string
  readonly kind: "tree" | "file" | "symlink" | "submodule"
  readonly sha: string
  readonly size: number
  readonly mode: number
}

/** The commit a resource reads from. */
interface Snapshot {
  readonly tree: string
  readonly mtime: number
}

const modeOf = (mode: string): number => (mode === "100755" ? 0o755 : mode === "120000" ? 0o777 : 0o644)

const kindOf = (mode: string, type: string): Entry["kind"] =>
  mode === "120000"
    ? "symlink"
    : mode === "160000" || type === "commit"
      ? "submodule"
      : type === "tree"
        ? "tree"
        : "file"

const decoder = new TextDecoder()

const primitives = (options: GitHubOptions): Primitives => {
  const { owner, repo } = options
  const { octokit, call, toError } = client(options)

  // A successful lookup is kept for the life of the resource (trees and blobs never change); a failure is not.
  const memo = <K, A>(lookup: (key: K) => Effect.Effect<A, unknown>) =>
    Effect.runSync(
      EffectCache.makeWith(lookup, {
        capacity: MEMO_CAPACITY,
        timeToLive: (exit) => (Exit.isSuccess(exit) ? Infinity : 0),
      }),
    )

  const snapshots = memo<"snapshot", Snapshot>(() =>
    Effect.gen(function* () {
      const ref =
        options.ref ??
        (yield* call((signal) => octokit.rest.repos.get({ owner, repo, request: { signal } }))).data.default_branch
      const sha = yield* call((signal) =>
        octokit.rest.repos.getCommit({
          owner,
          repo,
          ref,
          headers: { accept: "application/vnd.github.sha" },
          request: { signal },
        }),
      )
      // The sha media type is plain text; without a charset the SDK hands it over as bytes.
      const body = sha.data instanceof ArrayBuffer ? decoder.decode(sha.data) : sha.data
      const commit = text(body) ?? text(field(body, "sha")) ?? ""
      const { data } = yield* call((signal) =>
        octokit.rest.git.getCommit({ owner, repo, commit_sha: commit.trim(), request: { signal } }),
      )
      return { tree: data.tree.sha, mtime: Date.parse(data.committer.date) || 0 } satisfies Snapshot
    }).pipe(Effect.mapError((error) => (error instanceof RateLimited ? error : new Unresolved(error)))),
  )

  const trees = memo((sha: string) =>
    Effect.map(
      call((signal) => octokit.rest.git.getTree({ owner, repo, tree_sha: sha, request: { signal } })),
      ({ data }) =>
        new Map(
          data.tree.map((e): [string, Entry] => {
            const name = e.path.slice(e.path.lastIndexOf("/") + 1)
            const kind = kindOf(e.mode, e.type)
            return [name, { name, kind, sha: e.sha, size: e.size ?? 0, mode: modeOf(e.mode) }]
          }),
        ),
    ),
  )

  /** Blob bytes in one JSON response: for small blobs and symlink targets. */
  const blob = (sha: string) =>
    Effect.map(
      call((signal) => octokit.rest.git.getBlob({ owner, repo, file_sha: sha, request: { signal } })),
      ({ data }) => (data.encoding === "base64" ? fromBase64(data.content) : new TextEncoder().encode(data.content)),
    )

  const targets = memo((sha: string) => Effect.map(blob(sha), (bytes) => decoder.decode(bytes)))

  const snapshot = (op: string, path: string) =>
    EffectCache.get(snapshots, "snapshot").pipe(Effect.mapError(toError(op, path)))

  const children = (dir: Entry, op: string, path: string): Effect.Effect<ReadonlyMap<string, Entry>, VfsError> =>
    dir.kind === "submodule"
      ? Effect.succeed(new Map())
      : EffectCache.get(trees, dir.sha).pipe(Effect.mapError(toError(op, path)))

  /**
   * Resolve a path entry by entry. Intermediate symlinks are always
   * followed, the last one only when `followLast`; ".." goes to the parent
   * walked through, and stays at the root.
   */
  const walk = (path: string, followLast: boolean, op: string): Effect.Effect<Entry, VfsError> =>
    Effect.gen(function* () {
      const snap = yield* snapshot(op, path)
      const root: Entry = { name: "", kind: "tree", sha: snap.tree, size: 0, mode: 0o755 }
      let ancestors: Array<Entry> = [root]
      // Remaining names, next one last, so a link target is spliced in with push.
      const pending = path
        .split("/")
        .filter((s) => s !== "")
        .reverse()
      let links = 0
      for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
        if (name === ".") continue
        if (name === "..") {
          if (ancestors.length > 1) ancestors.pop()
          continue
        }
        const child = (yield* children(ancestors[ancestors.length - 1], op, path)).get(name)
        const last = pending.length === 0
        if (child === undefined) return yield* Effect.fail(new VfsError({ reason: "NotFound", op, path }))
        if (child.kind === "symlink" && (followLast || !last)) {
          if (++links > MAX_SYMLINKS)
            return yield* Effect.fail(
              new VfsError({ reason: "Backend", op, path, detail: "Too many levels of symbolic links" }),
            )
          const target = yield* EffectCache.get(targets, child.sha).pipe(Effect.mapError(toError(op, path)))
          if (target === "") return yield* Effect.fail(new VfsError({ reason: "NotFound", op, path }))
          if (target.startsWith("/")) ancestors = [root]
          const names = target.split("/")
          for (let i = names.length - 1; i >= 0; i--) if (names[i] !== "") pending.push(names[i])
          continue
        }
        if (last) return child
        if (child.kind !== "tree" && child.kind !== "submodule")
          return yield* Effect.fail(new VfsError({ reason: "NotADirectory", op, path }))
        ancestors.push(child)
      }
      return ancestors[ancestors.length - 1]
    })

  const statOf = (entry: Entry, mtime: number): FileStat => {
    switch (entry.kind) {
      case "tree":
      case "submodule":
        return { type: "directory", size: 4096, mtime, mode: 0o755, etag: entry.sha }
      case "file":
        return { type: "file", size: entry.size, mtime, mode: entry.mode, etag: entry.sha }
      case "symlink":
        return { type: "symlink", size: entry.size, mtime, mode: 0o777, etag: entry.sha }
    }
  }

  const statVia = (follow: boolean, op: string) => (path: string) =>
    Effect.gen(function* () {
      const entry = yield* walk(path, follow, op)
      return statOf(entry, (yield* snapshot(op, path)).mtime)
    })

  const list = (path: string): Effect.Effect<ReadonlyArray<DirEntry>, VfsError> =>
    Effect.gen(function* () {
      const entry = yield* walk(path, true, "list")
      if (entry.kind !== "tree" && entry.kind !== "submodule")
        return yield* Effect.fail(new VfsError({ reason: "NotADirectory", op: "list", path }))
      const { mtime } = yield* snapshot("list", path)
      return Array.from((yield* children(entry, "list", path)).values(), (child) => {
        const stat = statOf(child, mtime)
        return { name: child.name, type: stat.type, stat }
      })
    })

  /** A large blob's bytes, streamed raw; a range is asked of the server and trimmed here if it sends more. */
  const raw = (sha: string, start: number, end: number, op: string, path: string) =>
    Stream.unwrap(
      call((signal) =>
        octokit.rest.git.getBlob({
          owner,
          repo,
          file_sha: sha,
          headers: {
            accept: "application/vnd.github.raw",
            ...(start > 0 || end < Infinity ? { range: `bytes=${start}-${end - 1}` } : {}),
          },
          request: { signal, parseSuccessResponseBody: false },
        }),
      ).pipe(
        Effect.mapError(toError(op, path)),
        Effect.map((response) => {
          const body = response.data
          if (!(body instanceof ReadableStream)) return Stream.empty
          // A 206 says where its bytes start; a server that ignores ranges sends the whole blob.
          const ranged = /^bytes (\d+)-/.exec(text(response.headers["content-range"]) ?? "")
          const offset = ranged ? Number(ranged[1]) : 0
          return slice(
            Stream.fromReadableStream({ evaluate: () => body, onError: toError(op, path) }),
            offset,
            start,
            end,
          )
        }),
      ),
    )

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> =>
    Stream.unwrap(
      Effect.gen(function* () {
        const entry = yield* walk(path, true, "read")
        if (entry.kind !== "file") return yield* Effect.fail(new VfsError({ reason: "IsADirectory", op: "read", path }))
        const end = Math.min(Math.max(range?.end ?? entry.size, 0), entry.size)
        const start = Math.min(Math.max(range?.start ?? 0, 0), end)
        if (start >= end) return Stream.empty
        if (entry.size > SMALL_BLOB) return raw(entry.sha, start, end, "read", path)
        const bytes = yield* blob(entry.sha).pipe(Effect.mapError(toError("read", path)))
        return Stream.succeed(bytes.subarray(start, end))
      }),
    )

  const readlink = (path: string): Effect.Effect<string, VfsError> =>
    Effect.gen(function* () {
      const entry = yield* walk(path, false, "readlink")
      if (entry.kind !== "symlink")
        return yield* Effect.fail(new VfsError({ reason: "Backend", op: "readlink", path, detail: "Invalid argument" }))
      return yield* EffectCache.get(targets, entry.sha).pipe(Effect.mapError(toError("readlink", path)))
    })

  return readOnly({ kind: "github", stat: statVia(true, "stat"), lstat: statVia(false, "lstat"), list, read, readlink })
}

/** A GitHub repository at a ref as a read-only resource, without the cache. */
export const make = (options: GitHubOptions): Resource => makeResource(primitives(options))

/** The cache id of a repository at a ref: no secret in it. */
const cacheId = (options: GitHubOptions): string =>
  `github:${(options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "")}/${options.owner}/${options.repo}@${options.ref ?? ""}`

/**
 * A GitHub repository's tree at a ref, read-only, fetched lazily and cached.
 *
 * @example
 * const ws = new Workspace({ "/gh": new GitHubResource({ owner: "effect-ts", repo: "effect", token }) })
 * await ws.execute("grep -rn 'export const tryPromise' /gh/packages/effect/src | head -3")
 */
export class GitHubResource extends ResourceBase {
  constructor(options: GitHubOptions) {
    super(Cache.wrap(make(options), cacheId(options), options.cache))
  }
}

/** A namespace with one GitHub repository mounted read-only at `prefix`. */
export const layer = (options: GitHubOptions, prefix = "/github"): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: new GitHubResource(options), mode: MountMode.READ }])
