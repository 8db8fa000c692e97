import { Data } from "effect"
import { END, LINE, NEED, type InputState } from "./input.ts"
import { listLine, outputLine, type Out } from "./output.ts"
import type { Regex } from "./regex/Regex.ts"
import {
  RANGE_ACTIVE,
  RANGE_CLOSED,
  RANGE_INACTIVE,
  REPL_MODIFIERS,
  type Address,
  type Command,
  type Program,
  type ReadSource,
  type Substitution,
  type WriteTarget,
} from "./Script.ts"
import { convertCase } from "./text.ts"

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
  readonly separate: boolean
  readonly delim: string
  /** Default width of `l`. */
  readonly lineLength: number
  readonly unbuffered: boolean
}

/** The outputs the executor writes to, provided by the driver. */
export interface Outputs {
  /** Standard output. */
  readonly stdout: Out
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

export class Executor {
  private readonly program: Program
  private readonly options: ExecOptions
  private readonly input: InputState
  private readonly outputs: Outputs
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

  /** 1 / 0, or -1 when `$` needs a look ahead. Safe to call again after -1. */
  private matchOne(a: Address): number {
    switch (a.type) {
      case "null":
        return 1
      case "regex":
        return this.match(a.regex, this.line, 0, false) !== undefined ? 1 : 0
      case "numMod":
        return this.input.lineNumber >= a.num && (this.input.lineNumber - a.num) % a.step === 0 ? 1 : 0
      case "step":
      case "stepMod":
        return a.num <= this.input.lineNumber ? 1 : 0
      case "last":
        return this.last()
      case "num":
        return a.num === this.input.lineNumber ? 1 : 0
    }
  }

  private matchAddress(cmd: Command): number {
    const a1 = cmd.a1
    const a2 = cmd.a2
    if (a1 === undefined) return 1
    const line = this.input.lineNumber
    if (cmd.rangeState !== RANGE_ACTIVE) {
      if (a2 === undefined) return this.matchOne(a1)
      if (a1.type === "num") {
        if (cmd.rangeState === RANGE_CLOSED || line < a1.num) return 0
      } else {
        const m = this.matchOne(a1)
        if (m !== 1) return m
      }
      cmd.rangeState = RANGE_ACTIVE
      switch (a2.type) {
        case "regex":
          return 1
        case "num":
          if (line >= a2.num) cmd.rangeState = RANGE_CLOSED
          return line <= a2.num || this.matchOne(a1) === 1 ? 1 : 0
        case "step":
          a2.num = line + a2.step
          return 1
        case "stepMod":
          a2.num = line + (a2.step - (line % a2.step))
          return 1
      }
    }
    if (a2 === undefined) return 1
    if (a2.type === "num") {
      if (line >= a2.num) cmd.rangeState = RANGE_CLOSED
      return line <= a2.num ? 1 : 0
    }
    const m = this.matchOne(a2)
    if (m === -1) return m
    if (m === 1) cmd.rangeState = RANGE_CLOSED
    return 1
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
            if (cmd.writeTarget !== undefined) this.out(this.line, this.chomped, this.outputs.forTarget(cmd.writeTarget))
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
            this.translate(cmd.translate)
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

  private translate(map: string): void {
    const line = this.line
    let out = ""
    let start = 0
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i)
      const to = map[c]
      if (to.charCodeAt(0) !== c) {
        out += line.slice(start, i) + to
        start = i + 1
      }
    }
    if (start > 0) this.line = out + line.slice(start)
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

  /** The `s` command (GNU's `do_subst`). */
  private substitute(sub: Substitution): void {
    const line = this.line
    const wantGroups = sub.maxRef > 0
    const re = this.match(sub.regex, line, 0, wantGroups)
    if (re === undefined) return
    const regs = re.regs
    let start = 0
    let lastEnd = 0
    let count = 0
    let out = ""
    const occurrence = sub.occurrence
    while (true) {
      const offset = regs[0]
      let matched = regs[1] - offset
      if (start < offset) {
        out += line.slice(start, offset)
        start = offset
      }
      // An empty match right after a previous match is not a match (`s/a*/x/g` on "baaac" gives "xbxcx").
      let again = true
      if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= occurrence) {
        this.replaced = true
        out += this.expand(sub, regs, re.groups, line)
        again = sub.global
      } else {
        if (matched === 0) {
          if (start < line.length) matched = 1
          else break
        }
        out += line.slice(offset, offset + matched)
      }
      start = offset + matched
      lastEnd = regs[1]
      if (!again || start > line.length || this.match(sub.regex, line, start, wantGroups) === undefined) break
    }
    if (start < line.length) out += line.slice(start)
    this.line = out
    if (count < occurrence) return
    if (sub.print) this.out(this.line, this.chomped)
    if (sub.write !== undefined) this.out(this.line, this.chomped, this.outputs.forTarget(sub.write))
  }

  /** The replacement text for one match (GNU's `append_replacement`). */
  private expand(sub: Substitution, regs: Int32Array, groups: number, line: string): string {
    let out = ""
    let pendingModifier = 0
    for (const part of sub.replacement) {
      let type = part.type & REPL_MODIFIERS ? part.type : part.type | pendingModifier
      pendingModifier = 0
      if (part.prefix.length > 0) {
        out += convertCase(part.prefix, type)
        type &= ~REPL_MODIFIERS
      }
      const i = part.ref
      if (i >= 0 && i <= groups) {
        const s = regs[2 * i]
        const e = regs[2 * i + 1]
        // A modifier before an empty group applies to what follows (`\u\1\2`).
        if (e === s && part.type & REPL_MODIFIERS) pendingModifier = type & REPL_MODIFIERS
        else if (e !== s) out += convertCase(line.slice(s, e), type)
      }
    }
    return out
  }
}
