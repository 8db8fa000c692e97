import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, report } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { resolveOperand } from "./shared/Files.ts"
import { joinDisplay, lastComponent } from "./shared/Paths.ts"

/** `mv`: move (rename) files; across mounts the namespace streams the data. */
export const mv = make("mv", {
  summary: "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.",
  flags: {
    force: Flag.boolean("f", "force", "do not prompt before overwriting"),
    noClobber: Flag.boolean("n", "no-clobber", "do not overwrite an existing file"),
    targetDirectory: Flag.string("t", "target-directory", "move all SOURCE arguments into DIRECTORY", {
      arg: "DIRECTORY",
    }),
    noTargetDirectory: Flag.boolean("T", "no-target-directory", "treat DEST as a normal file"),
    update: Flag.boolean(
      "u",
      "update",
      "move only when the SOURCE file is newer than the destination file or when the destination file is missing",
    ),
    verbose: Flag.boolean("v", "verbose", "explain what is being done"),
  },
  operands: { usage: "SOURCE... DIRECTORY" },
  run: ({ flags, operands, ctx, name, usage }) =>
    Effect.gen(function* () {
      if (operands.length === 0) return yield* usage("missing file operand")
      if (flags.targetDirectory === undefined && operands.length === 1) {
        return yield* usage(`missing destination file operand after ${quote(operands[0])}`)
      }
      const dest = flags.targetDirectory ?? operands[operands.length - 1]
      const sources = flags.targetDirectory === undefined ? operands.slice(0, -1) : operands
      const destPath = yield* Effect.result(resolveOperand(ctx, dest))
      const destStat = destPath._tag === "Success" ? yield* Effect.option(ctx.fs.stat(destPath.success)) : undefined
      const destIsDir = destStat?._tag === "Some" && destStat.value.type === "directory" && !flags.noTargetDirectory
      if (sources.length > 1 || flags.targetDirectory !== undefined) {
        if (destStat === undefined || destStat._tag === "None") {
          yield* writeText(ctx.stderr, `${name}: target ${quote(dest)}: No such file or directory\n`)
          return 1
        }
        if (!destIsDir) {
          yield* writeText(ctx.stderr, `${name}: target ${quote(dest)}: Not a directory\n`)
          return 1
        }
      }

      let status = 0
      const say = (message: string) =>
        Effect.map(writeText(ctx.stderr, `${name}: ${message}\n`), () => {
          status = 1
        })
      for (const source of sources) {
        const resolved = yield* Effect.result(
          Effect.flatMap(resolveOperand(ctx, source), (p) =>
            Effect.map(ctx.fs.lstat(p), (s) => ({ path: p, stat: s })),
          ),
        )
        if (resolved._tag === "Failure") {
          yield* report(ctx.stderr, name, `cannot stat ${quote(source)}`, resolved.failure)
          status = 1
          continue
        }
        if (destPath._tag === "Failure") {
          yield* report(ctx.stderr, name, `cannot move ${quote(source)} to ${quote(dest)}`, destPath.failure)
          status = 1
          continue
        }
        const { path, stat } = resolved.success
        const target = destIsDir
          ? `${destPath.success === "/" ? "" : destPath.success}/${lastComponent(source)}`
          : destPath.success
        const targetDisplay = destIsDir ? joinDisplay(dest, lastComponent(source)) : dest
        if (Path.normalize(target) === path) {
          yield* say(`${quote(source)} and ${quote(targetDisplay)} are the same file`)
          continue
        }
        if (stat.type === "directory" && Path.isWithin(path, target)) {
          yield* say(`cannot move ${quote(source)} to a subdirectory of itself, ${quote(targetDisplay)}`)
          continue
        }
        const existing = yield* Effect.option(ctx.fs.stat(target))
        if (existing._tag === "Some") {
          if (flags.noClobber) continue
          if (flags.update && existing.value.mtime >= stat.mtime) continue
          const targetIsDir = existing.value.type === "directory"
          if (stat.type === "directory" && !targetIsDir) {
            yield* say(`cannot overwrite non-directory ${quote(targetDisplay)} with directory ${quote(source)}`)
            continue
          }
          if (stat.type !== "directory" && targetIsDir) {
            yield* say(`cannot overwrite directory ${quote(targetDisplay)} with non-directory`)
            continue
          }
        }
        const r = yield* Effect.result(ctx.fs.rename(path, target))
        if (r._tag === "Failure") {
          yield* report(ctx.stderr, name, `cannot move ${quote(source)} to ${quote(targetDisplay)}`, r.failure)
          status = 1
          continue
        }
        if (flags.verbose) yield* writeText(ctx.stdout, `renamed ${quote(source)} -> ${quote(targetDisplay)}\n`)
      }
      return status
    }),
})
