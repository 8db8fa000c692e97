import { createHash } from "node:crypto"
import { Effect, Redacted, Stream } from "effect"
import type { Layer } from "effect"
import * as Cache from "../vfs/Cache.ts"
import type { CacheOptions } from "../vfs/Cache.ts"
import { MountMode, Namespace } from "../vfs/Namespace.ts"
import type { ByteRange, DirEntry, FileStat, Primitives, Resource } from "../vfs/Resource.ts"
import { make as makeResource, readOnly, ResourceBase } from "../vfs/Resource.ts"
import { VfsError } from "../vfs/VfsError.ts"
import { makeApi, Memo } from "./slack/Api.ts"
import { chunked, slice } from "./slack/Bytes.ts"
import * as Days from "./slack/Days.ts"

export { fromSlackError } from "./slack/Api.ts"

/**
 * A Slack workspace as a read-only tree, through `@slack/web-api`:
 *
 * ```
 * /channels/<name>/<yyyy-mm-dd>.jsonl   public and private channels the token sees
 * /dms/<user>/<yyyy-mm-dd>.jsonl        direct messages, by the other user's name
 * /users/<name>.json                    one member as users.list returns it, pretty-printed
 * ```
 *
 * A day file holds one message per line, oldest first: the message object as
 * conversations.history returns it, plus `user_name` (the author's `name`)
 * when the author is a known user. A thread's replies (from
 * conversations.replies) follow their parent inline, oldest first, in the
 * parent's day file even when posted on a later day; a reply line is the one
 * whose `thread_ts` differs from its `ts`. Replies also sent to the channel
 * (`thread_broadcast`) appear once, under their parent. Days are calendar days
 * in `timezone` (UTC by default); a directory lists the days that have
 * messages.
 *
 * Everything is fetched when asked for, with cursor pagination. A day's size
 * is null until the day has been read once (and again after it changes);
 * reads always return every byte. A 429 is waited out for its Retry-After and
 * retried up to `maxRetries` times. Every mutation fails with `ReadOnly`.
 */

/** Configuration of a Slack resource. */
export interface SlackOptions {
  /** A bot or user token (`xoxb-...`, `xoxp-...`); kept `Redacted`, never printed. */
  readonly apiKey: string | Redacted.Redacted<string>
  /** The Web API's base URL (default `https://slack.com/api/`); tests point it at an emulator. */
  readonly baseUrl?: string | undefined
  readonly cache?: CacheOptions | false | undefined
  /** IANA time zone whose calendar days name the day files (default "UTC"). */
  readonly timezone?: string | undefined
  /** How many times a rate-limited call is retried after its Retry-After (default 5). */
  readonly maxRetries?: number | undefined
  /**
   * How long, in milliseconds, the resource remembers the channel, user and DM
   * names and each conversation's days between operations (default 30 s), so
   * that `ls -l` or a glob over a channel does not refetch them per file.
   */
  readonly lookupTtl?: number | undefined
}

const DEFAULT_BASE_URL = "https://slack.com/api/"
/** Page size asked of the API: Slack's recommended maximum. */
const PAGE = 200
/** Characters gathered before a read emits a chunk (16-64 KiB once encoded). */
const CHUNK_CHARS = 32 * 1024
/** Sizes of read days remembered at most. */
const MAX_KNOWN_SIZES = 4096

/** The fields of a message the resource looks at; everything else passes through. */
interface Message {
  readonly ts?: string | undefined
  readonly thread_ts?: string | undefined
  readonly user?: string | undefined
  readonly subtype?: string | undefined
  readonly reply_count?: number | undefined
  readonly latest_reply?: string | undefined
  readonly edited?: { readonly ts?: string | undefined } | undefined
}

interface Conversation {
  readonly id?: string | undefined
  readonly name?: string | undefined
  readonly user?: string | undefined
  readonly created?: number | undefined
  readonly updated?: number | undefined
}

interface Member {
  readonly id?: string | undefined
  readonly name?: string | undefined
  readonly updated?: number | undefined
}

interface Users {
  readonly byName: ReadonlyMap<string, Member>
  readonly nameOf: ReadonlyMap<string, string>
}

type Section = "channels" | "dms"

/** What a resource path names. */
type Node =
  | { readonly kind: "root" }
  | { readonly kind: "section"; readonly section: Section | "users" }
  | { readonly kind: "conversation"; readonly section: Section; readonly name: string }
  | { readonly kind: "day"; readonly section: Section; readonly name: string; readonly day: string }
  | { readonly kind: "user"; readonly name: string }
  /** Below a leaf: NotADirectory when the leaf exists. */
  | { readonly kind: "below"; readonly leaf: string }
  | { readonly kind: "missing" }

const SECTIONS: ReadonlyArray<string> = ["channels", "dms", "users"]
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/

const parse = (path: string): Node => {
  const s = path.split("/").filter((x) => x !== "")
  if (s.length === 0) return { kind: "root" }
  const section = s[0]
  if (section !== "channels" && section !== "dms" && section !== "users") return { kind: "missing" }
  if (s.length === 1) return { kind: "section", section }
  if (section === "users") {
    if (!s[1].endsWith(".json")) return { kind: "missing" }
    return s.length === 2 ? { kind: "user", name: s[1].slice(0, -5) } : { kind: "below", leaf: `/users/${s[1]}` }
  }
  if (s.length === 2) return { kind: "conversation", section, name: s[1] }
  const day = DAY_FILE.exec(s[2])?.[1]
  if (day === undefined) return { kind: "missing" }
  return s.length === 3
    ? { kind: "day", section, name: s[1], day }
    : { kind: "below", leaf: `/${section}/${s[1]}/${s[2]}` }
}

/** A name usable as one path segment. */
const segment = (name: string | undefined, fallback: string): string =>
  name === undefined || name === "" || name === "." || name === ".." ? fallback : name.replaceAll("/", "_")

const isReply = (m: Message): boolean => m.thread_ts !== undefined && m.thread_ts !== m.ts

const secondsToMs = (s: number | undefined): number | undefined => (s === undefined ? undefined : s * 1000)

/** Slack gives `updated` in milliseconds on conversations and seconds elsewhere. */
const timeOf = (t: number | undefined): number | undefined => (t === undefined ? undefined : t > 1e11 ? t : t * 1000)

const encoder = new TextEncoder()

const primitives = (options: SlackOptions): Primitives => {
  const { all } = makeApi({
    apiKey: Redacted.isRedacted(options.apiKey) ? options.apiKey : Redacted.make(options.apiKey),
    baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
    maxRetries: options.maxRetries ?? 5,
  })
  const ttl = options.lookupTtl ?? 30_000
  const days = Days.make(options.timezone ?? "UTC")
  const createdAt = Date.now()

  const channelMemo = new Memo<ReadonlyMap<string, Conversation>>(ttl)
  const userMemo = new Memo<Users>(ttl)
  const dmMemo = new Memo<ReadonlyMap<string, Conversation>>(ttl)
  const indexMemo = new Memo<ReadonlyMap<string, Days.Summary>>(ttl)
  /** Byte counts of days already read, valid while the day's version is unchanged. */
  const knownSizes = new Map<string, { readonly version: string; readonly size: number }>()

  const users = (op: string, path: string) =>
    userMemo.get(
      "users",
      Effect.map(
        all(
          op,
          path,
          (c, cursor) => c.users.list({ limit: PAGE, cursor }),
          (p) => p.members,
        ),
        (members): Users => {
          const byName = new Map<string, Member>()
          const nameOf = new Map<string, string>()
          for (const m of members) {
            const name = segment(m.name, m.id ?? "unknown")
            byName.set(name, m)
            if (m.id !== undefined) nameOf.set(m.id, name)
          }
          return { byName, nameOf }
        },
      ),
    )

  /** User names for message lines and DM folders; a token without users:read just goes without. */
  const userNames = (op: string, path: string) =>
    users(op, path).pipe(
      Effect.map((u) => u.nameOf),
      Effect.catchIf(
        (e) => e.reason === "PermissionDenied" && e.detail?.startsWith("missing_scope") === true,
        () => Effect.succeed(new Map<string, string>()),
      ),
    )

  const conversations = (section: Section, op: string, path: string) =>
    section === "channels"
      ? channelMemo.get(
          "channels",
          Effect.map(
            all(
              op,
              path,
              (c, cursor) => c.conversations.list({ types: "public_channel,private_channel", limit: PAGE, cursor }),
              (p) => p.channels,
            ),
            (list) => new Map(list.map((c): [string, Conversation] => [segment(c.name, c.id ?? "unknown"), c])),
          ),
        )
      : dmMemo.get(
          "dms",
          Effect.gen(function* () {
            const ims = yield* all(
              op,
              path,
              (c, cursor) => c.conversations.list({ types: "im", limit: PAGE, cursor }),
              (p) => p.channels,
            )
            const names = yield* userNames(op, path)
            return new Map(
              ims.map((c): [string, Conversation] => {
                const user = c.user ?? c.id ?? "unknown"
                return [segment(names.get(user), user), c]
              }),
            )
          }),
        )

  const conversation = (section: Section, name: string, op: string, path: string) =>
    Effect.flatMap(conversations(section, op, path), (map) => {
      const c = map.get(name)
      return c?.id === undefined
        ? Effect.fail(new VfsError({ reason: "NotFound", op, path }))
        : Effect.succeed({ ...c, id: c.id })
    })

  /** Top-level messages of `[oldest, latest]`, newest first as the API gives them. */
  const history = (id: string, op: string, path: string, oldest?: string, latest?: string) =>
    Effect.map(
      all(
        op,
        path,
        (c, cursor) =>
          c.conversations.history({
            channel: id,
            limit: PAGE,
            cursor,
            oldest,
            latest,
            inclusive: latest !== undefined,
          }),
        (p): ReadonlyArray<Message> | undefined => p.messages,
      ),
      (messages) => messages.filter((m) => m.ts !== undefined && !isReply(m)),
    )

  /** Which days a conversation has messages on (the whole history, paginated). */
  const index = (id: string, op: string, path: string) =>
    indexMemo.get(
      id,
      Effect.map(history(id, op, path), (messages) => Days.summarize(messages, days.dayOf)),
    )

  /** One day's top-level messages, oldest first. */
  const dayMessages = (id: string, day: string, op: string, path: string) => {
    const [oldest, latest] = days.bounds(day)
    return Effect.map(history(id, op, path, oldest, latest), (messages) =>
      messages.filter((m) => days.dayOf(m.ts ?? "0") === day).sort((a, b) => Days.compareTs(a.ts ?? "0", b.ts ?? "0")),
    )
  }

  const daySummary = (id: string, day: string, op: string, path: string) => {
    const known = indexMemo.peek(id)
    if (known !== undefined) return Effect.succeed(known.get(day))
    return Effect.map(dayMessages(id, day, op, path), (messages) => Days.summarize(messages, days.dayOf).get(day))
  }

  const dirStat = (mtime: number): FileStat => ({ type: "directory", size: 4096, mtime, mode: 0o555 })
  const notFound = (op: string, path: string) => Effect.fail(new VfsError({ reason: "NotFound", op, path }))

  const userJson = (member: Member): Uint8Array => encoder.encode(JSON.stringify(member, null, 2) + "\n")

  const user = (name: string, op: string, path: string) =>
    Effect.flatMap(users(op, path), (u) => {
      const m = u.byName.get(name)
      return m === undefined ? notFound(op, path) : Effect.succeed(m)
    })

  const conversationStat = (c: Conversation): FileStat =>
    dirStat(timeOf(c.updated) ?? secondsToMs(c.created) ?? createdAt)

  const userStat = (m: Member): FileStat => ({
    type: "file",
    size: userJson(m).length,
    mtime: secondsToMs(m.updated) ?? createdAt,
    mode: 0o444,
    etag: m.updated === undefined ? undefined : String(m.updated),
  })

  /** The size is known once the day has been read at this version. */
  const dayStat = (id: string, day: string, summary: Days.Summary): FileStat => {
    const known = knownSizes.get(`${id}/${day}`)
    const size = known?.version === summary.version ? known.size : null
    return { type: "file", size, mtime: summary.mtime, mode: 0o444, etag: summary.version }
  }

  const statNode = (node: Node, op: string, path: string): Effect.Effect<FileStat, VfsError> => {
    switch (node.kind) {
      case "root":
      case "section":
        return Effect.succeed(dirStat(createdAt))
      case "conversation":
        return Effect.map(conversation(node.section, node.name, op, path), conversationStat)
      case "day":
        return Effect.gen(function* () {
          const c = yield* conversation(node.section, node.name, op, path)
          const summary = yield* daySummary(c.id, node.day, op, path)
          if (summary === undefined) return yield* notFound(op, path)
          return dayStat(c.id, node.day, summary)
        })
      case "user":
        return Effect.map(user(node.name, op, path), userStat)
      case "below":
        return Effect.flatMap(statNode(parse(node.leaf), op, path), () =>
          Effect.fail(new VfsError({ reason: "NotADirectory", op, path })),
        )
      case "missing":
        return notFound(op, path)
    }
  }

  const stat = (path: string) => statNode(parse(path), "stat", path)

  const list = (path: string): Effect.Effect<ReadonlyArray<DirEntry>, VfsError> => {
    const node = parse(path)
    const entries = <A>(
      map: ReadonlyMap<string, A>,
      name: (key: string) => string,
      stat: (a: A, key: string) => FileStat,
    ) =>
      Array.from(map, ([key, a]): DirEntry => {
        const st = stat(a, key)
        return { name: name(key), type: st.type, stat: st }
      })
    switch (node.kind) {
      case "root":
        return Effect.succeed(SECTIONS.map((name): DirEntry => ({ name, type: "directory", stat: dirStat(createdAt) })))
      case "section":
        if (node.section === "users")
          return Effect.map(users("list", path), (u) => entries(u.byName, (name) => `${name}.json`, userStat))
        return Effect.map(conversations(node.section, "list", path), (map) =>
          entries(map, (name) => name, conversationStat),
        )
      case "conversation":
        return Effect.gen(function* () {
          const c = yield* conversation(node.section, node.name, "list", path)
          const summaries = yield* index(c.id, "list", path)
          return entries(
            summaries,
            (day) => `${day}.jsonl`,
            (summary, day) => dayStat(c.id, day, summary),
          )
        })
      default:
        return Effect.flatMap(statNode(node, "list", path), () =>
          Effect.fail(new VfsError({ reason: "NotADirectory", op: "list", path })),
        )
    }
  }

  /** A parent line followed by its replies' lines. */
  const threadText = (id: string, parent: Message, names: ReadonlyMap<string, string>, path: string) => {
    const line = (m: Message) => {
      const name = m.user === undefined ? undefined : names.get(m.user)
      return JSON.stringify(name === undefined ? m : { ...m, user_name: name }) + "\n"
    }
    if ((parent.reply_count ?? 0) === 0 || parent.ts === undefined) return Effect.succeed(line(parent))
    const ts = parent.ts
    return Effect.map(
      all(
        "read",
        path,
        (c, cursor) => c.conversations.replies({ channel: id, ts, limit: PAGE, cursor }),
        (p): ReadonlyArray<Message> | undefined => p.messages,
      ),
      (replies) =>
        line(parent) +
        replies
          .filter((r) => r.ts !== ts)
          .sort((a, b) => Days.compareTs(a.ts ?? "0", b.ts ?? "0"))
          .map(line)
          .join(""),
    )
  }

  const readDay = (section: Section, name: string, day: string, path: string, range?: ByteRange) =>
    Effect.gen(function* () {
      const c = yield* conversation(section, name, "read", path)
      const messages = yield* dayMessages(c.id, day, "read", path)
      if (messages.length === 0) return yield* notFound("read", path)
      const names = yield* userNames("read", path)
      const version = Days.summarize(messages, days.dayOf).get(day)?.version ?? ""
      let size = 0
      const bytes = chunked(
        Stream.fromIterable(messages).pipe(Stream.mapEffect((m) => threadText(c.id, m, names, path))),
        CHUNK_CHARS,
      ).pipe(
        Stream.map((chunk) => {
          size += chunk.length
          return chunk
        }),
        Stream.onEnd(
          Effect.sync(() => {
            if (range !== undefined) return
            const key = `${c.id}/${day}`
            knownSizes.delete(key)
            knownSizes.set(key, { version, size })
            if (knownSizes.size > MAX_KNOWN_SIZES) knownSizes.delete(knownSizes.keys().next().value ?? key)
          }),
        ),
      )
      return slice(bytes, range)
    })

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> => {
    const node = parse(path)
    switch (node.kind) {
      case "day":
        return Stream.unwrap(readDay(node.section, node.name, node.day, path, range))
      case "user":
        return Stream.unwrap(
          Effect.map(user(node.name, "read", path), (m) => slice(Stream.succeed(userJson(m)), range)),
        )
      default:
        return Stream.unwrap(
          Effect.flatMap(statNode(node, "read", path), () =>
            Effect.fail(new VfsError({ reason: "IsADirectory", op: "read", path })),
          ),
        )
    }
  }

  return readOnly({ kind: "slack", stat, lstat: stat, list, read })
}

/**
 * A Slack resource without the cache (see `SlackResource` for the tree).
 * Throws a `RangeError` at once for an unknown `timezone`.
 */
export const make = (options: SlackOptions): Resource => makeResource(primitives(options))

/** The cache id: the API URL, a fingerprint of the token (never the token) and the time zone. */
const cacheId = (options: SlackOptions): string => {
  const token = Redacted.isRedacted(options.apiKey) ? Redacted.value(options.apiKey) : options.apiKey
  const fingerprint = createHash("sha256").update(token).digest("hex").slice(0, 12)
  return `slack:${options.baseUrl ?? DEFAULT_BASE_URL}#${fingerprint}@${options.timezone ?? "UTC"}`
}

/**
 * A Slack workspace mounted read-only: channels and DMs as day files of JSON
 * lines, users as JSON files.
 *
 * @example
 * const ws = new Workspace({ "/slack": new SlackResource({ apiKey: process.env.SLACK_TOKEN ?? "" }) })
 * await ws.execute("grep -c alert /slack/channels/general/*.jsonl")
 */
export class SlackResource extends ResourceBase {
  constructor(options: SlackOptions) {
    super(Cache.wrap(make(options), cacheId(options), options.cache))
  }
}

/** A namespace with a Slack resource (cached as `options.cache` says) mounted read-only at `prefix`. */
export const layer = (options: SlackOptions, prefix = "/slack"): Layer.Layer<Namespace> =>
  Namespace.layer([{ prefix, resource: new SlackResource(options), mode: MountMode.READ }])
