import { compileRegex, RegexError, type Regex } from "./regex/Regex.ts"
import { EOF, isDigit, NL, ScriptReader } from "./reader.ts"
import type { Address, Substitution, WriteTarget } from "./Script.ts"
import { normalizeText, parseReplacement } from "./text.ts"

/**
 * The parts of a script that carry regular expressions or delimited text:
 * addresses, and the `s` and `y` commands.
 */

/** Settings that shape compilation. */
export interface CompileOptions {
  readonly posix: boolean
  readonly sandbox: boolean
  /** The line delimiter (newline, or NUL with `-z`). */
  readonly delim: number
}

/** Reader of addresses, `s` and `y`; the compiler proper extends it. */
export abstract class PatternReader extends ScriptReader {
  protected readonly options: CompileOptions
  /** Whether `-E` applies to the piece being read. */
  protected extended = false

  constructor(options: CompileOptions) {
    super()
    this.options = options
  }

  /** The target of `w`, `W` and `s///w`. */
  protected abstract writeTarget(): WriteTarget

  protected regex(raw: string, icase: boolean, multiline: boolean, neededRef: number): Regex | null {
    if (raw.length === 0) {
      if (icase || multiline) this.bad("cannot specify modifiers on empty regexp")
      return null
    }
    const pattern = normalizeText(raw, "regex", (m) => this.bad(m))
    const o = this.options
    const re = compileRegex(pattern, { extended: this.extended, icase, multiline, posix: o.posix, delim: o.delim })
    if (re instanceof RegexError) this.bad(re.message)
    if (re.groups < neededRef && !o.posix) this.bad(`invalid reference \\${neededRef} on \`s' command's RHS`)
    return re
  }

  protected address(ch: number): Address | undefined {
    if (ch === 47 || ch === 92) {
      if (ch === 92) ch = this.inchar()
      const raw = this.matchSlash(ch, true)
      if (raw === undefined) this.bad("unterminated address regex")
      let icase = false
      let multiline = false
      for (;;) {
        ch = this.nonblank()
        if (!this.options.posix && ch === 73) icase = true
        else if (!this.options.posix && ch === 77) multiline = true
        else {
          this.savchar(ch)
          return { type: "regex", num: -1, step: 0, regex: this.regex(raw, icase, multiline, 0) }
        }
      }
    }
    if (isDigit(ch)) {
      const num = this.integer(ch)
      ch = this.nonblank()
      if (ch !== 126 || this.options.posix) {
        this.savchar(ch)
        return { type: "num", num, step: 0, regex: null }
      }
      const step = this.integer(this.nonblank())
      return step > 0 ? { type: "numMod", num, step, regex: null } : { type: "num", num, step: 0, regex: null }
    }
    if ((ch === 43 || ch === 126) && !this.options.posix) {
      const step = this.integer(this.nonblank())
      if (step === 0) return { type: "null", num: -1, step: 0, regex: null }
      return { type: ch === 43 ? "step" : "stepMod", num: -1, step, regex: null }
    }
    if (ch === 36) return { type: "last", num: -1, step: 0, regex: null }
    return undefined
  }

  protected substitution(): Substitution {
    const slash = this.inchar()
    const pattern = this.matchSlash(slash, true)
    if (pattern === undefined) this.bad("unterminated `s' command")
    const replacementRaw = this.matchSlash(slash, false)
    if (replacementRaw === undefined) this.bad("unterminated `s' command")
    const { parts, maxRef } = parseReplacement(
      normalizeText(replacementRaw, "replacement", (m) => this.bad(m)),
      this.options.posix,
    )
    let global = false
    let print = false
    let occurrence = 0
    let icase = false
    let multiline = false
    let write: WriteTarget | undefined
    const gnu = !this.options.posix
    flags: for (;;) {
      const ch = this.nonblank()
      switch (ch) {
        case 105: // i
        case 73: // I
          if (!gnu) this.bad("unknown option to `s'")
          icase = true
          break
        case 109: // m
        case 77: // M
          if (!gnu) this.bad("unknown option to `s'")
          multiline = true
          break
        case 101: // e
          if (!gnu) this.bad("unknown option to `s'")
          this.bad("option `e' not supported")
          break
        case 112: // p
          if (print) this.bad("multiple `p' options to `s' command")
          print = true
          break
        case 103: // g
          if (global) this.bad("multiple `g' options to `s' command")
          global = true
          break
        case 119: // w
          write = this.writeTarget()
          break flags
        case 125: // }
        case 35: // #
          this.savchar(ch)
          break flags
        case EOF:
        case NL:
        case 59: // ;
          break flags
        case 13: // \r
          if (this.inchar() === NL) break flags
          this.bad("unknown option to `s'")
          break
        default:
          if (!isDigit(ch)) this.bad("unknown option to `s'")
          if (occurrence !== 0) this.bad("multiple number options to `s' command")
          occurrence = this.integer(ch)
          if (occurrence === 0) this.bad("number option to `s' command may not be zero")
      }
    }
    const regex = this.regex(pattern, icase, multiline, maxRef)
    return { regex, replacement: parts, maxRef, global, occurrence, print, write }
  }

  protected translation(): string {
    const slash = this.inchar()
    const fromRaw = this.matchSlash(slash, false)
    if (fromRaw === undefined) this.bad("unterminated `y' command")
    const from = normalizeText(fromRaw, "buffer", (m) => this.bad(m))
    const toRaw = this.matchSlash(slash, false)
    if (toRaw === undefined) this.bad("unterminated `y' command")
    const to = normalizeText(toRaw, "buffer", (m) => this.bad(m))
    if (from.length !== to.length) this.bad("strings for `y' command are different lengths")
    const map: Array<string> = []
    for (let i = 0; i < 256; i++) map.push(String.fromCharCode(i))
    for (let i = 0; i < from.length; i++) map[from.charCodeAt(i)] = to[i]
    this.endOfCommand()
    return map.join("")
  }
}
