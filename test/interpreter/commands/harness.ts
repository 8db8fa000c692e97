import { Effect } from "effect"
import type { CommandContext, CommandDef } from "../../../src/interpreter/Command.ts"
import type { NetworkPolicy } from "../../../src/interpreter/commands/net/Policy.ts"
import { inputFromBytes, makeCollector, type Input, type Output } from "../../../src/interpreter/Io.ts"
import { RAMResource } from "../../../src/resources/RAM.ts"
import * as Namespace from "../../../src/vfs/Namespace.ts"
import type { NamespaceShape } from "../../../src/vfs/Namespace.ts"
import * as Path from "../../../src/vfs/Path.ts"

/**
 * Runs a command's `run` over a fresh RAM namespace mounted at `/`, with
 * given files, stdin bytes and working directory, and collects what it wrote.
 */

export interface Setup {
  /** Files to create (parents are created too); strings are UTF-8, or use `latin1(...)` for raw bytes. */
  readonly files?: Readonly<Record<string, string | Uint8Array>>
  readonly dirs?: ReadonlyArray<string>
  /** Modification times (ms since the epoch) to set after creating. */
  readonly mtimes?: Readonly<Record<string, number>>
  readonly symlinks?: Readonly<Record<string, string>>
  readonly stdin?: string | Uint8Array | Input
  readonly cwd?: string
  readonly env?: Readonly<Record<string, string>>
  /** Commands reachable through `ctx.exec`. */
  readonly commands?: ReadonlyArray<CommandDef>
  /** Reuse a namespace (to inspect it afterwards or chain runs). */
  readonly fs?: NamespaceShape
  /** The network policy commands see (default: none, so nothing is reachable). */
  readonly network?: NetworkPolicy
}

export interface Result {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
  readonly stdoutBytes: Uint8Array
  readonly fs: NamespaceShape
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Bytes from a string of code units 0-255. */
export const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0))

const bytesOf = (v: string | Uint8Array): Uint8Array => (typeof v === "string" ? encoder.encode(v) : v)

/** A fresh namespace with `setup`'s files in it. */
export const makeFs = (setup: Setup = {}): Effect.Effect<NamespaceShape, unknown> =>
  Effect.gen(function* () {
    const fs = setup.fs ?? Namespace.make([{ prefix: "/", resource: new RAMResource(), mode: "write" }])
    const cwd = setup.cwd ?? "/"
    const abs = (p: string) => Path.resolve(cwd, p)
    yield* fs.mkdir(cwd, { recursive: true })
    for (const d of setup.dirs ?? []) yield* fs.mkdir(abs(d), { recursive: true })
    for (const [p, content] of Object.entries(setup.files ?? {})) {
      yield* fs.mkdir(Path.dirname(abs(p)), { recursive: true })
      yield* fs.writeFile(abs(p), bytesOf(content))
    }
    for (const [p, target] of Object.entries(setup.symlinks ?? {})) yield* fs.symlink(target, abs(p))
    for (const [p, t] of Object.entries(setup.mtimes ?? {})) yield* fs.setMtime(abs(p), t)
    return fs
  })

/** Build a context over `fs`. */
export const makeContext = (
  fs: NamespaceShape,
  name: string,
  args: ReadonlyArray<string>,
  io: { readonly stdin: Input; readonly stdout: Output; readonly stderr: Output },
  setup: Setup = {},
): CommandContext => {
  const cwd = setup.cwd ?? "/"
  const ctx: CommandContext = {
    name,
    args,
    ...io,
    cwd,
    env: new Map(Object.entries(setup.env ?? {})),
    fs,
    resolve: (p) => Path.resolve(cwd, p),
    network: setup.network,
    exec: (argv, over) => {
      const def = (setup.commands ?? []).find((c) => c.name === argv[0])
      if (def === undefined) return Effect.succeed(127)
      return def.run(makeContext(fs, argv[0], argv.slice(1), { ...io, ...over }, setup))
    },
  }
  return ctx
}

/** Run `def` with `args` as an Effect. */
export const runEffect = (def: CommandDef, args: ReadonlyArray<string>, setup: Setup = {}) =>
  Effect.gen(function* () {
    const fs = yield* makeFs(setup)
    const out = makeCollector()
    const err = makeCollector()
    const stdin =
      setup.stdin === undefined
        ? inputFromBytes(new Uint8Array(0))
        : typeof setup.stdin === "string" || setup.stdin instanceof Uint8Array
          ? inputFromBytes(bytesOf(setup.stdin))
          : setup.stdin
    const status = yield* def.run(
      makeContext(fs, def.name, args, { stdin, stdout: out.output, stderr: err.output }, setup),
    )
    return {
      status,
      stdout: decoder.decode(out.bytes()),
      stderr: decoder.decode(err.bytes()),
      stdoutBytes: out.bytes(),
      fs,
    } satisfies Result
  })

/** Run `def` with `args` and collect its output. */
export const run = (def: CommandDef, args: ReadonlyArray<string>, setup: Setup = {}): Promise<Result> =>
  Effect.runPromise(runEffect(def, args, setup))

/** Read a file of a result's namespace as UTF-8, or null when it is missing. */
export const readText = (fs: NamespaceShape, path: string): Promise<string | null> =>
  Effect.runPromise(
    fs.readFile(path).pipe(
      Effect.map((b) => decoder.decode(b)),
      Effect.catch(() => Effect.succeed(null)),
    ),
  )

/**
 * The tree under `/` as sorted lines: `dir/`, `file=content`, `link@target`
 * (paths relative to `/`), the form the test generator records from a real run.
 */
export const tree = (fs: NamespaceShape): Promise<ReadonlyArray<string>> =>
  Effect.runPromise(
    Effect.gen(function* () {
      const out: Array<string> = []
      const walk = (dir: string): Effect.Effect<void, unknown> =>
        Effect.gen(function* () {
          for (const e of yield* fs.list(dir)) {
            const path = dir === "/" ? `/${e.name}` : `${dir}/${e.name}`
            const rel = path.slice(1)
            if (e.type === "symlink") out.push(`${rel}@${yield* fs.readlink(path)}`)
            else if (e.type === "directory") {
              out.push(`${rel}/`)
              yield* walk(path)
            } else out.push(`${rel}=${decoder.decode(yield* fs.readFile(path))}`)
          }
        })
      yield* walk("/")
      return out.sort()
    }),
  )

/** One case of a command table. */
export interface Case {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string | Uint8Array>>
  readonly dirs?: ReadonlyArray<string>
  readonly symlinks?: Readonly<Record<string, string>>
  /** The whole tree afterwards, as `tree` prints it. */
  readonly tree?: ReadonlyArray<string>
  readonly stdout?: string
  readonly stderr?: string
  readonly status?: number
  /** Files to read back after the run (relative to `/`), and their expected concatenation. */
  readonly read?: ReadonlyArray<string>
  readonly after?: string
}

/** The concatenated contents of a case's `read` files after a run (missing files read as empty). */
export const readBack = async (r: Result, c: Case): Promise<string | undefined> => {
  if (c.read === undefined) return undefined
  const contents = await Promise.all(c.read.map((p) => readText(r.fs, Path.resolve("/", p))))
  return contents.map((x) => x ?? "").join("")
}

/** The part of a result a case checks. */
export const outcome = (r: Result, c: Case) => ({
  stdout: c.stdout === undefined ? undefined : r.stdout,
  stderr: c.stderr === undefined ? undefined : r.stderr,
  status: r.status,
})

/** What a case expects, in the shape of `outcome`. */
export const expected = (c: Case) => ({ stdout: c.stdout, stderr: c.stderr ?? undefined, status: c.status ?? 0 })
