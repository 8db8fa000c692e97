import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { canonicalize, type Canonical, type CanonicalMode } from "./shared/Canonical.ts"
import { makeSink } from "./shared/Sink.ts"

/** `path` relative to the directory `base` (both absolute and normalized): `../x`, or `.` for the same. */
export const relativePath = (base: string, path: string): string => {
  const from = Path.split(base)
  const to = Path.split(path)
  let common = 0
  while (common < from.length && common < to.length && from[common] === to[common]) common++
  const parts = [...from.slice(common).map(() => ".."), ...to.slice(common)]
  return parts.length === 0 ? "." : parts.join("/")
}

interface Resolver {
  readonly mode: CanonicalMode
  readonly strip: boolean
  readonly logical: boolean
}

/** Resolve an operand as `realpath` does under the given options. */
const resolveWith = (ctx: CommandContext, operand: string, r: Resolver): Effect.Effect<Canonical> =>
  Effect.gen(function* () {
    if (operand === "") return { error: "No such file or directory" }
    // -s and -L resolve `..` lexically first; -s then leaves symlinks alone.
    const name = r.strip || r.logical ? ctx.resolve(operand) + (operand.endsWith("/") ? "/" : "") : operand
    if (!r.strip) return yield* canonicalize(ctx.fs, ctx.cwd, name, r.mode)
    const abs = ctx.resolve(name)
    // Without symlink expansion only -e looks at the file system.
    if (r.mode !== "existing") return { path: abs }
    const st = yield* Effect.result(ctx.fs.stat(abs))
    if (st._tag === "Success") return { path: abs }
    return yield* canonicalize(ctx.fs, ctx.cwd, name, r.mode)
  })

/** `realpath`: print the resolved absolute file name. */
export const realpath = make("realpath", {
  summary: "Print the resolved absolute file name;\nall but the last component must exist",
  flags: {
    existing: Flag.boolean("e", "canonicalize-existing", "all components of the path must exist"),
    missing: Flag.boolean("m", "canonicalize-missing", "no path components need exist or be a directory"),
    logical: Flag.boolean("L", "logical", "resolve '..' components before symlinks"),
    physical: Flag.boolean("P", "physical", "resolve symlinks as encountered (default)"),
    quiet: Flag.boolean("q", "quiet", "suppress most error messages"),
    relativeTo: Flag.string(null, "relative-to", "print the resolved path relative to DIR", { arg: "DIR" }),
    relativeBase: Flag.string(null, "relative-base", "print absolute paths unless paths below DIR", { arg: "DIR" }),
    strip: Flag.boolean("s", ["strip", "no-symlinks"], "don't expand symlinks"),
    zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline"),
  },
  operands: { usage: "FILE...", min: 1 },
  run: ({ flags, operands, occurrences, ctx, name }) =>
    Effect.gen(function* () {
      let mode: CanonicalMode = "parents"
      let logical = false
      for (const o of occurrences) {
        if (o.key === "existing") mode = "existing"
        else if (o.key === "missing") mode = "missing"
        else if (o.key === "logical") logical = true
        else if (o.key === "physical") logical = false
      }
      const resolver: Resolver = { mode, strip: flags.strip, logical }
      const fail = (operand: string, error: string) =>
        flags.quiet ? Effect.void : writeText(ctx.stderr, `${name}: ${quoteIfNeeded(operand)}: ${error}\n`)
      const directory = (dir: string | undefined) =>
        dir === undefined ? Effect.succeed(undefined) : resolveWith(ctx, dir, resolver)
      const to = yield* directory(flags.relativeTo)
      if (to !== undefined && "error" in to) {
        yield* fail(flags.relativeTo ?? "", to.error)
        return 1
      }
      const base = yield* directory(flags.relativeBase)
      if (base !== undefined && "error" in base) {
        yield* fail(flags.relativeBase ?? "", base.error)
        return 1
      }
      let relativeTo = to?.path
      const relativeBase = base?.path
      if (relativeBase !== undefined && relativeTo === undefined) relativeTo = relativeBase
      // With both, a --relative-to outside the base prints every path absolute.
      if (relativeBase !== undefined && relativeTo !== undefined && !Path.isWithin(relativeBase, relativeTo))
        relativeTo = undefined
      const end = flags.zero ? "\0" : "\n"
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands) {
        const c = yield* resolveWith(ctx, operand, resolver)
        if ("error" in c) {
          status = 1
          yield* sink.flush
          yield* fail(operand, c.error)
          continue
        }
        let out = c.path
        if (relativeTo !== undefined && (relativeBase === undefined || Path.isWithin(relativeBase, out)))
          out = relativePath(relativeTo, out)
        sink.text(out + end)
      }
      yield* sink.flush
      return status
    }),
})
