import { Effect } from "effect"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"
import { OWNER } from "./shared/FileInfo.ts"

/** `whoami`: the workspace's one user, the owner `ls -l` shows. */
export const whoami = make("whoami", {
  summary: "Print the user name associated with the current effective user ID.",
  flags: {},
  operands: { usage: "", max: 0 },
  run: ({ ctx }) => Effect.as(writeText(ctx.stdout, `${OWNER.user}\n`), 0),
})
