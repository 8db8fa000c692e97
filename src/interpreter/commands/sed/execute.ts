import { Data } from "effect"
import { matchAddress, matchLine } from "./address.ts"
import { END, LINE, NEED, type InputState } from "./input.ts"
import { listLine, outputLine, type Out } from "./output.ts"
import type { Regex } from "./regex/Regex.ts"
import {
  RANGE_ACTIVE,
  RANGE_INACTIVE,
  type Address,
  type Command,
  type Program,
  type ReadSource,
  type Substitution,
  type WriteTarget,
} from "./Script.ts"
import { substitute, translate } from "./substitute.ts"

/**
 * The sed executor: a port of GNU sed 4.9's `execute.c` as a generator.
 * It runs synchronously line after line and yields a `Request` only when
 * it needs I/O (another input chunk, a file for `r`/`R`, a flush), which
 * the driver performs before resuming it.
 */

/** What the executor asks of its driver. */
export type Request =
  /** Read more input, or move to the next file; `peek` when looking ahead for `$`. */
  | { readonly tag: "fill"; readonly peek: boolean }
  /** Write buffered output (and let the fiber be interrupted). */
  | { readonly tag: "flush" }
  /** `r`: copy a file to the current output. */
  | { readonly tag: "readFile"; readonly name: string }
  /** `R`: load the file behind a source. */
  | { readonly tag: "loadSource"; readonly source: ReadSource }

/** A failure that ends sed: the message (without `sed: `, latin1) and the exit status. */
export class Fatal extends Data.TaggedError("SedFatal")<{ readonly text: string; readonly status: number }> {}

/** Run-time settings. */
export interface ExecOptions {
  readonly quiet: boolean
  readonly posix: boolean
  readonly delim: string
  /** Default width of `l`. */
  readonly lineLength: number
  readonly unbuffered: boolean
}

/** The outputs the executor writes to, provided by the driver. */
export interface Outputs {
  /** Where the current file's output goes (stdout, or the file being edited). */
  current: Out
  readonly forTarget: (target: WriteTarget) => Out
  /** Bytes written since the last flush, to decide when to yield one. */
  pending: () => number
}

/** An `R` file's content once loaded, and how far it has been read. */
export interface LoadedSource {
  readonly text: string
  pos: number
}

const FILL: Request = { tag: "fill", peek: false }
const PEEK: Request = { tag: "fill", peek: true }
const FLUSH: Request = { tag: "flush" }
const FLUSH_AT = 64 * 1024
/** Jumps between two yields, so a looping script stays interruptible. */
const JUMPS_PER_YIELD = 4096

interface Appended {
  readonly text: string | undefined
  readonly file: string | undefined
}

/** Runs a compiled program over an input, writing to the driver's outputs. */
export class Executor {
  private readonly program: Program
  private readonly options: ExecOptions
  private readonly input: InputState
  private readonly outputs: Outputs
  /** `R` files loaded so far (the driver fills this on `loadSource`). */
  readonly sources = new Map<ReadSource, LoadedSource>()
  private line = ""
  private chomped = true
  private hold = ""
  private holdChomped = true
  private replaced = false
  private lastRegex: Regex | null = null
  private readonly appendQueue: Array<Appended> = []
  private jumps = 0

  constructor(program: Program, options: ExecOptions, input: InputState, outputs: Outputs) {
    this.program = program
    this.options = options
    this.input = input
    this.outputs = outputs
  }

  /** Clear what a new file starts without (with `-s`/`-i`, and before the first file). */
  resetForFile(): void {
    this.input.lineNumber = 0
    this.hold = ""
    for (const c of this.program.commands) {
      c.rangeState = c.a1 !== undefined && c.a1.type === "num" && c.a1.num === 0 ? RANGE_ACTIVE : RANGE_INACTIVE
    }
    for (const loaded of this.sources.values()) loaded.pos = 0
  }

  private fatal(text: string, status: number): never {
    // Raised from deep inside a cycle; the driver catches it around `next()`.
    throw new Fatal({ text, status })
  }

  private readonly matcher = (regex: Regex | null, s: string, from: number, groups: boolean): Regex | undefined =>
    this.match(regex, s, from, groups)

  private match(regex: Regex | null, s: string, from: number, groups: boolean): Regex | undefined {
    const re = regex ?? this.lastRegex
    if (re === null) this.fatal(`${this.program.location}: no previous regular expression`, 1)
    this.lastRegex = re
    return re.search(s, from, groups) ? re : undefined
  }

  private out(text: string, nl: boolean, out: Out = this.outputs.current): void {
    outputLine(out, text, nl, this.options.delim)
  }

  /** Whether the current line is the last; -1 when the driver must look further. */
  private last(): number {
    return this.input.atEnd()
  }

  /** Whether `cmd`'s address selects the current line: 1, 0, or -1 when `$` needs a look ahead. */
  private matchAddress(cmd: Command): number {
    return matchAddress(cmd, this.input.lineNumber, this.matchOne)
  }

  private readonly matchOne = (a: Address): number => {
    switch (a.type) {
      case "regex":
        return this.match(a.regex, this.line, 0, false) !== undefined ? 1 : 0
      case "last":
        return this.last()
      default:
        return matchLine(a, this.input.lineNumber)
    }
  }

  private *dumpAppendQueue(): Generator<Request, void, void> {
    const out = this.outputs.current
    if (out.missingNewline) {
      out.write(this.options.delim)
      out.missingNewline = false
    }
    for (const a of this.appendQueue.splice(0)) {
      if (a.text !== undefined) out.write(a.text)
      if (a.file !== undefined) yield { tag: "readFile", name: a.file }
    }
  }

  /** Read the next line into the pattern space (appended after a delimiter for `N`); false at the end. */
  private *readPatternSpace(append: boolean): Generator<Request, boolean, void> {
    if (this.appendQueue.length > 0) yield* this.dumpAppendQueue()
    this.replaced = false
    let r = this.input.take()
    while (r === NEED) {
      yield FILL
      r = this.input.take()
    }
    if (r === END) return false
    this.input.lineNumber++
    this.line = append ? this.line + this.input.text : this.input.text
    this.chomped = this.input.chomped
    return true
  }

  private *atEnd(): Generator<Request, boolean, void> {
    let r = this.last()
    while (r === -1) {
      yield PEEK
      r = this.last()
    }
    return r === 1
  }

  /** Run the script over all input; gives the exit status. */
  *run(): Generator<Request, number, void> {
    const commands = this.program.commands
    const quiet = this.options.quiet
    const input = this.input
    let status = -1
    cycle: while (true) {
      if (this.options.unbuffered || this.outputs.pending() >= FLUSH_AT) yield FLUSH
      // The common case, a line already buffered, needs no generator round trip.
      if (this.appendQueue.length === 0 && input.take() === LINE) {
        this.replaced = false
        input.lineNumber++
        this.line = input.text
        this.chomped = input.chomped
      } else if (!(yield* this.readPatternSpace(false))) break
      let pc = 0
      commands: while (pc < commands.length) {
        const cmd = commands[pc]
        let m = this.matchAddress(cmd)
        while (m === -1) {
          yield PEEK
          m = this.matchAddress(cmd)
        }
        if ((m === 1) === cmd.bang) {
          pc++
          continue
        }
        switch (cmd.cmd) {
          case "{":
          case "b":
            if (cmd.jump <= pc && ++this.jumps % JUMPS_PER_YIELD === 0) yield FLUSH
            pc = cmd.jump
            continue commands
          case "}":
          case ":":
            break
          case "a":
            this.appendQueue.push({ text: cmd.text, file: undefined })
            break
          case "c":
            if (cmd.rangeState !== RANGE_ACTIVE && cmd.text !== "") this.out(cmd.text.slice(0, -1), true)
            continue cycle
          case "d":
            continue cycle
          case "D": {
            const nl = this.line.indexOf(this.options.delim)
            if (nl === -1) continue cycle
            this.line = this.line.slice(nl + 1)
            if (++this.jumps % JUMPS_PER_YIELD === 0) yield FLUSH
            pc = 0
            continue commands
          }
          case "g":
            this.line = this.hold
            this.chomped = this.holdChomped
            break
          case "G":
            this.line += this.options.delim + this.hold
            this.chomped = this.holdChomped
            break
          case "h":
            this.hold = this.line
            this.holdChomped = this.chomped
            break
          case "H":
            this.hold += this.options.delim + this.line
            this.holdChomped = this.chomped
            break
          case "i":
            if (cmd.text !== "") this.out(cmd.text.slice(0, -1), true)
            break
          case "l":
            this.listLine(cmd.int === -1 ? this.options.lineLength : cmd.int)
            break
          case "n":
            if (!quiet) this.out(this.line, this.chomped)
            if ((yield* this.atEnd()) || !(yield* this.readPatternSpace(false))) continue cycle
            break
          case "N":
            this.line += this.options.delim
            if ((yield* this.atEnd()) || !(yield* this.readPatternSpace(true))) {
              this.line = this.line.slice(0, -1)
              if (!this.options.posix && !quiet) this.out(this.line, this.chomped)
              continue cycle
            }
            break
          case "p":
            this.out(this.line, this.chomped)
            break
          case "P": {
            const nl = this.line.indexOf(this.options.delim)
            this.out(nl === -1 ? this.line : this.line.slice(0, nl), nl === -1 ? this.chomped : true)
            break
          }
          case "q":
            if (!quiet) this.out(this.line, this.chomped)
            yield* this.dumpAppendQueue()
            status = cmd.int === -1 ? 0 : cmd.int & 0xff
            break cycle
          case "Q":
            status = cmd.int === -1 ? 0 : cmd.int & 0xff
            break cycle
          case "r":
            if (cmd.append) this.appendQueue.push({ text: undefined, file: cmd.fileName })
            else yield { tag: "readFile", name: cmd.fileName }
            break
          case "R":
            yield* this.readSourceLine(cmd)
            break
          case "s":
            if (cmd.subst !== undefined) this.substitute(cmd.subst)
            break
          case "t":
            if (this.replaced) {
              this.replaced = false
              if (cmd.jump <= pc && ++this.jumps % JUMPS_PER_YIELD === 0) yield FLUSH
              pc = cmd.jump
              continue commands
            }
            break
          case "T":
            if (!this.replaced) {
              if (cmd.jump <= pc && ++this.jumps % JUMPS_PER_YIELD === 0) yield FLUSH
              pc = cmd.jump
              continue commands
            }
            this.replaced = false
            break
          case "w":
            if (cmd.writeTarget !== undefined)
              this.out(this.line, this.chomped, this.outputs.forTarget(cmd.writeTarget))
            break
          case "W":
            if (cmd.writeTarget !== undefined) {
              const nl = this.line.indexOf(this.options.delim)
              this.out(
                nl === -1 ? this.line : this.line.slice(0, nl),
                nl === -1 ? this.chomped : true,
                this.outputs.forTarget(cmd.writeTarget),
              )
            }
            break
          case "x": {
            const line = this.line
            const chomped = this.chomped
            this.line = this.hold
            this.chomped = this.holdChomped
            this.hold = line
            this.holdChomped = chomped
            break
          }
          case "y":
            this.line = translate(this.line, cmd.translate)
            break
          case "z":
            this.line = ""
            break
          case "=":
            this.writeRaw(`${input.lineNumber}${this.options.delim}`)
            break
          case "F":
            this.writeRaw(`${input.fileName}${this.options.delim}`)
            break
          default:
            this.fatal(`INTERNAL ERROR: Bad cmd ${cmd.cmd}`, 4)
        }
        pc++
      }
      if (!quiet) this.out(this.line, this.chomped)
    }
    return status
  }

  /** Write text that takes no newline handling of its own (`=`, `F`). */
  private writeRaw(text: string): void {
    const out = this.outputs.current
    if (out.missingNewline) {
      out.write(this.options.delim)
      out.missingNewline = false
    }
    out.write(text)
  }

  private listLine(width: number): void {
    this.writeRaw(listLine(this.line, width, this.options.delim))
  }

  private *readSourceLine(cmd: Command): Generator<Request, void, void> {
    const source = cmd.readSource
    if (source === undefined) return
    let loaded = this.sources.get(source)
    if (loaded === undefined) {
      yield { tag: "loadSource", source }
      loaded = this.sources.get(source)
      if (loaded === undefined) return
    }
    const { text, pos } = loaded
    if (pos >= text.length) return
    const nl = text.indexOf(this.options.delim, pos)
    const end = nl === -1 ? text.length : nl + 1
    loaded.pos = end
    this.appendQueue.push({ text: text.slice(pos, end), file: undefined })
  }

  private substitute(sub: Substitution): void {
    const done = substitute(sub, this.line, this.matcher)
    if (done === undefined) return
    this.line = done.line
    if (!done.replaced) return
    this.replaced = true
    if (sub.print) this.out(this.line, this.chomped)
    if (sub.write !== undefined) this.out(this.line, this.chomped, this.outputs.forTarget(sub.write))
  }
}
