import { Effect } from "effect"
import { make } from "../Command.ts"
import { quoteIfNeeded } from "../ExitStatus.ts"
import { latin1 } from "./shared/Lines.ts"
import { readOperand, reportFile } from "./shared/LineReader.ts"
import { makeSink } from "./shared/Sink.ts"

/** A node of the graph, with the fields GNU's algorithm threads through it. */
interface Item {
  readonly str: string
  count: number
  /** Successors, the most recently recorded first. */
  readonly top: Array<Item>
  qlink: Item | null
  printed: boolean
}

/**
 * `tsort`: topological sort, reproducing GNU's output order. GNU walks its
 * items in a balanced tree in order, which is their byte order, so a sorted
 * array stands in for the tree.
 */
export const tsort = make("tsort", {
  summary:
    "Write totally ordered list consistent with the partial ordering in FILE.\n\nWith no FILE, or when FILE is -, read standard input.",
  flags: {},
  operands: { usage: "[FILE]", max: 1 },
  run: ({ operands, ctx, name, warn }) =>
    Effect.gen(function* () {
      const file = operands[0] ?? "-"
      const read = yield* Effect.result(readOperand(ctx, file))
      if (read._tag === "Failure") return yield* reportFile(ctx, name, file, read.failure)
      const tokens = latin1(read.success)
        .split(/[ \t\n]+/)
        .filter((t) => t !== "")
      const items = new Map<string, Item>()
      const item = (str: string): Item => {
        let it = items.get(str)
        if (it === undefined) {
          it = { str, count: 0, top: [], qlink: null, printed: false }
          items.set(str, it)
        }
        return it
      }
      for (let i = 0; i + 1 < tokens.length; i += 2) {
        const j = item(tokens[i])
        const k = item(tokens[i + 1])
        if (j !== k) {
          k.count++
          j.top.unshift(k)
        }
      }
      if (tokens.length % 2 === 1) {
        item(tokens[tokens.length - 1])
        yield* warn(`${quoteIfNeeded(file)}: input contains an odd number of tokens`)
        return 1
      }
      const sorted = [...items.values()].sort((a, b) => (a.str < b.str ? -1 : a.str > b.str ? 1 : 0))
      const sink = makeSink(ctx.stdout)
      let remaining = sorted.length
      let status = 0
      let loop: Item | null = null
      const loopOutput: Array<string> = []

      /** GNU's detect_loop: walk back along predecessors until an item repeats, print it, and cut one edge. */
      const detectLoop = (k: Item): boolean => {
        if (k.count <= 0) return false
        if (loop === null) {
          loop = k
          return false
        }
        for (let p = 0; p < k.top.length; p++) {
          if (k.top[p] !== loop) continue
          if (k.qlink !== null) {
            while (loop !== null) {
              const tmp: Item | null = loop.qlink
              loopOutput.push(loop.str)
              if (loop === k) {
                k.top[p].count--
                k.top.splice(p, 1)
                break
              }
              loop.qlink = null
              loop = tmp
            }
            while (loop !== null) {
              const tmp: Item | null = loop.qlink
              loop.qlink = null
              loop = tmp
            }
            return true
          }
          k.qlink = loop
          loop = k
          break
        }
        return false
      }

      while (remaining > 0) {
        let head: Item | null = null
        let zeros: Item | null = null
        for (const k of sorted) {
          if (k.count === 0 && !k.printed) {
            if (head === null) head = k
            else if (zeros !== null) zeros.qlink = k
            zeros = k
          }
        }
        while (head !== null) {
          sink.text(`${head.str}\n`)
          head.printed = true
          remaining--
          for (const s of head.top) {
            s.count--
            if (s.count === 0 && zeros !== null) {
              zeros.qlink = s
              zeros = s
            }
          }
          head = head.qlink
        }
        yield* sink.flushIfFull
        if (remaining > 0) {
          yield* sink.flush
          yield* warn(`${quoteIfNeeded(file)}: input contains a loop:`)
          status = 1
          do {
            for (const k of sorted) if (detectLoop(k)) break
            for (const s of loopOutput.splice(0)) yield* warn(s)
          } while (loop !== null)
        }
      }
      yield* sink.flush
      return status
    }),
})
