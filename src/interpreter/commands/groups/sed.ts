import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/** The stream editor. */
export const commands: ReadonlyArray<CommandDef> = [
  lazy("sed", "Stream editor for filtering and transforming text.", () => import("../sed.ts").then((m) => m.sed)),
]
