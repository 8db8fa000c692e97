import { describe, expect, it } from "vitest"
import { Effect } from "effect"
import { parse, parseSync } from "../../src/parser/parse.ts"
import { expectBashAccepts, hasBash } from "./bash.ts"
import { assign, body, list, pipeline, redirect, simple, strip, w } from "./helpers.ts"

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
  [
    "a; b\nc & d &",
    [
      statement(andOr(p1("a"))),
      statement(andOr(p1("b"))),
      statement(andOr(p1("c")), true),
      statement(andOr(p1("d")), true),
    ],
  ],
  ["a;b;c", [statement(andOr(p1("a"))), statement(andOr(p1("b"))), statement(andOr(p1("c")))]],
  ["a && b || c", [statement(andOr(p1("a"), ["&&", p1("b")], ["||", p1("c")]))]],
  ["a &&\n\n b ||\n # c\n c", [statement(andOr(p1("a"), ["&&", p1("b")], ["||", p1("c")]))]],
  [
    "a | b |& c",
    [statement(andOr(pipeline([simple(["a"]), simple(["b"]), simple(["c"])], { pipeStderr: [false, true] })))],
  ],
  ["a |\n b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])])))]],
  ["! a | b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])], { negated: true })))]],
  ["! ! a", [statement(andOr(pipeline([simple(["a"])])))]],
  ["time a | b", [statement(andOr(pipeline([simple(["a"]), simple(["b"])], { timed: true })))]],
  ["time -p ! a", [statement(andOr(pipeline([simple(["a"])], { timed: true, negated: true })))]],
  ["time", [statement(andOr(p1("time")))]],
  ["time=1 x", [statement(andOr(pipeline([simple(["x"], { assignments: [assign("time", w("1"))] })])))]],
  [
    "echo if then fi { } [[ ]] ! time",
    [statement(andOr(p1("echo", "if", "then", "fi", "{", "}", "[[", "]]", "!", "time")))],
  ],
  [
    "{ x; } && ( y ) | z &",
    [
      statement(
        andOr(pipeline([{ _tag: "BraceGroup", body: list(["x"]), redirects: [] }]), [
          "&&",
          pipeline([{ _tag: "Subshell", body: list(["y"]), redirects: [] }, simple(["z"])]),
        ]),
        true,
      ),
    ],
  ],
  // here-documents are read after the line that starts them, in order
  [
    "cat <<A; cat <<B\na\nA\nb\nB\necho end",
    [
      statement(
        andOr(
          pipeline([
            simple(["cat"], {
              redirects: [
                redirect("<<", w("A"), null, {
                  _tag: "HereDoc",
                  delimiter: "A",
                  quoted: false,
                  stripTabs: false,
                  body: w("a\n"),
                }),
              ],
            }),
          ]),
        ),
      ),
      statement(
        andOr(
          pipeline([
            simple(["cat"], {
              redirects: [
                redirect("<<", w("B"), null, {
                  _tag: "HereDoc",
                  delimiter: "B",
                  quoted: false,
                  stripTabs: false,
                  body: w("b\n"),
                }),
              ],
            }),
          ]),
        ),
      ),
      statement(andOr(p1("echo", "end"))),
    ],
  ],
  [
    "cat <<A | while read x; do\na\nA\n  echo\ndone",
    [
      statement(
        andOr(
          pipeline([
            simple(["cat"], {
              redirects: [
                redirect("<<", w("A"), null, {
                  _tag: "HereDoc",
                  delimiter: "A",
                  quoted: false,
                  stripTabs: false,
                  body: w("a\n"),
                }),
              ],
            }),
            { _tag: "While", until: false, condition: list(["read", "x"]), body: list(["echo"]), redirects: [] },
          ]),
        ),
      ),
    ],
  ],
  // a here-document started outside `$(...)` is read after the line, not inside the substitution
  [
    "cat <<A; x=$(cat <<B\nb\nB\n)\na\nA",
    [
      statement(
        andOr(
          pipeline([
            simple(["cat"], {
              redirects: [
                redirect("<<", w("A"), null, {
                  _tag: "HereDoc",
                  delimiter: "A",
                  quoted: false,
                  stripTabs: false,
                  body: w("a\n"),
                }),
              ],
            }),
          ]),
        ),
      ),
      statement(
        andOr(
          pipeline([
            simple([], {
              assignments: [assign("x", w({ _tag: "CommandSub", backtick: false, body: body("cat <<B\nb\nB\n") }))],
            }),
          ]),
        ),
      ),
    ],
  ],
]

describe("scripts", () => {
  it.each(scripts)("%j", (source, expected) => {
    expect(strip(parseSync(source).body)).toEqual(expected)
  })
})

describe("spans", () => {
  it("gives every node its offsets and line", () => {
    const script = parseSync('echo a\nif x; then\n  say "$y"\nfi')
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
    expect(quoted?.parts[0]?._tag === "DoubleQuoted" && quoted.parts[0].parts[0]?.span).toEqual({
      start: 25,
      end: 27,
      line: 3,
    })
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

describe.runIf(hasBash)("the table", () => {
  it("is bash: bash -n accepts every input", () => {
    expectBashAccepts(scripts.map(([source]) => source))
  })
})
