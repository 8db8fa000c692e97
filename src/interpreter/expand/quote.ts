/**
 * Quoting text back into shell source, the ways bash prints it: `${x@Q}`,
 * `set -x` traces and `declare -p`.
 */

const needsAnsiC = /[\x00-\x08\x0a-\x1f\x7f]/

const ansiC = (s: string): string =>
  "$'" +
  s.replace(/[\\'\x00-\x1f\x7f]/g, (c) => {
    switch (c) {
      case "\\":
        return "\\\\"
      case "'":
        return "\\'"
      case "\n":
        return "\\n"
      case "\t":
        return "\\t"
      case "\r":
        return "\\r"
      case "\x1b":
        return "\\E"
      case "\x07":
        return "\\a"
      case "\b":
        return "\\b"
      case "\f":
        return "\\f"
      case "\v":
        return "\\v"
      default:
        return "\\" + c.charCodeAt(0).toString(8).padStart(3, "0")
    }
  }) +
  "'"

/** `${x@Q}`: always quoted, single quotes unless control characters need `$'...'`. */
export const quoteForReuse = (s: string): string =>
  needsAnsiC.test(s) ? ansiC(s) : "'" + s.replaceAll("'", "'\\''") + "'"

const plain = /^[A-Za-z0-9_@%+=:,./-]+$/

/** Quote only when needed, as `set -x` prints words. */
export const quoteIfNeeded = (s: string): string => {
  if (s === "") return "''"
  if (plain.test(s)) return s
  if (/[\x00-\x08\x0a-\x1f\x7f]/.test(s)) return ansiC(s)
  return "'" + s.replaceAll("'", "'\\''") + "'"
}

/** A value as `declare -p` prints it: double-quoted with `\ " $ `` escaped, or `$'...'`. */
export const quoteDeclare = (s: string): string =>
  needsAnsiC.test(s) ? ansiC(s) : '"' + s.replace(/[\\"$`]/g, (c) => "\\" + c) + '"'
