import * as Pattern from "./pattern.ts"

/**
 * Builds the fields of one word as its parts expand, applying IFS splitting
 * to unquoted expansion results and keeping, beside each field's literal
 * text, a glob pattern in which quoted characters are escaped.
 */
export interface Field {
  /** The text after quote removal. */
  readonly text: string
  /** The same text as a pattern: quoted characters backslash-escaped. */
  readonly pattern: string
  /** True when an unquoted glob character survives in `pattern`. */
  readonly glob: boolean
}

export class FieldBuilder {
  private readonly out: Array<Field> = []
  private text = ""
  private pattern = ""
  private glob = false
  private present = false
  private wsEnded = false
  private readonly ifsWs: string
  private readonly ifsOther: string

  /**
   * `ifs` null disables splitting (assignment values, `[[ ]]` operands,
   * patterns). `escape` quotes literal text inside `pattern` (glob escaping by
   * default; regex escaping for `=~`).
   */
  constructor(ifs: string | null, escape: (text: string) => string = Pattern.escape) {
    this.escape = escape
    if (ifs === null) {
      this.ifsWs = ""
      this.ifsOther = ""
      this.split = false
    } else {
      let ws = ""
      let other = ""
      for (const c of ifs) {
        if (c === " " || c === "\t" || c === "\n") ws += c
        else other += c
      }
      this.ifsWs = ws
      this.ifsOther = other
      this.split = ifs.length > 0
    }
  }

  private readonly split: boolean
  private readonly escape: (text: string) => string

  /** Quoted text: literal, never split, never a glob. */
  quoted(text: string): void {
    this.present = true
    this.wsEnded = false
    if (text.length === 0) return
    this.text += text
    this.pattern += this.escape(text)
  }

  /** Mark the field as present even if empty (`""`). */
  touch(): void {
    this.present = true
    this.wsEnded = false
  }

  /** Unquoted source text: glob characters live, not split. */
  literal(text: string): void {
    if (text.length === 0) return
    this.present = true
    this.wsEnded = false
    this.text += text
    this.pattern += text
    if (!this.glob && Pattern.hasGlobChars(text)) this.glob = true
  }

  /** The result of an expansion; unquoted results are split on IFS and their glob characters are live. */
  expanded(text: string, quoted: boolean): void {
    if (quoted) return this.quoted(text)
    if (!this.split) {
      this.appendUnquotedChars(text)
      return
    }
    let start = 0
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!
      const ws = this.ifsWs.includes(c)
      if (!ws && !this.ifsOther.includes(c)) continue
      if (i > start) this.appendUnquotedChars(text.slice(start, i))
      start = i + 1
      if (ws) {
        if (this.present) {
          this.end()
          this.wsEnded = true
        }
      } else {
        if (this.present) this.end()
        else if (!this.wsEnded) this.out.push({ text: "", pattern: "", glob: false })
        this.wsEnded = false
      }
    }
    if (start < text.length) this.appendUnquotedChars(text.slice(start))
  }

  private appendUnquotedChars(text: string): void {
    this.present = true
    this.wsEnded = false
    this.text += text
    // an unquoted expansion result: glob characters are live and a backslash
    // quotes the next one, as bash 5.2 matches patterns
    this.pattern += text
    if (!this.glob && Pattern.hasGlobChars(text)) this.glob = true
  }

  /** A field break that keeps nothing empty (between the elements of unquoted `$@`). */
  softBoundary(): void {
    if (this.present) this.end()
  }

  /** A field break between the elements of `"$@"`: each element is a field, even empty. */
  hardBoundary(): void {
    this.present = true
    this.end()
  }

  private end(): void {
    this.out.push({ text: this.text, pattern: this.pattern, glob: this.glob })
    this.text = ""
    this.pattern = ""
    this.glob = false
    this.present = false
  }

  finish(): Array<Field> {
    if (this.present) this.end()
    return this.out
  }

  /** For non-splitting uses: everything as one field (empty when nothing). */
  finishOne(): Field {
    const fields = this.finish()
    if (fields.length <= 1) return fields[0] ?? { text: "", pattern: "", glob: false }
    return {
      text: fields.map((f) => f.text).join(" "),
      pattern: fields.map((f) => f.pattern).join(" "),
      glob: fields.some((f) => f.glob),
    }
  }
}
