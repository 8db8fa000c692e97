import { AwkArray } from "./AwkArray.ts"
import { splitInto, splitterFor, type Splitter } from "./Fields.ts"
import { compile, RegexError, type Compiled } from "./Regex.ts"
import { intToStr, numToStr, StrNum, strToNum, toNum, toStr, UNINIT, type Value } from "./Values.ts"

/**
 * The state of a running awk program: variables, the current record and its
 * fields, and the built-in variables with their side effects (assigning FS
 * re-derives the splitter, assigning NF or a field rebuilds `$0` with OFS).
 */

export { AwkArray }

/** What a variable slot holds. */
export type Cell = Value | AwkArray

/** A fatal runtime error: gawk prints it as `awk: cmd. line:N: fatal: MESSAGE` and exits 2. */
export class AwkFatal {
  readonly message: string
  constructor(message: string) {
    this.message = message
  }
}

/** Completion codes of statements. */
export const NORMAL = 0
export const BREAK = 1
export const CONTINUE = 2
export const NEXT = 3
export const NEXTFILE = 4
export const EXIT = 5
export const RETURN = 6

/** `next`, `nextfile` or `exit` raised inside a function, carried up to the rule as an exception. */
export class Unwind {
  readonly code: number
  constructor(code: number) {
    this.code = code
  }
}

const defaultSplitter: Splitter = { kind: "space" }

/** The state of one awk run. */
export class Runtime {
  /** Global scalars and global arrays, by slot (the compiler knows which names are arrays). */
  readonly scalars: Array<Value> = []
  readonly arrays: Array<AwkArray> = []
  /** Globals used both ways: typed by their first use at run time. */
  readonly cells: Array<Cell> = []
  /** Whether arrays keep gawk's iteration order (the program has a `for (k in a)`). */
  orderedArrays = true
  /** A new array. */
  newArray(): AwkArray {
    return new AwkArray(this.orderedArrays)
  }
  /** The variable an array was created for, for messages (`a (from x)`). */
  readonly arrayNames = new WeakMap<AwkArray, string>()
  /** The current function's parameters and locals. */
  frame: Array<Cell> = []
  depth = 0
  returnValue: Value = UNINIT
  exitCode = 0
  /** Source line of the statement running, for messages. */
  line = 0
  nr = 0
  fnr = 0
  FS: Value = " "
  FPAT: Value = "[^[:space:]]+"
  /** Fields come from FPAT rather than FS. */
  private byPattern = false
  OFS: Value = " "
  ORS: Value = "\n"
  RS: Value = "\n"
  SUBSEP: Value = "\x1c"
  CONVFMT: Value = "%.6g"
  OFMT: Value = "%.6g"
  FILENAME: Value = ""
  RT: Value = UNINIT
  rstart = 0
  rlength = -1
  ignoreCase: Value = 0
  /** Cached string forms of the variables above. */
  ofs = " "
  ors = "\n"
  subsep = "\x1c"
  convfmt = "%.6g"
  ofmt = "%.6g"
  rs = "\n"
  icase = false
  private splitter: Splitter = defaultSplitter

  /** `$0` as text (valid unless `stale`). */
  private record = ""
  /** Fields 1..parsed as text. */
  private fields: Array<string> = [""]
  /** Values assigned to fields (numbers keep their type); sparse. */
  private assigned: Array<Value | undefined> | undefined = undefined
  /** How many fields are split off so far, and where splitting goes on. */
  private parsed = 0
  private scan = 0
  /** All fields are split: `nf` is valid. */
  private complete = true
  private nf = 0
  /** Fields were changed: `$0` must be rebuilt from them. */
  private stale = false

  warn: (message: string) => void = () => {}

  /** Set `$0` from input; fields are split lazily, only as far as they are used. */
  setRecord(s: string): void {
    this.record = s
    this.stale = false
    this.parsed = 0
    this.scan = 0
    if (s === "") {
      this.complete = true
      this.nf = 0
    } else this.complete = false
    if (this.assigned !== undefined) this.assigned = undefined
  }

  /** `$0` as a string. */
  getRecord(): string {
    if (this.stale) this.rebuild()
    return this.record
  }

  /** Split fields until field `want` exists or the record is used up. */
  private splitTo(want: number): void {
    const sp = this.splitter
    const s = this.record
    const len = s.length
    const f = this.fields
    if (sp.kind === "space") {
      let p = this.scan
      let n = this.parsed
      while (n < want) {
        let c = s.charCodeAt(p)
        while (p < len && (c === 32 || c === 9 || c === 10)) c = s.charCodeAt(++p)
        if (p >= len) {
          this.complete = true
          break
        }
        const start = p
        while (p < len && c !== 32 && c !== 9 && c !== 10) c = s.charCodeAt(++p)
        f[++n] = s.slice(start, p)
      }
      this.parsed = n
      this.scan = p
    } else if (sp.kind === "char") {
      const ch = sp.char
      let p = this.scan
      let n = this.parsed
      while (n < want) {
        if (p > len) {
          this.complete = true
          break
        }
        const j = s.indexOf(ch, p)
        if (j === -1) {
          f[++n] = s.slice(p)
          p = len + 1
          this.complete = true
          break
        }
        f[++n] = s.slice(p, j)
        p = j + 1
      }
      this.parsed = n
      this.scan = p
    } else {
      this.parsed = splitInto(s, sp, f)
      this.complete = true
    }
    if (this.complete) this.nf = this.parsed
  }

  private splitAll(): void {
    if (!this.complete) this.splitTo(Infinity)
  }

  private rebuild(): void {
    const f = this.fields
    let s = this.nf > 0 ? f[1] : ""
    for (let i = 2; i <= this.nf; i++) s += this.ofs + f[i]
    this.record = s
    this.stale = false
  }

  /** Field `i` (i >= 1) as a string. */
  field(i: number): string {
    if (i > this.parsed) {
      if (!this.complete) this.splitTo(i)
      if (i > this.parsed) return ""
    }
    return this.fields[i]
  }

  /** Field `i` as print writes it (a number assigned to it goes through OFMT). */
  fieldOut(i: number): string {
    if (i === 0) return this.getRecord()
    const a = this.assigned?.[i]
    if (typeof a === "number") return numToStr(a, this.ofmt)
    return this.field(i)
  }

  /** Field `i` as a value (a strnum unless a value was assigned to it). */
  fieldValue(i: number): Value {
    if (i === 0) return new StrNum(this.getRecord())
    const a = this.assigned?.[i]
    if (a !== undefined) return a
    return new StrNum(this.field(i))
  }

  /** Check a field number, as gawk does. */
  fieldIndex(v: number): number {
    const i = v >= 0 ? Math.floor(v) : Math.ceil(v)
    if (i < 0 || v !== v) throw new AwkFatal(`attempt to access field ${intToStr(i)}`)
    return i
  }

  setField(i: number, v: Value): void {
    if (i === 0) {
      this.setRecord(toStr(v, this.convfmt))
      return
    }
    this.splitAll()
    if (i > this.nf) {
      for (let j = this.nf + 1; j < i; j++) this.fields[j] = ""
      this.nf = i
      this.parsed = i
    }
    this.fields[i] = toStr(v, this.convfmt)
    if (typeof v !== "object") (this.assigned ??= [])[i] = v
    else if (this.assigned !== undefined) this.assigned[i] = undefined
    this.stale = true
  }

  /**
   * Take field `i` as an lvalue (sub's target, getline's variable): past NF
   * it creates the field, raising NF without rebuilding `$0`, as gawk does.
   */
  touchField(i: number): void {
    if (i === 0) return
    this.splitAll()
    if (i > this.nf) {
      for (let j = this.nf + 1; j <= i; j++) this.fields[j] = ""
      this.nf = i
      this.parsed = i
    }
  }

  /** Field `i` as a number (a number assigned to it keeps its precision). */
  fieldNum(i: number): number {
    if (i === 0) return strToNum(this.getRecord())
    const a = this.assigned?.[i]
    if (a !== undefined) return toNum(a)
    return strToNum(this.field(i))
  }

  getNF(): number {
    this.splitAll()
    return this.nf
  }

  setNF(v: number): void {
    this.splitAll()
    const n = Math.trunc(v)
    if (n < 0) throw new AwkFatal(`NF set to negative value`)
    for (let j = this.nf + 1; j <= n; j++) this.fields[j] = ""
    if (this.assigned !== undefined && n < this.assigned.length) this.assigned.length = n + 1
    this.nf = n
    this.parsed = n
    this.stale = true
  }

  setFS(v: Value): void {
    // The current record keeps the separator it was read with.
    this.splitAll()
    this.FS = v
    this.byPattern = false
    this.resplit()
  }

  /** gawk's FPAT: from now on fields are what this regex matches (until FS is set). */
  setFPAT(v: Value): void {
    this.splitAll()
    this.FPAT = v
    this.byPattern = true
    this.resplit()
  }

  private resplit(): void {
    const source = toStr(this.byPattern ? this.FPAT : this.FS, this.convfmt)
    try {
      this.splitter = this.byPattern
        ? { kind: "fpat", find: compile(source, this.icase).find }
        : splitterFor(source, this.rs === "", this.icase)
    } catch (e) {
      if (e instanceof RegexError) throw new AwkFatal(`invalid regexp: ${e.message}: /${source}/`)
      throw e
    }
  }

  setRS(v: Value): void {
    const wasParagraph = this.rs === ""
    this.RS = v
    this.rs = toStr(v, this.convfmt)
    if (wasParagraph !== (this.rs === "")) this.resplit()
  }

  setIgnoreCase(v: Value): void {
    this.ignoreCase = v
    const on = toNum(v) !== 0
    if (on !== this.icase) {
      this.icase = on
      this.resplit()
    }
  }

  /** The splitter for FS now (split() without a separator uses it). */
  currentSplitter(): Splitter {
    return this.splitter
  }

  setConvfmt(v: Value): void {
    this.CONVFMT = v
    this.convfmt = toStr(v, this.convfmt)
  }

  setOfmt(v: Value): void {
    this.OFMT = v
    this.ofmt = toStr(v, this.convfmt)
  }

  setOFS(v: Value): void {
    // A record rebuilt later still uses the OFS of the time its fields changed.
    if (this.stale) this.rebuild()
    this.OFS = v
    this.ofs = toStr(v, this.convfmt)
  }

  setORS(v: Value): void {
    this.ORS = v
    this.ors = toStr(v, this.convfmt)
  }

  setSUBSEP(v: Value): void {
    this.SUBSEP = v
    this.subsep = toStr(v, this.convfmt)
  }

  /** A subscript: integers as integers, other numbers through CONVFMT. */
  key(v: Value): string {
    if (typeof v === "number") return Number.isInteger(v) ? intToStr(v) : numToStr(v, this.convfmt)
    return typeof v === "string" ? v : v.s
  }

  /** A number as a string (concatenation, subscripts): CONVFMT. */
  str(v: Value): string {
    return toStr(v, this.convfmt)
  }

  /** A value as print writes it: numbers through OFMT. */
  out(v: Value): string {
    return typeof v === "number" ? numToStr(v, this.ofmt) : typeof v === "string" ? v : v.s
  }

  /** Compile a regex from a dynamic string (cached), as a fatal error when invalid. */
  regex(src: string): Compiled {
    try {
      return compile(src, this.icase, this.warn)
    } catch (e) {
      if (e instanceof RegexError) throw new AwkFatal(`invalid regexp: ${e.message}: /${src}/`)
      throw e
    }
  }
}
