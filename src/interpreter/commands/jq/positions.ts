/**
 * Input positions in jq's messages. The engine reads each piece of input as
 * `/dev/stdin` from line 0, so its `(at /dev/stdin:N)` and `at line N` are
 * relative to the piece; these are mapped back to the file and line jq
 * would name when reading the whole stream (`(at data.json:3)`).
 */

/** One input file: its name in messages, and where its lines fall in the whole stream. */
export interface Segment {
  /** `<stdin>` for standard input. */
  readonly name: string
  /** Newlines of the stream before the file. */
  readonly start: number
  /** Newlines in the file read so far. */
  lines: number
}

/** `FILE:LINE` for a count of newlines `line` into the whole stream. */
const locate = (segments: ReadonlyArray<Segment>, line: number): string => {
  // A value ending a file is reported while that file is still current.
  const s = segments.find((seg) => seg.start <= line && line <= seg.start + seg.lines) ?? segments[segments.length - 1]
  return s === undefined ? `<stdin>:${line}` : `${s.name}:${line - s.start}`
}

/**
 * Rewrite the positions in the engine's stderr for a piece that started
 * `offset` newlines into the stream, and the line numbers of compile errors
 * shifted by `prefixLines` lines of program the command put before the
 * user's filter.
 */
export const rewriteMessages = (
  stderr: string,
  segments: ReadonlyArray<Segment>,
  offset: number,
  prefixLines: number,
): string =>
  stderr
    .replace(/\(at \/dev\/stdin:(\d+)\)/g, (_, n: string) => `(at ${locate(segments, offset + Number(n))})`)
    .replace(
      /^(jq: (?:ignoring )?parse error: .* at line )(\d+)(, column \d+)$/gm,
      (_, head: string, n: string, tail: string) => `${head}${offset + Number(n)}${tail}`,
    )
    .replace(
      /(at <top-level>, line )(\d+)/g,
      (_, head: string, n: string) => `${head}${Math.max(1, Number(n) - prefixLines)}`,
    )
