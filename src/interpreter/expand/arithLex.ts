/**
 * The tokenizer of bash arithmetic, as bash 5.2's expr.c reads tokens:
 * identifiers are looked at one token ahead (to tell `x = 1` from `x + 1`
 * and `x++` from `x + +y`), numbers are parsed by `strlong` as they are read,
 * and an invalid character is reported with bash's wording.
 */
import type { CompoundOp, Instr } from "./arithProgram.ts"

/** Token kinds beyond single operator characters, named as in expr.c. */
export const EOF = "EOF"
/** A number token. */
export const NUM = "NUM"
/** An identifier, possibly with a subscript. */
export const STR = "STR"
/** `op=`, the operator being in `assigntok`. */
export const OP_ASSIGN = "OP="
/** `++` before an identifier. */
export const PREINC = "PREINC"
/** `--` before an identifier. */
export const PREDEC = "PREDEC"
/** `++` after an identifier. */
export const POSTINC = "POSTINC"
/** `--` after an identifier. */
export const POSTDEC = "POSTDEC"
/** What `?:` leaves in `lasttok`. */
export const COND = "COND"

/** Single-character operators (bash's `_is_arithop`). */
const ARITH_OPS = new Set(["=", ">", "<", "+", "-", "*", "/", "%", "!", "(", ")", "&", "|", "^", "~", "?", ":", ","])
/** Operator tokens made of several characters (bash's `_is_multiop`). */
const MULTI_OPS = new Set(["==", "!=", "<=", ">=", "&&", "||", "<<", ">>", OP_ASSIGN, COND, "**"])
const INCDEC = new Set([PREINC, PREDEC, POSTINC, POSTDEC])
const COMPOUND: Record<string, CompoundOp> = {
  "*": "*",
  "/": "/",
  "%": "%",
  "+": "+",
  "-": "-",
  "&": "&",
  "^": "^",
  "|": "|",
  "<<": "<<",
  ">>": ">>",
}
const TWO_CHAR: Record<string, string> = {
  "==": "==",
  "!=": "!=",
  ">=": ">=",
  "<=": "<=",
  "&&": "&&",
  "||": "||",
  "**": "**",
}

/** Space, tab and newline: what separates arithmetic tokens. */
export const isArithSpace = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\n"
/** Space and tab: what bash skips before an error token. */
export const isBlank = (c: string | undefined): boolean => c === " " || c === "\t"
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9"
const isAlpha = (c: string | undefined): boolean =>
  c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"))
const isNameStart = (c: string | undefined): boolean => isAlpha(c) || c === "_"
const isNameChar = (c: string | undefined): boolean => isNameStart(c) || isDigit(c)
const isNumChar = (c: string | undefined): boolean => isNameChar(c) || c === "@"

/** Source with leading blanks removed, as bash prints it before an error. */
export const errorSubject = (source: string): string => source.replace(/^[ \t]+/, "")

/** Thrown to unwind the parser once a `fail` step has been emitted. */
export class Stop {}
const STOP = new Stop()

/** Index of the `]` closing the `[` at `open`, or -1 (nested brackets and quotes are skipped). */
const closingBracket = (s: string, open: number): number => {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    const c = s[i]
    if (c === "\\") i++
    else if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1)
      if (end < 0) return -1
      i = end
    } else if (c === "[") depth++
    else if (c === "]" && --depth === 0) return i
  }
  return -1
}

interface TokenState {
  readonly tp: number
  readonly lasttp: number
  readonly curtok: string
  readonly lasttok: string
  readonly tokstr: string
  readonly peeking: boolean
}

/**
 * bash's expression reader state and `readtok`, with the instruction buffer
 * the parser fills. Kept apart from the grammar (arithParse.ts), which
 * extends it.
 */
export class Lexer {
  protected readonly src: string
  protected readonly out: Array<Instr> = []
  protected tp = 0
  protected lasttp = 0
  protected curtok: string = EOF
  protected lasttok: string = EOF
  /** The last identifier read, with its subscript: the target of `=`, `++`... */
  protected tokstr = ""
  protected assigntok: CompoundOp = "+"
  /** Reading ahead only: bash sets `noeval` then, so nothing may be emitted. */
  protected peeking = false

  constructor(src: string) {
    this.src = src
  }

  /** Reads `curtok` through a call so the checker does not narrow it across `readtok()`. */
  protected at(tok: string): boolean {
    return this.curtok === tok
  }

  protected emit(instr: Instr): void {
    if (!this.peeking) this.out.push(instr)
  }

  protected errorToken(at: number): string {
    return at < this.src.length ? this.src.slice(at) : ""
  }

  protected message(msg: string, at: number = this.lasttp): string {
    return `${errorSubject(this.src)}: ${msg} (error token is "${this.errorToken(at)}")`
  }

  protected fail(msg: string): never {
    this.out.push({ k: "fail", message: this.message(msg) })
    throw STOP
  }

  protected save(): TokenState {
    const { tp, lasttp, curtok, lasttok, tokstr, peeking } = this
    return { tp, lasttp, curtok, lasttok, tokstr, peeking }
  }

  protected restore(s: TokenState): void {
    this.tp = s.tp
    this.lasttp = s.lasttp
    this.curtok = s.curtok
    this.lasttok = s.lasttok
    this.tokstr = s.tokstr
    this.peeking = s.peeking
  }

  protected readtok(): void {
    const src = this.src
    let cp = this.tp
    while (cp < src.length && isArithSpace(src[cp])) cp++
    if (cp >= src.length) {
      this.lasttok = this.curtok
      this.curtok = EOF
      this.tp = cp
      return
    }
    const start = cp
    this.lasttp = this.tp = start
    const c = src[cp++]
    if (isNameStart(c)) return this.readName(start)
    if (isDigit(c)) {
      while (cp < src.length && (isNumChar(src[cp]) || src[cp] === "#")) cp++
      this.emit({ k: "num", v: this.strlong(src.slice(start, cp)) })
      this.lasttok = this.curtok
      this.curtok = NUM
      this.tp = cp
      return
    }
    const c1 = src[cp++]
    let tok: string = c
    const pair = c + (c1 ?? "")
    if (TWO_CHAR[pair] !== undefined) tok = pair
    else if ((pair === "<<" || pair === ">>") && src[cp] === "=") {
      this.assigntok = COMPOUND[pair]
      tok = OP_ASSIGN
      cp++
    } else if (pair === "<<" || pair === ">>") tok = pair
    else if ((c === "-" || c === "+") && c1 === c) {
      if (this.curtok === STR) tok = c === "-" ? POSTDEC : POSTINC
      else if (this.curtok === NUM && (this.lasttok === PREINC || this.lasttok === PREDEC)) {
        this.fail(`${pair}: assignment requires lvalue`)
      } else {
        let xp = cp
        while (xp < src.length && isArithSpace(src[xp])) xp++
        if (isNameStart(src[xp])) tok = c === "-" ? PREDEC : PREINC
        else cp--
      }
    } else if (c1 === "=" && COMPOUND[c] !== undefined) {
      this.assigntok = COMPOUND[c]
      tok = OP_ASSIGN
    } else if (!ARITH_OPS.has(c)) {
      const prev = this.curtok
      this.fail(
        prev === EOF || ARITH_OPS.has(prev) || MULTI_OPS.has(prev) || INCDEC.has(prev)
          ? "syntax error: operand expected"
          : "syntax error: invalid arithmetic operator",
      )
    } else cp--
    this.lasttok = this.curtok
    this.curtok = tok
    this.tp = cp
  }

  protected readName(start: number): void {
    const src = this.src
    let cp = start + 1
    while (cp < src.length && isNameChar(src[cp])) cp++
    const name = src.slice(start, cp)
    let sub: string | undefined
    if (src[cp] === "[") {
      const close = closingBracket(src, cp)
      if (close < 0) this.fail("bad array subscript")
      sub = src.slice(cp + 1, close)
      cp = close + 1
    }
    this.tokstr = src.slice(start, cp)
    const saved = this.save()
    this.tp = cp
    this.peeking = true
    this.curtok = STR
    this.readtok()
    const peektok = this.curtok
    this.restore(saved)
    const afterPrefix = this.lasttok === PREINC || this.lasttok === PREDEC
    if (afterPrefix || peektok !== "=") {
      const ref = afterPrefix || peektok === OP_ASSIGN || peektok === POSTINC || peektok === POSTDEC
      this.emit({ k: "load", name, sub, ref, tok: this.errorToken(start) })
    } else this.emit({ k: "num", v: 0n })
    this.lasttok = this.curtok
    this.curtok = STR
    this.tp = cp
  }

  /** bash's `strlong`: decimal, `0x` hex, leading-0 octal and `base#digits`. */
  protected strlong(num: string): bigint {
    let i = 0
    let base = 10n
    let foundBase = false
    if (num[0] === "0") {
      i++
      if (num.length === 1) return 0n
      if (num[i] === "x" || num[i] === "X") {
        base = 16n
        i++
      } else base = 8n
      foundBase = true
    }
    let val = 0n
    for (; i < num.length; i++) {
      const c = num[i]
      if (c === "#") {
        if (foundBase) this.fail("invalid number")
        if (val < 2n || val > 64n) this.fail("invalid arithmetic base")
        base = val
        val = 0n
        foundBase = true
        if (!isNumChar(num[i + 1])) this.fail("invalid integer constant")
        continue
      }
      let d: number
      if (isDigit(c)) d = c.charCodeAt(0) - 48
      else if (c >= "a" && c <= "z") d = c.charCodeAt(0) - 97 + 10
      else if (c >= "A" && c <= "Z") d = c.charCodeAt(0) - 65 + (base <= 36n ? 10 : 36)
      else d = c === "@" ? 62 : 63
      if (BigInt(d) >= base) this.fail("value too great for base")
      val = BigInt.asIntN(64, val * base + BigInt(d))
    }
    return val
  }
}
