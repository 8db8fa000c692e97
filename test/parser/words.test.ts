import { describe, expect, it } from "vitest"
import { expectBashAccepts, hasBash } from "./bash.ts"
import { ansi, arith, cmdsub, dollar, dq, esc, param, procsub, sq, tilde, w, wordsOf } from "./helpers.ts"

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
  [
    "echo $x $1 $10 $@ $* $# $? $$ $! $- $0",
    [
      w(dollar("x")),
      w(dollar("1")),
      w(dollar("1"), "0"),
      w(dollar("@")),
      w(dollar("*")),
      w(dollar("#")),
      w(dollar("?")),
      w(dollar("$")),
      w(dollar("!")),
      w(dollar("-")),
      w(dollar("0")),
    ],
  ],
  ["echo $ a$ $/", [w("$"), w("a$"), w("$/")]],
  ["echo ${x}b$x.c", [w(param("x"), "b", dollar("x"), ".c")]],
  [
    "echo ${#} ${!} ${@} ${10} ${#x} ${##} ${#@}",
    [
      w(param("#")),
      w(param("!")),
      w(param("@")),
      w(param("10")),
      w(param("x", { length: true })),
      w(param("#", { length: true })),
      w(param("@", { length: true })),
    ],
  ],
  [
    "echo ${x:-d} ${x:=a b} ${x:?m} ${x:+a}",
    [
      w(param("x", { op: def("-", w("d")) })),
      w(param("x", { op: def("=", w("a b")) })),
      w(param("x", { op: def("?", w("m")) })),
      w(param("x", { op: def("+", w("a")) })),
    ],
  ],
  [
    "echo ${x-d} ${x=} ${x?} ${x+$y}",
    [
      w(param("x", { op: def("-", w("d"), false) })),
      w(param("x", { op: def("=", w(), false) })),
      w(param("x", { op: def("?", w(), false) })),
      w(param("x", { op: def("+", w(dollar("y")), false) })),
    ],
  ],
  [
    "echo ${x#p*} ${x##*/} ${x%.*} ${x%%.*}",
    [
      w(param("x", { op: { kind: "removePrefix", longest: false, pattern: w("p*") } })),
      w(param("x", { op: { kind: "removePrefix", longest: true, pattern: w("*/") } })),
      w(param("x", { op: { kind: "removeSuffix", longest: false, pattern: w(".*") } })),
      w(param("x", { op: { kind: "removeSuffix", longest: true, pattern: w(".*") } })),
    ],
  ],
  [
    "echo ${x/a/b} ${x//a/b} ${x/#a/b} ${x/%a/b} ${x/a} ${x/a/} ${x//\\//_}",
    [
      w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: w("b") } })),
      w(param("x", { op: { kind: "replace", mode: "all", pattern: w("a"), replacement: w("b") } })),
      w(param("x", { op: { kind: "replace", mode: "prefix", pattern: w("a"), replacement: w("b") } })),
      w(param("x", { op: { kind: "replace", mode: "suffix", pattern: w("a"), replacement: w("b") } })),
      w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: null } })),
      w(param("x", { op: { kind: "replace", mode: "first", pattern: w("a"), replacement: w() } })),
      w(param("x", { op: { kind: "replace", mode: "all", pattern: w(esc("/")), replacement: w("_") } })),
    ],
  ],
  [
    "echo ${x:1} ${x:1:2} ${x: -1} ${x:(-2):1} ${x:$i}",
    [
      w(param("x", { op: { kind: "substring", offset: w("1"), length: null } })),
      w(param("x", { op: { kind: "substring", offset: w("1"), length: w("2") } })),
      w(param("x", { op: { kind: "substring", offset: w(" -1"), length: null } })),
      w(param("x", { op: { kind: "substring", offset: w("(-2)"), length: w("1") } })),
      w(param("x", { op: { kind: "substring", offset: w(dollar("i")), length: null } })),
    ],
  ],
  [
    "echo ${x^^} ${x,,} ${x^} ${x,} ${x^^[a-c]}",
    [
      w(param("x", { op: { kind: "case", op: "^^", pattern: null } })),
      w(param("x", { op: { kind: "case", op: ",,", pattern: null } })),
      w(param("x", { op: { kind: "case", op: "^", pattern: null } })),
      w(param("x", { op: { kind: "case", op: ",", pattern: null } })),
      w(param("x", { op: { kind: "case", op: "^^", pattern: w("[a-c]") } })),
    ],
  ],
  [
    "echo ${x@Q} ${x@U}",
    [w(param("x", { op: { kind: "transform", op: "Q" } })), w(param("x", { op: { kind: "transform", op: "U" } }))],
  ],
  [
    "echo ${!x} ${!a[@]} ${!a[*]} ${!pre*} ${!pre@}",
    [
      w(param("x", { indirect: true })),
      w(param("a", { indirect: true, index: "@" })),
      w(param("a", { indirect: true, index: "*" })),
      w(param("pre*", { indirect: true })),
      w(param("pre@", { indirect: true })),
    ],
  ],
  [
    'echo ${a[@]} ${a[*]} ${a[1]} ${a[$i+1]} ${a["k"]} ${#a[@]} ${a[@]:1:2} ${a[0]:-d}',
    [
      w(param("a", { index: "@" })),
      w(param("a", { index: "*" })),
      w(param("a", { index: w("1") })),
      w(param("a", { index: w(dollar("i"), "+1") })),
      w(param("a", { index: w(dq("k")) })),
      w(param("a", { index: "@", length: true })),
      w(param("a", { index: "@", op: { kind: "substring", offset: w("1"), length: w("2") } })),
      w(param("a", { index: w("0"), op: def("-", w("d")) })),
    ],
  ],
  // words inside ${...}: quotes, nesting, and `'` being literal in a double-quoted default word
  [
    "echo ${x:-'a b'} ${x:-\"a b\"} ${x:-${y:-z}} ${x:-$(pwd)} ${x:-a}b}",
    [
      w(param("x", { op: def("-", w(sq("a b"))) })),
      w(param("x", { op: def("-", w(dq("a b"))) })),
      w(param("x", { op: def("-", w(param("y", { op: def("-", w("z")) }))) })),
      w(param("x", { op: def("-", w(cmdsub("pwd"))) })),
      w(param("x", { op: def("-", w("a")) }), "b}"),
    ],
  ],
  [
    'echo "${x:-\'q\'}" "${x#\'a\'}" "${x:-"a b"}" "${x:-\\}}"',
    [
      w(dq(param("x", { op: def("-", w("'q'")) }))),
      w(dq(param("x", { op: { kind: "removePrefix", longest: false, pattern: w(sq("a")) } }))),
      w(dq(param("x", { op: def("-", w(dq("a b"))) }))),
      w(dq(param("x", { op: def("-", w(esc("}"))) }))),
    ],
  ],
  // bash matches the quotes in a double-quoted default word but keeps them
  ["echo \"${x-'a}'}\"", [w(dq(param("x", { op: def("-", w("'a}'"), false) })))]],
  // what bash cannot make sense of fails when expanded: the text becomes the name
  ["echo ${x!y} ${} ${x y}", [w(param("x!y")), w(param("")), w(param("x y"))]],
  // command and arithmetic substitution
  ["echo $(ls -l) $( (cd x) ) $()", [w(cmdsub("ls -l")), w(cmdsub("(cd x)")), w(cmdsub(""))]],
  ["echo $(case x in a) echo a;; esac)", [w(cmdsub("case x in a) echo a;; esac"))]],
  [
    'echo "$(echo "in")" `echo a` "`echo \\"q\\"`"',
    [w(dq(cmdsub('echo "in"'))), w(cmdsub("echo a", true)), w(dq(cmdsub('echo "q"', true)))],
  ],
  ["echo `echo \\`echo in\\``", [w(cmdsub("echo `echo in`", true))]],
  [
    'echo $((1 + 2)) $(( (1+2)*3 )) $((x<<2)) $(($(echo 1)+${#y}+"3"))',
    [
      w(arith("1 + 2")),
      w(arith(" (1+2)*3 ")),
      w(arith("x<<2")),
      w(arith(cmdsub("echo 1"), "+", param("y", { length: true }), "+", dq("3"))),
    ],
  ],
  ["echo $((echo a) )", [w(cmdsub("(echo a) "))]],
  ['echo $[ 3 * 4 ] "$[1+2]" $[a[1]+(2)]', [w(arith(" 3 * 4 ")), w(dq(arith("1+2"))), w(arith("a[1]+(2)"))]],
  ["echo <(sort a) >(cat) a<(b)", [w(procsub("<", "sort a")), w(procsub(">", "cat")), w("a", procsub("<", "b"))]],
  // tilde
  [
    'echo ~ ~/x ~root ~root/x ~+ ~- a~ "~" ~root"x" ~$x',
    [
      w(tilde()),
      w(tilde(), "/x"),
      w(tilde("root")),
      w(tilde("root"), "/x"),
      w(tilde("+")),
      w(tilde("-")),
      w("a~"),
      w(dq("~")),
      w("~root", dq("x")),
      w("~", dollar("x")),
    ],
  ],
  [
    "echo a=~ a=x:~/y a[1]=~ --pre=~ ${x:-~}",
    [
      w("a=", tilde()),
      w("a=x:", tilde(), "/y"),
      w("a[1]=", tilde()),
      w("--pre=~"),
      w(param("x", { op: def("-", w(tilde())) })),
    ],
  ],
  // globs, braces and extended globs stay literal text
  [
    "echo {a,b} x{1..3}y *.txt ?.md [ab] [!a]* { } a{ }b",
    [w("{a,b}"), w("x{1..3}y"), w("*.txt"), w("?.md"), w("[ab]"), w("[!a]*"), w("{"), w("}"), w("a{"), w("}b")],
  ],
  [
    "echo ?(a|b) *(a) +(x|y) @(f) !(*.txt) f.@(c|h) a!b",
    [w("?(a|b)"), w("*(a)"), w("+(x|y)"), w("@(f)"), w("!(*.txt)"), w("f.@(c|h)"), w("a!b")],
  ],
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

describe.runIf(hasBash)("the table", () => {
  it("is bash: bash -n accepts every input", () => {
    expectBashAccepts(words.map(([source]) => source))
  })
})
