import { Effect } from "effect"
import type { CommandContext } from "../../Command.ts"
import { quote } from "../../ExitStatus.ts"
import { strerror } from "../shared/Canonical.ts"
import { buildTree, Prec, type Node, type Pred } from "./expr.ts"
import { Fatal, fatal } from "./fatal.ts"
import { REGEX_TYPES, regexType, type Syntax } from "./regex.ts"
import { parseTest, type PrimaryState } from "./tests.ts"
import type { Out, Test } from "./types.ts"

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
  /** `-files0-from FILE`: start points are read from FILE (`-` is stdin), NUL-separated. */
  readonly files0From: string | undefined
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

const OPTIONS = new Set([
  "d",
  "depth",
  "ignore_readdir_race",
  "maxdepth",
  "mindepth",
  "mount",
  "noleaf",
  "noignore_readdir_race",
  "xdev",
  "files0-from",
])
const POSITIONAL = new Set(["daystart", "follow", "nowarn", "regextype", "warn"])
const NO_DEFAULT_PRINT = new Set([
  "print",
  "print0",
  "printf",
  "fprint",
  "fprint0",
  "fprintf",
  "fls",
  "ls",
  "exec",
  "execdir",
  "ok",
  "okdir",
  "delete",
])

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
    let files0From: string | undefined
    const files: Array<Out> = []
    let firstNonOption: string | undefined

    const preds: Array<Pred<Test>> = [{ type: "open", name: "(", artificial: true }]
    const last = () => preds[preds.length - 1]
    const needOperator = () => {
      const p = last()
      if (p.type === "primary" || p.type === "close")
        preds.push({ type: "binary", name: "-a", op: "and", prec: Prec.and })
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
        const isOption =
          OPTIONS.has(name) || name === "help" || name === "-help" || name === "version" || name === "-version"
        if (isOption && firstNonOption !== undefined && warn)
          messages.push(
            `find: warning: you have specified the global option ${arg} after the argument ${firstNonOption}, but global options are not positional, i.e., ${arg} affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n`,
          )
        if (!isOption && !POSITIONAL.has(name) && firstNonOption === undefined) firstNonOption = arg
        if (arg.startsWith("-") && ["!", ",", "(", ")"].includes(name))
          messages.push(
            `find: warning: operator '${arg}' (with leading dash '-') will no longer be accepted in future findutils releases!\n`,
          )
        const newerXY = /^-newer..$/.test(arg)
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
              messages.push(
                "find: warning: the -d option is deprecated; please use -depth instead, because the latter is a POSIX-compliant feature.\n",
              )
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
          case "files0-from": {
            const v = take()
            if (v === undefined) return yield* missing()
            files0From = v
            break
          }
          default: {
            if (newerXY && !/^-newer[aBcm][aBcmt]$/.test(arg)) return yield* fatal(`invalid predicate \`${arg}'`)
            const state: PrimaryState = {
              arg,
              name,
              args,
              take,
              index: () => i,
              skipTo: (n) => {
                i = n
              },
              ctx,
              now,
              warn,
              dayStart,
              syntax,
              paths,
              messages,
              refStat,
              openOut,
            }
            const test = yield* parseTest(state)
            if (test === undefined) return yield* fatal(`unknown predicate \`${arg}'`)
            if (test.t === "delete") depthFirst = true
            primary(arg, test)
          }
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
    const print: Pred<Test> = {
      type: "primary",
      name: "-print",
      test: { t: "print", out: { kind: "stdout" }, nul: false },
    }
    if (user.length === 0) list = [print]
    else if (user.some((p) => p.type === "primary" && NO_DEFAULT_PRINT.has(p.name.replace(/^-/, "")))) list = user
    else
      list = [
        ...preds,
        { type: "close", name: ")", artificial: true },
        { type: "binary", name: "-a", op: "and", prec: Prec.and },
        print,
      ]
    if (
      user.some((p) => p.type === "primary" && p.test.t === "prune") &&
      user.some((p) => p.type === "primary" && p.test.t === "delete") &&
      !explicitDepth
    )
      return fail(
        "The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.",
      )
    if (files0From !== undefined && paths.length > 0)
      return {
        _tag: "Fail",
        messages: [
          ...messages,
          `find: extra operand ${quote(paths[0])}\n`,
          "find: file operands cannot be combined with -files0-from\n",
        ],
      }
    const built = buildTree(list)
    if ("error" in built) return fail(built.error)
    const tree = built.tree
    return {
      _tag: "Ok",
      messages,
      program: {
        follow,
        paths: paths.length === 0 && files0From === undefined ? ["."] : paths,
        tree,
        maxdepth,
        mindepth,
        depthFirst,
        files,
        files0From,
      },
    }
  })
