import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { strerror } from "./shared/Canonical.ts"
import { measured, sizeOf } from "./shared/FileInfo.ts"

/** How `-s` changes a size: set, extend/reduce by, at most/least, round down/up to a multiple. */
type Op = "=" | "+" | "-" | "<" | ">" | "/" | "%"

const POWERS: Record<string, number> = { k: 1, K: 1, m: 2, M: 2, g: 3, G: 3, t: 4, T: 4, P: 5, E: 6, Z: 7, Y: 8 }

const OPS: Record<string, Op> = { "+": "+", "-": "-", "<": "<", ">": ">", "/": "/", "%": "%" }

/** `-s [+-<>/%]N[KMG...]`, or undefined when the number is invalid. */
const parseSizeArg = (text: string): { readonly op: Op; readonly n: number } | undefined => {
  const m = /^([-+<>/%]?)[ \t]*([-+]?\d+)(?:([kKmMgGtTPEZY])(iB|B)?)?$/.exec(text.trimStart())
  if (m === null) return undefined
  const op = OPS[m[1]] ?? "="
  if (/^[-+]/.test(m[2]) && op !== "=") return undefined
  let n = Number(m[2])
  if (m[3] !== undefined) n *= (m[4] === "B" ? 1000 : 1024) ** POWERS[m[3]]
  if (!Number.isSafeInteger(n)) return undefined
  if (op === "=" && n < 0) return { op: "-", n: -n }
  return { op, n }
}

/** `truncate`: shrink or extend the size of each FILE to the specified size. */
export const truncate = make("truncate", {
  summary: "Shrink or extend the size of each FILE to the specified size",
  flags: {
    noCreate: Flag.boolean("c", "no-create", "do not create any files"),
    ioBlocks: Flag.boolean("o", "io-blocks", "treat SIZE as number of IO blocks instead of bytes"),
    reference: Flag.string("r", "reference", "base size on RFILE", { arg: "RFILE" }),
    size: Flag.string("s", "size", "set or adjust the file size by SIZE bytes", { arg: "SIZE" }),
  },
  operands: { usage: "FILE...", min: 0 },
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      let spec: { readonly op: Op; readonly n: number } | undefined
      if (flags.size !== undefined) {
        spec = parseSizeArg(flags.size)
        if (spec === undefined) {
          yield* warn(`Invalid number: ${quote(flags.size)}`)
          return 1
        }
        if (flags.ioBlocks) spec = { op: spec.op, n: spec.n * 4096 }
      }
      if (spec === undefined && flags.reference === undefined)
        return yield* usage("you must specify either '--size' or '--reference'")
      if (flags.ioBlocks && spec === undefined) return yield* usage("'--io-blocks' was specified but '--size' was not")
      if (operands.length === 0) return yield* usage("missing file operand")
      if (spec !== undefined && (spec.op === "/" || spec.op === "%") && spec.n === 0) {
        yield* warn("division by zero")
        return 1
      }
      let refSize: number | undefined
      if (flags.reference !== undefined) {
        const ref = ctx.resolve(flags.reference)
        const st = yield* Effect.result(ctx.fs.stat(ref))
        if (st._tag === "Failure") {
          yield* warn(`cannot stat ${quote(flags.reference)}: ${strerror(st.failure)}`)
          return 1
        }
        refSize = sizeOf(yield* measured(ctx.fs, ref, st.success))
        if (spec !== undefined && spec.op === "=") spec = { op: "+", n: spec.n - refSize }
      }
      let status = 0
      for (const operand of operands) {
        const abs = ctx.resolve(operand)
        const st = yield* Effect.result(ctx.fs.stat(abs))
        if (st._tag === "Failure") {
          if (st.failure.reason === "NotFound" && flags.noCreate) continue
          if (st.failure.reason !== "NotFound") {
            status = 1
            yield* writeText(
              ctx.stderr,
              `truncate: cannot open ${quote(operand)} for writing: ${strerror(st.failure)}\n`,
            )
            continue
          }
        } else if (st.success.type === "directory") {
          status = 1
          yield* writeText(ctx.stderr, `truncate: cannot open ${quote(operand)} for writing: Is a directory\n`)
          continue
        }
        // Only a size relative to the file's own needs it (measured when the backend does not know it).
        const relative = refSize === undefined && spec !== undefined && spec.op !== "="
        const current =
          st._tag === "Failure" ? 0 : sizeOf(relative ? yield* measured(ctx.fs, abs, st.success) : st.success)
        const base = refSize ?? current
        let size = base
        if (spec !== undefined) {
          const n = spec.n
          switch (spec.op) {
            case "=":
              size = n
              break
            case "+":
              size = base + n
              break
            case "-":
              size = base - n
              break
            case "<":
              size = Math.min(base, n)
              break
            case ">":
              size = Math.max(base, n)
              break
            case "/":
              size = Math.floor(base / n) * n
              break
            case "%":
              size = Math.ceil(base / n) * n
              break
          }
        }
        size = Math.max(0, size)
        const done = yield* Effect.result(
          st._tag === "Failure"
            ? Effect.andThen(
                ctx.fs.writeFile(abs, new Uint8Array(0)),
                size > 0 ? ctx.fs.truncate(abs, size) : Effect.void,
              )
            : ctx.fs.truncate(abs, size),
        )
        if (done._tag === "Failure") {
          status = 1
          // Opening worked; the size did not (past a file size limit or a quota), as ftruncate(2) fails.
          const sizing = done.failure.reason === "FileTooLarge" || done.failure.reason === "QuotaExceeded"
          yield* writeText(
            ctx.stderr,
            sizing
              ? `truncate: failed to truncate ${quote(operand)} at ${size} bytes: ${strerror(done.failure)}\n`
              : `truncate: cannot open ${quote(operand)} for writing: ${strerror(done.failure)}\n`,
          )
        }
      }
      return status
    }),
})
