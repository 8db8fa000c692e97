import { Effect } from "effect"
import type { FileStat } from "../../../vfs/Resource.ts"
import type { CommandContext } from "../../Command.ts"
import { quote } from "../../ExitStatus.ts"
import { matches } from "../../expand/pattern.ts"
import { GROUPS, USERS } from "../shared/FileInfo.ts"
import { fatal, type Fatal } from "./fatal.ts"
import { parseDate, parseNum, parsePerm, parseSize, parseTime, parseTypes } from "./primaries.ts"
import { compileFormat } from "./printf.ts"
import { bytesOf, compileRegex, REGEX_TYPES, type Syntax } from "./regex.ts"
import type { Exec, Out, Test } from "./types.ts"

/**
 * Parsing the tests and actions of a `find` expression, one primary at a
 * time, with the arguments it consumes and the messages findutils gives.
 */

/** What a primary's parser sees: its name, the command line around it, and the options so far. */
export interface PrimaryState {
  /** The argument as written (`-name`). */
  readonly arg: string
  readonly name: string
  readonly args: ReadonlyArray<string>
  /** The next argument, consumed; undefined at the end. */
  readonly take: () => string | undefined
  readonly index: () => number
  readonly skipTo: (index: number) => void
  readonly ctx: CommandContext
  readonly now: number
  readonly warn: boolean
  readonly dayStart: boolean
  readonly syntax: Syntax | undefined
  readonly paths: ReadonlyArray<string>
  readonly messages: Array<string>
  /** Stat a reference file (`-newer`), following links unless -P; fatal when missing. */
  readonly refStat: (path: string) => Effect.Effect<FileStat, Fatal>
  /** Open an output file for `-fprint` and friends. */
  readonly openOut: (path: string) => Effect.Effect<Out, Fatal>
}

const startOfDay = (now: number): number => now - (now % 86400_000)

/** Parse the test or action `p.name`; undefined when there is no such primary. */
export const parseTest = (p: PrimaryState): Effect.Effect<Test | undefined, Fatal> =>
  Effect.gen(function* () {
    const { arg, name, take, ctx, now, warn, dayStart, syntax, paths, refStat, openOut } = p
    const missing = () => fatal(`missing argument to \`${arg}'`)
    const invalid = (v: string) => fatal(`invalid argument \`${v}' to \`${arg}'`)
    const newerXY = /^-newer[aBcm][aBcmt]$/.test(arg)
    switch (newerXY ? "newerXY" : name) {
      case "true":
      case "false":
        return name === "true" ? { t: "true" } : { t: "false" }
      case "name":
      case "iname":
      case "lname":
      case "ilname": {
        const v = take()
        if (v === undefined) return yield* missing()
        if ((name === "name" || name === "iname") && warn && v.includes("/") && v !== "/")
          p.messages.push(
            `find: warning: '-${name}' matches against basenames only, but the given pattern contains a directory separator ('/'), thus the expression will evaluate to false all the time.  Did you mean '-${name === "name" ? "" : "i"}wholename'?\n`,
          )
        return { t: name.endsWith("lname") ? "lname" : "name", pattern: bytesOf(v), nocase: name[0] === "i" }
      }
      case "path":
      case "ipath":
      case "wholename":
      case "iwholename": {
        const v = take()
        if (v === undefined) return yield* missing()
        const nocase = name[0] === "i"
        if (v.endsWith("/") && !paths.some((p) => matches(bytesOf(v), bytesOf(p), { nocase })))
          p.messages.push(`find: warning: -${name} ${v} will not match anything because it ends with /.\n`)
        return { t: "path", pattern: bytesOf(v), nocase }
      }
      case "regex":
      case "iregex": {
        const v = take()
        if (v === undefined) return yield* missing()
        const compiled = compileRegex(bytesOf(v), syntax ?? REGEX_TYPES[0][1], name === "iregex")
        if ("error" in compiled) return yield* fatal(`failed to compile regular expression '${v}': ${compiled.error}`)
        return { t: "regex", regex: compiled.regex }
      }
      case "type":
      case "xtype": {
        const v = take()
        if (v === undefined) return yield* missing()
        const types = parseTypes(v, arg)
        if ("error" in types) return yield* fatal(String(types.error))
        return { t: "type", types, x: name === "xtype" }
      }
      case "size": {
        const v = take()
        if (v === undefined) return yield* missing()
        const size = parseSize(v)
        if ("error" in size) return yield* fatal(size.error)
        return { t: "size", size }
      }
      case "mtime":
      case "atime":
      case "ctime":
      case "mmin":
      case "amin":
      case "cmin": {
        const v = take()
        if (v === undefined) return yield* missing()
        const dayOrigin = dayStart ? startOfDay(now) : now - 86400_000
        const days = name.endsWith("time")
        const window = days
          ? parseTime(v, dayOrigin, 86400_000, true)
          : parseTime(v, dayOrigin + 86400_000, 60_000, false)
        if (window === undefined) return yield* invalid(v)
        return { t: "time", window }
      }
      case "used": {
        const v = take()
        if (v === undefined) return yield* missing()
        const window = parseTime(v, 0, 86400_000, false)
        if (window === undefined) return yield* fatal(`Invalid argument ${v} to -used`)
        return { t: "used", window }
      }
      case "newer":
      case "anewer":
      case "cnewer": {
        const v = take()
        if (v === undefined) return yield* missing()
        const st: FileStat = yield* refStat(v)
        return { t: "newer", ref: st.mtime }
      }
      case "newerXY": {
        const v = take()
        if (v === undefined) return yield* fatal(`The '${arg}' test needs an argument`)
        let ref: number | undefined
        if (arg[7] === "t") {
          ref = parseDate(v)
          if (ref === undefined)
            return yield* fatal(`I cannot figure out how to interpret ${quote(v)} as a date or time`)
        } else ref = (yield* refStat(v)).mtime
        return { t: "newer", ref }
      }
      case "empty":
        return { t: "empty" }
      case "perm": {
        const v = take()
        if (v === undefined) return yield* missing()
        const perm = parsePerm(v)
        if (perm === undefined) return yield* fatal(`invalid mode ${quote(v)}`)
        if (v[0] === "/" && perm.file === 0 && perm.dir === 0) {
          p.messages.push(
            `find: warning: you have specified a mode pattern ${v} (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.\n`,
          )
          return { t: "perm", perm: { ...perm, kind: "least" } }
        }
        return { t: "perm", perm }
      }
      case "uid":
      case "gid":
      case "links":
      case "inum": {
        const v = take()
        if (v === undefined) return yield* missing()
        const num = parseNum(v)
        if (num === undefined) return yield* invalid(v)
        const field = name === "uid" ? "uid" : name === "gid" ? "gid" : name === "links" ? "links" : "inum"
        return { t: "num", field, num }
      }
      case "user":
      case "group": {
        const v = take()
        if (v === undefined) return yield* missing()
        if (v === "") return yield* fatal(`The argument to ${arg} should not be empty`)
        const id = (name === "user" ? USERS : GROUPS).get(v) ?? (/^\d+$/.test(v) ? Number(v) : undefined)
        if (id === undefined) {
          if (name === "user") return yield* fatal(`${quote(v)} is not the name of a known user`)
          const digits = /^\d+/.exec(v)
          return yield* fatal(
            digits
              ? `${quote(v)} is not the name of an existing group and it does not look like a numeric group ID because it has the unexpected suffix ${quote(v.slice(digits[0].length))}`
              : `${quote(v)} is not the name of an existing group`,
          )
        }
        return { t: "owner", field: name === "user" ? "user" : "group", id }
      }
      case "nouser":
      case "nogroup":
        return { t: "false" }
      case "readable":
      case "writable":
      case "executable":
        return { t: "access", mode: name === "readable" ? "r" : name === "writable" ? "w" : "x" }
      case "fstype": {
        const v = take()
        if (v === undefined) return yield* missing()
        return { t: "fstype", name: v }
      }
      case "samefile": {
        const v = take()
        if (v === undefined) return yield* missing()
        yield* refStat(v)
        return { t: "samefile", abs: ctx.resolve(v) }
      }
      case "context":
        return yield* fatal("invalid predicate -context: SELinux is not enabled.")
      case "print":
      case "print0":
        return { t: "print", out: { kind: "stdout" }, nul: name === "print0" }
      case "fprint":
      case "fprint0":
      case "fls": {
        const v = take()
        if (v === undefined) return yield* missing()
        const out = yield* openOut(v)
        return name === "fls" ? { t: "ls", out } : { t: "print", out, nul: name === "fprint0" }
      }
      case "ls":
        return { t: "ls", out: { kind: "stdout" } }
      case "printf":
      case "fprintf": {
        const file = name === "fprintf" ? take() : undefined
        if (name === "fprintf" && file === undefined) return yield* missing()
        const format = take()
        if (format === undefined) return yield* missing()
        const out: Out = file === undefined ? { kind: "stdout" } : yield* openOut(file)
        const compiled = compileFormat(format)
        for (const w of compiled.warnings) p.messages.push(`find: ${w}\n`)
        if ("error" in compiled) return yield* fatal(compiled.error)
        return { t: "printf", out, segments: compiled.segments }
      }
      case "prune":
        return { t: "prune" }
      case "quit":
        return { t: "quit" }
      case "delete":
        return { t: "delete" }
      case "exec":
      case "execdir":
      case "ok":
      case "okdir": {
        const exec = parseExec(p.args, p.index(), name)
        if ("error" in exec) return yield* fatal(exec.error)
        if (exec.exec === undefined) return yield* missing()
        p.skipTo(exec.next)
        return { t: "exec", exec: exec.exec }
      }
    }
    return undefined
  })

/** Parse the arguments of `-exec` from index `start`; `exec` undefined means a missing argument. */
export const parseExec = (
  args: ReadonlyArray<string>,
  start: number,
  name: string,
): { readonly exec: Exec | undefined; readonly next: number } | { readonly error: string } => {
  const allowPlus = name === "exec" || name === "execdir"
  const dir = name === "execdir" || name === "okdir"
  let end = start
  let prevBraces = false
  let braces = 0
  let braceArg = ""
  let plus = false
  for (; end < args.length && args[end] !== ";"; end++) {
    if (allowPlus && prevBraces && args[end] === "+") {
      plus = true
      break
    }
    prevBraces = false
    if (args[end].includes("{}")) {
      prevBraces = true
      braceArg = args[end]
      braces++
    }
  }
  if (end === start || end >= args.length) return { exec: undefined, next: end }
  if (plus) {
    const suffix = dir ? "dir" : ""
    if (braces > 1) return { error: `Only one instance of {} is supported with -exec${suffix} ... +` }
    if (braceArg.length !== 2)
      return {
        error: `In ${quote(`-exec${suffix} ... {} +`)} the ${quote("{}")} must appear by itself, but you specified ${quote(braceArg)}`,
      }
  }
  const argv = plus ? args.slice(start, end - 1) : args.slice(start, end)
  return { exec: { argv, plus, dir, ok: name === "ok" || name === "okdir", batch: [] }, next: end + 1 }
}
