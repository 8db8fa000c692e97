import { Effect } from "effect"
import * as Argv from "../Argv.ts"
import * as Flag from "../Argv.ts"
import { make, type DeclaredCommand } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { inputFromStream, writeText, type Output } from "../Io.ts"
import { formatDate } from "./date/Format.ts"
import { zoneFromTZ } from "./date/Zone.ts"
import { modeString } from "./shared/FileInfo.ts"
import { openFileOutput } from "./shared/FileOutput.ts"
import { createArchive, gzipOutput } from "./tar/Create.ts"
import { makeExtractor } from "./tar/Extract.ts"
import type { TarEntry } from "./tar/Header.ts"
import { maybeGunzip, readArchive } from "./tar/Read.ts"

const flags = {
  create: Flag.boolean("c", "create", "create a new archive"),
  extract: Flag.boolean("x", ["extract", "get"], "extract files from an archive"),
  list: Flag.boolean("t", "list", "list the contents of an archive"),
  file: Flag.string("f", "file", "use archive file or device ARCHIVE", { arg: "ARCHIVE" }),
  directory: Flag.string("C", "directory", "change to directory DIR", { arg: "DIR" }),
  verbose: Flag.boolean("v", "verbose", "verbosely list files processed"),
  gzip: Flag.boolean("z", ["gzip", "gunzip", "ungzip"], "filter the archive through gzip"),
  auto: Flag.boolean("a", "auto-compress", "use archive suffix to determine the compression program"),
  toStdout: Flag.boolean("O", "to-stdout", "extract files to standard output"),
  strip: Flag.string(null, "strip-components", "strip NUMBER leading components from file names on extraction", {
    arg: "NUMBER",
  }),
  keepOld: Flag.boolean("k", "keep-old-files", "don't replace existing files when extracting"),
  touch: Flag.boolean("m", "touch", "don't extract file modified time"),
  preserve: Flag.boolean("p", ["preserve-permissions", "same-permissions"], "(accepted; modes are not restored)"),
  noSameOwner: Flag.boolean(null, "no-same-owner", "(accepted)"),
}

/** Letters of the old style (`tar czf x.tgz d`) that take the next words as their arguments, in order. */
const WITH_ARG = "fC"

/** `tar cvf x.tar d` as `tar -c -v -f x.tar d`. */
const oldStyle = (args: ReadonlyArray<string>): ReadonlyArray<string> => {
  if (args.length === 0 || args[0].startsWith("-")) return args
  const out: Array<string> = []
  let next = 1
  for (const c of args[0]) {
    out.push(`-${c}`)
    if (WITH_ARG.includes(c) && next < args.length) out.push(args[next++])
  }
  return [...out, ...args.slice(next)]
}

const TRY = "Try 'tar --help' or 'tar --usage' for more information.\n"

/** The `-tv` line of a member; `width` is GNU's growing user/group/size column. */
const longLine = (entry: TarEntry, width: { value: number }, tz: string | undefined): string => {
  const type = entry.type === "directory" ? "directory" : entry.type === "symlink" ? "symlink" : "file"
  const mode = entry.type === "hardlink" ? `h${modeString("file", entry.mode).slice(1)}` : modeString(type, entry.mode)
  const ug = `${entry.uname || entry.uid}/${entry.gname || entry.gid}`
  const size = String(entry.size)
  width.value = Math.max(width.value, ug.length + 1 + size.length)
  const when = formatDate("%Y-%m-%d %H:%M", { seconds: entry.mtime, nanos: 0 }, zoneFromTZ(tz))
  const link =
    entry.type === "symlink" ? ` -> ${entry.linkname}` : entry.type === "hardlink" ? ` link to ${entry.linkname}` : ""
  return `${mode} ${ug}${" ".repeat(width.value - ug.length - size.length)}${size} ${when} ${entry.name}${link}\n`
}

/** `tar`: create (`-c`), list (`-t`) or extract (`-x`) ustar archives, gzipped with `-z` (detected when reading). */
export const tar: DeclaredCommand = make("tar", {
  summary: "GNU 'tar' saves many files together into a single tape or disk archive.",
  flags,
  operands: { usage: "[FILE]..." },
  raw: true,
  usageStatus: 2,
  run: ({ ctx }) =>
    Effect.gen(function* () {
      const say = (message: string) => writeText(ctx.stderr, `tar: ${message}\n`)
      const parsed = Argv.parse(flags, oldStyle(ctx.args))
      if (parsed._tag === "Help") {
        yield* writeText(ctx.stdout, tar.help)
        return 0
      }
      if (parsed._tag === "Version") {
        yield* writeText(ctx.stdout, "tar (mirage-vfs)\n")
        return 0
      }
      if (parsed._tag === "UsageError") {
        yield* writeText(ctx.stderr, `tar: ${parsed.message}\n${TRY}`)
        return 64
      }
      const f = parsed.flags
      const operands = parsed.operands
      const modes = [f.create, f.extract, f.list].filter(Boolean).length
      if (modes === 0) {
        yield* writeText(
          ctx.stderr,
          `tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\n${TRY}`,
        )
        return 2
      }
      if (modes > 1) {
        yield* writeText(
          ctx.stderr,
          `tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\n${TRY}`,
        )
        return 2
      }
      let strip = 0
      if (f.strip !== undefined) {
        if (!/^\d+$/.test(f.strip)) {
          yield* writeText(ctx.stderr, `tar: ${f.strip}: Invalid number of elements\n${TRY}`)
          return 2
        }
        strip = Number(f.strip)
      }
      const archive = f.file ?? "-"
      const dir = ctx.resolve(f.directory ?? ".")
      const gzip = f.gzip || (f.auto && /\.(t?gz|taz)$/.test(archive))
      const failedEnd = Effect.as(say("Exiting with failure status due to previous errors"), 2)

      if (f.create) {
        if (operands.length === 0) {
          yield* writeText(ctx.stderr, `tar: Cowardly refusing to create an empty archive\n${TRY}`)
          return 2
        }
        const file = archive === "-" ? undefined : yield* openFileOutput(ctx, ctx.resolve(archive))
        const sink: Output = file?.output ?? ctx.stdout
        const zipped = gzip ? gzipOutput(sink) : undefined
        const listTo = archive === "-" ? ctx.stderr : ctx.stdout
        const ok = yield* createArchive(
          ctx,
          operands,
          { dir, verbose: f.verbose ? (name) => writeText(listTo, `${name}\n`) : undefined, warn: say },
          zipped?.output ?? sink,
        )
        if (zipped !== undefined) yield* zipped.finish
        const closed = file === undefined ? undefined : yield* file.close
        if (closed !== undefined) {
          yield* say(`${archive}: Cannot open: ${errorText(closed)}`)
          yield* say("Error is not recoverable: exiting now")
          return 2
        }
        return ok ? 0 : yield* failedEnd
      }

      const wanted = operands.map((o) => o.replace(/\/+$/, ""))
      const found = new Set<number>()
      const selected = (name: string) => {
        if (wanted.length === 0) return true
        const bare = name.replace(/\/+$/, "")
        const i = wanted.findIndex((w) => bare === w || bare.startsWith(`${w}/`))
        if (i !== -1) found.add(i)
        return i !== -1
      }
      const width = { value: 19 }
      let warnedSlash = false
      let warned = false
      const extractor = makeExtractor(ctx, {
        dir,
        keepOld: f.keepOld,
        touch: f.touch,
        toStdout: f.toStdout ? ctx.stdout : undefined,
        warn: say,
      })
      const walk = Effect.scoped(
        Effect.gen(function* () {
          const input = archive === "-" ? ctx.stdin : yield* inputFromStream(ctx.fs.read(ctx.resolve(archive)))
          const first = yield* input.read
          if (first !== null) input.unread(first)
          return yield* readArchive(
            maybeGunzip(input, gzip),
            (entry, body) =>
              Effect.gen(function* () {
                if (!selected(entry.name)) return
                if (f.list) {
                  yield* writeText(
                    ctx.stdout,
                    f.verbose ? longLine(entry, width, ctx.env.get("TZ")) : `${entry.name}\n`,
                  )
                  return
                }
                let name = entry.name.replace(/^\/+/, "")
                if (name !== entry.name && !warnedSlash) {
                  warnedSlash = true
                  yield* say("Removing leading `/' from member names")
                }
                if (strip > 0) {
                  const parts = name.split("/")
                  if (parts.filter((p) => p !== "").length <= strip) return
                  name = parts.slice(strip).join("/")
                }
                if (name === "" || name.split("/").includes("..")) return
                if (f.verbose && !f.toStdout) yield* writeText(ctx.stdout, `${entry.name}\n`)
                yield* extractor.extract(entry, name, body)
              }),
            (message) =>
              Effect.andThen(
                say(message),
                Effect.sync(() => (warned = true)),
              ),
          )
        }),
      )
      const result = yield* Effect.result(walk)
      const ok = yield* extractor.finish
      if (result._tag === "Failure") {
        const e = result.failure
        if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
        if (e._tag === "VfsError") {
          yield* say(`${archive}: Cannot open: ${errorText(e)}`)
          yield* say("Error is not recoverable: exiting now")
          return 2
        }
        if (e._tag === "GzipError") {
          yield* writeText(ctx.stderr, `\ngzip: stdin: ${e.message}\n`)
          yield* say("Child returned status 1")
          return yield* failedEnd
        }
        if (e.message !== "") yield* say(e.message)
        if (e.message === "Unexpected EOF in archive") {
          yield* say("Error is not recoverable: exiting now")
          return 2
        }
        return yield* failedEnd
      }
      let missing = false
      for (let i = 0; i < wanted.length; i++) {
        if (!found.has(i)) {
          missing = true
          yield* say(`${operands[i]}: Not found in archive`)
        }
      }
      return missing || !ok || warned ? yield* failedEnd : 0
    }),
})
