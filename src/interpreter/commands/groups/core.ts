import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/** The basic utilities: files (cat, cp, mv, rm, ls, mkdir, touch), lines (head, tail, sort, uniq, cut, tr, wc, grep, tee), and small ones (echo, printf, seq, test, true, false, sleep, yes, basename, dirname). */
export const commands: ReadonlyArray<CommandDef> = [
  lazy(
    "basename",
    "Print NAME with any leading directory components removed. If specified, also remove a trailing SUFFIX.",
    () => import("../basename.ts").then((m) => m.basename),
  ),
  lazy("[", "Evaluate conditional expression. The last argument must be a literal `]'.", () =>
    import("../test.ts").then((m) => m.bracket),
  ),
  lazy("cat", "Concatenate FILE(s) to standard output.", () => import("../cat.ts").then((m) => m.cat)),
  lazy("cp", "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.", () => import("../cp.ts").then((m) => m.cp)),
  lazy("cut", "Print selected parts of lines from each FILE to standard output.", () =>
    import("../cut.ts").then((m) => m.cut),
  ),
  lazy("dirname", "Output each NAME with its last non-slash component and trailing slashes removed.", () =>
    import("../dirname.ts").then((m) => m.dirname),
  ),
  lazy("echo", "Write arguments to the standard output.", () => import("../echo.ts").then((m) => m.echo)),
  lazy("egrep", "Search for PATTERNS in each FILE.", () => import("../grep.ts").then((m) => m.egrep)),
  lazy("false", "Return an unsuccessful result.", () => import("../false.ts").then((m) => m.falseCommand)),
  lazy("fgrep", "Search for PATTERNS in each FILE.", () => import("../grep.ts").then((m) => m.fgrep)),
  lazy("grep", "Search for PATTERNS in each FILE.", () => import("../grep.ts").then((m) => m.grep)),
  lazy("head", "Print the first 10 lines of each FILE to standard output.", () =>
    import("../head.ts").then((m) => m.head),
  ),
  lazy(
    "ls",
    "List information about the FILEs (the current directory by default). Sort entries alphabetically if none of -St is specified.",
    () => import("../ls.ts").then((m) => m.ls),
  ),
  lazy("mkdir", "Create the DIRECTORY(ies), if they do not already exist.", () =>
    import("../mkdir.ts").then((m) => m.mkdir),
  ),
  lazy("mv", "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.", () => import("../mv.ts").then((m) => m.mv)),
  lazy("printf", "Formats and prints ARGUMENTS under control of the FORMAT.", () =>
    import("../printf.ts").then((m) => m.printf),
  ),
  lazy("rm", "Remove (unlink) the FILE(s).", () => import("../rm.ts").then((m) => m.rm)),
  lazy("seq", "Print numbers from FIRST to LAST, in steps of INCREMENT.", () => import("../seq.ts").then((m) => m.seq)),
  lazy(
    "sleep",
    "Pause for NUMBER seconds. SUFFIX may be 's' for seconds (the default), 'm' for minutes, 'h' for hours or 'd' for days.",
    () => import("../sleep.ts").then((m) => m.sleep),
  ),
  lazy("sort", "Write sorted concatenation of all FILE(s) to standard output.", () =>
    import("../sort.ts").then((m) => m.sort),
  ),
  lazy("tail", "Print the last 10 lines of each FILE to standard output.", () =>
    import("../tail.ts").then((m) => m.tail),
  ),
  lazy("tee", "Copy standard input to each FILE, and also to standard output.", () =>
    import("../tee.ts").then((m) => m.tee),
  ),
  lazy("test", "Evaluate conditional expression.", () => import("../test.ts").then((m) => m.test)),
  lazy(
    "touch",
    "Update the modification time of each FILE to the current time. A FILE argument that does not exist is created empty, unless -c is supplied.",
    () => import("../touch.ts").then((m) => m.touch),
  ),
  lazy("tr", "Translate, squeeze, and/or delete characters from standard input, writing to standard output.", () =>
    import("../tr.ts").then((m) => m.tr),
  ),
  lazy("true", "Return a successful result.", () => import("../true.ts").then((m) => m.trueCommand)),
  lazy(
    "uniq",
    "Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).",
    () => import("../uniq.ts").then((m) => m.uniq),
  ),
  lazy(
    "wc",
    "Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.",
    () => import("../wc.ts").then((m) => m.wc),
  ),
  lazy("yes", "Repeatedly output a line with all specified STRING(s), or 'y'.", () =>
    import("../yes.ts").then((m) => m.yes),
  ),
]
