import { Effect } from "effect"
import type { VfsError } from "../../../vfs/VfsError.ts"
import * as Flag from "../../Argv.ts"
import { make, type DeclaredCommand } from "../../Command.ts"
import { errorText } from "../../ExitStatus.ts"
import { nullOutput, writeText, type BrokenPipe, type Output } from "../../Io.ts"
import { openFileOutput } from "../shared/FileOutput.ts"
import { withInput } from "../shared/Files.ts"
import { compress, decompress } from "./Codec.ts"
import type { GzipError } from "./Gunzip.ts"
import { listInput, makeListing, ratio } from "./List.ts"

const flags = {
  stdout: Flag.boolean("c", ["stdout", "to-stdout"], "write on standard output, keep original files unchanged"),
  decompress: Flag.boolean("d", ["decompress", "uncompress"], "decompress"),
  force: Flag.boolean("f", "force", "force overwrite of output file and compress links"),
  keep: Flag.boolean("k", "keep", "keep (don't delete) input files"),
  list: Flag.boolean("l", "list", "list compressed file contents"),
  noName: Flag.boolean("n", "no-name", "do not save or restore the original name and timestamp"),
  name: Flag.boolean("N", "name", "save or restore the original name and timestamp"),
  quiet: Flag.boolean("q", "quiet", "suppress all warnings"),
  recursive: Flag.boolean("r", "recursive", "operate recursively on directories"),
  suffix: Flag.string("S", "suffix", "use suffix SUF on compressed files", { arg: "SUF" }),
  test: Flag.boolean("t", "test", "test compressed file integrity"),
  verbose: Flag.boolean("v", "verbose", "verbose mode"),
  fast: Flag.boolean("1", "fast", "compress faster"),
  l2: Flag.boolean("2", null, ""),
  l3: Flag.boolean("3", null, ""),
  l4: Flag.boolean("4", null, ""),
  l5: Flag.boolean("5", null, ""),
  l6: Flag.boolean("6", null, ""),
  l7: Flag.boolean("7", null, ""),
  l8: Flag.boolean("8", null, ""),
  best: Flag.boolean("9", "best", "compress better"),
}

const LEVEL_KEYS: Readonly<Record<string, number>> = {
  fast: 1,
  l2: 2,
  l3: 3,
  l4: 4,
  l5: 5,
  l6: 6,
  l7: 7,
  l8: 8,
  best: 9,
}

/** Suffixes gunzip recognizes, and what replaces them. */
const KNOWN: ReadonlyArray<readonly [string, string]> = [
  [".gz", ""],
  [".z", ""],
  ["-gz", ""],
  ["-z", ""],
  ["_z", ""],
  [".tgz", ".tar"],
  [".taz", ".tar"],
]

/** The decompressed name of `name`, or undefined for an unknown suffix. */
const stripSuffix = (name: string, suffix: string | undefined): string | undefined => {
  const base = name.slice(name.lastIndexOf("/") + 1)
  const table = suffix === undefined ? KNOWN : [[suffix, ""] as const, ...KNOWN]
  for (const [s, r] of table) {
    if (base.length > s.length && base.toLowerCase().endsWith(s.toLowerCase())) return name.slice(0, -s.length) + r
  }
  return undefined
}

/** `gzip`, `gunzip` and `zcat` share one implementation; `mode` is what the name implies. */
export const makeGzip = (name: string, mode: "gzip" | "gunzip" | "zcat"): DeclaredCommand =>
  make(name, {
    summary:
      mode === "zcat"
        ? "Uncompress FILEs to standard output."
        : `${mode === "gzip" ? "Compress or uncompress" : "Uncompress"} FILEs (by default, in-place).`,
    flags,
    operands: { usage: "[FILE]..." },
    details: "With no FILE, or when FILE is -, read standard input.",
    run: ({ flags: f, occurrences, operands, ctx }) =>
      Effect.gen(function* () {
        const decompressing = mode !== "gzip" || f.decompress || f.test || f.list
        const toStdout = mode === "zcat" || f.stdout || f.test
        const suffix = f.suffix ?? ".gz"
        const levelKey = occurrences.filter((o) => o.key in LEVEL_KEYS).at(-1)?.key
        const level = levelKey === undefined ? 6 : LEVEL_KEYS[levelKey]
        let status = 0
        const raise = (s: number) => {
          if (s > status && !(status === 1 && s === 2)) status = s
        }
        const say = (text: string) => writeText(ctx.stderr, `gzip: ${text}\n`)
        const warn = (text: string) =>
          Effect.andThen(
            f.quiet ? Effect.void : say(text),
            Effect.sync(() => raise(2)),
          )
        const fail = (text: string) =>
          Effect.andThen(
            say(text),
            Effect.sync(() => raise(1)),
          )
        const reportGzip = (display: string, e: GzipError) =>
          Effect.andThen(
            writeText(ctx.stderr, `${e.newline ? "\n" : ""}gzip: ${display}: ${e.message}\n`),
            Effect.sync(() => raise(1)),
          )
        const listing = makeListing(ctx, f.verbose)
        const sink: Output = f.test ? nullOutput : ctx.stdout

        const fromStdin = Effect.gen(function* () {
          if (f.list) {
            const entry = yield* Effect.result(listInput(ctx.stdin))
            if (entry._tag === "Failure") {
              const e = entry.failure
              if (e._tag === "GzipError") return yield* reportGzip("stdin", e)
              return yield* fail(`stdin: ${errorText(e)}`)
            }
            return yield* writeText(ctx.stdout, listing.line(entry.success, "stdout", 0))
          }
          if (!decompressing) {
            const r = yield* compress(ctx.stdin, ctx.stdout, { level, mtime: 0 }).pipe(Effect.result)
            if (r._tag === "Failure") {
              const e = r.failure
              return yield* e._tag === "VfsError" ? fail(`stdin: ${errorText(e)}`) : Effect.fail(e)
            }
            return
          }
          const r = yield* Effect.result(decompress(ctx.stdin, sink, f.force && toStdout))
          if (r._tag === "Failure") {
            const e = r.failure
            if (e._tag === "GzipError") return yield* reportGzip("stdin", e)
            if (e._tag === "VfsError") return yield* fail(`stdin: ${errorText(e)}`)
            return yield* Effect.fail(e)
          }
          if (r.success.trailingGarbage && !f.quiet)
            yield* writeText(ctx.stderr, "\ngzip: stdin: decompression OK, trailing garbage ignored\n")
          if (r.success.trailingGarbage) raise(2)
          if (f.test && f.verbose) yield* writeText(ctx.stderr, " OK\n")
        })

        const fileError = (operand: string, e: VfsError) => fail(`${operand}: ${errorText(e)}`)
        const failure = (operand: string, e: VfsError | GzipError | BrokenPipe): Effect.Effect<void, BrokenPipe> =>
          e._tag === "BrokenPipe"
            ? Effect.fail(e)
            : e._tag === "GzipError"
              ? reportGzip(operand, e)
              : fileError(operand, e)

        const one = (operand: string, nested = false): Effect.Effect<void, BrokenPipe> =>
          Effect.gen(function* () {
            if (operand === "-") return yield* fromStdin
            const path = ctx.resolve(operand)
            const st = yield* Effect.result(ctx.fs.stat(path))
            if (st._tag === "Failure") return yield* fileError(operand, st.failure)
            if (st.success.type === "directory") {
              if (!f.recursive) return yield* warn(`${operand} is a directory -- ignored`)
              const entries = yield* Effect.result(ctx.fs.list(path))
              if (entries._tag === "Failure") return yield* fileError(operand, entries.failure)
              for (const e of entries.success) yield* one(`${operand.replace(/\/+$/, "")}/${e.name}`, true)
              return
            }
            if (f.list) {
              const entry = yield* Effect.result(withInput(ctx, operand, listInput))
              if (entry._tag === "Failure") {
                const e = entry.failure
                return yield* e._tag === "GzipError" ? reportGzip(operand, e) : fileError(operand, e)
              }
              const shown = stripSuffix(operand, f.suffix) ?? operand
              return yield* writeText(ctx.stdout, listing.line(entry.success, shown, st.success.mtime))
            }
            if (!decompressing) {
              const base = operand.slice(operand.lastIndexOf("/") + 1)
              if (!f.force && stripSuffix(operand, f.suffix) !== undefined && base.endsWith(suffix)) {
                // gzip words this as a warning but leaves the status alone.
                return f.quiet ? undefined : yield* say(`${operand} already has ${suffix} suffix -- unchanged`)
              }
              const options = { level, mtime: f.noName ? 0 : st.success.mtime, name: f.noName ? undefined : base }
              if (toStdout) {
                const r = yield* Effect.result(withInput(ctx, operand, (input) => compress(input, ctx.stdout, options)))
                if (r._tag === "Failure") return yield* failure(operand, r.failure)
                if (f.verbose) {
                  const overhead = 18 + (options.name === undefined ? 0 : options.name.length + 1)
                  yield* writeText(
                    ctx.stderr,
                    `${operand}:\t${ratio(r.success.bytesIn - (r.success.bytesOut - overhead), r.success.bytesIn)} -- replaced with stdout\n`,
                  )
                }
                return
              }
              const target = `${operand}${suffix}`
              return yield* toFile(operand, path, `${path}${suffix}`, target, st.success.mtime, (output) =>
                withInput(ctx, operand, (input) => compress(input, output, options)).pipe(
                  Effect.map((r) => {
                    const overhead = 18 + (options.name === undefined ? 0 : options.name.length + 1)
                    return {
                      ratio: ratio(r.bytesIn - (r.bytesOut - overhead), r.bytesIn),
                      garbage: false,
                      mtime: undefined,
                    }
                  }),
                ),
              )
            }
            const stripped = stripSuffix(operand, f.suffix)
            if (stripped === undefined && !toStdout)
              return nested ? undefined : yield* warn(`${operand}: unknown suffix -- ignored`)
            const run = (output: Output) =>
              withInput(ctx, operand, (input) => decompress(input, output, f.force && toStdout)).pipe(
                Effect.map((r) => ({
                  ratio: ratio(r.bytesOut - (r.bytesIn - (r.header?.overhead ?? 0)), r.bytesOut),
                  garbage: r.trailingGarbage,
                  mtime: f.name && r.header !== undefined && r.header.mtime > 0 ? r.header.mtime * 1000 : undefined,
                })),
              )
            if (toStdout || stripped === undefined) {
              const r = yield* Effect.result(run(sink))
              if (r._tag === "Failure") return yield* failure(operand, r.failure)
              if (r.success.garbage) {
                if (!f.quiet)
                  yield* writeText(ctx.stderr, `\ngzip: ${operand}: decompression OK, trailing garbage ignored\n`)
                raise(2)
              }
              if (f.test && f.verbose) yield* writeText(ctx.stderr, `${operand}:\t OK\n`)
              return
            }
            return yield* toFile(operand, path, ctx.resolve(stripped), stripped, st.success.mtime, run)
          })

        /** Write a file from `produce`, then give it the input's time and remove the input. */
        const toFile = (
          operand: string,
          path: string,
          outPath: string,
          outName: string,
          mtime: number,
          produce: (
            output: Output,
          ) => Effect.Effect<
            { readonly ratio: string; readonly garbage: boolean; readonly mtime: number | undefined },
            VfsError | GzipError | BrokenPipe
          >,
        ): Effect.Effect<void, BrokenPipe> =>
          Effect.gen(function* () {
            if (!f.force && (yield* ctx.fs.exists(outPath)))
              return yield* warn(`${outName} already exists;\tnot overwritten`)
            const file = yield* openFileOutput(ctx, outPath)
            const r = yield* Effect.result(produce(file.output))
            const closed = yield* file.close
            if (r._tag === "Failure" || closed !== undefined) {
              yield* Effect.ignore(ctx.fs.remove(outPath))
              if (r._tag === "Success" && closed !== undefined) return yield* fileError(outName, closed)
              if (r._tag === "Failure") return yield* failure(operand, r.failure)
              return
            }
            yield* Effect.ignore(ctx.fs.setMtime(outPath, r.success.mtime ?? mtime))
            if (r.success.garbage) {
              if (!f.quiet)
                yield* writeText(ctx.stderr, `\ngzip: ${operand}: decompression OK, trailing garbage ignored\n`)
              raise(2)
            }
            if (!f.keep) {
              const removed = yield* Effect.result(ctx.fs.remove(path))
              if (removed._tag === "Failure") return yield* fileError(operand, removed.failure)
            }
            if (f.verbose)
              yield* writeText(
                ctx.stderr,
                `${operand}:\t${r.success.ratio} -- ${f.keep ? "created" : "replaced with"} ${outName}\n`,
              )
          })

        const list = operands.length === 0 ? ["-"] : operands
        for (const operand of list) yield* one(operand)
        if (f.list && list.length > 1) yield* writeText(ctx.stdout, listing.totals())
        return status
      }),
  })
