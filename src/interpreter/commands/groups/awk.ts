import type { CommandDef } from "../../Command.ts"
import { lazy } from "./lazy.ts"

/** The awk group: `awk` and its GNU name `gawk`. */
export const commands: ReadonlyArray<CommandDef> = [
  lazy("awk", "pattern scanning and processing language", () => import("../awk.ts").then((m) => m.awk)),
  lazy("gawk", "pattern scanning and processing language", () => import("../awk.ts").then((m) => m.gawk)),
]
