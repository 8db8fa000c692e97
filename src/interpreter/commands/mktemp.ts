import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { strerror } from "./shared/Canonical.ts"

const DEFAULT_TEMPLATE = "tmp.XXXXXXXXXX"
const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
const ATTEMPTS = 100

const randomName = (template: string, start: number, count: number): string => {
  let out = ""
  for (let i = 0; i < count; i++) out += LETTERS[Math.floor(Math.random() * LETTERS.length)]
  return template.slice(0, start) + out + template.slice(start + count)
}

/** `a/b` joined as gnulib's `file_name_concat` does (no doubled slash). */
const concat = (dir: string, name: string): string => (dir.endsWith("/") ? dir + name : `${dir}/${name}`)

/**
 * `mktemp`: create a temporary file or directory. Without a directory option
 * the template is relative to the working directory; `-p`, `--tmpdir`, `-t`
 * and no template at all put it in `$TMPDIR`, or `/tmp` (created if missing).
 */
export const mktemp = make("mktemp", {
  summary:
    "Create a temporary file or directory, safely, and print its name.\nTEMPLATE must contain at least 3 consecutive 'X's in last component.\nIf TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.",
  flags: {
    directory: Flag.boolean("d", "directory", "create a directory, not a file"),
    dryRun: Flag.boolean("u", "dry-run", "do not create anything; merely print a name (unsafe)"),
    quiet: Flag.boolean("q", "quiet", "suppress diagnostics about file/dir-creation failure"),
    suffix: Flag.string(null, "suffix", "append SUFF to TEMPLATE; SUFF must not contain a slash", { arg: "SUFF" }),
    p: Flag.string("p", null, "use DIR as a prefix; see --tmpdir", { arg: "DIR" }),
    tmpdir: Flag.string(null, "tmpdir", "interpret TEMPLATE relative to DIR", { arg: "DIR", optional: true }),
    t: Flag.boolean("t", null, "interpret TEMPLATE as a single file name component, relative to a directory"),
  },
  operands: { usage: "[TEMPLATE]" },
  run: ({ flags, operands, occurrences, ctx, usage, warn }) =>
    Effect.gen(function* () {
      if (operands.length > 1) return yield* usage("too many templates")
      const dirOption = occurrences.some((o) => o.key === "p" || o.key === "tmpdir")
      let dirArg: string | undefined
      for (const o of occurrences) if (o.key === "p" || o.key === "tmpdir") dirArg = o.value
      const useDir = operands.length === 0 || dirOption || flags.t
      let template = operands[0] ?? DEFAULT_TEMPLATE
      let suffixLen: number
      if (flags.suffix !== undefined) {
        if (flags.suffix.includes("/")) {
          yield* warn(`invalid suffix ${quote(flags.suffix)}, contains directory separator`)
          return 1
        }
        template += flags.suffix
        suffixLen = flags.suffix.length
      } else {
        const lastX = template.lastIndexOf("X")
        suffixLen = lastX === -1 ? 0 : template.length - lastX - 1
        const suffix = template.slice(template.length - suffixLen)
        if (suffix.includes("/")) {
          yield* warn(`invalid suffix ${quote(suffix)}, contains directory separator`)
          return 1
        }
      }
      let xs = 0
      while (xs < template.length - suffixLen && template[template.length - suffixLen - 1 - xs] === "X") xs++
      if (xs < 3) {
        yield* warn(`too few X's in template ${quote(template)}`)
        return 1
      }
      let defaultTmp = false
      if (useDir) {
        const env = ctx.env.get("TMPDIR")
        let dir: string
        if (flags.t) {
          dir = env !== undefined && env !== "" ? env : dirArg !== undefined && dirArg !== "" ? dirArg : "/tmp"
          if (template.includes("/")) {
            yield* warn(`invalid template, ${quote(template)}, contains directory separator`)
            return 1
          }
        } else {
          dir = dirArg !== undefined && dirArg !== "" ? dirArg : env !== undefined && env !== "" ? env : "/tmp"
          if (template.startsWith("/")) {
            yield* warn(`invalid template, ${quote(template)}; with --tmpdir, it may not be absolute`)
            return 1
          }
        }
        defaultTmp = dir === "/tmp"
        template = concat(dir, template)
      }
      if (defaultTmp && !flags.dryRun) yield* Effect.ignore(ctx.fs.mkdir("/tmp", { recursive: true }))
      const start = template.length - suffixLen - xs
      let lastError = "File exists"
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const name = randomName(template, start, xs)
        const abs = ctx.resolve(name)
        if (flags.dryRun) {
          if (yield* ctx.fs.exists(abs)) continue
          yield* writeText(ctx.stdout, `${name}\n`)
          return 0
        }
        const made = yield* Effect.result(
          flags.directory ? ctx.fs.mkdir(abs) : ctx.fs.writeFile(abs, new Uint8Array(0), { exclusive: true }),
        )
        if (made._tag === "Success") {
          yield* writeText(ctx.stdout, `${name}\n`)
          return 0
        }
        lastError = strerror(made.failure)
        if (made.failure.reason !== "AlreadyExists") break
      }
      if (!flags.quiet)
        yield* warn(
          `failed to create ${flags.directory ? "directory" : "file"} via template ${quote(template)}: ${lastError}`,
        )
      return 1
    }),
})
