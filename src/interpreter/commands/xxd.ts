import { errorText } from "../ExitStatus.ts"
import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make, type DeclaredCommand } from "../Command.ts"
import { writeText } from "../Io.ts"
import type { VfsError } from "../../vfs/VfsError.ts"
import { measured, sizeOf } from "./shared/FileInfo.ts"
import { withInput } from "./shared/Files.ts"
import { readOperand } from "./shared/LineReader.ts"
import { makeDumper, type HexType } from "./xxd/Dump.ts"
import { makeSink } from "./shared/Sink.ts"

const VERSION = "xxd 2022-01-14 by Juergen Weigert et al."
const MAX_COLS = 256

const USAGE = `Usage:
       xxd [options] [infile [outfile]]
    or
       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]
Options:
    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.
    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.
    -C          capitalize variable names in C include file style (-i).
    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).
    -E          show characters in EBCDIC. Default ASCII.
    -e          little-endian dump (incompatible with -ps,-i,-r).
    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).
    -h          print this summary.
    -i          output in C include file style.
    -l len      stop after <len> octets.
    -n name     set the variable name used in C include output (-i).
    -o off      add <off> to the displayed file position.
    -ps         output in postscript plain hexdump style.
    -r          reverse operation: convert (or patch) hexdump into binary.
    -r -s off   revert with <off> added to file positions found in hexdump.
    -d          show offset in decimal instead of hex.
    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.
    -u          use upper case hex letters.
    -v          show version: "${VERSION}".
`

interface Options {
  autoskip: boolean
  hextype: HexType
  upper: boolean
  capitalize: boolean
  decimal: boolean
  revert: boolean
  cols: number | undefined
  group: number
  length: number
  seek: number
  negseek: boolean
  relseek: boolean
  displayOffset: number
  varname: string | undefined
  files: Array<string>
}

/** C `strtol(s, NULL, 0)`: leading blanks, sign, 0x hex or 0 octal, stop at the first bad digit. */
const strtol = (s: string): number => {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)?/.exec(s)
  if (m === null || m[2] === undefined) return 0
  const body = m[2]
  const n = /^0[xX]/.test(body)
    ? parseInt(body, 16)
    : body.length > 1 && body[0] === "0"
      ? parseInt(body, 8)
      : Number(body)
  return m[1] === "-" ? -n : n
}

/** xxd's own argument loop: options match by prefix (`-cols`, `--len`), values attached or separate. */
const parseArgs = (args: ReadonlyArray<string>): Options | "usage" | "version" => {
  const o: Options = {
    autoskip: false,
    hextype: "normal",
    upper: false,
    capitalize: false,
    decimal: false,
    revert: false,
    cols: undefined,
    group: -1,
    length: -1,
    seek: 0,
    negseek: false,
    relseek: true,
    displayOffset: 0,
    varname: undefined,
    files: [],
  }
  let i = 0
  // Returns the attached value unless the rest spells the long name, else the next argument.
  const value = (pp: string, longRest: ReadonlyArray<string>): string | undefined => {
    const rest = pp.slice(2)
    if (rest !== "" && !longRest.some((l) => rest.startsWith(l))) return rest
    i++
    return args[i]
  }
  for (; i < args.length; i++) {
    const a = args[i]
    const pp = a.startsWith("--") && a.length > 2 ? a.slice(1) : a
    const two = pp.slice(0, 2)
    if (two === "-a") o.autoskip = !o.autoskip
    else if (two === "-b") o.hextype = "bits"
    else if (two === "-e") o.hextype = "little"
    else if (two === "-u") o.upper = true
    else if (two === "-p") o.hextype = "postscript"
    else if (two === "-i") o.hextype = "cinclude"
    else if (two === "-C") o.capitalize = true
    else if (two === "-d") o.decimal = true
    else if (two === "-r") o.revert = true
    else if (two === "-E") continue
    else if (two === "-v") return "version"
    else if (two === "-c") {
      if (pp.slice(2).startsWith("apitalize")) o.capitalize = true
      else {
        const v = value(pp, ["ols"])
        if (v === undefined) return "usage"
        o.cols = strtol(v)
      }
    } else if (two === "-g") {
      const v = value(pp, ["roup"])
      if (v === undefined) return "usage"
      o.group = strtol(v)
    } else if (two === "-n") {
      const v = value(pp, ["ame"])
      if (v === undefined) return "usage"
      o.varname = v
    } else if (two === "-o") {
      const v = value(pp, ["ffset"])
      if (v === undefined) return "usage"
      o.displayOffset = strtol(v.replace(/^\+/, ""))
    } else if (two === "-s") {
      const v = value(pp, ["kip", "eek"])
      if (v === undefined) return "usage"
      o.relseek = v.startsWith("+")
      const rest = o.relseek ? v.slice(1) : v
      o.negseek = rest.startsWith("-")
      o.seek = strtol(o.negseek ? rest.slice(1) : rest)
    } else if (two === "-l") {
      const v = value(pp, ["en"])
      if (v === undefined) return "usage"
      o.length = strtol(v)
    } else if (pp === "--") {
      i++
      break
    } else if (pp[0] === "-" && pp.length > 1) return "usage"
    else break
  }
  o.files = args.slice(i)
  return o.files.length > 2 ? "usage" : o
}

/** `xxd` (vim 9.0): make a hex dump, or turn one back into bytes. */
export const xxd: DeclaredCommand = make("xxd", {
  summary: "Make a hex dump or do the reverse.",
  flags: {
    autoskip: Flag.boolean("a", null, "toggle autoskip: a single '*' replaces nul-lines"),
    bits: Flag.boolean("b", null, "binary digit dump"),
    capitalize: Flag.boolean("C", null, "capitalize variable names in C include file style (-i)"),
    cols: Flag.string("c", null, "format <cols> octets per line", { arg: "cols" }),
    littleEndian: Flag.boolean("e", null, "little-endian dump"),
    group: Flag.string("g", null, "number of octets per group in normal output", { arg: "bytes" }),
    include: Flag.boolean("i", null, "output in C include file style"),
    len: Flag.string("l", null, "stop after <len> octets", { arg: "len" }),
    name: Flag.string("n", null, "set the variable name used in C include output (-i)", { arg: "name" }),
    offset: Flag.string("o", null, "add <off> to the displayed file position", { arg: "off" }),
    postscript: Flag.boolean("p", null, "output in postscript plain hexdump style (-ps)"),
    revert: Flag.boolean("r", null, "reverse operation: convert (or patch) hexdump into binary"),
    decimal: Flag.boolean("d", null, "show offset in decimal instead of hex"),
    seek: Flag.string("s", null, "start at <seek> bytes abs. (or +: rel.) infile offset", { arg: "[+][-]seek" }),
    upper: Flag.boolean("u", null, "use upper case hex letters"),
  },
  operands: { usage: "[infile [outfile]]" },
  raw: true,
  run: ({ ctx }) =>
    Effect.gen(function* () {
      if (ctx.args.length === 1 && ctx.args[0] === "--help") return yield* Effect.as(writeText(ctx.stdout, xxd.help), 0)
      const parsed = parseArgs(ctx.args)
      if (parsed === "usage") return yield* Effect.as(writeText(ctx.stderr, USAGE), 1)
      if (parsed === "version") return yield* Effect.as(writeText(ctx.stderr, `${VERSION}\n`), 0)
      const o = parsed
      const fail = (status: number, message: string) => Effect.as(writeText(ctx.stderr, `xxd: ${message}\n`), status)
      let cols = o.cols ?? 0
      if (o.cols === undefined || (cols === 0 && o.hextype !== "postscript")) {
        cols = { postscript: 30, cinclude: 12, bits: 6, normal: 16, little: 16 }[o.hextype]
      }
      let group = o.group
      if (group < 0) group = { bits: 1, normal: 2, little: 4, postscript: 0, cinclude: 0 }[o.hextype]
      const dumpLike = o.hextype === "normal" || o.hextype === "bits" || o.hextype === "little"
      if (
        (o.hextype === "postscript" && cols < 0) ||
        (o.hextype !== "postscript" && cols < 1) ||
        (dumpLike && cols > MAX_COLS)
      ) {
        return yield* fail(1, `invalid number of columns (max. ${MAX_COLS}).`)
      }
      if (group < 1 || group > cols) group = cols
      else if (o.hextype === "little" && (group & (group - 1)) !== 0) {
        return yield* fail(1, "number of octets per group must be a power of 2 with -e.")
      }
      const infile = o.files[0] === undefined || o.files[0] === "-" ? undefined : o.files[0]
      const outfile = o.files[1] === undefined || o.files[1] === "-" ? undefined : o.files[1]
      const chunks: Array<Uint8Array> = []
      const sink = makeSink(
        outfile === undefined ? ctx.stdout : { write: (b) => Effect.sync(() => void chunks.push(b)) },
      )
      const cannotOpen = (e: VfsError) => fail(2, `${infile ?? "-"}: ${errorText(e)}`)

      if (o.revert) {
        if (o.hextype !== "normal" && o.hextype !== "postscript")
          return yield* fail(255, "Sorry, cannot revert this type of hexdump")
        const read = yield* Effect.result(readOperand(ctx, infile ?? "-"))
        if (read._tag === "Failure") return yield* cannotOpen(read.failure)
        const result = revert(read.success, cols, o.hextype === "postscript", o.negseek ? -o.seek : o.seek)
        sink.push(result.bytes)
        yield* sink.flush
        if (result.error !== undefined) return yield* fail(5, result.error)
      } else {
        // Where reading starts: a file can seek (from its end too); stdin can only skip forward.
        let skip = 0
        if (o.seek !== 0 || o.negseek || !o.relseek) {
          if (o.negseek) {
            if (infile === undefined) return yield* fail(4, "Sorry, cannot seek.")
            const st = yield* Effect.result(ctx.fs.stat(ctx.resolve(infile)))
            if (st._tag === "Failure") return yield* cannotOpen(st.failure)
            skip = sizeOf(yield* measured(ctx.fs, ctx.resolve(infile), st.success)) - o.seek
            if (skip < 0) return yield* fail(4, "Sorry, cannot seek.")
          } else skip = o.seek
        }
        const dumper = makeDumper(
          { ...o, cols, group, varname: o.varname ?? (o.hextype === "cinclude" ? infile : undefined) },
          skip,
          sink.latin1,
        )
        let toSkip = skip
        let remaining = o.length < 0 ? Infinity : o.length
        const result = yield* Effect.result(
          withInput(ctx, infile ?? "-", (input) =>
            Effect.gen(function* () {
              while (remaining > 0) {
                const chunk = yield* input.read
                if (chunk === null) break
                let from = 0
                if (toSkip > 0) {
                  from = Math.min(toSkip, chunk.length)
                  toSkip -= from
                }
                const take = Math.min(chunk.length - from, remaining)
                if (take <= 0) continue
                dumper.feed(chunk.subarray(from, from + take))
                remaining -= take
                yield* sink.flushIfFull
              }
            }),
          ),
        )
        if (result._tag === "Failure") {
          if (result.failure._tag === "BrokenPipe") return yield* Effect.fail(result.failure)
          return yield* cannotOpen(result.failure)
        }
        // Seeking past the end of a file is allowed; skipping past the end of stdin is not.
        if (toSkip > 0 && infile === undefined) return yield* fail(4, "Sorry, cannot seek.")
        dumper.end()
      }
      yield* sink.flush
      if (outfile !== undefined) {
        const total = chunks.reduce((n, c) => n + c.length, 0)
        const out = new Uint8Array(total)
        let at = 0
        for (const c of chunks) {
          out.set(c, at)
          at += c.length
        }
        const written = yield* Effect.result(ctx.fs.writeFile(ctx.resolve(outfile), out))
        if (written._tag === "Failure") return yield* fail(3, `${outfile}: ${errorText(written.failure)}`)
      }
      return 0
    }),
})

const hexDigit = (c: number): number =>
  c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1

/** xxd's huntype: read a (possibly partial) hex dump back into bytes; gaps in offsets become zeros. */
const revert = (
  input: Uint8Array,
  cols: number,
  plain: boolean,
  baseOff: number,
): { bytes: Uint8Array; error?: string } => {
  const out: Array<number> = []
  let ignGarb = true
  let n1 = -1
  let n2 = 0
  let n3: number
  let p = cols
  let haveOff = 0
  let wantOff = 0
  for (let i = 0; i < input.length; i++) {
    let c = input[i]
    if (c === 13) continue
    if (plain && (c === 32 || c === 10 || c === 9)) continue
    n3 = n2
    n2 = n1
    n1 = hexDigit(c)
    if (n1 === -1 && ignGarb) continue
    ignGarb = false
    if (!plain && p >= cols) {
      if (n1 < 0) {
        p = 0
        continue
      }
      wantOff = wantOff * 16 + n1
      continue
    }
    if (baseOff + wantOff !== haveOff) {
      if (baseOff + wantOff < haveOff) return { bytes: Uint8Array.from(out), error: "Sorry, cannot seek backwards." }
      for (; haveOff < baseOff + wantOff; haveOff++) out.push(0)
    }
    const skipToEol = () => {
      while (i < input.length && input[i] !== 10) i++
      return i < input.length ? 10 : -1
    }
    if (n2 >= 0 && n1 >= 0) {
      out.push((n2 << 4) | n1)
      haveOff++
      wantOff++
      n1 = -1
      if (!plain && ++p >= cols) c = skipToEol()
    } else if (n1 < 0 && n2 < 0 && n3 < 0) c = skipToEol()
    if (c === 10) {
      if (!plain) wantOff = 0
      p = cols
      ignGarb = true
    }
  }
  return { bytes: Uint8Array.from(out) }
}
