import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { writeText } from "../Io.ts"

/** The host name every workspace reports. */
export const HOSTNAME = "mirage"

/** `hostname`: print the workspace's host name; setting it is refused. */
export const hostname = make("hostname", {
  summary: "Show the system's host name.",
  flags: {
    short: Flag.boolean("s", "short", "short host name"),
    fqdn: Flag.boolean("f", ["fqdn", "long"], "long host name (FQDN)"),
  },
  operands: { usage: "" },
  usageStatus: 255,
  run: ({ operands, ctx, warn }) =>
    operands.length > 0
      ? Effect.as(warn("you must be root to change the host name"), 1)
      : Effect.as(writeText(ctx.stdout, `${HOSTNAME}\n`), 0),
})
