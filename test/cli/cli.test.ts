import { spawn } from "node:child_process"
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parseArgs, parseMount } from "../../src/cli/args.ts"

// The CLI runs from source through Node's type stripping (the Node running vitest is >= 22.18),
// so the tests need no build and always see the current code. Node's compile cache, warmed once
// before the tests, makes each later start cheaper (it is keyed by file contents, so never stale).
const root = path.resolve(import.meta.dirname, "../..")
const cli = path.join(root, "src/cli/main.ts")
const compileCache = path.join(root, "node_modules/.cache/mirage-cli-test")

interface Run {
  readonly status: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

interface RunOptions {
  readonly input?: string
  readonly cwd?: string
  /** Send SIGINT half a second after the first output on stdout (once the script is surely running). */
  readonly interruptAfterOutput?: boolean
  /** Close our end of the child's stdout after its first chunk. */
  readonly closeStdoutEarly?: boolean
}

const mirage = (args: ReadonlyArray<string>, options: RunOptions = {}): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, HOME: home, NODE_COMPILE_CACHE: compileCache },
      stdio: ["pipe", "pipe", "pipe"],
    })
    let stdout = ""
    let stderr = ""
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000)
    let interrupted = false
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.closeStdoutEarly) child.stdout.destroy()
      if (options.interruptAfterOutput && !interrupted) {
        interrupted = true
        setTimeout(() => child.kill("SIGINT"), 500)
      }
    })
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdin.on("error", () => undefined)
    child.stdin.end(options.input ?? "")
    child.on("error", reject)
    child.on("close", (status, signal) => {
      clearTimeout(timer)
      resolve({ status, signal, stdout, stderr })
    })
  })

let tmp = ""
let home = ""
let disk = ""

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mirage-cli-"))
  home = path.join(tmp, "home")
  disk = path.join(tmp, "disk")
  fs.mkdirSync(home)
  fs.mkdirSync(path.join(disk, "sub"), { recursive: true })
  fs.writeFileSync(path.join(disk, "a.txt"), "alpha\n")
  fs.writeFileSync(path.join(disk, "b.txt"), "beta\n")
  fs.writeFileSync(path.join(tmp, "script.sh"), 'echo "$0:$1:$2:$#"\nexit 5\n')
  await mirage(["-c", ":"])
})

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true })
})

describe("parseArgs", () => {
  it.each([
    [["-c", "echo hi", "nm", "a"], { source: { kind: "command", script: "echo hi" }, name: "nm", args: ["a"] }],
    [["script.sh", "-c", "x"], { source: { kind: "file", path: "script.sh" }, name: "script.sh", args: ["-c", "x"] }],
    [["--", "-weird"], { source: { kind: "file", path: "-weird" }, name: "-weird", args: [] }],
    [[], { source: { kind: "none" }, name: undefined, args: [] }],
    [["--cwd=/data", "-i"], { cwd: "/data", interactive: true, source: { kind: "none" } }],
    [["--mount", "/d=disk:x:ro", "--mount=/r=ram"], { mounts: [parseMount("/d=disk:x:ro"), parseMount("/r=ram")] }],
  ])("%j", (argv, want) => {
    const parsed = parseArgs(argv)
    expect(parsed._tag).toBe("Ok")
    if (parsed._tag === "Ok") expect(parsed.options).toMatchObject(want)
  })

  it.each([
    ["ram", { prefix: "/", spec: { kind: "ram" }, readOnly: false }],
    ["ram:ro", { prefix: "/", spec: { kind: "ram" }, readOnly: true }],
    ["disk:/x:y", { prefix: "/", spec: { kind: "disk", dir: "/x:y" }, readOnly: false }],
    ["disk:rel:ro", { prefix: "/", spec: { kind: "disk", dir: "rel" }, readOnly: true }],
    [
      "s3://logs/2026/04?endpoint=http://127.0.0.1:9000&region=eu-west-1&path_style=1:ro",
      {
        prefix: "/",
        spec: {
          kind: "s3",
          bucket: "logs",
          prefix: "2026/04",
          endpoint: "http://127.0.0.1:9000",
          region: "eu-west-1",
          forcePathStyle: true,
        },
        readOnly: true,
      },
    ],
    [
      "s3://b",
      {
        prefix: "/",
        spec: {
          kind: "s3",
          bucket: "b",
          prefix: "",
          endpoint: undefined,
          region: undefined,
          forcePathStyle: undefined,
        },
        readOnly: false,
      },
    ],
    [
      "redis://h:6380/2?prefix=ws1:",
      { prefix: "/", spec: { kind: "redis", url: "redis://h:6380/2", keyPrefix: "ws1:" }, readOnly: false },
    ],
    ["slack:", { prefix: "/", spec: { kind: "slack", baseUrl: undefined }, readOnly: true }],
    [
      "linear:?base=http://x/graphql",
      { prefix: "/", spec: { kind: "linear", baseUrl: "http://x/graphql" }, readOnly: true },
    ],
    [
      "github:octo/hello.js@v1.0",
      {
        prefix: "/",
        spec: { kind: "github", owner: "octo", repo: "hello.js", ref: "v1.0", baseUrl: undefined },
        readOnly: true,
      },
    ],
  ])("/=%s", (spec, want) => {
    expect(parseMount(`/=${spec}`)).toEqual(want)
  })

  it.each(["x", "/=", "/=foo", "/=disk:", "/=ram:ro:ro", "data=ram", "=ram", "/=s3://", "/=github:octo", "/=slack:x"])(
    "rejects %j",
    (value) => {
      expect(parseMount(value)).toBeUndefined()
    },
  )

  it("keeps a Redis password off the command line", () => {
    expect(parseArgs(["--mount", "/r=redis://:hunter2@h:6379/0"])).toEqual({
      _tag: "UsageError",
      message: "--mount: redis: put the password in REDIS_PASSWORD, not in the URL",
    })
  })
})

describe.concurrent("mirage", () => {
  it("-c runs a script with $0 and $1..., and exits with its status", async () => {
    const r = await mirage(["-c", 'echo "$0 $1 $#"; echo err >&2; exit 3', "nm", "a", "b"])
    expect(r).toMatchObject({ status: 3, stdout: "nm a 2\n", stderr: "err\n" })
  })

  it("the embedded default is a writable RAM mount at /", async () => {
    const r = await mirage(["-c", "echo hello | tee /data.txt && cat /data.txt | wc -c"])
    expect(r).toMatchObject({ status: 0, stdout: "hello\n6\n", stderr: "" })
  })

  it("mounts a host directory with --mount /=disk:DIR", async () => {
    const r = await mirage(["--mount", `/=disk:${disk}`, "--cwd", "/", "-c", "ls | wc -l; cat /a.txt"])
    expect(r).toMatchObject({ status: 0, stdout: "3\nalpha\n" })
  })

  it("resolves a relative disk DIR against the process cwd and honours --cwd", async () => {
    const r = await mirage(["--mount", "/h=disk:disk", "--mount", "/r=ram", "--cwd", "/h/sub", "-c", "pwd; ls .."], {
      cwd: tmp,
    })
    expect(r).toMatchObject({ status: 0, stdout: "/h/sub\na.txt\nb.txt\nsub\n" })
  })

  it("a :ro mount refuses writes, on disk and in RAM", async () => {
    const script = "echo x > /d/new.txt; echo $?; echo x > /r/new.txt; echo $?; cat /d/a.txt"
    const r = await mirage(["--mount", `/d=disk:${disk}:ro`, "--mount", "/r=ram:ro", "-c", script])
    expect(r).toMatchObject({ status: 0, stdout: "1\n1\nalpha\n" })
    expect(r.stderr.match(/Read-only file system/g)).toHaveLength(2)
    expect(fs.existsSync(path.join(disk, "new.txt"))).toBe(false)
  })

  it("runs a script FILE with its arguments", async () => {
    const file = path.join(tmp, "script.sh")
    const r = await mirage([file, "a", "b c"])
    expect(r).toMatchObject({ status: 5, stdout: `${file}:a:b c:2\n` })
  })

  it("reports a missing script FILE with status 127", async () => {
    const r = await mirage([path.join(tmp, "nope.sh")])
    expect(r).toMatchObject({
      status: 127,
      stdout: "",
      stderr: `mirage: ${path.join(tmp, "nope.sh")}: No such file or directory\n`,
    })
  })

  it("reads the script from stdin when it is not a terminal", async () => {
    const r = await mirage([], { input: "echo one\nx=2\necho $x\n" })
    expect(r).toMatchObject({ status: 0, stdout: "one\n2\n" })
  })

  it("gives -c scripts the process stdin", async () => {
    const r = await mirage(["-c", "tr a-z A-Z"], { input: "abc\n" })
    expect(r).toMatchObject({ status: 0, stdout: "ABC\n" })
  })

  it.each([
    [["--mount", "x"], "mirage: --mount: invalid spec 'x' (expected PATH=SPEC)"],
    [["--mount", "/=foo"], "mirage: --mount: unknown resource 'foo'"],
    [["--mount"], "mirage: --mount: option requires an argument"],
    [["--bogus"], "mirage: --bogus: invalid option"],
    [["-c"], "mirage: -c: option requires an argument"],
    [
      ["--mount", "/=disk:/nonexistent-mirage-dir"],
      "mirage: --mount: /nonexistent-mirage-dir: No such file or directory",
    ],
    [["--cwd", "/nope"], "mirage: --cwd: /nope: No such file or directory"],
  ])("usage error %j exits 2", async (args, line) => {
    const r = await mirage(args)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe("")
    expect(r.stderr.split("\n")[0]).toBe(line)
  })

  it("--help and --version", async () => {
    const help = await mirage(["--help"])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/^Usage: mirage /)
    const version = await mirage(["--version"])
    const pkg: { version: string } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
    expect(version).toMatchObject({ status: 0, stdout: `mirage ${pkg.version}\n` })
  })

  it("SIGINT stops a running script with status 130", async () => {
    const r = await mirage(["-c", "echo started; while true; do :; done; echo unreachable"], {
      interruptAfterOutput: true,
    })
    expect(r).toMatchObject({ status: 130, stdout: "started\n" })
  })

  it("stops when its stdout reader goes away", async () => {
    const r = await mirage(["-c", "while true; do echo y; done"], { closeStdoutEarly: true })
    expect(r.status).toBe(141)
  })
})

describe.concurrent("mirage -i (interactive shell without a terminal)", () => {
  it("prompts with the cwd, continues unfinished input, keeps cd, and exits with exit's status", async () => {
    const input = "if true; then\necho yes\nfi\ncd /sub\npwd\nexit 3\necho never\n"
    const r = await mirage(["-i", "--mount", `/=disk:${disk}`], { input })
    expect(r.status).toBe(3)
    expect(r.stdout).toBe("yes\n/sub\n")
    expect(r.stderr).toBe("mirage:/$ > > mirage:/$ mirage:/sub$ mirage:/sub$ exit\n")
  })

  it("keeps going after a failing command and a syntax error, and leaves at end of input", async () => {
    const r = await mirage(["-i"], { input: "cat /missing\necho )\necho after\nfalse\n" })
    expect(r.status).toBe(1)
    expect(r.stdout).toBe("after\n")
    expect(r.stderr).toContain("cat: /missing: No such file or directory")
    expect(r.stderr).toMatch(/mirage:\/\$ exit\n$/)
  })

  it("SIGINT aborts the running command and returns to the prompt", async () => {
    const r = await mirage(["-i"], {
      input: "echo go; while true; do :; done\necho after $?\n",
      interruptAfterOutput: true,
    })
    expect(r).toMatchObject({ status: 0, stdout: "go\nafter 130\n" })
  })
})
