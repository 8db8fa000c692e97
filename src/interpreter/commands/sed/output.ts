import { decodeLatin1, encodeLatin1 } from "../shared/Latin1.ts"

/**
 * Where sed writes: standard output, a file being edited in place, a `w`
 * file. Each remembers whether the last line it got lacked its newline, so
 * the next write supplies it first (GNU's `missing_newline`).
 */
export interface Out {
  missingNewline: boolean
  /** Text whose code units are bytes. */
  readonly write: (s: string) => void
  readonly writeBytes: (b: Uint8Array) => void
}

/** An output held in memory until drained to where it goes (stdout, a `w` file, a file edited in place). */
export interface BufferOut extends Out {
  /** Bytes written since the last drain. */
  readonly size: () => number
  /** Take what was written, as bytes. */
  readonly drain: () => Uint8Array
}

/** A fresh in-memory output. Pieces are joined and encoded when drained: cheaper than copying each into a byte buffer. */
export const bufferOut = (): BufferOut => {
  let parts: Array<string> = []
  let size = 0
  return {
    missingNewline: false,
    write: (s) => {
      if (s.length === 0) return
      parts.push(s)
      size += s.length
    },
    writeBytes: (b) => {
      if (b.length === 0) return
      parts.push(decodeLatin1(b))
      size += b.length
    },
    size: () => size,
    drain: () => {
      const bytes = encodeLatin1(parts.length === 1 ? parts[0] : parts.join(""))
      parts = []
      size = 0
      return bytes
    },
  }
}

/** Write a line: the missing newline of the previous one, the text, and a delimiter unless `nl` is false. */
export const outputLine = (out: Out, text: string, nl: boolean, delim: string): void => {
  if (out.missingNewline) {
    out.write(delim)
    out.missingNewline = false
  }
  if (nl) out.write(text + delim)
  else {
    out.write(text)
    out.missingNewline = true
  }
}

const ESCAPES: Readonly<Record<number, string>> = {
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
}

/**
 * The `l` command's rendering of `text`: C escapes, octal for other
 * unprintable bytes, `$` at the end, lines wrapped with `\` before
 * `width` columns (0 or less: no wrapping).
 */
export const listLine = (text: string, width: number, delim: string): string => {
  let out = ""
  let column = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    let o: string
    if (c >= 32 && c < 127) o = c === 92 ? "\\\\" : text[i]
    else o = ESCAPES[c] ?? `\\${(c >> 6).toString()}${((c >> 3) & 7).toString()}${(c & 7).toString()}`
    if (width > 0 && width - o.length <= column) {
      out += `\\${delim}`
      column = 0
    }
    out += o
    column += o.length
  }
  return `${out}$${delim}`
}
