import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/**
 * Searching, comparing and combining: JSON queries (jq), file comparison
 * and patching (diff, cmp, patch), recursive search (rg) and building
 * command lines from input (xargs).
 */
export const commands: ReadonlyArray<CommandDef> = [
  lazy("cmp", "Compare two files byte by byte.", () => import("../cmp.ts").then((m) => m.cmp)),
  lazy("diff", "Compare FILES line by line.", () => import("../diff.ts").then((m) => m.diff)),
  lazy("jq", "commandline JSON processor", () => import("../jq.ts").then((m) => m.jq)),
  lazy("patch", "Apply a diff file to an original.", () => import("../patch.ts").then((m) => m.patch)),
  lazy("rg", "ripgrep recursively searches the current directory for a regex pattern.", () =>
    import("../rg.ts").then((m) => m.rg),
  ),
  lazy("xargs", "Run COMMAND with arguments INITIAL-ARGS and more arguments read from input.", () =>
    import("../xargs.ts").then((m) => m.xargs),
  ),
]
