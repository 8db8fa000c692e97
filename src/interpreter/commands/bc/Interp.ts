import * as N from "./Num.ts"
import { BcError, type Num } from "./Num.ts"
import type { Expr, Func, LValue, Stmt } from "./Parse.ts"

/**
 * The bc machine: variables, arrays and functions with bc's dynamic scoping
 * (a call's parameters and autos hide the caller's variables of the same
 * name until it returns), the special variables, and output with GNU's
 * line splitting. Evaluation is a generator that yields now and then, so a
 * runaway loop can be interrupted and output flushed between slices.
 */

/** A generator step: evaluation yields to let the driver flush and be interrupted. */
export type Gen<T> = Generator<void, T, void>

type Flow =
  | { readonly k: "normal" }
  | { readonly k: "break" }
  | { readonly k: "continue" }
  | { readonly k: "return"; readonly value: Num }
  | { readonly k: "halt" }

const NORMAL: Flow = { k: "normal" }

/** A native function of the math library. */
export type Native = (m: Machine, args: ReadonlyArray<Num>) => Num

const MAX_DEPTH = 2000

/** The state of a bc run. */
export class Machine {
  scale = 0
  ibase = 10
  obase = 10
  last: Num = N.ZERO
  /** Characters per output line before a `\` split (0: no splitting). */
  lineLength = 70
  out = ""
  private col = 0
  private readonly vars = new Map<string, Array<Num>>()
  private readonly arrays = new Map<string, Array<Map<number, Num>>>()
  readonly funcs = new Map<string, Func>()
  readonly natives = new Map<string, Native>()
  private readonly frames: Array<string> = []
  private steps = 0
  /** Called with each runtime warning. */
  warn: (message: string) => void = () => {}

  /** The function name used in runtime messages. */
  where(): string {
    return this.frames.at(-1) ?? "(main)"
  }

  write(text: string): void {
    this.out += text
    const nl = text.lastIndexOf("\n")
    this.col = nl === -1 ? this.col + text.length : text.length - nl - 1
  }

  /** A number with GNU's splitting: a `\` and newline before column `lineLength`. */
  writeNumber(n: Num): void {
    const text = N.format(n, this.obase)
    if (this.lineLength <= 2) {
      this.write(text)
      return
    }
    let piece = ""
    for (const c of text) {
      if (this.col === this.lineLength - 2) {
        piece += "\\\n"
        this.col = 0
      }
      piece += c
      this.col++
    }
    this.out += piece
  }

  private tick(): boolean {
    return ++this.steps % 2000 === 0
  }

  private getVar(name: string): Num {
    switch (name) {
      case "scale":
        return N.int(this.scale)
      case "ibase":
        return N.int(this.ibase)
      case "obase":
        return N.int(this.obase)
      case "last":
        return this.last
    }
    return this.vars.get(name)?.at(-1) ?? N.ZERO
  }

  private setVar(name: string, value: Num): Num {
    switch (name) {
      case "scale": {
        const v = N.toInteger(value)
        if (v < 0n) throw new BcError("negative scale")
        this.scale = Number(v > 2147483647n ? 2147483647n : v)
        return N.int(this.scale)
      }
      case "ibase": {
        const v = Number(N.toInteger(value))
        // GNU bc 1.07 clamps silently.
        this.ibase = Math.min(16, Math.max(2, v))
        return N.int(this.ibase)
      }
      case "obase": {
        const v = N.toInteger(value)
        if (v < 2n) throw new BcError("obase too small")
        this.obase = Number(v > 2147483647n ? 2147483647n : v)
        return N.int(this.obase)
      }
      case "last":
        this.last = value
        return value
    }
    const stack = this.vars.get(name)
    if (stack === undefined || stack.length === 0) this.vars.set(name, [value])
    else stack[stack.length - 1] = value
    return value
  }

  private array(name: string): Map<number, Num> {
    let stack = this.arrays.get(name)
    if (stack === undefined) {
      stack = [new Map()]
      this.arrays.set(name, stack)
    }
    if (stack.length === 0) stack.push(new Map())
    return stack[stack.length - 1]
  }

  private index(name: string, value: Num): number {
    const i = N.toInteger(value)
    if (i < 0n || i > 16777215n) throw new BcError(`Array ${name} subscript out of bounds.`)
    return Number(i)
  }

  private *get(target: LValue): Gen<Num> {
    if (target.k === "var") return this.getVar(target.name)
    const i = this.index(target.name, yield* this.eval(target.index))
    return this.array(target.name).get(i) ?? N.ZERO
  }

  private *set(target: LValue, value: Num, index?: number): Gen<Num> {
    if (target.k === "var") return this.setVar(target.name, value)
    const i = index ?? this.index(target.name, yield* this.eval(target.index))
    this.array(target.name).set(i, value)
    return value
  }

  private arith(op: string, a: Num, b: Num): Num {
    switch (op) {
      case "+":
        return N.add(a, b)
      case "-":
        return N.sub(a, b)
      case "*":
        return N.mul(a, b, this.scale)
      case "/":
        return N.div(a, b, this.scale)
      case "%":
        return N.mod(a, b, this.scale)
      default: {
        if (b.s !== 0) this.warn("non-zero scale in exponent")
        return N.power(a, N.toInteger(b), this.scale)
      }
    }
  }

  /** Evaluate an expression. Throws `BcError`. */
  *eval(e: Expr): Gen<Num> {
    switch (e.k) {
      case "num":
        return N.parseConstant(e.text, this.ibase)
      case "var":
        return this.getVar(e.name)
      case "elem":
        return yield* this.get(e)
      case "fn": {
        const v = yield* this.eval(e.e)
        if (e.name === "length") return N.int(N.length(v))
        if (e.name === "scale") return N.int(v.s)
        return N.sqrt(v, this.scale)
      }
      case "neg":
        return N.neg(yield* this.eval(e.e))
      case "not":
        return N.int(N.isZero(yield* this.eval(e.e)) ? 1 : 0)
      case "assign": {
        // An element's index is evaluated once, before the value.
        const index = e.target.k === "elem" ? this.index(e.target.name, yield* this.eval(e.target.index)) : undefined
        let value = yield* this.eval(e.value)
        if (e.op !== "=") {
          const current =
            e.target.k === "var" ? this.getVar(e.target.name) : (this.array(e.target.name).get(index ?? 0) ?? N.ZERO)
          value = this.arith(e.op[0], current, value)
        }
        return yield* this.set(e.target, value, index)
      }
      case "step": {
        const index = e.target.k === "elem" ? this.index(e.target.name, yield* this.eval(e.target.index)) : undefined
        const current =
          e.target.k === "var" ? this.getVar(e.target.name) : (this.array(e.target.name).get(index ?? 0) ?? N.ZERO)
        const next = e.op === "++" ? N.add(current, N.int(1)) : N.sub(current, N.int(1))
        const stored = yield* this.set(e.target, next, index)
        return e.prefix ? stored : current
      }
      case "bin": {
        if (e.op === "&&") {
          if (N.isZero(yield* this.eval(e.l))) return N.int(0)
          return N.int(N.isZero(yield* this.eval(e.r)) ? 0 : 1)
        }
        if (e.op === "||") {
          if (!N.isZero(yield* this.eval(e.l))) return N.int(1)
          return N.int(N.isZero(yield* this.eval(e.r)) ? 0 : 1)
        }
        const l = yield* this.eval(e.l)
        const r = yield* this.eval(e.r)
        const c = () => N.cmp(l, r)
        switch (e.op) {
          case "==":
            return N.int(c() === 0 ? 1 : 0)
          case "!=":
            return N.int(c() !== 0 ? 1 : 0)
          case "<":
            return N.int(c() < 0 ? 1 : 0)
          case "<=":
            return N.int(c() <= 0 ? 1 : 0)
          case ">":
            return N.int(c() > 0 ? 1 : 0)
          case ">=":
            return N.int(c() >= 0 ? 1 : 0)
        }
        return this.arith(e.op, l, r)
      }
      case "call":
        return yield* this.call(e.name, e.args)
    }
  }

  private *call(name: string, args: ReadonlyArray<Expr | { readonly k: "array"; readonly name: string }>): Gen<Num> {
    const fn = this.funcs.get(name)
    const native = fn === undefined ? this.natives.get(name) : undefined
    if (fn === undefined && native === undefined) throw new BcError(`Function ${name} not defined.`)
    const values: Array<Num | Map<number, Num>> = []
    for (const a of args) {
      if (a.k === "array") values.push(new Map(this.array(a.name)))
      else values.push(yield* this.eval(a))
    }
    if (native !== undefined) {
      if (values.some((v) => v instanceof Map)) throw new BcError("Parameter number mismatch")
      const nums = values.filter((v): v is Num => !(v instanceof Map))
      this.frames.push(name)
      try {
        return native(this, nums)
      } finally {
        this.frames.pop()
      }
    }
    if (fn === undefined) return N.ZERO
    if (values.length !== fn.params.length) throw new BcError("Parameter number mismatch")
    if (this.frames.length >= MAX_DEPTH) throw new BcError("Function call nesting too deep")
    const pushed: Array<{ readonly name: string; readonly array: boolean }> = []
    fn.params.forEach((p, i) => {
      const v = values[i]
      if (p.array !== v instanceof Map) throw new BcError("Parameter type mismatch")
      if (v instanceof Map) this.pushArray(p.name, v)
      else this.pushVar(p.name, v)
      pushed.push(p)
    })
    for (const a of fn.autos) {
      if (a.array) this.pushArray(a.name, new Map())
      else this.pushVar(a.name, N.ZERO)
      pushed.push(a)
    }
    this.frames.push(name)
    try {
      const flow = yield* this.block(fn.body)
      return flow.k === "return" ? flow.value : N.ZERO
    } finally {
      this.frames.pop()
      for (const p of pushed.reverse()) {
        if (p.array) this.arrays.get(p.name)?.pop()
        else this.vars.get(p.name)?.pop()
      }
    }
  }

  private pushVar(name: string, v: Num) {
    const stack = this.vars.get(name)
    if (stack === undefined) this.vars.set(name, [N.ZERO, v])
    else stack.push(v)
  }

  private pushArray(name: string, v: Map<number, Num>) {
    const stack = this.arrays.get(name)
    if (stack === undefined) this.arrays.set(name, [new Map(), v])
    else stack.push(v)
  }

  private *block(body: ReadonlyArray<Stmt>): Gen<Flow> {
    for (const s of body) {
      const flow = yield* this.exec(s)
      if (flow.k !== "normal") return flow
    }
    return NORMAL
  }

  /** Run a statement. Throws `BcError`. */
  *exec(s: Stmt): Gen<Flow> {
    switch (s.k) {
      case "empty":
        return NORMAL
      case "expr": {
        const v = yield* this.eval(s.e)
        if (s.e.k !== "assign") {
          this.writeNumber(v)
          this.write("\n")
          this.last = v
        }
        return NORMAL
      }
      case "str":
        this.write(s.text)
        return NORMAL
      case "print":
        for (const item of s.items) {
          if (item.k === "str") this.write(unescape(item.text))
          else {
            const v = yield* this.eval(item)
            this.writeNumber(v)
            this.last = v
          }
        }
        return NORMAL
      case "block":
        return yield* this.block(s.body)
      case "if":
        if (!N.isZero(yield* this.eval(s.cond))) return yield* this.exec(s.body)
        return s.otherwise === undefined ? NORMAL : yield* this.exec(s.otherwise)
      case "while":
        while (!N.isZero(yield* this.eval(s.cond))) {
          if (this.tick()) yield
          const flow = yield* this.exec(s.body)
          if (flow.k === "break") break
          if (flow.k === "return" || flow.k === "halt") return flow
        }
        return NORMAL
      case "for":
        if (s.init !== undefined) yield* this.eval(s.init)
        while (s.cond === undefined || !N.isZero(yield* this.eval(s.cond))) {
          if (this.tick()) yield
          const flow = yield* this.exec(s.body)
          if (flow.k === "break") break
          if (flow.k === "return" || flow.k === "halt") return flow
          if (s.step !== undefined) yield* this.eval(s.step)
        }
        return NORMAL
      case "break":
      case "continue":
      case "halt":
        return { k: s.k }
      case "return":
        return { k: "return", value: s.e === undefined ? N.ZERO : yield* this.eval(s.e) }
      case "define":
        this.funcs.set(s.fn.name, s.fn)
        return NORMAL
    }
  }
}

/** `print` string escapes. */
const unescape = (text: string): string =>
  text.replace(/\\(.)/g, (all, c: string) => {
    const map: Record<string, string> = {
      n: "\n",
      t: "\t",
      a: "\u0007",
      b: "\b",
      f: "\f",
      r: "\r",
      q: '"',
      "\\": "\\",
      e: "\\",
    }
    return map[c] ?? all
  })
