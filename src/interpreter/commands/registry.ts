import type { CommandDef } from "../Command.ts"
import { commands as awk } from "./groups/awk.ts"
import { commands as files } from "./groups/files.ts"
import { commands as sed } from "./groups/sed.ts"
import { commands as search } from "./groups/search.ts"
import { commands as system } from "./groups/system.ts"
import { commands as text } from "./groups/text.ts"
import { commands as core } from "./index.ts"

/** Every built-in command: the core utilities and each group, later names overriding none. */
export const allCommands: ReadonlyArray<CommandDef> = [...core, ...files, ...text, ...sed, ...awk, ...search, ...system]
