import { GraphQLError } from "graphql"
import type { GraphQLSchema } from "graphql"
import { schema } from "./linear-schema.ts"
import { uuid } from "./linear-seed.ts"
import type { Seed, SeedComment, SeedCycle, SeedIssue, SeedProject, SeedTeam, SeedUser } from "./linear-seed.ts"

/**
 * The Linear emulator's GraphQL side: a subset of Linear's schema (same type
 * and field names) and resolvers over the seed data, executed for real by
 * `graphql-js`, so a misspelt field in the resource's queries fails here as
 * it would against Linear.
 */

type Args = Readonly<Record<string, unknown>>

/** A JSON object, read without trusting its shape. */
export const isRecord = (u: unknown): u is Readonly<Record<string, unknown>> => typeof u === "object" && u !== null

const PRIORITY = ["No priority", "Urgent", "High", "Medium", "Low"]

/** A GraphQL error shaped as Linear shapes them (the SDK reads `extensions.type`). */
const linearError = (message: string, type: string, code: string, userPresentableMessage: string): GraphQLError =>
  new GraphQLError(message, { extensions: { type, code, userError: true, userPresentableMessage } })

const notFound = (entity: string) =>
  linearError(`Entity not found: ${entity}`, "invalid input", "INPUT_ERROR", `Could not find referenced ${entity}.`)

const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

/** The schema, its root resolvers, and the data operations the emulator offers tests. */
export interface Graph {
  readonly schema: GraphQLSchema
  readonly rootValue: Readonly<Record<string, unknown>>
  /** Add a comment as someone else would, outside Mirage. */
  readonly addComment: (identifier: string, body: string) => void
}

/**
 * Resolvers over `data` (mutated by the mutations). Connections return at
 * most `pageSize` nodes whatever `first` asks, so clients must paginate.
 */
export const makeGraph = (data: Seed, pageSize: number): Graph => {
  let syncId = 1000

  /**
   * One page of `items` after the node whose id is `after`: newest first by
   * `orderBy` for items with times, in their own order (a team's states by
   * position) otherwise.
   */
  const connection = <T extends { readonly id: string }>(
    items: ReadonlyArray<T>,
    args: Args,
    render: (item: T) => unknown,
    time?: (item: T, field: "createdAt" | "updatedAt") => string,
  ) => {
    const field = args.orderBy === "updatedAt" ? "updatedAt" : "createdAt"
    const sorted =
      time === undefined
        ? items
        : [...items].sort((a, b) => time(b, field).localeCompare(time(a, field)) || b.id.localeCompare(a.id))
    let start = 0
    if (typeof args.after === "string") {
      const i = sorted.findIndex((x) => x.id === args.after)
      if (i < 0)
        throw linearError("Invalid cursor", "invalid input", "INPUT_ERROR", "The pagination cursor is invalid.")
      start = i + 1
    }
    const first = typeof args.first === "number" ? args.first : 50
    if (first < 0 || first > 250)
      throw linearError("first must be between 0 and 250", "invalid input", "INPUT_ERROR", "Invalid page size.")
    const nodes = sorted.slice(start, start + Math.min(first, pageSize))
    const last = nodes.at(-1)
    return {
      nodes: nodes.map(render),
      pageInfo: {
        hasNextPage: start + nodes.length < sorted.length,
        hasPreviousPage: start > 0,
        startCursor: nodes[0]?.id ?? null,
        endCursor: last?.id ?? null,
      },
    }
  }
  const timed = <T extends { readonly createdAt: string; readonly updatedAt: string }>(
    item: T,
    field: "createdAt" | "updatedAt",
  ) => item[field]

  const userById = (id: string | null) => data.users.find((u) => u.id === id)
  const teamOf = (id: string): SeedTeam => {
    const team = data.teams.find((t) => t.id === id)
    if (team === undefined) throw notFound("Team")
    return team
  }
  const identifier = (issue: SeedIssue) => `${teamOf(issue.teamId).key}-${issue.number}`
  const issueUrl = (issue: SeedIssue) => {
    const slug = slugOf(issue.title)
    return `https://linear.app/mirage/issue/${identifier(issue)}${slug === "" ? "" : `/${slug}`}`
  }

  const userNode = (u: SeedUser | undefined) => (u === undefined ? null : { ...u, active: true })

  const teamNode = (t: SeedTeam) => ({
    ...t,
    displayName: t.name,
    issueCount: data.issues.filter((i) => i.teamId === t.id).length,
    archivedAt: null,
    states: (args: Args) => connection(t.states, args, (s) => ({ ...s, description: null })),
    labels: (args: Args) => connection(t.labels, args, (l) => ({ ...l, description: null })),
    members: (args: Args) => connection(data.users, args, userNode),
    issues: (args: Args) =>
      connection(
        data.issues.filter((i) => i.teamId === t.id),
        args,
        issueNode,
        timed,
      ),
    projects: (args: Args) =>
      connection(
        data.projects.filter((p) => p.teamIds.includes(t.id)),
        args,
        projectNode,
        timed,
      ),
    cycles: (args: Args) =>
      connection(
        data.cycles.filter((c) => c.teamId === t.id),
        args,
        cycleNode,
        timed,
      ),
  })

  const commentNode = (issue: SeedIssue) => (c: SeedComment) => ({
    ...c,
    url: `${issueUrl(issue)}#comment-${c.id.slice(-8)}`,
    editedAt: c.updatedAt === c.createdAt ? null : c.updatedAt,
    user: () => userNode(userById(c.userId)),
    issue: () => issueNode(issue),
  })

  const issueNode = (i: SeedIssue): Record<string, unknown> => {
    const team = teamOf(i.teamId)
    const state = team.states.find((s) => s.id === i.stateId) ?? team.states[0]
    return {
      ...i,
      identifier: identifier(i),
      priorityLabel: PRIORITY[i.priority] ?? "No priority",
      url: issueUrl(i),
      branchName: `${identifier(i).toLowerCase()}-${slugOf(i.title)}`,
      startedAt: state.type === "started" || state.type === "completed" ? i.updatedAt : null,
      completedAt: state.type === "completed" ? i.updatedAt : null,
      canceledAt: state.type === "canceled" ? i.updatedAt : null,
      archivedAt: null,
      state: { ...state, description: null },
      team: () => teamNode(team),
      assignee: () => userNode(userById(i.assigneeId)),
      creator: () => userNode(userById(i.creatorId)),
      project: () => {
        const p = data.projects.find((x) => x.id === i.projectId)
        return p === undefined ? null : projectNode(p)
      },
      cycle: () => {
        const c = data.cycles.find((x) => x.id === i.cycleId)
        return c === undefined ? null : cycleNode(c)
      },
      parent: () => {
        const p = data.issues.find((x) => x.id === i.parentId)
        return p === undefined ? null : issueNode(p)
      },
      labels: (args: Args) =>
        connection(
          team.labels.filter((l) => i.labelIds.includes(l.id)),
          args,
          (l) => ({ ...l, description: null }),
        ),
      comments: (args: Args) => connection(i.comments, args, commentNode(i), timed),
    }
  }

  const projectNode = (p: SeedProject) => ({
    ...p,
    url: `https://linear.app/mirage/project/${slugOf(p.name)}-${p.slugId}`,
    icon: null,
    color: "#bec2c8",
    priorityLabel: PRIORITY[p.priority] ?? "No priority",
    state: p.status.type,
    lead: () => userNode(userById(p.leadId)),
    startedAt: p.status.type === "started" || p.status.type === "completed" ? p.createdAt : null,
    completedAt: p.status.type === "completed" ? p.updatedAt : null,
    canceledAt: null,
    archivedAt: null,
  })

  const cycleNode = (c: SeedCycle) => {
    // A fixed "now" inside ENG's third cycle keeps the seed's answers stable.
    const now = Date.UTC(2026, 1, 10)
    const start = Date.parse(c.startsAt)
    const end = Date.parse(c.endsAt)
    return { ...c, isActive: start <= now && now < end, isFuture: now < start, isPast: end <= now }
  }

  const matches = (value: string, comparator: unknown): boolean => {
    if (!isRecord(comparator)) return true
    const c = comparator
    if (typeof c.eq === "string" && value !== c.eq) return false
    if (typeof c.neq === "string" && value === c.neq) return false
    if (typeof c.eqIgnoreCase === "string" && value.toLowerCase() !== c.eqIgnoreCase.toLowerCase()) return false
    if (Array.isArray(c.in) && !c.in.includes(value)) return false
    if (Array.isArray(c.nin) && c.nin.includes(value)) return false
    if (typeof c.contains === "string" && !value.includes(c.contains)) return false
    if (typeof c.startsWith === "string" && !value.startsWith(c.startsWith)) return false
    return true
  }
  const teamMatches = (t: SeedTeam, filter: unknown): boolean => {
    if (!isRecord(filter)) return true
    if (!matches(t.id, filter.id) || !matches(t.key, filter.key) || !matches(t.name, filter.name)) return false
    if (Array.isArray(filter.and) && !filter.and.every((f) => teamMatches(t, f))) return false
    if (Array.isArray(filter.or) && !filter.or.some((f) => teamMatches(t, f))) return false
    return true
  }

  const findIssue = (id: string): SeedIssue => {
    const issue = data.issues.find((i) => i.id === id || identifier(i).toLowerCase() === id.toLowerCase())
    if (issue === undefined) throw notFound("Issue")
    return issue
  }

  const rootValue = {
    teams: (args: Args) =>
      connection(
        data.teams.filter((t) => teamMatches(t, args.filter)),
        args,
        teamNode,
        timed,
      ),
    team: (args: Args) => {
      const team = data.teams.find((t) => t.id === args.id || t.key === args.id)
      if (team === undefined) throw notFound("Team")
      return teamNode(team)
    },
    issue: (args: Args) => issueNode(findIssue(String(args.id))),
    viewer: () => userNode(data.users[0]),
    issueCreate: (args: Args) => {
      const input = isRecord(args.input) ? args.input : {}
      const team = teamOf(String(input.teamId))
      const title = typeof input.title === "string" ? input.title.trim() : ""
      if (title === "")
        throw linearError("Argument Validation Error", "invalid input", "INPUT_ERROR", "Title cannot be empty.")
      const now = new Date().toISOString()
      const number = Math.max(0, ...data.issues.filter((i) => i.teamId === team.id).map((i) => i.number)) + 1
      const issue: SeedIssue = {
        id: uuid(10, ++syncId),
        teamId: team.id,
        number,
        title,
        description: typeof input.description === "string" ? input.description : null,
        priority: typeof input.priority === "number" ? input.priority : 0,
        estimate: null,
        stateId: (team.states.find((s) => s.type === "unstarted") ?? team.states[0]).id,
        assigneeId: null,
        creatorId: data.users[0].id,
        labelIds: [],
        projectId: null,
        cycleId: null,
        parentId: null,
        dueDate: null,
        createdAt: now,
        updatedAt: now,
        comments: [],
      }
      data.issues.push(issue)
      return { success: true, lastSyncId: syncId, issue: issueNode(issue) }
    },
    commentCreate: (args: Args) => {
      const input = isRecord(args.input) ? args.input : {}
      if (typeof input.issueId !== "string") throw notFound("Issue")
      const issue = findIssue(input.issueId)
      const body = typeof input.body === "string" ? input.body : ""
      if (body.trim() === "")
        throw linearError("Argument Validation Error", "invalid input", "INPUT_ERROR", "Comment body cannot be empty.")
      const now = new Date().toISOString()
      const comment: SeedComment = {
        id: uuid(11, ++syncId),
        body,
        userId: data.users[0].id,
        createdAt: now,
        updatedAt: now,
      }
      issue.comments.push(comment)
      return { success: true, lastSyncId: syncId, comment: commentNode(issue)(comment) }
    },
  }

  const addComment = (id: string, body: string) => {
    const issue = findIssue(id)
    const now = new Date().toISOString()
    issue.comments.push({ id: uuid(11, ++syncId), body, userId: data.users[1].id, createdAt: now, updatedAt: now })
  }

  return { schema, rootValue, addComment }
}
