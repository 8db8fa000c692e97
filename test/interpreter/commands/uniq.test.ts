import { describe, expect, it } from "vitest"
import { uniq } from "../../../src/interpreter/commands/uniq.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {
  u: "a\na\nb\nA\na\nc\nc\nc\n",
  f: "x a\ny a\nz b\n",
  p: "a\na",
  z: "a\u0000a\u0000b\u0000",
}

const cases: ReadonlyArray<Case> = [
  { args: ["u"], stdin: "q\nq\nr\n", stdout: "a\nb\nA\na\nc\n", stderr: "", status: 0 },
  {
    args: ["-c", "u"],
    stdin: "q\nq\nr\n",
    stdout: "      2 a\n      1 b\n      1 A\n      1 a\n      3 c\n",
    stderr: "",
    status: 0,
  },
  { args: ["-d", "u"], stdin: "q\nq\nr\n", stdout: "a\nc\n", stderr: "", status: 0 },
  { args: ["-u", "u"], stdin: "q\nq\nr\n", stdout: "b\nA\na\n", stderr: "", status: 0 },
  { args: ["-D", "u"], stdin: "q\nq\nr\n", stdout: "a\na\nc\nc\nc\n", stderr: "", status: 0 },
  {
    args: ["-i", "-c", "u"],
    stdin: "q\nq\nr\n",
    stdout: "      2 a\n      1 b\n      2 A\n      3 c\n",
    stderr: "",
    status: 0,
  },
  { args: ["--all-repeated=separate", "u"], stdin: "q\nq\nr\n", stdout: "a\na\n\nc\nc\nc\n", stderr: "", status: 0 },
  { args: ["--all-repeated=prepend", "u"], stdin: "q\nq\nr\n", stdout: "\na\na\n\nc\nc\nc\n", stderr: "", status: 0 },
  { args: ["--all-repeated", "u"], stdin: "q\nq\nr\n", stdout: "a\na\nc\nc\nc\n", stderr: "", status: 0 },
  {
    args: ["-cD", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr:
      "uniq: printing all duplicated lines and repeat counts is meaningless\nTry 'uniq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-w", "x", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: x: invalid number of bytes to compare\n",
    status: 1,
  },
  {
    args: ["-s", "x", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: x: invalid number of bytes to skip\n",
    status: 1,
  },
  {
    args: ["-f", "x", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: x: invalid number of fields to skip\n",
    status: 1,
  },
  {
    args: ["a", "b", "c"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: extra operand 'c'\nTry 'uniq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["u", "/nodir/x"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: /nodir/x: No such file or directory\n",
    status: 1,
  },
  { args: ["nope"], stdin: "q\nq\nr\n", stdout: "", stderr: "uniq: nope: No such file or directory\n", status: 1 },
  { args: ["-f", "1", "-c", "f"], stdin: "q\nq\nr\n", stdout: "      2 x a\n      1 z b\n", stderr: "", status: 0 },
  { args: ["-s", "1", "-c", "f"], stdin: "q\nq\nr\n", stdout: "      2 x a\n      1 z b\n", stderr: "", status: 0 },
  {
    args: ["-w", "1", "-c", "u"],
    stdin: "q\nq\nr\n",
    stdout: "      2 a\n      1 b\n      1 A\n      1 a\n      3 c\n",
    stderr: "",
    status: 0,
  },
  { args: ["--group", "u"], stdin: "q\nq\nr\n", stdout: "a\na\n\nb\n\nA\n\na\n\nc\nc\nc\n", stderr: "", status: 0 },
  {
    args: ["--group=prepend", "u"],
    stdin: "q\nq\nr\n",
    stdout: "\na\na\n\nb\n\nA\n\na\n\nc\nc\nc\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--group=append", "u"],
    stdin: "q\nq\nr\n",
    stdout: "a\na\n\nb\n\nA\n\na\n\nc\nc\nc\n\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--group=both", "u"],
    stdin: "q\nq\nr\n",
    stdout: "\na\na\n\nb\n\nA\n\na\n\nc\nc\nc\n\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--group", "-c", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr: "uniq: --group is mutually exclusive with -c/-d/-D/-u\nTry 'uniq --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--all-repeated=x", "u"],
    stdin: "q\nq\nr\n",
    stdout: "",
    stderr:
      "uniq: invalid argument 'x' for '--all-repeated'\nValid arguments are:\n  - 'none'\n  - 'prepend'\n  - 'separate'\nTry 'uniq --help' for more information.\n",
    status: 1,
  },
  { args: ["-z", "z"], stdin: "q\nq\nr\n", stdout: "a\u0000b\u0000", stderr: "", status: 0 },
  { args: ["p"], stdin: "q\nq\nr\n", stdout: "a\n", stderr: "", status: 0 },
  { args: ["-dc", "u"], stdin: "q\nq\nr\n", stdout: "      2 a\n      3 c\n", stderr: "", status: 0 },
  { args: ["-du", "u"], stdin: "q\nq\nr\n", stdout: "", stderr: "", status: 0 },
  { args: ["-"], stdin: "q\nq\nr\n", stdout: "q\nr\n", stderr: "", status: 0 },
  { args: ["-c"], stdin: "q\nq\nr\n", stdout: "      2 q\n      1 r\n", stderr: "", status: 0 },
  { args: ["--skip-fields=1", "f"], stdin: "q\nq\nr\n", stdout: "x a\nz b\n", stderr: "", status: 0 },
  { args: ["-f1", "-s1", "f"], stdin: "q\nq\nr\n", stdout: "x a\nz b\n", stderr: "", status: 0 },
  { args: ["-s", "5", "u"], stdin: "q\nq\nr\n", stdout: "a\n", stderr: "", status: 0 },
  { args: ["-w", "0", "u"], stdin: "q\nq\nr\n", stdout: "a\n", stderr: "", status: 0 },
  { args: ["-iu", "u"], stdin: "q\nq\nr\n", stdout: "b\n", stderr: "", status: 0 },
  { args: ["-id", "u"], stdin: "q\nq\nr\n", stdout: "a\nA\nc\n", stderr: "", status: 0 },
]

describe("uniq", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(uniq, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})
