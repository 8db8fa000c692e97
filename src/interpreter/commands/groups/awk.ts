import type { CommandDef } from "../../Command.ts"
import { awk, gawk } from "../awk.ts"

/** The awk group: `awk` and its GNU name `gawk`. */
export const commands: ReadonlyArray<CommandDef> = [awk, gawk]
