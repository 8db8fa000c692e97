import type { CommandDef } from "../../Command.ts"
import { sed } from "../sed.ts"

/** The stream editor. */
export const commands: ReadonlyArray<CommandDef> = [sed]
