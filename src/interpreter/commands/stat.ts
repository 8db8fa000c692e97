import { Effect } from "effect"
import type { FileStat } from "../../vfs/Resource.ts"
import * as Flag from "../Argv.ts"
import type { CommandContext } from "../Command.ts"
import { make } from "../Command.ts"
import { quote } from "../ExitStatus.ts"
import { writeText } from "../Io.ts"
import { strerror } from "./shared/Canonical.ts"
import {
  blocks512,
  deviceOf,
  inodeOf,
  IO_BLOCK,
  measured,
  modeString,
  OWNER,
  sizeOf,
  typeBits,
  typeDescription,
} from "./shared/FileInfo.ts"
import { pad, signOf } from "./shared/FloatFormat.ts"
import { makeSink } from "./shared/Sink.ts"
import { strftime } from "./shared/Strftime.ts"

const DEFAULT_FORMAT =
  "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\nDevice: %Hd,%Ld\tInode: %-10i  Links: %h\n" +
  "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\nAccess: %x\nModify: %y\nChange: %z\n Birth: %w\n"
const TERSE_FORMAT = "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n"
const FS_FORMAT =
  '  File: "%n"\n    ID: %-8i Namelen: %-7l Type: %T\nBlock size: %-10s Fundamental block size: %S\n' +
  "Blocks: Total: %-10b Free: %-10f Available: %a\nInodes: Total: %-10c Free: %d\n"
const FS_TERSE_FORMAT = "%n %i %l %t %s %S %b %f %a %c %d\n"

/** What a directive needs about one file. */
interface Subject {
  readonly name: string
  readonly abs: string
  readonly st: FileStat
  /** The target of a symlink shown by `%N`. */
  readonly target: string | undefined
  readonly links: number
  readonly device: number
  readonly mount: string
  /** The resource kind, the file system type `stat -f` shows. */
  readonly kind: string
}

interface Spec {
  readonly flags: string
  readonly width: number | undefined
  readonly precision: number | undefined
}

const str = (s: Spec, value: string): string =>
  pad("", s.precision === undefined ? value : value.slice(0, s.precision), { ...s, conversion: "s" }, false)

/** An unsigned number in `base`, with C printf flags (`#` adds 0 to octal). */
const num = (s: Spec, value: number, base: 8 | 10 | 16): string => {
  let digits = value.toString(base)
  if (s.precision !== undefined) digits = digits.padStart(s.precision, "0")
  if (base === 8 && s.flags.includes("#") && !digits.startsWith("0")) digits = `0${digits}`
  const prefix = base === 10 ? signOf(false, s.flags) : ""
  return pad(prefix, digits, { ...s, conversion: "d" }, s.precision === undefined)
}

const nanos = (ms: number): string =>
  String(Math.min(999_999_999, Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6))).padStart(9, "0")

/** `%Y`-style seconds, with `.digits` when a precision is given. */
const seconds = (s: Spec, ms: number): string => {
  const whole = Math.floor(ms / 1000)
  if (s.precision === undefined) return num(s, whole, 10)
  const frac = (nanos(ms) + "0".repeat(Math.max(0, s.precision - 9))).slice(0, s.precision)
  return pad(
    "",
    s.precision === 0 ? String(whole) : `${whole}.${frac}`,
    { ...s, precision: undefined, conversion: "s" },
    true,
  )
}

const human = (ms: number): string => `${strftime("%Y-%m-%d %H:%M:%S", ms)}.${nanos(ms)} +0000`

const directive = (c: string, s: Spec, f: Subject): string | undefined => {
  const st = f.st
  switch (c) {
    case "a":
      return num(s, st.mode & 0o7777, 8)
    case "A":
      return str(s, modeString(st.type, st.mode))
    case "b":
      return num(s, blocks512(st), 10)
    case "B":
      return num(s, 512, 10)
    case "C":
      return str(s, "?")
    case "d":
      return num(s, f.device, 10)
    case "D":
      return num(s, f.device, 16)
    case "f":
      return num(s, typeBits(st.type) | (st.mode & 0o7777), 16)
    case "F":
      return str(s, typeDescription(st))
    case "g":
      return num(s, OWNER.gid, 10)
    case "G":
      return str(s, OWNER.group)
    case "h":
      return num(s, f.links, 10)
    case "i":
      return num(s, inodeOf(f.abs), 10)
    case "m":
      return str(s, f.mount)
    case "n":
      return str(s, f.name)
    case "N":
      return str(s, f.target === undefined ? quote(f.name) : `${quote(f.name)} -> ${quote(f.target)}`)
    case "o":
      return num(s, IO_BLOCK, 10)
    case "s":
      return num(s, sizeOf(st), 10)
    case "r":
    case "t":
    case "T":
      return num(s, 0, c === "r" ? 10 : 16)
    case "R":
      return num(s, 0, 16)
    case "u":
      return num(s, OWNER.uid, 10)
    case "U":
      return str(s, OWNER.user)
    case "w":
      return str(s, "-")
    case "W":
      return num(s, 0, 10)
    case "x":
    case "y":
    case "z":
      return str(s, human(st.mtime))
    case "X":
    case "Y":
    case "Z":
      return seconds(s, st.mtime)
  }
  return undefined
}

/** `stat -f` directives: resources report no capacity, so the counts are 0. */
const fsDirective = (c: string, s: Spec, f: Subject): string | undefined => {
  switch (c) {
    case "n":
      return str(s, f.name)
    case "i":
      return num(s, f.device, 16)
    case "l":
      return num(s, 255, 10)
    case "s":
    case "S":
      return num(s, IO_BLOCK, 10)
    case "t":
      return num(s, 0, 16)
    case "T":
      return str(s, f.kind)
    case "a":
    case "b":
    case "c":
    case "d":
    case "f":
      return num(s, 0, 10)
  }
  return undefined
}

const ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
}

/** Expand a format for one file; `error` is a fatal "invalid directive". `warnings` collect escape warnings. */
const expand = (
  format: string,
  f: Subject,
  escapes: boolean,
  warnings: Array<string>,
  fileSystem = false,
): { readonly text: string; readonly error?: string } => {
  let out = ""
  let i = 0
  while (i < format.length) {
    const c = format[i]
    if (c === "\\" && escapes && i + 1 < format.length) {
      const d = format[i + 1]
      const octal = /^[0-7]{1,3}/.exec(format.slice(i + 1, i + 4))
      const hex = d === "x" ? /^[0-9a-fA-F]{1,2}/.exec(format.slice(i + 2, i + 4)) : null
      if (octal) {
        out += String.fromCharCode(parseInt(octal[0], 8) & 0xff)
        i += 1 + octal[0].length
      } else if (hex) {
        out += String.fromCharCode(parseInt(hex[0], 16))
        i += 2 + hex[0].length
      } else if (d in ESCAPES) {
        out += ESCAPES[d]
        i += 2
      } else {
        warnings.push(`warning: unrecognized escape '\\${d}'`)
        out += d
        i += 2
      }
      continue
    }
    if (c !== "%") {
      out += c
      i++
      continue
    }
    const m = /^%([-'+ #0]*)(\d*)(?:\.(\d*))?/.exec(format.slice(i))
    const head = m === null ? "%" : m[0]
    let j = i + head.length
    if (j >= format.length) {
      out += format.slice(i)
      break
    }
    const spec: Spec = {
      flags: m?.[1] ?? "",
      width: m?.[2] ? Number(m[2]) : undefined,
      precision: m?.[3] === undefined ? undefined : Number(m[3] || "0"),
    }
    const conv = format[j]
    if (conv === "%" && head === "%") {
      out += "%"
      i = j + 1
      continue
    }
    if (!fileSystem && (conv === "H" || conv === "L") && (format[j + 1] === "d" || format[j + 1] === "r")) {
      const which = format[j + 1]
      out += num(spec, which === "d" ? (conv === "H" ? 0 : f.device) : 0, 10)
      i = j + 2
      continue
    }
    const text = conv === "%" ? undefined : (fileSystem ? fsDirective : directive)(conv, spec, f)
    if (text === undefined) {
      if (conv === "%" || conv === "H" || conv === "L")
        return { text: out, error: `${quote(format.slice(i, j + 1))}: invalid directive` }
      out += "?"
    } else out += text
    i = j + 1
  }
  return { text: out }
}

/**
 * Whether a format may print something that depends on a file's size (`%s`,
 * `%b`, `%F`'s "regular empty file"). It may say yes for a literal `%%s`: that
 * only costs a read, never a wrong answer.
 */
const SIZE_DIRECTIVE = /%[-'+ #0-9.]*[sbF]/

/**
 * Look up one operand: its stat (following links with -L), link target, link
 * count, device. `sized` measures a size the backend does not know.
 */
const subject = (ctx: CommandContext, operand: string, follow: boolean, sized: boolean) =>
  Effect.gen(function* () {
    const abs = ctx.resolve(operand)
    const looked = yield* Effect.result(follow ? ctx.fs.stat(abs) : ctx.fs.lstat(abs))
    if (looked._tag === "Failure") return { error: strerror(looked.failure) }
    const st = sized ? yield* measured(ctx.fs, abs, looked.success) : looked.success
    const target = st.type === "symlink" ? yield* Effect.orElseSucceed(ctx.fs.readlink(abs), () => "") : undefined
    let links = 1
    if (st.type === "directory") {
      const list = yield* Effect.orElseSucceed(ctx.fs.list(abs), () => [])
      links = 2 + list.filter((e) => e.type === "directory").length
    }
    const s: Subject = {
      name: operand,
      abs,
      st,
      target,
      links,
      device: deviceOf(ctx.fs, abs),
      mount: ctx.fs.route(abs)?.mount.prefix ?? "/",
      kind: ctx.fs.route(abs)?.mount.resource.kind ?? "none",
    }
    return s
  })

/** `stat`: display file status, as GNU coreutils' stat formats it (owner `user`, uid 1000). */
export const stat = make("stat", {
  summary: "Display file or file system status.",
  flags: {
    dereference: Flag.boolean("L", "dereference", "follow links"),
    fileSystem: Flag.boolean(
      "f",
      "file-system",
      "display file system status instead of file status (resources report no capacity: counts are 0)",
    ),
    cached: Flag.string(null, "cached", "specify how to use cached attributes", { arg: "MODE" }),
    format: Flag.string(
      "c",
      "format",
      "use the specified FORMAT instead of the default; output a newline after each use of FORMAT",
      {
        arg: "FORMAT",
      },
    ),
    printf: Flag.string(
      null,
      "printf",
      "like --format, but interpret backslash escapes, and do not output a mandatory trailing newline",
      {
        arg: "FORMAT",
      },
    ),
    terse: Flag.boolean("t", "terse", "print the information in terse form"),
  },
  operands: { usage: "FILE...", min: 1 },
  details:
    "The valid format sequences for files: %a %A %b %B %d %D %f %F %g %G %h %i %m %n %N %o %s %u %U %w %W %x %X %y %Y %z %Z",
  run: ({ flags, operands, occurrences, ctx, warn }) =>
    Effect.gen(function* () {
      let format = flags.fileSystem ? FS_FORMAT : DEFAULT_FORMAT
      let escapes = false
      // -c ends each expansion with a newline (after it, so a trailing `%` stays a `%`).
      let newline = ""
      for (const o of occurrences) {
        if (o.key === "format") {
          format = o.value ?? ""
          escapes = false
          newline = "\n"
        } else if (o.key === "printf") {
          format = o.value ?? ""
          escapes = true
          newline = ""
        }
      }
      if (flags.terse && flags.format === undefined && flags.printf === undefined)
        format = flags.fileSystem ? FS_TERSE_FORMAT : TERSE_FORMAT
      const sized = !flags.fileSystem && SIZE_DIRECTIVE.test(format)
      const sink = makeSink(ctx.stdout)
      let status = 0
      for (const operand of operands) {
        const s = yield* subject(ctx, operand, flags.dereference, sized)
        if ("error" in s) {
          status = 1
          yield* sink.flush
          const what = flags.fileSystem ? "cannot read file system information for" : "cannot statx"
          yield* writeText(ctx.stderr, `stat: ${what} ${quote(operand)}: ${s.error}\n`)
          continue
        }
        const useFormat =
          format === DEFAULT_FORMAT
            ? format.replace("%N", s.target === undefined ? "%n" : `%n -> ${s.target.replaceAll("%", "%%")}`)
            : format
        const warnings: Array<string> = []
        const r = expand(useFormat, s, escapes, warnings, flags.fileSystem)
        for (const w of warnings) yield* warn(w)
        sink.text(r.text)
        if (r.error === undefined) sink.text(newline)
        else {
          yield* sink.flush
          yield* warn(r.error)
          return 1
        }
      }
      yield* sink.flush
      return status
    }),
})
