import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { quote, quoteIfNeeded, errorText } from "../ExitStatus.ts"
import { concat, writeText } from "../Io.ts"
import type { VfsError } from "../../vfs/VfsError.ts"
import { withInput } from "./shared/Files.ts"
import { readOperand } from "./shared/LineReader.ts"
import { eachChunk } from "./shared/Lines.ts"
import { parseCount } from "./shared/Numbers.ts"

const RANGE = ": Numerical result out of range"

/** How the input is divided. */
type Mode =
  | { readonly kind: "lines" | "bytes" | "lineBytes"; readonly n: number }
  | { readonly kind: "chunkBytes" | "chunkLines" | "roundRobin"; readonly k: number; readonly n: number }

/** `split -5`: the historical line-count option. */
const obsoleteLines = (args: ReadonlyArray<string>): ReadonlyArray<string> =>
  args.map((a, i) => (/^-\d+$/.test(a) && !(i > 0 && /^-[abClnt]$/.test(args[i - 1])) ? `--lines=${a.slice(1)}` : a))

/** GNU's file namer: `xaa`, `xab`, ... and, when the length was not fixed, `xzaaa` after `xyz`. */
const makeNamer = (
  prefix: string,
  alphabet: string,
  length: number,
  auto: boolean,
  additional: string,
  start: string | undefined,
) => {
  let base = prefix
  let len = length
  let index: Array<number> = []
  let first = true
  const name = () => base + index.map((i) => alphabet[i]).join("") + additional
  return (): string | undefined => {
    if (first) {
      first = false
      index = Array.from({ length: len }, () => 0)
      if (start !== undefined) {
        const digits = start.padStart(len, "0")
        index = [...digits].map((d) => alphabet.indexOf(d))
      }
      return name()
    }
    for (let i = len - 1; i >= 0; i--) {
      index[i]++
      if (auto && i === 0 && index[0] + 1 >= alphabet.length) {
        base += alphabet[index[0]]
        len++
        index = Array.from({ length: len }, () => 0)
        return name()
      }
      if (index[i] < alphabet.length) return name()
      index[i] = 0
    }
    return undefined
  }
}

/** `split`: split a file into pieces, written through the namespace. */
export const split = make("split", {
  summary: "Output pieces of FILE to PREFIXaa, PREFIXab, ...; default size is 1000 lines, and default PREFIX is 'x'.",
  flags: {
    suffixLength: Flag.string("a", "suffix-length", "generate suffixes of length N (default 2)", { arg: "N" }),
    additionalSuffix: Flag.string(null, "additional-suffix", "append an additional SUFFIX to file names", {
      arg: "SUFFIX",
    }),
    bytes: Flag.string("b", "bytes", "put SIZE bytes per output file", { arg: "SIZE" }),
    lineBytes: Flag.string("C", "line-bytes", "put at most SIZE bytes of records per output file", { arg: "SIZE" }),
    numeric: Flag.boolean("d", null, "use numeric suffixes starting at 0, not alphabetic"),
    numericSuffixes: Flag.string(null, "numeric-suffixes", "same as -d, but allow setting the start value", {
      arg: "FROM",
      optional: true,
    }),
    hex: Flag.boolean("x", null, "use hex suffixes starting at 0, not alphabetic"),
    hexSuffixes: Flag.string(null, "hex-suffixes", "same as -x, but allow setting the start value", {
      arg: "FROM",
      optional: true,
    }),
    elideEmptyFiles: Flag.boolean("e", "elide-empty-files", "do not generate empty output files with '-n'"),
    lines: Flag.string("l", "lines", "put NUMBER lines/records per output file", { arg: "NUMBER" }),
    number: Flag.string("n", "number", "generate CHUNKS output files", { arg: "CHUNKS" }),
    separator: Flag.string("t", "separator", "use SEP instead of newline as the record separator", { arg: "SEP" }),
    unbuffered: Flag.boolean("u", "unbuffered", "immediately copy input to output with '-n r/...'"),
    verbose: Flag.boolean(null, "verbose", "print a diagnostic just before each output file is opened"),
  },
  operands: { usage: "[FILE [PREFIX]]" },
  details: "With no FILE, or when FILE is -, read standard input.",
  preprocess: obsoleteLines,
  run: ({ flags, operands, occurrences, ctx, warn, usage }) =>
    Effect.gen(function* () {
      const fail = (m: string) => Effect.as(warn(m), 1)
      let mode: Mode | undefined
      for (const o of occurrences) {
        const v = o.value ?? ""
        if (o.key !== "lines" && o.key !== "bytes" && o.key !== "lineBytes" && o.key !== "number") continue
        if (mode !== undefined) return yield* usage("cannot split in more than one way")
        if (o.key === "lines") {
          const n = /^\s*\+?\d+$/.test(v) ? Number(v) : NaN
          if (n === 0) return yield* fail(`invalid number of lines: ${quote(v)}${RANGE}`)
          if (!(n >= 1)) return yield* fail(`invalid number of lines: ${quote(v)}`)
          mode = { kind: "lines", n }
        } else if (o.key === "bytes" || o.key === "lineBytes") {
          const n = parseCount(v)
          if (n === 0) return yield* fail(`invalid number of bytes: ${quote(v)}${RANGE}`)
          if (n === undefined || n < 1) return yield* fail(`invalid number of bytes: ${quote(v)}`)
          mode = { kind: o.key, n }
        } else {
          const m = /^(?:([lr])\/)?(?:(\d+)\/)?(\d+)$/.exec(v)
          const n = m === null ? NaN : Number(m[3])
          const k = m?.[2] === undefined ? 0 : Number(m[2])
          if (m === null) return yield* fail(`invalid number of chunks: ${quote(v)}`)
          if (!(n >= 1)) return yield* fail(`invalid number of chunks: ${quote(m[3])}${RANGE}`)
          if (k > n || (m[2] !== undefined && k === 0))
            return yield* fail(`invalid chunk number: ${quote(m[2] ?? "")}${RANGE}`)
          mode = { kind: m[1] === "l" ? "chunkLines" : m[1] === "r" ? "roundRobin" : "chunkBytes", k, n }
        }
      }
      const chosen: Mode = mode ?? { kind: "lines", n: 1000 }
      if (operands.length > 2) return yield* usage(`extra operand ${quote(operands[2])}`)
      let sep = 10
      if (flags.separator !== undefined) {
        const t = flags.separator
        if (t === "") return yield* fail("empty record separator")
        if (t === "\\0") sep = 0
        else if (new TextEncoder().encode(t).length > 1) return yield* fail(`multi-character separator ${quote(t)}`)
        else sep = t.charCodeAt(0)
      }
      const numericStart = flags.numericSuffixes ?? flags.hexSuffixes
      const numeric =
        flags.numeric || flags.hex || occurrences.some((o) => o.key === "numericSuffixes" || o.key === "hexSuffixes")
      const hex = flags.hex || occurrences.some((o) => o.key === "hexSuffixes")
      const alphabet = !numeric ? "abcdefghijklmnopqrstuvwxyz" : hex ? "0123456789abcdef" : "0123456789"
      if (numericStart !== undefined && numericStart !== "" && !/^\d+$/.test(numericStart)) {
        return yield* usage(`invalid number: ${quote(numericStart)}`)
      }
      let length = 2
      let auto = numericStart === undefined || numericStart === ""
      if (chosen.kind === "chunkBytes" || chosen.kind === "chunkLines" || chosen.kind === "roundRobin") {
        let end = chosen.n - 1
        const s = numericStart ? Number(numericStart) : 0
        if (s < chosen.n) end += s
        let needed = 0
        do needed++
        while ((end = Math.floor(end / alphabet.length)) > 0)
        length = Math.max(length, needed)
        auto = false
      }
      if (flags.suffixLength !== undefined) {
        if (!/^\d+$/.test(flags.suffixLength))
          return yield* usage(`invalid suffix length: ${quote(flags.suffixLength)}`)
        const given = Number(flags.suffixLength)
        if (chosen.kind === "chunkBytes" || chosen.kind === "chunkLines" || chosen.kind === "roundRobin") {
          if (given < length) return yield* fail(`the suffix length needs to be at least ${length}`)
        }
        if (given > 0) length = given
        auto = false
      }
      if (numericStart && numericStart.length > length)
        return yield* usage("numerical suffix start value is too large for the suffix length")
      const infile = operands[0] ?? "-"
      const nextName = makeNamer(
        operands[1] ?? "x",
        alphabet,
        length,
        auto,
        flags.additionalSuffix ?? "",
        numericStart || undefined,
      )

      // Each output file is gathered, then written whole.
      let current: Array<Uint8Array> | undefined
      let currentName = ""
      let failed: VfsError | undefined
      let failedName = ""
      const close = Effect.gen(function* () {
        if (current === undefined) return
        const bytes = concat(current)
        current = undefined
        const r = yield* Effect.result(ctx.fs.writeFile(ctx.resolve(currentName), bytes))
        if (r._tag === "Failure" && failed === undefined) {
          failed = r.failure
          failedName = currentName
        }
      })
      const open = Effect.gen(function* () {
        yield* close
        const n = nextName()
        if (n === undefined) return yield* Effect.fail("exhausted" as const)
        if (flags.verbose) yield* writeText(ctx.stdout, `creating file ${quote(n)}\n`)
        currentName = n
        current = []
      })
      const write = (fresh: boolean, bytes: Uint8Array) =>
        Effect.gen(function* () {
          if (fresh) yield* open
          if (bytes.length > 0) current?.push(bytes.slice())
        })

      const body = Effect.gen(function* () {
        if (chosen.kind === "lines" || chosen.kind === "bytes" || chosen.kind === "lineBytes") {
          let used = 0
          let fresh = true
          yield* withInput(ctx, infile, (input) =>
            eachChunk(input, (chunk) =>
              Effect.gen(function* () {
                let p = 0
                while (p < chunk.length) {
                  if (chosen.kind === "bytes") {
                    const take = Math.min(chunk.length - p, chosen.n - used)
                    yield* write(used === 0, chunk.subarray(p, p + take))
                    used = (used + take) % chosen.n
                    p += take
                  } else if (chosen.kind === "lines") {
                    const nl = chunk.indexOf(sep, p)
                    const end = nl === -1 ? chunk.length : nl + 1
                    yield* write(fresh, chunk.subarray(p, end))
                    fresh = false
                    if (nl !== -1 && ++used === chosen.n) {
                      used = 0
                      fresh = true
                    }
                    p = end
                  } else {
                    const nl = chunk.indexOf(sep, p)
                    const end = nl === -1 ? chunk.length : nl + 1
                    yield* lineBytes(chunk.subarray(p, end), nl !== -1)
                    p = end
                  }
                }
              }),
            ),
          )
          yield* flushHeld
          return
        }
        const data = yield* readOperand(ctx, infile)
        const size = Math.max(data.length, chosen.n)
        const { k, n } = "k" in chosen ? chosen : { k: 0, n: 1 }
        if (chosen.kind === "chunkBytes") {
          const chunk = Math.floor(size / n)
          if (k > 0) {
            const start = (k - 1) * chunk
            const end = k === n ? size : k * chunk
            yield* ctx.stdout.write(data.slice(Math.min(start, data.length), Math.min(end, data.length)))
            return
          }
          for (let i = 0; i < n; i++) {
            const piece = data.subarray(
              Math.min(i * chunk, data.length),
              i === n - 1 ? data.length : Math.min((i + 1) * chunk, data.length),
            )
            if (piece.length === 0 && flags.elideEmptyFiles) continue
            yield* write(true, piece)
          }
        } else if (chosen.kind === "chunkLines") {
          const chunkSize = Math.floor(size / n)
          const pieces: Array<Uint8Array> = Array.from({ length: n }, () => new Uint8Array(0))
          // A line belongs to the chunk in which it ends, as GNU's lines_chunk_split assigns it.
          let start = 0
          let chunkNo = 1
          let chunkEnd = chunkSize - 1
          const parts: Array<Array<Uint8Array>> = Array.from({ length: n }, () => [])
          while (start < data.length) {
            const from = Math.max(start, Math.min(data.length, chunkEnd))
            const nl = data.indexOf(sep, from)
            const end = nl === -1 ? data.length : nl + 1
            parts[chunkNo - 1].push(data.subarray(start, end))
            start = end
            while (chunkNo < n && chunkEnd <= start - 1) {
              chunkNo++
              chunkEnd = chunkNo === n ? size - 1 : chunkEnd + chunkSize
            }
          }
          parts.forEach((p, i) => (pieces[i] = concat(p)))
          if (k > 0) {
            yield* ctx.stdout.write(pieces[k - 1])
            return
          }
          for (const piece of pieces) {
            if (piece.length === 0 && flags.elideEmptyFiles) continue
            yield* write(true, piece)
          }
        } else {
          const parts: Array<Array<Uint8Array>> = Array.from({ length: n }, () => [])
          let i = 0
          for (let start = 0; start < data.length; i = (i + 1) % n) {
            const nl = data.indexOf(sep, start)
            const end = nl === -1 ? data.length : nl + 1
            parts[i].push(data.subarray(start, end))
            start = end
          }
          if (k > 0) {
            yield* ctx.stdout.write(concat(parts[k - 1]))
            return
          }
          for (const p of parts) {
            const piece = concat(p)
            if (piece.length === 0 && flags.elideEmptyFiles) continue
            yield* write(true, piece)
          }
        }
      })

      // -C: whole records while they fit; a record longer than SIZE is cut at SIZE.
      let out = 0
      let held: Array<Uint8Array> = []
      let heldSize = 0
      const limit = chosen.kind === "lineBytes" ? chosen.n : 0
      const put = (bytes: Uint8Array) =>
        Effect.gen(function* () {
          let b = bytes
          while (b.length > 0) {
            if (out > 0 && out + b.length > limit) out = 0
            const take = Math.min(b.length, limit - out)
            yield* write(out === 0, b.subarray(0, take))
            out = (out + take) % limit
            b = b.subarray(take)
          }
        })
      function lineBytes(piece: Uint8Array, complete: boolean) {
        held.push(piece)
        heldSize += piece.length
        if (!complete) return Effect.void
        const record = concat(held)
        held = []
        heldSize = 0
        return put(record)
      }
      const flushHeld = Effect.suspend(() => {
        if (heldSize === 0) return Effect.void
        const record = concat(held)
        held = []
        heldSize = 0
        return put(record)
      })

      const result = yield* Effect.result(body)
      yield* close
      if (result._tag === "Failure") {
        const e = result.failure
        if (e === "exhausted") return yield* fail("output file suffixes exhausted")
        if (e._tag === "BrokenPipe") return yield* Effect.fail(e)
        return yield* fail(`cannot open ${quote(infile)} for reading: ${errorText(e)}`)
      }
      if (failed !== undefined) return yield* fail(`${quoteIfNeeded(failedName)}: ${errorText(failed)}`)
      return 0
    }),
})
