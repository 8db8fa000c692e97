import { Data, Effect } from "effect"
import type { BrokenPipe, Output } from "../../Io.ts"
import type { NetworkPolicy } from "./Policy.ts"

/**
 * HTTP for `curl` and `wget` through the runtime's `fetch`, behind the
 * workspace's network policy (`WorkspaceOptions.network`): a URL the policy
 * does not allow is never requested, and neither is a redirect to one.
 */

/** Why a request did not produce a response. */
export class NetError extends Data.TaggedError("NetError")<{
  readonly kind: "blocked" | "resolve" | "connect" | "timeout" | "other"
  readonly host: string
  readonly port: string
  readonly message: string
}> {}

/** A URL as curl reads one: no scheme means `http://`. */
export const parseUrl = (text: string): URL | undefined => {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`
  try {
    const url = new URL(withScheme)
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined
  } catch {
    return undefined
  }
}

/** One request. */
export interface Request {
  readonly url: URL
  readonly method: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  readonly body: Uint8Array | undefined
  /** Follow redirects (each hop is checked against the list). */
  readonly follow: boolean
}

/** The response head and its body as a pull of chunks. */
export interface Response {
  readonly url: URL
  readonly status: number
  readonly statusText: string
  readonly headers: ReadonlyArray<readonly [string, string]>
  /** Copy the body to `out`, giving the number of bytes. */
  readonly pipe: (out: Output) => Effect.Effect<number, BrokenPipe | NetError>
  readonly discard: Effect.Effect<void>
}

/** The reason given for a URL the policy refuses. */
export const BLOCKED = "blocked by the workspace network policy"

const portOf = (url: URL) => url.port || (url.protocol === "https:" ? "443" : "80")

const classify = (error: unknown, url: URL): NetError => {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  // Node's fetch wraps the socket error; connecting to both address families wraps it once more.
  const inner =
    typeof cause === "object" && cause !== null && "errors" in cause && Array.isArray(cause.errors)
      ? cause.errors[0]
      : cause
  const code = typeof inner === "object" && inner !== null && "code" in inner ? String(inner.code) : ""
  const message = cause instanceof Error ? cause.message : String(cause)
  const kind = code === "ENOTFOUND" || code === "EAI_AGAIN" ? "resolve" : code === "ECONNREFUSED" ? "connect" : "other"
  return new NetError({ kind, host: url.hostname, port: portOf(url), message })
}

/** Send a request, following redirects when asked. */
export const send = (policy: NetworkPolicy, request: Request): Effect.Effect<Response, NetError> =>
  Effect.gen(function* () {
    let url = request.url
    let method = request.method
    let body = request.body
    for (let hop = 0; hop < 50; hop++) {
      if (!policy.allows(url)) {
        return yield* Effect.fail(
          new NetError({ kind: "blocked", host: url.hostname, port: portOf(url), message: BLOCKED }),
        )
      }
      const target = url
      const headers: Array<[string, string]> = request.headers.map(([k, v]) => [k, v])
      const init: RequestInit = { method, headers, redirect: "manual" }
      if (body !== undefined) init.body = body.slice()
      const response = yield* Effect.tryPromise({
        try: (signal) => fetch(target, { ...init, signal }),
        catch: (error) => classify(error, target),
      })
      const location = response.headers.get("location")
      if (request.follow && response.status >= 300 && response.status < 400 && location !== null) {
        yield* Effect.promise(() => response.body?.cancel() ?? Promise.resolve())
        url = new URL(location, url)
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET"
          body = undefined
        }
        continue
      }
      const reader = response.body?.getReader()
      const pipe = (out: Output) =>
        Effect.gen(function* () {
          let total = 0
          if (reader === undefined) return 0
          while (true) {
            const next = yield* Effect.tryPromise({ try: () => reader.read(), catch: (e) => classify(e, target) })
            if (next.done) return total
            total += next.value.length
            yield* out.write(next.value)
          }
        }).pipe(Effect.onInterrupt(() => Effect.promise(() => reader?.cancel() ?? Promise.resolve())))
      return {
        url: target,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers.entries()],
        pipe,
        discard: Effect.promise(() => reader?.cancel() ?? Promise.resolve()),
      }
    }
    return yield* Effect.fail(
      new NetError({
        kind: "other",
        host: url.hostname,
        port: portOf(url),
        message: "Maximum (50) redirects followed",
      }),
    )
  })
