import type { Sink } from "../shared/Sink.ts"
import type { Layout } from "./args.ts"

/**
 * jq's output formats, rebuilt from compact output. The engine always runs
 * with `-c`, so each line of its stdout is one value, and every other format
 * (indentation, raw strings, `-j`, `--raw-output0`, `--seq`) is laid out here,
 * exactly as jq's `process()` and `jv_dump_term()` lay it out. (jq-wasm trims
 * its captured stdout, which would lose leading and trailing blanks of raw
 * strings.) Number literals keep their text: only whitespace is added.
 */

/** How outputs are printed. */
export interface Style {
  readonly layout: Layout
  readonly rawOutput: boolean
  readonly noNewline: boolean
  readonly nul: boolean
  readonly seq: boolean
  readonly ascii: boolean
}

/** What printing one batch of outputs found. */
export interface Printed {
  /** A raw string held a NUL under `--raw-output0`: jq stops that input with an error. */
  readonly nulError: boolean
}

const RS = "\u001e"

/** The end of the JSON string starting at `text[start]` (a quote): the index after its closing quote. */
const stringEnd = (text: string, start: number): number => {
  let i = start + 1
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 92) i += 2
    else if (c === 34) return i + 1
    else i++
  }
  return text.length
}

/** Indent compact JSON text as jq's pretty printer does. */
export const pretty = (compact: string, unit: string): string => {
  const parts: Array<string> = []
  let depth = 0
  let runStart = 0
  const newline = (d: number) => "\n" + unit.repeat(d)
  let i = 0
  while (i < compact.length) {
    const c = compact[i]
    if (c === '"') {
      i = stringEnd(compact, i)
      continue
    }
    if (c !== "[" && c !== "{" && c !== "]" && c !== "}" && c !== "," && c !== ":") {
      i++
      continue
    }
    parts.push(compact.slice(runStart, i))
    if (c === "[" || c === "{") {
      const close = c === "[" ? "]" : "}"
      if (compact[i + 1] === close) {
        parts.push(c + close)
        i += 2
      } else {
        depth++
        parts.push(c + newline(depth))
        i++
      }
    } else if (c === "]" || c === "}") {
      depth--
      parts.push(newline(depth) + c)
      i++
    } else if (c === ",") {
      parts.push("," + newline(depth))
      i++
    } else {
      parts.push(": ")
      i++
    }
    runStart = i
  }
  parts.push(compact.slice(runStart))
  return parts.join("")
}

/** A JSON string literal's value; undefined if it is not one. */
const parseString = (line: string): string | undefined => {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === "string" ? value : undefined
  } catch {
    return undefined
  }
}

const unitOf = (layout: Layout): string | undefined =>
  layout._tag === "Compact" ? undefined : layout._tag === "Tab" ? "\t" : " ".repeat(layout.width)

/** Print the values of one engine run (`stdout` as the engine gave it, with `-c`). */
export const printOutputs = (stdout: string, style: Style, sink: Sink): Printed => {
  const unit = unitOf(style.layout)
  let nulError = false
  let start = 0
  while (start < stdout.length) {
    let end = stdout.indexOf("\n", start)
    if (end === -1) end = stdout.length
    let line = stdout.slice(start, end)
    start = end + 1
    if (style.seq && line.startsWith(RS)) line = line.slice(1)
    if (line === "") continue
    if (style.rawOutput && line[0] === '"') {
      if (style.ascii) sink.text(line)
      else {
        const s = parseString(line) ?? line
        if (style.nul && s.includes("\u0000")) {
          nulError = true
          continue
        }
        sink.text(s)
      }
    } else {
      if (style.seq) sink.byte(0x1e)
      sink.text(unit === undefined ? line : pretty(line, unit))
    }
    if (!style.noNewline) sink.byte(10)
    if (style.nul) sink.byte(0)
  }
  return { nulError }
}
