/**
 * Where a stream of JSON texts may be cut so that each piece holds whole
 * values: after a newline that is outside any string, array or object. jq
 * runs each piece on its own, so a long JSONL stream goes through in bounded
 * memory. With raw input (`-R`) every newline is such a place.
 */

/** Scans bytes as they arrive and remembers the last safe cut. */
export interface Splitter {
  /**
   * Scan the next bytes of the stream; returns the offset in `bytes` just
   * after the last safe newline in them, or -1 when there is none.
   */
  readonly scan: (bytes: Uint8Array) => number
}

/** A splitter for JSON texts, or for lines when `raw`. */
export const makeSplitter = (raw: boolean): Splitter => {
  let depth = 0
  let inString = false
  let escaped = false
  return {
    scan: (bytes) => {
      if (raw) {
        const i = bytes.lastIndexOf(10)
        return i === -1 ? -1 : i + 1
      }
      let safe = -1
      for (let i = 0; i < bytes.length; i++) {
        const b = bytes[i]
        if (inString) {
          if (escaped) escaped = false
          else if (b === 92) escaped = true
          else if (b === 34) inString = false
          continue
        }
        if (b === 34) inString = true
        else if (b === 91 || b === 123) depth++
        else if (b === 93 || b === 125) {
          if (depth > 0) depth--
        } else if (b === 10 && depth === 0) safe = i + 1
      }
      return safe
    },
  }
}

/** Newlines in `bytes`. */
export const countLines = (bytes: Uint8Array): number => {
  let n = 0
  let i = bytes.indexOf(10)
  while (i !== -1) {
    n++
    i = bytes.indexOf(10, i + 1)
  }
  return n
}
