import type { Effect } from "effect"
import type { Input } from "../../Io.ts"
import type { BufferOut } from "./output.ts"

/**
 * The input side of sed, split as the executor needs it: this part is
 * synchronous (lines are cut from decoded chunks), and says when it needs
 * the driver to read another chunk or move to the next file. Chunks are
 * decoded as latin1, so every byte survives untouched.
 */

/** `take` got a line. */
export const LINE = 0
/** `take` needs the driver to read more input or open the next file. */
export const NEED = 1
/** `take`: no input is left. */
export const END = 2

/** A file being read. */
export interface Source {
  /** The operand as given (`-` for stdin); what `F` prints. */
  readonly name: string
  /** Absolute path, or undefined for stdin. */
  readonly path: string | undefined
  readonly input: Input
  /** Release the stream (nothing for stdin). */
  readonly close: Effect.Effect<void>
  eof: boolean
  /** With `-i`: where this file's new content goes. */
  readonly output: BufferOut | undefined
}

/** Input files and the read position in them. */
export class InputState {
  readonly files: ReadonlyArray<string>
  /** Index of the next file to open. */
  next = 0
  source: Source | undefined = undefined
  /** Line number, over all files unless they are separate. */
  lineNumber = 0
  /** Files that could not be read (exit status 2). */
  badCount = 0
  /** Clear line numbers, hold space and ranges before the next file (always before the first). */
  resetAtNextFile = true
  /** The last line taken, and whether it had its delimiter. */
  text = ""
  chomped = true
  private readonly delim: string
  private readonly separate: boolean
  private buf = ""
  private pos = 0
  private readonly carry: Array<string> = []

  constructor(files: ReadonlyArray<string>, delim: string, separate: boolean) {
    this.files = files
    this.delim = delim
    this.separate = separate
  }

  /** The name `F` prints. */
  get fileName(): string {
    return this.source?.name ?? (this.next > 0 ? this.files[this.next - 1] : "-")
  }

  /** Add a decoded chunk of the current source. */
  feed(text: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + text : text
    this.pos = 0
  }

  /** Take the next line into `text`: LINE, NEED (call the driver), or END of all input. */
  take(): number {
    const nl = this.buf.indexOf(this.delim, this.pos)
    if (nl !== -1) {
      const piece = this.buf.slice(this.pos, nl)
      this.text = this.carry.length > 0 ? this.carry.join("") + piece : piece
      this.carry.length = 0
      this.pos = nl + 1
      this.chomped = true
      return LINE
    }
    // Keep a partial line aside so each chunk is searched once.
    if (this.pos < this.buf.length) {
      this.carry.push(this.buf.slice(this.pos))
      this.buf = ""
      this.pos = 0
    }
    if (this.source !== undefined && !this.source.eof) return NEED
    if (this.carry.length > 0) {
      this.text = this.carry.join("")
      this.carry.length = 0
      this.chomped = false
      return LINE
    }
    if (this.source !== undefined || this.next < this.files.length) return NEED
    return END
  }

  /** Whether the current line is the last (`$`): 0 no, 1 yes, NEED (-1) to look further. */
  atEnd(): number {
    if (this.pos < this.buf.length || this.carry.length > 0) return 0
    if (this.source !== undefined && !this.source.eof) return -1
    if (this.separate || (this.source === undefined && this.next >= this.files.length)) return 1
    return -1
  }

  /** What is buffered but not consumed, for giving back to stdin when sed quits early. */
  unconsumed(): string {
    const rest = this.carry.join("") + this.buf.slice(this.pos)
    this.carry.length = 0
    this.buf = ""
    this.pos = 0
    return rest
  }
}
