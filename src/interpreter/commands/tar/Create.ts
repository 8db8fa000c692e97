import { Effect } from "effect"
import { Gzip } from "fflate"
import type { VfsError } from "../../../vfs/VfsError.ts"
import type { CommandContext } from "../../Command.ts"
import { errorText } from "../../ExitStatus.ts"
import { inputFromStream, type BrokenPipe, type Output } from "../../Io.ts"
import { OWNER } from "../shared/FileInfo.ts"
import { BLOCK, encodeHeader, type TarEntry } from "./Header.ts"

/** GNU tar writes whole records of 20 blocks. */
const RECORD = 20 * BLOCK

/** An output that gzips what is written to it; `finish` writes the trailer. */
export const gzipOutput = (
  out: Output,
): { readonly output: Output; readonly finish: Effect.Effect<void, BrokenPipe> } => {
  const pending: Array<Uint8Array> = []
  const gz = new Gzip({ level: 6, mtime: 0 }, (data) => {
    if (data.length > 0) pending.push(data)
  })
  const drain = Effect.suspend(() =>
    Effect.forEach(pending.splice(0, pending.length), (c) => out.write(c), { discard: true }),
  )
  return {
    output: {
      write: (bytes) =>
        Effect.suspend(() => {
          gz.push(bytes, false)
          return drain
        }),
    },
    finish: Effect.suspend(() => {
      gz.push(new Uint8Array(0), true)
      return drain
    }),
  }
}

/** How `tar -c` runs. */
export interface CreateOptions {
  /** Directory operands are relative to (`-C`). */
  readonly dir: string
  /** Called with each member name as it is added (`-v`). */
  readonly verbose: ((name: string) => Effect.Effect<void, BrokenPipe>) | undefined
  /** `tar: MESSAGE` on stderr. */
  readonly warn: (message: string) => Effect.Effect<void, BrokenPipe>
}

/** Write an archive of `operands` to `out`; gives false when some operand could not be read. */
export const createArchive = (
  ctx: CommandContext,
  operands: ReadonlyArray<string>,
  options: CreateOptions,
  out: Output,
): Effect.Effect<boolean, BrokenPipe> =>
  Effect.gen(function* () {
    let written = 0
    let ok = true
    let warnedSlash = false
    const emit = (bytes: Uint8Array) =>
      Effect.suspend(() => {
        written += bytes.length
        return out.write(bytes)
      })
    const resolve = (p: string) => (p.startsWith("/") ? p : `${options.dir === "/" ? "" : options.dir}/${p}`)
    const failed = (name: string, what: string, e: VfsError) =>
      Effect.andThen(
        options.warn(`${name}: ${what}: ${errorText(e)}`),
        Effect.sync(() => (ok = false)),
      )

    const add = (operand: string, member: string): Effect.Effect<void, BrokenPipe> =>
      Effect.gen(function* () {
        const path = resolve(operand)
        const st = yield* Effect.result(ctx.fs.lstat(path))
        if (st._tag === "Failure") return yield* failed(operand, "Cannot stat", st.failure)
        const info = st.success
        const base = {
          mode: info.mode,
          mtime: Math.floor(info.mtime / 1000),
          uid: OWNER.uid,
          gid: OWNER.gid,
          uname: OWNER.user,
          gname: OWNER.group,
          linkname: "",
        }
        if (info.type === "directory") {
          const name = member.endsWith("/") ? member : `${member}/`
          const entries = yield* Effect.result(ctx.fs.list(path))
          if (entries._tag === "Failure") return yield* failed(operand, "Cannot open", entries.failure)
          yield* writeEntry({ ...base, name, type: "directory", size: 0 })
          for (const e of entries.success) {
            const sep = operand.endsWith("/") ? "" : "/"
            yield* add(`${operand}${sep}${e.name}`, `${name}${e.name}`)
          }
          return
        }
        if (info.type === "symlink") {
          const target = yield* Effect.result(ctx.fs.readlink(path))
          if (target._tag === "Failure") return yield* failed(operand, "Cannot readlink", target.failure)
          return yield* writeEntry({ ...base, name: member, type: "symlink", size: 0, linkname: target.success })
        }
        // Sizes some backends only know after reading: read such a file whole first.
        const data = info.size === null ? yield* Effect.result(ctx.fs.readFile(path)) : undefined
        if (data !== undefined && data._tag === "Failure") return yield* failed(operand, "Cannot open", data.failure)
        const size = data !== undefined && data._tag === "Success" ? data.success.length : (info.size ?? 0)
        yield* writeEntry({ ...base, name: member, type: "file", size })
        let left = size
        if (data !== undefined && data._tag === "Success") {
          yield* emit(data.success)
          left = 0
        } else {
          const streamed = yield* Effect.result(
            Effect.scoped(
              Effect.gen(function* () {
                const input = yield* inputFromStream(ctx.fs.read(path))
                while (left > 0) {
                  const chunk = yield* input.read
                  if (chunk === null) break
                  const piece = chunk.length > left ? chunk.subarray(0, left) : chunk
                  left -= piece.length
                  yield* emit(piece)
                }
              }),
            ),
          )
          if (streamed._tag === "Failure") {
            const e = streamed.failure
            if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
            yield* failed(operand, "Read error", e)
          }
        }
        // A file that shrank while read is padded with zeros, as GNU tar does.
        if (left > 0) yield* emit(new Uint8Array(left))
        const pad = (BLOCK - (size % BLOCK)) % BLOCK
        if (pad > 0) yield* emit(new Uint8Array(pad))
      })

    const writeEntry = (entry: TarEntry) =>
      Effect.gen(function* () {
        if (options.verbose !== undefined) yield* options.verbose(entry.name)
        for (const b of encodeHeader(entry)) yield* emit(b)
      })

    for (const operand of operands) {
      let member = operand.replace(/^\/+/, "")
      if (member !== operand && !warnedSlash) {
        warnedSlash = true
        yield* options.warn("Removing leading `/' from member names")
      }
      if (member === "") member = "."
      yield* add(operand, member)
    }
    yield* emit(new Uint8Array(2 * BLOCK))
    const pad = (RECORD - (written % RECORD)) % RECORD
    if (pad > 0) yield* emit(new Uint8Array(pad))
    return ok
  })
