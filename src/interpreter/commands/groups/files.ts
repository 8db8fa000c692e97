import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/** File and directory utilities beyond the basics: find, ln, readlink, realpath, stat, du, df, tree, mktemp, truncate, file, rmdir. */
export const commands: ReadonlyArray<CommandDef> = [
  lazy(
    "df",
    "Show information about the file system on which each FILE resides,\nor all file systems by default.",
    () => import("../df.ts").then((m) => m.df),
  ),
  lazy("du", "Summarize device usage of the set of FILEs, recursively for directories.", () =>
    import("../du.ts").then((m) => m.du),
  ),
  lazy("file", "Determine type of FILEs.", () => import("../file.ts").then((m) => m.file)),
  lazy("find", "search for files in a directory hierarchy", () => import("../find.ts").then((m) => m.find)),
  lazy(
    "ln",
    "In the 1st form, create a link to TARGET with the name LINK_NAME.\nIn the 2nd form, create a link to TARGET in the current directory.\nIn the 3rd and 4th forms, create links to each TARGET in DIRECTORY.\nCreate hard links by default, symbolic links with --symbolic.",
    () => import("../ln.ts").then((m) => m.ln),
  ),
  lazy(
    "mktemp",
    "Create a temporary file or directory, safely, and print its name.\nTEMPLATE must contain at least 3 consecutive 'X's in last component.\nIf TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is implied.",
    () => import("../mktemp.ts").then((m) => m.mktemp),
  ),
  lazy("readlink", "Print value of a symbolic link or canonical file name", () =>
    import("../readlink.ts").then((m) => m.readlink),
  ),
  lazy("realpath", "Print the resolved absolute file name;\nall but the last component must exist", () =>
    import("../realpath.ts").then((m) => m.realpath),
  ),
  lazy("rmdir", "Remove the DIRECTORY(ies), if they are empty.", () => import("../rmdir.ts").then((m) => m.rmdir)),
  lazy("stat", "Display file or file system status.", () => import("../stat.ts").then((m) => m.stat)),
  lazy("tree", "list contents of directories in a tree-like format", () => import("../tree.ts").then((m) => m.tree)),
  lazy("truncate", "Shrink or extend the size of each FILE to the specified size", () =>
    import("../truncate.ts").then((m) => m.truncate),
  ),
]
