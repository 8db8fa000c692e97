/**
 * The data the Linear emulator starts with: teams ENG and OPS, five users,
 * workflow states and labels per team, 30 issues (20 in ENG, 10 in OPS) with
 * 0 to 7 comments each, projects (two ENG names share a slug) and cycles.
 * Text includes accents, CJK and emoji. Everything is deterministic.
 */

export interface SeedUser {
  readonly id: string
  readonly name: string
  readonly displayName: string
  readonly email: string
}

export interface SeedState {
  readonly id: string
  readonly name: string
  readonly type: string
  readonly color: string
  readonly position: number
}

export interface SeedLabel {
  readonly id: string
  readonly name: string
  readonly color: string
}

export interface SeedTeam {
  readonly id: string
  readonly key: string
  readonly name: string
  readonly description: string | null
  readonly color: string
  readonly icon: string | null
  readonly private: boolean
  readonly timezone: string
  readonly cyclesEnabled: boolean
  readonly createdAt: string
  updatedAt: string
  readonly states: ReadonlyArray<SeedState>
  readonly labels: ReadonlyArray<SeedLabel>
}

export interface SeedComment {
  readonly id: string
  readonly body: string
  readonly userId: string
  readonly createdAt: string
  readonly updatedAt: string
}

export interface SeedIssue {
  readonly id: string
  readonly teamId: string
  readonly number: number
  readonly title: string
  readonly description: string | null
  readonly priority: number
  readonly estimate: number | null
  readonly stateId: string
  readonly assigneeId: string | null
  readonly creatorId: string | null
  readonly labelIds: ReadonlyArray<string>
  readonly projectId: string | null
  readonly cycleId: string | null
  readonly parentId: string | null
  readonly dueDate: string | null
  readonly createdAt: string
  updatedAt: string
  readonly comments: Array<SeedComment>
}

export interface SeedProject {
  readonly id: string
  readonly teamIds: ReadonlyArray<string>
  readonly name: string
  readonly slugId: string
  readonly description: string
  readonly content: string | null
  readonly status: { readonly id: string; readonly name: string; readonly type: string }
  readonly priority: number
  readonly progress: number
  readonly leadId: string | null
  readonly startDate: string | null
  readonly targetDate: string | null
  readonly createdAt: string
  readonly updatedAt: string
}

export interface SeedCycle {
  readonly id: string
  readonly teamId: string
  readonly number: number
  readonly name: string | null
  readonly description: string | null
  readonly startsAt: string
  readonly endsAt: string
  readonly completedAt: string | null
  readonly progress: number
  readonly createdAt: string
  readonly updatedAt: string
}

export interface Seed {
  readonly users: Array<SeedUser>
  readonly teams: Array<SeedTeam>
  readonly issues: Array<SeedIssue>
  readonly projects: Array<SeedProject>
  readonly cycles: Array<SeedCycle>
}

/** A UUID-shaped id, unique per `kind` and `n`. */
export const uuid = (kind: number, n: number): string =>
  `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`

/** An ISO time `minutes` after 2026-01-05T09:00:00Z. */
export const at = (minutes: number): string => new Date(Date.UTC(2026, 0, 5, 9, 0) + minutes * 60_000).toISOString()

const STATES: ReadonlyArray<readonly [string, string, string]> = [
  ["Backlog", "backlog", "#bec2c8"],
  ["Todo", "unstarted", "#e2e2e2"],
  ["In Progress", "started", "#f2c94c"],
  ["In Review", "started", "#0f783c"],
  ["Done", "completed", "#5e6ad2"],
  ["Canceled", "canceled", "#95a2b3"],
]

const ENG_TITLES = [
  "Login times out on slow networks",
  "Add dark mode ☾",
  "Crash when the résumé upload is empty",
  "Migrate CI to Node 24",
  "ユーザー設定ページの翻訳",
  "Flaky test: payments webhook",
  "Refactor the “quoted” parser",
  "Cache API responses 🚀",
  "Timeout in the nightly export job",
  "Document the GraphQL schema",
  "Emoji picker drops ZWJ sequences 👩‍💻",
  "Straße names sorted wrongly",
  "Upgrade to TypeScript 7",
  "Rate limiter ignores bursts",
  "Search results miss accented names (José)",
  "Remove the legacy billing page",
  "Profile photos stretched on Android",
  "Add audit log export",
  "Memory leak in the websocket pool",
  "Onboarding checklist copy 📝",
]

const OPS_TITLES = [
  "Rotate database credentials",
  "Disk usage alert on db-2",
  "Renew TLS certificates 🔒",
  "Set up on-call rota for März",
  "Backup restore drill",
  "Datacenter move: rack inventory",
  "Timeout talking to the payment gateway",
  "Patch kernel on edge nodes",
  "監視ダッシュボードの更新",
  "Retire the old VPN",
]

const COMMENT_TEXTS = [
  "I can reproduce this on staging.",
  "Looks good to me 👍",
  "Could this be the timeout we saw last week?",
  "Pushed a fix, please review.",
  "Merci, ça marche !",
  "確認しました。",
  "Blocked on the vendor — following up.",
  "Closing once the deploy is verified ✅",
]

const buildTeam = (
  kind: number,
  key: string,
  name: string,
  description: string | null,
  labels: ReadonlyArray<string>,
) => ({
  id: uuid(1, kind),
  key,
  name,
  description,
  color: kind === 1 ? "#5e6ad2" : "#f2994a",
  icon: kind === 1 ? "Cog" : null,
  private: false,
  timezone: kind === 1 ? "Europe/Paris" : "America/New_York",
  cyclesEnabled: true,
  createdAt: at(-10_000 + kind),
  updatedAt: at(-5_000 + kind),
  states: STATES.map(([stateName, type, color], i) => ({
    id: uuid(2, kind * 100 + i),
    name: stateName,
    type,
    color,
    position: i,
  })),
  labels: labels.map((labelName, i) => ({ id: uuid(3, kind * 100 + i), name: labelName, color: "#eb5757" })),
})

/** A fresh copy of the seed data (the emulator mutates it). */
export const seed = (): Seed => {
  const users: Array<SeedUser> = [
    ["Ada Lovelace", "ada"],
    ["Grace Hopper", "grace"],
    ["José Martínez", "jose"],
    ["山田太郎", "yamada"],
    ["Zoë Ångström", "zoe"],
  ].map(([name, handle], i) => ({ id: uuid(4, i + 1), name, displayName: handle, email: `${handle}@example.com` }))

  const eng = buildTeam(1, "ENG", "Engineering", "Builds the product ⚙️", ["bug", "feature", "tech-debt", "perf"])
  const ops = buildTeam(2, "OPS", "Operations", null, ["incident", "maintenance", "on-call"])

  const project = (
    n: number,
    team: SeedTeam,
    name: string,
    description: string,
    status: readonly [string, string],
    progress: number,
  ): SeedProject => ({
    id: uuid(5, n),
    teamIds: [team.id],
    name,
    slugId: `${(0xabc000 + n * 4099).toString(16)}d${n}`,
    description,
    content: n % 2 === 0 ? `# ${name}\n\nGoals and milestones.\n` : null,
    status: { id: uuid(6, n), name: status[0], type: status[1] },
    priority: n % 4,
    progress,
    leadId: users[n % users.length].id,
    startDate: "2026-01-05",
    targetDate: n % 3 === 0 ? null : "2026-06-30",
    createdAt: at(-4_000 + n),
    updatedAt: at(-1_000 + n),
  })
  const projects = [
    project(1, eng, "Mobile App Redesign", "A new look for iOS and Android", ["In Progress", "started"], 0.4),
    project(2, eng, "Données & Analytics", "Unifier les données 📊", ["Planned", "planned"], 0),
    project(3, eng, "API v2", "The next public API", ["In Progress", "started"], 0.25),
    project(4, eng, "API: v2", "Duplicate name, kept for the slug collision", ["Backlog", "backlog"], 0),
    project(5, ops, "Datacenter Migration", "Move everything to the new region", ["Completed", "completed"], 1),
  ]

  const cycles: Array<SeedCycle> = []
  const addCycles = (team: SeedTeam, count: number, base: number) => {
    for (let number = 1; number <= count; number++) {
      const start = Date.UTC(2026, 0, 5) + (number - 1) * 14 * 86_400_000
      cycles.push({
        id: uuid(7, base + number),
        teamId: team.id,
        number,
        name: number === 2 ? "Sprint café ☕" : null,
        description: number === 1 ? "Kick-off" : null,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 14 * 86_400_000).toISOString(),
        completedAt: number < 3 ? new Date(start + 14 * 86_400_000).toISOString() : null,
        progress: number < 3 ? 1 : number === 3 ? 0.5 : 0,
        createdAt: at(-3_000 + base + number),
        updatedAt: at(-2_000 + base + number),
      })
    }
  }
  addCycles(eng, 4, 0)
  addCycles(ops, 2, 100)

  const issues: Array<SeedIssue> = []
  let commentSeq = 0
  const addIssues = (team: SeedTeam, titles: ReadonlyArray<string>, kind: number) => {
    const teamProjects = projects.filter((p) => p.teamIds.includes(team.id))
    const teamCycles = cycles.filter((c) => c.teamId === team.id)
    titles.forEach((title, i) => {
      const number = i + 1
      const created = kind * 10_000 + i * 90
      const comments: Array<SeedComment> = []
      for (let c = 0; c < (number * 3) % 8; c++) {
        commentSeq++
        comments.push({
          id: uuid(8, commentSeq),
          body: `${COMMENT_TEXTS[(number + c) % COMMENT_TEXTS.length]} (#${c + 1})`,
          userId: users[(number + c) % users.length].id,
          createdAt: at(created + 10 + c * 5),
          updatedAt: at(created + 10 + c * 5 + (c === 1 ? 3 : 0)),
        })
      }
      issues.push({
        id: uuid(9, kind * 1000 + number),
        teamId: team.id,
        number,
        title,
        description: number % 5 === 0 ? null : `Steps:\n1. open the app\n2. wait\n\nSeen by ${users[number % 5].name}.`,
        priority: number % 5,
        estimate: number % 3 === 0 ? null : number % 4,
        stateId: team.states[number % team.states.length].id,
        assigneeId: number % 4 === 0 ? null : users[number % users.length].id,
        creatorId: users[(number + 1) % users.length].id,
        labelIds: team.labels.filter((_, l) => (number + l) % 3 === 0).map((l) => l.id),
        projectId: number % 3 === 0 ? null : (teamProjects[number % teamProjects.length]?.id ?? null),
        cycleId: number % 2 === 0 ? (teamCycles[number % teamCycles.length]?.id ?? null) : null,
        parentId: number === 7 ? uuid(9, kind * 1000 + 3) : null,
        dueDate: number % 6 === 0 ? "2026-03-31" : null,
        createdAt: at(created),
        updatedAt: at(created + 60),
        comments,
      })
    })
  }
  addIssues(eng, ENG_TITLES, 1)
  addIssues(ops, OPS_TITLES, 2)

  return { users, teams: [eng, ops], issues, projects, cycles }
}
