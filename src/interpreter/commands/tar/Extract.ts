import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import * as Path from "../../../vfs/Path.ts"
import type { CommandContext } from "../../Command.ts"
import { errorText } from "../../ExitStatus.ts"
import type { BrokenPipe, Output } from "../../Io.ts"
import { openFileOutput } from "../shared/FileOutput.ts"
import type { TarEntry } from "./Header.ts"
import type { Body, TarFormatError } from "./Read.ts"

/** How `tar -x` writes members. */
export interface ExtractOptions {
  readonly dir: string
  readonly keepOld: boolean
  readonly touch: boolean
  /** Write file data here instead of creating files (`-O`). */
  readonly toStdout: Output | undefined
  readonly warn: (message: string) => Effect.Effect<void, BrokenPipe>
}

/** Extracts members one at a time; `finish` sets directory times once their contents are in. */
export const makeExtractor = (ctx: CommandContext, options: ExtractOptions) => {
  const dirTimes: Array<readonly [string, number]> = []
  let ok = true
  const failed = (name: string, what: string, e: VfsError) =>
    Effect.andThen(
      options.warn(`${name}: ${what}: ${errorText(e)}`),
      Effect.sync(() => (ok = false)),
    )
  const target = (name: string) => Path.resolve(options.dir, name)

  /** Make room for a new member: refused with `-k`, else whatever is there goes (not a directory). */
  const clear = (path: string) =>
    Effect.gen(function* () {
      const st = yield* Effect.result(ctx.fs.lstat(path))
      if (st._tag === "Failure") return "free" as const
      if (options.keepOld) return "exists" as const
      if (st.success.type !== "directory") yield* Effect.ignore(ctx.fs.remove(path))
      return "free" as const
    })

  const extract = <E>(
    entry: TarEntry,
    name: string,
    body: Body<E>,
  ): Effect.Effect<void, E | BrokenPipe | TarFormatError> =>
    Effect.gen(function* () {
      if (options.toStdout !== undefined) {
        const out = options.toStdout
        if (entry.type === "file" || entry.type === "other") yield* body((chunk) => out.write(chunk))
        return
      }
      const path = target(name)
      const parent = Path.dirname(path)
      const made = yield* Effect.result(ctx.fs.mkdir(parent, { recursive: true }))
      if (made._tag === "Failure") return yield* failed(name, "Cannot mkdir", made.failure)
      if (entry.type === "directory") {
        const r = yield* Effect.result(ctx.fs.mkdir(path, { recursive: true }))
        if (r._tag === "Failure") return yield* failed(name, "Cannot mkdir", r.failure)
        if (!options.touch) dirTimes.push([path, entry.mtime * 1000])
        return
      }
      if (entry.type === "symlink") {
        if ((yield* clear(path)) === "exists") {
          ok = false
          return yield* options.warn(`${name}: Cannot create symlink to '${entry.linkname}': File exists`)
        }
        const r = yield* Effect.result(ctx.fs.symlink(entry.linkname, path))
        if (r._tag === "Failure") return yield* failed(name, `Cannot create symlink to '${entry.linkname}'`, r.failure)
        return
      }
      if ((yield* clear(path)) === "exists") {
        ok = false
        return yield* options.warn(`${name}: Cannot open: File exists`)
      }
      if (entry.type === "hardlink") {
        // No hard links in the namespace: the member becomes a copy of its target.
        const r = yield* Effect.result(ctx.fs.copyFile(target(entry.linkname), path))
        if (r._tag === "Failure") return yield* failed(name, `Cannot hard link to '${entry.linkname}'`, r.failure)
        return
      }
      const file = yield* openFileOutput(ctx, path)
      yield* body((chunk) => file.output.write(chunk))
      const closed = yield* file.close
      if (closed !== undefined) return yield* failed(name, "Cannot open", closed)
      if (!options.touch) yield* Effect.ignore(ctx.fs.setMtime(path, entry.mtime * 1000))
    })

  return {
    extract,
    finish: Effect.gen(function* () {
      for (const [path, mtime] of dirTimes.reverse()) yield* Effect.ignore(ctx.fs.setMtime(path, mtime))
      return ok
    }),
  }
}
