import { describe, expect, it } from "vitest"
import { fold } from "../../../src/interpreter/commands/fold.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  a: "The quick brown fox jumps over the lazy dog and keeps running far away into the distance until night.\n",
  t: "a\tb\tc\td\te\tf\tg\th\ti\tj\tk\n",
  b: "abc\bdefgh\rijklmnop\n",
  n: "0123456789abcdef",
  s: "aaaa bbbb cccc dddd\teeee ffff\n",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["a"],
    stdout: "The quick brown fox jumps over the lazy dog and keeps running far away into the \ndistance until night.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-w", "20", "a"],
    stdout:
      "The quick brown fox \njumps over the lazy \ndog and keeps runnin\ng far away into the \ndistance until night\n.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-w20", "-s", "a"],
    stdout:
      "The quick brown fox \njumps over the lazy \ndog and keeps \nrunning far away \ninto the distance \nuntil night.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-10", "a", "n"],
    stdout:
      "The quick \nbrown fox \njumps over\n the lazy \ndog and ke\neps runnin\ng far away\n into the \ndistance u\nntil night\n.\n0123456789\nabcdef",
    stderr: "",
    status: 0,
  },
  { args: ["-w", "10", "t"], stdout: "a\tb\n\tc\n\td\n\te\n\tf\n\tg\n\th\n\ti\n\tj\n\tk\n", stderr: "", status: 0 },
  { args: ["-b", "-w", "10", "t"], stdout: "a\tb\tc\td\te\t\nf\tg\th\ti\tj\t\nk\n", stderr: "", status: 0 },
  { args: ["-w", "5", "b"], stdout: "abc\bdef\ngh\rijklm\nnop\n", stderr: "", status: 0 },
  { args: ["-bw5", "b"], stdout: "abc\bd\nefgh\r\nijklm\nnop\n", stderr: "", status: 0 },
  { args: ["-w", "4", "n"], stdout: "0123\n4567\n89ab\ncdef", stderr: "", status: 0 },
  { args: ["-sw", "7", "s"], stdout: "aaaa \nbbbb \ncccc \ndddd\n\t\neeee \nffff\n", stderr: "", status: 0 },
  {
    args: ["-s", "-w", "3", "s"],
    stdout: "aaa\na \nbbb\nb \nccc\nc \nddd\nd\n\t\neee\ne \nfff\nf\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-w", "0"],
    stdout: "",
    stderr: "fold: invalid number of columns: '0': Numerical result out of range\n",
    status: 1,
  },
  { args: ["-w", "x"], stdout: "", stderr: "fold: invalid number of columns: 'x'\n", status: 1 },
  { args: ["nope", "n"], stdout: "0123456789abcdef", stderr: "fold: nope: No such file or directory\n", status: 1 },
  { args: ["-w", "3"], stdin: "abcdefg\n\nxy", stdout: "abc\ndef\ng\n\nxy", stderr: "", status: 0 },
  { args: ["-w", "1"], stdin: "a\tb\n", stdout: "a\n\t\nb\n", stderr: "", status: 0 },
  { args: ["-s", "-w", "4"], stdin: "ab  cd  ef\n", stdout: "ab  \ncd  \nef\n", stderr: "", status: 0 },
  {
    args: ["--width=6", "--spaces"],
    stdin: "a b c d e f g h\n",
    stdout: "a b c \nd e f \ng h\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-x"],
    stdout: "",
    stderr: "fold: invalid option -- 'x'\nTry 'fold --help' for more information.\n",
    status: 1,
  },
  { args: ["-s", "-w", "8"], stdin: "x\t\ty z\n", stdout: "x\t\n\t\ny z\n", stderr: "", status: 0 },
]

describe("fold", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(fold, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
