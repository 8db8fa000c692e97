import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
} from "@slack/web-api"
import type { Logger } from "@slack/web-api"
import { Duration, Effect, Redacted } from "effect"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"

/**
 * Calls to the Slack Web API through `WebClient`: one client per call so that
 * interruption aborts the HTTP request, rate limits waited out here (where
 * the wait can be interrupted and counted), cursor pagination, and the one
 * function that maps Slack's errors to `VfsError`s.
 */

const PERMISSION = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "missing_scope",
  "not_allowed_token_type",
  "access_denied",
  "not_in_channel",
  "ekm_access_denied",
])
const NOT_FOUND = new Set(["channel_not_found", "user_not_found", "thread_not_found", "message_not_found"])

/** The innermost message of an error's cause chain ("connect ECONNREFUSED 127.0.0.1:9"). */
const rootCause = (error: unknown): string => {
  let current: unknown = error
  let text = String(error)
  for (let depth = 0; depth < 8 && current instanceof Error; depth++) {
    const code = "code" in current && typeof current.code === "string" ? current.code : undefined
    if (current.message !== "") text = current.message
    else if (code !== undefined) text = code
    current = current.cause
  }
  return text
}

/**
 * The one place Slack's errors become `VfsError`s. `retried` is how many
 * rate-limit retries were spent; `scrub` removes the token from any text.
 */
export const fromSlackError = (
  error: unknown,
  op: string,
  path: string,
  retried = 0,
  scrub: (text: string) => string = (t) => t,
): VfsError => {
  const fail = (reason: Reason, detail: string) => new VfsError({ reason, op, path, detail: scrub(detail) })
  if (error instanceof VfsError) return error
  if (error instanceof WebAPIRateLimitedError)
    return fail(
      "Backend",
      retried === 0 ? "rate limited" : `rate limited, retried ${retried} time${retried === 1 ? "" : "s"}`,
    )
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error
    const needed =
      "needed" in error.data && typeof error.data.needed === "string" ? ` (needs ${error.data.needed})` : ""
    if (PERMISSION.has(code)) return fail("PermissionDenied", code + needed)
    if (NOT_FOUND.has(code)) return fail("NotFound", code)
    return fail("Backend", code === "ratelimited" ? "rate limited" : code)
  }
  if (error instanceof WebAPIHTTPError) return fail("Backend", `HTTP ${error.statusCode} ${error.statusMessage}`.trim())
  if (error instanceof WebAPIRequestError) return fail("Backend", rootCause(error.original))
  return fail("Backend", rootCause(error))
}

const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
}

/** One page of a cursor-paginated method. */
export interface Page {
  readonly response_metadata?: { readonly next_cursor?: string | undefined } | undefined
}

/** How the resource reaches Slack. */
export interface ApiOptions {
  readonly apiKey: Redacted.Redacted<string>
  /** The Web API's base URL, ending in "/api/" or not. */
  readonly baseUrl: string
  /** Retries of a rate-limited call, each after its Retry-After. */
  readonly maxRetries: number
}

/** Calls to the API, failing with `VfsError`s that name `op` and `path`. */
export interface Api {
  readonly call: <A>(op: string, path: string, f: (c: WebClient) => Promise<A>) => Effect.Effect<A, VfsError>
  /** Every item of a cursor-paginated method, page after page. */
  readonly all: <P extends Page, T>(
    op: string,
    path: string,
    fetch: (c: WebClient, cursor: string | undefined) => Promise<P>,
    items: (page: P) => ReadonlyArray<T> | undefined,
  ) => Effect.Effect<Array<T>, VfsError>
}

/** The API calls of one resource; the token is unwrapped only where a client is built. */
export const makeApi = (options: ApiOptions): Api => {
  const { apiKey, baseUrl, maxRetries } = options
  const scrub = (text: string): string => {
    const token = Redacted.value(apiKey)
    return (token === "" ? text : text.replaceAll(token, "<redacted>")).replace(/xox[a-z]-[\w-]+/g, "<redacted>")
  }

  /** A client per call, so that interrupting the call aborts its HTTP request. */
  const client = (signal: AbortSignal): WebClient =>
    new WebClient(Redacted.value(apiKey), {
      slackApiUrl: baseUrl,
      logger: silentLogger,
      // Rate limits are retried below, where the wait can be interrupted and counted.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      fetch: (url, init) =>
        globalThis.fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal }),
    })

  const call = <A>(op: string, path: string, f: (c: WebClient) => Promise<A>): Effect.Effect<A, VfsError> => {
    const attempt = (retried: number): Effect.Effect<A, VfsError> =>
      Effect.tryPromise({ try: (signal) => f(client(signal)), catch: (error) => error }).pipe(
        Effect.catch((error) =>
          error instanceof WebAPIRateLimitedError && retried < maxRetries
            ? Effect.sleep(Duration.seconds(error.retryAfter)).pipe(Effect.andThen(attempt(retried + 1)))
            : Effect.fail(fromSlackError(error, op, path, retried, scrub)),
        ),
      )
    return attempt(0)
  }

  const all = <P extends Page, T>(
    op: string,
    path: string,
    fetch: (c: WebClient, cursor: string | undefined) => Promise<P>,
    items: (page: P) => ReadonlyArray<T> | undefined,
  ): Effect.Effect<Array<T>, VfsError> =>
    Effect.gen(function* () {
      const out: Array<T> = []
      const seen = new Set<string>()
      let cursor: string | undefined
      do {
        const page: P = yield* call(op, path, (c) => fetch(c, cursor))
        out.push(...(items(page) ?? []))
        cursor = page.response_metadata?.next_cursor || undefined
        if (cursor !== undefined && seen.has(cursor)) break
        if (cursor !== undefined) seen.add(cursor)
      } while (cursor !== undefined)
      return out
    })

  return { call, all }
}

/** Cached values with their time of fetch, forgotten after `ttl`. */
export class Memo<A> {
  readonly #entries = new Map<string, { readonly at: number; readonly value: A }>()
  readonly #ttl: number
  constructor(ttl: number) {
    this.#ttl = ttl
  }
  peek(key: string): A | undefined {
    const hit = this.#entries.get(key)
    if (hit === undefined) return undefined
    if (Date.now() - hit.at < this.#ttl) return hit.value
    this.#entries.delete(key)
    return undefined
  }
  get<E>(key: string, fetch: Effect.Effect<A, E>): Effect.Effect<A, E> {
    return Effect.suspend(() => {
      const hit = this.peek(key)
      if (hit !== undefined) return Effect.succeed(hit)
      return Effect.tap(fetch, (value) =>
        Effect.sync(() => {
          if (this.#ttl > 0) this.#entries.set(key, { at: Date.now(), value })
        }),
      )
    })
  }
}
