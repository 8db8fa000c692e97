import { Effect } from "effect"
import type { FileStat } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import * as Path from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, report } from "../ExitStatus.ts"
import { writeText, type BrokenPipe } from "../Io.ts"
import { resolveOperand } from "./shared/Files.ts"
import { joinDisplay, lastComponent } from "./shared/Paths.ts"

/** `cp`: copy files and directories (`-p` keeps modification times; the namespace has no owners to keep). */
export const cp = make("cp", {
  summary: "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.",
  flags: {
    archive: Flag.boolean("a", "archive", "same as -dR --preserve=all"),
    force: Flag.boolean("f", "force", "if an existing destination file cannot be opened, remove it and try again"),
    noClobber: Flag.boolean("n", "no-clobber", "do not overwrite an existing file"),
    preserve: Flag.boolean("p", null, "preserve modification times"),
    recursive: Flag.boolean(["r", "R"], "recursive", "copy directories recursively"),
    targetDirectory: Flag.string("t", "target-directory", "copy all SOURCE arguments into DIRECTORY", {
      arg: "DIRECTORY",
    }),
    noTargetDirectory: Flag.boolean("T", "no-target-directory", "treat DEST as a normal file"),
    update: Flag.boolean(
      "u",
      "update",
      "copy only when the SOURCE file is newer than the destination file or when the destination file is missing",
    ),
    verbose: Flag.boolean("v", "verbose", "explain what is being done"),
    oneFileSystem: Flag.boolean("x", "one-file-system", "stay on this file system (accepted)"),
  },
  operands: { usage: "SOURCE... DIRECTORY" },
  run: ({ flags, operands, ctx, name, usage }) =>
    Effect.gen(function* () {
      const recursive = flags.recursive || flags.archive
      const keepTimes = flags.preserve || flags.archive
      if (operands.length === 0) return yield* usage("missing file operand")
      if (flags.targetDirectory === undefined && operands.length === 1) {
        return yield* usage(`missing destination file operand after ${quote(operands[0])}`)
      }
      const dest = flags.targetDirectory ?? operands[operands.length - 1]
      const sources = flags.targetDirectory === undefined ? operands.slice(0, -1) : operands
      const destPath = yield* Effect.result(resolveOperand(ctx, dest))
      const destStat = destPath._tag === "Success" ? yield* Effect.option(ctx.fs.stat(destPath.success)) : undefined
      const destIsDir =
        destStat !== undefined &&
        destStat._tag === "Some" &&
        destStat.value.type === "directory" &&
        !flags.noTargetDirectory
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
      const verbose = (from: string, to: string) =>
        flags.verbose ? writeText(ctx.stdout, `${quote(from)} -> ${quote(to)}\n`) : Effect.void
      const failed = (context: string, error: VfsError) =>
        Effect.map(report(ctx.stderr, name, context, error), () => {
          status = 1
        })

      const copy = (
        src: string,
        srcDisplay: string,
        st: FileStat,
        dst: string,
        dstDisplay: string,
      ): Effect.Effect<void, BrokenPipe> =>
        Effect.gen(function* () {
          const existing = yield* Effect.option(ctx.fs.stat(dst))
          if (st.type === "directory") {
            if (existing._tag === "Some" && existing.value.type !== "directory") {
              return yield* say(
                `cannot overwrite non-directory ${quote(dstDisplay)} with directory ${quote(srcDisplay)}`,
              )
            }
            if (existing._tag === "None") {
              const made = yield* Effect.result(ctx.fs.mkdir(dst))
              if (made._tag === "Failure")
                return yield* failed(`cannot create directory ${quote(dstDisplay)}`, made.failure)
              yield* verbose(srcDisplay, dstDisplay)
            }
            const entries = yield* Effect.result(ctx.fs.list(src))
            if (entries._tag === "Failure") return yield* failed(`cannot access ${quote(srcDisplay)}`, entries.failure)
            for (const entry of entries.success) {
              const childSrc = `${src === "/" ? "" : src}/${entry.name}`
              const childStat = yield* Effect.result(ctx.fs.stat(childSrc))
              if (childStat._tag === "Failure") {
                yield* failed(`cannot stat ${quote(joinDisplay(srcDisplay, entry.name))}`, childStat.failure)
                continue
              }
              yield* copy(
                childSrc,
                joinDisplay(srcDisplay, entry.name),
                childStat.success,
                `${dst === "/" ? "" : dst}/${entry.name}`,
                joinDisplay(dstDisplay, entry.name),
              )
            }
            if (keepTimes) yield* Effect.ignore(ctx.fs.setMtime(dst, st.mtime))
            return
          }
          if (existing._tag === "Some") {
            if (existing.value.type === "directory") {
              return yield* say(`cannot overwrite directory ${quote(dstDisplay)} with non-directory`)
            }
            if (flags.noClobber) return
            if (flags.update && existing.value.mtime >= st.mtime) return
          }
          const r = yield* Effect.result(ctx.fs.copyFile(src, dst))
          if (r._tag === "Failure") {
            // The error names the path that failed: the source (reading) or the destination (creating);
            // running out of room happens while the bytes move, which coreutils words as copying.
            const reading = r.failure.path === src
            const full = r.failure.reason === "FileTooLarge" || r.failure.reason === "QuotaExceeded"
            return yield* failed(
              reading
                ? `cannot open ${quote(srcDisplay)} for reading`
                : full
                  ? `error copying ${quote(srcDisplay)} to ${quote(dstDisplay)}`
                  : `cannot create regular file ${quote(dstDisplay)}`,
              r.failure,
            )
          }
          if (keepTimes) yield* Effect.ignore(ctx.fs.setMtime(dst, st.mtime))
          yield* verbose(srcDisplay, dstDisplay)
        })

      for (const source of sources) {
        const resolved = yield* Effect.result(
          Effect.flatMap(resolveOperand(ctx, source), (p) => Effect.map(ctx.fs.stat(p), (s) => ({ path: p, stat: s }))),
        )
        if (resolved._tag === "Failure") {
          yield* failed(`cannot stat ${quote(source)}`, resolved.failure)
          continue
        }
        const { path, stat } = resolved.success
        if (stat.type === "directory" && !recursive) {
          yield* say(`-r not specified; omitting directory ${quote(source)}`)
          continue
        }
        if (destPath._tag === "Failure") {
          // `cp f new/` wants a directory that is not there: ENOTDIR, as open(2) reports it.
          const error = dest.endsWith("/")
            ? new VfsError({ ...destPath.failure, reason: "NotADirectory" })
            : destPath.failure
          yield* failed(`cannot create regular file ${quote(dest)}`, error)
          continue
        }
        const target = destIsDir
          ? `${destPath.success === "/" ? "" : destPath.success}/${lastComponent(source)}`
          : destPath.success
        const targetDisplay = destIsDir ? joinDisplay(dest, lastComponent(source)) : dest
        if (Path.normalize(target) === path) {
          yield* say(`${quote(source)} and ${quote(targetDisplay)} are the same file`)
          continue
        }
        if (stat.type === "directory" && Path.isWithin(path, target)) {
          yield* say(`cannot copy a directory, ${quote(source)}, into itself, ${quote(targetDisplay)}`)
          continue
        }
        yield* copy(path, source, stat, target, targetDisplay)
      }
      return status
    }),
})
