import { describe, expect, it } from "vitest"
import { echo } from "../../../src/interpreter/commands/echo.ts"
import { falseCommand } from "../../../src/interpreter/commands/false.ts"
import { trueCommand } from "../../../src/interpreter/commands/true.ts"
import { xargs } from "../../../src/interpreter/commands/xargs.ts"
import { inputFromPull } from "../../../src/interpreter/Io.ts"
import { Effect } from "effect"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expectations from GNU findutils 4.9 `xargs` (running coreutils' echo,
// true and false) with LC_ALL=C on the same input (generated, then checked in).
const commands = [echo, trueCommand, falseCommand]

const cases: ReadonlyArray<Case> = [
  { args: [], stdin: 'a b\nc "d e" f\\ g\n', stdout: "a b c d e f g\n", stderr: "", status: 0 },
  { args: ["-n", "2"], stdin: "a b c d e\n", stdout: "a b\nc d\ne\n", stderr: "", status: 0 },
  { args: ["-L", "1", "echo", "X"], stdin: "a b\nc d\ne\n", stdout: "X a b\nX c d\nX e\n", stderr: "", status: 0 },
  { args: ["-I{}", "echo", "[{}]"], stdin: "a b\nc d\n", stdout: "[a b]\n[c d]\n", stderr: "", status: 0 },
  { args: ["-0", "-n1", "echo"], stdin: "a\u0000b c\u0000", stdout: "a\nb c\n", stderr: "", status: 0 },
  { args: ["-d:", "-n1"], stdin: "a:b:c", stdout: "a\nb\nc\n", stderr: "", status: 0 },
  { args: ["-t", "echo"], stdin: "a b\n", stdout: "a b\n", stderr: "echo a b\n", status: 0 },
  { args: ["-r", "echo", "hi"], stdin: "\n", stdout: "", stderr: "", status: 0 },
  { args: ["echo", "hi"], stdin: "\n", stdout: "hi\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "a 'b\n",
    stdout: "a\n",
    stderr: "xargs: unmatched single quote; by default quotes are special to xargs unless you use the -0 option\n",
    status: 1,
  },
  {
    args: [],
    stdin: 'a "b\n',
    stdout: "a\n",
    stderr: "xargs: unmatched double quote; by default quotes are special to xargs unless you use the -0 option\n",
    status: 1,
  },
  { args: ["false"], stdin: "a\n", stdout: "", stderr: "", status: 123 },
  { args: ["-n1", "false"], stdin: "a\nb\n", stdout: "", stderr: "", status: 123 },
  { args: ["-E", "STOP"], stdin: "a b STOP c\n", stdout: "a b\n", stderr: "", status: 0 },
  { args: ["-s", "12", "echo"], stdin: "x y z", stdout: "x y z\n", stderr: "", status: 0 },
  {
    args: ["-n", "0"],
    stdin: "a\n",
    stdout: "",
    stderr: "xargs: value 0 for -n option should be >= 1\nTry 'xargs --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-t", "-I{}", "echo", "x {} y"],
    stdin: "a b\n",
    stdout: "x a b y\n",
    stderr: "echo 'x a b y'\n",
    status: 0,
  },
  { args: ["-L", "1", "echo"], stdin: "a b \nc\nd\n", stdout: "a b c\nd\n", stderr: "", status: 0 },
  { args: ["-x", "-s", "10", "echo"], stdin: "aaaa bbbb cccc\n", stdout: "aaaa\nbbbb\ncccc\n", stderr: "", status: 0 },
  {
    args: ["-x", "-n", "2", "-s", "10", "echo"],
    stdin: "aaaa bbbb cccc\n",
    stdout: "",
    stderr: "xargs: argument list too long\n",
    status: 1,
  },
  {
    args: ["-n", "2", "-s", "10", "echo"],
    stdin: "aaaa bbbb cccc\n",
    stdout: "aaaa\nbbbb\ncccc\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-L", "1", "-s", "10", "echo"],
    stdin: "aaaa bbbb\ncccc\n",
    stdout: "",
    stderr: "xargs: argument list too long\n",
    status: 1,
  },
  { args: ["-I{}", "echo", "[{}]"], stdin: "  a  b\n", stdout: "[a  b]\n", stderr: "", status: 0 },
  { args: [], stdin: "a\\\nb\n", stdout: "a\nb\n", stderr: "", status: 0 },
  { args: ["-0"], stdin: "x\n", stdout: "x\n\n", stderr: "", status: 0 },
  { args: ["-n1", "--max-args=2", "echo"], stdin: "a b", stdout: "a b\n", stderr: "", status: 0 },
  { args: ["-i", "echo", "<{}>"], stdin: "a\nb\nc\n", stdout: "<a>\n<b>\n<c>\n", stderr: "", status: 0 },
  { args: ["-I{}", "echo", "[{}]"], stdin: '"a  b" c\n', stdout: "[a  b c]\n", stderr: "", status: 0 },
  { args: ["-d", "\\n", "-n1", "echo", "X"], stdin: "a\n\nb\n", stdout: "X a\nX \nX b\n", stderr: "", status: 0 },
  { args: ["-n1"], stdin: 'a"b c"d\n', stdout: "ab cd\n", stderr: "", status: 0 },
  { args: ["echo", "Z"], stdin: "  \n", stdout: "Z\n", stderr: "", status: 0 },
  {
    args: ["-I{}", "-L2", "echo", "{}"],
    stdin: "a\n",
    stdout: "{} a\n",
    stderr: "xargs: warning: options --replace and -L are mutually exclusive, ignoring previous --replace value\n",
    status: 0,
  },
  {
    args: ["-n", "x"],
    stdin: "a b\n",
    stdout: "",
    stderr: "xargs: invalid number \"x\" for -n option\nTry 'xargs --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-d", "ab"],
    stdin: "a\n",
    stdout: "",
    stderr:
      "xargs: Invalid input delimiter specification ab: the delimiter must be either a single character or an escape sequence starting with \\.\n",
    status: 1,
  },
  { args: ["-d", "\\x58"], stdin: "aXb", stdout: "a b\n", stderr: "", status: 0 },
  { args: ["-s", "5"], stdin: "a b c", stdout: "", stderr: "xargs: argument line too long\n", status: 1 },
  { args: ["-s", "8", "echo"], stdin: "abc", stdout: "", stderr: "xargs: argument line too long\n", status: 1 },
  { args: ["-n1", "echo", "X"], stdin: "a '' b\n", stdout: "X a\nX \nX b\n", stderr: "", status: 0 },
  { args: ["-n1"], stdin: 'a\\ b "c\\d"\n', stdout: "a b\nc\\d\n", stderr: "", status: 0 },
  { args: ["-L1", "-t", "true"], stdin: "a b\nc\n", stdout: "", stderr: "true a b\ntrue c\n", status: 0 },
  { args: ["-n", "2", "-s", "9", "echo"], stdin: "a b c d\n", stdout: "a b\nc d\n", stderr: "", status: 0 },
  { args: ["-r", "-n", "2"], stdin: "a b c\n", stdout: "a b\nc\n", stderr: "", status: 0 },
  { args: ["-r", "echo", "x"], stdin: "", stdout: "", stderr: "", status: 0 },
  { args: ["echo", "x"], stdin: "", stdout: "x\n", stderr: "", status: 0 },
  { args: ["-P", "1", "-n", "1"], stdin: "a b c\n", stdout: "a\nb\nc\n", stderr: "", status: 0 },
  { args: ["-n", "2", "-t"], stdin: "1 2 3\n", stdout: "1 2\n3\n", stderr: "echo 1 2\necho 3\n", status: 0 },
  {
    args: ["-P", "x"],
    stdin: "a\n",
    stdout: "",
    stderr: "xargs: invalid number \"x\" for -P option\nTry 'xargs --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--foo"],
    stdin: "a\n",
    stdout: "",
    stderr: "xargs: unrecognized option '--foo'\nTry 'xargs --help' for more information.\n",
    status: 1,
  },
  { args: ["-a", "items", "echo"], files: { items: "a\nb\n" }, stdout: "a b\n", stderr: "", status: 0 },
  {
    args: ["-a", "nope"],
    stdout: "",
    stderr: "xargs: Cannot open input file 'nope': No such file or directory\n",
    status: 1,
  },
]

describe("xargs", () => {
  it.each(cases.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => {
    const r = await run(xargs, c.args, { files: c.files, stdin: c.stdin, commands })
    expect(outcome(r, c)).toEqual(expected(c))
  })

  it("gives 127 when the command is missing", async () => {
    const r = await run(xargs, ["nosuchcmd"], { stdin: "a\n", commands })
    expect(r.status).toBe(127)
  })

  it("runs each command as soon as its arguments are read", async () => {
    // An endless input: `-n 1` must run commands without waiting for the end.
    let ran = 0
    const counting = {
      ...echo,
      run: (ctx: Parameters<typeof echo.run>[0]) => Effect.tap(echo.run(ctx), () => Effect.sync(() => ran++)),
    }
    const endless = inputFromPull(Effect.sync(() => (ran >= 3 ? null : new TextEncoder().encode("x\n"))))
    const r = await run(xargs, ["-n", "1"], { stdin: endless, commands: [counting] })
    expect(r.stdout).toBe("x\nx\nx\n")
  })
})
