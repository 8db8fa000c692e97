import { Effect } from "effect"
import type { CommandContext, CommandDef } from "../../Command.ts"
import { writeText } from "../../Io.ts"
import type { BrokenPipe } from "../../Io.ts"

/**
 * Commands the registry knows by name and summary, whose module is imported
 * on first use: a new process pays only for the commands it runs (a cold
 * `echo hi` loads none of awk, sed, find or gzip), and bundlers put each
 * command in its own chunk.
 */

/** A registry entry whose implementation is imported on first use. */
export interface LazyCommand extends CommandDef {
  /** The implementation, importing its module the first time. */
  readonly load: () => Promise<CommandDef>
}

/**
 * A command known by `name` and `summary` until it first runs, when `load`
 * imports it. `help` is the full text once loaded, the summary before.
 */
export const lazy = (name: string, summary: string, load: () => Promise<CommandDef>): LazyCommand => {
  let loaded: CommandDef | undefined
  let loading: Promise<CommandDef> | undefined
  const get = (): Promise<CommandDef> =>
    (loading ??= load().then((def) => {
      loaded = def
      return def
    }))
  const run = (ctx: CommandContext): Effect.Effect<number, BrokenPipe> => {
    if (loaded !== undefined) return loaded.run(ctx)
    return Effect.tryPromise(get).pipe(
      Effect.matchEffect({
        onSuccess: (def) => def.run(ctx),
        // a module that cannot be imported (a missing optional dependency) is the command being absent
        onFailure: (error) => Effect.as(writeText(ctx.stderr, `${name}: cannot load: ${String(error.cause)}\n`), 127),
      }),
    )
  }
  return {
    name,
    summary,
    get help() {
      return loaded?.help ?? `${summary}\n`
    },
    run,
    load: get,
  }
}

/** The implementation behind a registry entry (the entry itself when it is not lazy). */
export const load = (def: CommandDef): Promise<CommandDef> =>
  "load" in def && isLoader(def.load) ? def.load() : Promise.resolve(def)

const isLoader = (value: unknown): value is () => Promise<CommandDef> => typeof value === "function"
