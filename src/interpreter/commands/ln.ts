import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quote, quoteIfNeeded } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { canonicalize, strerror } from "./shared/Canonical.ts"
import { relativePath } from "./realpath.ts"

const isDirectory = (ctx: CommandContext, operand: string, follow: boolean) => {
  if (operand === "") return Effect.succeed(false)
  const abs = ctx.resolve(operand)
  return Effect.map(Effect.result(follow ? ctx.fs.stat(abs) : ctx.fs.lstat(abs)), (r) =>
    r._tag === "Success" ? r.success.type === "directory" : false,
  )
}

/** The last component of an operand (`a/b/` → `b`). */
const lastComponent = (name: string): string => {
  const stripped = name.replace(/\/+$/, "")
  return stripped === "" ? "/" : stripped.slice(stripped.lastIndexOf("/") + 1)
}

/**
 * `ln`: make links. Symbolic links work on every resource that stores them;
 * resources have no hard links, so `ln` without `-s` reports
 * "Operation not supported" as a file system without them would.
 */
export const ln = make("ln", {
  summary:
    "In the 1st form, create a link to TARGET with the name LINK_NAME.\nIn the 2nd form, create a link to TARGET in the current directory.\nIn the 3rd and 4th forms, create links to each TARGET in DIRECTORY.\nCreate hard links by default, symbolic links with --symbolic.",
  flags: {
    force: Flag.boolean("f", "force", "remove existing destination files"),
    logical: Flag.boolean("L", "logical", "dereference TARGETs that are symbolic links"),
    noDereference: Flag.boolean(
      "n",
      "no-dereference",
      "treat LINK_NAME as a normal file if it is a symbolic link to a directory",
    ),
    physical: Flag.boolean("P", "physical", "make hard links directly to symbolic links"),
    relative: Flag.boolean("r", "relative", "with -s, create links relative to link location"),
    symbolic: Flag.boolean("s", "symbolic", "make symbolic links instead of hard links"),
    targetDirectory: Flag.string("t", "target-directory", "specify the DIRECTORY in which to create the links", {
      arg: "DIRECTORY",
    }),
    noTargetDirectory: Flag.boolean("T", "no-target-directory", "treat LINK_NAME as a normal file always"),
    verbose: Flag.boolean("v", "verbose", "print name of each linked file"),
  },
  operands: { usage: "[-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n  or:  ln [OPTION]... TARGET... DIRECTORY" },
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const symbolic = flags.symbolic
      if (flags.relative && !symbolic) {
        yield* warn("cannot do --relative without --symbolic")
        return 1
      }
      if (flags.targetDirectory !== undefined && flags.noTargetDirectory) {
        yield* warn("cannot combine --target-directory and --no-target-directory")
        return 1
      }
      if (operands.length === 0) return yield* usage("missing file operand")
      // Pairs of (what the link points to, the link's name).
      const jobs: Array<readonly [string, string]> = []
      const into = (dir: string, sources: ReadonlyArray<string>) => {
        for (const s of sources)
          jobs.push([s, dir.endsWith("/") ? dir + lastComponent(s) : `${dir}/${lastComponent(s)}`])
      }
      if (flags.targetDirectory !== undefined) {
        const dir = flags.targetDirectory
        const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(dir)))
        if (st._tag === "Failure") {
          yield* warn(`failed to access ${quote(dir)}: ${strerror(st.failure)}`)
          return 1
        }
        if (st.success.type !== "directory") {
          yield* warn(`target ${quote(dir)} is not a directory`)
          return 1
        }
        into(dir, operands)
      } else if (flags.noTargetDirectory) {
        if (operands.length < 2) return yield* usage(`missing destination file operand after ${quote(operands[0])}`)
        if (operands.length > 2) return yield* usage(`extra operand ${quote(operands[2])}`)
        jobs.push([operands[0], operands[1]])
      } else if (operands.length === 1) {
        jobs.push([operands[0], lastComponent(operands[0])])
      } else {
        const dest = operands[operands.length - 1]
        const sources = operands.slice(0, -1)
        const destAbs = ctx.resolve(dest)
        const followDest = !(flags.noDereference && operands.length === 2)
        if (yield* isDirectory(ctx, dest, followDest)) into(dest, sources)
        else if (operands.length > 2) {
          const st = yield* Effect.result(ctx.fs.stat(destAbs))
          yield* warn(
            st._tag === "Failure"
              ? `target ${quote(dest)}: ${strerror(st.failure)}`
              : `target ${quote(dest)}: Not a directory`,
          )
          return 1
        } else jobs.push([sources[0], dest])
      }

      let status = 0
      for (const [source, dest] of jobs) {
        const made = yield* link(ctx, source, dest, flags)
        if ("error" in made) {
          status = 1
          yield* writeText(ctx.stderr, `ln: ${made.error}\n`)
        } else if (flags.verbose)
          yield* writeText(ctx.stdout, `${quote(dest)} ${symbolic ? "->" : "=>"} ${quote(made.target)}\n`)
      }
      return status
    }),
})

interface LinkFlags {
  readonly symbolic: boolean
  readonly force: boolean
  readonly relative: boolean
}

/** Make one link: what it points to, or the error message. */
const link = (
  ctx: CommandContext,
  source: string,
  dest: string,
  flags: LinkFlags,
): Effect.Effect<{ readonly target: string } | { readonly error: string }> =>
  Effect.gen(function* () {
    const made = yield* attempt(ctx, source, dest, flags)
    return typeof made === "string" ? { error: made } : made
  })

const attempt = (
  ctx: CommandContext,
  source: string,
  dest: string,
  flags: LinkFlags,
): Effect.Effect<string | { readonly target: string }> =>
  Effect.gen(function* () {
    const destAbs = ctx.resolve(dest)
    const failure = (reason: string) =>
      flags.symbolic
        ? source === ""
          ? `failed to create symbolic link ${quote(dest)} -> ${quote(source)}: ${reason}`
          : `failed to create symbolic link ${quote(dest)}: ${reason}`
        : `failed to create hard link ${quote(dest)} => ${quote(source)}: ${reason}`
    if (dest === "") return failure("No such file or directory")
    if (!flags.symbolic) {
      const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(source)))
      if (st._tag === "Failure") return `failed to access ${quote(source)}: ${strerror(st.failure)}`
    }
    const existing = yield* Effect.result(ctx.fs.lstat(destAbs))
    if (existing._tag === "Success") {
      if (!flags.force) return failure("File exists")
      if (existing.success.type === "directory") return `${quoteIfNeeded(dest)}: cannot overwrite directory`
      const sourceAbs = flags.symbolic ? Path.resolve(Path.dirname(destAbs), source) : ctx.resolve(source)
      const [a, b] = [
        yield* canonicalize(ctx.fs, "/", sourceAbs, "missing"),
        yield* canonicalize(ctx.fs, "/", destAbs, "missing"),
      ]
      if (existing.success.type !== "symlink" && "path" in a && "path" in b && a.path === b.path)
        return `${quote(source)} and ${quote(dest)} are the same file`
    }
    if (!flags.symbolic) {
      // As coreutils, a read-only file system (like a full quota) is named without the source.
      if (ctx.fs.route(destAbs)?.mount.mode === "read")
        return `failed to create hard link ${quote(dest)}: Read-only file system`
      return failure("Operation not supported")
    }
    let target = source
    if (flags.relative) {
      const from = yield* canonicalize(ctx.fs, ctx.cwd, Path.dirname(destAbs), "missing")
      const to = yield* canonicalize(ctx.fs, ctx.cwd, source, "missing")
      if ("path" in from && "path" in to) target = relativePath(from.path, to.path)
    }
    if (target === "") return failure("No such file or directory")
    if (existing._tag === "Success") {
      const removed = yield* Effect.result(ctx.fs.remove(destAbs))
      if (removed._tag === "Failure") return `cannot remove ${quote(dest)}: ${strerror(removed.failure)}`
    }
    const made = yield* Effect.result(ctx.fs.symlink(target, destAbs))
    return made._tag === "Failure" ? failure(strerror(made.failure)) : { target }
  })
