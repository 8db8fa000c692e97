/**
 * The awk program as the parser builds it. Every node carries the source
 * line it starts on, for runtime error messages.
 *
 * Expr: Num | Str | Regex | Var | Field | Index | In | Assign | IncDec | Unary
 *   | Binary | Match | Logical | Cond | Group | Builtin | Call | Getline
 * Stmt: ExprStmt | Print | If | While | Do | For | ForIn | Block | Simple
 *   | Exit | Return | Delete
 */

/** A place an assignment can store to. */
export type LValue = Var | Field | Index

/** A number constant. */
export interface Num {
  readonly k: "num"
  readonly line: number
  readonly value: number
}

/** A string constant (escapes already processed). */
export interface Str {
  readonly k: "str"
  readonly line: number
  readonly value: string
}

/** `/re/` as an expression: matches `$0` (or is a regex argument to match/sub/split...). */
export interface Regex {
  readonly k: "regex"
  readonly line: number
  readonly source: string
}

/** A variable reference. */
export interface Var {
  readonly k: "var"
  readonly line: number
  readonly name: string
}

/** `$expr`. */
export interface Field {
  readonly k: "field"
  readonly line: number
  readonly index: Expr
}

/** `name[sub, ...]`. */
export interface Index {
  readonly k: "index"
  readonly line: number
  readonly name: string
  readonly subs: ReadonlyArray<Expr>
}

/** `(sub, ...) in name`. */
export interface In {
  readonly k: "in"
  readonly line: number
  readonly subs: ReadonlyArray<Expr>
  readonly name: string
}

/** Assignment operators (`**=` is read as `^=`). */
export type AssignOp = "=" | "+=" | "-=" | "*=" | "/=" | "%=" | "^="

/** `target op= value`. */
export interface Assign {
  readonly k: "assign"
  readonly line: number
  readonly op: AssignOp
  readonly target: LValue
  readonly value: Expr
}

/** `++x`, `x--`. */
export interface IncDec {
  readonly k: "incdec"
  readonly line: number
  readonly op: "++" | "--"
  readonly prefix: boolean
  readonly target: LValue
}

/** `-x`, `+x`, `!x`. */
export interface Unary {
  readonly k: "unary"
  readonly line: number
  readonly op: "-" | "+" | "!"
  readonly arg: Expr
}

/** Arithmetic, concatenation and comparison operators. */
export type BinaryOp = "+" | "-" | "*" | "/" | "%" | "^" | "concat" | "<" | "<=" | "==" | "!=" | ">" | ">="

/** A binary operation. */
export interface Binary {
  readonly k: "binary"
  readonly line: number
  readonly op: BinaryOp
  readonly left: Expr
  readonly right: Expr
}

/** `left ~ right`, `left !~ right`. */
export interface Match {
  readonly k: "match"
  readonly line: number
  readonly negate: boolean
  readonly left: Expr
  readonly right: Expr
}

/** `&&` and `||`. */
export interface Logical {
  readonly k: "logical"
  readonly line: number
  readonly op: "&&" | "||"
  readonly left: Expr
  readonly right: Expr
}

/** `test ? yes : no`. */
export interface Cond {
  readonly k: "cond"
  readonly line: number
  readonly test: Expr
  readonly yes: Expr
  readonly no: Expr
}

/** A parenthesized expression, kept so `print (a)(b) > f` and `(a, b) in x` parse. */
export interface Group {
  readonly k: "group"
  readonly line: number
  readonly expr: Expr
}

/** A call of a built-in function; `length` without parentheses has no args. */
export interface Builtin {
  readonly k: "builtin"
  readonly line: number
  readonly name: string
  readonly args: ReadonlyArray<Expr>
}

/** A call of a user-defined function. */
export interface Call {
  readonly k: "call"
  readonly line: number
  readonly name: string
  readonly args: ReadonlyArray<Expr>
}

/** `getline [var]`, `getline [var] < file`, `cmd | getline [var]`. */
export interface Getline {
  readonly k: "getline"
  readonly line: number
  readonly from: "main" | "file" | "command"
  readonly target: LValue | undefined
  readonly source: Expr | undefined
}

/** Any expression. */
export type Expr =
  | Num
  | Str
  | Regex
  | Var
  | Field
  | Index
  | In
  | Assign
  | IncDec
  | Unary
  | Binary
  | Match
  | Logical
  | Cond
  | Group
  | Builtin
  | Call
  | Getline

/** An output redirection of print/printf. */
export interface Redirect {
  readonly mode: ">" | ">>" | "|"
  readonly target: Expr
}

/** An expression run for its effects. */
export interface ExprStmt {
  readonly k: "expr"
  readonly line: number
  readonly expr: Expr
}

/** `print` / `printf` with an optional redirection. */
export interface Print {
  readonly k: "print" | "printf"
  readonly line: number
  readonly args: ReadonlyArray<Expr>
  readonly redirect: Redirect | undefined
}

/** `if (test) yes else no`. */
export interface If {
  readonly k: "if"
  readonly line: number
  readonly test: Expr
  readonly yes: Stmt
  readonly no: Stmt | undefined
}

/** `while (test) body`. */
export interface While {
  readonly k: "while"
  readonly line: number
  readonly test: Expr
  readonly body: Stmt
}

/** `do body while (test)`. */
export interface Do {
  readonly k: "do"
  readonly line: number
  readonly body: Stmt
  readonly test: Expr
}

/** `for (init; test; step) body`. */
export interface For {
  readonly k: "for"
  readonly line: number
  readonly init: Expr | undefined
  readonly test: Expr | undefined
  readonly step: Expr | undefined
  readonly body: Stmt
}

/** `for (target in array) body`. */
export interface ForIn {
  readonly k: "forin"
  readonly line: number
  readonly target: LValue
  readonly array: string
  readonly body: Stmt
}

/** `{ ... }`. */
export interface Block {
  readonly k: "block"
  readonly line: number
  readonly body: ReadonlyArray<Stmt>
}

/** Statements with no operands. */
export interface Simple {
  readonly k: "next" | "nextfile" | "break" | "continue"
  readonly line: number
}

/** `exit [value]`. */
export interface Exit {
  readonly k: "exit"
  readonly line: number
  readonly value: Expr | undefined
}

/** `return [value]`. */
export interface Return {
  readonly k: "return"
  readonly line: number
  readonly value: Expr | undefined
}

/** `delete name[subs]`, or `delete name` when `subs` is undefined. */
export interface Delete {
  readonly k: "delete"
  readonly line: number
  readonly name: string
  readonly subs: ReadonlyArray<Expr> | undefined
}

/** Any statement. */
export type Stmt = ExprStmt | Print | If | While | Do | For | ForIn | Block | Simple | Exit | Return | Delete

/** What selects the records a rule runs on. */
export type Pattern =
  | { readonly k: "begin" | "end" | "beginfile" | "endfile" | "all" }
  | { readonly k: "expr"; readonly expr: Expr }
  | { readonly k: "range"; readonly from: Expr; readonly to: Expr }

/** A pattern-action rule. */
export interface Rule {
  readonly line: number
  readonly pattern: Pattern
  /** Undefined: print the record. */
  readonly action: Block | undefined
}

/** A user-defined function. */
export interface Func {
  readonly line: number
  readonly name: string
  readonly params: ReadonlyArray<string>
  readonly body: Block
}

/** A parsed program: its rules in order and its functions. */
export interface Program {
  readonly rules: ReadonlyArray<Rule>
  readonly funcs: ReadonlyMap<string, Func>
}
