import { Effect } from "effect"
import { concat, type BrokenPipe, type Input, type InputError } from "../../Io.ts"
import type { Sink } from "../shared/Sink.ts"

/**
 * Searching one input and printing as ripgrep's standard printer does
 * when stdout is not a terminal: `path:line:text` for matches, `path-line-text`
 * for context, `--` between groups, `-o`, `-r`, `-c`, `-l`, headings, and
 * ripgrep's handling of binary data (skip quietly, or say "binary file
 * matches").
 */

/** How to search and print. */
export interface SearchOptions {
  readonly regex: RegExp
  readonly invert: boolean
  readonly mode: "lines" | "count" | "countMatches" | "files" | "filesWithout" | "quiet"
  readonly onlyMatching: boolean
  readonly replace: string | undefined
  readonly lineNumber: boolean
  readonly column: boolean
  readonly byteOffset: boolean
  readonly vimgrep: boolean
  readonly heading: boolean
  /** `-0`: a NUL after the path instead of `:`. */
  readonly nullSep: boolean
  readonly before: number
  readonly after: number
  readonly maxCount: number | undefined
}

/** State shared by all files of one run. */
export interface Printer {
  readonly sink: Sink
  readonly o: SearchOptions
  /** Whether anything was printed yet (for `--` and heading blank lines). */
  printedGroup: boolean
  printedFile: boolean
}

/** How binary data is treated: stop quietly, report it, or search it as text. */
export type Binary = "quit" | "convert" | "text"

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** Search `input`; gives whether it matched. `path` is undefined when names are not shown. */
export const searchInput = (
  input: Input,
  path: string | undefined,
  binary: Binary,
  p: Printer,
): Effect.Effect<boolean, InputError | BrokenPipe> =>
  Effect.gen(function* () {
    const { o, sink } = p
    const printsLines = o.mode === "lines"
    let lineNo = 0
    let offset = 0
    let matchedLines = 0
    let matches = 0
    let nulAt = -1
    let afterLeft = 0
    let lastPrinted = 0
    const before: Array<{ readonly bytes: Uint8Array; readonly no: number; readonly at: number }> = []
    let headed = false
    let done = false
    let skipped = false

    const prefix = (no: number, sep: string, at: number, col?: number) => {
      if (o.heading && path !== undefined && !headed) {
        if (p.printedFile) sink.byte(10)
        sink.text(path)
        sink.byte(10)
        headed = true
      }
      if (path !== undefined && !o.heading) {
        sink.text(path)
        if (o.nullSep) sink.byte(0)
        else sink.text(sep)
      }
      if (o.lineNumber) sink.text(`${no}${sep}`)
      if (col !== undefined) sink.text(`${col}${sep}`)
      if (o.byteOffset) sink.text(`${at}${sep}`)
    }
    const groupStart = (no: number) => {
      if ((o.before > 0 || o.after > 0) && p.printedGroup && (lastPrinted === 0 || no > lastPrinted + 1))
        sink.text("--\n")
    }
    const context = (bytes: Uint8Array, no: number, at: number) => {
      groupStart(no)
      prefix(no, "-", at)
      sink.push(bytes)
      sink.byte(10)
      lastPrinted = no
      p.printedGroup = true
    }
    const matchesOf = (text: string) => {
      o.regex.lastIndex = 0
      return [...text.matchAll(o.regex)].filter((m) => m[0] !== "" || !o.onlyMatching)
    }
    const byteIndex = (text: string, index: number) => encoder.encode(text.slice(0, index)).length

    const onLine = (bytes: Uint8Array, at: number): boolean => {
      lineNo++
      const text = decoder.decode(bytes)
      o.regex.lastIndex = 0
      const hit = o.regex.test(text) !== o.invert
      if (!hit) {
        if (afterLeft > 0) {
          afterLeft--
          context(bytes, lineNo, at)
        } else if (o.before > 0 && printsLines) {
          before.push({ bytes, no: lineNo, at })
          if (before.length > o.before) before.shift()
        }
        return !(o.maxCount !== undefined && matchedLines >= o.maxCount && afterLeft === 0)
      }
      if (o.maxCount !== undefined && matchedLines >= o.maxCount) return false
      matchedLines++
      if (o.mode === "countMatches") matches += o.invert ? 1 : matchesOf(text).length
      if (o.mode === "quiet" || o.mode === "files" || o.mode === "filesWithout") return false
      if (!printsLines) return true
      if (nulAt !== -1 && binary === "convert") {
        const where = `binary file matches (found "\\0" byte around offset ${nulAt})\n`
        if (path !== undefined) sink.text(`${path}: `)
        sink.text(where)
        return false
      }
      for (const b of before) context(b.bytes, b.no, b.at)
      before.length = 0
      groupStart(lineNo)
      const found = o.invert ? [] : matchesOf(text)
      if (o.vimgrep && !o.invert) {
        for (const m of found) {
          prefix(lineNo, ":", at, byteIndex(text, m.index) + 1)
          sink.push(bytes)
          sink.byte(10)
        }
      } else if (o.onlyMatching && !o.invert) {
        for (const m of found) {
          const col = o.column ? byteIndex(text, m.index) + 1 : undefined
          prefix(lineNo, ":", at + byteIndex(text, m.index), col)
          sink.text(o.replace === undefined ? m[0] : expand(o.replace, m))
          sink.byte(10)
        }
      } else {
        const col = o.column ? (found.length > 0 ? byteIndex(text, found[0].index) + 1 : 1) : undefined
        prefix(lineNo, ":", at, col)
        if (o.replace !== undefined && !o.invert) {
          let last = 0
          let out = ""
          for (const m of found) {
            out += text.slice(last, m.index) + expand(o.replace, m)
            last = m.index + m[0].length
          }
          sink.text(out + text.slice(last))
        } else sink.push(bytes)
        sink.byte(10)
      }
      lastPrinted = lineNo
      p.printedGroup = true
      afterLeft = o.after
      return true
    }

    let carry: Array<Uint8Array> = []
    let carryStart = 0
    while (!done) {
      const chunk = yield* input.read
      if (chunk === null) break
      const base = offset
      offset += chunk.length
      const nul = binary === "text" ? -1 : chunk.indexOf(0)
      if (nul !== -1 && nulAt === -1) {
        nulAt = base + nul
        // Files found by walking are dropped at their first NUL byte, quietly.
        if (binary === "quit") {
          skipped = true
          break
        }
      }
      let start = 0
      while (start < chunk.length) {
        const nl = chunk.indexOf(10, start)
        if (nl === -1) {
          if (carry.length === 0) carryStart = base + start
          carry.push(chunk.subarray(start))
          break
        }
        let line: Uint8Array
        let at: number
        if (carry.length > 0) {
          carry.push(chunk.subarray(start, nl))
          line = concat(carry)
          at = carryStart
          carry = []
        } else {
          line = chunk.subarray(start, nl)
          at = base + start
        }
        start = nl + 1
        if (!onLine(line, at)) {
          done = true
          break
        }
      }
      yield* sink.flushIfFull
    }
    if (!done && carry.length > 0) onLine(concat(carry), carryStart)
    const matched = matchedLines > 0
    if (skipped) {
      yield* sink.flush
      return matched
    }
    const name = path ?? "<stdin>"
    if (o.mode === "files" && matched) sink.text(name + (o.nullSep ? "\0" : "\n"))
    if (o.mode === "filesWithout" && !matched) sink.text(name + (o.nullSep ? "\0" : "\n"))
    if ((o.mode === "count" || o.mode === "countMatches") && matched) {
      if (path !== undefined) sink.text(path + (o.nullSep ? "\0" : ":"))
      sink.text(`${o.mode === "count" ? matchedLines : matches}\n`)
    }
    if (headed) p.printedFile = true
    yield* sink.flush
    return matched
  })

/** ripgrep's replacement syntax: `$0`, `$1`, `${1}`, `$name`, `${name}`, `$$`. */
export const expand = (template: string, m: RegExpMatchArray): string =>
  template.replace(
    /\$(\$|\{([^}]*)\}|([0-9]+|[A-Za-z_][A-Za-z0-9_]*))/g,
    (whole, dollar: string, braced?: string, bare?: string) => {
      if (dollar === "$") return "$"
      const key = braced ?? bare ?? ""
      if (/^\d+$/.test(key)) return m[Number(key)] ?? ""
      return m.groups?.[key] ?? ""
    },
  )
