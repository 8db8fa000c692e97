import { Effect } from "effect"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"
import { parseArgs } from "./find/parse.ts"
import { runFind } from "./find/walk.ts"

const HELP = `Usage: find [-H] [-L] [-P] [-Olevel] [-D debugopts] [path...] [expression]

Default path is the current directory; default expression is -print.
Expression may consist of: operators, options, tests, and actions.

Operators (decreasing precedence; -and is implicit where no others are given):
      ( EXPR )   ! EXPR   -not EXPR   EXPR1 -a EXPR2   EXPR1 -and EXPR2
      EXPR1 -o EXPR2   EXPR1 -or EXPR2   EXPR1 , EXPR2

Positional options (always true):
      -daystart -follow -nowarn -regextype -warn

Normal options (always true, specified before other expressions):
      -depth -files0-from FILE -maxdepth LEVELS -mindepth LEVELS
       -mount -noleaf -xdev -ignore_readdir_race -noignore_readdir_race

Tests (N can be +N or -N or N):
      -amin N -anewer FILE -atime N -cmin N -cnewer FILE
      -ctime N -empty -false -fstype TYPE -gid N -group NAME -ilname PATTERN
      -iname PATTERN -inum N -iwholename PATTERN -iregex PATTERN
      -links N -lname PATTERN -mmin N -mtime N -name PATTERN -newer FILE
      -nouser -nogroup -path PATTERN -perm [-/]MODE -regex PATTERN
      -readable -writable -executable
      -wholename PATTERN -size N[bcwkMG] -true -type [bcdpflsD] -uid N
      -used N -user NAME -xtype [bcdpfls]

Actions:
      -delete -print0 -printf FORMAT -fprintf FILE FORMAT -print 
      -fprint0 FILE -fprint FILE -ls -fls FILE -prune -quit
      -exec COMMAND ; -exec COMMAND {} + -ok COMMAND ;
      -execdir COMMAND ; -execdir COMMAND {} + -okdir COMMAND ;

Other common options:
      --help                   display this help and exit
      --version                output version information and exit
`

/**
 * `find`: search for files in a directory hierarchy, as GNU findutils 4.9
 * does (expression syntax, messages, `-printf` and `-ls` formats). Entries
 * come in the namespace's listing order, which is sorted by name; GNU find
 * on a real disk lists in the file system's own order.
 */
export const find = make("find", {
  summary: "search for files in a directory hierarchy",
  flags: {},
  raw: true,
  operands: { usage: "[-H] [-L] [-P] [path...] [expression]" },
  details: HELP,
  run: ({ ctx }) =>
    Effect.gen(function* () {
      const now = Date.now()
      const parsed = yield* parseArgs(ctx.args, ctx, now)
      switch (parsed._tag) {
        case "Help":
          yield* writeText(ctx.stdout, HELP)
          return 0
        case "Version":
          yield* writeText(ctx.stdout, "find (mirage-vfs) 4.9.0\n")
          return 0
        case "Fail":
          yield* writeText(ctx.stderr, parsed.messages.join(""))
          return 1
        case "Ok":
          yield* writeText(ctx.stderr, parsed.messages.join(""))
          return yield* runFind(parsed.program, ctx, now)
      }
    }),
})
