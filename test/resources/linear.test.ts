import * as http from "node:http"
import { Effect, Redacted } from "effect"
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { MountMode, RAMResource, Workspace } from "../../src/index.ts"
import { layer, LinearResource, linearCommand, make } from "../../src/resources/Linear.ts"
import type { LinearOptions } from "../../src/resources/Linear.ts"
import * as Cache from "../../src/vfs/Cache.ts"
import { Namespace } from "../../src/vfs/Namespace.ts"
import { startLinearEmulator } from "../support/linear-emulator.ts"
import type { LinearEmulator, LinearEmulatorOptions } from "../support/linear-emulator.ts"

/** A workspace with the resource at /linear (uncached unless asked) and the `linear` command. */
const workspaceOn = (emu: LinearEmulator, options: Partial<LinearOptions> = {}) => {
  const linear = new LinearResource({ apiKey: emu.apiKey, baseUrl: emu.url, cache: false, ...options })
  return new Workspace({ "/linear": linear }, { commands: [linearCommand], mode: MountMode.WRITE })
}

const ENG_STATES = ["Backlog", "Todo", "In Progress", "In Review", "Done", "Canceled"]

/** A port nothing listens on: bound once, then released. */
const closedPort = async (): Promise<number> => {
  const server = http.createServer()
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const address = server.address()
  if (address === null || typeof address === "string") throw new Error("no TCP address")
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return address.port
}

describe("LinearResource: the tree", () => {
  let emu: LinearEmulator
  let ws: Workspace
  beforeAll(async () => {
    emu = await startLinearEmulator()
    ws = workspaceOn(emu)
  })
  afterAll(async () => {
    await emu.close()
  })

  it("cat team.json: the team as pretty-printed JSON, its states paged past the first page", async () => {
    const before = emu.calls()
    const r = await ws.execute("cat /linear/teams/eng/team.json")
    expect([r.exitCode, r.stderrText]).toEqual([0, ""])
    const team = JSON.parse(r.stdoutText)
    expect(r.stdoutText).toBe(`${JSON.stringify(team, null, 2)}\n`)
    expect([team.key, team.name, team.description]).toEqual(["ENG", "Engineering", "Builds the product ⚙️"])
    // Six states with a page size of five: the second page was fetched.
    expect(team.states.map((s: { name: string }) => s.name)).toEqual(ENG_STATES)
    expect(team.labels.map((l: { name: string }) => l.name)).toEqual(["bug", "feature", "tech-debt", "perf"])
    expect(emu.calls() - before).toBe(2)
  })

  it.each([
    ["ls /linear", "teams\n"],
    ["ls /linear/teams", "eng\nops\n"],
    ["ls /linear/teams/eng", "cycles\nissues\nprojects\nteam.json\n"],
    ["ls /linear/teams/eng/cycles", "1.json\n2.json\n3.json\n4.json\n"],
    ["ls /linear/teams/ops/projects", "datacenter-migration.json\n"],
    ["ls /linear/teams/eng/issues | wc -l", "20\n"],
    ["ls /linear/teams/ops/issues | head -3", "OPS-1.json\nOPS-10.json\nOPS-2.json\n"],
    ["find /linear -name '*.json' | wc -l", "43\n"],
    [
      "grep -l Timeout /linear/teams/*/issues/*.json",
      "/linear/teams/eng/issues/ENG-9.json\n/linear/teams/ops/issues/OPS-7.json\n",
    ],
    ["grep -c '\"body\"' /linear/teams/eng/issues/ENG-5.json", "7\n"],
    ["jq -r '.comments | length' /linear/teams/eng/issues/ENG-13.json", "7\n"],
    [
      "jq -r '.state.name, .assignee.name, .labels[].name' /linear/teams/eng/issues/ENG-3.json",
      "In Review\n山田太郎\nbug\nperf\n",
    ],
    ["jq -r '.parent.identifier' /linear/teams/eng/issues/ENG-7.json", "ENG-3\n"],
    ["jq -r 'select(.isActive) | .number' /linear/teams/eng/cycles/*.json", "3\n"],
    ["jq -r '.name' /linear/teams/eng/cycles/2.json", "Sprint café ☕\n"],
    ["jq -r '.status.name' /linear/teams/eng/projects/données-analytics.json", "Planned\n"],
    ["tail -c 2 /linear/teams/ops/team.json | od -An -c", "   }  \\n\n"],
  ])("%s", async (script, expected) => {
    const r = await ws.execute(script)
    expect(r.stderrText).toBe("")
    expect(r.stdoutText).toBe(expected)
    expect(r.exitCode).toBe(0)
  })

  it("ls pages through a team's issues with small queries", async () => {
    const before = emu.calls("team")
    const r = await workspaceOn(emu).execute("ls /linear/teams/eng/issues")
    expect(r.stdoutText.split("\n").filter(Boolean)).toHaveLength(20)
    // 20 issues at 5 a page, plus the second page of the team's states.
    expect(emu.calls("team") - before).toBe(5)
  })

  it("jq -r .title over every issue file, in glob order", async () => {
    const files = emu.data.issues
      .filter((i) => i.teamId === emu.data.teams[0].id)
      .map((i) => ({ file: `ENG-${i.number}.json`, title: i.title }))
      .sort((a, b) => (a.file < b.file ? -1 : 1))
    const r = await ws.execute("jq -r '.title' /linear/teams/eng/issues/*.json")
    expect(r.stderrText).toBe("")
    expect(r.stdoutText).toBe(files.map((f) => `${f.title}\n`).join(""))
  })

  it("names projects by slug, and by slug and slugId where two collide", async () => {
    const slugId = (name: string) => emu.data.projects.find((p) => p.name === name)?.slugId
    const r = await ws.execute("ls /linear/teams/eng/projects")
    expect(r.stdoutText).toBe(
      `api-v2-${slugId("API v2")}.json\napi-v2-${slugId("API: v2")}.json\ndonnées-analytics.json\nmobile-app-redesign.json\n`,
    )
  })

  it("gives an issue's size once it has been read; other files have theirs from the start", async () => {
    const resource = new LinearResource({ apiKey: emu.apiKey, baseUrl: emu.url, cache: false })
    const size = async (path: string) => (await Effect.runPromise(resource.stat(path))).size
    expect(await size("/teams/ops/issues/OPS-4.json")).toBeNull()
    const listed = await Effect.runPromise(resource.list("/teams/ops/issues"))
    expect(listed.find((e) => e.name === "OPS-4.json")?.stat?.size).toBeNull()
    const bytes = await Effect.runPromise(resource.readFile("/teams/ops/issues/OPS-4.json"))
    expect(await size("/teams/ops/issues/OPS-4.json")).toBe(bytes.length)
    const team = await Effect.runPromise(resource.readFile("/teams/ops/team.json"))
    expect(await size("/teams/ops/team.json")).toBe(team.length)
    const ws = new Workspace({ "/linear": resource })
    const r = await ws.execute(
      "stat -c %s /linear/teams/ops/issues/OPS-4.json; wc -c < /linear/teams/ops/issues/OPS-4.json",
    )
    expect(r.stdoutText).toBe(`${bytes.length}\n${bytes.length}\n`)
  })

  it.each([
    ["cat /linear/teams/zzz/team.json", "cat: /linear/teams/zzz/team.json: No such file or directory\n"],
    ["cat /linear/teams/ENG/team.json", "cat: /linear/teams/ENG/team.json: No such file or directory\n"],
    [
      "cat /linear/teams/eng/issues/OPS-1.json",
      "cat: /linear/teams/eng/issues/OPS-1.json: No such file or directory\n",
    ],
    [
      "cat /linear/teams/eng/issues/ENG-99.json",
      "cat: /linear/teams/eng/issues/ENG-99.json: No such file or directory\n",
    ],
    ["cat /linear/teams/eng/team.json/x", "cat: /linear/teams/eng/team.json/x: Not a directory\n"],
    ["cat /linear/teams/eng", "cat: /linear/teams/eng: Is a directory\n"],
    ["rm /linear/teams/eng/team.json", "rm: cannot remove '/linear/teams/eng/team.json': Read-only file system\n"],
    ["mkdir /linear/teams/new", "mkdir: cannot create directory '/linear/teams/new': Read-only file system\n"],
    ["touch /linear/teams/eng/team.json", "touch: cannot touch '/linear/teams/eng/team.json': Read-only file system\n"],
    [
      "cp /linear/teams/eng/team.json /linear/teams/eng/copy.json",
      "cp: cannot create regular file '/linear/teams/eng/copy.json': Read-only file system\n",
    ],
  ])("%s fails", async (script, stderr) => {
    const r = await ws.execute(script)
    expect(r.stderrText).toBe(stderr)
    expect(r.exitCode).toBe(1)
  })

  it("caches through the workspace cache: a second cat makes no request; a fresh run sees a new comment", async () => {
    const cached = workspaceOn(emu, { cache: { store: Cache.memoryStore() } })
    const script = "jq -r '.comments[-1].body' /linear/teams/ops/issues/OPS-2.json"
    const first = await cached.execute(script)
    const before = emu.calls()
    expect((await cached.execute(script)).stdoutText).toBe(first.stdoutText)
    expect(emu.calls()).toBe(before)
    emu.addComment("OPS-2", "seen from outside ✉")
    expect((await cached.execute(script)).stdoutText).toBe(first.stdoutText)
    expect((await cached.execute(script, { fresh: true })).stdoutText).toBe("seen from outside ✉\n")
  })
})

describe("LinearResource: make and layer", () => {
  it("make gives the uncached resource; layer mounts it read-only at /linear", async () => {
    const emu = await startLinearEmulator()
    try {
      const options: LinearOptions = { apiKey: emu.apiKey, baseUrl: emu.url, cache: false }
      expect(make(options).kind).toBe("linear")
      const program = Effect.gen(function* () {
        const ns = yield* Namespace
        const team = new TextDecoder().decode(yield* ns.readFile("/linear/teams/ops/team.json"))
        const refused = yield* Effect.flip(ns.writeFile("/linear/teams/ops/x.json", new Uint8Array(1)))
        return [JSON.parse(team).key, refused.reason]
      })
      expect(await Effect.runPromise(program.pipe(Effect.provide(layer(options))))).toEqual(["OPS", "ReadOnly"])
    } finally {
      await emu.close()
    }
  })
})

describe("LinearResource: failures", () => {
  let emu: LinearEmulator
  beforeAll(async () => {
    emu = await startLinearEmulator()
  })
  afterAll(async () => {
    await emu.close()
  })

  it("waits out a rate limit and retries, counted at the server", async () => {
    const ws = workspaceOn(emu)
    const limited = emu.rateLimited()
    const before = emu.calls()
    emu.rateLimitNext(2)
    const r = await ws.execute("jq -r .key /linear/teams/ops/team.json")
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual(["OPS\n", "", 0])
    expect(emu.rateLimited() - limited).toBe(2)
    // Two refused attempts, then the team query that succeeded and the second page of its states.
    expect(emu.calls() - before).toBe(4)
  })

  it("gives up after maxRetries with one line naming the mount", async () => {
    const ws = workspaceOn(emu, { maxRetries: 2 })
    const before = emu.calls()
    emu.rateLimitNext(10, { status: 400 })
    const r = await ws.execute("cat /linear/teams/ops/team.json")
    emu.rateLimitNext(0)
    expect(r.stderrText).toBe(
      "cat: /linear/teams/ops/team.json: Input/output error (/linear: rate limited, retried 2 times)\n",
    )
    expect(r.exitCode).toBe(1)
    expect(emu.calls() - before).toBe(3)
  })

  it("a bad key is one line, Permission denied, without the key", async () => {
    const key = "lin_api_not_the_right_key_42"
    const ws = new Workspace({ "/linear": new LinearResource({ apiKey: key, baseUrl: emu.url, cache: false }) })
    for (const [script, prefix] of [
      ["cat /linear/teams/eng/team.json", "cat: /linear/teams/eng/team.json: "],
      ["ls /linear/teams", "ls: cannot open directory '/linear/teams': "],
      ["linear issue create --team ENG --title x", "linear: cannot create issue in team 'ENG': "],
    ]) {
      const r = await ws.execute(script)
      expect(r.stderrText).toBe(
        `${prefix}Permission denied (/linear: AUTHENTICATION_ERROR: You need to authenticate to access this operation.)\n`,
      )
      expect(r.exitCode).not.toBe(0)
    }
  })

  it("never repeats the key, even when the server quotes it", async () => {
    const leaky = await startLinearEmulator({ echoAuthInErrors: true } satisfies LinearEmulatorOptions)
    try {
      const key = "lin_api_leaked_by_a_careless_server"
      const options: LinearOptions = { apiKey: Redacted.make(key), baseUrl: leaky.url, cache: false }
      const resource = new LinearResource(options)
      const ws = new Workspace({ "/linear": resource })
      const r = await ws.execute("cat /linear/teams/eng/team.json")
      expect(r.exitCode).toBe(1)
      expect(r.stderrText).toContain("Rejected key: <redacted>")
      const error = await Effect.runPromise(Effect.flip(resource.readFile("/teams/eng/team.json")))
      for (const text of [
        r.stderrText,
        error.message,
        String(error),
        JSON.stringify(error),
        JSON.stringify(resource),
        String(resource),
        JSON.stringify(options),
        String(options.apiKey),
      ])
        expect(text).not.toContain(key)
    } finally {
      await leaky.close()
    }
  })

  it.each([
    [503, "HTTP 503: INTERNAL_SERVER_ERROR: Internal server error"],
    [500, "HTTP 500: INTERNAL_SERVER_ERROR: Internal server error"],
  ])("a %i is an Input/output error with its cause", async (status, detail) => {
    const ws = workspaceOn(emu)
    emu.failNext(1, status)
    const r = await ws.execute("cat /linear/teams/eng/team.json")
    expect(r.stderrText).toBe(`cat: /linear/teams/eng/team.json: Input/output error (/linear: ${detail})\n`)
  })

  it("an unreachable endpoint is an Input/output error with the network cause", async () => {
    const port = await closedPort()
    const resource = new LinearResource({ apiKey: "k", baseUrl: `http://127.0.0.1:${port}/graphql`, cache: false })
    const ws = new Workspace({ "/linear": resource })
    const r = await ws.execute("cat /linear/teams/eng/team.json")
    expect(r.stderrText).toBe(
      `cat: /linear/teams/eng/team.json: Input/output error (/linear: connect ECONNREFUSED 127.0.0.1:${port})\n`,
    )
  })
})

describe("the linear command", () => {
  let emu: LinearEmulator
  beforeEach(async () => {
    emu = await startLinearEmulator()
  })
  afterEach(async () => {
    await emu.close()
  })

  it("issue create prints the identifier and URL, and the issue shows at once in a cached tree", async () => {
    const ws = workspaceOn(emu, { cache: { store: Cache.memoryStore() } })
    expect((await ws.execute("ls /linear/teams/eng/issues | wc -l")).stdoutText).toBe("20\n")
    const r = await ws.execute("linear issue create --team ENG --title 'Crash on start ✨' --description 'Steps: open'")
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual([
      "ENG-21 https://linear.app/mirage/issue/ENG-21/crash-on-start\n",
      "",
      0,
    ])
    expect((await ws.execute("ls /linear/teams/eng/issues | wc -l")).stdoutText).toBe("21\n")
    const cat = await ws.execute("jq -r '.title, .description, .state.name' /linear/teams/eng/issues/ENG-21.json")
    expect(cat.stdoutText).toBe("Crash on start ✨\nSteps: open\nTodo\n")
    expect((await ws.execute("jq .issueCount /linear/teams/eng/team.json")).stdoutText).toBe("21\n")
  })

  it("issue create takes the description from a file or standard input, without trailing newlines", async () => {
    const linear = new LinearResource({ apiKey: emu.apiKey, baseUrl: emu.url, cache: false })
    const ws = new Workspace({ "/linear": linear, "/tmp": new RAMResource() }, { mode: MountMode.WRITE })
    await ws.execute("printf 'line 1\\nline 2\\n\\n' > /tmp/d.md")
    const fromFile = await ws.execute("linear issue create -t ops --title A --description-file /tmp/d.md")
    expect(fromFile.stdoutText).toBe("OPS-11 https://linear.app/mirage/issue/OPS-11/a\n")
    const fromStdin = await ws.execute("echo 'from stdin' | linear issue create -t OPS --title B --description-file -")
    expect(fromStdin.stdoutText).toBe("OPS-12 https://linear.app/mirage/issue/OPS-12/b\n")
    const r = await ws.execute(
      "jq -r .description /linear/teams/ops/issues/OPS-11.json /linear/teams/ops/issues/OPS-12.json",
    )
    expect(r.stdoutText).toBe("line 1\nline 2\nfrom stdin\n")
    const missing = await ws.execute("linear issue create -t OPS --title C --description-file /tmp/none.md")
    expect([missing.stderrText, missing.exitCode]).toEqual(["linear: /tmp/none.md: No such file or directory\n", 1])
  })

  it("comment create, with --body or from standard input; the issue file shows it in a cached tree", async () => {
    const ws = workspaceOn(emu, { cache: { store: Cache.memoryStore() } })
    const last = "jq -r '.comments[-1].body' /linear/teams/eng/issues/ENG-12.json"
    expect((await ws.execute(last)).stdoutText).not.toBe("Ship it 🚢\n")
    const r = await ws.execute("linear comment create ENG-12 --body 'Ship it 🚢'")
    expect(r.stderrText).toBe("")
    expect(r.stdoutText).toMatch(/^ENG-12 https:\/\/linear\.app\/mirage\/issue\/ENG-12\/\S+#comment-\w+\n$/)
    expect((await ws.execute(last)).stdoutText).toBe("Ship it 🚢\n")
    await ws.execute("printf 'multi\\nline\\n' | linear comment create ENG-12 -b -")
    expect((await ws.execute(last)).stdoutText).toBe("multi\nline\n")
    const empty = await ws.execute("printf '\\n' | linear comment create ENG-12 --body -")
    expect([empty.stderrText, empty.exitCode]).toEqual(["linear: empty comment body\n", 1])
  })

  it("reports an unknown team or issue", async () => {
    const ws = workspaceOn(emu)
    const team = await ws.execute("linear issue create --team ZZZ --title x")
    expect([team.stderrText, team.exitCode]).toEqual([
      "linear: cannot create issue in team 'ZZZ': No such file or directory\n",
      1,
    ])
    const issue = await ws.execute("linear comment create ENG-999 --body hi")
    expect([issue.stderrText, issue.exitCode]).toEqual([
      "linear: cannot comment on 'ENG-999': No such file or directory\n",
      1,
    ])
  })

  it.each([
    ["linear", "linear: missing command\nTry 'linear --help' for more information.\n"],
    ["linear issue", "linear: missing subcommand after 'issue'\nTry 'linear --help' for more information.\n"],
    ["linear frob", "linear: unknown command 'frob'\nTry 'linear --help' for more information.\n"],
    ["linear issue delete", "linear: unknown command 'issue delete'\nTry 'linear --help' for more information.\n"],
    ["linear --mount /x", "linear: unrecognized option '--mount'\nTry 'linear --help' for more information.\n"],
    [
      "linear issue create --title x",
      "linear issue create: missing --team\nTry 'linear issue create --help' for more information.\n",
    ],
    [
      "linear issue create -t ENG",
      "linear issue create: missing --title\nTry 'linear issue create --help' for more information.\n",
    ],
    [
      "linear issue create -t ENG --title x --description a --description-file b",
      "linear issue create: --description and --description-file are mutually exclusive\nTry 'linear issue create --help' for more information.\n",
    ],
    [
      "linear issue create --bogus",
      "linear issue create: unrecognized option '--bogus'\nTry 'linear issue create --help' for more information.\n",
    ],
    [
      "linear issue create -t ENG --title x extra",
      "linear issue create: extra operand 'extra'\nTry 'linear issue create --help' for more information.\n",
    ],
    [
      "linear comment create",
      "linear comment create: missing issue identifier\nTry 'linear comment create --help' for more information.\n",
    ],
    [
      "linear comment create ENG-1",
      "linear comment create: missing --body\nTry 'linear comment create --help' for more information.\n",
    ],
    [
      "linear comment create 'not an id' --body x",
      "linear comment create: invalid issue identifier 'not an id'\nTry 'linear comment create --help' for more information.\n",
    ],
    [
      "linear comment create ENG-1 --body",
      "linear comment create: option '--body' requires an argument\nTry 'linear comment create --help' for more information.\n",
    ],
  ])("%s is a usage error (status 2)", async (script, stderr) => {
    const r = await workspaceOn(emu).execute(script)
    expect([r.stdoutText, r.stderrText, r.exitCode]).toEqual(["", stderr, 2])
    expect(emu.calls()).toBe(0)
  })

  it("prints help for the command and each subcommand", async () => {
    const ws = workspaceOn(emu)
    const top = await ws.execute("linear --help")
    expect(top.stdoutText).toMatch(/^Usage: linear COMMAND/)
    expect(top.stdoutText).toContain("issue create --team KEY --title TITLE")
    const sub = await ws.execute("linear issue create --help")
    expect(sub.stdoutText).toMatch(/^Usage: linear issue create \[OPTION\]\.\.\.\n/)
    expect(sub.stdoutText).toContain("--description-file=FILE")
    const comment = await ws.execute("linear comment create --help")
    expect(comment.stdoutText).toMatch(/^Usage: linear comment create \[OPTION\]\.\.\. ISSUE\n/)
  })

  it("acts on the first Linear mount, or the one --mount names", async () => {
    const other = await startLinearEmulator()
    try {
      const ws = new Workspace(
        {
          "/a": new LinearResource({ apiKey: emu.apiKey, baseUrl: emu.url, cache: false }),
          "/b": new LinearResource({ apiKey: other.apiKey, baseUrl: other.url, cache: false }),
        },
        { commands: [linearCommand] },
      )
      await ws.execute("linear issue create -t ENG --title first")
      await ws.execute("cd /b/teams && linear issue create -t ENG --title second --mount ..")
      expect(emu.data.issues.filter((i) => i.title === "first")).toHaveLength(1)
      expect(other.data.issues.filter((i) => i.title === "second")).toHaveLength(1)
      expect(emu.data.issues.filter((i) => i.title === "second")).toHaveLength(0)
      const notMount = await ws.execute("linear issue create -t ENG --title x --mount /b/teams")
      expect([notMount.stderrText, notMount.exitCode]).toEqual(["linear: '/b/teams': not a mount point\n", 1])
    } finally {
      await other.close()
    }
  })

  it("says so when no Linear resource is mounted, or --mount names another kind", async () => {
    const ws = new Workspace({ "/ram": new RAMResource() }, { commands: [linearCommand] })
    const none = await ws.execute("linear issue create -t ENG --title x")
    expect([none.stderrText, none.exitCode]).toEqual(["linear: no Linear mount in this workspace\n", 1])
    const ram = await ws.execute("linear comment create ENG-1 --body x --mount /ram/")
    expect([ram.stderrText, ram.exitCode]).toEqual(["linear: '/ram/': not a Linear mount\n", 1])
  })

  it("comes with the resource: a workspace registers it without being told", async () => {
    const ws = new Workspace({ "/linear": new LinearResource({ apiKey: emu.apiKey, baseUrl: emu.url, cache: false }) })
    const r = await ws.execute("linear issue create -t eng --title 'Registered by the mount'")
    expect(r.stdoutText).toBe("ENG-21 https://linear.app/mirage/issue/ENG-21/registered-by-the-mount\n")
  })
})
