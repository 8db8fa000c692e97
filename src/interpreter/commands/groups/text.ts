import type { CommandDef } from "../../Command.ts"
import { paste } from "../paste.ts"

/** The text-processing utilities beyond the basics: paste, join, comm, nl, fold, fmt, od, xxd, ... */
export const commands: ReadonlyArray<CommandDef> = [paste]
