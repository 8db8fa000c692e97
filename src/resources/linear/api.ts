import {
  AuthenticationLinearError,
  FeatureNotAccessibleLinearError,
  ForbiddenLinearError,
  InvalidInputLinearError,
  LinearClient,
  LinearError,
  RatelimitedLinearError,
  UsageLimitExceededLinearError,
} from "@linear/sdk"
import { Clock, Duration, Effect, Redacted } from "effect"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Reason } from "../../vfs/VfsError.ts"

/**
 * Talking to Linear's GraphQL API: one request with rate-limit retries, the
 * one function that maps Linear's errors to `VfsError`, cursor pagination,
 * and typed reads of untyped response data.
 *
 * Requests go through the SDK's `LinearClient` (its auth header, URL check
 * and error classes) but with queries of our own sent by
 * `client.client.rawRequest`: the SDK's models fetch every scalar of an
 * object and then one request per relation (an issue's state, assignee,
 * labels and comments would be five round trips per file), whereas one small
 * query here fetches exactly what a file shows.
 */

/** A value of a JSON object, read without trusting its shape. */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> =>
  typeof u === "object" && u !== null && !Array.isArray(u)

/** The value at a path of keys, or undefined where the shape differs. */
export const at = (u: unknown, ...keys: ReadonlyArray<string>): unknown => {
  let current = u
  for (const key of keys) {
    if (!isRecord(current)) return undefined
    current = current[key]
  }
  return current
}

/** The string at a path of keys. */
export const str = (u: unknown, ...keys: ReadonlyArray<string>): string | undefined => {
  const v = at(u, ...keys)
  return typeof v === "string" ? v : undefined
}

/** One page of a Relay connection (`{ nodes, pageInfo { hasNextPage endCursor } }`). */
export interface Page {
  readonly nodes: ReadonlyArray<unknown>
  readonly hasNextPage: boolean
  readonly endCursor: string | undefined
}

/** Read a connection object; a missing one reads as empty. */
export const pageOf = (u: unknown): Page => {
  const nodes = at(u, "nodes")
  return {
    nodes: Array.isArray(nodes) ? nodes : [],
    hasNextPage: at(u, "pageInfo", "hasNextPage") === true,
    endCursor: str(u, "pageInfo", "endCursor"),
  }
}

/** The selection that makes a connection field pageable. */
export const PAGE_INFO = "pageInfo { hasNextPage endCursor }"

/** Page size asked of the API (Linear allows up to 250; 100 keeps each query's complexity low). */
export const PAGE = 100

/** The longest single wait for a rate limit to clear; a longer reset is retried sooner and may fail. */
const MAX_WAIT_MS = 60_000

/** The code Linear puts in `extensions.code` (`AUTHENTICATION_ERROR`, `RATELIMITED`...). */
const codeOf = (error: LinearError): string | undefined => str(error.raw?.response?.errors?.[0]?.extensions, "code")

const rawMessage = (error: LinearError): string | undefined => str(error.raw?.response?.errors?.[0], "message")

const isRateLimited = (error: unknown): error is LinearError =>
  error instanceof RatelimitedLinearError ||
  (error instanceof LinearError && (error.status === 429 || codeOf(error) === "RATELIMITED"))

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

const firstLine = (text: string): string => {
  const line = text.split("\n")[0].trim()
  return line.length > 200 ? `${line.slice(0, 200)}...` : line
}

/**
 * The one place Linear's errors become `VfsError`s. `retried` is how many
 * rate-limit retries were spent; `scrub` removes the key from any text.
 */
export const fromLinearError = (
  error: unknown,
  op: string,
  path: string,
  retried = 0,
  scrub: (text: string) => string = (t) => t,
): VfsError => {
  const fail = (reason: Reason, detail: string) => new VfsError({ reason, op, path, detail: scrub(detail) })
  if (error instanceof VfsError) return error
  if (isRateLimited(error))
    return fail(
      "Backend",
      retried === 0 ? "rate limited" : `rate limited, retried ${retried} time${retried === 1 ? "" : "s"}`,
    )
  if (error instanceof LinearError) {
    const graphql = error.errors !== undefined && error.errors.length > 0
    const code = codeOf(error)
    const message = firstLine(error.errors?.[0]?.message ?? rawMessage(error) ?? error.message)
    const detail = code === undefined ? message : `${code}: ${message}`
    if (error instanceof ForbiddenLinearError || error instanceof FeatureNotAccessibleLinearError)
      return fail("PermissionDenied", detail)
    // The SDK calls any 4xx without GraphQL errors an authentication error; only a real one is.
    if (error instanceof AuthenticationLinearError && (graphql || error.status === 401))
      return fail("PermissionDenied", detail)
    if (error instanceof UsageLimitExceededLinearError) return fail("QuotaExceeded", detail)
    if (error instanceof InvalidInputLinearError && /not found|could not find/i.test(`${rawMessage(error)} ${message}`))
      return fail("NotFound", detail)
    if (!graphql && error.status !== undefined) {
      const body = str(error.raw?.response, "error")
      return fail("Backend", `HTTP ${error.status}${body === undefined || body === "" ? "" : `: ${firstLine(body)}`}`)
    }
    if (error.status !== undefined && error.status >= 500) return fail("Backend", `HTTP ${error.status}: ${detail}`)
    return fail("Backend", detail)
  }
  return fail("Backend", rootCause(error))
}

/** How long to wait before retrying a rate-limited request, in milliseconds. */
const retryDelay = (error: LinearError, attempt: number, now: number): number => {
  let ms = 1000 * 2 ** attempt
  if (error instanceof RatelimitedLinearError) {
    // Wait for the budget that ran out (requests or complexity); Linear sends epoch milliseconds, tolerate seconds.
    const reset =
      error.requestsRemaining === 0 || error.complexityRemaining !== 0
        ? (error.requestsResetAt ?? error.complexityResetAt)
        : (error.complexityResetAt ?? error.requestsResetAt)
    if (reset !== undefined) ms = (reset < 1e12 ? reset * 1000 : reset) - now
    if (error.retryAfter !== undefined) ms = error.retryAfter * 1000
  }
  return Math.min(Math.max(ms, 0), MAX_WAIT_MS)
}

/** What a client needs; `apiKey` is unwrapped only at the SDK call. */
export interface ClientOptions {
  readonly apiKey: Redacted.Redacted<string>
  readonly apiUrl: string
  /** How many times a rate-limited request is retried. */
  readonly maxRetries: number
}

/** Runs GraphQL operations against one workspace. */
export interface Client {
  /** One operation; succeeds with its `data`. `op` and `path` name the file operation in errors. */
  readonly request: (
    op: string,
    path: string,
    query: string,
    variables: Readonly<Record<string, unknown>>,
  ) => Effect.Effect<unknown, VfsError>
  /**
   * Every node of a connection: from `start` (a page already fetched with
   * its parent) or from the beginning, then page after page through `query`,
   * which takes `$after` and whose connection `pick` finds in the data.
   */
  readonly drain: (
    op: string,
    path: string,
    query: string,
    variables: Readonly<Record<string, unknown>>,
    pick: (data: unknown) => unknown,
    start?: Page,
  ) => Effect.Effect<Array<unknown>, VfsError>
  /** Remove the key (and anything shaped like a Linear key) from a text. */
  readonly scrub: (text: string) => string
}

/** A client over `@linear/sdk`. */
export const makeClient = (options: ClientOptions): Client => {
  const scrub = (text: string): string => {
    const key = Redacted.value(options.apiKey)
    return (key === "" ? text : text.replaceAll(key, "<redacted>")).replace(/lin_(api|oauth)_\w+/g, "<redacted>")
  }

  const request = (op: string, path: string, query: string, variables: Readonly<Record<string, unknown>>) => {
    const attempt = (retried: number): Effect.Effect<unknown, VfsError> =>
      Effect.tryPromise({
        // A client per request, so that interrupting the request aborts its fetch.
        try: (signal) =>
          new LinearClient({ apiKey: Redacted.value(options.apiKey), apiUrl: options.apiUrl, signal }).client
            .rawRequest(query, { ...variables })
            .then((response) => response.data),
        catch: (error) => error,
      }).pipe(
        Effect.catch((error) =>
          isRateLimited(error) && retried < options.maxRetries
            ? Effect.flatMap(Clock.currentTimeMillis, (now) =>
                Effect.sleep(Duration.millis(retryDelay(error, retried, now))),
              ).pipe(Effect.andThen(attempt(retried + 1)))
            : Effect.fail(fromLinearError(error, op, path, retried, scrub)),
        ),
      )
    return attempt(0)
  }

  const drain: Client["drain"] = (op, path, query, variables, pick, start) =>
    Effect.gen(function* () {
      const out: Array<unknown> = []
      const seen = new Set<string>()
      let page: Page =
        start ?? pageOf(pick(yield* request(op, path, query, { ...variables, first: PAGE, after: null })))
      while (true) {
        out.push(...page.nodes)
        const cursor = page.endCursor
        if (!page.hasNextPage || cursor === undefined || seen.has(cursor)) return out
        seen.add(cursor)
        page = pageOf(pick(yield* request(op, path, query, { ...variables, first: PAGE, after: cursor })))
      }
    })

  return { request, drain, scrub }
}
