/**
 * The bash syntax tree produced by `grammar/bash.peggy`.
 *
 * Every node carries a `span` into the source. Nodes are plain readonly
 * records discriminated by `_tag`; the interpreter compiles them, `print.ts`
 * turns them back into source.
 *
 * Node families:
 * - structure: `Script`, `Statement`, `AndOr`, `Pipeline`
 * - commands (`Command`): `SimpleCommand`, `BraceGroup`, `Subshell`, `If`, `For`,
 *   `ArithFor`, `While`, `Case`, `ArithCommand`, `TestCommand`, `FunctionDef`
 * - words (`Word`, `WordPart`): `Literal`, `SingleQuoted`, `DoubleQuoted`, `AnsiC`,
 *   `Escaped`, `Tilde`, `ParamExp`, `CommandSub`, `ArithExp`, `ProcessSub`
 * - `[[ ]]` expressions (`TestExpr`): `TestAnd`, `TestOr`, `TestNot`, `TestGroup`,
 *   `TestUnary`, `TestBinary`, `TestWord`
 * - `Assignment`, `ArrayLiteral`, `Redirect`, `HereDoc`
 */

/** Source location: byte offsets `[start, end)` and the 1-based line of `start`. */
export interface Span {
  readonly start: number
  readonly end: number
  readonly line: number
}

/** A whole script or the body of `$(...)`: statements in order. */
export interface Script {
  readonly _tag: "Script"
  readonly body: List
  readonly span: Span
}

/** A sequence of statements (a compound list in POSIX terms). */
export type List = ReadonlyArray<Statement>

/** One and-or list, terminated by `;`, a newline, or `&` (background). */
export interface Statement {
  readonly _tag: "Statement"
  readonly andOr: AndOr
  readonly background: boolean
  readonly span: Span
}

/** `p1 && p2 || p3`: the first pipeline and the rest with their operators. */
export interface AndOr {
  readonly _tag: "AndOr"
  readonly first: Pipeline
  readonly rest: ReadonlyArray<{ readonly op: "&&" | "||"; readonly pipeline: Pipeline }>
  readonly span: Span
}

/**
 * `[time] [!] c1 | c2 |& c3`. `pipeStderr[i]` is true when stage `i` is joined
 * to stage `i + 1` by `|&` (its stderr goes down the pipe too).
 */
export interface Pipeline {
  readonly _tag: "Pipeline"
  readonly negated: boolean
  readonly timed: boolean
  readonly commands: ReadonlyArray<Command>
  readonly pipeStderr: ReadonlyArray<boolean>
  readonly span: Span
}

export type Command =
  SimpleCommand | BraceGroup | Subshell | If | For | ArithFor | While | Case | ArithCommand | TestCommand | FunctionDef

/** `a=1 b+=2 cmd arg... >out`. Either part may be empty, not both (unless redirects only). */
export interface SimpleCommand {
  readonly _tag: "SimpleCommand"
  readonly assignments: ReadonlyArray<Assignment>
  readonly words: ReadonlyArray<Word>
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `{ list; }` */
export interface BraceGroup {
  readonly _tag: "BraceGroup"
  readonly body: List
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `( list )` */
export interface Subshell {
  readonly _tag: "Subshell"
  readonly body: List
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `if c1; then b1; elif c2; then b2; else b3; fi` */
export interface If {
  readonly _tag: "If"
  readonly clauses: ReadonlyArray<{ readonly condition: List; readonly body: List }>
  readonly elseBody: List | null
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/**
 * `for name [in words]; do body; done`. `words` is null when `in` is absent (iterate `"$@"`).
 * `variable` is the text as written: bash checks that it is a valid name only when the loop runs.
 */
export interface For {
  readonly _tag: "For"
  readonly variable: string
  readonly words: ReadonlyArray<Word> | null
  readonly body: List
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `for ((init; test; update)); do body; done`. Each part is an arithmetic word, empty when omitted. */
export interface ArithFor {
  readonly _tag: "ArithFor"
  readonly init: Word
  readonly test: Word
  readonly update: Word
  readonly body: List
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `while c; do b; done` and `until c; do b; done` (`until: true`). */
export interface While {
  readonly _tag: "While"
  readonly until: boolean
  readonly condition: List
  readonly body: List
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `case word in p1|p2) body ;; esac` */
export interface Case {
  readonly _tag: "Case"
  readonly word: Word
  readonly items: ReadonlyArray<CaseItem>
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

export interface CaseItem {
  readonly patterns: ReadonlyArray<Word>
  readonly body: List
  /** `;;` stop, `;&` fall through into the next body, `;;&` test the next patterns. */
  readonly terminator: ";;" | ";&" | ";;&"
  readonly span: Span
}

/** `(( expression ))`: the text between the parentheses as an arithmetic word. */
export interface ArithCommand {
  readonly _tag: "ArithCommand"
  readonly expression: Word
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `[[ expression ]]` */
export interface TestCommand {
  readonly _tag: "TestCommand"
  readonly expression: TestExpr
  readonly redirects: ReadonlyArray<Redirect>
  readonly span: Span
}

/** `name() compound` or `function name [()] compound`. */
export interface FunctionDef {
  readonly _tag: "FunctionDef"
  readonly name: string
  readonly body: Command
  readonly keyword: boolean
  readonly span: Span
}

export type TestExpr = TestAnd | TestOr | TestNot | TestGroup | TestUnary | TestBinary | TestWord

export interface TestAnd {
  readonly _tag: "TestAnd"
  readonly left: TestExpr
  readonly right: TestExpr
  readonly span: Span
}
export interface TestOr {
  readonly _tag: "TestOr"
  readonly left: TestExpr
  readonly right: TestExpr
  readonly span: Span
}
export interface TestNot {
  readonly _tag: "TestNot"
  readonly expression: TestExpr
  readonly span: Span
}
export interface TestGroup {
  readonly _tag: "TestGroup"
  readonly expression: TestExpr
  readonly span: Span
}
/** `-f word`, `-z word`, `-v name` ... (`op` includes the dash). */
export interface TestUnary {
  readonly _tag: "TestUnary"
  readonly op: string
  readonly operand: Word
  readonly span: Span
}
/** `a == b`, `a != b`, `a =~ re`, `a < b`, `a -eq b`, `f1 -nt f2` ... */
export interface TestBinary {
  readonly _tag: "TestBinary"
  readonly op: string
  readonly left: Word
  readonly right: Word
  readonly span: Span
}
/** A lone word: true when non-empty. */
export interface TestWord {
  readonly _tag: "TestWord"
  readonly word: Word
  readonly span: Span
}

/** `name=value`, `name+=value`, `name[i]=value`, `name=(a b [k]=c)`. */
export interface Assignment {
  readonly _tag: "Assignment"
  readonly name: string
  readonly index: Word | null
  readonly append: boolean
  readonly value: Word | ArrayLiteral
  readonly span: Span
}

/** `(a b [k]=c)` on the right of an assignment. */
export interface ArrayLiteral {
  readonly _tag: "ArrayLiteral"
  readonly elements: ReadonlyArray<{ readonly index: Word | null; readonly value: Word }>
  readonly span: Span
}

/**
 * A redirection. `fd` is the explicit descriptor (`2>`), null for the default.
 * `target` is the file word, or for `>&`/`<&` the descriptor word (`1`, `-`).
 * Here-documents keep their body in `heredoc`; `target` is then the delimiter word.
 */
export interface Redirect {
  readonly _tag: "Redirect"
  readonly fd: number | null
  readonly op: RedirectOp
  readonly target: Word
  readonly heredoc: HereDoc | null
  readonly span: Span
}

export type RedirectOp = "<" | ">" | ">>" | ">|" | "<>" | ">&" | "<&" | "&>" | "&>>" | "<<" | "<<-" | "<<<"

/**
 * A here-document body. With a quoted delimiter the body is literal
 * (`quoted: true`, a single `Literal` part, none when empty); otherwise it holds
 * `Literal`, `Escaped`, `ParamExp`, `CommandSub` and `ArithExp` parts as in double quotes.
 * For `<<-` leading tabs are already stripped. `span` covers the body and the delimiter line.
 */
export interface HereDoc {
  readonly _tag: "HereDoc"
  readonly delimiter: string
  readonly quoted: boolean
  readonly stripTabs: boolean
  readonly body: Word
  readonly span: Span
}

/** A shell word: a sequence of parts, concatenated after expansion. */
export interface Word {
  readonly _tag: "Word"
  readonly parts: ReadonlyArray<WordPart>
  readonly span: Span
}

/**
 * One piece of a word. `ArrayLiteral` appears only as the last part of an
 * argument `name=(...)` / `name+=(...)` of a declaration builtin (`declare`,
 * `typeset`, `local`, `export`, `readonly`), after a `Literal` "name=": bash
 * hands such a compound assignment to the builtin unexpanded.
 */
export type WordPart =
  | Literal
  | SingleQuoted
  | DoubleQuoted
  | AnsiC
  | Escaped
  | Tilde
  | ParamExp
  | CommandSub
  | ArithExp
  | ProcessSub
  | ArrayLiteral

/** Unquoted literal text: glob characters and braces in it are live. */
export interface Literal {
  readonly _tag: "Literal"
  readonly value: string
  readonly span: Span
}
/** `'text'` */
export interface SingleQuoted {
  readonly _tag: "SingleQuoted"
  readonly value: string
  readonly span: Span
}
/** `"..."`: parts are `Literal` (already unescaped), `ParamExp`, `CommandSub`, `ArithExp`. */
export interface DoubleQuoted {
  readonly _tag: "DoubleQuoted"
  readonly parts: ReadonlyArray<WordPart>
  readonly span: Span
}
/** `$'...'`: `value` is the decoded text, `raw` the source between the quotes. */
export interface AnsiC {
  readonly _tag: "AnsiC"
  readonly value: string
  readonly raw: string
  readonly span: Span
}
/** `\c` outside quotes: the character `c`, quoted. */
export interface Escaped {
  readonly _tag: "Escaped"
  readonly value: string
  readonly span: Span
}
/** `~` or `~user` at the start of a word (or after `:`/`=` in assignments). */
export interface Tilde {
  readonly _tag: "Tilde"
  readonly user: string
  readonly span: Span
}

/**
 * `$name`, `${name}`, `${name[index]}` and every `${...}` operator.
 * `name` is a variable name, a positional digit string, or one of `@ * # ? - $ ! 0`.
 * `index` is the subscript word, or the strings "@"/"*" for `[@]`/`[*]`.
 * `length` is the leading `#` (`${#x}`), `indirect` the leading `!` (`${!x}`, `${!a[@]}`,
 * `${!prefix*}`). For `${!prefix*}` / `${!prefix@}` the name keeps its last character:
 * `name` is "prefix*" or "prefix@". A `${...}` bash cannot make sense of (`${x!y}`, `${}`)
 * keeps the text between the braces as `name`: bash parses it and fails only when
 * expanding it, with `${x!y}: bad substitution`.
 */
export interface ParamExp {
  readonly _tag: "ParamExp"
  readonly name: string
  readonly braced: boolean
  readonly index: Word | "@" | "*" | null
  readonly length: boolean
  readonly indirect: boolean
  readonly op: ParamOp | null
  readonly span: Span
}

export type ParamOp =
  /** `${x-w}` `${x:-w}` `${x=w}` `${x:=w}` `${x?w}` `${x:?w}` `${x+w}` `${x:+w}` */
  | {
      readonly kind: "default"
      readonly colon: boolean
      readonly type: "-" | "=" | "?" | "+"
      readonly word: Word
    }
  /** `${x#p}` `${x##p}` */
  | { readonly kind: "removePrefix"; readonly longest: boolean; readonly pattern: Word }
  /** `${x%p}` `${x%%p}` */
  | { readonly kind: "removeSuffix"; readonly longest: boolean; readonly pattern: Word }
  /** `${x/p/r}` `${x//p/r}` `${x/#p/r}` `${x/%p/r}`; `replacement` null when the second `/` is absent. */
  | {
      readonly kind: "replace"
      readonly mode: "first" | "all" | "prefix" | "suffix"
      readonly pattern: Word
      readonly replacement: Word | null
    }
  /** `${x:offset}` `${x:offset:length}`: arithmetic words. */
  | { readonly kind: "substring"; readonly offset: Word; readonly length: Word | null }
  /** `${x^p}` `${x^^p}` `${x,p}` `${x,,p}`; `pattern` null when absent. */
  | { readonly kind: "case"; readonly op: "^" | "^^" | "," | ",,"; readonly pattern: Word | null }
  /** `${x@Q}` and the other `@` transformations. */
  | { readonly kind: "transform"; readonly op: string }

/** `$(list)` or `` `list` `` */
export interface CommandSub {
  readonly _tag: "CommandSub"
  readonly body: Script
  readonly backtick: boolean
  readonly span: Span
}
/** `$((expression))`: the inside as an arithmetic word (expanded, then evaluated). */
export interface ArithExp {
  readonly _tag: "ArithExp"
  readonly expression: Word
  readonly span: Span
}
/** `<(list)` or `>(list)` */
export interface ProcessSub {
  readonly _tag: "ProcessSub"
  readonly direction: "<" | ">"
  readonly body: Script
  readonly span: Span
}

export type Node =
  | Script
  | Statement
  | AndOr
  | Pipeline
  | Command
  | TestExpr
  | Assignment
  | ArrayLiteral
  | Redirect
  | HereDoc
  | Word
  | WordPart
