import { Effect } from "effect"
import { VfsError } from "../../vfs/VfsError.ts"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, report } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { resolveOperand } from "./shared/Files.ts"

/** `mkdir`: make directories (`-m` is accepted and ignored: the namespace sets no modes). */
export const mkdir = make("mkdir", {
  summary: "Create the DIRECTORY(ies), if they do not already exist.",
  flags: {
    mode: Flag.string("m", "mode", "set file mode (ignored)", { arg: "MODE" }),
    parents: Flag.boolean("p", "parents", "no error if existing, make parent directories as needed"),
    verbose: Flag.boolean("v", "verbose", "print a message for each created directory"),
  },
  operands: { usage: "DIRECTORY...", min: 1 },
  run: ({ flags, operands, ctx, name }) =>
    Effect.gen(function* () {
      let status = 0
      const created = (display: string) =>
        flags.verbose ? writeText(ctx.stdout, `${name}: created directory ${quote(display)}\n`) : Effect.void
      const fail = (display: string, error: VfsError) =>
        Effect.map(report(ctx.stderr, name, `cannot create directory ${quote(display)}`, error), (s) => {
          status = s
        })
      /** Create one directory; true when it worked. */
      const create = (display: string, operand: string) =>
        Effect.flatMap(Effect.result(Effect.flatMap(resolveOperand(ctx, operand), (p) => ctx.fs.mkdir(p))), (r) =>
          r._tag === "Failure" ? Effect.as(fail(display, r.failure), false) : Effect.as(created(display), true),
        )

      for (const operand of operands) {
        if (!flags.parents || operand === "") {
          yield* create(operand, operand)
          continue
        }
        // -p: each missing component in turn, named as written (`p`, `p/q`, `p/q/r`).
        const parts = operand.split("/")
        for (let i = 0; i < parts.length; i++) {
          if (parts[i] === "" && i > 0) continue
          const prefix = parts.slice(0, i + 1).join("/") || "/"
          const last = parts.slice(i + 1).every((p) => p === "")
          const display = last ? operand : prefix
          const st = yield* Effect.result(Effect.flatMap(resolveOperand(ctx, prefix), ctx.fs.stat))
          if (st._tag === "Success") {
            if (st.success.type === "directory") continue
            const reason = last ? "AlreadyExists" : "NotADirectory"
            yield* fail(display, new VfsError({ reason, op: "mkdir", path: prefix }))
            break
          }
          if (!(yield* create(display, prefix))) break
        }
      }
      return status
    }),
})
