import { Octokit } from "@octokit/rest"
import { Array as Arr, Cause, Clock, Effect, Redacted, Stream } from "effect"
import { VfsError } from "../vfs/VfsError.ts"
import type { Reason } from "../vfs/VfsError.ts"
import type { GitHubOptions } from "./GitHub.ts"

/**
 * Talking to GitHub for `GitHubResource`: the Octokit client with its token
 * kept `Redacted`, rate limits waited out, the one function that turns
 * failures into `VfsError`s, and blob bodies cut into chunks.
 */

/** The API root unless `baseUrl` says otherwise. */
export const DEFAULT_BASE_URL = "https://api.github.com"
/** Largest chunk a read emits. */
const CHUNK_SIZE = 64 * 1024

/** Rate-limited requests are retried this many times... */
const MAX_RETRIES = 3
/** ...each after waiting at most this long (GitHub asks for a minute after a secondary limit). */
const MAX_WAIT_MS = 60_000

/** A request still rate-limited after `retries` retries, lifting at `until` (ms since the epoch). */
export class RateLimited {
  readonly until: number
  readonly retries: number
  constructor(until: number, retries: number) {
    this.until = until
    this.retries = retries
  }
}

/** A failure while resolving the ref: a 404 or 422 then means the repository or ref is missing. */
export class Unresolved {
  readonly cause: unknown
  constructor(cause: unknown) {
    this.cause = cause
  }
}

/** A property of an unknown value, without trusting its shape. */
export const field = (value: unknown, key: string): unknown =>
  typeof value === "object" && value !== null ? Reflect.get(value, key) : undefined

/** A string, or undefined for anything else. */
export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined)

const header = (error: unknown, name: string): string | undefined =>
  text(field(field(field(error, "response"), "headers"), name))

const statusOf = (error: unknown): number | undefined => {
  const status = field(error, "status")
  return typeof status === "number" ? status : undefined
}

/** GitHub's own message for a failed request (its JSON `message`), else the error's. */
const messageOf = (error: unknown): string =>
  text(field(field(field(error, "response"), "data"), "message")) ?? text(field(error, "message")) ?? String(error)

/** What a failed fetch (no HTTP response) was about: "connect ECONNREFUSED 127.0.0.1:9". */
const networkCause = (error: unknown): string => {
  const cause = field(error, "cause")
  const inner = field(cause, "cause") ?? cause
  return text(field(inner, "message")) || text(field(inner, "code")) || text(field(error, "message")) || "network error"
}

/** How long to wait before retrying a rate-limited request, or undefined when it is not one. */
const rateLimitWait = (error: unknown, now: number): number | undefined => {
  const status = statusOf(error)
  if (status !== 403 && status !== 429) return undefined
  const retryAfter = Number(header(error, "retry-after"))
  if (header(error, "retry-after") !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter * 1000)
  if (header(error, "x-ratelimit-remaining") === "0") {
    const reset = Number(header(error, "x-ratelimit-reset"))
    return Number.isFinite(reset) ? Math.max(1000, reset * 1000 - now) : MAX_WAIT_MS
  }
  // A secondary limit without headers: GitHub's advice is to wait a minute.
  return /rate limit/i.test(messageOf(error)) ? MAX_WAIT_MS : undefined
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z")

/**
 * The one place GitHub failures become `VfsError`s. `where` names the
 * repository and ref for messages; `secret` is scrubbed from every detail in
 * case a server echoes it back.
 */
export const fromGitHubError = (
  error: unknown,
  op: string,
  path: string,
  where: string,
  secret: Redacted.Redacted<string> | undefined,
): VfsError => {
  if (error instanceof VfsError) return error
  const fail = (reason: Reason, detail?: string) => {
    const token = secret === undefined ? "" : Redacted.value(secret)
    const clean = token === "" || detail === undefined ? detail : detail.split(token).join("[REDACTED]")
    return new VfsError({ reason, op, path, detail: clean })
  }
  if (error instanceof RateLimited)
    return fail(
      "Backend",
      `rate limited until ${isoSeconds(error.until)}${error.retries > 0 ? `, retried ${error.retries} times` : ""}`,
    )
  const resolving = error instanceof Unresolved
  const cause = error instanceof Unresolved ? error.cause : error
  const status = statusOf(cause)
  if (status === undefined || field(cause, "response") === undefined) {
    if (status === undefined && !(cause instanceof Error)) return fail("Backend", String(cause))
    return fail("Backend", networkCause(cause))
  }
  if (status === 401) return fail("PermissionDenied", "bad credentials")
  if (resolving && (status === 404 || status === 422))
    return fail("Backend", `NotFound: ${where}: no such repository or ref`)
  if (status === 404) return fail("NotFound")
  if (status === 403) return fail("PermissionDenied", messageOf(cause))
  return fail("Backend", `HTTP ${status}: ${messageOf(cause)}`)
}

/** Base64 (GitHub wraps it in lines) to bytes, without Node's Buffer so the resource runs in browsers too. */
export const fromBase64 = (data: string): Uint8Array => {
  const binary = atob(data.replace(/\s+/g, ""))
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Split views into pieces of at most CHUNK_SIZE. */
const pieces = (bytes: Uint8Array, out: Array<Uint8Array>): void => {
  for (let i = 0; i < bytes.length; i += CHUNK_SIZE) out.push(bytes.subarray(i, Math.min(i + CHUNK_SIZE, bytes.length)))
}

/**
 * Keep the bytes of `[start, end)` of a body whose first byte is at `offset`,
 * in chunks of at most CHUNK_SIZE, and stop pulling once `end` is reached.
 */
export const slice = (
  body: Stream.Stream<Uint8Array, VfsError>,
  offset: number,
  start: number,
  end: number,
): Stream.Stream<Uint8Array, VfsError> =>
  Stream.transformPull(body, (pull) =>
    Effect.sync(() => {
      let position = offset
      const next: Effect.Effect<Arr.NonEmptyReadonlyArray<Uint8Array>, VfsError | Cause.Done> = Effect.suspend(() =>
        position >= end
          ? Cause.done()
          : Effect.flatMap(pull, (batch) => {
              const out: Array<Uint8Array> = []
              for (const chunk of batch) {
                const from = Math.max(start - position, 0)
                const to = Math.min(end - position, chunk.length)
                if (from < to) pieces(chunk.subarray(from, to), out)
                position += chunk.length
              }
              return Arr.isArrayNonEmpty(out) ? Effect.succeed(out) : next
            }),
      )
      return next
    }),
  )

/** An Octokit client for one repository, and how its calls run and fail. */
export interface GitHubClient {
  readonly octokit: Octokit
  /** One API call, with rate limits waited out; a failure stays raw until `toError` maps it. */
  readonly call: <A>(f: (signal: AbortSignal) => Promise<A>) => Effect.Effect<A, unknown>
  /** `fromGitHubError` for an operation on a path, with this repository's name and secret. */
  readonly toError: (op: string, path: string) => (error: unknown) => VfsError
}

/** Build the client of a repository; nothing is sent until a call runs. */
export const client = (options: GitHubOptions): GitHubClient => {
  const { owner, repo } = options
  const secret =
    options.token === undefined || Redacted.isRedacted(options.token) ? options.token : Redacted.make(options.token)
  const where = `${owner}/${repo}${options.ref === undefined ? "" : `@${options.ref}`}`
  const octokit = new Octokit({
    baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
    userAgent: "mirage-vfs",
    // Failures are reported as VfsErrors; the SDK's own console lines would only repeat them.
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  })
  if (secret !== undefined)
    // The token is unwrapped per request, at the SDK's edge, and never kept in plain form.
    octokit.hook.before("request", (request) => {
      const token = Redacted.value(secret)
      request.headers.authorization = `${token.split(".").length === 3 ? "bearer" : "token"} ${token}`
    })

  const toError = (op: string, path: string) => (error: unknown) => fromGitHubError(error, op, path, where, secret)

  /** One API call, with rate limits waited out; failures stay raw for `fromGitHubError`. */
  const call = <A>(f: (signal: AbortSignal) => Promise<A>): Effect.Effect<A, unknown> => {
    const attempt = (retries: number): Effect.Effect<A, unknown> =>
      Effect.tryPromise({ try: f, catch: (error) => error }).pipe(
        Effect.catch((error) =>
          Effect.gen(function* () {
            const now = yield* Clock.currentTimeMillis
            const wait = rateLimitWait(error, now)
            if (wait === undefined) return yield* Effect.fail(error)
            if (retries >= MAX_RETRIES || wait > MAX_WAIT_MS)
              return yield* Effect.fail(new RateLimited(now + wait, retries))
            yield* Effect.sleep(wait)
            return yield* attempt(retries + 1)
          }),
        ),
      )
    return attempt(0)
  }

  return { octokit, call, toError }
}
