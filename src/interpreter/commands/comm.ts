import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { compareBytes } from "./shared/Compare.ts"
import { catchReadError, lineReader, openAll } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

/** `comm`: compare two sorted files line by line, streaming both. */
export const comm = make("comm", {
  summary: "Compare sorted files FILE1 and FILE2 line by line.",
  flags: {
    one: Flag.boolean("1", null, "suppress column 1 (lines unique to FILE1)"),
    two: Flag.boolean("2", null, "suppress column 2 (lines unique to FILE2)"),
    three: Flag.boolean("3", null, "suppress column 3 (lines that appear in both files)"),
    checkOrder: Flag.boolean(
      null,
      "check-order",
      "check that the input is correctly sorted, even if all input lines are pairable",
    ),
    nocheckOrder: Flag.boolean(null, "nocheck-order", "do not check that the input is correctly sorted"),
    outputDelimiter: Flag.list(null, "output-delimiter", "separate columns with STR", { arg: "STR" }),
    total: Flag.boolean(null, "total", "output a summary"),
    zeroTerminated: Flag.boolean("z", "zero-terminated", "line delimiter is NUL, not newline"),
  },
  operands: { usage: "FILE1 FILE2" },
  details:
    "When FILE1 or FILE2 (not both) is -, read standard input.\n\nWith no options, produce three-column output.  Column one contains\nlines unique to FILE1, column two contains lines unique to FILE2,\nand column three contains lines common to both files.",
  run: ({ flags, operands, occurrences, ctx, name, usage, warn }) =>
    Effect.gen(function* () {
      if (operands.length < 2) {
        return yield* usage(operands.length === 0 ? "missing operand" : `missing operand after ${quote(operands[0])}`)
      }
      if (operands.length > 2) return yield* usage(`extra operand ${quote(operands[2])}`)
      const seps = flags.outputDelimiter
      if (seps.some((s) => s !== seps[0])) {
        yield* warn("multiple output delimiters specified")
        return 1
      }
      // An empty delimiter is written as one NUL byte, as GNU does.
      const sep =
        seps.length === 0
          ? new Uint8Array([9])
          : seps[0] === ""
            ? new Uint8Array([0])
            : new TextEncoder().encode(seps[0])
      let check: "default" | "on" | "off" = "default"
      for (const o of occurrences) {
        if (o.key === "checkOrder") check = "on"
        else if (o.key === "nocheckOrder") check = "off"
      }
      const eol = flags.zeroTerminated ? 0 : 10
      const sink = makeSink(ctx.stdout)
      return yield* catchReadError(
        ctx,
        name,
        Effect.scoped(
          Effect.gen(function* () {
            const inputs = yield* openAll(ctx, name, operands)
            if (inputs === null) return 1
            const readers =
              inputs[0] === inputs[1] ? [lineReader(inputs[0], eol)] : inputs.map((i) => lineReader(i, eol))
            const reader = (i: number) => readers[Math.min(i, readers.length - 1)]
            const current: Array<Uint8Array | null> = []
            const history: Array<Array<Uint8Array>> = [[], []]
            for (let i = 0; i < 2; i++) {
              const line = yield* reader(i).next
              current.push(line === null ? null : line.bytes)
              if (line !== null) history[i].push(line.bytes)
            }
            let seenUnpairable = false
            const warned = [false, false]
            const totals = [0, 0, 0]
            /** GNU warns once per file, and only after an unpairable line unless --check-order. */
            const checkOrder = (prev: Uint8Array, next: Uint8Array, file: number): "ok" | "warn" | "fatal" => {
              if (check === "off" || (check === "default" && !seenUnpairable) || warned[file]) return "ok"
              if (compareBytes(prev, next) <= 0) return "ok"
              warned[file] = true
              return check === "on" ? "fatal" : "warn"
            }
            const write = (line: Uint8Array, column: number) => {
              const show = [!flags.one, !flags.two, !flags.three]
              if (!show[column]) return
              for (let c = 0; c < column; c++) if (show[c]) sink.push(sep)
              sink.push(line)
              sink.byte(eol)
            }
            while (current[0] !== null || current[1] !== null) {
              const a = current[0]
              const b = current[1]
              const order = a === null ? 1 : b === null ? -1 : compareBytes(a, b)
              if (order === 0 && b !== null) {
                totals[2]++
                write(b, 2)
              } else {
                seenUnpairable = true
                if (order < 0 && a !== null) {
                  totals[0]++
                  write(a, 0)
                } else if (b !== null) {
                  totals[1]++
                  write(b, 1)
                }
              }
              for (let i = 0; i < 2; i++) {
                if (!(i === 0 ? order <= 0 : order >= 0)) continue
                const line = yield* reader(i).next
                const h = history[i]
                let ok: "ok" | "warn" | "fatal" = "ok"
                if (line !== null) {
                  ok = checkOrder(h[h.length - 1], line.bytes, i)
                  h.push(line.bytes)
                  if (h.length > 3) h.shift()
                } else if (h.length >= 2) {
                  // At the end, recheck the last two lines: an unpairable line may have turned checking on since.
                  ok = checkOrder(h[h.length - 2], h[h.length - 1], i)
                }
                current[i] = line === null ? null : line.bytes
                if (ok === "ok") continue
                yield* sink.flush
                yield* warn(`file ${i + 1} is not in sorted order`)
                if (ok === "fatal") return 1
              }
              yield* sink.flushIfFull
            }
            if (flags.total) {
              sink.text(`${totals[0]}`)
              sink.push(sep)
              sink.text(`${totals[1]}`)
              sink.push(sep)
              sink.text(`${totals[2]}`)
              sink.push(sep)
              sink.text("total")
              sink.byte(eol)
            }
            yield* sink.flush
            if (warned[0] || warned[1]) {
              yield* warn("input is not in sorted order")
              return 1
            }
            return 0
          }),
        ),
      )
    }),
})
