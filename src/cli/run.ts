/**
 * Running an invocation of the `mirage` CLI: building the workspace from `--mount` flags, then a
 * script, a script file, stdin, or the interactive shell. Node-only app code: it imports `node:*`.
 * `main.ts` loads it only once the arguments are known to be valid, so `--help` and usage errors
 * answer without loading the interpreter.
 */
import * as fs from "node:fs"
import * as os from "node:os"
import * as path from "node:path"
import { DiskResource, MountMode, RAMResource, Workspace } from "../node.ts"
import type { CliOptions, MountFlag } from "./args.ts"
import { runRepl } from "./repl.ts"

/** Status after SIGINT, as bash reports a command killed by it. */
const INTERRUPTED = 130
/** Status when our stdout reader went away, as bash reports SIGPIPE. */
const BROKEN_PIPE = 141

/** A problem with the invocation found while setting up (status 2); the message has no prefix. */
export class UsageError extends Error {}

const resourceFor = (mount: MountFlag, hostCwd: string): RAMResource | DiskResource => {
  if (mount.spec.kind === "ram") return new RAMResource()
  const root = path.resolve(hostCwd, mount.spec.dir)
  let stat: fs.Stats
  try {
    stat = fs.statSync(root)
  } catch {
    throw new UsageError(`--mount: ${mount.spec.dir}: No such file or directory`)
  }
  if (!stat.isDirectory()) throw new UsageError(`--mount: ${mount.spec.dir}: Not a directory`)
  return new DiskResource({ root })
}

/** The workspace an invocation asks for: its mounts, or one writable RAM mount at `/`. */
const makeWorkspace = (options: CliOptions, hostCwd: string): Workspace => {
  const flags: ReadonlyArray<MountFlag> =
    options.mounts.length > 0 ? options.mounts : [{ prefix: "/", spec: { kind: "ram" }, readOnly: false }]
  const resources = flags.map((flag) => ({ flag, resource: resourceFor(flag, hostCwd) }))
  const writable: Record<string, RAMResource | DiskResource> = {}
  for (const { flag, resource } of resources) if (!flag.readOnly) writable[flag.prefix] = resource
  const ws = new Workspace(writable, { mode: MountMode.WRITE, cwd: options.cwd ?? "/", env: { HOME: "/" } })
  for (const { flag, resource } of resources) if (flag.readOnly) ws.addMount(flag.prefix, resource, MountMode.READ)
  return ws
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
  const ws = makeWorkspace(options, process.cwd())
  try {
    if (options.cwd !== undefined) await checkCwd(ws, options.cwd)
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
    await ws.close()
  }
}
