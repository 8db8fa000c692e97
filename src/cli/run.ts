/**
 * Running an invocation of the `mirage` CLI: building the workspace from `--mount` flags, then a
 * script, a script file, stdin, or the interactive shell. Node-only app code: it imports `node:*`.
 * `main.ts` loads it only once the arguments are known to be valid, so `--help` and usage errors
 * answer without loading the interpreter.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { Effect } from "effect"
import { MountMode, Workspace } from "../index.ts"
import type { CliOptions, MountFlag } from "./args.ts"
import { parseConfig, type WorkspaceConfig } from "./config.ts"
import { resourceFor, UsageError } from "./resources.ts"
import { runRepl } from "./repl.ts"

/** Status after SIGINT, as bash reports a command killed by it. */
const INTERRUPTED = 130
/** Status when our stdout reader went away, as bash reports SIGPIPE. */
const BROKEN_PIPE = 141

export { UsageError } from "./resources.ts"

/** The mounts, cwd, env and cache of an invocation: its workspace file's, then its `--mount` flags. */
const workspaceSettings = (options: CliOptions, env: NodeJS.ProcessEnv): WorkspaceConfig => {
  let config: WorkspaceConfig = { mounts: [], cwd: undefined, env: {}, cache: undefined }
  if (options.config !== undefined) {
    let source: string
    try {
      source = fs.readFileSync(options.config, "utf8")
    } catch {
      throw new UsageError(`--config: ${options.config}: No such file or directory`)
    }
    const parsed = parseConfig(source, env)
    if ("error" in parsed) throw new UsageError(`--config: ${options.config}: ${parsed.error}`)
    config = parsed.ok
  }
  const mounts = [...config.mounts.filter((m) => !options.mounts.some((f) => f.prefix === m.prefix)), ...options.mounts]
  return { ...config, mounts }
}

/** The workspace an invocation asks for: its mounts, or one writable RAM mount at `/`. */
const makeWorkspace = async (
  options: CliOptions,
  hostCwd: string,
): Promise<{ readonly ws: Workspace; readonly cwd: string | undefined; readonly close: () => Promise<void> }> => {
  const settings = workspaceSettings(options, process.env)
  const flags: ReadonlyArray<MountFlag> =
    settings.mounts.length > 0 ? settings.mounts : [{ prefix: "/", spec: { kind: "ram" }, readOnly: false }]
  const shared =
    settings.cache?.store === undefined
      ? undefined
      : (await import("../resources/RedisCache.ts")).store({
          url: settings.cache.store,
          password: process.env.REDIS_PASSWORD,
        })
  const ctx = { hostCwd, env: process.env, cache: settings.cache, store: shared }
  const resources = await Promise.all(flags.map(async (flag) => ({ flag, resource: await resourceFor(flag, ctx) })))
  const ws = new Workspace(
    {},
    {
      cwd: options.cwd ?? settings.cwd ?? "/",
      env: { HOME: "/", ...settings.env },
      // The person at the terminal is in charge: no wall-clock cap, and output streams without a byte budget.
      limits: { timeoutMs: Infinity, maxOutputBytes: Infinity },
    },
  )
  for (const { flag, resource } of resources) {
    ws.addMount(flag.prefix, resource, flag.readOnly ? MountMode.READ : MountMode.WRITE)
  }
  return {
    ws,
    cwd: options.cwd ?? settings.cwd,
    close: async () => {
      await ws.close()
      if (shared !== undefined) await Effect.runPromise(shared.close)
    },
  }
}

const readAll = async (stream: NodeJS.ReadableStream): Promise<Uint8Array> => {
  const chunks: Array<Buffer> = []
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

/**
 * A writer to a process stream. Writes to files, terminals and pipes are synchronous on Linux, so
 * a fast producer waits for a slow reader instead of filling memory. A reader that goes away
 * (EPIPE) calls `onBroken` once; later chunks are dropped.
 */
const sink = (stream: NodeJS.WriteStream, onBroken: () => void) => {
  let broken = false
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (broken) return
    broken = true
    if (error.code !== "EPIPE") process.stderr.write(`mirage: write error: ${error.message}\n`)
    onBroken()
  })
  return {
    write: (chunk: Uint8Array) => {
      if (!broken) stream.write(chunk)
    },
    get broken() {
      return broken
    },
  }
}

/** Run one script to completion, streaming its output; SIGINT and a closed stdout stop it. */
const runScript = async (
  ws: Workspace,
  script: string,
  options: {
    readonly name: string
    readonly args: ReadonlyArray<string>
    readonly stdin?: AsyncIterable<Uint8Array> | undefined
  },
): Promise<number> => {
  const controller = new AbortController()
  let interrupts = 0
  const onSignal = () => {
    interrupts++
    // A script that does not stop on the first Ctrl-C stops the process on the second.
    if (interrupts > 1) process.exit(INTERRUPTED)
    controller.abort()
  }
  const out = sink(process.stdout, () => controller.abort())
  const err = sink(process.stderr, () => undefined)
  process.on("SIGINT", onSignal)
  try {
    const result = await ws.execute(script, {
      name: options.name,
      args: options.args,
      stdin: options.stdin,
      signal: controller.signal,
      onStdout: out.write,
      onStderr: err.write,
    })
    return out.broken ? BROKEN_PIPE : result.exitCode
  } finally {
    process.off("SIGINT", onSignal)
  }
}

/**
 * stdin for a script: the process's, streamed as the script reads it,
 * unless it is a terminal (then the script reads nothing).
 */
const scriptStdin = (): AsyncIterable<Uint8Array> | undefined => (process.stdin.isTTY ? undefined : process.stdin)

const readScriptFile = (file: string): { script: string } | { status: number; message: string } => {
  try {
    return { script: fs.readFileSync(file, "utf8") }
  } catch (error) {
    const code = error instanceof Error && "code" in error ? error.code : undefined
    if (code === "EISDIR") return { status: 126, message: `${file}: Is a directory` }
    if (code === "EACCES") return { status: 126, message: `${file}: Permission denied` }
    return { status: 127, message: `${file}: No such file or directory` }
  }
}

const historyFile = (): string | undefined => {
  const home = os.homedir()
  return home ? path.join(home, ".mirage_history") : undefined
}

/** `--cwd` must name a directory of the workspace. */
const checkCwd = async (ws: Workspace, cwd: string): Promise<void> => {
  const stat = await ws.fs.stat(cwd).catch(() => undefined)
  if (stat === undefined) throw new UsageError(`--cwd: ${cwd}: No such file or directory`)
  if (stat.type !== "directory") throw new UsageError(`--cwd: ${cwd}: Not a directory`)
}

/** Run a valid invocation and resolve with its exit status. */
export const run = async (options: CliOptions): Promise<number> => {
  const { ws, cwd, close } = await makeWorkspace(options, process.cwd())
  try {
    if (cwd !== undefined) await checkCwd(ws, cwd)
    const { source } = options
    if (source.kind === "command") {
      return await runScript(ws, source.script, {
        name: options.name ?? "mirage",
        args: options.args,
        stdin: scriptStdin(),
      })
    }
    if (source.kind === "file" && source.path !== "-") {
      const file = readScriptFile(source.path)
      if ("status" in file) {
        process.stderr.write(`mirage: ${file.message}\n`)
        return file.status
      }
      return await runScript(ws, file.script, { name: source.path, args: options.args, stdin: scriptStdin() })
    }
    if (source.kind === "none" && (options.interactive || process.stdin.isTTY)) {
      const terminal = process.stdin.isTTY === true && process.stderr.isTTY === true
      const out = sink(process.stdout, () => undefined)
      const err = sink(process.stderr, () => undefined)
      return await runRepl(ws, {
        input: process.stdin,
        output: process.stderr,
        onStdout: out.write,
        onStderr: err.write,
        terminal,
        historyFile: terminal ? historyFile() : undefined,
      })
    }
    // `mirage < script` and `mirage -`: the whole of stdin is the script, as with bash.
    const script = new TextDecoder().decode(await readAll(process.stdin))
    return await runScript(ws, script, { name: "mirage", args: options.args })
  } finally {
    await close()
  }
}
