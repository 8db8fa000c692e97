/**
 * Compiles bash arithmetic text into a small stack program.
 *
 * The recursive descent mirrors bash 5.2's expr.c function for function,
 * because bash evaluates while it parses: which error wins, what the "error
 * token" is, and which variables were read before a syntax error all follow
 * from when each token is read. Each instruction is emitted at the point
 * where bash would perform that step, so running the program reproduces
 * bash's order exactly, including a trailing `fail` where bash stopped.
 */
import { COND, EOF, Lexer, NUM, OP_ASSIGN, POSTDEC, POSTINC, PREDEC, PREINC, STR, Stop, isBlank } from "./arithLex.ts"
import type { BinaryOp, Instr, Program } from "./arithProgram.ts"

class Compiler extends Lexer {
  compile(): ReadonlyArray<Instr> {
    try {
      this.readtok()
      this.expcomma()
      if (this.curtok !== EOF) this.fail("syntax error in expression")
    } catch (e) {
      if (e instanceof RangeError) {
        this.out.push({ k: "fail", message: this.message("expression recursion level exceeded") })
      } else if (!(e instanceof Stop)) throw e
    }
    return this.out
  }

  private expcomma(): void {
    this.expassign()
    while (this.at(",")) {
      this.emit({ k: "pop" })
      this.readtok()
      this.expassign()
    }
  }

  private expassign(): void {
    this.expcond()
    if (!this.at("=") && !this.at(OP_ASSIGN)) return
    const special = this.at(OP_ASSIGN)
    if (this.lasttok !== STR) this.fail("attempted assignment to non-variable")
    const op = special ? this.assigntok : undefined
    const { name, sub } = this.target()
    this.readtok()
    this.expassign()
    this.emit({ k: "assign", name, sub, op, message: this.message("division by 0"), tok: this.errorToken(this.lasttp) })
  }

  private expcond(): void {
    this.explor()
    if (!this.at("?")) return
    this.emit({ k: "skip", when: false, at: 1 })
    this.readtok()
    if (this.at(EOF) || this.at(":")) this.fail("expression expected")
    this.expcomma()
    this.emit({ k: "unskip" })
    if (!this.at(":")) this.fail("`:' expected for conditional expression")
    this.emit({ k: "skip", when: true, at: 2 })
    this.readtok()
    if (this.at(EOF)) this.fail("expression expected")
    this.expcond()
    this.emit({ k: "unskip" })
    this.emit({ k: "select" })
    this.lasttok = COND
  }

  private shortCircuit(op: "&&" | "||", next: () => void): void {
    next()
    while (this.at(op)) {
      this.emit({ k: "skip", when: op === "||", at: 1 })
      this.readtok()
      next()
      this.emit({ k: "unskip" })
      this.emit({ k: "binary", op })
      this.lasttok = op
    }
  }

  private explor(): void {
    this.shortCircuit("||", () => this.expland())
  }

  private expland(): void {
    this.shortCircuit("&&", () => this.expbor())
  }

  /** A left-associative level whose operators cannot fail. */
  private level(ops: ReadonlyArray<BinaryOp>, next: () => void): void {
    next()
    for (let op = ops.find((o) => o === this.curtok); op !== undefined; op = ops.find((o) => o === this.curtok)) {
      this.readtok()
      next()
      this.emit({ k: "binary", op })
      this.lasttok = NUM
    }
  }

  private expbor(): void {
    this.level(["|"], () => this.expbxor())
  }
  private expbxor(): void {
    this.level(["^"], () => this.expband())
  }
  private expband(): void {
    this.level(["&"], () => this.exp5())
  }
  private exp5(): void {
    this.level(["==", "!="], () => this.exp4())
  }
  private exp4(): void {
    this.level(["<=", ">=", "<", ">"], () => this.expshift())
  }
  private expshift(): void {
    this.level(["<<", ">>"], () => this.exp3())
  }
  private exp3(): void {
    this.level(["+", "-"], () => this.expmuldiv())
  }

  private expmuldiv(): void {
    this.exppower()
    while (this.at("*") || this.at("/") || this.at("%")) {
      const op = this.at("*") ? "*" : this.at("/") ? "/" : "%"
      let stp = this.tp
      this.readtok()
      this.exppower()
      if (op === "*") this.emit({ k: "binary", op })
      else {
        while (stp < this.src.length && isBlank(this.src[stp])) stp++
        this.emit({ k: "div", op, message: this.message("division by 0", stp) })
      }
      this.lasttok = NUM
    }
  }

  private exppower(): void {
    this.exp1()
    if (this.at("**")) {
      this.readtok()
      this.exppower()
      this.lasttok = NUM
      this.emit({ k: "pow", message: this.message("exponent less than 0") })
    }
  }

  private exp1(): void {
    const op = this.curtok
    if (op === "!" || op === "~" || op === "-" || op === "+") {
      this.readtok()
      this.exp1()
      if (op !== "+") this.emit({ k: "unary", op })
      this.lasttok = NUM
    } else this.exp0()
  }

  private exp0(): void {
    if (this.at(PREINC) || this.at(PREDEC)) {
      const stok = (this.lasttok = this.curtok)
      this.readtok()
      if (!this.at(STR)) this.fail("identifier expected after pre-increment or pre-decrement")
      this.emitIncDec(stok === PREINC ? 1n : -1n, false)
      this.curtok = NUM
      this.readtok()
    } else if (this.at("(")) {
      this.readtok()
      this.expcomma()
      if (!this.at(")")) this.fail("missing `)'")
      this.readtok()
    } else if (this.at(NUM) || this.at(STR)) {
      if (this.at(STR)) {
        const saved = this.save()
        this.peeking = true
        this.readtok()
        const stok = this.curtok
        if (stok === POSTINC || stok === POSTDEC) {
          this.tokstr = saved.tokstr
          this.peeking = saved.peeking
          this.lasttok = STR
          this.emitIncDec(stok === POSTINC ? 1n : -1n, true)
          this.curtok = NUM
        } else this.restore(saved)
      }
      this.readtok()
    } else this.fail("syntax error: operand expected")
  }

  private emitIncDec(delta: bigint, post: boolean): void {
    this.emit({ k: "incdec", ...this.target(), delta, post })
  }

  /** The variable the last identifier names, split into name and raw subscript. */
  private target(): { readonly name: string; readonly sub: string | undefined } {
    const bracket = this.tokstr.indexOf("[")
    return bracket < 0
      ? { name: this.tokstr, sub: undefined }
      : { name: this.tokstr.slice(0, bracket), sub: this.tokstr.slice(bracket + 1, -1) }
  }
}

/** Compiles non-blank arithmetic text; the program ends in `fail` when bash would report an error. */
export const compile = (source: string): Program => ({ source, code: new Compiler(source).compile() })
