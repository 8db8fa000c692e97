import { Effect } from "effect"
import type { CommandDef } from "./interpreter/Command.ts"
import { encode, type Output } from "./interpreter/Io.ts"
import {
  type ExecuteOptions,
  type ExecuteResult,
  makeWorkspace,
  type WorkspaceOptions,
  type WorkspaceShape,
} from "./Mirage.ts"
import * as Namespace from "./vfs/Namespace.ts"
import * as Path from "./vfs/Path.ts"
import type { FileStat, Resource } from "./vfs/Resource.ts"
import { describe, VfsError } from "./vfs/VfsError.ts"

/**
 * The Promise facade over a workspace, for code that does not use Effect.
 *
 * @example
 * ```ts
 * const ws = new Workspace({ "/data": new RAMResource() }, { mode: MountMode.WRITE })
 * await ws.execute("echo hello | tee /data/x.txt")
 * const r = await ws.execute("cat /data/x.txt | grep hello")
 * console.log(r.stdoutText) // "hello\n"
 * ```
 */

export interface WorkspaceExecuteOptions extends ExecuteOptions {
  /** Aborting stops the running script; the result then has status 130. */
  readonly signal?: AbortSignal | undefined
  /** Stream stdout here as it is produced (the result's stdout then stays empty). */
  readonly onStdout?: ((chunk: Uint8Array) => void) | undefined
  readonly onStderr?: ((chunk: Uint8Array) => void) | undefined
}

/** A filesystem error as the Promise API throws it, with a Node-style `code`. */
export class FsError extends Error {
  readonly code: string
  readonly reason: VfsError["reason"]
  readonly path: string
  constructor(error: VfsError) {
    super(`${error.op} '${error.path}': ${describe(error.reason)}`)
    this.name = "FsError"
    this.reason = error.reason
    this.path = error.path
    this.code = codes[error.reason]
  }
}

const codes: Record<VfsError["reason"], string> = {
  NotFound: "ENOENT",
  NotADirectory: "ENOTDIR",
  IsADirectory: "EISDIR",
  AlreadyExists: "EEXIST",
  NotEmpty: "ENOTEMPTY",
  ReadOnly: "EROFS",
  PermissionDenied: "EACCES",
  NotSupported: "ENOTSUP",
  Conflict: "EBUSY",
  QuotaExceeded: "EDQUOT",
  FileTooLarge: "EFBIG",
  Backend: "EIO",
}

const run = <A>(effect: Effect.Effect<A, VfsError>): Promise<A> =>
  Effect.runPromise(Effect.mapError(effect, (e) => new FsError(e)))

const decoder = new TextDecoder()

/** `ws.fs`: direct file operations on the namespace. */
export interface WorkspaceFs {
  readFile(path: string): Promise<Uint8Array>
  readFile(path: string, encoding: "utf8" | "utf-8"): Promise<string>
  writeFile(path: string, data: string | Uint8Array): Promise<void>
  appendFile(path: string, data: string | Uint8Array): Promise<void>
  readdir(path: string): Promise<Array<string>>
  stat(path: string): Promise<FileStat>
  mkdir(path: string, options?: { readonly recursive?: boolean }): Promise<void>
  rm(path: string, options?: { readonly recursive?: boolean; readonly force?: boolean }): Promise<void>
  rename(from: string, to: string): Promise<void>
  exists(path: string): Promise<boolean>
}

const bytesOf = (data: string | Uint8Array) => (typeof data === "string" ? encode(data) : data)

/** `ws.fs` over a namespace. */
class NamespaceFs implements WorkspaceFs {
  readonly #ns: Namespace.NamespaceShape
  constructor(ns: Namespace.NamespaceShape) {
    this.#ns = ns
  }
  readFile(path: string): Promise<Uint8Array>
  readFile(path: string, encoding: "utf8" | "utf-8"): Promise<string>
  readFile(path: string, encoding?: "utf8" | "utf-8"): Promise<Uint8Array | string> {
    return run(this.#ns.readFile(Path.normalize(path))).then((b) => (encoding === undefined ? b : decoder.decode(b)))
  }
  writeFile(path: string, data: string | Uint8Array): Promise<void> {
    return run(this.#ns.writeFile(Path.normalize(path), bytesOf(data)))
  }
  appendFile(path: string, data: string | Uint8Array): Promise<void> {
    return run(this.#ns.writeFile(Path.normalize(path), bytesOf(data), { append: true }))
  }
  readdir(path: string): Promise<Array<string>> {
    return run(Effect.map(this.#ns.list(Path.normalize(path)), (entries) => entries.map((e) => e.name)))
  }
  stat(path: string): Promise<FileStat> {
    return run(this.#ns.stat(Path.normalize(path)))
  }
  mkdir(path: string, options?: { readonly recursive?: boolean }): Promise<void> {
    return run(this.#ns.mkdir(Path.normalize(path), options))
  }
  rm(path: string, options?: { readonly recursive?: boolean; readonly force?: boolean }): Promise<void> {
    const force = options?.force === true
    return run(
      this.#ns.remove(Path.normalize(path), options).pipe(
        Effect.catchIf(
          (e) => force && e.reason === "NotFound",
          () => Effect.void,
        ),
      ),
    )
  }
  rename(from: string, to: string): Promise<void> {
    return run(this.#ns.rename(Path.normalize(from), Path.normalize(to)))
  }
  exists(path: string): Promise<boolean> {
    return Effect.runPromise(this.#ns.exists(Path.normalize(path)))
  }
}

export class Workspace {
  readonly #shape: Promise<WorkspaceShape>
  #ws: WorkspaceShape | undefined
  readonly fs: WorkspaceFs

  constructor(mounts: Readonly<Record<string, Resource>> = {}, options: WorkspaceOptions = {}) {
    // building the workspace is synchronous; keep it as a resolved value
    this.#ws = Effect.runSync(makeWorkspace(mounts, options))
    this.#shape = Promise.resolve(this.#ws)
    this.fs = new NamespaceFs(this.#ws.ns)
  }

  /** Run a script in the default session (cwd, variables and functions persist across calls). */
  async execute(script: string, options: WorkspaceExecuteOptions = {}): Promise<ExecuteResult> {
    const ws = await this.#shape
    const { signal, onStdout, onStderr, ...rest } = options
    const streaming = (f: ((chunk: Uint8Array) => void) | undefined): Output | undefined =>
      f === undefined ? undefined : { write: (b) => Effect.sync(() => f(b)) }
    return Effect.runPromise(
      ws.execute(script, rest, { stdout: streaming(onStdout), stderr: streaming(onStderr), signal }),
    )
  }

  /** Mount a resource; a prefix with or without a trailing slash is the same mount. */
  addMount(prefix: string, resource: Resource, mode: Namespace.MountMode = Namespace.MountMode.READ): void {
    this.#ws!.addMount(prefix, resource, mode)
  }

  removeMount(prefix: string): boolean {
    return this.#ws!.ns.removeMount(prefix)
  }

  /** The mount table. */
  mounts(): ReadonlyArray<Namespace.Mount> {
    return this.#ws!.ns.mounts()
  }

  /** Add a command (or replace a built-in one). */
  registerCommand(def: CommandDef): void {
    this.#ws!.registerCommand(def)
  }

  /** The default session's working directory. */
  get cwd(): string {
    return Effect.runSync(Effect.map(this.#ws!.session(), (s) => s.state.cwd))
  }

  async close(): Promise<void> {
    await Effect.runPromise(this.#ws!.close)
  }
}

export { VfsError }
