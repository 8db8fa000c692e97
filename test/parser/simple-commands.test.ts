import { describe, expect, it } from "vitest"
import { expectBashAccepts, hasBash } from "./bash.ts"
import {
  ansi,
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
  tilde,
  w,
} from "./helpers.ts"

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
  [
    "a=1 b+=2 cmd x=3",
    simple(["cmd", "x=3"], { assignments: [assign("a", w("1")), assign("b", w("2"), { append: true })] }),
  ],
  [
    "a[i+1]=v b[$k]+=w",
    simple([], {
      assignments: [
        assign("a", w("v"), { index: w("i+1") }),
        assign("b", w("w"), { index: w(dollar("k")), append: true }),
      ],
    }),
  ],
  ["a[1 + 1]=x", simple([], { assignments: [assign("a", w("x"), { index: w("1 + 1") })] })],
  [
    'a=(x "y z" [k]=v) b=() c+=(1)',
    simple([], {
      assignments: [
        assign("a", {
          _tag: "ArrayLiteral",
          elements: [
            { index: null, value: w("x") },
            { index: null, value: w(dq("y z")) },
            { index: w("k"), value: w("v") },
          ],
        }),
        assign("b", { _tag: "ArrayLiteral", elements: [] }),
        assign("c", { _tag: "ArrayLiteral", elements: [{ index: null, value: w("1") }] }, { append: true }),
      ],
    }),
  ],
  [
    "a=(\n  1 # one\n  2\n)",
    simple([], {
      assignments: [
        assign("a", {
          _tag: "ArrayLiteral",
          elements: [
            { index: null, value: w("1") },
            { index: null, value: w("2") },
          ],
        }),
      ],
    }),
  ],
  [
    "PATH=~/bin:~/x:/usr/bin y=a:~ z=~:a",
    simple([], {
      assignments: [
        assign("PATH", w(tilde(), "/bin:", tilde(), "/x:/usr/bin")),
        assign("y", w("a:", tilde())),
        assign("z", w(tilde(), ":a")),
      ],
    }),
  ],
  [
    "a=$(cmd) b=\"$x\" c=$'\\t'",
    simple([], {
      assignments: [assign("a", w(cmdsub("cmd"))), assign("b", w(dq(dollar("x")))), assign("c", w(ansi("\t", "\\t")))],
    }),
  ],
  [
    'local a=(1 "2 3") b=c',
    simple([
      "local",
      w("a=", {
        _tag: "ArrayLiteral",
        elements: [
          { index: null, value: w("1") },
          { index: null, value: w(dq("2 3")) },
        ],
      }),
      "b=c",
    ]),
  ],
  [
    "declare -A m+=([k]=v)",
    simple(["declare", "-A", w("m+=", { _tag: "ArrayLiteral", elements: [{ index: w("k"), value: w("v") }] })]),
  ],
  // redirects
  [
    "cmd >out 2>err <in >>app",
    simple(["cmd"], {
      redirects: [
        redirect(">", w("out")),
        redirect(">", w("err"), 2),
        redirect("<", w("in")),
        redirect(">>", w("app")),
      ],
    }),
  ],
  [
    "cmd 2>&1 >&2 1>&- 3<&0 <>rw >|f &>all &>>both",
    simple(["cmd"], {
      redirects: [
        redirect(">&", w("1"), 2),
        redirect(">&", w("2")),
        redirect(">&", w("-"), 1),
        redirect("<&", w("0"), 3),
        redirect("<>", w("rw")),
        redirect(">|", w("f")),
        redirect("&>", w("all")),
        redirect("&>>", w("both")),
      ],
    }),
  ],
  [">out echo hi", simple(["echo", "hi"], { redirects: [redirect(">", w("out"))] })],
  ["echo >out hi", simple(["echo", "hi"], { redirects: [redirect(">", w("out"))] })],
  ["echo a2>x 2 > y", simple(["echo", "a2", "2"], { redirects: [redirect(">", w("x")), redirect(">", w("y"))] })],
  ["a=1 >x", simple([], { assignments: [assign("a", w("1"))], redirects: [redirect(">", w("x"))] })],
  [
    'cat <<< "$x" < <(ls)',
    simple(["cat"], { redirects: [redirect("<<<", w(dq(dollar("x")))), redirect("<", w(procsub("<", "ls")))] }),
  ],
  ["echo 2>(cat)", simple(["echo", w("2", procsub(">", "cat"))])],
  // here-documents
  [
    'cat <<EOF\nhi $USER ${x} $(date) $((1+2)) `id`\na\\$b \\" \\x \\\\ \\`\nEOF',
    simple(["cat"], {
      redirects: [
        redirect(
          "<<",
          w("EOF"),
          null,
          hd(
            "EOF",
            false,
            false,
            lit("hi "),
            dollar("USER"),
            lit(" "),
            param("x"),
            lit(" "),
            cmdsub("date"),
            lit(" "),
            arith("1+2"),
            lit(" "),
            cmdsub("id", true),
            lit("\na"),
            esc("$"),
            lit('b \\" \\x '),
            esc("\\"),
            lit(" "),
            esc("`"),
            lit("\n"),
          ),
        ),
      ],
    }),
  ],
  [
    "cat <<'EOF'\n$x `y` \\n\nEOF",
    simple(["cat"], { redirects: [redirect("<<", w(sq("EOF")), null, hd("EOF", true, false, lit("$x `y` \\n\n")))] }),
  ],
  [
    'cat <<"E F"\n$x\nE F',
    simple(["cat"], { redirects: [redirect("<<", w(dq("E F")), null, hd("E F", true, false, lit("$x\n")))] }),
  ],
  [
    "cat <<\\EOF\n$x\nEOF",
    simple(["cat"], { redirects: [redirect("<<", w(esc("E"), "OF"), null, hd("EOF", true, false, lit("$x\n")))] }),
  ],
  [
    "cat <<-EOF\n\ta\n\t\tb $x\n\tEOF",
    simple(["cat"], {
      redirects: [redirect("<<-", w("EOF"), null, hd("EOF", false, true, lit("a\nb "), dollar("x"), lit("\n")))],
    }),
  ],
  [
    "cat <<EOF\n\tEOF\nEOF",
    simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false, lit("\tEOF\n")))] }),
  ],
  ["cat <<EOF\nEOF", simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false))] })],
  // a backslash-newline joins lines before the delimiter is looked for, unless the delimiter is quoted
  [
    "cat <<EOF\nx\\\nEOF\nEOF",
    simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false, lit("xEOF\n")))] }),
  ],
  [
    "cat <<'EOF'\nx\\\nEOF",
    simple(["cat"], { redirects: [redirect("<<", w(sq("EOF")), null, hd("EOF", true, false, lit("x\\\n")))] }),
  ],
  [
    "cat <<EOF\nno end",
    simple(["cat"], { redirects: [redirect("<<", w("EOF"), null, hd("EOF", false, false, lit("no end")))] }),
  ],
  [
    "cat <<A <<-B\na\nA\n\tb\n\tB",
    simple(["cat"], {
      redirects: [
        redirect("<<", w("A"), null, hd("A", false, false, lit("a\n"))),
        redirect("<<-", w("B"), null, hd("B", false, true, lit("b\n"))),
      ],
    }),
  ],
]

describe("simple commands", () => {
  it.each(simpleCommands)("%s", (source, expected) => {
    expect(firstCommand(source)).toEqual(expected)
  })
})

describe.runIf(hasBash)("the table", () => {
  it("is bash: bash -n accepts every input", () => {
    expectBashAccepts(simpleCommands.map(([source]) => source))
  })
})
