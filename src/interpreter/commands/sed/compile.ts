import { PatternReader, type CompileOptions } from "./patterns.ts"
import { CompileError, EOF, isDigit, isSpace, NL } from "./reader.ts"
import {
  RANGE_INACTIVE,
  type Address,
  type Command,
  type Program,
  type ReadSource,
  type WriteTarget,
} from "./Script.ts"
import { normalizeText } from "./text.ts"

export type { CompileOptions } from "./patterns.ts"

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

/** A compiled program, or the error line (without the `sed: ` prefix) and exit status. */
export type Compiled = { readonly program: Program } | { readonly error: string; readonly status: number }

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

class Compiler extends PatternReader {
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

  protected writeTarget(): WriteTarget {
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

  private command(
    letter: string,
    a1: Address | undefined,
    a2: Address | undefined,
    bang: boolean,
  ): Command | undefined {
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
      const where =
        open.at.file !== undefined
          ? `file ${open.at.file} line ${open.at.line}`
          : `-e expression #${open.at.expression}, char 0`
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
    const location =
      this.file !== undefined ? `file ${this.file} line ${this.line}` : `-e expression #${this.expressionCount}, char 0`
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
