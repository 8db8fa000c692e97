import type { CommandDef } from "../Command.ts"
import { commands as awk } from "./groups/awk.ts"
import { commands as core } from "./groups/core.ts"
import { commands as files } from "./groups/files.ts"
import { load } from "./groups/lazy.ts"
import { commands as sed } from "./groups/sed.ts"
import { commands as search } from "./groups/search.ts"
import { commands as system } from "./groups/system.ts"
import { commands as text } from "./groups/text.ts"

/**
 * Every built-in command, one entry per name. Entries are lazy (see
 * groups/lazy.ts): a command's module is imported the first time it runs.
 */
export const allCommands: ReadonlyArray<CommandDef> = [...core, ...files, ...text, ...sed, ...awk, ...search, ...system]

/** Every built-in command's implementation, importing every module (for tests and tools that read declarations). */
export const loadAll = (): Promise<ReadonlyArray<CommandDef>> => Promise.all(allCommands.map(load))
