import { Effect } from "effect"
import { make } from "../Command.ts"
import { CHUNK_SIZE } from "../Io.ts"

const encoder = new TextEncoder()

/** `yes`: repeat a line until the reader goes away (BrokenPipe ends it). */
export const yes = make("yes", {
  summary: "Repeatedly output a line with all specified STRING(s), or 'y'.",
  flags: {},
  operands: { usage: "[STRING]..." },
  run: ({ operands, ctx }) =>
    Effect.suspend(() => {
      const line = encoder.encode(`${operands.length === 0 ? "y" : operands.join(" ")}\n`)
      // One chunk of whole lines, written again and again; never mutated after the first write.
      const copies = Math.max(1, Math.floor(CHUNK_SIZE / line.length))
      const chunk = new Uint8Array(copies * line.length)
      for (let i = 0; i < copies; i++) chunk.set(line, i * line.length)
      // Each round asks the output anew: a write decides at call time whether the reader is gone.
      return Effect.forever(Effect.suspend(() => ctx.stdout.write(chunk)))
    }),
})
