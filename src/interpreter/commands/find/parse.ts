import { Data, Effect } from "effect"
import * as Path from "../../../vfs/Path.ts"
import type { FileStat } from "../../../vfs/Resource.ts"
import type { CommandContext } from "../../Command.ts"
import { quote } from "../../ExitStatus.ts"
import { matches } from "../../expand/pattern.ts"
import { strerror } from "../shared/Canonical.ts"
import { GROUPS, USERS } from "../shared/FileInfo.ts"
import { buildTree, Prec, type Node, type Pred } from "./expr.ts"
import {
  parseDate,
  parseNum,
  parsePerm,
  parseSize,
  parseTime,
  parseTypes,
  type Num,
  type Perm,
  type Size,
  type TimeWindow,
} from "./primaries.ts"
import { compileFormat, type Segment } from "./printf.ts"
import { bytesOf, compileRegex, REGEX_TYPES, regexType, type Syntax } from "./regex.ts"

/** Where an action writes: find's stdout or stderr, or a file written when find ends. */
export type Out =
  | { readonly kind: "stdout" }
  | { readonly kind: "stderr" }
  | { readonly kind: "file"; readonly abs: string; readonly chunks: Array<string> }

/** `-exec` and friends; `batch` collects file names for the `{} +` form. */
export interface Exec {
  readonly argv: ReadonlyArray<string>
  readonly plus: boolean
  readonly dir: boolean
  readonly ok: boolean
  readonly batch: Array<string>
}

/** One primary of a `find` expression. */
export type Test =
  | { readonly t: "true" }
  | { readonly t: "false" }
  | { readonly t: "name" | "path" | "lname"; readonly pattern: string; readonly nocase: boolean }
  | { readonly t: "regex"; readonly regex: RegExp }
  | { readonly t: "type"; readonly types: ReadonlySet<string>; readonly x: boolean }
  | { readonly t: "size"; readonly size: Size }
  | { readonly t: "time"; readonly window: TimeWindow }
  | { readonly t: "used"; readonly window: TimeWindow }
  | { readonly t: "newer"; readonly ref: number }
  | { readonly t: "empty" }
  | { readonly t: "perm"; readonly perm: Perm }
  | { readonly t: "num"; readonly field: "uid" | "gid" | "links" | "inum"; readonly num: Num }
  | { readonly t: "owner"; readonly field: "user" | "group"; readonly id: number }
  | { readonly t: "access"; readonly mode: "r" | "w" | "x" }
  | { readonly t: "fstype"; readonly name: string }
  | { readonly t: "samefile"; readonly abs: string }
  | { readonly t: "print"; readonly out: Out; readonly nul: boolean }
  | { readonly t: "printf"; readonly out: Out; readonly segments: ReadonlyArray<Segment> }
  | { readonly t: "ls"; readonly out: Out }
  | { readonly t: "prune" }
  | { readonly t: "quit" }
  | { readonly t: "delete" }
  | { readonly t: "exec"; readonly exec: Exec }

/** Everything the command line decides. */
export interface Program {
  readonly follow: "P" | "H" | "L"
  readonly paths: ReadonlyArray<string>
  readonly tree: Node<Test>
  readonly maxdepth: number
  readonly mindepth: number
  readonly depthFirst: boolean
  /** Files opened by `-fprint` and friends. */
  readonly files: ReadonlyArray<Out>
}

/** The outcome of parsing; `messages` are stderr lines printed in order (warnings, then any error). */
export type Parsed =
  | { readonly _tag: "Ok"; readonly program: Program; readonly messages: ReadonlyArray<string> }
  | { readonly _tag: "Fail"; readonly messages: ReadonlyArray<string> }
  | { readonly _tag: "Help" }
  | { readonly _tag: "Version" }

/** `find`'s rule for where start points end and the expression begins. */
const looksLikeExpression = (arg: string, leading: boolean): boolean => {
  if (arg[0] === "-") return arg.length > 1
  if (arg === ")" || arg === ",") return !leading
  return arg === "!" || arg === "("
}

const OPTIONS = new Set(["d", "depth", "ignore_readdir_race", "maxdepth", "mindepth", "mount", "noleaf", "noignore_readdir_race", "xdev", "files0-from"])
const POSITIONAL = new Set(["daystart", "follow", "nowarn", "regextype", "warn"])
const NO_DEFAULT_PRINT = new Set(["print", "print0", "printf", "fprint", "fprint0", "fprintf", "fls", "ls", "exec", "execdir", "ok", "okdir", "delete"])

/** A fatal command-line error: findutils prints it and exits with 1. */
class Fatal extends Data.TaggedError("Fatal")<{ readonly message: string }> {}

const fatal = (message: string) => new Fatal({ message })

/** Parse find's arguments; fs lookups happen in command-line order, as findutils does them. */
export const parseArgs = (args: ReadonlyArray<string>, ctx: CommandContext, now: number): Effect.Effect<Parsed> =>
  Effect.gen(function* () {
    const messages: Array<string> = []
    const fail = (message: string): Parsed => ({ _tag: "Fail", messages: [...messages, `find: ${message}\n`] })
    let follow: "P" | "H" | "L" = "P"
    let i = 0
    for (; i < args.length; i++) {
      const a = args[i]
      if (a === "-H" || a === "-L" || a === "-P") follow = a === "-H" ? "H" : a === "-L" ? "L" : "P"
      else if (a.startsWith("-D")) {
        const value = a.length > 2 ? a.slice(2) : args[++i]
        if (value === undefined) return fail("Missing argument after the -D option.")
        for (const flag of value.split(","))
          if (!["exec", "opt", "rates", "search", "stat", "time", "tree", "all", "help"].includes(flag))
            messages.push(`find: Ignoring unrecognised debug flag ${quote(flag)}\n`)
      } else if (a.startsWith("-O")) {
        if (!/^-O\d*$/.test(a)) return fail("Please specify a decimal number immediately after -O")
      } else if (a === "--") {
        i++
        break
      } else break
    }
    const paths: Array<string> = []
    while (i < args.length && !looksLikeExpression(args[i], true)) paths.push(args[i++])

    let maxdepth = Infinity
    let mindepth = 0
    let depthFirst = false
    let explicitDepth = false
    let warn = false
    let syntax: Syntax | undefined = regexType("findutils-default")
    let dayStart = false
    const files: Array<Out> = []
    let firstNonOption: string | undefined

    const preds: Array<Pred<Test>> = [{ type: "open", name: "(", artificial: true }]
    const last = () => preds[preds.length - 1]
    const needOperator = () => {
      const p = last()
      if (p.type === "primary" || p.type === "close") preds.push({ type: "binary", name: "-a", op: "and", prec: Prec.and })
    }
    const primary = (name: string, test: Test) => {
      needOperator()
      preds.push({ type: "primary", name, test })
    }
    const noop = (name: string) => primary(name, { t: "true" })

    const statFollowing = (path: string) => {
      const abs = ctx.resolve(path)
      return follow === "P" ? ctx.fs.lstat(abs) : ctx.fs.stat(abs)
    }
    const refStat = (path: string) =>
      Effect.gen(function* () {
        const r = yield* Effect.result(statFollowing(path))
        if (r._tag === "Failure") return yield* fatal(`${quote(path)}: ${strerror(r.failure)}`)
        return r.success
      })
    const openOut = (path: string) =>
      Effect.gen(function* () {
        if (path === "/dev/stdout") return { kind: "stdout" } as const
        if (path === "/dev/stderr") return { kind: "stderr" } as const
        const abs = ctx.resolve(path)
        const existing = files.find((f) => f.kind === "file" && f.abs === abs)
        if (existing !== undefined) return existing
        const r = yield* Effect.result(ctx.fs.writeFile(abs, new Uint8Array(0)))
        if (r._tag === "Failure") return yield* fatal(`${quote(path)}: ${strerror(r.failure)}`)
        const out: Out = { kind: "file", abs, chunks: [] }
        files.push(out)
        return out
      })

    const run = Effect.gen(function* () {
      while (i < args.length) {
        const arg = args[i]
        if (!looksLikeExpression(arg, false)) {
          messages.push(`find: paths must precede expression: \`${arg}'\n`)
          if (yield* ctx.fs.exists(ctx.resolve(arg)))
            messages.push(`find: possible unquoted pattern after predicate \`${last().name}'?\n`)
          return false
        }
        const name = arg.startsWith("-") ? arg.slice(1) : arg
        i++
        const take = (): string | undefined => {
          const value = args[i]
          if (value !== undefined) i++
          return value
        }
        const missing = () => fatal(`missing argument to \`${arg}'`)
        const invalid = (v: string) => fatal(`invalid argument \`${v}' to \`${arg}'`)
        const isOption = OPTIONS.has(name) || name === "help" || name === "-help" || name === "version" || name === "-version"
        if (isOption && firstNonOption !== undefined && warn)
          messages.push(
            `find: warning: you have specified the global option ${arg} after the argument ${firstNonOption}, but global options are not positional, i.e., ${arg} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n`,
          )
        if (!isOption && !POSITIONAL.has(name) && firstNonOption === undefined) firstNonOption = arg
        if (arg.startsWith("-") && ["!", ",", "(", ")"].includes(name))
          messages.push(`find: warning: operator '${arg}' (with leading dash '-') will no longer be accepted in future findutils releases!\n`)
        const newerXY = /^-newer..$/.test(arg)
        if (newerXY && !/^-newer[aBcm][aBcmt]$/.test(arg)) return yield* fatal(`invalid predicate \`${arg}'`)
        switch (newerXY ? "newerXY" : name) {
          case "!":
          case "not":
            needOperator()
            preds.push({ type: "not", name: arg })
            break
          case "(":
            needOperator()
            preds.push({ type: "open", name: arg, artificial: false })
            break
          case ")":
            preds.push({ type: "close", name: arg, artificial: false })
            break
          case ",":
            preds.push({ type: "binary", name: arg, op: "comma", prec: Prec.comma })
            break
          case "a":
          case "and":
            preds.push({ type: "binary", name: arg, op: "and", prec: Prec.and })
            break
          case "o":
          case "or":
            preds.push({ type: "binary", name: arg, op: "or", prec: Prec.or })
            break
          case "help":
          case "-help":
            return "help"
          case "version":
          case "-version":
            return "version"
          case "d":
          case "depth":
            if (name === "d" && warn)
              messages.push("find: warning: the -d option is deprecated; please use -depth instead, because the latter is a POSIX-compliant feature.\n")
            depthFirst = true
            explicitDepth = true
            noop(arg)
            break
          case "maxdepth":
          case "mindepth": {
            const v = take()
            if (v === undefined) return yield* missing()
            if (!/^\d+$/.test(v) || Number(v) > 2147483647)
              return yield* fatal(`Expected a positive decimal integer argument to ${arg}, but got ${quote(v)}`)
            if (name === "maxdepth") maxdepth = Number(v)
            else mindepth = Number(v)
            noop(arg)
            break
          }
          case "mount":
          case "xdev":
          case "noleaf":
          case "ignore_readdir_race":
          case "noignore_readdir_race":
          case "nowarn":
          case "warn":
            if (name === "warn") warn = true
            if (name === "nowarn") warn = false
            noop(arg)
            break
          case "follow":
            follow = "L"
            noop(arg)
            break
          case "daystart":
            dayStart = true
            break
          case "regextype": {
            const v = take()
            if (v === undefined) return yield* missing()
            syntax = regexType(v)
            if (syntax === undefined)
              return yield* fatal(
                `Unknown regular expression type ${quote(v)}; valid types are ${REGEX_TYPES.map(([n]) => quote(n)).join(", ")}.`,
              )
            noop(arg)
            break
          }
          case "files0-from":
            return yield* fatal("-files0-from is not supported")
          case "true":
          case "false":
            primary(arg, name === "true" ? { t: "true" } : { t: "false" })
            break
          case "name":
          case "iname":
          case "lname":
          case "ilname": {
            const v = take()
            if (v === undefined) return yield* missing()
            if ((name === "name" || name === "iname") && warn && v.includes("/") && v !== "/")
              messages.push(
                `find: warning: '-${name}' matches against basenames only, but the given pattern contains a directory separator ('/'), thus the expression will evaluate to false all the time.  Did you mean '-${name === "name" ? "" : "i"}wholename'?\n`,
              )
            primary(arg, { t: name.endsWith("lname") ? "lname" : "name", pattern: bytesOf(v), nocase: name[0] === "i" })
            break
          }
          case "path":
          case "ipath":
          case "wholename":
          case "iwholename": {
            const v = take()
            if (v === undefined) return yield* missing()
            const nocase = name[0] === "i"
            if (v.endsWith("/") && !paths.some((p) => matches(bytesOf(v), bytesOf(p), { nocase })))
              messages.push(`find: warning: -${name} ${v} will not match anything because it ends with /.\n`)
            primary(arg, { t: "path", pattern: bytesOf(v), nocase })
            break
          }
          case "regex":
          case "iregex": {
            const v = take()
            if (v === undefined) return yield* missing()
            const compiled = compileRegex(bytesOf(v), syntax ?? REGEX_TYPES[0][1], name === "iregex")
            if ("error" in compiled) return yield* fatal(`failed to compile regular expression '${v}': ${compiled.error}`)
            primary(arg, { t: "regex", regex: compiled.regex })
            break
          }
          case "type":
          case "xtype": {
            const v = take()
            if (v === undefined) return yield* missing()
            const types = parseTypes(v, arg)
            if ("error" in types) return yield* fatal(String(types.error))
            primary(arg, { t: "type", types, x: name === "xtype" })
            break
          }
          case "size": {
            const v = take()
            if (v === undefined) return yield* missing()
            const size = parseSize(v)
            if ("error" in size) return yield* fatal(size.error)
            primary(arg, { t: "size", size })
            break
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
            const window = days ? parseTime(v, dayOrigin, 86400_000, true) : parseTime(v, dayOrigin + 86400_000, 60_000, false)
            if (window === undefined) return yield* invalid(v)
            primary(arg, { t: "time", window })
            break
          }
          case "used": {
            const v = take()
            if (v === undefined) return yield* missing()
            const window = parseTime(v, 0, 86400_000, false)
            if (window === undefined) return yield* fatal(`Invalid argument ${v} to -used`)
            primary(arg, { t: "used", window })
            break
          }
          case "newer":
          case "anewer":
          case "cnewer": {
            const v = take()
            if (v === undefined) return yield* missing()
            const st: FileStat = yield* refStat(v)
            primary(arg, { t: "newer", ref: st.mtime })
            break
          }
          case "newerXY": {
            const v = take()
            if (v === undefined) return yield* fatal(`The '${arg}' test needs an argument`)
            let ref: number | undefined
            if (arg[7] === "t") {
              ref = parseDate(v)
              if (ref === undefined) return yield* fatal(`I cannot figure out how to interpret ${quote(v)} as a date or time`)
            } else ref = (yield* refStat(v)).mtime
            primary(arg, { t: "newer", ref })
            break
          }
          case "empty":
            primary(arg, { t: "empty" })
            break
          case "perm": {
            const v = take()
            if (v === undefined) return yield* missing()
            const perm = parsePerm(v)
            if (perm === undefined) return yield* fatal(`invalid mode ${quote(v)}`)
            if (v[0] === "/" && perm.file === 0 && perm.dir === 0) {
              messages.push(
                `find: warning: you have specified a mode pattern ${v} (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.\n`,
              )
              primary(arg, { t: "perm", perm: { ...perm, kind: "least" } })
            } else primary(arg, { t: "perm", perm })
            break
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
            primary(arg, { t: "num", field, num })
            break
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
            primary(arg, { t: "owner", field: name === "user" ? "user" : "group", id })
            break
          }
          case "nouser":
          case "nogroup":
            primary(arg, { t: "false" })
            break
          case "readable":
          case "writable":
          case "executable":
            primary(arg, { t: "access", mode: name === "readable" ? "r" : name === "writable" ? "w" : "x" })
            break
          case "fstype": {
            const v = take()
            if (v === undefined) return yield* missing()
            primary(arg, { t: "fstype", name: v })
            break
          }
          case "samefile": {
            const v = take()
            if (v === undefined) return yield* missing()
            yield* refStat(v)
            primary(arg, { t: "samefile", abs: ctx.resolve(v) })
            break
          }
          case "context":
            return yield* fatal("invalid predicate -context: SELinux is not enabled.")
          case "print":
          case "print0":
            primary(arg, { t: "print", out: { kind: "stdout" }, nul: name === "print0" })
            break
          case "fprint":
          case "fprint0":
          case "fls": {
            const v = take()
            if (v === undefined) return yield* missing()
            const out = yield* openOut(v)
            primary(arg, name === "fls" ? { t: "ls", out } : { t: "print", out, nul: name === "fprint0" })
            break
          }
          case "ls":
            primary(arg, { t: "ls", out: { kind: "stdout" } })
            break
          case "printf":
          case "fprintf": {
            const file = name === "fprintf" ? take() : undefined
            if (name === "fprintf" && file === undefined) return yield* missing()
            const format = args[i]
            if (format === undefined) return yield* missing()
            i++
            const out: Out = file === undefined ? { kind: "stdout" } : yield* openOut(file)
            const compiled = compileFormat(format)
            for (const w of compiled.warnings) messages.push(`find: ${w}\n`)
            if ("error" in compiled) return yield* fatal(compiled.error)
            primary(arg, { t: "printf", out, segments: compiled.segments })
            break
          }
          case "prune":
            primary(arg, { t: "prune" })
            break
          case "quit":
            primary(arg, { t: "quit" })
            break
          case "delete":
            depthFirst = true
            primary(arg, { t: "delete" })
            break
          case "exec":
          case "execdir":
          case "ok":
          case "okdir": {
            const exec = parseExec(args, i, name)
            if ("error" in exec) return yield* fatal(exec.error)
            if (exec.exec === undefined) return yield* missing()
            i = exec.next
            primary(arg, { t: "exec", exec: exec.exec })
            break
          }
          default:
            return yield* fatal(`unknown predicate \`${arg}'`)
        }
        last().name = arg
      }
      return true
    })

    const outcome = yield* run.pipe(
      Effect.map((r): Fatal | boolean | "help" | "version" => r),
      Effect.catchTag("Fatal", (e) => Effect.succeed(e)),
    )
    if (outcome instanceof Fatal) return fail(outcome.message)
    if (outcome === "help") return { _tag: "Help" }
    if (outcome === "version") return { _tag: "Version" }
    if (outcome === false) return { _tag: "Fail", messages }

    const user = preds.slice(1)
    let list: Array<Pred<Test>>
    const print: Pred<Test> = { type: "primary", name: "-print", test: { t: "print", out: { kind: "stdout" }, nul: false } }
    if (user.length === 0) list = [print]
    else if (user.some((p) => p.type === "primary" && NO_DEFAULT_PRINT.has(p.name.replace(/^-/, "")))) list = user
    else
      list = [
        ...preds,
        { type: "close", name: ")", artificial: true },
        { type: "binary", name: "-a", op: "and", prec: Prec.and },
        print,
      ]
    if (user.some((p) => p.type === "primary" && p.test.t === "prune") && user.some((p) => p.type === "primary" && p.test.t === "delete") && !explicitDepth)
      return fail(
        "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.",
      )
    const built = buildTree(list)
    if ("error" in built) return fail(built.error)
    const tree = built.tree
    return {
      _tag: "Ok",
      messages,
      program: { follow, paths: paths.length === 0 ? ["."] : paths, tree, maxdepth, mindepth, depthFirst, files },
    }
  })

const startOfDay = (now: number): number => now - (now % 86400_000)

/** Parse the arguments of `-exec` from index `start`; `exec` undefined means a missing argument. */
const parseExec = (
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
      if (start === end && dir)
        return {
          error: "You may not use {} within the utility name for -execdir and -okdir, because this is a potential security problem.",
        }
    }
  }
  if (end === start || end >= args.length) return { exec: undefined, next: end }
  if (plus) {
    const suffix = dir ? "dir" : ""
    if (braces > 1) return { error: `Only one instance of {} is supported with -exec${suffix} ... +` }
    if (braceArg.length !== 2)
      return { error: `In ${quote(`-exec${suffix} ... {} +`)} the ${quote("{}")} must appear by itself, but you specified ${quote(braceArg)}` }
  }
  const argv = plus ? args.slice(start, end - 1) : args.slice(start, end)
  return { exec: { argv, plus, dir, ok: name === "ok" || name === "okdir", batch: [] }, next: end + 1 }
}
