/**
 * The compiled form of an arithmetic expression: the contract between the
 * compiler (arithParse.ts) and the evaluator (arith.ts).
 */

/** A binary operator that cannot fail. */
export type BinaryOp =
  "|" | "^" | "&" | "==" | "!=" | "<" | "<=" | ">" | ">=" | "<<" | ">>" | "+" | "-" | "*" | "&&" | "||"

/** The operator of a compound assignment (`a op= b`). */
export type CompoundOp = "*" | "/" | "%" | "+" | "-" | "<<" | ">>" | "&" | "^" | "|"

/**
 * One step of a compiled expression, run by `arith.ts` over a value stack.
 * `load` reads a variable (`ref` when it is also the target of a later
 * `assign`/`incdec`, whose array index it then remembers); `skip`/`unskip`
 * bracket a branch that bash parses without evaluating (`&&`, `||`, `?:`);
 * `fail` ends a program that bash would reject at that point.
 */
export type Instr =
  | { readonly k: "num"; readonly v: bigint }
  | {
      readonly k: "load"
      readonly name: string
      readonly sub: string | undefined
      readonly ref: boolean
      readonly tok: string
    }
  | { readonly k: "pop" }
  | { readonly k: "unary"; readonly op: "!" | "~" | "-" }
  | { readonly k: "binary"; readonly op: BinaryOp }
  | { readonly k: "div"; readonly op: "/" | "%"; readonly message: string }
  | { readonly k: "pow"; readonly message: string }
  | { readonly k: "skip"; readonly when: boolean; readonly at: 1 | 2 }
  | { readonly k: "unskip" }
  | { readonly k: "select" }
  | {
      readonly k: "assign"
      readonly name: string
      readonly sub: string | undefined
      readonly op: CompoundOp | undefined
      readonly message: string
      readonly tok: string
    }
  | {
      readonly k: "incdec"
      readonly name: string
      readonly sub: string | undefined
      readonly delta: bigint
      readonly post: boolean
    }
  | { readonly k: "fail"; readonly message: string }

/** A compiled expression: its text (for error messages) and its steps. */
export interface Program {
  readonly source: string
  readonly code: ReadonlyArray<Instr>
}
