import { Effect } from "effect"
import * as Flag from "../../interpreter/Argv.ts"
import type { CommandContext, CommandDef } from "../../interpreter/Command.ts"
import { make } from "../../interpreter/Command.ts"
import { fileErrorLine, quote, report } from "../../interpreter/ExitStatus.ts"
import { readAll, writeText } from "../../interpreter/Io.ts"
import type { BrokenPipe } from "../../interpreter/Io.ts"
import type { Resource } from "../../vfs/Resource.ts"
import { VfsError } from "../../vfs/VfsError.ts"
import type { CommentInput, CreatedComment, CreatedIssue, IssueInput } from "./tree.ts"

/**
 * The `linear` command: the writes Linear takes, which the read-only tree
 * cannot express. `linear issue create` and `linear comment create` act on a
 * Linear mount of the workspace (the first, or the one `--mount` names).
 */

/** What the command needs of a Linear resource. */
export interface LinearWrites {
  readonly createIssue: (input: IssueInput) => Effect.Effect<CreatedIssue, VfsError>
  readonly createComment: (input: CommentInput) => Effect.Effect<CreatedComment, VfsError>
}

/** Tells a Linear resource among the mounted ones. */
export type Recognize = (resource: Resource) => LinearWrites | undefined

const USAGE = 2

const mountFlag = Flag.string(null, "mount", "use the Linear mount at PATH (default: the first one)", { arg: "PATH" })

const decoder = new TextDecoder()

/** Text from an argument, a file, or standard input (`-`), without its trailing newlines. */
const textOf = (
  ctx: CommandContext,
  file: string,
): Effect.Effect<{ readonly text: string } | { readonly error: string }, never> => {
  const bytes = file === "-" ? readAll(ctx.stdin) : ctx.fs.readFile(ctx.resolve(file))
  return bytes.pipe(
    Effect.map((b) => ({ text: decoder.decode(b).replace(/\n+$/, "") })),
    Effect.catch((error: VfsError) =>
      Effect.succeed({ error: fileErrorLine("linear", file === "-" ? "-" : file, error) }),
    ),
  )
}

/** The Linear mount to act on, or the message saying why there is none. */
const target = (
  ctx: CommandContext,
  recognize: Recognize,
  wanted: string | undefined,
): { readonly writes: LinearWrites; readonly prefix: string } | { readonly error: string } => {
  const mounts = ctx.fs.mounts()
  if (wanted !== undefined) {
    const prefix = ctx.resolve(wanted)
    const mount = mounts.find((m) => m.prefix === prefix)
    if (mount === undefined) return { error: `${quote(wanted)}: not a mount point` }
    const writes = recognize(mount.resource)
    return writes === undefined ? { error: `${quote(wanted)}: not a Linear mount` } : { writes, prefix }
  }
  for (const mount of mounts) {
    const writes = recognize(mount.resource)
    if (writes !== undefined) return { writes, prefix: mount.prefix }
  }
  return { error: "no Linear mount in this workspace" }
}

/** Run a write and print its result, or report its error with the mount it came from. */
const perform = <A>(
  ctx: CommandContext,
  prefix: string,
  context: string,
  write: Effect.Effect<A, VfsError>,
  line: (a: A) => string,
): Effect.Effect<number, BrokenPipe> =>
  write.pipe(
    Effect.matchEffect({
      onFailure: (e) =>
        report(
          ctx.stderr,
          "linear",
          context,
          new VfsError({ reason: e.reason, op: e.op, path: e.path, detail: e.detail, mount: prefix }),
        ),
      onSuccess: (a) => Effect.as(writeText(ctx.stdout, line(a)), 0),
    }),
  )

/** A runtime failure (status 1), worded `linear: ...` whatever the subcommand. */
const failWith = (ctx: CommandContext, line: string) => Effect.as(writeText(ctx.stderr, line), 1)
const fail = (ctx: CommandContext, message: string) => failWith(ctx, `linear: ${message}\n`)

const issueCreate = (recognize: Recognize) =>
  make("linear issue create", {
    summary: "Create an issue in a Linear team; print its identifier and URL.",
    flags: {
      team: Flag.string("t", "team", "the team's key, e.g. ENG (required)", { arg: "KEY" }),
      title: Flag.string(null, "title", "the issue's title (required)", { arg: "TITLE" }),
      description: Flag.string("d", "description", "the issue's description, in Markdown", { arg: "TEXT" }),
      descriptionFile: Flag.string(null, "description-file", "read the description from FILE; - is standard input", {
        arg: "FILE",
      }),
      mount: mountFlag,
    },
    operands: { usage: "", max: 0 },
    usageStatus: USAGE,
    details: "The new issue shows at once under MOUNT/teams/KEY/issues/.",
    run: ({ flags, ctx, usage }) =>
      Effect.gen(function* () {
        if (flags.team === undefined || flags.team === "") return yield* usage("missing --team")
        if (flags.title === undefined || flags.title.trim() === "") return yield* usage("missing --title")
        if (flags.description !== undefined && flags.descriptionFile !== undefined)
          return yield* usage("--description and --description-file are mutually exclusive")
        const where = target(ctx, recognize, flags.mount)
        if ("error" in where) return yield* fail(ctx, where.error)
        let description = flags.description
        if (flags.descriptionFile !== undefined) {
          const got = yield* textOf(ctx, flags.descriptionFile)
          if ("error" in got) return yield* failWith(ctx, got.error)
          description = got.text
        }
        const input = { team: flags.team, title: flags.title, description }
        return yield* perform(
          ctx,
          where.prefix,
          `cannot create issue in team ${quote(flags.team)}`,
          where.writes.createIssue(input),
          (issue) => `${issue.identifier} ${issue.url}\n`,
        )
      }),
  })

const commentCreate = (recognize: Recognize) =>
  make("linear comment create", {
    summary: "Comment on a Linear issue; print the comment's URL.",
    flags: {
      body: Flag.string("b", "body", "the comment, in Markdown; - reads it from standard input (required)", {
        arg: "TEXT",
      }),
      mount: mountFlag,
    },
    operands: { usage: "ISSUE", min: 1, max: 1, missing: "missing issue identifier" },
    usageStatus: USAGE,
    details: "ISSUE is an identifier such as ENG-12.",
    run: ({ flags, operands, ctx, usage }) =>
      Effect.gen(function* () {
        const issue = operands[0]
        if (!/^[A-Za-z0-9]+-[0-9]+$/.test(issue)) return yield* usage(`invalid issue identifier ${quote(issue)}`)
        if (flags.body === undefined) return yield* usage("missing --body")
        const where = target(ctx, recognize, flags.mount)
        if ("error" in where) return yield* fail(ctx, where.error)
        let body = flags.body
        if (body === "-") {
          const got = yield* textOf(ctx, "-")
          if ("error" in got) return yield* failWith(ctx, got.error)
          body = got.text
        }
        if (body.trim() === "") return yield* fail(ctx, "empty comment body")
        return yield* perform(
          ctx,
          where.prefix,
          `cannot comment on ${quote(issue)}`,
          where.writes.createComment({ issue, body }),
          (comment) => `${comment.issue} ${comment.url}\n`,
        )
      }),
  })

const HELP = `Usage: linear COMMAND [OPTION]... [ARG]...
Create issues and comments in a mounted Linear workspace.

Commands:
  issue create --team KEY --title TITLE [--description TEXT | --description-file FILE]
                          create an issue; print its identifier and URL
  comment create ISSUE --body TEXT
                          comment on an issue (ENG-12); --body - reads standard input

Every command takes --mount PATH to choose among several Linear mounts
(default: the first one). Read issues, projects and cycles as files, e.g.
  cat /linear/teams/eng/issues/ENG-12.json
Run 'linear issue create --help' for the options of one command.
`

const tryLine = "Try 'linear --help' for more information.\n"

/** The `linear` command over the Linear resources `recognize` picks out of the mounts. */
export const makeLinearCommand = (recognize: Recognize): CommandDef => {
  const subcommands: Readonly<Record<string, CommandDef>> = {
    "issue create": issueCreate(recognize),
    "comment create": commentCreate(recognize),
  }
  const usage = (ctx: CommandContext, message: string) =>
    Effect.as(writeText(ctx.stderr, `linear: ${message}\n${tryLine}`), USAGE)
  return {
    name: "linear",
    summary: "create issues and comments in a mounted Linear workspace",
    help: HELP,
    run: (ctx) => {
      const [group, action] = ctx.args
      if (group === "--help") return Effect.as(writeText(ctx.stdout, HELP), 0)
      if (group === "--version") return Effect.as(writeText(ctx.stdout, "linear (mirage-vfs)\n"), 0)
      if (group === undefined) return usage(ctx, "missing command")
      if (group.startsWith("-")) return usage(ctx, `unrecognized option ${quote(group)}`)
      if ((group === "issue" || group === "comment") && action === undefined)
        return usage(ctx, `missing subcommand after ${quote(group)}`)
      const sub = subcommands[`${group} ${action}`]
      if (sub === undefined) return usage(ctx, `unknown command ${quote(`${group} ${action ?? ""}`.trim())}`)
      return sub.run({ ...ctx, args: ctx.args.slice(2) })
    },
  }
}
