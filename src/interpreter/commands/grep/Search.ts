import { concat } from "../../Io.ts"
import { countByte } from "../shared/ByteCount.ts"
import type { Matcher } from "../shared/GrepMatcher.ts"
import { latin1 } from "../shared/Lines.ts"
import type { Sink } from "../shared/Sink.ts"

/**
 * grep's search of one input, fed chunk by chunk. Built once per grep run
 * and reset per file, with plain functions and no Effect inside, so that a
 * recursive search over thousands of small files pays only for what each
 * file holds: no closures, generators or stream readers per file.
 */

/** What the search needs from grep's options. */
export interface SearchOptions {
  readonly matcher: Matcher
  readonly eol: number
  readonly invert: boolean
  readonly maxCount: number
  readonly before: number
  readonly after: number
  /** -A, -B or -C was given: groups of lines get separators. */
  readonly contextGiven: boolean
  readonly groupSeparator: string | undefined
  readonly noGroupSeparator: boolean
  readonly withFilename: boolean
  /** -Z: a NUL after file names. */
  readonly nullAfterName: boolean
  readonly lineNumber: boolean
  readonly byteOffset: boolean
  readonly onlyMatching: boolean
  readonly count: boolean
  readonly quiet: boolean
  readonly filesWithMatches: boolean
  readonly filesWithoutMatch: boolean
  readonly binaryMode: "binary" | "text" | "without-match"
  /** -z: NUL ends lines, and NUL bytes do not make a file binary. */
  readonly nullData: boolean
}

/** What a whole grep run shares across its inputs. */
export interface SearchState {
  anySelected: boolean
  errors: boolean
  /** Something was printed: later context groups get a separator. */
  used: boolean
  /** `-q` found a line: stop everything. */
  done: boolean
}

/** The search, one input at a time: `begin`, `feed` each chunk, `end` (unless stopped), `finish`. */
export interface Searcher {
  readonly begin: (name: string) => void
  /** Search a chunk; false when the input need not be read further. */
  readonly feed: (chunk: Uint8Array) => boolean
  /** The bytes after the last line read, when `feed` stopped (for the next reader of a shared stdin). */
  readonly leftover: () => Uint8Array | undefined
  /** The input ended: search a last line without its delimiter. */
  readonly end: () => void
  /** Write the per-file summary (-c, -l, -L); true when a binary file matched (grep then says so). */
  readonly finish: () => boolean
}

interface Held {
  readonly bytes: Uint8Array
  readonly lineNo: number
  readonly offset: number
}

/** A searcher writing to `sink`. */
export const makeSearcher = (o: SearchOptions, sink: Sink, state: SearchState): Searcher => {
  const listOnly = o.filesWithMatches || o.filesWithoutMatch
  const eol = o.eol
  // the current input
  let name = ""
  let selected = 0
  let lineNo = 0
  let offset = 0
  let binary = false
  let binaryMatched = false
  let afterLeft = 0
  let lastPrinted = 0
  let stopped = false
  let carry: Uint8Array | undefined
  let rest: Uint8Array | undefined
  const held: Array<Held> = []

  const prefix = (sep: string, n: number, at: number) => {
    if (o.withFilename) {
      sink.text(name)
      if (o.nullAfterName) sink.byte(0)
      else sink.text(sep)
    }
    if (o.lineNumber) sink.text(`${n}${sep}`)
    if (o.byteOffset) sink.text(`${at}${sep}`)
  }

  const emit = (bytes: Uint8Array, start: number, end: number, n: number, at: number, sep: string) => {
    // A group separator before a group that does not continue the last one (in any file).
    if (o.contextGiven && state.used && !o.noGroupSeparator && (lastPrinted === 0 || n > lastPrinted + 1)) {
      sink.text(`${o.groupSeparator ?? "--"}\n`)
    }
    prefix(sep, n, at)
    sink.pushRange(bytes, start, end)
    sink.byte(eol)
    lastPrinted = n
    state.used = true
  }

  /** One line `buf[s, e)`, `text` its latin1 form. Returns false to stop reading. */
  const line = (buf: Uint8Array, s: number, e: number, text: string): boolean => {
    lineNo++
    const at = offset
    offset += e - s + 1
    if (selected >= o.maxCount) {
      // Past -m: only trailing context remains.
      if (afterLeft > 0 && !listOnly && !o.count && !o.quiet && !o.onlyMatching) {
        afterLeft--
        emit(buf, s, e, lineNo, at, "-")
        return afterLeft > 0
      }
      return false
    }
    const hit = o.matcher.test(text) !== o.invert
    if (!hit) {
      if (listOnly || o.count || o.quiet) return true
      if (afterLeft > 0) {
        afterLeft--
        if (!o.onlyMatching) emit(buf, s, e, lineNo, at, "-")
      } else if (o.before > 0) {
        held.push({ bytes: buf.slice(s, e), lineNo, offset: at })
        if (held.length > o.before) held.shift()
      }
      return true
    }
    selected++
    state.anySelected = true
    if (o.quiet) {
      state.done = true
      return false
    }
    if (listOnly) return false
    if (o.count) return selected < o.maxCount
    if (binary) {
      binaryMatched = true
      return false
    }
    if (!o.onlyMatching) for (const h of held) emit(h.bytes, 0, h.bytes.length, h.lineNo, h.offset, "-")
    held.length = 0
    if (o.onlyMatching) {
      if (!o.invert) {
        let from = 0
        while (from <= text.length) {
          const m = o.matcher.next(text, from)
          if (m === undefined) break
          if (m.end === m.start) {
            from = m.start + 1
            continue
          }
          prefix(":", lineNo, at + m.start)
          sink.pushRange(buf, s + m.start, s + m.end)
          sink.byte(eol)
          state.used = true
          from = m.end
        }
      }
    } else emit(buf, s, e, lineNo, at, ":")
    afterLeft = o.after
    return selected < o.maxCount || afterLeft > 0
  }

  /**
   * Whether lines can be skipped to the next match found in the whole chunk's
   * text: newline-ended lines (the text's anchors see the same line ends), and
   * no output that needs every line (-v, context).
   */
  const scanning = eol === 10 && !o.invert && !o.contextGiven

  /** Lines `buf[from, to)` that hold no match: only their count and bytes matter. */
  const skip = (buf: Uint8Array, from: number, to: number) => {
    if (to <= from) return
    if (o.lineNumber) lineNo += countByte(buf.subarray(from, to), eol)
    offset += to - from
  }

  const feed = (chunk: Uint8Array): boolean => {
    if (stopped || state.done) return false
    if (!binary && o.binaryMode !== "text" && !o.nullData && chunk.includes(0)) {
      binary = true
      if (o.binaryMode === "without-match") {
        selected = 0
        stopped = true
        return false
      }
    }
    let buf = chunk
    if (carry !== undefined) {
      // Only the line that straddles the chunks is joined; the rest of the chunk is searched in place.
      const first = chunk.indexOf(eol)
      if (first === -1) {
        carry = concat([carry, chunk])
        return true
      }
      const joined = concat([carry, chunk.subarray(0, first)])
      carry = undefined
      if (!line(joined, 0, joined.length, latin1(joined))) {
        stopped = true
        if (first + 1 < chunk.length) rest = chunk.subarray(first + 1)
        return false
      }
      if (state.done) return false
      buf = chunk.subarray(first + 1)
    }
    const last = buf.lastIndexOf(eol)
    if (last === -1) {
      carry = buf.length > 0 ? buf.slice() : undefined
      return true
    }
    const text = latin1(buf, 0, last)
    let s = 0
    while (s <= last) {
      let e: number
      if (scanning) {
        // Jump to the line where the next match starts; the lines before it have none.
        const p = o.matcher.scan(text, s)
        if (p === -1) {
          skip(buf, s, last + 1)
          break
        }
        const ls = p === s ? s : Math.max(s, text.lastIndexOf("\n", p - 1) + 1)
        skip(buf, s, ls)
        s = ls
        e = buf.indexOf(eol, p)
      } else e = buf.indexOf(eol, s)
      if (!line(buf, s, e, text.slice(s, e))) {
        stopped = true
        if (e + 1 < buf.length) rest = buf.subarray(e + 1)
        return false
      }
      s = e + 1
    }
    carry = last + 1 < buf.length ? buf.slice(last + 1) : undefined
    return !state.done
  }

  return {
    begin: (n) => {
      name = n
      selected = 0
      lineNo = 0
      offset = 0
      binary = false
      binaryMatched = false
      afterLeft = 0
      lastPrinted = 0
      stopped = false
      carry = undefined
      rest = undefined
      held.length = 0
    },
    feed,
    leftover: () => rest,
    end: () => {
      if (!stopped && carry !== undefined && carry.length > 0) line(carry, 0, carry.length, latin1(carry))
      carry = undefined
    },
    finish: () => {
      if (o.count) {
        if (o.withFilename) {
          sink.text(name)
          if (o.nullAfterName) sink.byte(0)
          else sink.text(":")
        }
        sink.text(`${selected}\n`)
      }
      if ((o.filesWithMatches && selected > 0) || (o.filesWithoutMatch && selected === 0)) {
        sink.text(name)
        sink.byte(o.nullAfterName ? 0 : 10)
      }
      return binaryMatched
    },
  }
}
