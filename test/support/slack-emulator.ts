import * as http from "node:http"

/**
 * A small Slack Web API server for tests, enough of it for the real
 * `WebClient` (`slackApiUrl` pointed at `url`): POST with form or JSON bodies,
 * `{ ok, error }` replies, cursor pagination with a deliberately small page
 * size, Bearer-token auth, injectable 429s and errors, and a request counter
 * per method.
 *
 * Methods: auth.test, conversations.list (types, exclude_archived),
 * conversations.history (oldest, latest, inclusive; newest first, top-level
 * messages and thread broadcasts only), conversations.replies (parent first,
 * then replies oldest first), users.list.
 */

/** A message as Slack returns it (the fields the emulator needs, plus any others). */
export interface SeedMessage {
  readonly type: "message"
  readonly ts: string
  readonly user: string
  readonly text: string
  readonly thread_ts?: string
  readonly subtype?: string
  readonly reply_count?: number
  readonly reply_users_count?: number
  readonly latest_reply?: string
  readonly reply_users?: ReadonlyArray<string>
}

export interface SeedConversation {
  readonly id: string
  /** Channels only. */
  readonly name?: string
  /** DMs only: the other user. */
  readonly user?: string
  readonly is_im: boolean
  readonly created: number
  /** Every message of the conversation, replies included, in no particular order. */
  readonly messages: ReadonlyArray<SeedMessage>
}

export interface SeedUser {
  readonly id: string
  readonly name: string
  readonly real_name: string
  readonly deleted: boolean
  readonly updated: number
  readonly profile: { readonly display_name: string; readonly email: string }
}

export interface Seed {
  readonly users: ReadonlyArray<SeedUser>
  readonly conversations: ReadonlyArray<SeedConversation>
}

/** Slack's `ts` for a UTC time and a sequence number (the microseconds part). */
const tsAt = (iso: string, seq: number): string => `${Date.parse(iso) / 1000}.${String(seq).padStart(6, "0")}`

const TEXTS = [
  "deploy finished ✅",
  "café at 3? ☕",
  "日本語のメッセージ",
  "looks good 👍",
  "Grüße aus München",
  "merged the “quoted” fix",
]

interface Draft {
  ts: string
  user: string
  text: string
  thread_ts?: string
  subtype?: string
}

/** Turn drafts into messages, giving thread parents their reply metadata. */
const finish = (drafts: ReadonlyArray<Draft>): Array<SeedMessage> =>
  drafts.map((d) => {
    const replies = drafts.filter((r) => r.thread_ts === d.ts && r.ts !== d.ts)
    const base: SeedMessage = { type: "message", ...d }
    if (replies.length === 0) return base
    const users = [...new Set(replies.map((r) => r.user))]
    return {
      ...base,
      thread_ts: d.ts,
      reply_count: replies.length,
      reply_users_count: users.length,
      latest_reply: replies.map((r) => r.ts).sort()[replies.length - 1],
      reply_users: users,
    }
  })

const pad = (n: number): string => String(n).padStart(2, "0")

/**
 * `general`: every day of April 2026, 3 to 5 messages a day; "alert" in about
 * a quarter of them; a thread on every fourth day; on the 12th a thread whose
 * last reply lands on the 13th (it stays under its parent, in the 12th's file).
 */
const general = (): Array<Draft> => {
  const users = ["U001", "U002", "U003"]
  const out: Array<Draft> = []
  for (let d = 1; d <= 30; d++) {
    const n = 3 + (d % 3)
    for (let i = 0; i < n; i++) {
      const ts = tsAt(`2026-04-${pad(d)}T${pad(8 + 2 * i)}:${pad((d * 7 + i * 13) % 60)}:00Z`, d * 10 + i)
      const alert = (d + i) % 4 === 0
      const text = alert ? `alert: disk usage ${60 + d}% on db-${i}` : `${TEXTS[(d * 3 + i) % TEXTS.length]} #${d}.${i}`
      out.push({ ts, user: users[(d + i) % 3], text })
      if (d % 4 === 0 && i === 0) {
        out.push({
          ts: tsAt(`2026-04-${pad(d)}T${pad(8 + 2 * i)}:59:00Z`, 500 + d),
          user: "U002",
          text: "on it 🔧",
          thread_ts: ts,
        })
        out.push({
          ts: tsAt(`2026-04-${pad(d)}T${pad(9 + 2 * i)}:30:00Z`, 600 + d),
          user: "U003",
          text: "alert cleared, naïve retry worked",
          thread_ts: ts,
        })
      }
      if (d === 12 && i === n - 1)
        out.push({ ts: tsAt("2026-04-13T00:30:00Z", 700), user: "U001", text: "late reply 🌙", thread_ts: ts })
    }
  }
  return out
}

/** `ops`: two days; a thread with a reply also broadcast to the channel. */
const ops = (): Array<Draft> => {
  const parent = tsAt("2026-04-11T10:00:00Z", 2)
  return [
    { ts: tsAt("2026-04-10T09:00:00Z", 1), user: "U001", text: "alert: paging on-call" },
    { ts: tsAt("2026-04-10T09:05:00Z", 3), user: "U002", text: "ack" },
    { ts: tsAt("2026-04-10T17:00:00Z", 4), user: "U003", text: "postmortem tomorrow" },
    { ts: parent, user: "U002", text: "rollout plan?" },
    { ts: tsAt("2026-04-11T10:10:00Z", 5), user: "U001", text: "canary first", thread_ts: parent },
    {
      ts: tsAt("2026-04-11T10:20:00Z", 6),
      user: "U003",
      text: "agreed, shipping",
      thread_ts: parent,
      subtype: "thread_broadcast",
    },
  ]
}

/** `random`: the first message is on 2026-04-01 in New York but 2026-04-02 in UTC. */
const random = (): Array<Draft> => [
  { ts: tsAt("2026-04-02T02:30:00Z", 1), user: "U003", text: "🎉 party at Zoë’s" },
  { ts: tsAt("2026-04-05T12:00:00Z", 2), user: "U001", text: "naïve résumé 📄" },
]

/** The seeded workspace: 4 users (one deleted), channels general/ops/random, DMs with alice and bob. */
export const seed = (): Seed => ({
  users: [
    ["U001", "alice", "Alice Ågren"],
    ["U002", "bob", "Bob Stone"],
    ["U003", "carol", "Zoë Carol"],
    ["U004", "dave", "Dave Gone"],
  ].map(([id, name, real]) => ({
    id,
    name,
    real_name: real,
    deleted: id === "U004",
    updated: 1775000000 + Number(id.slice(1)),
    profile: { display_name: name, email: `${name}@example.com` },
  })),
  conversations: [
    { id: "C001", name: "general", is_im: false, created: 1774000000, messages: finish(general()) },
    { id: "C002", name: "ops", is_im: false, created: 1774000100, messages: finish(ops()) },
    { id: "C003", name: "random", is_im: false, created: 1774000200, messages: finish(random()) },
    {
      id: "D001",
      user: "U001",
      is_im: true,
      created: 1774000300,
      messages: finish([
        { ts: tsAt("2026-04-03T08:00:00Z", 1), user: "U001", text: "hey, got a minute?" },
        { ts: tsAt("2026-04-03T08:01:00Z", 2), user: "U002", text: "sure — what's up" },
      ]),
    },
    {
      id: "D002",
      user: "U002",
      is_im: true,
      created: 1774000400,
      messages: finish([{ ts: tsAt("2026-04-20T15:00:00Z", 1), user: "U002", text: "alert ping 🔔" }]),
    },
  ],
})

/** Microseconds since the epoch of a Slack timestamp ("1775990400.000120", "1775990400", "1775990400.5"). */
export const micros = (ts: string): bigint => {
  const [sec, frac = ""] = ts.split(".")
  return BigInt(sec || "0") * 1_000_000n + BigInt((frac + "000000").slice(0, 6))
}

const isTopLevel = (m: SeedMessage): boolean =>
  m.thread_ts === undefined || m.thread_ts === m.ts || m.subtype === "thread_broadcast"

export interface SlackEmulator {
  /** The base URL for `slackApiUrl` / `baseUrl`, ending in "/api/". */
  readonly url: string
  /** The one token the server accepts. */
  readonly token: string
  readonly data: Seed
  /** Requests received per method (rate-limited and failed ones included). */
  readonly calls: (method?: string) => number
  readonly resetCalls: () => void
  /** Answer the next `count` requests (any method) with 429 and `Retry-After: retryAfter`. */
  readonly rateLimitNext: (count: number, retryAfter?: number) => void
  /** Requests answered 429 so far. */
  readonly rateLimited: () => number
  /** Answer the next call to `method` with `{ ok: false, error }`. */
  readonly failNext: (method: string, error: string) => void
  readonly close: () => Promise<void>
}

export interface SlackEmulatorOptions {
  /** Largest page the server returns, whatever `limit` asks (default 2). */
  readonly pageSize?: number
  readonly token?: string
  readonly data?: Seed
}

type Params = Readonly<Record<string, string>>
type Reply = Readonly<Record<string, unknown>>

const encodeCursor = (offset: number): string => Buffer.from(`offset:${offset}`).toString("base64")
const decodeCursor = (cursor: string | undefined): number | undefined => {
  if (cursor === undefined || cursor === "") return 0
  const m = /^offset:(\d+)$/.exec(Buffer.from(cursor, "base64").toString())
  return m === null ? undefined : Number(m[1])
}

/** Start the emulator on 127.0.0.1 on a free port. */
export const startSlackEmulator = async (options: SlackEmulatorOptions = {}): Promise<SlackEmulator> => {
  const pageSize = options.pageSize ?? 2
  const token = options.token ?? "xoxb-emulator-token-0123456789"
  const data = options.data ?? seed()
  const counts = new Map<string, number>()
  let limitedLeft = 0
  let retryAfter = 1
  let limitedTotal = 0
  const failures = new Map<string, Array<string>>()

  /** One page of `items` from the request's cursor and limit. */
  const page = (items: ReadonlyArray<unknown>, params: Params, key: string): Reply => {
    const offset = decodeCursor(params.cursor)
    if (offset === undefined) return { ok: false, error: "invalid_cursor" }
    const limit = Math.max(1, Math.min(Number(params.limit) || 100, pageSize))
    const next = offset + limit
    const more = next < items.length
    return {
      ok: true,
      [key]: items.slice(offset, next),
      has_more: more,
      response_metadata: { next_cursor: more ? encodeCursor(next) : "" },
    }
  }

  const conversation = (id: string | undefined) => data.conversations.find((c) => c.id === id)

  const channelJson = (c: SeedConversation) =>
    c.is_im
      ? { id: c.id, created: c.created, is_im: true, user: c.user, is_user_deleted: false }
      : {
          id: c.id,
          name: c.name,
          is_channel: true,
          is_private: false,
          is_archived: false,
          is_member: true,
          created: c.created,
          updated: c.created * 1000,
          num_members: 3,
        }

  const methods: Record<string, (params: Params) => Reply> = {
    "auth.test": () => ({
      ok: true,
      url: "https://emulator.slack.test/",
      team: "Emulator",
      user: "bot",
      team_id: "T001",
    }),
    "users.list": (params) => page(data.users, params, "members"),
    "conversations.list": (params) => {
      const types = (params.types || "public_channel").split(",")
      const wanted = data.conversations.filter((c) => types.includes(c.is_im ? "im" : "public_channel"))
      return page(wanted.map(channelJson), params, "channels")
    },
    "conversations.history": (params) => {
      const c = conversation(params.channel)
      if (c === undefined) return { ok: false, error: "channel_not_found" }
      const inclusive = params.inclusive === "true" || params.inclusive === "1"
      const oldest = micros(params.oldest || "0")
      const latest = params.latest ? micros(params.latest) : undefined
      const messages = c.messages
        .filter(isTopLevel)
        .filter((m) => {
          const t = micros(m.ts)
          const afterOldest = inclusive ? t >= oldest : t > oldest
          const beforeLatest = latest === undefined || (inclusive ? t <= latest : t < latest)
          return afterOldest && beforeLatest
        })
        .sort((a, b) => (micros(b.ts) > micros(a.ts) ? 1 : -1))
      return page(messages, params, "messages")
    },
    "conversations.replies": (params) => {
      const c = conversation(params.channel)
      if (c === undefined) return { ok: false, error: "channel_not_found" }
      const parent = c.messages.find((m) => m.ts === params.ts)
      if (parent === undefined) return { ok: false, error: "thread_not_found" }
      const replies = c.messages
        .filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts)
        .sort((a, b) => (micros(a.ts) > micros(b.ts) ? 1 : -1))
      return page([parent, ...replies], params, "messages")
    },
  }

  const readBody = (req: http.IncomingMessage): Promise<string> =>
    new Promise((resolve, reject) => {
      const parts: Array<Buffer> = []
      req.on("data", (b: Buffer) => parts.push(b))
      req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")))
      req.on("error", reject)
    })

  const parseParams = (body: string, type: string | undefined, query: URLSearchParams): Record<string, string> => {
    const out: Record<string, string> = Object.fromEntries(query)
    if (type?.startsWith("application/json") && body !== "") {
      const json: unknown = JSON.parse(body)
      if (typeof json === "object" && json !== null)
        for (const [k, v] of Object.entries(json)) out[k] = typeof v === "string" ? v : JSON.stringify(v)
    } else for (const [k, v] of new URLSearchParams(body)) out[k] = v
    return out
  }

  const send = (res: http.ServerResponse, status: number, reply: Reply, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers })
    res.end(JSON.stringify(reply))
  }

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1")
      const method = url.pathname.replace(/^\/api\//, "")
      counts.set(method, (counts.get(method) ?? 0) + 1)
      const body = await readBody(req)
      if (limitedLeft > 0) {
        limitedLeft--
        limitedTotal++
        return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(retryAfter) })
      }
      if (req.method !== "POST" && req.method !== "GET")
        return send(res, 405, { ok: false, error: "method_not_allowed" })
      const params = parseParams(body, req.headers["content-type"], url.searchParams)
      const auth = req.headers.authorization
      const given = auth?.startsWith("Bearer ") ? auth.slice(7) : params.token
      if (given === undefined || given === "") return send(res, 200, { ok: false, error: "not_authed" })
      if (given !== token) return send(res, 200, { ok: false, error: "invalid_auth" })
      const queued = failures.get(method)
      const injected = queued?.shift()
      if (injected !== undefined) return send(res, 200, { ok: false, error: injected })
      const handler = methods[method]
      if (handler === undefined) return send(res, 200, { ok: false, error: "unknown_method" })
      send(res, 200, handler(params))
    })().catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }))
  })

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("slack emulator: no TCP address")
  const port = address.port

  return {
    url: `http://127.0.0.1:${port}/api/`,
    token,
    data,
    calls: (method) =>
      method === undefined ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(method) ?? 0),
    resetCalls: () => counts.clear(),
    rateLimitNext: (count, after = 1) => {
      limitedLeft = count
      retryAfter = after
    },
    rateLimited: () => limitedTotal,
    failNext: (method, error) => failures.set(method, [...(failures.get(method) ?? []), error]),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
