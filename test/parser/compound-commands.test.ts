import { describe, expect, it } from "vitest"
import { expectBashAccepts, hasBash } from "./bash.ts"
import { dollar, dq, firstCommand, list, redirect, simple, sq, stmt, w } from "./helpers.ts"

const echo = (...args: Array<string>) => stmt([simple(["echo", ...args])])
const compound = (tag: string, fields: Record<string, unknown>) => ({ _tag: tag, ...fields, redirects: [] })

// Each input is one compound command (or function definition); the table gives its shape.
const commands: ReadonlyArray<readonly [string, unknown]> = [
  ["{ echo a; echo b; }", compound("BraceGroup", { body: [echo("a"), echo("b")] })],
  ["{ echo a & }", compound("BraceGroup", { body: [{ ...echo("a"), background: true }] })],
  ["{\n echo a\n}", compound("BraceGroup", { body: [echo("a")] })],
  ["( cd x; ls )", compound("Subshell", { body: list(["cd", "x"], ["ls"]) })],
  ["(echo a)", compound("Subshell", { body: [echo("a")] })],
  ["( (echo a) )", compound("Subshell", { body: [stmt([compound("Subshell", { body: [echo("a")] })])] })],
  [
    "((echo a); echo b)",
    compound("Subshell", { body: [stmt([compound("Subshell", { body: [echo("a")] })]), echo("b")] }),
  ],
  ["((x++))", compound("ArithCommand", { expression: w("x++") })],
  ["(( y = (x + 1) * 2 ))", compound("ArithCommand", { expression: w(" y = (x + 1) * 2 ") })],
  ["if a; then b; fi", compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"]) }], elseBody: null })],
  [
    "if a; then b; elif c; then d; elif e; then f; else g; fi",
    compound("If", {
      clauses: [
        { condition: list(["a"]), body: list(["b"]) },
        { condition: list(["c"]), body: list(["d"]) },
        { condition: list(["e"]), body: list(["f"]) },
      ],
      elseBody: list(["g"]),
    }),
  ],
  [
    "if a\nthen\n  b\n  c\nelse\n  d\nfi",
    compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"], ["c"]) }], elseBody: list(["d"]) }),
  ],
  [
    "if(true) then :; fi",
    compound("If", {
      clauses: [{ condition: [stmt([compound("Subshell", { body: list(["true"]) })])], body: list([":"]) }],
      elseBody: null,
    }),
  ],
  [
    "while read x; do echo $x; done",
    compound("While", {
      until: false,
      condition: list(["read", "x"]),
      body: [stmt([simple(["echo", w(dollar("x"))])])],
    }),
  ],
  [
    "until false\ndo\n break\ndone",
    compound("While", { until: true, condition: list(["false"]), body: list(["break"]) }),
  ],
  [
    "while false; do { echo; } done",
    compound("While", {
      until: false,
      condition: list(["false"]),
      body: [stmt([compound("BraceGroup", { body: list(["echo"]) })])],
    }),
  ],
  [
    "for x in a 'b c'; do echo; done",
    compound("For", { variable: "x", words: [w("a"), w(sq("b c"))], body: list(["echo"]) }),
  ],
  ["for x; do echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x\ndo echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x do echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x in; do echo; done", compound("For", { variable: "x", words: [], body: list(["echo"]) })],
  ["for x\nin a\ndo echo; done", compound("For", { variable: "x", words: [w("a")], body: list(["echo"]) })],
  // bash checks the name when the loop runs
  ["for 1x in a; do echo; done", compound("For", { variable: "1x", words: [w("a")], body: list(["echo"]) })],
  ["for x in a; { echo; }", compound("For", { variable: "x", words: [w("a")], body: list(["echo"]) })],
  [
    "for ((i=0; i<3; i++)); do echo; done",
    compound("ArithFor", { init: w("i=0"), test: w(" i<3"), update: w(" i++"), body: list(["echo"]) }),
  ],
  ["for ((;;))\ndo break; done", compound("ArithFor", { init: w(), test: w(), update: w(), body: list(["break"]) })],
  [
    "for (( i = $n; i > (0); i-- )) { echo; }",
    compound("ArithFor", {
      init: w(" i = ", dollar("n")),
      test: w(" i > (0)"),
      update: w(" i-- "),
      body: list(["echo"]),
    }),
  ],
  [
    "case $x in a|b) echo ab;; (c) echo c;& d) ;;& *) echo other\nesac",
    compound("Case", {
      word: w(dollar("x")),
      items: [
        { patterns: [w("a"), w("b")], body: [echo("ab")], terminator: ";;" },
        { patterns: [w("c")], body: [echo("c")], terminator: ";&" },
        { patterns: [w("d")], body: [], terminator: ";;&" },
        { patterns: [w("*")], body: [echo("other")], terminator: ";;" },
      ],
    }),
  ],
  ["case x in esac", compound("Case", { word: w("x"), items: [] })],
  [
    'case "$1"\nin\n  # comment\n  -h|--help)\n    usage\n    ;;\n  @(a|b)) x;;\nesac',
    compound("Case", {
      word: w(dq(dollar("1"))),
      items: [
        { patterns: [w("-h"), w("--help")], body: list(["usage"]), terminator: ";;" },
        { patterns: [w("@(a|b)")], body: list(["x"]), terminator: ";;" },
      ],
    }),
  ],
  [
    "{ echo; } >out 2>&1",
    { _tag: "BraceGroup", body: list(["echo"]), redirects: [redirect(">", w("out")), redirect(">&", w("1"), 2)] },
  ],
  [
    "while read l; do :; done <<EOF\n1\nEOF",
    {
      _tag: "While",
      until: false,
      condition: list(["read", "l"]),
      body: list([":"]),
      redirects: [
        redirect("<<", w("EOF"), null, {
          _tag: "HereDoc",
          delimiter: "EOF",
          quoted: false,
          stripTabs: false,
          body: w("1\n"),
        }),
      ],
    },
  ],
  [
    "f() { echo f; }",
    { _tag: "FunctionDef", name: "f", body: compound("BraceGroup", { body: [echo("f")] }), keyword: false },
  ],
  [
    "f ( ) ( echo )",
    { _tag: "FunctionDef", name: "f", body: compound("Subshell", { body: [echo()] }), keyword: false },
  ],
  [
    "my-func.x()\n{\n :\n} >log",
    {
      _tag: "FunctionDef",
      name: "my-func.x",
      keyword: false,
      body: { _tag: "BraceGroup", body: list([":"]), redirects: [redirect(">", w("log"))] },
    },
  ],
  [
    "function g { echo; }",
    { _tag: "FunctionDef", name: "g", body: compound("BraceGroup", { body: [echo()] }), keyword: true },
  ],
  [
    "function h() if a; then b; fi",
    {
      _tag: "FunctionDef",
      name: "h",
      keyword: true,
      body: compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"]) }], elseBody: null }),
    },
  ],
]

describe("compound commands", () => {
  it.each(commands)("%s", (source, expected) => {
    expect(firstCommand(source)).toEqual(expected)
  })
})

const word = (s: string) => ({ _tag: "TestWord", word: w(s) })
const unary = (op: string, operand: unknown) => ({ _tag: "TestUnary", op, operand })
const binary = (op: string, left: unknown, right: unknown) => ({ _tag: "TestBinary", op, left, right })

// Each input is `[[ ... ]]`; the table gives its expression.
const tests: ReadonlyArray<readonly [string, unknown]> = [
  ["[[ x ]]", word("x")],
  ["[[ -f file ]]", unary("-f", w("file"))],
  ...["-e", "-s", "-r", "-w", "-x", "-L", "-h", "-z", "-n", "-v", "-a", "-o", "-d", "-p", "-S", "-t"].map(
    (op) => [`[[ ${op} x ]]`, unary(op, w("x"))] as const,
  ),
  ...["==", "=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"].map(
    (op) => [`[[ a ${op} b ]]`, binary(op, w("a"), w("b"))] as const,
  ),
  ["[[ a<b ]]", binary("<", w("a"), w("b"))],
  ["[[ a==b ]]", word("a==b")],
  ["[[ $x == @(a|b)* ]]", binary("==", w(dollar("x")), w("@(a|b)*"))],
  ["[[ $x =~ ^(a|b)+[0-9]{3}$ ]]", binary("=~", w(dollar("x")), w("^(a|b)+[0-9]{3}$"))],
  ["[[ $x =~ ^(a b)$ ]]", binary("=~", w(dollar("x")), w("^(a b)$"))],
  ["[[ $x =~ a|b ]]", binary("=~", w(dollar("x")), w("a|b"))],
  ['[[ $x =~ "a b".*$y ]]', binary("=~", w(dollar("x")), w(dq("a b"), ".*", dollar("y")))],
  ["[[ ! a ]]", { _tag: "TestNot", expression: word("a") }],
  [
    "[[ a && b || c && d ]]",
    {
      _tag: "TestOr",
      left: { _tag: "TestAnd", left: word("a"), right: word("b") },
      right: { _tag: "TestAnd", left: word("c"), right: word("d") },
    },
  ],
  [
    "[[ a || b || c ]]",
    { _tag: "TestOr", left: { _tag: "TestOr", left: word("a"), right: word("b") }, right: word("c") },
  ],
  [
    "[[ ( a || b ) && ! -z c ]]",
    {
      _tag: "TestAnd",
      left: { _tag: "TestGroup", expression: { _tag: "TestOr", left: word("a"), right: word("b") } },
      right: { _tag: "TestNot", expression: unary("-z", w("c")) },
    },
  ],
  ["[[ a &&\n b ]]", { _tag: "TestAnd", left: word("a"), right: word("b") }],
  ["[[\n a == b\n ]]", binary("==", w("a"), w("b"))],
  ["[[ a == b\n && c ]]", { _tag: "TestAnd", left: binary("==", w("a"), w("b")), right: word("c") }],
]

describe("[[ ]]", () => {
  it.each(tests)("%s", (source, expected) => {
    expect(firstCommand(source)).toEqual({ _tag: "TestCommand", expression: expected, redirects: [] })
  })
})

describe.runIf(hasBash)("the table", () => {
  it("is bash: bash -n accepts every input", () => {
    expectBashAccepts([...commands, ...tests].map(([source]) => source))
  })
})
