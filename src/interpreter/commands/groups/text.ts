import type { CommandDef } from "../../Command.ts"
import { column } from "../column.ts"
import { comm } from "../comm.ts"
import { csplit } from "../csplit.ts"
import { expand } from "../expand.ts"
import { fmt } from "../fmt.ts"
import { fold } from "../fold.ts"
import { iconv } from "../iconv.ts"
import { join } from "../join.ts"
import { nl } from "../nl.ts"
import { numfmt } from "../numfmt.ts"
import { od } from "../od.ts"
import { paste } from "../paste.ts"
import { rev } from "../rev.ts"
import { shuf } from "../shuf.ts"
import { split } from "../split.ts"
import { strings } from "../strings.ts"
import { tac } from "../tac.ts"
import { tsort } from "../tsort.ts"
import { unexpand } from "../unexpand.ts"
import { xxd } from "../xxd.ts"

/**
 * Text utilities beyond the basics: merging and comparing (paste, join,
 * comm), layout (nl, fold, fmt, expand, unexpand, column, rev, tac),
 * splitting (split, csplit), ordering (shuf, tsort), dumps (od, xxd,
 * strings) and conversions (iconv, numfmt).
 */
export const commands: ReadonlyArray<CommandDef> = [
  column,
  comm,
  csplit,
  expand,
  fmt,
  fold,
  iconv,
  join,
  nl,
  numfmt,
  od,
  paste,
  rev,
  shuf,
  split,
  strings,
  tac,
  tsort,
  unexpand,
  xxd,
]
