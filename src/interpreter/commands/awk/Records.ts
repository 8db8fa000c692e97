import { Effect } from "effect"
import type { Input, InputError } from "../../Io.ts"
import { decodeLatin1 as latin1 } from "../shared/Latin1.ts"
import type { Runtime } from "./Runtime.ts"
import { StrNum } from "./Values.ts"

/**
 * Records from an input, split by RS as gawk does: a newline (or any single
 * character) by plain search, "" for paragraphs (blank lines separate,
 * leading newlines are skipped), anything longer as a regex. Bytes are read
 * in chunks and decoded to latin1 text; a record is taken only once the
 * text holds its terminator or the input ended, so RS matches never depend
 * on where a chunk ended.
 */

/** The reader holds no complete record: `fill` must run first. */
export const NEED = 1

/** Records from one input, by the current RS. */
export class RecordReader {
  private buf = ""
  private pos = 0
  private eof = false
  private readonly input: Input

  constructor(input: Input) {
    this.input = input
  }

  /** Read one more chunk (or notice the end). */
  readonly fill: Effect.Effect<void, InputError> = Effect.suspend(() =>
    Effect.map(this.input.read, (chunk) => {
      if (chunk === null) {
        this.eof = true
        return
      }
      const text = latin1(chunk)
      this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text
      this.pos = 0
    }),
  )

  /** Whether everything was read and taken. */
  get done(): boolean {
    return this.eof && this.pos >= this.buf.length
  }

  /** The next record, NEED when more input is needed first, or undefined at the end. Sets RT. */
  next(rt: Runtime): string | typeof NEED | undefined {
    const rs = rt.rs
    if (rs.length === 1) return this.byChar(rt, rs)
    if (rs === "") return this.paragraph(rt)
    return this.byRegex(rt)
  }

  private byChar(rt: Runtime, rs: string): string | typeof NEED | undefined {
    const buf = this.buf
    const i = buf.indexOf(rs, this.pos)
    if (i !== -1) {
      const rec = buf.slice(this.pos, i)
      this.pos = i + 1
      rt.RT = rs
      return rec
    }
    return this.rest(rt)
  }

  /** At the end of the text: the unterminated last record, or NEED/end. */
  private rest(rt: Runtime): string | typeof NEED | undefined {
    if (!this.eof) return NEED
    if (this.pos >= this.buf.length) return undefined
    const rec = this.buf.slice(this.pos)
    this.pos = this.buf.length
    rt.RT = ""
    return rec
  }

  private paragraph(rt: Runtime): string | typeof NEED | undefined {
    const buf = this.buf
    let start = this.pos
    while (start < buf.length && buf.charCodeAt(start) === 10) start++
    if (start >= buf.length) {
      if (!this.eof) return NEED
      this.pos = buf.length
      return undefined
    }
    const re = /\n\n+/g
    re.lastIndex = start
    const m = re.exec(buf)
    if (m !== null && (m.index + m[0].length < buf.length || this.eof)) {
      this.pos = m.index + m[0].length
      rt.RT = m[0]
      return buf.slice(start, m.index)
    }
    if (!this.eof) return NEED
    this.pos = buf.length
    let end = buf.length
    let trailing = ""
    if (buf.charCodeAt(end - 1) === 10) {
      end--
      trailing = "\n"
    }
    rt.RT = trailing
    return buf.slice(start, end)
  }

  private byRegex(rt: Runtime): string | typeof NEED | undefined {
    const buf = this.buf
    const find = rt.regex(rt.rs).find
    let from = this.pos
    for (;;) {
      const m = find(buf, from)
      if (m === null) return this.rest(rt)
      const end = m.index + m[0].length
      if (end === m.index) {
        // An empty match separates nothing; look further.
        from = m.index + 1
        if (from > buf.length) return this.rest(rt)
        continue
      }
      // A match touching the end of the text might grow with more input.
      if (end >= buf.length && !this.eof) return NEED
      const rec = buf.slice(this.pos, m.index)
      this.pos = end
      rt.RT = new StrNum(m[0])
      return rec
    }
  }
}
