import type { Kind } from "./magic.ts"

/**
 * Text classification as libmagic's `encoding.c` and `ascmagic.c` do it:
 * the character set, scripts by their `#!` line, JSON, HTML and XML, and
 * the line-terminator and long-line remarks.
 */

/** Bytes libmagic counts as text in ASCII: BEL..CR, ESC and the printable range. */
const isAsciiText = (c: number) => (c >= 7 && c <= 13) || c === 27 || (c >= 32 && c <= 126)

type Encoding = { readonly name: string; readonly charset: string; readonly bom: number }

/** Valid UTF-8 with only text characters below 0x80; undefined otherwise. */
const looksUtf8 = (b: Uint8Array, start: number): boolean => {
  let i = start
  let nonAscii = false
  while (i < b.length) {
    const c = b[i]
    if (c < 0x80) {
      if (!isAsciiText(c)) return false
      i++
      continue
    }
    let n: number
    if ((c & 0xe0) === 0xc0) n = 1
    else if ((c & 0xf0) === 0xe0) n = 2
    else if ((c & 0xf8) === 0xf0) n = 3
    else return false
    // A sequence cut by the end of what was read still counts.
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return true
      if ((b[i + k] & 0xc0) !== 0x80) return false
    }
    nonAscii = true
    i += n + 1
  }
  return nonAscii || start > 0
}

/** The character set of `b`, or undefined when it is not text. */
export const encodingOf = (b: Uint8Array): Encoding | undefined => {
  if (b.every(isAsciiText)) return { name: "ASCII", charset: "us-ascii", bom: 0 }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf && looksUtf8(b, 3))
    return { name: "Unicode text, UTF-8 (with BOM)", charset: "utf-8", bom: 3 }
  if (looksUtf8(b, 0)) return { name: "Unicode text, UTF-8", charset: "utf-8", bom: 0 }
  if (b.every((c) => isAsciiText(c) || c >= 0xa0)) return { name: "ISO-8859", charset: "iso-8859-1", bom: 0 }
  if (b.every((c) => isAsciiText(c) || c >= 0x80))
    return { name: "Non-ISO extended-ASCII", charset: "unknown-8bit", bom: 0 }
  return undefined
}

/** Lines longer than this are "very long" (libmagic's MAXLINELEN). */
const MAXLINELEN = 300

/** The remarks after "text": long lines, line terminators, escapes, overstriking. */
const remarks = (b: Uint8Array): string => {
  let crlf = 0
  let lf = 0
  let cr = 0
  let longest = 0
  let line = 0
  let escapes = false
  let backspace = false
  for (let i = 0; i < b.length; i++) {
    const c = b[i]
    if (c === 13 && b[i + 1] === 10) {
      crlf++
      i++
      longest = Math.max(longest, line)
      line = 0
    } else if (c === 10 || c === 13) {
      if (c === 10) lf++
      else cr++
      longest = Math.max(longest, line)
      line = 0
    } else {
      line++
      if (c === 27) escapes = true
      if (c === 8) backspace = true
    }
  }
  longest = Math.max(longest, line)
  let out = ""
  if (longest > MAXLINELEN) out += `, with very long lines (${longest})`
  if (crlf + lf + cr === 0) out += ", with no line terminators"
  else if (crlf > 0 || cr > 0) {
    const kinds = [crlf > 0 ? "CRLF" : "", cr > 0 ? "CR" : "", lf > 0 ? "LF" : ""].filter((k) => k !== "")
    out += `, with ${kinds.join(", ")} line terminators`
  }
  if (escapes) out += ", with escape sequences"
  if (backspace) out += ", with overstriking"
  return out
}

const SCRIPTS: Record<string, readonly [string, string]> = {
  sh: ["POSIX shell script", "text/x-shellscript"],
  bash: ["Bourne-Again shell script", "text/x-shellscript"],
  zsh: ["Paul Falstad's zsh script", "text/x-shellscript"],
  dash: ["POSIX shell script", "text/x-shellscript"],
  ksh: ["Korn shell script", "text/x-shellscript"],
  python: ["Python script", "text/x-script.python"],
  python3: ["Python script", "text/x-script.python"],
  python2: ["Python script", "text/x-script.python"],
  ruby: ["Ruby script", "text/x-ruby"],
  awk: ["awk script", "text/x-awk"],
  gawk: ["GNU awk script", "text/x-awk"],
  php: ["PHP script", "text/x-php"],
}

/** Describe text bytes in a known encoding (`b` is the start of the file). */
export const describeText = (b: Uint8Array, enc: Encoding): Kind => {
  const textPart = `${enc.name} text${remarks(b)}`
  const head = new TextDecoder("latin1").decode(b.subarray(enc.bom, Math.min(b.length, enc.bom + 512)))
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(head)
  if (shebang) {
    const interpreter = shebang[1].endsWith("/env") && shebang[2] !== undefined ? shebang[2] : shebang[1]
    const base = interpreter.slice(interpreter.lastIndexOf("/") + 1)
    if (base === "perl") return { text: "Perl script text executable", mime: "text/x-perl" }
    if (base === "node" || base === "nodejs")
      return { text: `Node.js script executable, ${textPart}`, mime: "application/javascript" }
    const known = SCRIPTS[base]
    if (known !== undefined) return { text: `${known[0]}, ${textPart} executable`, mime: known[1] }
    return { text: `a ${interpreter} script, ${textPart} executable`, mime: "text/plain" }
  }
  const trimmed = head.trimStart()
  if (trimmed.startsWith('<?xml version="1.0"')) {
    if (/<svg[\s>]/i.test(head)) return { text: "SVG Scalable Vector Graphics image", mime: "image/svg+xml" }
    return { text: `XML 1.0 document, ${textPart}`, mime: "text/xml" }
  }
  if (/^<svg[\s>]/i.test(trimmed)) return { text: "SVG Scalable Vector Graphics image", mime: "image/svg+xml" }
  if (/^<(!doctype html|html|head|body|title)[\s>]/i.test(trimmed))
    return { text: `HTML document, ${textPart}`, mime: "text/html" }
  if ((trimmed.startsWith("{") || trimmed.startsWith("[")) && isJson(b, enc))
    return { text: "JSON text data", mime: "application/json" }
  return { text: textPart, mime: "text/plain" }
}

/** Whether the bytes are one JSON object or array. */
const isJson = (b: Uint8Array, enc: Encoding): boolean => {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(b.subarray(enc.bom)))
    return typeof value === "object" && value !== null
  } catch {
    return false
  }
}
