import { compileRegex, RegexError, type Regex } from "./regex/Regex.ts"
import {
  RANGE_INACTIVE,
  type Address,
  type Command,
  type Program,
  type ReadSource,
  type Substitution,
  type WriteTarget,
} from "./Script.ts"
import { normalizeText, parseReplacement } from "./text.ts"

/**
 * The sed script compiler: a port of GNU sed 4.9's `compile.c`, reading
 * the script a character at a time so that what is accepted, and where an
 * error is reported (`-e expression #1, char 3: ...`), match GNU sed.
 */

/** One `-e` expression, `-f` file or script operand, in command-line order. */
export interface ScriptPiece {
  readonly kind: "expression" | "file"
  /** The script text, latin1. */
  readonly text: string
  /** The file name as given (`-f NAME`). */
  readonly name: string
  /** Whether `-E`/`-r` came before this piece: GNU sed compiles each piece as it meets it. */
  readonly extended: boolean
}

/** Settings that shape compilation. */
export interface CompileOptions {
  readonly posix: boolean
  readonly sandbox: boolean
  /** The line delimiter (newline, or NUL with `-z`). */
  readonly delim: number
}

/** A compiled program, or the error line (without the `sed: ` prefix) and exit status. */
export type Compiled = { readonly program: Program } | { readonly error: string; readonly status: number }

const EOF = -1
const NL = 10

const isBlank = (ch: number) => ch === 32 || ch === 9
const isSpace = (ch: number) => ch === 32 || (ch >= 9 && ch <= 13)
const isDigit = (ch: number) => ch >= 48 && ch <= 57

class CompileError {
  readonly message: string
  readonly status: number
  constructor(message: string, status: number) {
    this.message = message
    this.status = status
  }
}

interface Location {
  readonly file: string | undefined
  readonly line: number
  readonly expression: number
}

/** Compile the pieces of a script in order. */
export const compileScript = (pieces: ReadonlyArray<ScriptPiece>, options: CompileOptions): Compiled => {
  const c = new Compiler(options)
  try {
    for (const piece of pieces) c.piece(piece)
    return { program: c.finish() }
  } catch (e) {
    // Errors are raised from deep inside the reader; only ours are caught.
    if (e instanceof CompileError) return { error: e.message, status: e.status }
    throw e
  }
}

class Compiler {
  private readonly options: CompileOptions
  private text = ""
  private cur = 0
  private extended = false
  private file: string | undefined
  private line = 0
  private expressionCount = 0
  private firstScript = true
  private quiet = false
  private pendingText: string | undefined
  private pendingCommand: Command | undefined
  private readonly commands: Array<Command> = []
  private readonly blocks: Array<{ readonly index: number; readonly at: Location }> = []
  private readonly labels: Array<{ readonly name: string; readonly index: number }> = []
  private readonly jumps: Array<Command> = []
  private readonly writeTargets: Array<WriteTarget> = []
  private readonly readSources: Array<ReadSource> = []

  constructor(options: CompileOptions) {
    this.options = options
  }

  piece(piece: ScriptPiece): void {
    this.text = piece.text
    this.cur = 0
    this.extended = piece.extended
    if (piece.kind === "file") {
      this.file = piece.name
      this.line = 1
    } else {
      this.file = undefined
      this.line = 0
      this.expressionCount++
    }
    this.program()
    this.firstScript = false
  }

  private location(): string {
    return this.file !== undefined ? `file ${this.file} line ${this.line}` : `-e expression #${this.expressionCount}, char ${this.cur}`
  }

  private bad(message: string): never {
    throw new CompileError(`${this.location()}: ${message}`, 1)
  }

  private inchar(): number {
    if (this.cur >= this.text.length) return EOF
    const ch = this.text.charCodeAt(this.cur++)
    if (ch === NL) this.line++
    return ch
  }

  private savchar(ch: number): void {
    if (ch === EOF) return
    if (ch === NL && this.line > 0) this.line--
    this.cur--
  }

  private nonblank(): number {
    let ch: number
    do ch = this.inchar()
    while (isBlank(ch))
    return ch
  }

  private endOfCommand(): void {
    const ch = this.nonblank()
    if (ch === 125 || ch === 35) this.savchar(ch)
    else if (ch !== EOF && ch !== NL && ch !== 59) this.bad("extra characters after command")
  }

  private integer(first: number): number {
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
  private snarfCharClass(out: { s: string }): number {
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
  private matchSlash(slash: number, regex: boolean): string | undefined {
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

  private regex(raw: string, icase: boolean, multiline: boolean, neededRef: number): Regex | null {
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

  private address(ch: number): Address | undefined {
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

  private label(): string {
    let ch = this.nonblank()
    let name = ""
    while (ch !== EOF && ch !== NL && !isBlank(ch) && ch !== 59 && ch !== 125 && ch !== 35) {
      name += String.fromCharCode(ch)
      ch = this.inchar()
    }
    this.savchar(ch)
    return name
  }

  private fileName(): string {
    if (this.options.sandbox) this.bad("e/r/w commands disabled in sandbox mode")
    let ch = this.nonblank()
    let name = ""
    while (ch !== EOF && ch !== NL) {
      name += String.fromCharCode(ch)
      ch = this.inchar()
    }
    return name
  }

  private writeTarget(): WriteTarget {
    const name = this.fileName()
    if (name.length === 0) this.bad("missing filename in r/R/w/W commands")
    let target = this.writeTargets.find((t) => t.name === name)
    if (target === undefined) this.writeTargets.push((target = { name }))
    return target
  }

  private readSource(): ReadSource {
    const name = this.fileName()
    if (name.length === 0) this.bad("missing filename in r/R/w/W commands")
    let source = this.readSources.find((t) => t.name === name)
    if (source === undefined) this.readSources.push((source = { name }))
    return source
  }

  /** The text of `a`, `i`, `c`; `command` undefined continues the pending text of the previous piece. */
  private readText(command: Command | undefined, leadin: number): void {
    if (command !== undefined) {
      this.pendingText = ""
      command.text = ""
      this.pendingCommand = command
    }
    if (leadin === EOF) return
    let text = this.pendingText ?? ""
    if (leadin !== NL) text += String.fromCharCode(leadin)
    let ch = this.inchar()
    while (ch !== EOF && ch !== NL) {
      if (ch === 92) {
        ch = this.inchar()
        if (ch !== EOF) text += "\\"
      }
      if (ch === EOF) {
        // A backslash at the end of a piece continues the text into the next one.
        this.pendingText = text + "\n"
        return
      }
      text += String.fromCharCode(ch)
      ch = this.inchar()
    }
    text += "\n"
    const target = command ?? this.pendingCommand
    if (target !== undefined) target.text = normalizeText(text, "buffer", (m) => this.bad(m))
    this.pendingText = undefined
  }

  private substitution(): Substitution {
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

  private translation(): string {
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

  private program(): void {
    if (this.pendingText !== undefined) this.readText(undefined, NL)
    const o = this.options
    for (;;) {
      let ch = this.inchar()
      while (ch === 59 || isSpace(ch)) ch = this.inchar()
      if (ch === EOF) break
      let a1: Address | undefined
      let a2: Address | undefined
      const first = this.address(ch)
      if (first !== undefined) {
        if (first.type === "step" || first.type === "stepMod") this.bad("invalid usage of +N or ~N as first address")
        a1 = first
        ch = this.nonblank()
        if (ch === 44) {
          a2 = this.address(this.nonblank())
          if (a2 === undefined) this.bad("unexpected `,'")
          ch = this.nonblank()
        }
        if (
          a1.type === "num" &&
          a1.num === 0 &&
          ((a2 === undefined && ch !== 114) || (a2 !== undefined && a2.type !== "regex") || o.posix)
        )
          this.bad("invalid usage of line address 0")
      }
      let bang = false
      if (ch === 33) {
        bang = true
        ch = this.nonblank()
        if (ch === 33) this.bad("multiple `!'s")
      }
      const letter = ch === EOF ? "" : String.fromCharCode(ch)
      if (o.posix) {
        if ("eFvzLQTRW".includes(letter) && letter !== "") this.bad(`unknown command: \`${letter}'`)
        if ("ail=r".includes(letter) && letter !== "" && a2 !== undefined) this.bad("command only uses one address")
      }
      const command = this.command(letter, a1, a2, bang)
      if (command !== undefined) this.commands.push(command)
    }
    if (o.posix && this.pendingText !== undefined) this.bad("incomplete command")
  }

  private command(letter: string, a1: Address | undefined, a2: Address | undefined, bang: boolean): Command | undefined {
    const index = this.commands.length
    const cmd: Command = {
      a1,
      a2,
      rangeState: RANGE_INACTIVE,
      bang,
      cmd: letter,
      text: "",
      jump: -1,
      label: "",
      int: -1,
      fileName: "",
      append: true,
      readSource: undefined,
      writeTarget: undefined,
      subst: undefined,
      translate: "",
    }
    const make = (extra: Partial<Command>): Command => ({ ...cmd, ...extra })
    switch (letter) {
      case "#": {
        if (a1 !== undefined) this.bad("comments don't accept any addresses")
        let ch = this.inchar()
        if (ch === 110 && this.firstScript && this.line < 2 && this.cur === 2) this.quiet = true
        while (ch !== EOF && ch !== NL) ch = this.inchar()
        return undefined
      }
      case "v": {
        const version = this.label()
        if (compareVersions(version === "" ? "4.0" : version, "4.9") > 0) this.bad("expected newer version of sed")
        return undefined
      }
      case "{":
        this.blocks.push({ index, at: { file: this.file, line: this.line, expression: this.expressionCount } })
        return make({ bang: !bang })
      case "}": {
        const block = this.blocks.pop()
        if (block === undefined) this.bad("unexpected `}'")
        if (a1 !== undefined) this.bad("`}' doesn't want any addresses")
        this.endOfCommand()
        this.commands[block.index].jump = index
        return cmd
      }
      case "e":
        if (this.options.sandbox) this.bad("e/r/w commands disabled in sandbox mode")
        return this.bad("`e' command not supported")
      case "a":
      case "i":
      case "c": {
        let ch = this.nonblank()
        if (ch === EOF) this.bad("expected \\ after `a', `c' or `i'")
        if (ch === 92) ch = this.inchar()
        else {
          if (this.options.posix) this.bad("expected \\ after `a', `c' or `i'")
          this.savchar(ch)
          ch = NL
        }
        this.readText(cmd, ch)
        return cmd
      }
      case ":": {
        if (a1 !== undefined) this.bad(": doesn't want any addresses")
        const name = this.label()
        if (name === "") this.bad('":" lacks a label')
        this.labels.push({ name, index })
        return make({ label: name })
      }
      case "T":
      case "b":
      case "t": {
        const jump = make({ label: this.label() })
        this.jumps.push(jump)
        return jump
      }
      case "Q":
      case "q":
      case "L":
      case "l": {
        if ((letter === "q" || letter === "Q") && a2 !== undefined) this.bad("command only uses one address")
        const ch = this.nonblank()
        let int = -1
        if (isDigit(ch) && !this.options.posix) int = this.integer(ch)
        else this.savchar(ch)
        this.endOfCommand()
        return make({ int })
      }
      case "=":
      case "d":
      case "D":
      case "F":
      case "g":
      case "G":
      case "h":
      case "H":
      case "n":
      case "N":
      case "p":
      case "P":
      case "z":
      case "x":
        this.endOfCommand()
        return cmd
      case "r": {
        const name = this.fileName()
        if (name.length === 0) this.bad("missing filename in r/R/w/W commands")
        // `0r FILE` prints the file before the first line.
        if (a1 !== undefined && a1.type === "num" && a1.num === 0 && a2 === undefined) {
          return make({ a1: { ...a1, num: 1 }, fileName: name, append: false })
        }
        return make({ fileName: name })
      }
      case "R":
        return make({ readSource: this.readSource() })
      case "W":
      case "w":
        return make({ writeTarget: this.writeTarget() })
      case "s":
        return make({ subst: this.substitution() })
      case "y":
        return make({ translate: this.translation() })
      case "":
        return this.bad("missing command")
      default:
        return this.bad(`unknown command: \`${letter}'`)
    }
  }

  finish(): Program {
    const open = this.blocks.pop()
    if (open !== undefined) {
      const where = open.at.file !== undefined ? `file ${open.at.file} line ${open.at.line}` : `-e expression #${open.at.expression}, char 0`
      throw new CompileError(`${where}: unmatched \`{'`, 1)
    }
    if (this.pendingText !== undefined && this.pendingCommand !== undefined) this.pendingCommand.text = this.pendingText
    this.pendingText = undefined
    for (const jump of this.jumps) {
      // The most recent definition of a label wins, as in GNU sed's label list.
      const target = this.labels.findLast((l) => l.name === jump.label)
      if (target !== undefined) jump.jump = target.index
      else if (jump.label !== "") throw new CompileError(`can't find label for jump to \`${jump.label}'`, 4)
      else jump.jump = this.commands.length
    }
    const location = this.file !== undefined ? `file ${this.file} line ${this.line}` : `-e expression #${this.expressionCount}, char 0`
    return {
      commands: this.commands,
      quiet: this.quiet,
      writeTargets: this.writeTargets,
      readSources: this.readSources,
      location,
    }
  }
}

/** strverscmp for dotted version numbers. */
const compareVersions = (a: string, b: string): number => {
  const pa = a.split(".").map((x) => Number.parseInt(x, 10) || 0)
  const pb = b.split(".").map((x) => Number.parseInt(x, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
