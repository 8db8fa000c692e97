/**
 * Splitting xargs' input into items, fed chunk by chunk: blank-separated
 * words with quotes and backslashes (the default), whole lines (`-I`), or
 * fields ending in a delimiter (`-0`, `-d`), which are taken as they are.
 * Text is latin1 (one code unit per byte).
 */

/** What the reader gives: an item, the end of a logical line, or a quoting error. */
export type Token =
  | { readonly _tag: "Item"; readonly text: string }
  | { readonly _tag: "EndOfLine" }
  | { readonly _tag: "Error"; readonly message: string }

/** How items are read. */
export type Mode =
  { readonly _tag: "Words" } | { readonly _tag: "Lines" } | { readonly _tag: "Delimited"; readonly delimiter: number }

const blank = (c: number) => c === 32 || c === 9

/** An incremental tokenizer: `feed` text, then `end` once. */
export const makeTokenizer = (mode: Mode) => {
  let item = ""
  let started = false
  let quote = 0
  let escaped = false
  /** The last item ended in a blank before the newline: the line goes on (`-L`). */
  let trailingBlank = false
  let lineHasItems = false

  const feed = (text: string, out: Array<Token>): void => {
    if (mode._tag === "Delimited") {
      let start = 0
      const d = String.fromCharCode(mode.delimiter)
      for (;;) {
        const i = text.indexOf(d, start)
        if (i === -1) {
          item += text.slice(start)
          return
        }
        out.push({ _tag: "Item", text: item + text.slice(start, i) })
        item = ""
        start = i + 1
      }
    }
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k)
      if (escaped) {
        escaped = false
        item += text[k]
        started = true
        continue
      }
      if (quote !== 0) {
        if (c === quote) quote = 0
        else if (c === 10) {
          out.push({ _tag: "Error", message: unmatched(quote) })
          return
        } else item += text[k]
        continue
      }
      if (c === 10) {
        if (mode._tag === "Lines") {
          if (started || item !== "") out.push({ _tag: "Item", text: item })
          if (started || item !== "") out.push({ _tag: "EndOfLine" })
        } else {
          if (started) {
            out.push({ _tag: "Item", text: item })
            lineHasItems = true
            trailingBlank = false
          }
          if (lineHasItems && !trailingBlank) {
            out.push({ _tag: "EndOfLine" })
            lineHasItems = false
          }
        }
        item = ""
        started = false
        trailingBlank = false
        continue
      }
      if (blank(c)) {
        if (mode._tag === "Lines") {
          // Leading blanks of a line are dropped; the others are part of it.
          if (started) item += text[k]
          continue
        }
        if (started) {
          out.push({ _tag: "Item", text: item })
          lineHasItems = true
          item = ""
          started = false
        }
        trailingBlank = true
        continue
      }
      trailingBlank = false
      started = true
      if (c === 39 || c === 34) quote = c
      else if (c === 92) escaped = true
      else item += text[k]
    }
  }

  const end = (out: Array<Token>): void => {
    if (mode._tag === "Delimited") {
      if (item !== "") out.push({ _tag: "Item", text: item })
      item = ""
      return
    }
    if (quote !== 0) {
      out.push({ _tag: "Error", message: unmatched(quote) })
      return
    }
    if (started) out.push({ _tag: "Item", text: item })
    if (started || lineHasItems) out.push({ _tag: "EndOfLine" })
    item = ""
    started = false
  }

  return { feed, end }
}

const unmatched = (quote: number) =>
  `unmatched ${quote === 39 ? "single" : "double"} quote; by default quotes are special to xargs unless you use the -0 option`

/** A `-d` argument: one character, or an escape (`\n`, `\t`, `\0`, `\x41`, `\101`); undefined when invalid. */
export const parseDelimiter = (spec: string): number | undefined => {
  if (spec.length === 1) return spec.charCodeAt(0)
  if (!spec.startsWith("\\")) return undefined
  const rest = spec.slice(1)
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 }
  if (rest.length === 1 && simple[rest] !== undefined) return simple[rest]
  if (/^x[0-9a-fA-F]{1,2}$/.test(rest)) return parseInt(rest.slice(1), 16)
  if (/^[0-7]{1,3}$/.test(rest) && parseInt(rest, 8) < 256) return parseInt(rest, 8)
  return undefined
}
