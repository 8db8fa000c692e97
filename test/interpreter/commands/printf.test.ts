import { describe, expect, it } from "vitest"
import { format, printf } from "../../../src/interpreter/commands/printf.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expected outputs come from running GNU coreutils 9.1 / grep 3.8 / bash 5.2
// with LC_ALL=C on the same files.
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<Case> = [
  {
    args: ["%d|%i|%o|%u|%x|%X\\n", "42", "-42", "8", "-1", "255", "255"],
    stdout: "42|-42|10|18446744073709551615|ff|FF\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["%5d|%-5d|%05d|%+d|% d|%.3d|%5.3d\\n", "1", "2", "3", "4", "5", "6", "7"],
    stdout: "    1|2    |00003|+4| 5|006|  007\n",
    stderr: "",
    status: 0,
  },
  { args: ["%s-%s\\n", "a", "b", "c"], stdout: "a-b\nc-\n", stderr: "", status: 0 },
  { args: ["%s\\n"], stdout: "\n", stderr: "", status: 0 },
  { args: ["%d %s\\n"], stdout: "0 \n", stderr: "", status: 0 },
  { args: ["abc\\n", "x", "y"], stdout: "abc\n", stderr: "", status: 0 },
  { args: ["%z\\n", "1"], stdout: "", stderr: "printf: `\\': invalid format character\n", status: 1 },
  {
    args: ["%d\\n", "x", "3x", "0x1f", "010", "'A", '"B', "-0x10", "+5", " 7", "7 ", "", "-", "0x", "1e3", "'", "09"],
    stdout: "0\n3\n31\n8\n65\n66\n-16\n5\n7\n7\n0\n0\n0\n1\n0\n0\n",
    stderr:
      "printf: x: invalid number\nprintf: 3x: invalid number\nprintf: 7 : invalid number\nprintf: -: invalid number\nprintf: 0x: invalid hex number\nprintf: 1e3: invalid number\nprintf: 09: invalid octal number\n",
    status: 1,
  },
  {
    args: [
      "%f|%.2f|%e|%E|%g|%G|%10.3f|%-10.2e|\\n",
      "3.14159",
      "2.5",
      "12345.678",
      "0.00012",
      "0.0001",
      "1e20",
      "3.14159",
      "1.5",
    ],
    stdout: "3.141590|2.50|1.234568e+04|1.200000E-04|0.0001|1E+20|     3.142|1.50e+00  |\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["%g %g %g %g %g\\n", "100000", "1000000", "0.0001", "0.00001", "123456789"],
    stdout: "100000 1e+06 0.0001 1e-05 1.23457e+08\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["%#x %#o %#g %#.0f %#.0e\\n", "255", "8", "1.5", "2", "3"],
    stdout: "0xff 010 1.50000 2. 3.e+00\n",
    stderr: "",
    status: 0,
  },
  { args: ["%c%c%c\\n", "abc", "d", ""], stdout: "ad\u0000\n", stderr: "", status: 0 },
  {
    args: ["%*d|%-*d|%.*f|%*d\\n", "5", "1", "4", "2", "2", "3.14159", "-4", "7"],
    stdout: "    1|2   |3.14|7   \n",
    stderr: "",
    status: 0,
  },
  { args: ["%s\\n", "%d"], stdout: "%d\n", stderr: "", status: 0 },
  {
    args: [
      "%q\\n",
      "a b",
      "it's",
      "",
      "a$b",
      "a\nb",
      "plain",
      "~x",
      "a=b",
      "a*",
      "#a",
      "a#",
      "[x]",
      "a\\b",
      "a|b",
      "a,b",
      "a:b",
      "{a}",
      "!a",
      "a%b",
      "a^b",
      "tab\tx",
      "-a",
      "%",
      "x~y",
      "a=~b",
      "\u00e9",
    ],
    stdout:
      "a\\ b\nit\\'s\n''\na\\$b\n$'a\\nb'\nplain\n\\~x\na=b\na\\*\n\\#a\na#\n\\[x\\]\na\\\\b\na\\|b\na\\,b\na:b\n\\{a\\}\n\\!a\na%b\na\\^b\n$'tab\\tx'\n-a\n%\nx~y\na=\\~b\n$'\\303\\251'\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["%b\\n", "a\\tb", "c\\nd", "\\0101\\101\\x41", "a\\cb", "z"],
    stdout: "a\tb\nc\nd\nAAA\na",
    stderr: "",
    status: 0,
  },
  { args: ["%5s|%-5s|%.2s|\\n", "ab", "cd", "efgh"], stdout: "   ab|cd   |ef|\n", stderr: "", status: 0 },
  { args: ["%%|%5%|\\n"], stdout: "%|", stderr: "printf: `%': invalid format character\n", status: 1 },
  { args: ["%x\\n", "3.5"], stdout: "3\n", stderr: "printf: 3.5: invalid number\n", status: 1 },
  {
    args: ["%d|\\n", "99999999999999999999", "-99999999999999999999"],
    stdout: "9223372036854775807|\n-9223372036854775808|\n",
    stderr:
      "printf: warning: 99999999999999999999: Numerical result out of range\nprintf: warning: -99999999999999999999: Numerical result out of range\n",
    status: 0,
  },
  { args: ["%u\\n", "-5"], stdout: "18446744073709551611\n", stderr: "", status: 0 },
  { args: ["%x\\n", "-1"], stdout: "ffffffffffffffff\n", stderr: "", status: 0 },
  { args: ["%f\\n", "x"], stdout: "0.000000\n", stderr: "printf: x: invalid number\n", status: 1 },
  { args: ["%.3s|\\n", "\u00e9\u00e9"], stdout: "\u00e9\ufffd|\n", stderr: "", status: 0 },
  { args: ["%05s|\\n", "ab"], stdout: "   ab|\n", stderr: "", status: 0 },
  { args: ["%d %d\\n", "1", "2", "3"], stdout: "1 2\n3 0\n", stderr: "", status: 0 },
  { args: ["\\x41\\101\\0101\\n"], stdout: "AA\b1\n", stderr: "", status: 0 },
  { args: ["%-+5d|\\n", "3"], stdout: "+3   |\n", stderr: "", status: 0 },
  { args: ["%i\\n", "1.5"], stdout: "1\n", stderr: "printf: 1.5: invalid number\n", status: 1 },
  { args: ["%"], stdout: "", stderr: "printf: `%': missing format character\n", status: 1 },
  { args: ["abc%"], stdout: "abc", stderr: "printf: `%': missing format character\n", status: 1 },
  { args: ["a%5.5"], stdout: "a", stderr: "printf: `%5.5': missing format character\n", status: 1 },
  { args: ["%-"], stdout: "", stderr: "printf: `%-': missing format character\n", status: 1 },
  { args: ["%5.2q|%-6q|%.1q|\\n", "ab", "cd", "ef"], stdout: "   ab|cd    |e|\n", stderr: "", status: 0 },
  { args: ["%.3Q|%5Q|\\n", "a b c", "x"], stdout: "a\\ b|    x|\n", stderr: "", status: 0 },
  { args: ["%a %A\\n", "1", "0.5"], stdout: "0x8p-3 0X8P-4\n", stderr: "", status: 0 },
  { args: ["%.0f %.0f %.0f %.0f\\n", "0.5", "1.5", "2.5", "-0.5"], stdout: "0 2 2 -0\n", stderr: "", status: 0 },
  { args: ["%e|%g\\n", "0", "0"], stdout: "0.000000e+00|0\n", stderr: "", status: 0 },
  { args: ["%f %f %F %5.1f|\\n", "inf", "nan", "-inf", "inf"], stdout: "inf nan -INF   inf|\n", stderr: "", status: 0 },
  {
    args: ["%ld %lld %hd %Lf %zd %jd\\n", "1", "2", "3", "4.5", "5", "6"],
    stdout: "1 2 3 4.500000 5 6\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["%5.3d|%-05d|%05.1f|%+05d|%x\\n", "7", "3", "2.5", "4", "'\u00e9"],
    stdout: "  007|3    |002.5|+0004|c3\n",
    stderr: "",
    status: 0,
  },
  { args: ["%.0d|%#.0o|%#5x|%#X|\\n", "0", "0", "10", "0"], stdout: "|0|  0xa|0|\n", stderr: "", status: 0 },
  {
    args: ["%f\\n", "1e3x", "0x1p3", " 2", "1.", ".5", "INF", "'A"],
    stdout: "1000.000000\n8.000000\n2.000000\n1.000000\n0.500000\ninf\n65.000000\n",
    stderr: "printf: 1e3x: invalid number\n",
    status: 1,
  },
  { args: ["x\\qy\\\\z\\e\\E\\'\\\"\\?\\a\\n"], stdout: "x\\qy\\z\u001b\u001b'\"?\u0007\n", stderr: "", status: 0 },
  { args: ["a\\x\\n"], stdout: "a\\x\n", stderr: "printf: missing hex digit for \\x\n", status: 0 },
  { args: ["%b|\\n", "a\\x"], stdout: "a\\x|\n", stderr: "printf: missing hex digit for \\x\n", status: 0 },
  { args: ["%b|\\n", "a\\u"], stdout: "a\\u|\n", stderr: "printf: missing unicode digit for \\u\n", status: 0 },
  { args: ["\\cstill\\n"], stdout: "\\cstill\n", stderr: "", status: 0 },
  { args: ["%s"], stdout: "", stderr: "", status: 0 },
  {
    args: ["-%s", "a"],
    stdout: "",
    stderr: "printf: -%: invalid option\nprintf: usage: printf [-v var] format [arguments]\n",
    status: 2,
  },
  { args: ["-"], stdout: "-", stderr: "", status: 0 },
  { args: ["--", "%s\\n", "a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["%5c|%-3c|\\n", "a", "b"], stdout: "    a|b  |\n", stderr: "", status: 0 },
  {
    args: ["%+.3e|% .2f|%08.3f\\n", "12345", "1", "-3.14159"],
    stdout: "+1.234e+04| 1.00|-003.142\n",
    stderr: "",
    status: 0,
  },
  { args: ["%.10g|%.1g|%.0g|%g\\n", "0.1", "15", "2.5", "1e-5"], stdout: "0.1|2e+01|2|1e-05\n", stderr: "", status: 0 },
  { args: ["%s %s\\n"], stdout: " \n", stderr: "", status: 0 },
  { args: ["%b"], stdout: "", stderr: "", status: 0 },
  { args: ["%c"], stdout: "\u0000", stderr: "", status: 0 },
  { args: ["%y", "1"], stdout: "", stderr: "printf: `y': invalid format character\n", status: 1 },
  { args: ["%d\\n", "'"], stdout: "0\n", stderr: "", status: 0 },
  { args: ["%o %x\\n", "0777", "0xFF"], stdout: "777 ff\n", stderr: "", status: 0 },
  { args: ["%10.4s|\\n", "abcdefg"], stdout: "      abcd|\n", stderr: "", status: 0 },
  { args: ["%-10d|%-10.3f|\\n", "-5", "-2.5"], stdout: "-5        |-2.500    |\n", stderr: "", status: 0 },
  { args: ["%d %d %d\\n", "1", "2", "3", "4", "5"], stdout: "1 2 3\n4 5 0\n", stderr: "", status: 0 },
  { args: ["no args %s\\n"], stdout: "no args \n", stderr: "", status: 0 },
  { args: ["%s\\n", "a", "b", "c"], stdout: "a\nb\nc\n", stderr: "", status: 0 },
  { args: ["%i %d\\n", "  +12", "-0"], stdout: "12 0\n", stderr: "", status: 0 },
  { args: ["%.2f\\n", "2.675", "1.005", "0.125"], stdout: "2.67\n1.00\n0.12\n", stderr: "", status: 0 },
]

describe("printf", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(printf, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})

describe("format (the pure function behind printf -v)", () => {
  // Outputs from bash 5.2's printf (LC_ALL=C; \u with LC_ALL=C.UTF-8, which Mirage always uses).
  it.each([
    ["%s=%d\n", ["a", "1", "b"], "a=1\nb=0\n", [], 0],
    ["%5.1f|%-4s|%03d\n", ["3.14159", "ab", "7"], "  3.1|ab  |007\n", [], 0],
    ["%d\n", ["x"], "0\n", ["x: invalid number"], 1],
    ["%s|\\u00e9|\\U0001F600|\\u41\n", ["x"], "x|\u00e9|\u{1F600}|A\n", [], 0],
    ["%z", [], "", ["`%z': missing format character"], 1],
    ["%b", ["a\\cb"], "a", [], 0],
  ])("format(%j, %j)", (fmt, args, output, errors, status) => {
    expect(format(fmt, args)).toMatchObject({ output, errors, status })
  })

  it("gives the exact bytes, which UTF-8 decoding may not keep", () => {
    const r = format("\\x80\\xff", [])
    expect(Array.from(r.bytes)).toEqual([0x80, 0xff])
  })
})
