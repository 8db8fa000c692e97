/**
 * Backslash escapes as bash expands them, to bytes.
 *
 * Three dialects: `echo -e`, the `printf` format string, and printf's `%b`
 * argument. They differ in octal forms (`\0nnn` vs `\nnn`), in `\c` (stop
 * all output, or literal in a format) and in `\'` `\"` `\?` (format only).
 * `\u`/`\U` produce UTF-8 (bash in a C locale prints them unconverted; UTF-8
 * is what a script writing them wants).
 */

/** Which escape rules apply. */
export type Dialect = "echo" | "format" | "b"

/** Expanded bytes; `stop` when `\c` ended all output; `errors` as bash words them. */
export interface Expanded {
  readonly bytes: Array<number>
  readonly stop: boolean
  readonly errors: ReadonlyArray<string>
}

const SIMPLE: Record<string, number> = { a: 7, b: 8, e: 27, E: 27, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 }

const isOctal = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7"
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c)

const encoder = new TextEncoder()

/** Append a string's UTF-8 bytes. */
export const pushText = (out: Array<number>, s: string): void => {
  for (const b of encoder.encode(s)) out.push(b)
}

/** Append one code point as UTF-8. */
const pushCodePoint = (out: Array<number>, cp: number): void => {
  if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd
  pushText(out, String.fromCodePoint(cp))
}

/**
 * Expand the escape starting at `s[i]` (a backslash) into `out`. Returns the
 * index after it; `stop` for `\c` where it ends output; `error` as bash words it.
 */
export const escapeAt = (
  s: string,
  i: number,
  dialect: Dialect,
  out: Array<number>,
): { readonly next: number; readonly stop: boolean; readonly error?: string } => {
  if (i + 1 >= s.length) {
    out.push(92)
    return { next: i + 1, stop: false }
  }
  const c = s[i + 1]
  let j = i + 2
  if (c in SIMPLE) out.push(SIMPLE[c])
  else if (c === "c" && dialect !== "format") return { next: j, stop: true }
  else if (dialect === "format" && (c === "'" || c === '"' || c === "?")) out.push(c.charCodeAt(0))
  else if (isOctal(c) && (dialect === "format" || c === "0" || dialect === "b")) {
    // `\0nnn` (echo, %b) reads up to three digits after the 0; `\nnn` up to three in all.
    const max = c === "0" && dialect !== "format" ? 4 : 3
    let value = 0
    j = i + 1
    while (j < s.length && j - (i + 1) < max && isOctal(s[j])) value = value * 8 + Number(s[j++])
    out.push(value & 0xff)
  } else if (c === "x" && isHex(s[i + 2])) {
    let value = 0
    while (j < s.length && j - (i + 2) < 2 && isHex(s[j])) value = value * 16 + parseInt(s[j++], 16)
    out.push(value)
  } else if ((c === "u" || c === "U") && isHex(s[i + 2])) {
    const max = c === "u" ? 4 : 8
    let value = 0
    while (j < s.length && j - (i + 2) < max && isHex(s[j])) value = value * 16 + parseInt(s[j++], 16)
    pushCodePoint(out, value)
  } else {
    out.push(92)
    pushText(out, c)
    if (dialect !== "echo" && c === "x") return { next: j, stop: false, error: "missing hex digit for \\x" }
    if (dialect !== "echo" && (c === "u" || c === "U")) {
      return { next: j, stop: false, error: `missing unicode digit for \\${c}` }
    }
  }
  return { next: j, stop: false }
}

/** Expand escapes of `s` in `dialect`, appending to `out` (a fresh array by default). */
export const expandEscapes = (s: string, dialect: Dialect, out: Array<number> = []): Expanded => {
  const errors: Array<string> = []
  let i = 0
  let plainStart = 0
  while (i < s.length) {
    if (s[i] !== "\\") {
      i++
      continue
    }
    if (i > plainStart) pushText(out, s.slice(plainStart, i))
    const r = escapeAt(s, i, dialect, out)
    if (r.error !== undefined) errors.push(r.error)
    if (r.stop) return { bytes: out, stop: true, errors }
    i = plainStart = r.next
  }
  if (s.length > plainStart) pushText(out, s.slice(plainStart))
  return { bytes: out, stop: false, errors }
}
