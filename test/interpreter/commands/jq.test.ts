import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { jq } from "../../../src/interpreter/commands/jq.ts"
import { inputFromPull, nullOutput } from "../../../src/interpreter/Io.ts"
import { expected, makeContext, makeFs, outcome, run, type Case } from "./harness.ts"

const files: Readonly<Record<string, string>> = {
  "a.json": "1\n2\n",
  "b.json": '{"x":[1,2]}\n',
  "p.jq": ".x | length\n",
  "o.json": '{"b":2,"a":{"c":[1,{"d":null}],"e":[]},"s":"t\\u00e9xt"}\n',
  "l.txt": "one\ntwo\n\nthree",
  "s.json": '"a"\n"b"\n',
}

// Cases where jq 1.6 (Debian's jq, run on the same files) and jq 1.8 agree:
// expectations from running jq 1.6 (generated, then checked in).
const agreed: ReadonlyArray<Case> = [
  {
    args: [".", "o.json"],
    stdout:
      '{\n  "b": 2,\n  "a": {\n    "c": [\n      1,\n      {\n        "d": null\n      }\n    ],\n    "e": []\n  },\n  "s": "téxt"\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", ".", "o.json"],
    stdout: '{"b":2,"a":{"c":[1,{"d":null}],"e":[]},"s":"téxt"}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["--tab", ".", "o.json"],
    stdout:
      '{\n\t"b": 2,\n\t"a": {\n\t\t"c": [\n\t\t\t1,\n\t\t\t{\n\t\t\t\t"d": null\n\t\t\t}\n\t\t],\n\t\t"e": []\n\t},\n\t"s": "téxt"\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["--indent", "1", ".", "o.json"],
    stdout: '{\n "b": 2,\n "a": {\n  "c": [\n   1,\n   {\n    "d": null\n   }\n  ],\n  "e": []\n },\n "s": "téxt"\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-S", ".", "o.json"],
    stdout:
      '{\n  "a": {\n    "c": [\n      1,\n      {\n        "d": null\n      }\n    ],\n    "e": []\n  },\n  "b": 2,\n  "s": "téxt"\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-a", "-c", ".", "o.json"],
    stdout: '{"b":2,"a":{"c":[1,{"d":null}],"e":[]},"s":"t\\u00e9xt"}\n',
    stderr: "",
    status: 0,
  },
  { args: ["-r", ".s", "o.json"], stdout: "téxt\n", stderr: "", status: 0 },
  { args: ["-j", ".s, .b", "o.json"], stdout: "téxt2", stderr: "", status: 0 },
  {
    args: ["-r", ".[]", "s.json"],
    stdout: "",
    stderr:
      'jq: error (at s.json:1): Cannot iterate over string ("a")\njq: error (at s.json:2): Cannot iterate over string ("b")\n',
    status: 5,
  },
  { args: ["-rj", ".", "s.json"], stdout: "ab", stderr: "", status: 0 },
  { args: [".x", "b.json"], stdout: "[\n  1,\n  2\n]\n", stderr: "", status: 0 },
  { args: ["-f", "p.jq", "b.json"], stdout: "2\n", stderr: "", status: 0 },
  {
    args: ["-s", ".", "a.json", "b.json"],
    stdout: '[\n  1,\n  2,\n  {\n    "x": [\n      1,\n      2\n    ]\n  }\n]\n',
    stderr: "",
    status: 0,
  },
  { args: ["-c", "-s", ".", "a.json"], stdout: "[1,2]\n", stderr: "", status: 0 },
  { args: ["-n", "1+1"], stdout: "2\n", stderr: "", status: 0 },
  {
    args: ["-n", "[inputs]", "a.json", "b.json"],
    stdout: '[\n  1,\n  2,\n  {\n    "x": [\n      1,\n      2\n    ]\n  }\n]\n',
    stderr: "",
    status: 0,
  },
  { args: ["-R", ".", "l.txt"], stdout: '"one"\n"two"\n""\n"three"\n', stderr: "", status: 0 },
  { args: ["-Rs", ".", "l.txt"], stdout: '"one\\ntwo\\n\\nthree"\n', stderr: "", status: 0 },
  { args: ["-Rr", ".", "l.txt"], stdout: "one\ntwo\n\nthree\n", stderr: "", status: 0 },
  { args: ["-n", "-c", "[inputs]", "l.txt", "-R"], stdout: '["one","two","","three"]\n', stderr: "", status: 0 },
  { args: ["--arg", "v", "x", "-n", "$v"], stdout: '"x"\n', stderr: "", status: 0 },
  { args: ["--argjson", "v", '{"a":1}', "-n", "-c", "$v"], stdout: '{"a":1}\n', stderr: "", status: 0 },
  { args: ["-n", "-c", "--slurpfile", "v", "a.json", "$v"], stdout: "[1,2]\n", stderr: "", status: 0 },
  { args: ["-n", "--rawfile", "v", "l.txt", "$v"], stdout: '"one\\ntwo\\n\\nthree"\n', stderr: "", status: 0 },
  {
    args: ["-n", "-c", "$ARGS", "--args", "a", "b"],
    stdout: '{"positional":["a","b"],"named":{}}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "-c", "$ARGS", "--jsonargs", "1", '{"a":2}'],
    stdout: '{"positional":[1,{"a":2}],"named":{}}\n',
    stderr: "",
    status: 0,
  },
  { args: ["-n", "-c", "--arg", "x", "1", "$ARGS.named"], stdout: '{"x":"1"}\n', stderr: "", status: 0 },
  { args: ["-e", ".", "a.json"], stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["-e", "false", "a.json"], stdout: "false\nfalse\n", stderr: "", status: 1 },
  { args: ["-n", "-e", "null"], stdout: "null\n", stderr: "", status: 1 },
  { args: ["-e", "empty", "a.json"], stdout: "", stderr: "", status: 4 },
  { args: ["-n", "-e", "1"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-c", "[.[]?]", "a.json", "b.json"], stdout: "[]\n[]\n[[1,2]]\n", stderr: "", status: 0 },
  { args: ["-c", "keys", "o.json"], stdout: '["a","b","s"]\n', stderr: "", status: 0 },
  { args: ["-c", "to_entries", "b.json"], stdout: '[{"key":"x","value":[1,2]}]\n', stderr: "", status: 0 },
  {
    args: ["-r", "@csv", "-n", '[1,"a"]'],
    stdout: "",
    stderr: "jq: error (at <unknown>): null (null) cannot be csv-formatted, only array\n",
    status: 5,
  },
  { args: ["-r", "-n", '"\\(1+2) x"'], stdout: "3 x\n", stderr: "", status: 0 },
  { args: ["-n", "[range(5)] | map(.*2) | add"], stdout: "20\n", stderr: "", status: 0 },
  { args: ["-c", "-n", "[limit(3; repeat(1))]"], stdout: "[1,1,1]\n", stderr: "", status: 0 },
  {
    args: ["-c", "paths", "o.json"],
    stdout: '["b"]\n["a"]\n["a","c"]\n["a","c",0]\n["a","c",1]\n["a","c",1,"d"]\n["a","e"]\n["s"]\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "--stream", ".", "b.json"],
    stdout: '[["x",0],1]\n[["x",1],2]\n[["x",1]]\n[["x"]]\n',
    stderr: "",
    status: 0,
  },
  { args: ["-n", "input", "a.json"], stdout: "1\n", stderr: "", status: 0 },
  {
    args: ["-c", "-n", "[inputs]", "nope.json"],
    stdout: "[]\n",
    stderr: "jq: error: Could not open file nope.json: No such file or directory\n",
    status: 2,
  },
  {
    args: [".", "nope.json"],
    stdout: "",
    stderr: "jq: error: Could not open file nope.json: No such file or directory\n",
    status: 2,
  },
  {
    args: [".", "a.json", "nope.json"],
    stdout: "1\n2\n",
    stderr: "jq: error: Could not open file nope.json: No such file or directory\n",
    status: 2,
  },
  { args: ["-n", '"a" | test("A"; "i")'], stdout: "true\n", stderr: "", status: 0 },
  { args: ["-r", "-n", '"a,b" | split(",")[]'], stdout: "a\nb\n", stderr: "", status: 0 },
  { args: ["-n", "-c", '{"a":1} * {"b":2}'], stdout: '{"a":1,"b":2}\n', stderr: "", status: 0 },
  { args: ["-c", "-n", "[1,2,3] | .[1:]"], stdout: "[2,3]\n", stderr: "", status: 0 },
  { args: ["-c", ".[]"], stdin: "[1,2]", stdout: "1\n2\n", stderr: "", status: 0 },
  { args: ["-r", "."], stdin: '"x"', stdout: "x\n", stderr: "", status: 0 },
  { args: ["-c", "-s", "."], stdin: "1 2 3", stdout: "[1,2,3]\n", stderr: "", status: 0 },
  { args: ["-c"], stdin: '{"a":[1,2]}', stdout: '{"a":[1,2]}\n', stderr: "", status: 0 },
  { args: ["-r", "-n", "input.a"], stdin: '{"a":1}', stdout: "1\n", stderr: "", status: 0 },
]

// Cases where jq 1.8 differs from 1.6 (messages, parse-error status 5,
// `--indent 0`), or that need 1.8: expectations from jq 1.8.2 itself, the
// jq-wasm build run directly over the same standard input (its
// `/dev/stdin` is jq's `<stdin>`).
const jq18: ReadonlyArray<Case> = [
  {
    args: ["--indent", "0", "."],
    stdin: '{"b":2,"a":{"c":[1,{"d":null}],"e":[]}}',
    stdout: '{\n"b": 2,\n"a": {\n"c": [\n1,\n{\n"d": null\n}\n],\n"e": []\n}\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "--seq", "."],
    stdin: "1 2",
    stdout: "",
    stderr: "jq: ignoring parse error: Unfinished abandoned text at EOF at line 1, column 3\n",
    status: 0,
  },
  {
    args: [".a.b"],
    stdin: "1\n2\n",
    stdout: "",
    stderr:
      'jq: error (at <stdin>:1): Cannot index number with string ("a")\njq: error (at <stdin>:2): Cannot index number with string ("a")\n',
    status: 5,
  },
  {
    args: [".a"],
    stdin: '{"a":1}\n{"a":2}\n3\n',
    stdout: "1\n2\n",
    stderr: 'jq: error (at <stdin>:3): Cannot index number with string ("a")\n',
    status: 5,
  },
  {
    args: [".a"],
    stdin: '{"a":1}\n{"a":2',
    stdout: "1\n",
    stderr: "jq: parse error: Unfinished JSON term at EOF at line 2, column 6\n",
    status: 5,
  },
  {
    args: ["."],
    stdin: "nul",
    stdout: "",
    stderr: "jq: parse error: Invalid literal at EOF at line 1, column 3\n",
    status: 5,
  },
  {
    args: [". |"],
    stdin: "1\n",
    stdout: "",
    stderr:
      "jq: error: syntax error, unexpected end of file at <top-level>, line 1, column 3:\n    . |\n      ^\njq: 1 compile error\n",
    status: 3,
  },
  {
    args: [".a |||"],
    stdin: "1\n",
    stdout: "",
    stderr:
      "jq: error: syntax error, unexpected '|' at <top-level>, line 1, column 5:\n    .a |||\n        ^\njq: 1 compile error\n",
    status: 3,
  },
  {
    args: ["--indent", "9", "."],
    stdin: "",
    stdout: "",
    stderr:
      "jq: --indent takes a number between -1 and 7\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n",
    status: 2,
  },
  {
    args: ["-x", "."],
    stdin: "",
    stdout: "",
    stderr:
      "jq: Unknown option -x\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n",
    status: 2,
  },
  {
    args: ["--foo", "."],
    stdin: "",
    stdout: "",
    stderr:
      "jq: Unknown option --foo\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs at https://jqlang.org\n",
    status: 2,
  },
  {
    args: ["-h", "."],
    stdin: "",
    stdout:
      'jq - commandline JSON processor [version 1.8.2]\n\nUsage:\tjq [options] <jq filter> [file...]\n\tjq [options] --args <jq filter> [strings...]\n\tjq [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\njq is a tool for processing JSON inputs, applying the given filter to\nits JSON text inputs and producing the filter\'s results as JSON on\nstandard output.\n\nThe simplest filter is ., which copies jq\'s input to its output\nunmodified except for formatting. For more advanced filters see\nthe jq(1) manpage ("man jq") and/or https://jqlang.org/.\n\nExample:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t  "foo": 0\n\t}\n\nCommand options:\n  -n, --null-input          use `null` as the single input value;\n  -R, --raw-input           read each line as string instead of JSON;\n  -s, --slurp               read all inputs into an array and use it as\n                            the single input value;\n  -c, --compact-output      compact instead of pretty-printed output;\n  -r, --raw-output          output strings without escapes and quotes;\n      --raw-output0         implies -r and output NUL after each output;\n  -j, --join-output         implies -r and output without newline after\n                            each output;\n  -a, --ascii-output        output strings by only ASCII characters\n                            using escape sequences;\n  -S, --sort-keys           sort keys of each object on output;\n  -C, --color-output        colorize JSON output;\n  -M, --monochrome-output   disable colored output;\n      --tab                 use tabs for indentation;\n      --indent n            use n spaces for indentation (max 7 spaces);\n      --unbuffered          flush output stream after each output;\n      --stream              parse the input value in streaming fashion;\n      --stream-errors       implies --stream and report parse error as\n                            an array;\n      --seq                 parse input/output as application/json-seq;\n  -f, --from-file           load the filter from a file;\n  -L, --library-path dir    search modules from the directory;\n      --arg name value      set $name to the string value;\n      --argjson name value  set $name to the JSON value;\n      --slurpfile name file set $name to an array of JSON values read\n                            from the file;\n      --rawfile name file   set $name to string contents of file;\n      --args                consume remaining arguments as positional\n                            string values;\n      --jsonargs            consume remaining arguments as positional\n                            JSON values;\n  -e, --exit-status         set exit status code based on the output;\n  -V, --version             show the version;\n  --build-configuration     show jq\'s build configuration;\n  -h, --help                show the help;\n  --                        terminates argument processing;\n\nNamed arguments are also available as $ARGS.named[], while\npositional arguments are available as $ARGS.positional[].\n',
    stderr: "",
    status: 0,
  },
  { args: ["-e", "null"], stdin: "1", stdout: "null\n", stderr: "", status: 1 },
  { args: ["-e", "empty"], stdin: "1 2", stdout: "", stderr: "", status: 4 },
  { args: ["-e", "."], stdin: "1 false", stdout: "1\nfalse\n", stderr: "", status: 1 },
  { args: ["-e", "."], stdin: "false 1", stdout: "false\n1\n", stderr: "", status: 0 },
  {
    args: ["-e", ".a"],
    stdin: '{"a":1} 2',
    stdout: "1\n",
    stderr: 'jq: error (at <stdin>:0): Cannot index number with string ("a")\n',
    status: 5,
  },
  { args: ["-n", '"bye\\n" | halt_error'], stdin: "", stdout: "", stderr: "bye\n", status: 5 },
  { args: ["-n", '{"a":1} | halt_error(3)'], stdin: "", stdout: "", stderr: '{"a":1}\n', status: 3 },
  { args: ["-n", "halt"], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: ["-n", "--raw-output0", '"a", "b"'], stdin: "", stdout: "a\u0000b\u0000", stderr: "", status: 0 },
  {
    args: ["-n", "--raw-output0", '"a\\u0000b"'],
    stdin: "",
    stdout: "",
    stderr: "jq: error (at <unknown>): Cannot dump a string containing NUL with --raw-output0 option\n",
    status: 5,
  },
  {
    args: ["-n", "$__loc__"],
    stdin: "",
    stdout: '{\n  "file": "<top-level>",\n  "line": 1\n}\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "-c", '[splits("a, b"; ", ")]'],
    stdin: "",
    stdout: "",
    stderr: "jq: error (at <unknown>): null (null) cannot be matched, as it is not a string\n",
    status: 5,
  },
  { args: ["-n", "[1,2] | .[] as $x | $x * 10"], stdin: "", stdout: "10\n20\n", stderr: "", status: 0 },
  { args: ["-n", "-r", '@base64 "\\("hi")"'], stdin: "", stdout: "aGk=\n", stderr: "", status: 0 },
  {
    args: ["-n", "1 / 0"],
    stdin: "",
    stdout: "",
    stderr: "jq: error (at <unknown>): number (1) and number (0) cannot be divided because the divisor is zero\n",
    status: 5,
  },
  { args: ["-n", 'error("custom")'], stdin: "", stdout: "", stderr: "jq: error (at <unknown>): custom\n", status: 5 },
  {
    args: ["-n", "{} | error"],
    stdin: "",
    stdout: "",
    stderr: "jq: error (at <unknown>) (not a string): {}\n",
    status: 5,
  },
  {
    args: ["-c", "sort, (sort_by(-.) | reverse), min, max, unique"],
    stdin: "[3,1,2]",
    stdout: "[1,2,3]\n[1,2,3]\n1\n3\n[1,2,3]\n",
    stderr: "",
    status: 0,
  },
  { args: ["-r", '.a | ascii_upcase | ltrimstr("X")'], stdin: '{"a":"x"}', stdout: "\n", stderr: "", status: 0 },
  {
    args: ["-n", "ltrimstr(1)"],
    stdin: "",
    stdout: "",
    stderr: "jq: error (at <unknown>): startswith() requires string inputs\n",
    status: 5,
  },
  { args: ["-n", "-c", "[.[]?]"], stdin: "", stdout: "[]\n", stderr: "", status: 0 },
  { args: ["-n", 'getpath(["a","b"])'], stdin: "", stdout: "null\n", stderr: "", status: 0 },
  { args: ["-n", "-c", "[paths] | length"], stdin: "", stdout: "0\n", stderr: "", status: 0 },
  { args: ["-n", "-c", "have_literal_numbers"], stdin: "", stdout: "true\n", stderr: "", status: 0 },
  {
    args: ["-c", "."],
    stdin: "100000000000000000000000001 1.000 1e1000",
    stdout: "100000000000000000000000001\n1.000\n1E+1000\n",
    stderr: "",
    status: 0,
  },
  { args: ["-n", "-c", '[1,2,3] | abs? // "no abs"'], stdin: "", stdout: "[1,2,3]\n", stderr: "", status: 0 },
  { args: ["-n", "-c", '"abc" | trim, ltrimstr("a")'], stdin: "", stdout: '"abc"\n"bc"\n', stderr: "", status: 0 },
]

// Raw output keeps its blanks, the environment and file names reach the
// filter (jq 1.6, run the same way).
const more: ReadonlyArray<Case> = [
  { args: ["-r", "."], stdin: '"  x  "\n', stdout: "  x  \n", stderr: "", status: 0 },
  { args: ["-j", "."], stdin: '" a " " b "\n', stdout: " a  b ", stderr: "", status: 0 },
  { args: ["-n", "-c", "[env.X, $ENV.HOME]"], stdout: '["1","/home/u"]\n', stderr: "", status: 0 },
  {
    args: ["-c", "[., input_filename]", "a.json", "b.json"],
    stdout: '[1,"a.json"]\n[2,"a.json"]\n[{"x":[1,2]},"b.json"]\n',
    stderr: "",
    status: 0,
  },
  { args: ["-c", "[., input_filename]"], stdin: "1\n", stdout: '[1,"<stdin>"]\n', stderr: "", status: 0 },
  {
    args: [".", "a.json", "nope.json"],
    stdout: "1\n2\n",
    stderr: "jq: error: Could not open file nope.json: No such file or directory\n",
    status: 2,
  },
]

const check = async (c: Case) => {
  const r = await run(jq, c.args, { files, stdin: c.stdin, env: { HOME: "/home/u", X: "1" } })
  expect(outcome(r, c)).toEqual(expected(c))
}

describe("jq", () => {
  it.each(agreed.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => check(c))
  it.each(jq18.map((c) => [c.args.join(" "), c] as const))("1.8: %s", async (_name, c) => check(c))
  it.each(more.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => check(c))

  it("runs a long JSON Lines stream in pieces, keeping line numbers and the -e status", async () => {
    // 40000 lines (about 1.3 MB, several pieces), a number at line 20001
    // where objects are expected, and a last value that is false.
    const lines = Array.from({ length: 40000 }, (_, i) =>
      i === 20000 ? "5" : `{"i":${i},"pad":"xxxxxxxxxxxxxxxxxxxx"}`,
    )
    const stdin = lines.join("\n") + '\n{"i":false}\n'
    const r = await run(jq, ["-e", "-c", ".i"], { stdin })
    const out = r.stdout.split("\n")
    expect(out.length).toBe(40001)
    expect(out[19999]).toBe("19999")
    expect(out[20000]).toBe("20001")
    expect(out[39999]).toBe("false")
    // jq 1.6 reports the same line for this input.
    expect(r.stderr).toBe('jq: error (at <stdin>:20001): Cannot index number with string ("i")\n')
    expect(r.status).toBe(1)
  })

  it("reads standard input as it comes: outputs start before the input ends", async () => {
    const fs = await Effect.runPromise(makeFs())
    let pulls = 0
    let firstWrite = -1
    const chunk = new TextEncoder().encode(`{"s":"${"y".repeat(100)}"}\n`.repeat(1000))
    const stdin = inputFromPull(Effect.sync(() => (++pulls > 20 ? null : chunk)))
    const stdout = {
      write: () =>
        Effect.sync(() => {
          if (firstWrite < 0) firstWrite = pulls
        }),
    }
    const ctx = makeContext(fs, "jq", ["-c", ".s | length"], { stdin, stdout, stderr: nullOutput })
    expect(await Effect.runPromise(jq.run(ctx))).toBe(0)
    expect(firstWrite).toBeGreaterThan(0)
    expect(firstWrite).toBeLessThan(20)
  })
})
