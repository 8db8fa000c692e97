import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { strerror } from "./shared/Canonical.ts"

/** Remove one empty directory; the errno text on failure. */
const removeDir = (ctx: CommandContext, path: string): Effect.Effect<string | undefined> =>
  Effect.gen(function* () {
    const last = path.replace(/\/+$/, "").split("/").pop()
    // The namespace would normalize these away; the kernel refuses them.
    if (last === ".") return "Invalid argument"
    if (last === "..") return "Directory not empty"
    const abs = ctx.resolve(path)
    const st = yield* Effect.result(ctx.fs.lstat(abs))
    if (st._tag === "Failure") return strerror(st.failure)
    if (st.success.type !== "directory") {
      // `rmdir link/` names the directory through the link, which rmdir will not remove.
      if (st.success.type === "symlink" && path.endsWith("/")) {
        const target = yield* Effect.result(ctx.fs.stat(abs))
        if (target._tag === "Success" && target.success.type === "directory") return "Symbolic link not followed"
      }
      return "Not a directory"
    }
    const removed = yield* Effect.result(ctx.fs.remove(abs))
    return removed._tag === "Failure" ? strerror(removed.failure) : undefined
  })

/** `rmdir`: remove empty directories. */
export const rmdir = make("rmdir", {
  summary: "Remove the DIRECTORY(ies), if they are empty.",
  flags: {
    ignoreNonEmpty: Flag.boolean(
      null,
      "ignore-fail-on-non-empty",
      "ignore each failure to remove a non-empty directory",
    ),
    parents: Flag.boolean(
      "p",
      "parents",
      "remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'",
    ),
    verbose: Flag.boolean("v", "verbose", "output a diagnostic for every directory processed"),
  },
  operands: { usage: "DIRECTORY...", min: 1 },
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      let status = 0
      const ignorable = (error: string) => flags.ignoreNonEmpty && error === "Directory not empty"
      for (const operand of operands) {
        if (flags.verbose) yield* writeText(ctx.stdout, `rmdir: removing directory, ${quote(operand)}\n`)
        const error = yield* removeDir(ctx, operand)
        if (error !== undefined) {
          if (!ignorable(error)) {
            status = 1
            yield* writeText(ctx.stderr, `rmdir: failed to remove ${quote(operand)}: ${error}\n`)
          }
          continue
        }
        if (!flags.parents) continue
        let path = operand.replace(/\/+$/, "")
        while (true) {
          const slash = path.lastIndexOf("/")
          if (slash <= 0) break
          path = path.slice(0, slash).replace(/\/+$/, "")
          if (path === "") break
          if (flags.verbose) yield* writeText(ctx.stdout, `rmdir: removing directory, ${quote(path)}\n`)
          const parentError = yield* removeDir(ctx, path)
          if (parentError !== undefined) {
            if (!ignorable(parentError)) {
              status = 1
              yield* writeText(ctx.stderr, `rmdir: failed to remove directory ${quote(path)}: ${parentError}\n`)
            }
            break
          }
        }
      }
      return status
    }),
})
