import { Effect } from "effect"
import type { VfsError } from "../../vfs/VfsError.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, report } from "../ExitStatus.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { resolveOperand } from "./shared/Files.ts"
import { joinDisplay } from "./shared/Paths.ts"

/** `rm`: remove files or directories. Children go before their directory, in byte order of names. */
export const rm = make("rm", {
  summary: "Remove (unlink) the FILE(s).",
  flags: {
    force: Flag.boolean("f", "force", "ignore nonexistent files and arguments, never prompt"),
    recursive: Flag.boolean(["r", "R"], "recursive", "remove directories and their contents recursively"),
    dir: Flag.boolean("d", "dir", "remove empty directories"),
    verbose: Flag.boolean("v", "verbose", "explain what is being done"),
    noPreserveRoot: Flag.boolean(null, "no-preserve-root", "do not treat '/' specially"),
    preserveRoot: Flag.boolean(null, "preserve-root", "do not remove '/' (default)"),
  },
  operands: { usage: "[FILE]..." },
  run: ({ flags, operands, ctx, name, usage }) =>
    Effect.gen(function* () {
      if (operands.length === 0) return flags.force ? 0 : yield* usage("missing operand")
      let status = 0
      const fail = (display: string, error: VfsError) =>
        Effect.map(report(ctx.stderr, name, `cannot remove ${quote(display)}`, error), (s) => {
          status = s
        })
      const removed = (display: string, dir: boolean) =>
        flags.verbose ? writeText(ctx.stdout, `removed ${dir ? "directory " : ""}${quote(display)}\n`) : Effect.void

      /** Remove `path` (a directory's contents first); true when it is gone. */
      const remove = (path: string, display: string, isDir: boolean): Effect.Effect<boolean, BrokenPipe> =>
        Effect.gen(function* () {
          // One call removes a whole tree where the backend can (a batched delete on S3);
          // the walk below then only runs to name what could not be removed.
          if (isDir && flags.recursive && !flags.verbose) {
            const whole = yield* Effect.result(ctx.fs.remove(path, { recursive: true }))
            if (whole._tag === "Success") return true
          }
          if (isDir && flags.recursive) {
            const entries = yield* Effect.result(ctx.fs.list(path))
            if (entries._tag === "Failure") {
              yield* fail(display, entries.failure)
              return false
            }
            let all = true
            for (const entry of entries.success) {
              const child = `${path === "/" ? "" : path}/${entry.name}`
              if (!(yield* remove(child, joinDisplay(display, entry.name), entry.type === "directory"))) all = false
            }
            if (!all) return false
          }
          const r = yield* Effect.result(ctx.fs.remove(path))
          if (r._tag === "Failure") {
            yield* fail(display, r.failure)
            return false
          }
          yield* removed(display, isDir)
          return true
        })

      for (const operand of operands) {
        const last = operand.replace(/\/+$/, "").split("/").pop()
        if (flags.recursive && (last === "." || last === "..")) {
          yield* writeText(
            ctx.stderr,
            `${name}: refusing to remove '.' or '..' directory: skipping ${quote(operand)}\n`,
          )
          status = 1
          continue
        }
        const st = yield* Effect.result(
          Effect.flatMap(resolveOperand(ctx, operand), (p) =>
            Effect.map(ctx.fs.lstat(p), (s) => ({ path: p, type: s.type })),
          ),
        )
        if (st._tag === "Failure") {
          if (!(flags.force && (st.failure.reason === "NotFound" || st.failure.reason === "NotADirectory")))
            yield* fail(operand, st.failure)
          continue
        }
        const { path, type } = st.success
        if (type === "directory") {
          if (flags.recursive && path === "/" && !flags.noPreserveRoot) {
            // Named as fts names it: trailing slashes squeezed to one, except that `//` stays.
            const shown = operand === "//" ? operand : operand.replace(/\/+$/, "/")
            yield* writeText(
              ctx.stderr,
              `${name}: it is dangerous to operate recursively on ${quote(shown)}${shown === "/" ? "" : " (same as '/')"}\n${name}: use --no-preserve-root to override this failsafe\n`,
            )
            status = 1
            continue
          }
          if (!flags.recursive && !flags.dir) {
            yield* writeText(ctx.stderr, `${name}: cannot remove ${quote(operand)}: Is a directory\n`)
            status = 1
            continue
          }
        }
        yield* remove(path, operand, type === "directory")
      }
      return status
    }),
})
