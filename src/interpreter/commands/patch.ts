import { Effect } from "effect"
import * as Path from "../../vfs/Path.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { readAll, writeText } from "../Io.ts"
import { fromLatin1, latin1 } from "./shared/Lines.ts"
import { readOperand } from "./shared/LineReader.ts"
import { appliesReversed, applyHunks, reverseHunk, type Line } from "./patch/apply.ts"
import { parsePatch, type FilePatch, type Hunk } from "./patch/parse.ts"

/**
 * `patch` (GNU patch 2.7): apply unified, context or normal diffs (as `diff`
 * and `git diff` write them) to files of the namespace, with offsets and
 * fuzz, reversed-patch detection, `.rej` files for failed hunks and `.orig`
 * backups when a patch does not match exactly. It never prompts: questions
 * get their default answers, as when patch has no terminal.
 */

const DEV_NULL = "/dev/null"

/** `-p N`: drop the smallest prefix holding N slashes; undefined N keeps the last component. */
const strip = (name: string, n: number | undefined): string | undefined => {
  if (n === undefined) return name.slice(name.lastIndexOf("/") + 1) || undefined
  let s = name
  for (let k = 0; k < n; k++) {
    const i = s.indexOf("/")
    if (i === -1) return undefined
    s = s.slice(i + 1).replace(/^\/+/, "")
  }
  return s === "" ? undefined : s
}

/** GNU's choice among candidate names: fewest components, then shortest base name, then shortest name. */
const best = (names: ReadonlyArray<string>): string | undefined =>
  [...names].sort((a, b) => {
    const ca = a.split("/").length
    const cb = b.split("/").length
    if (ca !== cb) return ca - cb
    const ba = a.slice(a.lastIndexOf("/") + 1).length
    const bb = b.slice(b.lastIndexOf("/") + 1).length
    if (ba !== bb) return ba - bb
    return a.length - b.length
  })[0]

const toLines = (bytes: Uint8Array): Array<Line> => {
  const s = latin1(bytes)
  if (s === "") return []
  const parts = s.split("\n")
  const eolLast = parts[parts.length - 1] === ""
  if (eolLast) parts.pop()
  return parts.map((text, k) => ({ text, eol: k < parts.length - 1 || eolLast }))
}

const fromLines = (lines: ReadonlyArray<Line>): Uint8Array =>
  fromLatin1(lines.map((l) => l.text + (l.eol ? "\n" : "")).join(""))

/** A unified range: `start`, `start,count`, or `start,0` (the line before) when empty. */
const range = (start: number, count: number) => (count === 1 ? String(start) : `${start},${count}`)

/** A hunk written back in unified form, for the reject file. */
const rejectLines = (h: Hunk): Array<string> => {
  const out = [`@@ -${range(h.oldStart, h.oldCount)} +${range(h.newStart, h.newCount)} @@`]
  for (const l of h.lines) {
    out.push(l.op + l.text)
    if (!l.eol) out.push("\\ No newline at end of file")
  }
  return out
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`

/** `patch`: apply a diff file to an original. */
export const patch = make("patch", {
  summary: "Apply a diff file to an original.",
  flags: {
    strip: Flag.integer("p", "strip", "strip NUM leading components from file names", { arg: "NUM", min: 0 }),
    input: Flag.string("i", "input", "read patch from PATCHFILE instead of stdin", { arg: "PATCHFILE" }),
    reverse: Flag.boolean("R", "reverse", "assume patches were created with old and new files swapped"),
    dryRun: Flag.boolean(null, "dry-run", "do not actually change any files; just print what would happen"),
    forward: Flag.boolean("N", "forward", "ignore patches that appear to be reversed or already applied"),
    output: Flag.string("o", "output", "output patched files to FILE", { arg: "FILE" }),
    force: Flag.boolean("f", "force", "like -t, but ignore bad-Prereq patches, and assume unreversed"),
    batch: Flag.boolean("t", "batch", "ask no questions; skip bad-Prereq patches; assume reversed"),
    fuzz: Flag.integer("F", "fuzz", "set the fuzz factor to LINES for inexact matching", { arg: "LINES", min: 0 }),
    silent: Flag.boolean("s", ["quiet", "silent"], "work silently unless an error occurs"),
    removeEmpty: Flag.boolean("E", "remove-empty-files", "remove output files that are empty after patching"),
    directory: Flag.string("d", "directory", "change the working directory to DIR first", { arg: "DIR" }),
    noBackup: Flag.boolean(null, "no-backup-if-mismatch", "back up mismatches only if otherwise requested"),
    backup: Flag.boolean("b", "backup", "back up the original contents of each file"),
  },
  operands: { usage: "[ORIGFILE [PATCHFILE]]", max: 2 },
  usageStatus: 2,
  run: ({ flags, operands, ctx }) =>
    Effect.gen(function* () {
      const cwd = flags.directory === undefined ? ctx.cwd : ctx.resolve(flags.directory)
      const resolve = (p: string) => Path.resolve(cwd, p)
      const say = (s: string) => (flags.silent ? Effect.void : writeText(ctx.stdout, s))
      const patchFile = flags.input ?? operands[1]
      let bytes: Uint8Array
      if (patchFile === undefined || patchFile === "-")
        bytes = yield* Effect.catchTag(readAll(ctx.stdin), "VfsError", () => Effect.succeed(new Uint8Array(0)))
      else {
        const r = yield* Effect.result(readOperand(ctx, resolve(patchFile)))
        if (r._tag === "Failure") {
          yield* writeText(ctx.stderr, `patch: **** Can't open patch file ${patchFile} : ${errorText(r.failure)}\n`)
          return 2
        }
        bytes = r.success
      }
      const files = parsePatch(latin1(bytes))
      if (files.length === 0) {
        if (latin1(bytes).trim() === "") return 0
        yield* writeText(ctx.stderr, "patch: **** Only garbage was found in the patch input.\n")
        return 2
      }
      let status = 0
      for (const file of files) {
        const st = yield* applyFile(file)
        status = Math.max(status, st)
      }
      return status

      function applyFile(file: FilePatch) {
        return Effect.gen(function* () {
          const reversed = flags.reverse
          const oldName = reversed ? file.newName : file.oldName
          const newName = reversed ? file.oldName : file.newName
          let hunks: ReadonlyArray<Hunk> = reversed ? file.hunks.map(reverseHunk) : file.hunks
          const total = hunks.length
          const level = flags.strip
          const exists = (p: string) =>
            Effect.map(
              Effect.result(ctx.fs.stat(resolve(p))),
              (r) => r._tag === "Success" && r.success.type !== "directory",
            )
          const creating = oldName === DEV_NULL
          const deleting = newName === DEV_NULL
          let target: string | undefined = operands[0]
          if (target === undefined) {
            const candidates = [oldName, newName, file.indexName]
              .filter((n): n is string => n !== undefined && n !== DEV_NULL)
              .map((n) => strip(n, level))
              .filter((n): n is string => n !== undefined)
            const present: Array<string> = []
            for (const c of candidates) if (yield* exists(c)) present.push(c)
            target = best(present)
            if (target === undefined && creating && newName !== undefined) target = strip(newName, level)
          }
          if (target === undefined) {
            const shown = file.leading.map((l) => `|${l}\n`).join("")
            yield* writeText(
              ctx.stdout,
              `can't find file to patch at input line ${file.hunkLine}\nPerhaps you ${flags.strip === undefined ? "should have used" : "used the wrong"} the -p or --strip option?\nThe text leading up to this was:\n--------------------------\n${shown}--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n${total} out of ${plural(total, "hunk")} ignored\n`,
            )
            return 1
          }
          const path = resolve(target)
          const read = yield* Effect.result(readOperand(ctx, path))
          const present = read._tag === "Success"
          const original = present ? read.success : new Uint8Array(0)
          if (!present && !creating) {
            yield* writeText(ctx.stderr, `patch: **** Can't open file ${target} : ${errorText(read.failure)}\n`)
            return 2
          }
          if (creating && present && original.length > 0 && !flags.force) {
            yield* writeText(
              ctx.stdout,
              `The next patch would create the file ${target},\nwhich already exists!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n${total} out of ${plural(total, "hunk")} ignored\n`,
            )
            return 1
          }
          const input = toLines(original)
          const outName = flags.output
          yield* say(
            flags.dryRun
              ? `checking file ${target}\n`
              : outName !== undefined
                ? `patching file ${outName} (read from ${target})\n`
                : `patching file ${target}\n`,
          )
          const skipAll = (message: string) =>
            Effect.gen(function* () {
              yield* writeText(ctx.stdout, message)
              const rej = yield* saveRejects(hunks)
              yield* writeText(ctx.stdout, `${total} out of ${plural(total, "hunk")} ignored${rej}\n`)
              return 1
            })
          const saveRejects = (failed: ReadonlyArray<Hunk>) =>
            Effect.gen(function* () {
              if (flags.dryRun) return ""
              const rejName = `${outName ?? target}.rej`
              const header =
                reversed && file.header.length === 2
                  ? [`--- ${file.header[1].slice(4)}`, `+++ ${file.header[0].slice(4)}`]
                  : file.header
              const text = [...header, ...failed.flatMap(rejectLines)].map((l) => `${l}\n`).join("")
              yield* Effect.ignore(ctx.fs.writeFile(resolve(rejName), fromLatin1(text)))
              return ` -- saving rejects to file ${rejName}`
            })
          const maxFuzz = flags.fuzz ?? 2
          let assumed = false
          if (!flags.force && hunks.length > 0 && !creating) {
            const first = applyHunks(input, [hunks[0]], 0).outcomes[0]
            if (first._tag === "Failed" && appliesReversed(input, hunks)) {
              const what = reversed ? "Unreversed patch detected!" : "Reversed (or previously applied) patch detected!"
              if (flags.forward) return yield* skipAll(`${what}  Skipping patch.\n`)
              if (!flags.batch)
                return yield* skipAll(
                  `${what}  ${reversed ? "Ignore -R?" : "Assume -R?"} [n] \nApply anyway? [n] \nSkipping patch.\n`,
                )
              yield* say(`${what}  ${reversed ? "Ignoring -R." : "Assuming -R."}\n`)
              hunks = hunks.map(reverseHunk)
              assumed = true
            }
          }
          const result = applyHunks(input, hunks, maxFuzz)
          const failed: Array<Hunk> = []
          let mismatch = assumed
          for (let k = 0; k < result.outcomes.length; k++) {
            const o = result.outcomes[k]
            if (o._tag === "Failed") {
              failed.push(hunks[k])
              mismatch = true
              yield* say(`Hunk #${k + 1} FAILED at ${o.at}.\n`)
            } else if (o.fuzz > 0 || o.offset !== 0) {
              mismatch = true
              const fuzz = o.fuzz > 0 ? ` with fuzz ${o.fuzz}` : ""
              const offset = o.offset !== 0 ? ` (offset ${plural(o.offset, "line")})` : ""
              yield* say(`Hunk #${k + 1} succeeded at ${o.at}${fuzz}${offset}.\n`)
            }
          }
          if (!flags.dryRun) {
            const out = fromLines(result.lines)
            const dest = resolve(outName ?? target)
            if ((flags.backup || (mismatch && !flags.noBackup && outName === undefined)) && present)
              yield* Effect.ignore(ctx.fs.writeFile(`${path}.orig`, original))
            const remove = out.length === 0 && outName === undefined && (deleting || flags.removeEmpty)
            const written = remove ? ctx.fs.remove(dest) : ctx.fs.writeFile(dest, out)
            const w = yield* Effect.result(written)
            if (w._tag === "Failure") {
              yield* writeText(
                ctx.stderr,
                `patch: **** Can't create file ${outName ?? target} : ${errorText(w.failure)}\n`,
              )
              return 2
            }
          }
          if (failed.length === 0) return 0
          const rej = yield* saveRejects(failed)
          yield* writeText(ctx.stdout, `${failed.length} out of ${plural(total, "hunk")} FAILED${rej}\n`)
          return 1
        })
      }
    }),
})
