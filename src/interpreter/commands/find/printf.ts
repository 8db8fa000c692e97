import { Effect } from "effect"
import type { FileStat } from "../../../vfs/Resource.ts"
import { blocks512, inodeOf, kibBlocks, modeString, OWNER, sizeOf } from "../shared/FileInfo.ts"
import { formatFloat, pad, signOf } from "../shared/FloatFormat.ts"
import { strftime } from "../shared/Strftime.ts"
import type { Entry, Inspector } from "./types.ts"

/**
 * `find -printf` formats (compiled once, rendered per file) and the `-ls`
 * line, as findutils prints them.
 */

/** One piece of a compiled format. */
export type Segment =
  | { readonly kind: "plain"; readonly text: string }
  /** `\c`: print `text` and stop this format. */
  | { readonly kind: "stop"; readonly text: string }
  /** A directive: `spec` holds its flags, width and precision (`-10`), `conv` its letter, `aux` the time letter. */
  | { readonly kind: "format"; readonly spec: string; readonly conv: string; readonly aux: string }

/** A compiled format, with the warnings findutils prints while compiling it. */
export interface Compiled {
  readonly segments: ReadonlyArray<Segment>
  readonly warnings: ReadonlyArray<string>
}

const ESCAPES: Record<string, string> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" }
const ONE = "abcdDfFgGhHiklmMnpPsStuUyYZ%"
const TWO = "ABCT"

/** Compile a `-printf` format, or give the fatal error (without the `find: ` prefix). */
export const compileFormat = (
  format: string,
): Compiled | { readonly error: string; readonly warnings: ReadonlyArray<string> } => {
  const segments: Array<Segment> = []
  const warnings: Array<string> = []
  let plain = ""
  const flushPlain = () => {
    if (plain !== "") segments.push({ kind: "plain", text: plain })
    plain = ""
  }
  let i = 0
  while (i < format.length) {
    const c = format[i]
    if (c === "\\") {
      const d = format[i + 1]
      if (d === undefined) {
        warnings.push("warning: escape `\\' followed by nothing at all")
        plain += "\\"
        i++
      } else if (d === "c") {
        segments.push({ kind: "stop", text: plain })
        return { segments, warnings }
      } else if (d >= "0" && d <= "7") {
        let j = i + 1
        let n = 0
        while (j < format.length && j < i + 4 && format[j] >= "0" && format[j] <= "7") n = n * 8 + Number(format[j++])
        plain += String.fromCharCode(n & 0xff)
        i = j
      } else if (d in ESCAPES) {
        plain += ESCAPES[d]
        i += 2
      } else {
        warnings.push(`warning: unrecognized escape \`\\${d}'`)
        plain += `\\${d}`
        i += 2
      }
      continue
    }
    if (c !== "%") {
      plain += c
      i++
      continue
    }
    if (i + 1 >= format.length) return { error: `error: ${format.slice(i)} at end of format string`, warnings }
    if (format[i + 1] === "%") {
      plain += "%"
      i += 2
      continue
    }
    let j = i + 1
    while (j < format.length && "-+ #".includes(format[j])) j++
    while (j < format.length && format[j] >= "0" && format[j] <= "9") j++
    if (format[j] === ".") {
      j++
      while (j < format.length && format[j] >= "0" && format[j] <= "9") j++
    }
    const conv = format[j] ?? ""
    const spec = format.slice(i + 1, j)
    if (conv !== "" && ONE.includes(conv)) {
      flushPlain()
      segments.push({ kind: "format", spec, conv, aux: "" })
      i = j + 1
      continue
    }
    if (conv !== "" && TWO.includes(conv) && j + 1 < format.length) {
      flushPlain()
      segments.push({ kind: "format", spec, conv, aux: format[j + 1] })
      i = j + 2
      continue
    }
    if (conv !== "" && "{[(".includes(conv))
      return { error: `error: the format directive \`%${conv}' is reserved for future use`, warnings }
    if (conv !== "" && TWO.includes(conv))
      warnings.push(`warning: format directive \`%${conv}' should be followed by another character`)
    else warnings.push(`warning: unrecognized format directive \`%${conv}'`)
    plain += format.slice(i, j + 1)
    i = j + 1
  }
  flushPlain()
  return { segments, warnings }
}

interface Spec {
  readonly flags: string
  readonly width: number | undefined
  readonly precision: number | undefined
}

const parseSpec = (spec: string): Spec => {
  const m = /^([-+ #0]*)(\d*)(?:\.(\d*))?$/.exec(spec)
  if (m === null) return { flags: "", width: undefined, precision: undefined }
  return {
    flags: m[1],
    width: m[2] === "" ? undefined : Number(m[2]),
    precision: m[3] === undefined ? undefined : Number(m[3] === "" ? "0" : m[3]),
  }
}

/** C `%s` with flags, width and precision. */
const str = (spec: string, value: string): string => {
  const s = parseSpec(spec)
  const body = s.precision === undefined ? value : value.slice(0, s.precision)
  return pad("", body, { ...s, conversion: "s" }, false)
}

/** C `%d` / `%o` of a non-negative integer. */
const int = (spec: string, value: number, conv: "d" | "o"): string => {
  const s = parseSpec(spec)
  let digits = conv === "o" ? value.toString(8) : String(Math.abs(value))
  if (s.precision !== undefined) digits = digits.padStart(s.precision, "0")
  if (conv === "o" && s.flags.includes("#") && !digits.startsWith("0")) digits = `0${digits}`
  const prefix = conv === "d" ? signOf(value < 0, s.flags) : ""
  return pad(prefix, digits, { ...s, conversion: conv }, s.precision === undefined)
}

/** findutils' `.NNNNNNNNN0` after the seconds: nanoseconds and a zero it adds on purpose. */
const nsSuffix = (ms: number): string => {
  const ns = Math.min(999_999_999, Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6))
  return `.${String(ns).padStart(9, "0")}0`
}

/** `%t`-style time: `Sun Nov 22 04:14:09.6234723600 2026`. */
export const ctimeFormat = (ms: number): string => {
  const t = strftime("%a %b %e %H:%M:%S", ms)
  return `${t}${nsSuffix(ms)} ${strftime("%Y", ms).padStart(4, "0")}`
}

/** A time in the `%Tk` style: strftime `%k`, with nanoseconds after the seconds where findutils adds them. */
export const formatDate = (ms: number, kind: string): string => {
  if (kind === "@") return `${Math.floor(ms / 1000)}${nsSuffix(ms)}`
  if (kind === "+") return `${strftime("%Y-%m-%d+%H:%M:%S", ms)}${nsSuffix(ms)}`
  const text = strftime(`%${kind}`, ms)
  return kind === "S" || kind === "T" || kind === "X" ? text + nsSuffix(ms) : text
}

/** `%h`: the leading directories, as findutils strips (at most) the trailing slashes. */
export const dirPart = (path: string): string => {
  let s = path.length - 1
  while (s >= 0 && path[s] === "/") s--
  const p = s > 0 && path[s + 1] === "/" ? path.slice(0, s + 1) : path
  const i = p.lastIndexOf("/")
  return i === -1 ? "." : p.slice(0, i)
}

/** `%f`: the last component, keeping one trailing slash (`d/` for `d//`). */
export const basePart = (path: string): string => {
  const stripped = path.replace(/\/+$/, "")
  if (stripped === "") return path === "" ? "" : "/"
  const base = stripped.slice(stripped.lastIndexOf("/") + 1)
  return stripped.length < path.length ? `${base}/` : base
}

const EMPTY_STAT: FileStat = { type: "file", size: 0, mtime: 0, mode: 0 }

/** Render a compiled format for one entry. */
export const render = (segments: ReadonlyArray<Segment>, e: Entry, inspect: Inspector): Effect.Effect<string> =>
  Effect.gen(function* () {
    let out = ""
    let st: FileStat | undefined
    let measured = false
    const stat = function* () {
      if (st === undefined) st = (yield* inspect.stat(e)) ?? EMPTY_STAT
      return st
    }
    // Only the size directives read a file whose size the backend does not know.
    const sized = function* () {
      if (!measured) {
        st = (yield* inspect.sized(e)) ?? EMPTY_STAT
        measured = true
      }
      return yield* stat()
    }
    for (const seg of segments) {
      if (seg.kind !== "format") {
        out += seg.text
        continue
      }
      const { spec, conv } = seg
      switch (conv) {
        case "p":
          out += str(spec, e.path)
          break
        case "f":
          out += str(spec, basePart(e.path))
          break
        case "h":
          out += str(spec, dirPart(e.path))
          break
        case "P": {
          let rest = e.depth > 0 ? e.path.slice(e.start.length) : ""
          if (rest.startsWith("/")) rest = rest.slice(1)
          out += str(spec, rest)
          break
        }
        case "H":
          out += str(spec, e.start)
          break
        case "d":
          out += int(spec, e.depth, "d")
          break
        case "s":
          out += str(spec, String(sizeOf(yield* sized())))
          break
        case "k":
          out += str(spec, String(kibBlocks(yield* sized())))
          break
        case "b":
          out += str(spec, String(blocks512(yield* sized())))
          break
        case "m":
          out += int(spec, (yield* stat()).mode & 0o7777, "o")
          break
        case "M": {
          const s = yield* stat()
          out += str(spec, modeString(s.type, s.mode))
          break
        }
        case "u":
        case "g":
          out += str(spec, conv === "u" ? OWNER.user : OWNER.group)
          break
        case "U":
        case "G":
          out += str(spec, String(conv === "U" ? OWNER.uid : OWNER.gid))
          break
        case "n":
          out += str(spec, String(yield* inspect.links(e)))
          break
        case "i":
          out += str(spec, String(inodeOf(e.abs)))
          break
        case "D":
          out += str(spec, String(inspect.device(e)))
          break
        case "F":
          out += str(spec, inspect.fsType(e))
          break
        case "y":
          out += str(spec, typeChar(e.type ?? (yield* stat()).type))
          break
        case "Y":
          out += str(spec, yield* inspect.targetType(e))
          break
        case "l":
          out += str(spec, (yield* inspect.readlink(e)) ?? "")
          break
        case "S": {
          const s = yield* sized()
          const size = sizeOf(s)
          const sparse = size === 0 ? 1 : (blocks512(s) * 512) / size
          out += formatFloat(sparse, { ...parseSpec(spec), conversion: "g" })
          break
        }
        case "Z":
          out += str(spec, "")
          break
        case "a":
        case "c":
        case "t":
          out += str(spec, ctimeFormat((yield* stat()).mtime))
          break
        case "A":
        case "C":
        case "T":
          out += str(spec, formatDate((yield* stat()).mtime, seg.aux))
          break
        case "B":
          // Resources keep no birth time: findutils prints nothing for it, or its odd `-1.-000000010` for `%B@`.
          out += str(spec, seg.aux === "@" ? "-1.-000000010" : "")
          break
        case "%":
          out += "%"
          break
      }
    }
    return out
  })

/** The `%y` letter of a type. */
export const typeChar = (type: "file" | "directory" | "symlink"): string =>
  type === "directory" ? "d" : type === "symlink" ? "l" : "f"

/** Column widths of `-ls`, which only grow during a run (as findutils keeps them). */
export interface LsWidths {
  inode: number
  blocks: number
  links: number
  owner: number
  group: number
  size: number
}

/** The widths `-ls` starts with. */
export const lsWidths = (): LsWidths => ({ inode: 9, blocks: 6, links: 3, owner: 8, group: 8, size: 8 })

/** `-ls` quoting: backslash escapes for blanks, quotes and control bytes. */
const lsName = (name: string): string => {
  let out = ""
  for (const ch of name) {
    const c = ch.charCodeAt(0)
    if (ch === "\\") out += "\\\\"
    else if (ch === "\n") out += "\\n"
    else if (ch === "\b") out += "\\b"
    else if (ch === "\r") out += "\\r"
    else if (ch === "\t") out += "\\t"
    else if (ch === "\f") out += "\\f"
    else if (ch === " ") out += "\\ "
    else if (ch === '"') out += '\\"'
    else if (c > 0x20 && c < 0x7f) out += ch
    else if (c < 0x80) out += `\\${c.toString(8).padStart(3, "0")}`
    else for (const b of new TextEncoder().encode(ch)) out += `\\${b.toString(8).padStart(3, "0")}`
  }
  return out
}

const SIX_MONTHS = 6 * 30 * 24 * 60 * 60 * 1000

/** One `-ls` line (with its newline). `now` decides between a time and a year. */
export const lsLine = (
  e: Entry,
  st: FileStat,
  links: number,
  target: string | undefined,
  now: number,
  w: LsWidths,
): string => {
  const field = (text: string, key: keyof LsWidths, left = false) => {
    if (text.length > w[key]) w[key] = text.length
    return left ? text.padEnd(w[key]) : text.padStart(w[key])
  }
  const recent = now - SIX_MONTHS <= st.mtime && st.mtime <= now + 3600 * 1000
  const when = strftime(recent ? "%b %e %H:%M" : "%b %e  %Y", st.mtime)
  const name = lsName(e.path) + (st.type === "symlink" && target !== undefined ? ` -> ${lsName(target)}` : "")
  return (
    `${field(String(inodeOf(e.abs)), "inode")} ${field(String(kibBlocks(st)), "blocks")} ${modeString(st.type, st.mode)} ` +
    `${field(String(links), "links")} ${field(OWNER.user, "owner", true)} ${field(OWNER.group, "group", true)} ` +
    `${field(String(sizeOf(st)), "size")} ${when} ${name}\n`
  )
}
