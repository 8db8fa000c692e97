import { PAGE_INFO } from "./api.ts"

/**
 * The GraphQL operations the Linear resource sends, each small and fetching
 * only what a file shows. Connections nested in an object come with their
 * first page; `pageQuery` fetches the pages after it.
 */

const USER = "id name displayName email"

export const STATE_FIELDS = "id name type color position"
export const LABEL_FIELDS = "id name color"

/** What `team.json` shows, with the first page of states and labels. */
export const TEAM_FIELDS = `id key name displayName description color icon private timezone cyclesEnabled issueCount createdAt updatedAt
  states(first: $first) { nodes { ${STATE_FIELDS} } ${PAGE_INFO} }
  labels(first: $first) { nodes { ${LABEL_FIELDS} } ${PAGE_INFO} }`

/** A team by key, case-insensitively (a directory is named by the lower-case key). */
export const TEAM_BY_KEY = `query MirageTeam($key: String!, $first: Int!) {
  teams(first: 1, filter: { key: { eqIgnoreCase: $key } }) { nodes { ${TEAM_FIELDS} } }
}`

/** Every team the key can read: names for `/teams`. */
export const TEAMS = `query MirageTeams($first: Int!, $after: String) {
  teams(first: $first, after: $after) { nodes { id key name updatedAt } ${PAGE_INFO} }
}`

/**
 * What a listing knows of an issue: enough for its name, time and version.
 * The most recently updated comment makes a new or edited comment change the
 * version even where the issue's own `updatedAt` does not move.
 */
export const ISSUE_HEAD = "identifier updatedAt comments(first: 1, orderBy: updatedAt) { nodes { updatedAt } }"

export const ISSUE_HEAD_BY_ID = `query MirageIssueHead($id: String!) {
  issue(id: $id) { id ${ISSUE_HEAD} team { key } }
}`

export const COMMENT_FIELDS = `id body url createdAt updatedAt editedAt user { ${USER} }`

/** What an issue file shows, with the first page of labels and comments. */
export const ISSUE = `query MirageIssue($id: String!, $first: Int!) {
  issue(id: $id) {
    id identifier number title description priority priorityLabel estimate url branchName dueDate
    createdAt updatedAt startedAt completedAt canceledAt archivedAt
    team { id key name }
    state { id name type color }
    assignee { ${USER} }
    creator { ${USER} }
    project { id name slugId }
    cycle { id number name }
    parent { id identifier title }
    labels(first: $first) { nodes { ${LABEL_FIELDS} } ${PAGE_INFO} }
    comments(first: $first) { nodes { ${COMMENT_FIELDS} } ${PAGE_INFO} }
  }
}`

export const PROJECT_FIELDS = `id name slugId url description content icon color priority priorityLabel progress
  status { id name type } lead { ${USER} }
  startDate targetDate startedAt completedAt canceledAt createdAt updatedAt`

export const CYCLE_FIELDS =
  "id number name description startsAt endsAt completedAt progress isActive isFuture isPast createdAt updatedAt"

/** The pages of `parent(id).field` after a cursor: `{ id, first, after }`. */
export const pageQuery = (parent: "team" | "issue", field: string, selection: string): string =>
  `query MiragePage($id: String!, $first: Int!, $after: String) {
  ${parent}(id: $id) { ${field}(first: $first, after: $after) { nodes { ${selection} } ${PAGE_INFO} } }
}`

export const ISSUE_CREATE = `mutation MirageIssueCreate($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { id identifier url } }
}`

export const COMMENT_CREATE = `mutation MirageCommentCreate($input: CommentCreateInput!) {
  commentCreate(input: $input) { success comment { id url } }
}`
