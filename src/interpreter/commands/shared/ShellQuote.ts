/**
 * Bash's `printf %q` quoting (`sh_quote_reusable`): `''` for the empty
 * string, `$'...'` when a byte is not printable in the C locale, backslashes
 * before shell metacharacters otherwise.
 */

const encoder = new TextEncoder()
const BACKSLASHED = new Set(" \t\n!\"$&'()*,;<>?[\\]^`{|}")
const ANSI: Record<number, string> = {
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "E",
  39: "'",
  92: "\\",
}

/** Quote `s` for reuse as shell input, as `printf %q` does. */
export const shellQuote = (s: string): string => {
  if (s === "") return "''"
  const bytes = encoder.encode(s)
  if (bytes.some((b) => b < 32 || b >= 127)) {
    let out = "$'"
    for (const b of bytes) {
      const e = ANSI[b]
      if (e !== undefined) out += `\\${e}`
      else if (b < 32 || b >= 127) out += `\\${b.toString(8).padStart(3, "0")}`
      else out += String.fromCharCode(b)
    }
    return out + "'"
  }
  let out = ""
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    const prev = i === 0 ? "" : s[i - 1]
    if (BACKSLASHED.has(c) || (c === "#" && i === 0) || (c === "~" && (i === 0 || prev === ":" || prev === "=")))
      out += "\\"
    out += c
  }
  return out
}
