import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { canonicalize, strerror, type CanonicalMode } from "./shared/Canonical.ts"
import { makeSink } from "./shared/Sink.ts"

/**
 * The namespace path an operand names, without following its last
 * component. `..` is resolved physically (after a symlinked directory it
 * climbs from the link's target), as the kernel does.
 */
export const lookupPath = (ctx: CommandContext, operand: string): Effect.Effect<string> =>
  Effect.gen(function* () {
    if (!operand.split("/").includes("..")) return ctx.resolve(operand)
    const trimmed = operand.replace(/\/+$/, "")
    const slash = trimmed.lastIndexOf("/")
    const dir = slash === -1 ? "." : slash === 0 ? "/" : trimmed.slice(0, slash)
    const base = trimmed.slice(slash + 1)
    const parent = yield* canonicalize(ctx.fs, ctx.cwd, dir, "missing")
    const p = "path" in parent ? parent.path : ctx.resolve(dir)
    if (base === "..") return ctx.resolve(`${p}/..`)
    return base === "" || base === "." ? p : p === "/" ? `/${base}` : `${p}/${base}`
  })

/** `readlink`: print the value of a symbolic link or a canonical file name. */
export const readlink = make("readlink", {
  summary: "Print value of a symbolic link or canonical file name",
  flags: {
    canonicalize: Flag.boolean(
      "f",
      "canonicalize",
      "canonicalize by following every symlink in every component of the given name recursively; all but the last component must exist",
    ),
    existing: Flag.boolean(
      "e",
      "canonicalize-existing",
      "canonicalize by following every symlink in every component of the given name recursively, all components must exist",
    ),
    missing: Flag.boolean(
      "m",
      "canonicalize-missing",
      "canonicalize by following every symlink in every component of the given name recursively, without requirements on components existence",
    ),
    noNewline: Flag.boolean("n", "no-newline", "do not output the trailing delimiter"),
    quiet: Flag.boolean("q", "quiet", ""),
    silent: Flag.boolean("s", "silent", "suppress most error messages (on by default)"),
    verbose: Flag.boolean("v", "verbose", "report error messages"),
    zero: Flag.boolean("z", "zero", "end each output line with NUL, not newline"),
  },
  operands: { usage: "FILE...", min: 1 },
  run: ({ flags, operands, occurrences, ctx, warn }) =>
    Effect.gen(function* () {
      let mode: CanonicalMode | undefined
      let verbose = false
      for (const o of occurrences) {
        if (o.key === "canonicalize") mode = "parents"
        else if (o.key === "existing") mode = "existing"
        else if (o.key === "missing") mode = "missing"
        else if (o.key === "verbose") verbose = true
        else if (o.key === "quiet" || o.key === "silent") verbose = false
      }
      let noNewline = flags.noNewline
      if (noNewline && operands.length > 1) {
        yield* warn("ignoring --no-newline with multiple arguments")
        noNewline = false
      }
      const end = noNewline ? "" : flags.zero ? "\0" : "\n"
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands) {
        let value: string | undefined
        let error: string | undefined
        if (mode !== undefined) {
          const c = yield* canonicalize(ctx.fs, ctx.cwd, operand, mode)
          if ("path" in c) value = c.path
          else error = c.error
        } else {
          const path = yield* lookupPath(ctx, operand)
          const r = yield* Effect.result(ctx.fs.readlink(path))
          if (r._tag === "Success") value = r.success
          else error = operand === "" ? "No such file or directory" : strerror(r.failure)
        }
        if (value !== undefined) {
          sink.text(value + end)
          continue
        }
        status = 1
        if (verbose) {
          yield* sink.flush
          yield* writeText(ctx.stderr, `readlink: ${quoteIfNeeded(operand)}: ${error}\n`)
        }
      }
      yield* sink.flush
      return status
    }),
})
