import { buildSchema } from "graphql"

/**
 * The part of Linear's GraphQL schema the emulator serves: the same type,
 * field and argument names as Linear's (checked against `@linear/sdk`'s
 * generated types), fewer of them.
 */

const SDL = /* GraphQL */ `
  scalar DateTime
  scalar TimelessDate
  enum PaginationOrderBy {
    createdAt
    updatedAt
  }
  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }
  input StringComparator {
    eq: String
    neq: String
    eqIgnoreCase: String
    in: [String!]
    nin: [String!]
    contains: String
    startsWith: String
  }
  input IdComparator {
    eq: ID
    neq: ID
    in: [ID!]
    nin: [ID!]
  }
  input TeamFilter {
    id: IdComparator
    key: StringComparator
    name: StringComparator
    and: [TeamFilter!]
    or: [TeamFilter!]
  }
  type User {
    id: ID!
    name: String!
    displayName: String!
    email: String!
    active: Boolean!
  }
  type UserConnection {
    nodes: [User!]!
    pageInfo: PageInfo!
  }
  type WorkflowState {
    id: ID!
    name: String!
    type: String!
    color: String!
    position: Float!
    description: String
  }
  type WorkflowStateConnection {
    nodes: [WorkflowState!]!
    pageInfo: PageInfo!
  }
  type IssueLabel {
    id: ID!
    name: String!
    color: String!
    description: String
  }
  type IssueLabelConnection {
    nodes: [IssueLabel!]!
    pageInfo: PageInfo!
  }
  type Team {
    id: ID!
    key: String!
    name: String!
    displayName: String!
    description: String
    color: String
    icon: String
    private: Boolean!
    timezone: String!
    cyclesEnabled: Boolean!
    issueCount: Int!
    createdAt: DateTime!
    updatedAt: DateTime!
    archivedAt: DateTime
    states(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): WorkflowStateConnection!
    labels(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): IssueLabelConnection!
    members(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): UserConnection!
    issues(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): IssueConnection!
    projects(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): ProjectConnection!
    cycles(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): CycleConnection!
  }
  type TeamConnection {
    nodes: [Team!]!
    pageInfo: PageInfo!
  }
  type Comment {
    id: ID!
    body: String!
    url: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    editedAt: DateTime
    user: User
    issue: Issue
  }
  type CommentConnection {
    nodes: [Comment!]!
    pageInfo: PageInfo!
  }
  type Issue {
    id: ID!
    identifier: String!
    number: Float!
    title: String!
    description: String
    priority: Float!
    priorityLabel: String!
    estimate: Float
    url: String!
    branchName: String!
    dueDate: TimelessDate
    createdAt: DateTime!
    updatedAt: DateTime!
    startedAt: DateTime
    completedAt: DateTime
    canceledAt: DateTime
    archivedAt: DateTime
    state: WorkflowState!
    team: Team!
    assignee: User
    creator: User
    project: Project
    cycle: Cycle
    parent: Issue
    labels(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): IssueLabelConnection!
    comments(first: Int, after: String, includeArchived: Boolean, orderBy: PaginationOrderBy): CommentConnection!
  }
  type IssueConnection {
    nodes: [Issue!]!
    pageInfo: PageInfo!
  }
  type ProjectStatus {
    id: ID!
    name: String!
    type: String!
  }
  type Project {
    id: ID!
    name: String!
    slugId: String!
    description: String!
    content: String
    url: String!
    icon: String
    color: String!
    priority: Int!
    priorityLabel: String!
    progress: Float!
    state: String!
    status: ProjectStatus!
    lead: User
    startDate: TimelessDate
    targetDate: TimelessDate
    startedAt: DateTime
    completedAt: DateTime
    canceledAt: DateTime
    createdAt: DateTime!
    updatedAt: DateTime!
    archivedAt: DateTime
  }
  type ProjectConnection {
    nodes: [Project!]!
    pageInfo: PageInfo!
  }
  type Cycle {
    id: ID!
    number: Float!
    name: String
    description: String
    startsAt: DateTime!
    endsAt: DateTime!
    completedAt: DateTime
    progress: Float!
    isActive: Boolean!
    isFuture: Boolean!
    isPast: Boolean!
    createdAt: DateTime!
    updatedAt: DateTime!
  }
  type CycleConnection {
    nodes: [Cycle!]!
    pageInfo: PageInfo!
  }
  type IssuePayload {
    success: Boolean!
    lastSyncId: Float!
    issue: Issue
  }
  type CommentPayload {
    success: Boolean!
    lastSyncId: Float!
    comment: Comment!
  }
  input IssueCreateInput {
    teamId: String!
    title: String
    description: String
    priority: Int
    assigneeId: String
    stateId: String
  }
  input CommentCreateInput {
    issueId: String
    body: String
    parentId: String
  }
  type Query {
    teams(
      first: Int
      after: String
      filter: TeamFilter
      includeArchived: Boolean
      orderBy: PaginationOrderBy
    ): TeamConnection!
    team(id: String!): Team!
    issue(id: String!): Issue!
    viewer: User!
  }
  type Mutation {
    issueCreate(input: IssueCreateInput!): IssuePayload!
    commentCreate(input: CommentCreateInput!): CommentPayload!
  }
`

/** The schema, built once. */
export const schema = buildSchema(SDL)
