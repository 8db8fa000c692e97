// fast-check arbitraries for syntax trees in the parser's normal form: the
// shapes `parse` produces (adjacent literals merged, left-nested `&&`/`||`,
// no literal text that would lex as something else when printed).
import fc from "fast-check"
import type * as Ast from "../../src/parser/Ast.ts"

const span: Ast.Span = { start: 0, end: 0, line: 1 }

const lit = (value: string): Ast.Literal => ({ _tag: "Literal", value, span })

/** Merge adjacent literals and brace `$name` when a name character follows it, as printing would glue them. */
const normalize = (parts: ReadonlyArray<Ast.WordPart>): Array<Ast.WordPart> => {
  const out: Array<Ast.WordPart> = []
  for (const p of parts) {
    const last = out[out.length - 1]
    if (p._tag === "Literal" && p.value === "") continue
    if (p._tag === "Literal" && last?._tag === "Literal") out[out.length - 1] = lit(last.value + p.value)
    else out.push(p)
  }
  return out.map((p, i) => {
    const next = out[i + 1]
    const glued = next?._tag === "Literal" && /^[A-Za-z0-9_]/.test(next.value)
    return p._tag === "ParamExp" && !p.braced && /^[A-Za-z_]/.test(p.name) && glued ? { ...p, braced: true } : p
  })
}

const word = (parts: ReadonlyArray<Ast.WordPart>): Ast.Word => ({ _tag: "Word", parts: normalize(parts), span })

const text = (chars: string, min = 1, max = 6) =>
  fc.string({ unit: fc.constantFrom(...chars), minLength: min, maxLength: max })

const lower = "abcdefghij"
/** Unquoted word text: no metacharacters, quotes, `$`, `=`, `~`, `#`, `!` or braces. */
const WORD_CHARS = lower + "0123456789._/,:-+%@^*?[]"
const identifier = fc.constantFrom("x", "foo", "_a1", "PATH", "n")

const literalWord = text(lower + "0123456789._-").map((v) => word([lit(v)]))
const singleQuoted = text(lower + ' $"\\`;&|()<>{}#~\n').map((value): Ast.SingleQuoted => ({
  _tag: "SingleQuoted",
  value,
  span,
}))
const escaped = fc
  .constantFrom(..."$\"'\\;&|<>() a*?{}#`")
  .map((value): Ast.Escaped => ({ _tag: "Escaped", value, span }))
const ansiC = fc
  .array(
    fc.constantFrom<[string, string]>(
      ["a", "a"],
      ["\\n", "\n"],
      ["\\t", "\t"],
      ["\\\\", "\\"],
      ["\\'", "'"],
      ["\\x41", "A"],
      [" ", " "],
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((pieces): Ast.AnsiC => ({
    _tag: "AnsiC",
    raw: pieces.map((p) => p[0]).join(""),
    value: pieces.map((p) => p[1]).join(""),
    span,
  }))

/** Every arbitrary that nests scripts, built for a given remaining depth. */
export interface Arbitraries {
  readonly script: fc.Arbitrary<Ast.Script>
  readonly list: fc.Arbitrary<Ast.List>
  readonly command: fc.Arbitrary<Ast.Command>
  readonly word: fc.Arbitrary<Ast.Word>
}

const memo = new Map<number, Arbitraries>()

export const arbitraries = (depth: number): Arbitraries => {
  const known = memo.get(depth)
  if (known !== undefined) return known
  const made = build(depth)
  memo.set(depth, made)
  return made
}

const build = (depth: number): Arbitraries => {
  const inner = depth > 0 ? arbitraries(depth - 1) : null
  const subScript: fc.Arbitrary<Ast.Script> = inner?.script ?? fc.constant({ _tag: "Script", body: [], span })

  const commandSub = fc
    .record({ body: subScript, backtick: fc.boolean() })
    .map(({ body, backtick }): Ast.CommandSub => ({
      _tag: "CommandSub",
      body: backtick ? withoutHereDocs(body) : body,
      backtick,
      span,
    }))
  const arithWord = fc
    .array(
      fc.oneof(
        text("0123456789 +*-<>=abc", 1, 5).map(lit),
        fc.constantFrom("x", "n").map((n) => param(n, true)),
      ),
      { maxLength: 3 },
    )
    .map(word)
  const arithExp = arithWord.map((expression): Ast.ArithExp => ({ _tag: "ArithExp", expression, span }))
  const processSub = fc
    .record({ direction: fc.constantFrom<"<" | ">">("<", ">"), body: subScript })
    .map(({ direction, body }): Ast.ProcessSub => ({ _tag: "ProcessSub", direction, body, span }))

  const paramWord = (chars: string, quoted: boolean): fc.Arbitrary<Ast.Word> =>
    fc
      .array(
        quoted
          ? fc.oneof(
              text(chars).map(lit),
              text(chars, 0).map((v) => lit(`'${v}'`)),
              plainParam,
              doubleQuotedSimple,
            )
          : fc.oneof(text(chars).map(lit), singleQuoted, plainParam, doubleQuotedSimple),
        { maxLength: 2 },
      )
      .map(word)
  const paramOp = (quoted: boolean): fc.Arbitrary<Ast.ParamOp> =>
    fc.oneof(
      fc.record({
        kind: fc.constant("default" as const),
        colon: fc.boolean(),
        type: fc.constantFrom<"-" | "=" | "?" | "+">("-", "=", "?", "+"),
        word: paramWord(lower + " .", quoted),
      }),
      fc.record({
        kind: fc.constant("removePrefix" as const),
        longest: fc.boolean(),
        pattern: paramWord(lower + "*?.", false),
      }),
      fc.record({
        kind: fc.constant("removeSuffix" as const),
        longest: fc.boolean(),
        pattern: paramWord(lower + "*?.", false),
      }),
      fc.record({
        kind: fc.constant("replace" as const),
        mode: fc.constantFrom<"first" | "all" | "prefix" | "suffix">("first", "all", "prefix", "suffix"),
        pattern: text(lower + "*").map((v) => word([lit(v)])),
        replacement: fc.option(paramWord(lower + "/", false), { nil: null }),
      }),
      fc.record({
        kind: fc.constant("substring" as const),
        offset: text("0123456789", 1, 2).map((v) => word([lit(v)])),
        length: fc.option(
          text("0123456789", 1, 2).map((v) => word([lit(v)])),
          { nil: null },
        ),
      }),
      fc.record({
        kind: fc.constant("case" as const),
        op: fc.constantFrom<"^" | "^^" | "," | ",,">("^", "^^", ",", ",,"),
        pattern: fc.option(
          text(lower + "[]").map((v) => word([lit(v)])),
          { nil: null },
        ),
      }),
      fc.record({ kind: fc.constant("transform" as const), op: fc.constantFrom(..."QEPAKaUuLk") }),
    )
  const paramExp = (quoted: boolean): fc.Arbitrary<Ast.ParamExp> =>
    fc.oneof(
      fc.constantFrom("x", "foo", "1", "@", "*", "#", "?", "$", "!", "-", "0").map((n) => param(n, false)),
      fc.record({ name: identifier, op: paramOp(quoted) }).map(({ name, op }) => ({ ...param(name, true), op })),
      fc
        .record({ name: identifier, index: fc.constantFrom<"@" | "*">("@", "*") })
        .map(({ name, index }) => ({ ...param(name, true), index })),
      fc
        .record({ name: identifier, index: text("0123456789", 1, 2) })
        .map(({ name, index }) => ({ ...param(name, true), index: word([lit(index)]) })),
      identifier.map((name) => ({ ...param(name, true), length: true })),
      identifier.map((name) => ({ ...param(name, true), indirect: true })),
      identifier.map((name) => ({ ...param(name + "*", true), indirect: true })),
    )

  const doubleQuoted = fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: text(lower + " '$\"\\`\n;&|<>(){}#~!*") },
        { weight: 2, arbitrary: paramExp(true) },
        { weight: 1, arbitrary: commandSub },
        { weight: 1, arbitrary: arithExp },
      ),
      { maxLength: 3 },
    )
    .map((parts): Ast.DoubleQuoted => ({
      _tag: "DoubleQuoted",
      parts: normalize(parts.map((p) => (typeof p === "string" ? lit(p) : p))),
      span,
    }))

  const partOf = fc.oneof(
    { weight: 8, arbitrary: text(WORD_CHARS).map(lit) },
    { weight: 2, arbitrary: singleQuoted },
    { weight: 2, arbitrary: doubleQuoted },
    { weight: 2, arbitrary: escaped },
    { weight: 1, arbitrary: ansiC },
    { weight: 3, arbitrary: paramExp(false) },
    { weight: 1, arbitrary: commandSub },
    { weight: 1, arbitrary: arithExp },
    { weight: 1, arbitrary: processSub },
  )
  const tildePrefix = fc.option(
    fc.constantFrom("", "root", "+").map((user): Ast.Tilde => ({ _tag: "Tilde", user, span })),
    { nil: null },
  )
  const anyWord = fc
    .record({ tilde: tildePrefix, rest: fc.array(partOf, { minLength: 1, maxLength: 2 }), slash: text(lower) })
    .map(({ tilde, rest, slash }) => (tilde === null ? word(rest) : word([tilde, lit("/" + slash), ...rest])))

  // bash reads a leading `[` in an array element as the start of `[key]=`
  // and an escaped metacharacter in an array inside `$(...)` as that metacharacter
  const arrayValue = anyWord.filter(
    (w) =>
      !(w.parts[0]?._tag === "Literal" && w.parts[0].value.startsWith("[")) &&
      !w.parts.some((p) => p._tag === "Escaped"),
  )
  const assignment = fc
    .record({
      name: identifier,
      index: fc.option(
        text("0123456789", 1, 2).map((v) => word([lit(v)])),
        { nil: null },
      ),
      append: fc.boolean(),
      value: fc.oneof(
        fc.array(partOf, { maxLength: 2 }).map(word),
        fc
          .array(fc.record({ index: fc.option(literalWord, { nil: null }), value: arrayValue }), { maxLength: 3 })
          .map((elements): Ast.ArrayLiteral => ({ _tag: "ArrayLiteral", elements, span })),
      ),
    })
    .map(({ name, index, append, value }): Ast.Assignment => ({
      _tag: "Assignment",
      name,
      index: value._tag === "ArrayLiteral" ? null : index,
      append,
      value,
      span,
    }))

  const plainRedirect = fc
    .record({
      op: fc.constantFrom<Ast.RedirectOp>("<", ">", ">>", ">|", "<>", "<<<", "&>", "&>>"),
      fd: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
      target: literalWord,
    })
    .map(({ op, fd, target }): Ast.Redirect => ({
      _tag: "Redirect",
      fd: op.startsWith("&") ? null : fd,
      op,
      target,
      heredoc: null,
      span,
    }))
  const dupRedirect = fc
    .record({
      op: fc.constantFrom<Ast.RedirectOp>(">&", "<&"),
      fd: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
      to: fc.constantFrom("1", "2", "-"),
    })
    .map(({ op, fd, to }): Ast.Redirect => ({ _tag: "Redirect", fd, op, target: word([lit(to)]), heredoc: null, span }))
  const redirects = fc.array(
    fc.oneof(
      { weight: 3, arbitrary: plainRedirect },
      { weight: 1, arbitrary: dupRedirect },
      { weight: 1, arbitrary: hereDoc },
    ),
    {
      maxLength: 2,
    },
  )

  const commandName = fc.constantFrom("cat", "echo", "grep", "c1", "x").map((v) => word([lit(v)]))
  const simpleCommand = fc
    .record({
      assignments: fc.array(assignment, { maxLength: 1 }),
      name: fc.option(commandName, { nil: null, freq: 8 }),
      args: fc.array(anyWord, { maxLength: 2 }),
      redirects,
    })
    .filter(({ assignments, name, redirects }) => assignments.length + redirects.length > 0 || name !== null)
    .map(({ assignments, name, args, redirects }): Ast.SimpleCommand => ({
      _tag: "SimpleCommand",
      assignments,
      words: name === null ? [] : [name, ...args],
      redirects,
      span,
    }))
  const declaration = fc
    .record({
      cmd: fc.constantFrom("local", "declare", "export"),
      name: identifier,
      elements: fc.array(literalWord, { maxLength: 3 }),
    })
    .map(({ cmd, name, elements }): Ast.SimpleCommand => ({
      _tag: "SimpleCommand",
      assignments: [],
      words: [
        word([lit(cmd)]),
        word([
          lit(name + "="),
          { _tag: "ArrayLiteral", elements: elements.map((value) => ({ index: null, value })), span },
        ]),
      ],
      redirects: [],
      span,
    }))

  const command: fc.Arbitrary<Ast.Command> =
    inner === null
      ? fc.oneof(
          { weight: 8, arbitrary: simpleCommand },
          { weight: 1, arbitrary: declaration },
          { weight: 1, arbitrary: testCommand(anyWord) },
          { weight: 1, arbitrary: arithCommand(arithWord) },
        )
      : fc.oneof(
          { weight: 8, arbitrary: simpleCommand },
          { weight: 1, arbitrary: declaration },
          { weight: 1, arbitrary: testCommand(anyWord) },
          { weight: 1, arbitrary: arithCommand(arithWord) },
          { weight: 4, arbitrary: compound(inner.list, anyWord, arithWord, plainRedirect) },
        )
  const list = fc.array(statement(command), { minLength: 1, maxLength: 2 })
  const script = fc
    .array(
      fc.oneof(
        { weight: 5, arbitrary: statement(command) },
        { weight: 1, arbitrary: functionDef(inner?.list ?? list) },
      ),
      { maxLength: 3 },
    )
    .map((body): Ast.Script => ({ _tag: "Script", body, span }))
  return { script, list, command, word: anyWord }
}

const param = (name: string, braced: boolean): Ast.ParamExp => ({
  _tag: "ParamExp",
  name,
  braced,
  index: null,
  length: false,
  indirect: false,
  op: null,
  span,
})

const plainParam = identifier.map((n) => param(n, true))
const doubleQuotedSimple = text(lower + " ").map((v): Ast.DoubleQuoted => ({
  _tag: "DoubleQuoted",
  parts: [lit(v)],
  span,
}))

/** Backquoted bodies here skip here-documents: their lines would need escaping inside the quotes. */
const withoutHereDocs = (script: Ast.Script): Ast.Script =>
  JSON.stringify(script).includes('"HereDoc"') ? { ...script, body: [] } : script

const hereDocBody = fc
  .array(fc.array(fc.oneof(text(lower + " .").map(lit), plainParam), { maxLength: 3 }), { maxLength: 3 })
  .map((lines) => lines.flatMap((line) => [...line, lit("\n")]))

const hereDoc = fc
  .record({
    quoted: fc.boolean(),
    stripTabs: fc.boolean(),
    body: hereDocBody,
    fd: fc.option(fc.integer({ min: 0, max: 9 }), { nil: null }),
  })
  .map(({ quoted, stripTabs, body, fd }): Ast.Redirect => {
    const parts = quoted
      ? [
          lit(
            body
              .map((p) => (p._tag === "Literal" ? p.value : "${" + (p._tag === "ParamExp" ? p.name : "") + "}"))
              .join(""),
          ),
        ]
      : body
    const doc: Ast.HereDoc = { _tag: "HereDoc", delimiter: "EOF", quoted, stripTabs, body: word(parts), span }
    const target = word([quoted ? { _tag: "SingleQuoted", value: "EOF", span } : lit("EOF")])
    return { _tag: "Redirect", fd, op: stripTabs ? "<<-" : "<<", target, heredoc: doc, span }
  })

const statement = (command: fc.Arbitrary<Ast.Command>): fc.Arbitrary<Ast.Statement> => {
  const pipeline = fc
    .record({
      commands: fc.array(command, { minLength: 1, maxLength: 2 }),
      negated: fc.boolean(),
      timed: fc.boolean(),
      stderr: fc.array(fc.boolean(), { minLength: 2, maxLength: 2 }),
    })
    .map(({ commands, negated, timed, stderr }): Ast.Pipeline => ({
      _tag: "Pipeline",
      negated,
      // bash refuses `$(time local a=(1))`
      timed: timed && !commands.some(isDeclaration),
      commands,
      pipeStderr: commands.slice(1).map((_, i) => stderr[i] ?? false),
      span,
    }))
  return fc
    .record({
      first: pipeline,
      rest: fc.array(fc.record({ op: fc.constantFrom<"&&" | "||">("&&", "||"), pipeline }), { maxLength: 1 }),
      background: fc.boolean(),
    })
    .map(({ first, rest, background }) => ({
      _tag: "Statement",
      andOr: { _tag: "AndOr", first, rest, span },
      background,
      span,
    }))
}

const isDeclaration = (c: Ast.Command): boolean =>
  c._tag === "SimpleCommand" && c.words.some((w) => w.parts.some((p) => p._tag === "ArrayLiteral"))

const functionDef = (list: fc.Arbitrary<Ast.List>): fc.Arbitrary<Ast.Statement> =>
  fc
    .record({ name: fc.constantFrom("f", "my_fn", "g2"), keyword: fc.boolean(), body: list, subshell: fc.boolean() })
    .map(({ name, keyword, body, subshell }): Ast.Statement => {
      const inner: Ast.Command = { _tag: subshell ? "Subshell" : "BraceGroup", body, redirects: [], span }
      const def: Ast.FunctionDef = { _tag: "FunctionDef", name, body: inner, keyword, span }
      const pipeline: Ast.Pipeline = {
        _tag: "Pipeline",
        negated: false,
        timed: false,
        commands: [def],
        pipeStderr: [],
        span,
      }
      return { _tag: "Statement", andOr: { _tag: "AndOr", first: pipeline, rest: [], span }, background: false, span }
    })

const arithCommand = (arithWord: fc.Arbitrary<Ast.Word>): fc.Arbitrary<Ast.Command> =>
  arithWord.map((expression) => ({ _tag: "ArithCommand", expression, redirects: [], span }))

const testCommand = (anyWord: fc.Arbitrary<Ast.Word>): fc.Arbitrary<Ast.Command> => {
  // no leading `-` (it would read as a unary operator) and no `<(` (an operator inside `[[ ]]`)
  const operand = fc.oneof(
    text(lower + "0123456789._").map((v) => word([lit(v)])),
    anyWord.filter((w) => w.parts[0]?._tag !== "Literal" && !w.parts.some((p) => p._tag === "ProcessSub")),
  )
  const primary: fc.Arbitrary<Ast.TestExpr> = fc.oneof(
    operand.map((w): Ast.TestExpr => ({ _tag: "TestWord", word: w, span })),
    fc
      .record({ op: fc.constantFrom("-f", "-d", "-z", "-n", "-e", "-v"), operand })
      .map(({ op, operand }): Ast.TestExpr => ({ _tag: "TestUnary", op, operand, span })),
    fc
      .record({ op: fc.constantFrom("==", "!=", "=", "<", ">", "-eq", "-lt", "-nt"), left: operand, right: operand })
      .map(({ op, left, right }): Ast.TestExpr => ({ _tag: "TestBinary", op, left, right, span })),
    fc
      .record({ left: operand, re: fc.constantFrom("^a.*$", "(x|y)+", "^(a b)$", "[0-9]{2}") })
      .map(({ left, re }): Ast.TestExpr => ({ _tag: "TestBinary", op: "=~", left, right: word([lit(re)]), span })),
  )
  const { expr } = fc.letrec<{ expr: Ast.TestExpr; and: Ast.TestExpr; not: Ast.TestExpr }>((tie) => ({
    expr: fc
      .array(tie("and"), { minLength: 1, maxLength: 2, depthIdentifier: "test" })
      .map((xs) => xs.reduce((left, right) => ({ _tag: "TestOr", left, right, span }))),
    and: fc
      .array(tie("not"), { minLength: 1, maxLength: 2, depthIdentifier: "test" })
      .map((xs) => xs.reduce((left, right) => ({ _tag: "TestAnd", left, right, span }))),
    not: fc.oneof(
      { depthSize: "xsmall", withCrossShrink: true, depthIdentifier: "test" },
      primary,
      tie("not").map((expression): Ast.TestExpr => ({ _tag: "TestNot", expression, span })),
      tie("expr").map((expression): Ast.TestExpr => ({ _tag: "TestGroup", expression, span })),
    ),
  }))
  return expr.map((expression) => ({ _tag: "TestCommand", expression, redirects: [], span }))
}

const compound = (
  list: fc.Arbitrary<Ast.List>,
  anyWord: fc.Arbitrary<Ast.Word>,
  arithWord: fc.Arbitrary<Ast.Word>,
  redirect: fc.Arbitrary<Ast.Redirect>,
): fc.Arbitrary<Ast.Command> => {
  const redirects = fc.array(fc.oneof(redirect, hereDoc), { maxLength: 1 })
  const arithSegment = fc.array(text("0123456789 +-<=abc", 1, 4).map(lit), { maxLength: 1 }).map(word)
  const pattern = text(lower + "*?.[]-").map((v) => word([lit(v)]))
  const caseItem = fc
    .record({
      patterns: fc.array(pattern, { minLength: 1, maxLength: 2 }),
      body: fc.oneof(fc.constant([]), list),
      terminator: fc.constantFrom<";;" | ";&" | ";;&">(";;", ";&", ";;&"),
    })
    .map((item): Ast.CaseItem => ({ ...item, span }))
  return fc.oneof(
    fc.record({ body: list, redirects }).map((r): Ast.Command => ({ _tag: "BraceGroup", ...r, span })),
    fc.record({ body: list, redirects }).map((r): Ast.Command => ({ _tag: "Subshell", ...r, span })),
    fc
      .record({
        clauses: fc.array(fc.record({ condition: list, body: list }), { minLength: 1, maxLength: 2 }),
        elseBody: fc.option(list, { nil: null }),
        redirects,
      })
      .map((r): Ast.Command => ({ _tag: "If", ...r, span })),
    fc
      .record({ until: fc.boolean(), condition: list, body: list, redirects })
      .map((r): Ast.Command => ({ _tag: "While", ...r, span })),
    fc
      .record({
        variable: fc.constantFrom("i", "file"),
        words: fc.option(fc.array(anyWord, { maxLength: 3 }), { nil: null }),
        body: list,
        redirects,
      })
      .map((r): Ast.Command => ({ _tag: "For", ...r, span })),
    fc
      .record({ init: arithSegment, test: arithSegment, update: arithSegment, body: list, redirects })
      .map((r): Ast.Command => ({ _tag: "ArithFor", ...r, span })),
    fc
      .record({ word: anyWord, items: fc.array(caseItem, { maxLength: 2 }), redirects })
      .map((r): Ast.Command => ({ _tag: "Case", ...r, span })),
    fc.record({ expression: arithWord, redirects }).map((r): Ast.Command => ({ _tag: "ArithCommand", ...r, span })),
  )
}
