import { type Cause, Context, Effect, Fiber, Layer, Queue, type Scope, Stream } from "effect"
import type { CommandDef } from "./interpreter/Command.ts"
import { allCommands as builtinCommands } from "./interpreter/commands/registry.ts"
import {
  emptyInput,
  encode,
  type Input,
  inputFromBytes,
  inputFromStream,
  makeCollector,
  type Output,
} from "./interpreter/Io.ts"
import * as Session from "./interpreter/Session.ts"
import { makePolicy, type NetworkOptions } from "./interpreter/commands/net/Policy.ts"
import { capLines, type Limits } from "./interpreter/Limits.ts"
import * as Cache from "./vfs/Cache.ts"
import * as Namespace from "./vfs/Namespace.ts"
import type { Resource } from "./vfs/Resource.ts"
import { VfsError } from "./vfs/VfsError.ts"

/**
 * The Effect API: a workspace is a service holding the namespace, the
 * command registry and its sessions.
 *
 * @example
 * ```ts
 * const result = await Effect.runPromise(
 *   Mirage.execute("ls /data").pipe(Effect.provide(Mirage.layer({ "/data": new RAMResource() }))),
 * )
 * ```
 */

/** The result of running a script. */
export interface ExecuteResult {
  readonly exitCode: number
  /** True when the script ended by `exit` (an interactive shell leaves then). */
  readonly exited: boolean
  readonly stdout: Uint8Array
  readonly stderr: Uint8Array
  readonly stdoutText: string
  readonly stderrText: string
}

export interface ExecuteOptions {
  /** Working directory for this run (relative to the session's). */
  readonly cwd?: string | undefined
  /** Variables to export before running. */
  readonly env?: Readonly<Record<string, string>> | undefined
  /** Bytes for the script's stdin, or a stream of them read as the script consumes it. */
  readonly stdin?: string | Uint8Array | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | undefined
  /** Positional parameters `$1...`. */
  readonly args?: ReadonlyArray<string> | undefined
  /** `$0`. */
  readonly name?: string | undefined
  /** The session to run in (default: "default"). */
  readonly session?: string | undefined
  /**
   * Bypass the cache's freshness window for this run: every stat and listing
   * asks the backend, every cached read is revalidated against its version.
   */
  readonly fresh?: boolean | undefined
  /** Limits for this run, over the workspace's (`Infinity` turns one off). */
  readonly limits?: Partial<Limits> | undefined
  /**
   * Keep only the first N lines of the collected stdout, followed by a line
   * saying how many were dropped: a cap for output handed to a model. Pipes
   * inside the script are not affected; streamed stdout is not cut.
   */
  readonly maxOutputLines?: number | undefined
}

/** For the Promise facade: streaming outputs and cancellation. */
export interface ExecuteHooks {
  readonly stdout?: Output | undefined
  readonly stderr?: Output | undefined
  /** Aborting interrupts the run; the result keeps the output so far and has status 130. */
  readonly signal?: AbortSignal | undefined
}

export interface WorkspaceOptions {
  /** Default mode of the mounts given to the constructor. */
  readonly mode?: Namespace.MountMode | undefined
  /** Initial working directory. */
  readonly cwd?: string | undefined
  /** Initial environment (exported). */
  readonly env?: Readonly<Record<string, string>> | undefined
  /** Extra commands, or replacements for built-in ones. */
  readonly commands?: ReadonlyArray<CommandDef> | undefined
  /** Limits of every run, over `defaultLimits` (each call may override them). */
  readonly limits?: Partial<Limits> | undefined
  /** What `curl` and `wget` may reach; nothing by default. */
  readonly network?: NetworkOptions | undefined
}

export interface WorkspaceShape {
  readonly ns: Namespace.NamespaceShape
  /** Mount a resource, adopting the commands it brings. */
  readonly addMount: (prefix: string, resource: Resource, mode: Namespace.MountMode) => void
  readonly registerCommand: (def: CommandDef) => void
  readonly session: (name?: string) => Effect.Effect<Session.Session>
  readonly execute: (script: string, options?: ExecuteOptions, hooks?: ExecuteHooks) => Effect.Effect<ExecuteResult>
  readonly executeStream: (
    script: string,
    options?: ExecuteOptions,
  ) => Effect.Effect<{
    readonly stdout: Stream.Stream<Uint8Array>
    readonly stderr: Stream.Stream<Uint8Array>
    readonly exitCode: Effect.Effect<number>
  }>
  readonly close: Effect.Effect<void>
}

/** The workspace service. */
export class Mirage extends Context.Service<Mirage, WorkspaceShape>()("mirage/Mirage") {}

const decoder = new TextDecoder()

const toInput = (stdin: ExecuteOptions["stdin"]): Effect.Effect<Input, never, Scope.Scope> => {
  if (stdin === undefined) return Effect.succeed(emptyInput)
  if (typeof stdin === "string") return Effect.succeed(inputFromBytes(encode(stdin)))
  if (stdin instanceof Uint8Array) return Effect.succeed(inputFromBytes(stdin))
  const stream =
    stdin instanceof ReadableStream
      ? Stream.fromReadableStream({ evaluate: () => stdin, onError: stdinError })
      : Stream.fromAsyncIterable(stdin, stdinError)
  return inputFromStream(stream)
}

const stdinError = (error: unknown) =>
  new VfsError({
    reason: "Backend",
    op: "read",
    path: "/dev/stdin",
    detail: error instanceof Error ? error.message : String(error),
  })

/** Build a workspace over mounts (a record of prefix to resource, or mount entries). */
export const makeWorkspace = (
  mounts: Readonly<Record<string, Resource>> | ReadonlyArray<Namespace.Mount>,
  options: WorkspaceOptions = {},
): Effect.Effect<WorkspaceShape> =>
  Effect.sync(() => {
    const mode = options.mode ?? Namespace.MountMode.READ
    const entries: Array<Namespace.Mount> = Array.isArray(mounts)
      ? [...mounts]
      : Object.entries(mounts).map(([prefix, resource]) => ({ prefix, resource, mode }))
    const ns = Namespace.make(entries)
    const registry = new Map<string, CommandDef>()
    for (const c of builtinCommands) registry.set(c.name, c)
    // A resource may bring commands of its own (`linear issue create`); the user's still win.
    const userCommands = new Set((options.commands ?? []).map((c) => c.name))
    const adoptCommands = (resource: Resource) => {
      for (const c of commandsOf(resource)) if (!userCommands.has(c.name)) registry.set(c.name, c)
    }
    for (const mount of entries) adoptCommands(mount.resource)
    for (const c of options.commands ?? []) registry.set(c.name, c)
    const network = makePolicy(options.network)
    const sessions = new Map<string, Session.Session>()
    const session = (name = "default") =>
      Effect.gen(function* () {
        let s = sessions.get(name)
        if (s === undefined) {
          s = yield* Session.make({
            ns,
            commands: registry,
            limits: options.limits,
            network,
            env: options.env,
            cwd: options.cwd,
          })
          sessions.set(name, s)
        }
        return s
      })
    const execute = (script: string, opts: ExecuteOptions = {}, hooks: ExecuteHooks = {}) =>
      Effect.gen(function* () {
        const s = yield* session(opts.session)
        const out = makeCollector()
        const err = makeCollector()
        // The session stops the run on abort, timeout or a breached limit, keeping the output so far.
        const result = yield* Effect.scoped(
          Effect.flatMap(toInput(opts.stdin), (stdin) =>
            s.run(script, {
              ...opts,
              stdin,
              stdout: hooks.stdout ?? out.output,
              stderr: hooks.stderr ?? err.output,
              signal: hooks.signal,
            }),
          ),
        ).pipe(Effect.provideService(Cache.Fresh, opts.fresh === true))
        const exitCode = result.exitCode
        const stdout = capLines(out.bytes(), opts.maxOutputLines)
        const stderr = err.bytes()
        return {
          exitCode,
          exited: result.exited,
          stdout,
          stderr,
          get stdoutText() {
            return decoder.decode(stdout)
          },
          get stderrText() {
            return decoder.decode(stderr)
          },
        }
      })
    const executeStream = (script: string, opts: ExecuteOptions = {}) =>
      Effect.gen(function* () {
        const s = yield* session(opts.session)
        const outQ = yield* Queue.bounded<Uint8Array, Cause.Done>(16)
        const errQ = yield* Queue.bounded<Uint8Array, Cause.Done>(16)
        const toOutput = (q: typeof outQ): Output => ({
          write: (bytes) => Effect.asVoid(Queue.offer(q, bytes)),
        })
        const fiber = yield* Effect.forkDetach(
          Effect.scoped(
            Effect.flatMap(toInput(opts.stdin), (stdin) =>
              s.run(script, { ...opts, stdin, stdout: toOutput(outQ), stderr: toOutput(errQ) }),
            ),
          ).pipe(
            Effect.provideService(Cache.Fresh, opts.fresh === true),
            Effect.map((r) => r.exitCode),
            Effect.ensuring(Effect.all([Queue.end(outQ), Queue.end(errQ)])),
          ),
        )
        return {
          stdout: Stream.fromQueue(outQ),
          stderr: Stream.fromQueue(errQ),
          exitCode: Fiber.join(fiber),
        }
      })
    return {
      ns,
      addMount: (prefix, resource, mode) => {
        ns.addMount(prefix, resource, mode)
        adoptCommands(resource)
      },
      registerCommand: (def) => {
        userCommands.add(def.name)
        registry.set(def.name, def)
      },
      session,
      execute,
      executeStream,
      close: ns.close,
    }
  })

/** The commands a resource brings (`LinearResource.commands`); most bring none. */
const commandsOf = (resource: Resource): ReadonlyArray<CommandDef> => {
  const commands: unknown = "commands" in resource ? resource.commands : undefined
  return Array.isArray(commands) ? commands.filter(isCommandDef) : []
}

const isCommandDef = (value: unknown): value is CommandDef =>
  typeof value === "object" && value !== null && "name" in value && typeof value.name === "string" && "run" in value

/** A layer providing a workspace over the given mounts. */
export const layer = (
  mounts: Readonly<Record<string, Resource>> | ReadonlyArray<Namespace.Mount>,
  options: WorkspaceOptions = {},
): Layer.Layer<Mirage> =>
  Layer.effect(
    Mirage,
    Effect.acquireRelease(makeWorkspace(mounts, options), (ws) => ws.close),
  )

/** Run a script in the workspace's default session and collect its output. */
export const execute = (script: string, options?: ExecuteOptions): Effect.Effect<ExecuteResult, never, Mirage> =>
  Effect.flatMap(Mirage, (ws) => ws.execute(script, options))

/** Run a script, giving stdout and stderr as streams while it runs. */
export const executeStream = (script: string, options?: ExecuteOptions) =>
  Effect.flatMap(Mirage, (ws) => ws.executeStream(script, options))
