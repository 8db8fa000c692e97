import { AwkFatal } from "./Runtime.ts"

/**
 * Small pieces the compilers share: compile-time errors, the built-in
 * variable names, and arithmetic with gawk's rules.
 */

/** A compile-time error (invalid regex constant, ...): gawk reports it and exits 1. */
export class CompileError {
  readonly message: string
  readonly line: number
  constructor(message: string, line: number) {
    this.message = message
    this.line = line
  }
}

/** Built-in variables with side effects or their own storage. */
export const SPECIAL = new Set([
  "NR",
  "FNR",
  "NF",
  "FS",
  "FPAT",
  "OFS",
  "ORS",
  "RS",
  "FILENAME",
  "SUBSEP",
  "RSTART",
  "RLENGTH",
  "CONVFMT",
  "OFMT",
  "RT",
  "IGNORECASE",
])

/** `x ^ y` as gawk computes it: integer powers by repeated squaring, like calc_exp. */
export const power = (x: number, y: number): number => {
  if (Number.isInteger(y) && Math.abs(y) < 2 ** 53) {
    if (y === 0) return 1
    let n = Math.abs(y)
    let base = x
    let mult = 1
    while (n > 1) {
      if (n % 2 === 1) mult *= base
      base *= base
      n = Math.floor(n / 2)
    }
    const r = mult * base
    return y > 0 ? r : 1 / r
  }
  return Math.pow(x, y)
}

/** Throw an awk fatal error. */
export const fatal = (message: string): never => {
  throw new AwkFatal(message)
}

/** Arithmetic on numbers; division by zero is fatal with gawk's wording. */
export const arith = (op: string, a: number, b: number): number => {
  switch (op) {
    case "+":
      return a + b
    case "-":
      return a - b
    case "*":
      return a * b
    case "/":
      return b === 0 ? fatal("division by zero attempted") : a / b
    case "%":
      return b === 0 ? fatal("division by zero attempted in `%'") : a % b
    default:
      return power(a, b)
  }
}
