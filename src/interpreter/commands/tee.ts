import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { openFileOutput, type FileOutput } from "./shared/FileOutput.ts"

/**
 * `tee`: copy standard input to standard output and to each FILE. Each file
 * is written as a stream fed chunk by chunk, so input is never held whole;
 * a file that cannot be written is reported and the others continue.
 */
export const tee = make("tee", {
  summary: "Copy standard input to each FILE, and also to standard output.",
  flags: {
    append: Flag.boolean("a", "append", "append to the given FILEs, do not overwrite"),
    ignoreInterrupts: Flag.boolean("i", "ignore-interrupts", "ignore interrupt signals"),
    outputError: Flag.boolean("p", null, "diagnose errors writing to non pipes"),
  },
  operands: { usage: "[FILE]..." },
  run: ({ flags, operands, ctx, name }) =>
    Effect.gen(function* () {
      const targets: Array<{ readonly operand: string; readonly file: FileOutput; reported: boolean }> = []
      for (const operand of operands) {
        targets.push({
          operand,
          file: yield* openFileOutput(ctx, ctx.resolve(operand), { append: flags.append }),
          reported: false,
        })
      }
      // Failures are reported as soon as they are seen; the other files go on.
      const reportNew = Effect.forEach(
        targets,
        (t) => {
          const failure = t.file.failure()
          if (failure === undefined || t.reported) return Effect.void
          t.reported = true
          return Effect.asVoid(report(ctx.stderr, name, quoteIfNeeded(t.operand), failure))
        },
        { discard: true },
      )
      let status = 0
      while (true) {
        const chunk = yield* ctx.stdin.read.pipe(
          Effect.catchTag("VfsError", (error) => Effect.as(report(ctx.stderr, name, "-", error), null)),
        )
        if (chunk === null) break
        yield* ctx.stdout.write(chunk)
        for (const t of targets) yield* t.file.output.write(chunk)
        yield* reportNew
      }
      for (const t of targets) if ((yield* t.file.close) !== undefined) status = 1
      yield* reportNew
      return status
    }),
})
