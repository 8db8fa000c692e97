import type { CommandDef } from "../../Command.ts"
import { df } from "../df.ts"
import { du } from "../du.ts"
import { file } from "../file.ts"
import { find } from "../find.ts"
import { ln } from "../ln.ts"
import { mktemp } from "../mktemp.ts"
import { readlink } from "../readlink.ts"
import { realpath } from "../realpath.ts"
import { rmdir } from "../rmdir.ts"
import { stat } from "../stat.ts"
import { tree } from "../tree.ts"
import { truncate } from "../truncate.ts"

/** File and directory utilities beyond the basics: find, ln, readlink, realpath, stat, du, df, tree, mktemp, truncate, file, rmdir. */
export const commands: ReadonlyArray<CommandDef> = [
  df,
  du,
  file,
  find,
  ln,
  mktemp,
  readlink,
  realpath,
  rmdir,
  stat,
  tree,
  truncate,
]
