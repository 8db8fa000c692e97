import { Effect, Stream } from "effect"
import type { ByteRange, DirEntry, FileStat, Primitives } from "../../vfs/Resource.ts"
import { readOnly } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { Client } from "./api.ts"
import { at, isRecord, PAGE, pageOf, str } from "./api.ts"
import type { Head, Known, Node, Team } from "./files.ts"
import { chunks, dirStat, fileStat, hash, headOf, Memo, parse, render, SECTIONS, slug, timeOf } from "./files.ts"
import * as Q from "./queries.ts"

/**
 * The Linear workspace as a read-only tree (see `LinearResource` for the
 * layout), plus the two writes Linear takes through the `linear` command.
 */

/** A new issue, as `linear issue create` asks for it. */
export interface IssueInput {
  /** The team's key, in any case ("ENG", "eng"). */
  readonly team: string
  readonly title: string
  /** Markdown. */
  readonly description?: string | undefined
}

/** An issue just created. */
export interface CreatedIssue {
  readonly identifier: string
  readonly url: string
  /** Its file, relative to the resource ("/teams/eng/issues/ENG-31.json"). */
  readonly path: string
}

/** A new comment on an issue named by its identifier ("ENG-12"). */
export interface CommentInput {
  readonly issue: string
  /** Markdown. */
  readonly body: string
}

/** A comment just created. */
export interface CreatedComment {
  readonly id: string
  readonly url: string
  /** The issue's identifier. */
  readonly issue: string
}

/** The tree's primitives and the writes, over one client. */
export interface Backend {
  readonly primitives: Primitives
  readonly createIssue: (input: IssueInput) => Effect.Effect<CreatedIssue, VfsError>
  readonly createComment: (input: CommentInput) => Effect.Effect<CreatedComment, VfsError>
}

const notFound = (op: string, path: string, detail?: string) =>
  Effect.fail(new VfsError({ reason: "NotFound", op, path, detail }))

/** Sizes of issue files already read, valid while the issue's version is unchanged. */
const MAX_KNOWN_SIZES = 4096

/** The backend over `client`; lookups (teams, project and cycle lists) are remembered for `lookupTtl` ms. */
export const makeBackend = (client: Client, lookupTtl: number): Backend => {
  const createdAt = Date.now()
  const teams = new Memo<Team | undefined>(lookupTtl)
  const projects = new Memo<ReadonlyMap<string, Known>>(lookupTtl)
  const cycles = new Memo<ReadonlyMap<string, Known>>(lookupTtl)
  const knownSizes = new Map<string, { readonly etag: string; readonly size: number }>()

  const known = (value: unknown, updatedAt: string | undefined): Known => {
    const bytes = render(value)
    return { bytes, mtime: timeOf(updatedAt, createdAt), etag: hash(bytes) }
  }

  /** Every node of `team(id).field` after the first page `first` (or from the start). */
  const rest = (
    op: string,
    path: string,
    parent: "team" | "issue",
    id: string,
    field: string,
    selection: string,
    first?: unknown,
  ) =>
    client.drain(
      op,
      path,
      Q.pageQuery(parent, field, selection),
      { id },
      (data) => at(data, parent, field),
      first === undefined ? undefined : pageOf(first),
    )

  const lookupTeam = (dir: string, op: string, path: string): Effect.Effect<Team | undefined, VfsError> =>
    teams.get(
      dir,
      Effect.gen(function* () {
        const data = yield* client.request(op, path, Q.TEAM_BY_KEY, { key: dir, first: PAGE })
        const node = pageOf(at(data, "teams")).nodes[0]
        const id = str(node, "id")
        const key = str(node, "key")
        if (!isRecord(node) || id === undefined || key === undefined || key.toLowerCase() !== dir) return undefined
        const states = yield* rest(op, path, "team", id, "states", Q.STATE_FIELDS, node.states)
        const labels = yield* rest(op, path, "team", id, "labels", Q.LABEL_FIELDS, node.labels)
        return { ...known({ ...node, states, labels }, str(node, "updatedAt")), id, key }
      }),
    )

  const team = (dir: string, op: string, path: string): Effect.Effect<Team, VfsError> =>
    Effect.flatMap(lookupTeam(dir, op, path), (t) => (t === undefined ? notFound(op, path) : Effect.succeed(t)))

  /** A team's projects by file name (without ".json"); names that collide as slugs get the project's slugId. */
  const projectFiles = (t: Team, dir: string, op: string, path: string) =>
    projects.get(
      dir,
      Effect.map(rest(op, path, "team", t.id, "projects", Q.PROJECT_FIELDS), (nodes) => {
        const base = (n: unknown) => slug(str(n, "name") ?? "") || (str(n, "slugId") ?? str(n, "id") ?? "project")
        const uses = new Map<string, number>()
        for (const n of nodes) uses.set(base(n), (uses.get(base(n)) ?? 0) + 1)
        const files = new Map<string, Known>()
        for (const n of nodes) {
          const b = base(n)
          const name = (uses.get(b) ?? 0) > 1 ? `${b}-${str(n, "slugId") ?? str(n, "id") ?? ""}` : b
          files.set(name, known(n, str(n, "updatedAt")))
        }
        return files
      }),
    )

  const cycleFiles = (t: Team, dir: string, op: string, path: string) =>
    cycles.get(
      dir,
      Effect.map(rest(op, path, "team", t.id, "cycles", Q.CYCLE_FIELDS), (nodes) => {
        const files = new Map<string, Known>()
        for (const n of nodes) {
          const number = at(n, "number")
          if (typeof number === "number" && Number.isInteger(number))
            files.set(String(number), known(n, str(n, "updatedAt")))
        }
        return files
      }),
    )

  const entries = (node: { readonly dir: string; readonly section: "projects" | "cycles" }, op: string, path: string) =>
    Effect.flatMap(team(node.dir, op, path), (t) =>
      node.section === "projects" ? projectFiles(t, node.dir, op, path) : cycleFiles(t, node.dir, op, path),
    )

  const entry = (node: Extract<Node, { kind: "entry" }>, op: string, path: string) =>
    Effect.flatMap(entries(node, op, path), (files) => {
      const file = files.get(node.name)
      return file === undefined ? notFound(op, path) : Effect.succeed(file)
    })

  const issueHeads = (t: Team, op: string, path: string) =>
    Effect.map(rest(op, path, "team", t.id, "issues", Q.ISSUE_HEAD), (nodes) =>
      nodes.flatMap((n) => {
        const identifier = str(n, "identifier")
        if (identifier === undefined || identifier.includes("/")) return []
        return [headOf(identifier, str(n, "updatedAt"), str(pageOf(at(n, "comments")).nodes[0], "updatedAt"))]
      }),
    )

  /** The issue behind `identifier`, when it is this team's issue under that very identifier (not a moved one). */
  const issueQuery = (
    t: Team,
    identifier: string,
    query: string,
    variables: Readonly<Record<string, unknown>>,
    op: string,
    path: string,
  ) =>
    Effect.gen(function* () {
      const prefix = `${t.key}-`
      if (!identifier.startsWith(prefix) || !/^[1-9][0-9]*$/.test(identifier.slice(prefix.length)))
        return yield* notFound(op, path)
      const issue = at(yield* client.request(op, path, query, { ...variables, id: identifier }), "issue")
      if (!isRecord(issue) || str(issue, "identifier") !== identifier || str(issue, "team", "key") !== t.key)
        return yield* notFound(op, path)
      return issue
    })

  const sizeOf = (head: Head): number | null => {
    const k = knownSizes.get(head.identifier)
    return k !== undefined && k.etag === head.etag ? k.size : null
  }

  const issueStat = (head: Head): FileStat => fileStat(sizeOf(head), head.mtime, head.etag)

  const issueBytes = (dir: string, identifier: string, op: string, path: string) =>
    Effect.gen(function* () {
      const t = yield* team(dir, op, path)
      const issue = yield* issueQuery(t, identifier, Q.ISSUE, { first: PAGE }, op, path)
      const id = str(issue, "id") ?? identifier
      const labels = yield* rest(op, path, "issue", id, "labels", Q.LABEL_FIELDS, issue.labels)
      const comments = yield* rest(op, path, "issue", id, "comments", Q.COMMENT_FIELDS, issue.comments)
      comments.sort((a, b) => timeOf(str(a, "createdAt"), 0) - timeOf(str(b, "createdAt"), 0))
      const latest = comments.map((c) => str(c, "updatedAt") ?? "").reduce((a, b) => (b > a ? b : a), "")
      const head = headOf(identifier, str(issue, "updatedAt"), latest === "" ? undefined : latest)
      const bytes = render({ ...issue, labels, comments })
      knownSizes.delete(identifier)
      knownSizes.set(identifier, { etag: head.etag, size: bytes.length })
      if (knownSizes.size > MAX_KNOWN_SIZES) knownSizes.delete(knownSizes.keys().next().value ?? identifier)
      return bytes
    })

  const statNode = (node: Node, op: string, path: string): Effect.Effect<FileStat, VfsError> => {
    switch (node.kind) {
      case "root":
      case "teams":
        return Effect.succeed(dirStat(createdAt))
      case "team":
      case "section":
        return Effect.map(team(node.dir, op, path), (t) => dirStat(t.mtime))
      case "teamJson":
        return Effect.map(team(node.dir, op, path), (t) => fileStat(t.bytes.length, t.mtime, t.etag))
      case "entry":
        return Effect.map(entry(node, op, path), (f) => fileStat(f.bytes.length, f.mtime, f.etag))
      case "issue":
        return Effect.gen(function* () {
          const t = yield* team(node.dir, op, path)
          const issue = yield* issueQuery(t, node.identifier, Q.ISSUE_HEAD_BY_ID, {}, op, path)
          const latest = str(pageOf(issue.comments).nodes[0], "updatedAt")
          return issueStat(headOf(node.identifier, str(issue, "updatedAt"), latest))
        })
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
    const op = "list"
    switch (node.kind) {
      case "root":
        return Effect.succeed([{ name: "teams", type: "directory", stat: dirStat(createdAt) }])
      case "teams":
        return Effect.map(
          client.drain(op, path, Q.TEAMS, {}, (data) => at(data, "teams")),
          (nodes) =>
            nodes.flatMap((n): Array<DirEntry> => {
              const key = str(n, "key")
              if (key === undefined || key === "" || key.includes("/")) return []
              return [
                { name: key.toLowerCase(), type: "directory", stat: dirStat(timeOf(str(n, "updatedAt"), createdAt)) },
              ]
            }),
        )
      case "team":
        return Effect.map(team(node.dir, op, path), (t): Array<DirEntry> => [
          { name: "team.json", type: "file", stat: fileStat(t.bytes.length, t.mtime, t.etag) },
          ...SECTIONS.map((name): DirEntry => ({ name, type: "directory", stat: dirStat(t.mtime) })),
        ])
      case "section":
        if (node.section === "issues")
          return Effect.flatMap(team(node.dir, op, path), (t) =>
            Effect.map(issueHeads(t, op, path), (heads) =>
              heads.map((h): DirEntry => ({ name: `${h.identifier}.json`, type: "file", stat: issueStat(h) })),
            ),
          )
        return Effect.map(entries({ dir: node.dir, section: node.section }, op, path), (files) =>
          Array.from(files, ([name, f]): DirEntry => ({
            name: `${name}.json`,
            type: "file",
            stat: fileStat(f.bytes.length, f.mtime, f.etag),
          })),
        )
      default:
        return Effect.flatMap(statNode(node, op, path), () =>
          Effect.fail(new VfsError({ reason: "NotADirectory", op, path })),
        )
    }
  }

  const read = (path: string, range?: ByteRange): Stream.Stream<Uint8Array, VfsError> => {
    const node = parse(path)
    const op = "read"
    switch (node.kind) {
      case "teamJson":
        return Stream.unwrap(Effect.map(team(node.dir, op, path), (t) => chunks(t.bytes, range)))
      case "entry":
        return Stream.unwrap(Effect.map(entry(node, op, path), (f) => chunks(f.bytes, range)))
      case "issue":
        return Stream.unwrap(Effect.map(issueBytes(node.dir, node.identifier, op, path), (b) => chunks(b, range)))
      default:
        return Stream.unwrap(
          Effect.flatMap(statNode(node, op, path), () =>
            Effect.fail(new VfsError({ reason: "IsADirectory", op, path })),
          ),
        )
    }
  }

  /** Drop what the resource remembers of a team, so a new issue or comment shows at once. */
  const forget = (dir: string) =>
    Effect.sync(() => {
      teams.delete(dir)
      projects.delete(dir)
      cycles.delete(dir)
    })

  const createIssue = (input: IssueInput): Effect.Effect<CreatedIssue, VfsError> =>
    Effect.gen(function* () {
      const dir = input.team.toLowerCase()
      const path = `/teams/${dir}`
      const t = yield* lookupTeam(dir, "create", path)
      if (t === undefined) return yield* notFound("create", path, `no team with key '${input.team}'`)
      const variables = { input: { teamId: t.id, title: input.title, description: input.description } }
      const data = yield* client.request("create", path, Q.ISSUE_CREATE, variables)
      const identifier = str(data, "issueCreate", "issue", "identifier")
      const url = str(data, "issueCreate", "issue", "url")
      yield* forget(dir)
      if (identifier === undefined || url === undefined)
        return yield* Effect.fail(new VfsError({ reason: "Backend", op: "create", path, detail: "issueCreate failed" }))
      return { identifier, url, path: `${path}/issues/${identifier}.json` }
    })

  const createComment = (input: CommentInput): Effect.Effect<CreatedComment, VfsError> =>
    Effect.gen(function* () {
      const m = /^([A-Za-z0-9]+)-[1-9][0-9]*$/.exec(input.issue)
      const dir = (m?.[1] ?? "").toLowerCase()
      const path = `/teams/${dir}/issues/${input.issue}.json`
      if (m === null) return yield* notFound("comment", path, `no issue '${input.issue}'`)
      const issue = at(yield* client.request("comment", path, Q.ISSUE_HEAD_BY_ID, { id: input.issue }), "issue")
      const id = str(issue, "id")
      const identifier = str(issue, "identifier") ?? input.issue
      if (id === undefined) return yield* notFound("comment", path, `no issue '${input.issue}'`)
      const data = yield* client.request("comment", path, Q.COMMENT_CREATE, {
        input: { issueId: id, body: input.body },
      })
      yield* forget((str(issue, "team", "key") ?? dir).toLowerCase())
      const commentId = str(data, "commentCreate", "comment", "id")
      const url = str(data, "commentCreate", "comment", "url")
      if (commentId === undefined || url === undefined)
        return yield* Effect.fail(
          new VfsError({ reason: "Backend", op: "comment", path, detail: "commentCreate failed" }),
        )
      return { id: commentId, url, issue: identifier }
    })

  const primitives: Primitives = readOnly({ kind: "linear", stat, lstat: stat, list, read })

  return { primitives, createIssue, createComment }
}
