import * as http from "node:http"
import { graphql, Kind, parse } from "graphql"
import { isRecord, makeGraph } from "./linear-graph.ts"
import { seed } from "./linear-seed.ts"
import type { Seed } from "./linear-seed.ts"

/**
 * A small Linear GraphQL API for tests, enough of it for `@linear/sdk`'s
 * client pointed at `url` (`apiUrl`). The operation is executed for real by
 * `graphql-js` (already installed as a peer of the SDK) against a subset of
 * Linear's schema (see linear-graph.ts).
 *
 * Root fields: `teams(filter)`, `team(id)`, `issue(id)` (a UUID or an
 * identifier such as "ENG-12"), `viewer`, and the mutations `issueCreate` and
 * `commentCreate`. Connections honour `first` (capped at a deliberately small
 * page size so pagination is exercised), `after` and `orderBy` (newest first
 * by `createdAt` or `updatedAt`). Auth through the `Authorization` header
 * (the key alone, as Linear takes personal keys, or `Bearer <key>`). Rate
 * limits and server errors can be injected; every request is counted, by
 * root field.
 */

export interface LinearEmulator {
  /** The GraphQL endpoint, for `apiUrl` / `baseUrl`. */
  readonly url: string
  /** The one API key the server accepts. */
  readonly apiKey: string
  /** The live data: tests may inspect or change it. */
  readonly data: Seed
  /** Requests received for a root field (`teams`, `issue`, `issueCreate`...), or all of them. */
  readonly calls: (field?: string) => number
  readonly resetCalls: () => void
  /**
   * Answer the next `count` requests with a rate-limit error (HTTP `status`,
   * default 429, code RATELIMITED) whose `X-RateLimit-Requests-Reset` is
   * `resetInMs` from now (default 20).
   */
  readonly rateLimitNext: (count: number, options?: { readonly status?: number; readonly resetInMs?: number }) => void
  /** Requests answered with a rate-limit error so far. */
  readonly rateLimited: () => number
  /** Answer the next `count` requests with HTTP `status` and an internal-error body. */
  readonly failNext: (count: number, status: number) => void
  /** Add a comment as someone else would, outside Mirage. */
  readonly addComment: (identifier: string, body: string) => void
  readonly close: () => Promise<void>
}

export interface LinearEmulatorOptions {
  /** Largest page the server returns, whatever `first` asks (default 5). */
  readonly pageSize?: number
  readonly apiKey?: string
  /**
   * Quote the rejected `Authorization` header in the 401 message, as a
   * careless server might: for testing that clients never repeat a key.
   */
  readonly echoAuthInErrors?: boolean
}

/** Start the emulator on 127.0.0.1 on a free port. */
export const startLinearEmulator = async (options: LinearEmulatorOptions = {}): Promise<LinearEmulator> => {
  const pageSize = options.pageSize ?? 5
  const apiKey = options.apiKey ?? "lin_api_emulator0123456789abcdef"
  const data = seed()
  const counts = new Map<string, number>()
  let total = 0
  let limitedLeft = 0
  let limitedStatus = 429
  let resetInMs = 20
  let limitedTotal = 0
  let failLeft = 0
  let failStatus = 500
  const { schema, rootValue, addComment } = makeGraph(data, pageSize)
  /** The root fields a request asks for, for the per-field counters. */
  const rootFields = (query: string): Array<string> => {
    try {
      const doc = parse(query)
      const out: Array<string> = []
      for (const def of doc.definitions)
        if (def.kind === Kind.OPERATION_DEFINITION)
          for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD) out.push(sel.name.value)
      return out
    } catch {
      return []
    }
  }

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body)
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    res.end(text)
  }

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const parts: Array<Buffer> = []
      req.on("data", (b: Buffer) => parts.push(b))
      req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")))
      req.on("error", reject)
    })

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const body = await readBody(req)
    total++
    let request: unknown
    try {
      request = JSON.parse(body)
    } catch {
      request = undefined
    }
    const query = isRecord(request) && typeof request.query === "string" ? request.query : ""
    for (const field of rootFields(query)) counts.set(field, (counts.get(field) ?? 0) + 1)
    if (req.method !== "POST" || req.url?.split("?")[0] !== "/graphql") {
      res.writeHead(404, { "content-type": "text/plain" })
      res.end("Not found")
      return
    }
    if (limitedLeft > 0) {
      limitedLeft--
      limitedTotal++
      const message = "Rate limit exceeded"
      send(
        res,
        limitedStatus,
        {
          errors: [
            { message, extensions: { type: "ratelimited", code: "RATELIMITED", userPresentableMessage: message } },
          ],
        },
        {
          "x-ratelimit-requests-limit": "1500",
          "x-ratelimit-requests-remaining": "0",
          "x-ratelimit-requests-reset": String(Date.now() + resetInMs),
        },
      )
      return
    }
    if (failLeft > 0) {
      failLeft--
      const message = "Internal server error"
      send(res, failStatus, {
        errors: [{ message, extensions: { type: "internal error", code: "INTERNAL_SERVER_ERROR" } }],
      })
      return
    }
    const auth = req.headers.authorization ?? ""
    if (auth !== apiKey && auth !== `Bearer ${apiKey}`) {
      send(res, 401, {
        errors: [
          {
            message: `Authentication required, not authenticated${options.echoAuthInErrors ? ` (got ${auth})` : ""}`,
            extensions: {
              type: "authentication error",
              code: "AUTHENTICATION_ERROR",
              statusCode: 401,
              userError: true,
              userPresentableMessage: `You need to authenticate to access this operation.${
                options.echoAuthInErrors ? ` Rejected key: ${auth}` : ""
              }`,
            },
          },
        ],
      })
      return
    }
    const variables = isRecord(request) && isRecord(request.variables) ? request.variables : undefined
    const result = await graphql({ schema, source: query, rootValue, variableValues: variables })
    // Parse and validation errors come without data, as Linear's 400s do.
    send(res, result.data === undefined ? 400 : 200, result)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { errors: [{ message: String(error) }] }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("linear emulator: no TCP address")
  const port = address.port

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    apiKey,
    data,
    calls: (field) => (field === undefined ? total : (counts.get(field) ?? 0)),
    resetCalls: () => {
      counts.clear()
      total = 0
    },
    rateLimitNext: (count, opts = {}) => {
      limitedLeft = count
      limitedStatus = opts.status ?? 429
      resetInMs = opts.resetInMs ?? 20
    },
    rateLimited: () => limitedTotal,
    failNext: (count, status) => {
      failLeft = count
      failStatus = status
    },
    addComment,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
