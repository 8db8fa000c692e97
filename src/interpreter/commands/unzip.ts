import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { errorText } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import * as Path from "../../vfs/Path.ts"
import { lineReader } from "./shared/LineReader.ts"
import { extractData, readDirectory, type ZipEntry } from "./zip/Container.ts"

const pad2 = (n: number) => String(n).padStart(2, "0")

/** `YYYY-MM-DD HH:MM` of an entry's DOS date and time (local time, as stored). */
const stamp = (e: ZipEntry): string => {
  const year = 1980 + (e.dosDate >> 9)
  return `${year}-${pad2((e.dosDate >> 5) & 15)}-${pad2(e.dosDate & 31)} ${pad2(e.dosTime >> 11)}:${pad2((e.dosTime >> 5) & 63)}`
}

/** A member pattern of unzip: `*`, `?` and `[...]` wildcards, which may match `/`. */
const matcher = (pattern: string): RegExp =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|\\]/g, "\\$&")
      .replace(/\*/g, "[^]*")
      .replace(/\?/g, "[^]")}$`,
  )

const NOT_ZIP = [
  "  End-of-central-directory signature not found.  Either this file is not",
  "  a zipfile, or it constitutes one disk of a multi-part archive.  In the",
  "  latter case the central directory and zipfile comment will be found on",
  "  the last disk(s) of this archive.",
].join("\n")

/** `unzip`: list (`-l`), test (`-t`), print (`-p`) or extract the members of a zip archive, as Info-ZIP's does. */
export const unzip = make("unzip", {
  summary: "Extract, list or test files in a ZIP archive.",
  flags: {
    list: Flag.boolean("l", null, "list files (short format)"),
    pipe: Flag.boolean("p", null, "extract files to pipe, no messages"),
    test: Flag.boolean("t", null, "test compressed archive data"),
    overwrite: Flag.boolean("o", null, "overwrite files WITHOUT prompting"),
    never: Flag.boolean("n", null, "never overwrite existing files"),
    quiet: Flag.boolean("q", null, "quiet mode (-qq => quieter)"),
    junk: Flag.boolean("j", null, "junk paths (do not make directories)"),
    dir: Flag.string("d", null, "extract files into exdir", { arg: "exdir" }),
  },
  operands: { usage: "file[.zip] [list]", min: 1, missing: "" },
  run: ({ flags, occurrences, operands, ctx }) =>
    Effect.gen(function* () {
      const quiet = occurrences.filter((o) => o.key === "quiet").length
      const name = operands[0]
      let path = ctx.resolve(name)
      let data = yield* Effect.result(ctx.fs.readFile(path))
      if (data._tag === "Failure" && !name.endsWith(".zip")) {
        path = ctx.resolve(`${name}.zip`)
        data = yield* Effect.result(ctx.fs.readFile(path))
      }
      if (data._tag === "Failure") {
        yield* writeText(ctx.stderr, `unzip:  cannot find or open ${name}, ${name}.zip or ${name}.ZIP.\n`)
        return 9
      }
      const zipBytes = data.success
      const shown = path === ctx.resolve(name) ? name : `${name}.zip`
      const header = flags.pipe || quiet > 0 ? "" : `Archive:  ${shown}\n`
      const entries = readDirectory(zipBytes)
      if (entries === undefined) {
        yield* writeText(ctx.stdout, header)
        yield* writeText(
          ctx.stderr,
          `${NOT_ZIP}\nunzip:  cannot find zipfile directory in one of ${shown} or\n        ${shown}.zip, and cannot find ${shown}.ZIP, period.\n`,
        )
        return 9
      }
      const patterns = operands.slice(1).map((p) => ({ text: p, re: matcher(p), hit: false }))
      const chosen = entries.filter((e) => {
        if (patterns.length === 0) return true
        let any = false
        for (const p of patterns) {
          if (p.re.test(e.name)) {
            p.hit = true
            any = true
          }
        }
        return any
      })
      let status = 0
      if (flags.list) {
        let total = 0
        let out = `${header}  Length      Date    Time    Name\n---------  ---------- -----   ----\n`
        for (const e of chosen) {
          total += e.size
          out += `${String(e.size).padStart(9)}  ${stamp(e)}   ${e.name}\n`
        }
        out += `---------                     -------\n${String(total).padStart(9)}                     ${chosen.length} file${chosen.length === 1 ? "" : "s"}\n`
        yield* writeText(ctx.stdout, out)
      } else if (flags.test) {
        let out = header
        let bad = 0
        for (const e of chosen) {
          const r = extractData(zipBytes, e)
          if (typeof r === "string") bad++
          out += `    testing: ${e.name.padEnd(22)}   ${typeof r === "string" ? r : "OK"}\n`
        }
        out +=
          bad === 0
            ? `No errors detected in compressed data of ${shown}.\n`
            : `At least one error was detected in ${shown}.\n`
        if (quiet < 2) yield* writeText(ctx.stdout, quiet > 0 ? out.split("\n").slice(-2).join("\n") : out)
        if (bad > 0) status = 2
      } else if (flags.pipe) {
        for (const e of chosen) {
          if (e.name.endsWith("/")) continue
          const r = extractData(zipBytes, e)
          if (typeof r !== "string") yield* ctx.stdout.write(r)
          else status = 2
        }
      } else {
        yield* writeText(ctx.stdout, header)
        const base = ctx.resolve(flags.dir ?? ".")
        if (flags.dir !== undefined) yield* Effect.ignore(ctx.fs.mkdir(base, { recursive: true }))
        const prefix = flags.dir === undefined ? "" : `${flags.dir.replace(/\/+$/, "")}/`
        let answer: "all" | "none" | undefined = flags.overwrite ? "all" : flags.never ? "none" : undefined
        const replies = lineReader(ctx.stdin)
        for (const e of chosen) {
          const junked = flags.junk ? e.name.slice(e.name.replace(/\/$/, "").lastIndexOf("/") + 1) : e.name
          if (junked === "" || (flags.junk && e.name.endsWith("/"))) continue
          // No member lands outside the extraction directory ("zip slip"), as Info-ZIP ensures.
          const safe = safeName(junked)
          if (safe.absolute) yield* writeText(ctx.stderr, `warning:  stripped absolute path spec from ${e.name}\n`)
          if (safe.skippedParent) {
            yield* writeText(ctx.stdout, `warning:  skipped "../" path component(s) in ${e.name}\n`)
            status = Math.max(status, 1)
          }
          const rel = safe.name
          if (rel === "" || rel === "/") continue
          const target = Path.resolve(base, rel)
          const display = `${prefix}${rel}`
          if (e.name.endsWith("/")) {
            if (yield* ctx.fs.exists(target)) continue
            yield* Effect.ignore(ctx.fs.mkdir(target, { recursive: true }))
            if (quiet === 0) yield* writeText(ctx.stdout, `   creating: ${display}\n`)
            continue
          }
          if (yield* ctx.fs.exists(target)) {
            let replace = answer === "all"
            if (answer === undefined) {
              yield* writeText(ctx.stderr, `replace ${display}? [y]es, [n]o, [A]ll, [N]one, [r]ename: `)
              const line = yield* Effect.orElseSucceed(replies.next, () => null)
              const reply = line === null ? null : new TextDecoder().decode(line.bytes).trim()
              if (reply === null) {
                yield* writeText(ctx.stderr, ` NULL\n(EOF or read error, treating as "[N]one" ...)\n`)
                answer = "none"
                status = 1
              } else if (reply === "A") answer = "all"
              else if (reply === "N") answer = "none"
              replace = reply === "y" || reply === "A"
            }
            if (!replace) continue
          }
          yield* Effect.ignore(ctx.fs.mkdir(Path.dirname(target), { recursive: true }))
          const r = extractData(zipBytes, e)
          if (typeof r === "string") {
            yield* writeText(ctx.stderr, `  error:  invalid compressed data to inflate ${display}\n`)
            status = 2
            continue
          }
          const wrote = yield* Effect.result(ctx.fs.writeFile(target, r))
          if (wrote._tag === "Failure") {
            yield* writeText(ctx.stderr, `error:  cannot create ${display}\n        ${errorText(wrote.failure)}\n`)
            status = 50
            continue
          }
          if (e.unixTime !== undefined) yield* Effect.ignore(ctx.fs.setMtime(target, e.unixTime * 1000))
          if (quiet === 0) {
            const verb = e.method === 0 ? " extracting" : "  inflating"
            yield* writeText(ctx.stdout, `${verb}: ${display.padEnd(22)}  \n`)
          }
        }
      }
      for (const p of patterns) {
        if (!p.hit) {
          yield* writeText(ctx.stderr, `caution: filename not matched:  ${p.text}\n`)
          status = 11
        }
      }
      return status
    }),
})

/**
 * A member name made safe to extract, as Info-ZIP makes it: leading slashes
 * stripped, `.` dropped, `..` dropped (or `__` when it is the last
 * component), so every member stays under the extraction directory.
 */
const safeName = (
  name: string,
): { readonly name: string; readonly absolute: boolean; readonly skippedParent: boolean } => {
  const absolute = name.startsWith("/")
  const dir = name.endsWith("/")
  const parts = name.split("/").filter((p) => p !== "" && p !== ".")
  let skippedParent = false
  const kept: Array<string> = []
  parts.forEach((p, i) => {
    if (p !== "..") kept.push(p)
    else if (i === parts.length - 1 && !dir) kept.push("__")
    else skippedParent = true
  })
  const joined = kept.join("/")
  return { name: dir && joined !== "" ? `${joined}/` : joined, absolute, skippedParent }
}
