import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/**
 * Text utilities beyond the basics: merging and comparing (paste, join,
 * comm), layout (nl, fold, fmt, expand, unexpand, column, rev, tac),
 * splitting (split, csplit), ordering (shuf, tsort), dumps (od, xxd,
 * strings) and conversions (iconv, numfmt).
 */
export const commands: ReadonlyArray<CommandDef> = [
  lazy("column", "Columnate lists.", () => import("../column.ts").then((m) => m.column)),
  lazy("comm", "Compare sorted files FILE1 and FILE2 line by line.", () => import("../comm.ts").then((m) => m.comm)),
  lazy(
    "csplit",
    "Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ..., and output byte counts of each piece to standard output.",
    () => import("../csplit.ts").then((m) => m.csplit),
  ),
  lazy("expand", "Convert tabs in each FILE to spaces, writing to standard output.", () =>
    import("../expand.ts").then((m) => m.expand),
  ),
  lazy(
    "fmt",
    "Reformat each paragraph in the FILE(s), writing to standard output.\nThe option -WIDTH is an abbreviated form of --width=DIGITS.",
    () => import("../fmt.ts").then((m) => m.fmt),
  ),
  lazy("fold", "Wrap input lines in each FILE, writing to standard output.", () =>
    import("../fold.ts").then((m) => m.fold),
  ),
  lazy("iconv", "Convert encoding of given files from one encoding to another.", () =>
    import("../iconv.ts").then((m) => m.iconv),
  ),
  lazy("join", "For each pair of input lines with identical join fields, write a line to standard output.", () =>
    import("../join.ts").then((m) => m.join),
  ),
  lazy("nl", "Write each FILE to standard output, with line numbers added.", () =>
    import("../nl.ts").then((m) => m.nl),
  ),
  lazy("numfmt", "Reformat NUMBER(s), or the numbers from standard input if none are specified.", () =>
    import("../numfmt.ts").then((m) => m.numfmt),
  ),
  lazy("od", "Write an unambiguous representation, octal bytes by default, of FILE to standard output.", () =>
    import("../od.ts").then((m) => m.od),
  ),
  lazy(
    "paste",
    "Write lines consisting of the sequentially corresponding lines from each FILE, separated by TABs, to standard output.",
    () => import("../paste.ts").then((m) => m.paste),
  ),
  lazy("rev", "Reverse lines characterwise.", () => import("../rev.ts").then((m) => m.rev)),
  lazy("shuf", "Write a random permutation of the input lines to standard output.", () =>
    import("../shuf.ts").then((m) => m.shuf),
  ),
  lazy(
    "split",
    "Output pieces of FILE to PREFIXaa, PREFIXab, ...; default size is 1000 lines, and default PREFIX is 'x'.",
    () => import("../split.ts").then((m) => m.split),
  ),
  lazy("strings", "Display printable strings in [file(s)] (stdin by default)", () =>
    import("../strings.ts").then((m) => m.strings),
  ),
  lazy("tac", "Write each FILE to standard output, last line first.", () => import("../tac.ts").then((m) => m.tac)),
  lazy(
    "tsort",
    "Write totally ordered list consistent with the partial ordering in FILE.\n\nWith no FILE, or when FILE is -, read standard input.",
    () => import("../tsort.ts").then((m) => m.tsort),
  ),
  lazy("unexpand", "Convert blanks in each FILE to tabs, writing to standard output.", () =>
    import("../unexpand.ts").then((m) => m.unexpand),
  ),
  lazy("xxd", "Make a hex dump or do the reverse.", () => import("../xxd.ts").then((m) => m.xxd)),
]
