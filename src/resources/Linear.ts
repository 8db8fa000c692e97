import { Effect, Redacted } from "effect"
import type { Layer } from "effect"
import type { CommandDef } from "../interpreter/Command.ts"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { Resource } from "../vfs/Resource.ts"
import { make as makeResource, ResourceBase } from "../vfs/Resource.ts"
import type { VfsError } from "../vfs/VfsError.ts"
import { makeClient } from "./linear/api.ts"
import { makeLinearCommand } from "./linear/command.ts"
import type { LinearWrites } from "./linear/command.ts"
import { makeBackend } from "./linear/tree.ts"
import type { Backend, CommentInput, CreatedComment, CreatedIssue, IssueInput } from "./linear/tree.ts"

export type { CommentInput, CreatedComment, CreatedIssue, IssueInput } from "./linear/tree.ts"
export { fromLinearError } from "./linear/api.ts"

/**
 * A Linear workspace as a read-only tree, through `@linear/sdk`:
 *
 * ```
 * /teams/<key>/team.json                 the team, its workflow states and labels
 * /teams/<key>/issues/<IDENTIFIER>.json  one issue with its labels and comments (ENG-12.json)
 * /teams/<key>/projects/<slug>.json      one project of the team
 * /teams/<key>/cycles/<number>.json      one cycle of the team
 * ```
 *
 * `<key>` is the team's key in lower case (`/teams/eng`). A file is the
 * object as Linear's GraphQL API returns it, pretty-printed with two spaces
 * and a trailing newline; connections are flattened to arrays of their nodes
 * (every page), comments oldest first. A project's file name is its name as
 * a slug (`Mobile App Redesign` → `mobile-app-redesign.json`, letters of any
 * script kept); projects whose slugs collide get their `slugId` appended.
 *
 * Everything is fetched when asked for, with cursor pagination and small
 * queries. Sizes: `team.json`, projects and cycles are fetched whole by the
 * lookup or listing that finds them, so their sizes are known; an issue
 * listing fetches only identifiers and versions, so an issue's size is null
 * until it has been read (then known while the issue is unchanged). Reads
 * always return every byte. A file's `etag` is the issue's `updatedAt` with
 * its latest comment's, or a hash of the bytes for the others.
 *
 * Writes in the tree fail with `ReadOnly`; issues and comments are created
 * with the `linear` command the resource brings (`commands`), after which
 * the new issue shows in the tree at once. A bad key gives `PermissionDenied`,
 * an unknown team `NotFound`; a rate limit is waited out and retried up to
 * `maxRetries` times, then `Backend`; a network failure `Backend` with its
 * cause. The key never appears in an error, a log or a serialization.
 */

/** Configuration of a Linear resource. */
export interface LinearOptions {
  /** A personal API key (`lin_api_...`); kept `Redacted`, never printed. */
  readonly apiKey: string | Redacted.Redacted<string>
  /** The GraphQL endpoint (default `https://api.linear.app/graphql`); tests point it at an emulator. */
  readonly baseUrl?: string | undefined
  readonly cache?: CacheOptions | false | undefined
  /** How many times a rate-limited request is retried after the wait Linear asks for (default 5). */
  readonly maxRetries?: number | undefined
  /**
   * How long, in milliseconds, the resource remembers a team, its projects
   * and its cycles between operations (default 30 s), so that a glob over a
   * team's files does not look the team up once per file.
   */
  readonly lookupTtl?: number | undefined
}

/** Linear's public GraphQL endpoint. */
export const DEFAULT_BASE_URL = "https://api.linear.app/graphql"

const backendOf = (options: LinearOptions): Backend =>
  makeBackend(
    makeClient({
      apiKey: Redacted.isRedacted(options.apiKey) ? options.apiKey : Redacted.make(options.apiKey),
      apiUrl: options.baseUrl ?? DEFAULT_BASE_URL,
      maxRetries: options.maxRetries ?? 5,
    }),
    options.lookupTtl ?? 30_000,
  )

/** A Linear resource without the cache (see `LinearResource` for the tree). */
export const make = (options: LinearOptions): Resource => makeResource(backendOf(options).primitives)

/**
 * The cache id: the endpoint and a fingerprint of the key (never the key), so
 * two keys with different access never share entries.
 */
const cacheId = (options: LinearOptions): string => {
  const key = Redacted.isRedacted(options.apiKey) ? Redacted.value(options.apiKey) : options.apiKey
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return `linear:${options.baseUrl ?? DEFAULT_BASE_URL}#${(h >>> 0).toString(16)}`
}

/**
 * A Linear workspace mounted read-only, with the `linear` command to create
 * issues and comments.
 *
 * @example
 * const linear = new LinearResource({ apiKey: process.env.LINEAR_API_KEY ?? "" })
 * const ws = new Workspace({ "/linear": linear })
 * await ws.execute("jq -r .title /linear/teams/eng/issues/*.json")
 * await ws.execute("linear issue create --team ENG --title 'Fix login'")
 */
export class LinearResource extends ResourceBase implements LinearWrites {
  /** The commands this resource brings to a workspace it is mounted in. */
  readonly commands: ReadonlyArray<CommandDef> = [linearCommand]
  readonly #backend: Backend
  readonly #dropCache: Effect.Effect<void>

  constructor(options: LinearOptions) {
    const backend = backendOf(options)
    const id = cacheId(options)
    super(Cache.wrap(makeResource(backend.primitives), id, options.cache))
    this.#backend = backend
    // A created issue or comment changes listings and files the cache may hold: drop the whole tree's entries.
    this.#dropCache = Cache.invalidateAll(id, options.cache)
  }

  /** Create an issue; the tree shows it at once. */
  createIssue(input: IssueInput): Effect.Effect<CreatedIssue, VfsError> {
    return Effect.ensuring(this.#backend.createIssue(input), this.#dropCache)
  }

  /** Comment on an issue; its file shows the comment at once. */
  createComment(input: CommentInput): Effect.Effect<CreatedComment, VfsError> {
    return Effect.ensuring(this.#backend.createComment(input), this.#dropCache)
  }
}

/**
 * `linear issue create --team ENG --title T [--description D | --description-file F]`
 * and `linear comment create ENG-12 --body B` (`--body -` reads standard input),
 * acting on the first Linear mount of the workspace or the one `--mount PATH` names.
 */
export const linearCommand: CommandDef = makeLinearCommand((resource) =>
  resource instanceof LinearResource ? resource : undefined,
)

/** A namespace with a Linear resource (cached as `options.cache` says) mounted read-only at `prefix`. */
export const layer = (options: LinearOptions, prefix = "/linear"): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: new LinearResource(options), mode: MountMode.READ }])
