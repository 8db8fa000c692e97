import type { CommandDef } from "../../Command.ts"
import { cmp } from "../cmp.ts"
import { diff } from "../diff.ts"
import { jq } from "../jq.ts"
import { patch } from "../patch.ts"
import { rg } from "../rg.ts"
import { xargs } from "../xargs.ts"

/**
 * Searching, comparing and combining: JSON queries (jq), file comparison
 * and patching (diff, cmp, patch), recursive search (rg) and building
 * command lines from input (xargs).
 */
export const commands: ReadonlyArray<CommandDef> = [cmp, diff, jq, patch, rg, xargs]
