import { spawnSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import { Effect } from "effect"
import { parse, parseSync } from "../../src/parser/parse.ts"
import {
  ansi,
  body,
  list,
  pipeline,
  stmt,
  arith,
  assign,
  cmdsub,
  dollar,
  dq,
  esc,
  firstCommand,
  lit,
  param,
  procsub,
  redirect,
  simple,
  sq,
  strip,
  tilde,
  w,
  wordsOf,
} from "./helpers.ts"

const def = (type: string, word: unknown, colon = true) => ({ kind: "default", colon, type, word })

// Each input is a simple command; the table gives its words after `echo`.
const words: ReadonlyArray<readonly [string, ReadonlyArray<unknown>]> = [
  // quoting
  ["echo 'a b'", [w(sq("a b"))]],
  ['echo "a b"', [w(dq("a b"))]],
  ['echo "a\\$b\\`c\\"d\\\\e\\f"', [w(dq('a$b`c"d\\e\\f'))]],
  ['echo "a\\\nb"', [w(dq("ab"))]],
  ['echo ""', [w(dq())]],
  ["echo a'b'\"c\"d", [w("a", sq("b"), dq("c"), "d")]],
  ["echo \\$ \\a \\  a\\ b", [w(esc("$")), w(esc("a")), w(esc(" ")), w("a", esc(" "), "b")]],
  ["echo a\\\nb", [w("ab")]],
  ["echo \\", [w("\\")]],
  ['echo $"a $x"', [w(dq("a ", dollar("x")))]],
  // $'...'
  ["echo $'a\\nb\\tc'", [w(ansi("a\nb\tc", "a\\nb\\tc"))]],
  ["echo $'\\x41\\u00e9\\0101\\e\\a\\cA'", [w(ansi("A\u00e9\b1\x1b\x07\x01", "\\x41\\u00e9\\0101\\e\\a\\cA"))]],
  ["echo $'\\'\\\"\\\\\\q\\x4g\\x{41}'", [w(ansi("'\"\\\\q\x04gA", "\\'\\\"\\\\\\q\\x4g\\x{41}"))]],
  // parameters
  ["echo $x $1 $10 $@ $* $# $? $$ $! $- $0", [
    w(dollar("x")), w(dollar("1")), w(dollar("1"), "0"), w(dollar("@")), w(dollar("*")), w(dollar("#")),
    w(dollar("?")), w(dollar("$")), w(dollar("!")), w(dollar("-")), w(dollar("0")),
  ]],
  ["echo $ a$ $/", [w("$"), w("a$"), w("$/")]],
  ["echo ${x}b$x.c", [w(param("x"), "b", dollar("x"), ".c")]],
  ["echo ${#} ${!} ${@} ${10} ${#x} ${##} ${#@}", [
    w(param("#")), w(param("!")), w(param("@")), w(param("10")), w(param("x", { length: true })),
    w(param("#", { length: true })), w(param("@", { length: true })),
  ]],
  ["echo ${x:-d} ${x:=a b} ${x:?m} ${x:+a}", [
    w(param("x", { op: def("-", w("d")) })), w(param("x", { op: def("=", w("a b")) })),
    w(param("x", { op: def("?", w("m")) })), w(param("x", { op: def("+", w("a")) })),
  ]],
  ["echo ${x-d} ${x=} ${x?} ${x+$y}", [
    w(param("x", { op: def("-", w("d"), false) })), w(param("x", { op: def("=", w(), false) })),
    w(param("x", { op: def("?", w(), false) })), w(param("x", { op: def("+", w(dollar("y")), false) })),
  ]],
  ["echo ${x#p*} ${x##*/} ${x%.*} ${x%%.*}", [
    w(param("x", { op: { kind: "removePrefix", longest: false, pattern: w("p*") } })),
    w(param("x", { op: { kind: "removePrefix", longest: true, pattern: w("*/") } })),
    w(param("x", { op: { kind: "removeSuffix", longest: false, pattern: w(".*") } })),
    w(param("x", { op: { kind: "removeSuffix", longest: true, pattern: w(".*") } })),
  ]],
  ["echo ${x/a/b} ${x//a/b} ${x/#a/b} ${x/%a/b} ${x/a} ${x/a/} ${x//\\//_}", [
    w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: w("b") } })),
    w(param("x", { op: { kind: "replace", mode: "all", pattern: w("a"), replacement: w("b") } })),
    w(param("x", { op: { kind: "replace", mode: "prefix", pattern: w("a"), replacement: w("b") } })),
    w(param("x", { op: { kind: "replace", mode: "suffix", pattern: w("a"), replacement: w("b") } })),
    w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: null } })),
    w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: w() } })),
    w(param("x", { op: { kind: "replace", mode: "all", pattern: w(esc("/")), replacement: w("_") } })),
  ]],
  ["echo ${x:1} ${x:1:2} ${x: -1} ${x:(-2):1} ${x:$i}", [
    w(param("x", { op: { kind: "substring", offset: w("1"), length: null } })),
    w(param("x", { op: { kind: "substring", offset: w("1"), length: w("2") } })),
    w(param("x", { op: { kind: "substring", offset: w(" -1"), length: null } })),
    w(param("x", { op: { kind: "substring", offset: w("(-2)"), length: w("1") } })),
    w(param("x", { op: { kind: "substring", offset: w(dollar("i")), length: null } })),
  ]],
  ["echo ${x^^} ${x,,} ${x^} ${x,} ${x^^[a-c]}", [
    w(param("x", { op: { kind: "case", op: "^^", pattern: null } })),
    w(param("x", { op: { kind: "case", op: ",,", pattern: null } })),
    w(param("x", { op: { kind: "case", op: "^", pattern: null } })),
    w(param("x", { op: { kind: "case", op: ",", pattern: null } })),
    w(param("x", { op: { kind: "case", op: "^^", pattern: w("[a-c]") } })),
  ]],
  ["echo ${x@Q} ${x@U}", [w(param("x", { op: { kind: "transform", op: "Q" } })), w(param("x", { op: { kind: "transform", op: "U" } }))]],
  ["echo ${!x} ${!a[@]} ${!a[*]} ${!pre*} ${!pre@}", [
    w(param("x", { indirect: true })), w(param("a", { indirect: true, index: "@" })),
    w(param("a", { indirect: true, index: "*" })), w(param("pre*", { indirect: true })), w(param("pre@", { indirect: true })),
  ]],
  ["echo ${a[@]} ${a[*]} ${a[1]} ${a[$i+1]} ${a[\"k\"]} ${#a[@]} ${a[@]:1:2} ${a[0]:-d}", [
    w(param("a", { index: "@" })), w(param("a", { index: "*" })), w(param("a", { index: w("1") })),
    w(param("a", { index: w(dollar("i"), "+1") })), w(param("a", { index: w(dq("k")) })),
    w(param("a", { index: "@", length: true })),
    w(param("a", { index: "@", op: { kind: "substring", offset: w("1"), length: w("2") } })),
    w(param("a", { index: w("0"), op: def("-", w("d")) })),
  ]],
  // words inside ${...}: quotes, nesting, and `'` being literal in a double-quoted default word
  ["echo ${x:-'a b'} ${x:-\"a b\"} ${x:-${y:-z}} ${x:-$(pwd)} ${x:-a}b}", [
    w(param("x", { op: def("-", w(sq("a b"))) })), w(param("x", { op: def("-", w(dq("a b"))) })),
    w(param("x", { op: def("-", w(param("y", { op: def("-", w("z")) }))) })),
    w(param("x", { op: def("-", w(cmdsub("pwd"))) })), w(param("x", { op: def("-", w("a")) }), "b}"),
  ]],
  ["echo \"${x:-'q'}\" \"${x#'a'}\" \"${x:-\"a b\"}\" \"${x:-\\}}\"", [
    w(dq(param("x", { op: def("-", w("'q'")) }))),
    w(dq(param("x", { op: { kind: "removePrefix", longest: false, pattern: w(sq("a")) } }))),
    w(dq(param("x", { op: def("-", w(dq("a b"))) }))),
    w(dq(param("x", { op: def("-", w(esc("}"))) }))),
  ]],
  // command and arithmetic substitution
  ["echo $(ls -l) $( (cd x) ) $()", [w(cmdsub("ls -l")), w(cmdsub("(cd x)")), w(cmdsub(""))]],
  ["echo $(case x in a) echo a;; esac)", [w(cmdsub("case x in a) echo a;; esac"))]],
  ["echo \"$(echo \"in\")\" `echo a` \"`echo \\\"q\\\"`\"", [
    w(dq(cmdsub('echo "in"'))), w(cmdsub("echo a", true)), w(dq(cmdsub('echo "q"', true))),
  ]],
  ["echo `echo \\`echo in\\``", [w(cmdsub("echo `echo in`", true))]],
  ["echo $((1 + 2)) $(( (1+2)*3 )) $((x<<2)) $(($(echo 1)+${#y}+\"3\"))", [
    w(arith("1 + 2")), w(arith(" (1+2)*3 ")), w(arith("x<<2")),
    w(arith(cmdsub("echo 1"), "+", param("y", { length: true }), "+", dq("3"))),
  ]],
  ["echo $((echo a) )", [w(cmdsub("(echo a) "))]],
  ["echo <(sort a) >(cat) a<(b)", [w(procsub("<", "sort a")), w(procsub(">", "cat")), w("a", procsub("<", "b"))]],
  // tilde
  ["echo ~ ~/x ~root ~root/x ~+ ~- a~ \"~\" ~root\"x\" ~$x", [
    w(tilde()), w(tilde(), "/x"), w(tilde("root")), w(tilde("root"), "/x"), w(tilde("+")), w(tilde("-")),
    w("a~"), w(dq("~")), w("~root", dq("x")), w("~", dollar("x")),
  ]],
  ["echo a=~ a=x:~/y a[1]=~ --pre=~ ${x:-~}", [
    w("a=", tilde()), w("a=x:", tilde(), "/y"), w("a[1]=", tilde()), w("--pre=~"), w(param("x", { op: def("-", w(tilde())) })),
  ]],
  // globs, braces and extended globs stay literal text
  ["echo {a,b} x{1..3}y *.txt ?.md [ab] [!a]* { } a{ }b", [
    w("{a,b}"), w("x{1..3}y"), w("*.txt"), w("?.md"), w("[ab]"), w("[!a]*"), w("{"), w("}"), w("a{"), w("}b"),
  ]],
  ["echo ?(a|b) *(a) +(x|y) @(f) !(*.txt) f.@(c|h) a!b", [
    w("?(a|b)"), w("*(a)"), w("+(x|y)"), w("@(f)"), w("!(*.txt)"), w("f.@(c|h)"), w("a!b"),
  ]],
  // comments only at a word start
  ["echo a#b #c", [w("a#b")]],
  ["echo $# #c", [w(dollar("#"))]],
  ["echo \\#a", [w(esc("#"), "a")]],
] 

describe("words", () => {
  it.each(words)("%s", (source, expected) => {
    expect(wordsOf(source)).toEqual([w("echo"), ...expected])
  })
})

const hd = (delimiter: string, quoted: boolean, stripTabs: boolean, ...parts: Array<unknown>) => ({
  _tag: "HereDoc",
  delimiter,
  quoted,
  stripTabs,
  body: { _tag: "Word", parts },
})

// Each input is one simple command; the table gives its whole shape.
const simpleCommands: ReadonlyArray<readonly [string, unknown]> = [
  ["a=1", simple([], { assignments: [assign("a", w("1"))] })],
  ["a=", simple([], { assignments: [assign("a", w())] })],
  ["a=1 b+=2 cmd x=3", simple(["cmd", "x=3"], { assignments: [assign("a", w("1")), assign("b", w("2"), { append: true })] })],
  ["a[i+1]=v b[$k]+=w", simple([], {
    assignments: [assign("a", w("v"), { index: w("i+1") }), assign("b", w("w"), { index: w(dollar("k")), append: true })],
  })],
  ["a[1 + 1]=x", simple([], { assignments: [assign("a", w("x"), { index: w("1 + 1") })] })],
  ["a=(x \"y z\" [k]=v) b=() c+=(1)", simple([], {
    assignments: [
      assign("a", { _tag: "ArrayLiteral", elements: [
        { index: null, value: w("x") }, { index: null, value: w(dq("y z")) }, { index: w("k"), value: w("v") },
      ] }),
      assign("b", { _tag: "ArrayLiteral", elements: [] }),
      assign("c", { _tag: "ArrayLiteral", elements: [{ index: null, value: w("1") }] }, { append: true }),
    ],
  })],
  ["a=(\n  1 # one\n  2\n)", simple([], {
    assignments: [assign("a", { _tag: "ArrayLiteral", elements: [{ index: null, value: w("1") }, { index: null, value: w("2") }] })],
  })],
  ["PATH=~/bin:~/x:/usr/bin y=a:~ z=~:a", simple([], {
    assignments: [
      assign("PATH", w(tilde(), "/bin:", tilde(), "/x:/usr/bin")), assign("y", w("a:", tilde())), assign("z", w(tilde(), ":a")),
    ],
  })],
  ["a=$(cmd) b=\"$x\" c=$'\\t'", simple([], {
    assignments: [assign("a", w(cmdsub("cmd"))), assign("b", w(dq(dollar("x")))), assign("c", w(ansi("\t", "\\t")))],
  })],
  ["local a=(1 \"2 3\") b=c", simple(["local", w("a=", { _tag: "ArrayLiteral", elements: [
    { index: null, value: w("1") }, { index: null, value: w(dq("2 3")) },
  ] }), "b=c"])],
  ["declare -A m+=([k]=v)", simple(["declare", "-A", w("m+=", { _tag: "ArrayLiteral", elements: [{ index: w("k"), value: w("v") }] })])],
  // redirects
  ["cmd >out 2>err <in >>app", simple(["cmd"], {
    redirects: [redirect(">", w("out")), redirect(">", w("err"), 2), redirect("<", w("in")), redirect(">>", w("app"))],
  })],
  ["cmd 2>&1 >&2 1>&- 3<&0 <>rw >|f &>all &>>both", simple(["cmd"], {
    redirects: [
      redirect(">&", w("1"), 2), redirect(">&", w("2")), redirect(">&", w("-"), 1), redirect("<&", w("0"), 3),
      redirect("<>", w("rw")), redirect(">|", w("f")), redirect("&>", w("all")), redirect("&>>", w("both")),
    ],
  })],
  [">out echo hi", simple(["echo", "hi"], { redirects: [redirect(">", w("out"))] })],
  ["echo >out hi", simple(["echo", "hi"], { redirects: [redirect(">", w("out"))] })],
  ["echo a2>x 2 > y", simple(["echo", "a2", "2"], { redirects: [redirect(">", w("x")), redirect(">", w("y"))] })],
  ["a=1 >x", simple([], { assignments: [assign("a", w("1"))], redirects: [redirect(">", w("x"))] })],
  ["cat <<< \"$x\" < <(ls)", simple(["cat"], { redirects: [redirect("<<<", w(dq(dollar("x")))), redirect("<", w(procsub("<", "ls")))] })],
  ["echo 2>(cat)", simple(["echo", w("2", procsub(">", "cat"))])],
  // here-documents
  ["cat <<EOF\nhi $USER ${x} $(date) $((1+2)) `id`\na\\$b \\\" \\x \\\\ \\`\nEOF", simple(["cat"], {
    redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false,
      lit("hi "), dollar("USER"), lit(" "), param("x"), lit(" "), cmdsub("date"), lit(" "), arith("1+2"), lit(" "),
      cmdsub("id", true), lit("\na"), esc("$"), lit("b \\\" \\x "), esc("\\"), lit(" "), esc("`"), lit("\n"),
    ))],
  })],
  ["cat <<'EOF'\n$x `y` \\n\nEOF", simple(["cat"], { redirects: [redirect("<<", w(sq("EOF")), null, hd("EOF", true, false, lit("$x `y` \\n\n")))] })],
  ["cat <<\"E F\"\n$x\nE F", simple(["cat"], { redirects: [redirect("<<", w(dq("E F")), null, hd("E F", true, false, lit("$x\n")))] })],
  ["cat <<\\EOF\n$x\nEOF", simple(["cat"], { redirects: [redirect("<<", w(esc("E"), "OF"), null, hd("EOF", true, false, lit("$x\n")))] })],
  ["cat <<-EOF\n\ta\n\t\tb $x\n\tEOF", simple(["cat"], {
    redirects: [redirect("<<-", w("EOF"), null, hd("EOF", false, true, lit("a\nb "), dollar("x"), lit("\n")))],
  })],
  ["cat <<EOF\n\tEOF\nEOF", simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false, lit("\tEOF\n")))] })],
  ["cat <<EOF\nEOF", simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false))] })],
  ["cat <<EOF\nno end", simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false, lit("no end")))] })],
  ["cat <<A <<-B\na\nA\n\tb\n\tB", simple(["cat"], {
    redirects: [redirect("<<", w("A"), null, hd("A", false, false, lit("a\n"))), redirect("<<-", w("B"), null, hd("B", false, true, lit("b\n")))],
  })],
]

describe("simple commands", () => {
  it.each(simpleCommands)("%s", (source, expected) => {
    expect(firstCommand(source)).toEqual(expected)
  })
})

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
  ["((echo a); echo b)", compound("Subshell", { body: [stmt([compound("Subshell", { body: [echo("a")] })]), echo("b")] })],
  ["((x++))", compound("ArithCommand", { expression: w("x++") })],
  ["(( y = (x + 1) * 2 ))", compound("ArithCommand", { expression: w(" y = (x + 1) * 2 ") })],
  ["if a; then b; fi", compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"]) }], elseBody: null })],
  ["if a; then b; elif c; then d; elif e; then f; else g; fi", compound("If", {
    clauses: [
      { condition: list(["a"]), body: list(["b"]) }, { condition: list(["c"]), body: list(["d"]) },
      { condition: list(["e"]), body: list(["f"]) },
    ],
    elseBody: list(["g"]),
  })],
  ["if a\nthen\n  b\n  c\nelse\n  d\nfi", compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"], ["c"]) }], elseBody: list(["d"]) })],
  ["if(true) then :; fi", compound("If", {
    clauses: [{ condition: [stmt([compound("Subshell", { body: list(["true"]) })])], body: list([":"]) }], elseBody: null,
  })],
  ["while read x; do echo $x; done", compound("While", { until: false, condition: list(["read", "x"]), body: [stmt([simple(["echo", w(dollar("x"))])])] })],
  ["until false\ndo\n break\ndone", compound("While", { until: true, condition: list(["false"]), body: list(["break"]) })],
  ["while false; do { echo; } done", compound("While", {
    until: false, condition: list(["false"]), body: [stmt([compound("BraceGroup", { body: list(["echo"]) })])],
  })],
  ["for x in a 'b c'; do echo; done", compound("For", { variable: "x", words: [w("a"), w(sq("b c"))], body: list(["echo"]) })],
  ["for x; do echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x\ndo echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x do echo; done", compound("For", { variable: "x", words: null, body: list(["echo"]) })],
  ["for x in; do echo; done", compound("For", { variable: "x", words: [], body: list(["echo"]) })],
  ["for x\nin a\ndo echo; done", compound("For", { variable: "x", words: [w("a")], body: list(["echo"]) })],
  ["for x in a; { echo; }", compound("For", { variable: "x", words: [w("a")], body: list(["echo"]) })],
  ["for ((i=0; i<3; i++)); do echo; done", compound("ArithFor", { init: w("i=0"), test: w(" i<3"), update: w(" i++"), body: list(["echo"]) })],
  ["for ((;;))\ndo break; done", compound("ArithFor", { init: w(), test: w(), update: w(), body: list(["break"]) })],
  ["for (( i = $n; i > (0); i-- )) { echo; }", compound("ArithFor", {
    init: w(" i = ", dollar("n")), test: w(" i > (0)"), update: w(" i-- "), body: list(["echo"]),
  })],
  ["case $x in a|b) echo ab;; (c) echo c;& d) ;;& *) echo other\nesac", compound("Case", {
    word: w(dollar("x")),
    items: [
      { patterns: [w("a"), w("b")], body: [echo("ab")], terminator: ";;" },
      { patterns: [w("c")], body: [echo("c")], terminator: ";&" },
      { patterns: [w("d")], body: [], terminator: ";;&" },
      { patterns: [w("*")], body: [echo("other")], terminator: ";;" },
    ],
  })],
  ["case x in esac", compound("Case", { word: w("x"), items: [] })],
  ["case \"$1\"\nin\n  # comment\n  -h|--help)\n    usage\n    ;;\n  @(a|b)) x;;\nesac", compound("Case", {
    word: w(dq(dollar("1"))),
    items: [
      { patterns: [w("-h"), w("--help")], body: list(["usage"]), terminator: ";;" },
      { patterns: [w("@(a|b)")], body: list(["x"]), terminator: ";;" },
    ],
  })],
  ["{ echo; } >out 2>&1", { _tag: "BraceGroup", body: list(["echo"]), redirects: [redirect(">", w("out")), redirect(">&", w("1"), 2)] }],
  ["while read l; do :; done <<EOF\n1\nEOF", {
    _tag: "While", until: false, condition: list(["read", "l"]), body: list([":"]),
    redirects: [redirect("<<", w("EOF"), null, { _tag: "HereDoc", delimiter: "EOF", quoted: false, stripTabs: false, body: w("1\n") })],
  }],
  ["f() { echo f; }", { _tag: "FunctionDef", name: "f", body: compound("BraceGroup", { body: [echo("f")] }), keyword: false }],
  ["f ( ) ( echo )", { _tag: "FunctionDef", name: "f", body: compound("Subshell", { body: [echo()] }), keyword: false }],
  ["my-func.x()\n{\n :\n} >log", {
    _tag: "FunctionDef", name: "my-func.x", keyword: false,
    body: { _tag: "BraceGroup", body: list([":"]), redirects: [redirect(">", w("log"))] },
  }],
  ["function g { echo; }", { _tag: "FunctionDef", name: "g", body: compound("BraceGroup", { body: [echo()] }), keyword: true }],
  ["function h() if a; then b; fi", {
    _tag: "FunctionDef", name: "h", keyword: true,
    body: compound("If", { clauses: [{ condition: list(["a"]), body: list(["b"]) }], elseBody: null }),
  }],
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
  ["[[ $x =~ \"a b\".*$y ]]", binary("=~", w(dollar("x")), w(dq("a b"), ".*", dollar("y")))],
  ["[[ ! a ]]", { _tag: "TestNot", expression: word("a") }],
  ["[[ a && b || c && d ]]", {
    _tag: "TestOr",
    left: { _tag: "TestAnd", left: word("a"), right: word("b") },
    right: { _tag: "TestAnd", left: word("c"), right: word("d") },
  }],
  ["[[ a || b || c ]]", { _tag: "TestOr", left: { _tag: "TestOr", left: word("a"), right: word("b") }, right: word("c") }],
  ["[[ ( a || b ) && ! -z c ]]", {
    _tag: "TestAnd",
    left: { _tag: "TestGroup", expression: { _tag: "TestOr", left: word("a"), right: word("b") } },
    right: { _tag: "TestNot", expression: unary("-z", w("c")) },
  }],
  ["[[ a &&\n b ]]", { _tag: "TestAnd", left: word("a"), right: word("b") }],
  ["[[\n a == b\n ]]", binary("==", w("a"), w("b"))],
  ["[[ a == b\n && c ]]", { _tag: "TestAnd", left: binary("==", w("a"), w("b")), right: word("c") }],
]

describe("[[ ]]", () => {
  it.each(tests)("%s", (source, expected) => {
    expect(firstCommand(source)).toEqual({ _tag: "TestCommand", expression: expected, redirects: [] })
  })
})

const andOr = (first: unknown, ...rest: Array<[string, unknown]>) => ({
  _tag: "AndOr",
  first,
  rest: rest.map(([op, p]) => ({ op, pipeline: p })),
})
const p1 = (...words: Array<string>) => pipeline([simple(words)])
const statement = (a: unknown, background = false) => ({ _tag: "Statement", andOr: a, background })

// Whole scripts: statements, and-or lists, pipelines.
const scripts: ReadonlyArray<readonly [string, unknown]> = [
  ["", []],
  ["\n\n# only a comment\n", []],
  ["a; b\nc & d &", [
    statement(andOr(p1("a"))), statement(andOr(p1("b"))), statement(andOr(p1("c")), true), statement(andOr(p1("d")), true),
  ]],
  ["a;b;c", [statement(andOr(p1("a"))), statement(andOr(p1("b"))), statement(andOr(p1("c")))]],
  ["a && b || c", [statement(andOr(p1("a"), ["&&", p1("b")], ["||", p1("c")]))]],
  ["a &&\n\n b ||\n # c\n c", [statement(andOr(p1("a"), ["&&", p1("b")], ["||", p1("c")]))]],
  ["a | b |& c", [statement(andOr(pipeline([simple(["a"]), simple(["b"]), simple(["c"])], { pipeStderr: [false, true] })))]],
  ["a |\n b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])])))]],
  ["! a | b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])], { negated: true })))]],
  ["! ! a", [statement(andOr(pipeline([simple(["a"])])))]],
  ["time a | b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])], { timed: true })))]],
  ["time -p ! a", [statement(andOr(pipeline([simple(["a"])], { timed: true, negated: true })))]],
  ["time", [statement(andOr(p1("time")))]],
  ["time=1 x", [statement(andOr(pipeline([simple(["x"], { assignments: [assign("time", w("1"))] })])))]],
  ["echo if then fi { } [[ ]] ! time", [statement(andOr(p1("echo", "if", "then", "fi", "{", "}", "[[", "]]", "!", "time")))]],
  ["{ x; } && ( y ) | z &", [statement(andOr(
    pipeline([{ _tag: "BraceGroup", body: list(["x"]), redirects: [] }]),
    ["&&", pipeline([{ _tag: "Subshell", body: list(["y"]), redirects: [] }, simple(["z"])])],
  ), true)]],
  // here-documents are read after the line that starts them, in order
  ["cat <<A; cat <<B\na\nA\nb\nB\necho end", [
    statement(andOr(pipeline([simple(["cat"], { redirects: [redirect("<<", w("A"), null, { _tag: "HereDoc", delimiter: "A", quoted: false, stripTabs: false, body: w("a\n") })] })]))),
    statement(andOr(pipeline([simple(["cat"], { redirects: [redirect("<<", w("B"), null, { _tag: "HereDoc", delimiter: "B", quoted: false, stripTabs: false, body: w("b\n") })] })]))),
    statement(andOr(p1("echo", "end"))),
  ]],
  ["cat <<A | while read x; do\na\nA\n  echo\ndone", [statement(andOr(pipeline([
    simple(["cat"], { redirects: [redirect("<<", w("A"), null, { _tag: "HereDoc", delimiter: "A", quoted: false, stripTabs: false, body: w("a\n") })] }),
    { _tag: "While", until: false, condition: list(["read", "x"]), body: list(["echo"]), redirects: [] },
  ])))]],
  // a here-document started outside `$(...)` is read after the line, not inside the substitution
  ["cat <<A; x=$(cat <<B\nb\nB\n)\na\nA", [
    statement(andOr(pipeline([simple(["cat"], { redirects: [redirect("<<", w("A"), null, { _tag: "HereDoc", delimiter: "A", quoted: false, stripTabs: false, body: w("a\n") })] })]))),
    statement(andOr(pipeline([simple([], { assignments: [assign("x", w({ _tag: "CommandSub", backtick: false, body: body("cat <<B\nb\nB\n") }))] })]))),
  ]],
]

describe("scripts", () => {
  it.each(scripts)("%j", (source, expected) => {
    expect(strip(parseSync(source).body)).toEqual(expected)
  })
})

describe("spans", () => {
  it("gives every node its offsets and line", () => {
    const script = parseSync("echo a\nif x; then\n  say \"$y\"\nfi")
    expect(script.span).toEqual({ start: 0, end: 31, line: 1 })
    const [first, second] = script.body
    expect(first?.span).toEqual({ start: 0, end: 6, line: 1 })
    const ifCmd = second?.andOr.first.commands[0]
    expect(ifCmd?.span).toEqual({ start: 7, end: 31, line: 2 })
    if (ifCmd?._tag !== "If") throw new Error("expected an if")
    const say = ifCmd.clauses[0]?.body[0]?.andOr.first.commands[0]
    if (say?._tag !== "SimpleCommand") throw new Error("expected a simple command")
    expect(say.span).toEqual({ start: 20, end: 28, line: 3 })
    const quoted = say.words[1]
    expect(quoted?.span).toEqual({ start: 24, end: 28, line: 3 })
    expect(quoted?.parts[0]?._tag === "DoubleQuoted" && quoted.parts[0].parts[0]?.span).toEqual({ start: 25, end: 27, line: 3 })
  })

  it("places the bodies of backquotes and here-documents in the outer text", () => {
    const script = parseSync("cat <<EOF\nx $y\nEOF\necho `echo $z`")
    const cat = script.body[0]?.andOr.first.commands[0]
    if (cat?._tag !== "SimpleCommand") throw new Error("expected a simple command")
    const doc = cat.redirects[0]?.heredoc
    expect(doc?.span).toEqual({ start: 10, end: 19, line: 2 })
    expect(doc?.body.parts[1]?.span).toEqual({ start: 12, end: 14, line: 2 })
    const echo = script.body[1]?.andOr.first.commands[0]
    if (echo?._tag !== "SimpleCommand") throw new Error("expected a simple command")
    const sub = echo.words[1]?.parts[0]
    if (sub?._tag !== "CommandSub") throw new Error("expected a command substitution")
    const z = sub.body.body[0]?.andOr.first.commands[0]
    expect(z?._tag === "SimpleCommand" && z.words[1]?.span).toEqual({ start: 30, end: 32, line: 4 })
  })
})

describe("parse", () => {
  it("is an Effect that succeeds with the script", () => {
    expect(strip(Effect.runSync(parse("echo hi")))).toEqual({ _tag: "Script", body: list(["echo", "hi"]) })
  })

  it("fails with a ParseError", () => {
    const error = Effect.runSync(Effect.flip(parse("fi")))
    expect(error._tag).toBe("ParseError")
    expect(error.message).toBe("syntax error near unexpected token `fi'")
  })

  it("parses a 10 KB script", () => {
    const unit = [
      "for f in *.txt; do",
      '  if [[ -f "$f" && ${f%.txt} != x ]]; then',
      '    mv -- "$f" "${f%.txt}.md" 2>/dev/null || echo "skip $f" >&2',
      "  fi",
      "done",
      "count=$(( $(ls | wc -l) + 1 ))",
      "case $count in 1|2) echo few;; *) echo many;; esac",
      "cat <<EOF | grep -c x",
      "x $count",
      "EOF",
      "",
    ].join("\n")
    const source = unit.repeat(Math.ceil(10_240 / unit.length))
    const script = parseSync(source)
    const copies = Math.ceil(10_240 / unit.length)
    expect(script.body.length).toBe(copies * 4)
    expect(strip(script.body.slice(-4))).toEqual(strip(parseSync(unit).body))
  })
})

const hasBash = spawnSync("bash", ["--version"]).status === 0

describe.runIf(hasBash)("every table input", () => {
  it("is accepted by bash -n", () => {
    const inputs = [...words, ...simpleCommands, ...commands, ...tests, ...scripts].map(([source]) => source)
    for (const source of inputs) {
      const r = spawnSync("bash", ["-O", "extglob", "-n", "-c", source], { encoding: "utf8", env: { LC_ALL: "C" } })
      const complaints = r.stderr.split("\n").filter((l) => l !== "" && !l.includes("warning: here-document"))
      expect(complaints, source).toEqual([])
    }
  })
})
