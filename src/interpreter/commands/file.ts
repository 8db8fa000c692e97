import { Effect, Stream } from "effect"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { concat, writeText } from "../Io.ts"
import { binaryKind } from "./file/magic.ts"
import { describeText, encodingOf } from "./file/text.ts"
import { strerror } from "./shared/Canonical.ts"

/** How much of a file is examined, as libmagic reads at most a bounded prefix. */
const HEAD = 1024 * 1024

const USAGE = `Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]
            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]
            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]
            <file> ...
       file -C [-m <magicfiles>]
       file [--help]
`

/** A description, MIME type and charset. */
interface Result {
  readonly text: string
  readonly mime: string
  readonly charset: string | undefined
  /** A failure to open: printed the same way in every output mode. */
  readonly error?: boolean
}

const readRange = (ctx: CommandContext, abs: string, start: number, end: number) =>
  Effect.map(Stream.runCollect(ctx.fs.read(abs, { start, end })), (chunks) => concat(Array.from(chunks)))

const identify = (ctx: CommandContext, operand: string, follow: boolean): Effect.Effect<Result> =>
  Effect.gen(function* () {
    const abs = ctx.resolve(operand)
    const cannot = (reason: string): Result => ({
      text: `cannot open \`${operand}' (${reason})`,
      mime: "",
      charset: undefined,
      error: true,
    })
    const looked = yield* Effect.result(follow ? ctx.fs.stat(abs) : ctx.fs.lstat(abs))
    if (looked._tag === "Failure") return cannot(strerror(looked.failure))
    const st = looked.success
    if (st.type === "directory") return { text: "directory", mime: "inode/directory", charset: "binary" }
    if (st.type === "symlink") {
      const target = yield* Effect.orElseSucceed(ctx.fs.readlink(abs), () => "")
      const resolved = yield* Effect.result(ctx.fs.stat(abs))
      return resolved._tag === "Success"
        ? { text: `symbolic link to ${target}`, mime: "inode/symlink", charset: "binary" }
        : { text: `broken symbolic link to ${target}`, mime: "inode/symlink", charset: undefined }
    }
    const size = st.size
    const head = yield* Effect.result(readRange(ctx, abs, 0, HEAD))
    if (head._tag === "Failure") return cannot(strerror(head.failure))
    const bytes = head.success
    if (bytes.length === 0) return { text: "empty", mime: "inode/x-empty", charset: "binary" }
    const total = size ?? bytes.length
    let tail: Uint8Array | undefined
    // gzip keeps the original size in its last 4 bytes; a zip ends with its directory record.
    const tailSize = bytes[0] === 0x1f && bytes[1] === 0x8b ? 4 : bytes[0] === 0x50 && bytes[1] === 0x4b ? 22 : 0
    if (tailSize > 0)
      tail =
        total <= bytes.length
          ? bytes.subarray(Math.max(0, bytes.length - tailSize))
          : yield* Effect.orElseSucceed(readRange(ctx, abs, total - tailSize, total), () => undefined)
    const binary = binaryKind(bytes, tail)
    const enc = encodingOf(bytes)
    // libmagic names the charset of the bytes even for a binary format (a BZh header alone is ASCII).
    if (binary !== undefined) return { ...binary, charset: enc?.charset ?? "binary" }
    if (enc === undefined) return { text: "data", mime: "application/octet-stream", charset: "binary" }
    const kind = describeText(bytes, enc)
    return { ...kind, charset: enc.charset }
  })

/** `file`: determine file type from content, as file 5.44 describes the common formats. */
export const file = make("file", {
  summary: "Determine type of FILEs.",
  flags: {
    brief: Flag.boolean("b", "brief", "do not prepend filenames to output lines"),
    mime: Flag.boolean("i", "mime", "output MIME type strings (--mime-type and --mime-encoding)"),
    mimeType: Flag.boolean(null, "mime-type", "output the MIME type"),
    mimeEncoding: Flag.boolean(null, "mime-encoding", "output the MIME encoding"),
    dereference: Flag.boolean("L", "dereference", "follow symlinks"),
    noDereference: Flag.boolean("h", "no-dereference", "don't follow symlinks (default)"),
    noPad: Flag.boolean("N", "no-pad", "do not pad output"),
    separator: Flag.string("F", "separator", "use string as separator instead of `:'", { arg: "STRING" }),
    print0: Flag.boolean("0", "print0", "terminate filenames with ASCII NUL"),
    errorExit: Flag.boolean("E", null, "on filesystem errors, issue an error message and exit"),
    keepGoing: Flag.boolean("k", "keep-going", "don't stop at the first match"),
    special: Flag.boolean("s", "special-files", "treat special (block/char devices) files as ordinary ones"),
    raw: Flag.boolean("r", "raw", "don't translate unprintable chars to \\ooo"),
    preserve: Flag.boolean("p", "preserve-date", "preserve access times on files"),
  },
  operands: { usage: "FILE..." },
  run: ({ flags, operands, occurrences, ctx }) =>
    Effect.gen(function* () {
      let follow = false
      for (const o of occurrences) {
        if (o.key === "dereference") follow = true
        else if (o.key === "noDereference") follow = false
      }
      if (operands.length === 0) {
        yield* writeText(ctx.stderr, USAGE)
        return 1
      }
      const sep = flags.separator ?? ":"
      const width = Math.max(...operands.map((o) => o.length)) + (flags.print0 ? 1 : 0)
      let out = ""
      let status = 0
      for (const operand of operands) {
        const r = yield* identify(ctx, operand, follow)
        let text = r.text
        if (r.error && flags.errorExit) {
          // -E: a file that cannot be examined is an error (the status), reported in place.
          status = 1
          text = `ERROR: ${text.replace(/^cannot open/, "cannot stat")}`
        }
        if (!r.error) {
          if (flags.mime || (flags.mimeType && flags.mimeEncoding))
            text = r.charset === undefined ? r.mime : `${r.mime}; charset=${r.charset}`
          else if (flags.mimeType) text = r.mime
          else if (flags.mimeEncoding) text = r.charset ?? ""
        }
        if (flags.brief) out += `${text}\n`
        else {
          const label = (flags.print0 ? `${operand}\0` : operand) + sep
          out += `${flags.noPad ? label : label.padEnd(width + sep.length)} ${text}\n`
        }
      }
      yield* writeText(ctx.stdout, out)
      return status
    }),
})
