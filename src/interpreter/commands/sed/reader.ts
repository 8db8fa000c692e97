/**
 * Reading a sed script a character at a time, as GNU sed's compiler does
 * (`inchar`, `savchar`, `match_slash`...), so that positions in error
 * messages (`-e expression #1, char 3: ...`) come out the same.
 */

/** End of the script piece. */
export const EOF = -1
/** Newline. */
export const NL = 10

/** Space or tab. */
export const isBlank = (ch: number): boolean => ch === 32 || ch === 9
/** C `isspace`. */
export const isSpace = (ch: number): boolean => ch === 32 || (ch >= 9 && ch <= 13)
/** An ASCII digit. */
export const isDigit = (ch: number): boolean => ch >= 48 && ch <= 57

/** A compilation failure: the located message (without `sed: `) and the exit status. */
export class CompileError {
  readonly message: string
  readonly status: number
  constructor(message: string, status: number) {
    this.message = message
    this.status = status
  }
}

/** The character reader the compiler is built on. */
export class ScriptReader {
  /** The piece being read (latin1). */
  protected text = ""
  protected cur = 0
  /** The `-f` file being read, if any. */
  protected file: string | undefined
  protected line = 0
  protected expressionCount = 0

  protected location(): string {
    return this.file !== undefined
      ? `file ${this.file} line ${this.line}`
      : `-e expression #${this.expressionCount}, char ${this.cur}`
  }

  protected bad(message: string): never {
    throw new CompileError(`${this.location()}: ${message}`, 1)
  }

  protected inchar(): number {
    if (this.cur >= this.text.length) return EOF
    const ch = this.text.charCodeAt(this.cur++)
    if (ch === NL) this.line++
    return ch
  }

  protected savchar(ch: number): void {
    if (ch === EOF) return
    if (ch === NL && this.line > 0) this.line--
    this.cur--
  }

  protected nonblank(): number {
    let ch: number
    do ch = this.inchar()
    while (isBlank(ch))
    return ch
  }

  protected endOfCommand(): void {
    const ch = this.nonblank()
    if (ch === 125 || ch === 35) this.savchar(ch)
    else if (ch !== EOF && ch !== NL && ch !== 59) this.bad("extra characters after command")
  }

  protected integer(first: number): number {
    let num = 0
    let ch = first
    while (isDigit(ch)) {
      num = Math.min(Number.MAX_SAFE_INTEGER, num * 10 + ch - 48)
      ch = this.inchar()
    }
    this.savchar(ch)
    return num
  }

  /** A bracket expression inside a delimited regex, copied as is; gives the char that ended it. */
  protected snarfCharClass(out: { s: string }): number {
    let ch = this.inchar()
    const add = (c: number) => {
      out.s += String.fromCharCode(c)
      return this.inchar()
    }
    if (ch === 94) ch = add(ch)
    if (ch === 93) ch = add(ch)
    let state = 0
    let delim = 0
    for (; ; ch = add(ch)) {
      if (ch === EOF || ch === NL) return ch
      if (ch === 46 || ch === 58 || ch === 61) {
        if (state === 1) {
          delim = ch
          state = 2
          continue
        }
        if (state === 2 && ch === delim) {
          state = 3
          continue
        }
      } else if (ch === 91) {
        if (state === 0) state = 1
        continue
      } else if (ch === 93) {
        if (state === 0 || state === 1) return ch
        if (state === 3) state = 0
      }
      state &= ~1
    }
  }

  /** Text up to the delimiter `slash`; undefined when unterminated. */
  protected matchSlash(slash: number, regex: boolean): string | undefined {
    const out = { s: "" }
    let ch: number
    while ((ch = this.inchar()) !== EOF && ch !== NL) {
      if (ch === slash) return out.s
      if (ch === 92) {
        ch = this.inchar()
        if (ch === EOF) break
        if (ch !== NL && (ch !== slash || (!regex && ch === 38))) out.s += "\\"
      } else if (ch === 91 && regex) {
        out.s += "["
        ch = this.snarfCharClass(out)
        if (ch !== 93) break
      }
      out.s += String.fromCharCode(ch)
    }
    if (ch === NL) this.savchar(ch)
    return undefined
  }

  protected label(): string {
    let ch = this.nonblank()
    let name = ""
    while (ch !== EOF && ch !== NL && !isBlank(ch) && ch !== 59 && ch !== 125 && ch !== 35) {
      name += String.fromCharCode(ch)
      ch = this.inchar()
    }
    this.savchar(ch)
    return name
  }
}
