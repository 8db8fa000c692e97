import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quoteIfNeeded, report } from "../ExitStatus.ts"
import { forEachInput } from "./shared/Files.ts"
import { eachLine } from "./shared/Lines.ts"
import { makeSink, type Sink } from "./shared/Sink.ts"

const encoder = new TextEncoder()
const CARET_I = encoder.encode("^I")

/** `cat -v` notation for one byte: `^X`, `^?`, `M-x`. */
const pushVisible = (sink: Sink, b: number, showTabs: boolean) => {
  if (b >= 128) {
    sink.byte(77)
    sink.byte(45)
    b -= 128
    if (b === 9) {
      sink.push(CARET_I)
      return
    }
  }
  if (b === 9) {
    if (showTabs) sink.push(CARET_I)
    else sink.byte(9)
  } else if (b < 32) {
    sink.byte(94)
    sink.byte(b + 64)
  } else if (b === 127) {
    sink.byte(94)
    sink.byte(63)
  } else sink.byte(b)
}

/** `cat`: concatenate files to standard output. */
export const cat = make("cat", {
  summary: "Concatenate FILE(s) to standard output.",
  flags: {
    showAll: Flag.boolean("A", "show-all", "equivalent to -vET"),
    numberNonblank: Flag.boolean("b", "number-nonblank", "number nonempty output lines, overrides -n"),
    e: Flag.boolean("e", null, "equivalent to -vE"),
    showEnds: Flag.boolean("E", "show-ends", "display $ at end of each line"),
    number: Flag.boolean("n", "number", "number all output lines"),
    squeezeBlank: Flag.boolean("s", "squeeze-blank", "suppress repeated empty output lines"),
    t: Flag.boolean("t", null, "equivalent to -vT"),
    showTabs: Flag.boolean("T", "show-tabs", "display TAB characters as ^I"),
    unbuffered: Flag.boolean("u", null, "(ignored)"),
    showNonprinting: Flag.boolean("v", "show-nonprinting", "use ^ and M- notation, except for LFD and TAB"),
  },
  operands: { usage: "[FILE]..." },
  details: "With no FILE, or when FILE is -, read standard input.",
  run: ({ flags, operands, ctx, name }) => {
    const visible = flags.showAll || flags.e || flags.t || flags.showNonprinting
    const ends = flags.showAll || flags.e || flags.showEnds
    const tabs = flags.showAll || flags.t || flags.showTabs
    const numberAll = flags.number && !flags.numberNonblank
    const plain = !visible && !ends && !tabs && !flags.number && !flags.numberNonblank && !flags.squeezeBlank
    const sink = makeSink(ctx.stdout)
    // State runs across files, as GNU cat's does: a file ending mid-line is
    // continued by the next one, and blank-line squeezing spans files.
    let lineNo = 0
    let atStart = true
    let blanks = 0
    const onLine = (bytes: Uint8Array, start: number, end: number, terminated: boolean) => {
      const blank = atStart && start === end
      if (blank) {
        blanks++
        if (flags.squeezeBlank && blanks > 1) return
      } else if (atStart) blanks = 0
      if (atStart && (numberAll || (flags.numberNonblank && !blank))) {
        sink.text(`${String(++lineNo).padStart(6)}\t`)
      }
      if (visible || tabs) {
        for (let i = start; i < end; i++) {
          const b = bytes[i]
          if (visible) pushVisible(sink, b, tabs)
          else if (b === 9) sink.push(CARET_I)
          else sink.byte(b)
        }
      } else sink.pushRange(bytes, start, end)
      if (terminated) {
        if (ends) sink.byte(36)
        sink.byte(10)
      }
      atStart = terminated
    }
    return Effect.gen(function* () {
      const status = yield* forEachInput(
        ctx,
        operands,
        (input) =>
          plain
            ? Effect.gen(function* () {
                while (true) {
                  const chunk = yield* input.read
                  if (chunk === null) return
                  yield* ctx.stdout.write(chunk)
                }
              })
            : Effect.asVoid(eachLine(input, onLine, sink.flushIfFull)),
        (operand, error) => Effect.andThen(sink.flush, report(ctx.stderr, name, quoteIfNeeded(operand), error)),
      )
      yield* sink.flush
      return status
    })
  },
})
