import { Effect, Stream } from "effect"
import { describe, expect, it } from "vitest"
import { Mirage, MountMode, RAMResource, Workspace } from "../../src/index.ts"

describe("Promise facade", () => {
  it("runs the spec page's RAM examples as written", async () => {
    const ws = new Workspace({ "/data/": new RAMResource() }, { mode: MountMode.WRITE })
    const tee = await ws.execute("echo hello | tee /data/x.txt")
    expect(tee.exitCode).toBe(0)
    expect(tee.stdoutText).toBe("hello\n")
    const r = await ws.execute("cat /data/x.txt | grep hello")
    expect(r.stdoutText).toBe("hello\n")
    await ws.fs.writeFile("/data/in.json", '{"hello":"world"}')
    const back = await ws.execute("cat /data/in.json")
    expect(back.stdoutText).toBe('{"hello":"world"}')
    expect(await ws.fs.readFile("/data/x.txt", "utf8")).toBe("hello\n")
    await ws.close()
  })

  it("adds and removes mounts; a trailing slash names the same mount", async () => {
    const ws = new Workspace({}, { mode: MountMode.WRITE })
    ws.addMount("/ram/", new RAMResource(), MountMode.WRITE)
    ws.addMount("/ro", new RAMResource(), MountMode.READ)
    await ws.fs.writeFile("/ram/a", "1")
    const ls = await ws.execute("ls /")
    expect(ls.stdoutText).toBe("ram\nro\n")
    const denied = await ws.execute("echo x > /ro/f")
    expect(denied.exitCode).toBe(1)
    expect(denied.stderrText).toContain("/ro/f: Read-only file system")
    expect(ws.removeMount("/ram")).toBe(true)
    const gone = await ws.execute("cat /ram/a")
    expect(gone.exitCode).toBe(1)
    expect(gone.stderrText).toBe("cat: /ram/a: No such file or directory\n")
  })

  it("keeps cwd, variables and functions across execute calls", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await ws.execute('mkdir -p /w/sub && cd /w/sub && x=42 && f() { echo "f:$1"; }')
    const r = await ws.execute("pwd; echo $x; f ok")
    expect(r.stdoutText).toBe("/w/sub\n42\nf:ok\n")
    expect(ws.cwd).toBe("/w/sub")
  })

  it("passes cwd, env, stdin and args per call", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await ws.fs.mkdir("/tmp", { recursive: true })
    const r = await ws.execute('pwd; echo "$GREETING $1"; tr a-z A-Z', {
      cwd: "/tmp",
      env: { GREETING: "hi" },
      stdin: "shout\n",
      args: ["there"],
    })
    expect(r.stdoutText).toBe("/tmp\nhi there\nSHOUT\n")
  })

  it("reports syntax errors as status 2 in bash's words, never rejecting", async () => {
    const ws = new Workspace({ "/": new RAMResource() })
    const r = await ws.execute("echo a\nif true; then\nfi")
    expect(r.exitCode).toBe(2)
    expect(r.stderrText).toContain("line 3: syntax error near unexpected token `fi'")
    const missing = await ws.execute("nosuchcommand arg")
    expect(missing.exitCode).toBe(127)
    expect(missing.stderrText).toBe("mirage: line 1: nosuchcommand: command not found\n")
  })

  it("streams output to callbacks while the script runs", async () => {
    const ws = new Workspace({ "/": new RAMResource() })
    const chunks: Array<string> = []
    const r = await ws.execute("echo one; echo two >&2; echo three", {
      onStdout: (b) => chunks.push(new TextDecoder().decode(b)),
    })
    expect(chunks.join("")).toBe("one\nthree\n")
    expect(r.stdoutText).toBe("")
    expect(r.stderrText).toBe("two\n")
  })

  it("stops an endless script when the signal aborts, keeping the partial output", async () => {
    const ws = new Workspace({ "/": new RAMResource() })
    const controller = new AbortController()
    const pending = ws.execute("echo started; while true; do :; done", { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const r = await pending
    expect(r.exitCode).toBe(130)
    expect(r.stdoutText).toBe("started\n")
    const after = await ws.execute("echo still alive")
    expect(after.stdoutText).toBe("still alive\n")
  })

  it("serializes concurrent executes on one workspace", async () => {
    const ws = new Workspace({ "/": new RAMResource() }, { mode: MountMode.WRITE })
    await ws.execute("n=0")
    const runs = Array.from({ length: 20 }, () => ws.execute("n=$((n+1)); echo $n >> /log"))
    await Promise.all(runs)
    const r = await ws.execute("echo $n; wc -l < /log")
    expect(r.stdoutText).toBe("20\n20\n")
  })
})

describe("Effect API", () => {
  it("executes through a layer", async () => {
    const result = await Effect.runPromise(
      Mirage.execute("echo hi > /data/f; ls /data; cat /data/f").pipe(
        Effect.provide(Mirage.layer({ "/data": new RAMResource() }, { mode: MountMode.WRITE })),
      ),
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdoutText).toBe("f\nhi\n")
  })

  it("streams stdout while the script runs", async () => {
    const program = Effect.gen(function* () {
      const run = yield* Mirage.executeStream("seq 3; echo err >&2; exit 4")
      const out = yield* Stream.mkString(Stream.decodeText(run.stdout))
      const err = yield* Stream.mkString(Stream.decodeText(run.stderr))
      return { out, err, code: yield* run.exitCode }
    }).pipe(Effect.provide(Mirage.layer({ "/": new RAMResource() })))
    expect(await Effect.runPromise(program)).toEqual({ out: "1\n2\n3\n", err: "err\n", code: 4 })
  })
})
