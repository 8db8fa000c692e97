import { describe, expect, it } from "vitest"
import { find } from "../../../src/interpreter/commands/find.ts"
import { Effect } from "effect"
import type { NamespaceShape } from "../../../src/vfs/Namespace.ts"
import { echo } from "../../../src/interpreter/commands/echo.ts"
import { falseCommand } from "../../../src/interpreter/commands/false.ts"
import { trueCommand } from "../../../src/interpreter/commands/true.ts"
import { makeFs, readText, run, type Setup } from "./harness.ts"

// Every expectation was confirmed against GNU findutils 4.9.0 (LC_ALL=C TZ=UTC) on the same tree, built on
// disk from `setup`. Real find lists a directory in the file system's own order; Mirage lists in byte
// order, so for multi-line outputs the two were compared as sorted line sets and the table holds
// Mirage's (sorted-traversal) order. Not compared: owner names/ids (Mirage: user/1000), inode numbers
// and ctime/atime (Mirage has only mtime).
const T2020 = Date.UTC(2020, 0, 2, 3, 4, 5)
const T2021 = Date.UTC(2021, 5, 7, 8, 9, 10)

const setup: Setup = {
  files: { a: "", "d/b": "", "d/e/c": "", "f.txt": "hello\n", "big.dat": "x".repeat(3000), "sp ace": "" },
  dirs: ["empty"],
  symlinks: { link: "f.txt", broken: "nowhere", dl: "d" },
  mtimes: { a: T2020, "f.txt": T2021, "big.dat": T2021, "d/b": T2020 },
}

const commands = [echo, trueCommand, falseCommand]

interface Row {
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly setup?: Setup
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

const cases: ReadonlyArray<Row> = [
  {
    args: ["."],
    stdout: ".\n./a\n./big.dat\n./broken\n./d\n./d/b\n./d/e\n./d/e/c\n./dl\n./empty\n./f.txt\n./link\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-name", "*.txt"], stdout: "./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-iname", "*.TXT"], stdout: "./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-name", "[ab]*"], stdout: "./a\n./big.dat\n./broken\n./d/b\n", stderr: "", status: 0 },
  { args: [".", "-type", "f"], stdout: "./a\n./big.dat\n./d/b\n./d/e/c\n./f.txt\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-type", "d"], stdout: ".\n./d\n./d/e\n./empty\n", stderr: "", status: 0 },
  { args: [".", "-type", "l"], stdout: "./broken\n./dl\n./link\n", stderr: "", status: 0 },
  { args: [".", "-type", "f,l", "-name", "*i*"], stdout: "./big.dat\n./link\n", stderr: "", status: 0 },
  { args: ["-L", ".", "-type", "l"], stdout: "./broken\n", stderr: "", status: 0 },
  { args: ["-L", ".", "-type", "d"], stdout: ".\n./d\n./d/e\n./dl\n./dl/e\n./empty\n", stderr: "", status: 0 },
  { args: [".", "-xtype", "l"], stdout: "./broken\n", stderr: "", status: 0 },
  { args: [".", "-xtype", "f", "-name", "l*"], stdout: "./link\n", stderr: "", status: 0 },
  { args: [".", "-maxdepth", "1", "-type", "d"], stdout: ".\n./d\n./empty\n", stderr: "", status: 0 },
  { args: [".", "-maxdepth", "0"], stdout: ".\n", stderr: "", status: 0 },
  { args: [".", "-mindepth", "2"], stdout: "./d/b\n./d/e\n./d/e/c\n", stderr: "", status: 0 },
  { args: [".", "-path", "./d/*"], stdout: "./d/b\n./d/e\n./d/e/c\n", stderr: "", status: 0 },
  { args: [".", "-wholename", "*e*"], stdout: "./broken\n./d/e\n./d/e/c\n./empty\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-ipath", "./D/E"], stdout: "./d/e\n", stderr: "", status: 0 },
  { args: [".", "-regex", ".*/[a-c]"], stdout: "./a\n./d/b\n./d/e/c\n", stderr: "", status: 0 },
  { args: [".", "-regex", ".*\\(txt\\|dat\\)"], stdout: "./big.dat\n./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-regextype", "posix-extended", "-regex", ".*/(a|b)"], stdout: "./a\n./d/b\n", stderr: "", status: 0 },
  { args: [".", "-iregex", ".*F\\.TXT"], stdout: "./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-empty"], stdout: "./a\n./d/b\n./d/e/c\n./empty\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-empty", "-type", "d"], stdout: "./empty\n", stderr: "", status: 0 },
  { args: [".", "-size", "0"], stdout: "./a\n./d/b\n./d/e/c\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-type", "f", "-size", "+0"], stdout: "./big.dat\n./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-size", "6c"], stdout: "./f.txt\n", stderr: "", status: 0 },
  {
    args: [".", "-type", "f", "-size", "-7c"],
    stdout: "./a\n./d/b\n./d/e/c\n./f.txt\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-size", "3k"], stdout: "./big.dat\n", stderr: "", status: 0 },
  { args: [".", "-size", "+2k"], stdout: ".\n./big.dat\n./d\n./d/e\n./empty\n", stderr: "", status: 0 },
  { args: [".", "-type", "f", "-size", "-1M"], stdout: "./a\n./d/b\n./d/e/c\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-size", "6"], stdout: "./big.dat\n", stderr: "", status: 0 },
  {
    args: [".", "-newer", "a", "-type", "f"],
    stdout: "./big.dat\n./d/e/c\n./f.txt\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "-type", "f", "!", "-newer", "f.txt"],
    stdout: "./a\n./big.dat\n./d/b\n./f.txt\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-mtime", "+100"], stdout: "./a\n./big.dat\n./d/b\n./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-type", "f", "-mtime", "-1"], stdout: "./d/e/c\n./sp ace\n", stderr: "", status: 0 },
  { args: [".", "-type", "f", "-mmin", "+5"], stdout: "./a\n./big.dat\n./d/b\n./f.txt\n", stderr: "", status: 0 },
  {
    args: [".", "-newermt", "2021-01-01", "-type", "f"],
    stdout: "./big.dat\n./d/e/c\n./f.txt\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-perm", "644", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-perm", "-u+w", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-perm", "/o+w", "-type", "f"], stdout: "", stderr: "", status: 0 },
  {
    args: [".", "-name", "d", "-prune", "-o", "-print"],
    stdout: ".\n./a\n./big.dat\n./broken\n./dl\n./empty\n./f.txt\n./link\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-name", "d", "-prune"], stdout: "./d\n", stderr: "", status: 0 },
  {
    args: [".", "-path", "./d", "-prune", "-o", "-type", "f", "-print"],
    stdout: "./a\n./big.dat\n./f.txt\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-name", "f.txt", "-print", "-quit"], stdout: "./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-name", "f.txt", "-print0"], stdout: "./f.txt\u0000", stderr: "", status: 0 },
  {
    args: [".", "-name", "f.txt", "-printf", "%p|%f|%h|%d|%y|%Y|%s|%P|%H|%m|%M|%k|%b\\n"],
    stdout: "./f.txt|f.txt|.|1|f|f|6|f.txt|.|644|-rw-r--r--|4|8\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-name", "link", "-printf", "%p %y %Y %l\\n"], stdout: "./link l f f.txt\n", stderr: "", status: 0 },
  { args: [".", "-name", "broken", "-printf", "%y %Y %l\\n"], stdout: "l N nowhere\n", stderr: "", status: 0 },
  {
    args: ["a", "f.txt", "-printf", "%t|%TY-%Tm-%Td %TH:%TM|%TT|%T+|%T@|%Ta %Tb %Te %Tj|%Ak\\n"],
    stdout:
      "Thu Jan  2 03:04:05.0000000000 2020|2020-01-02 03:04|03:04:05.0000000000|2020-01-02+03:04:05.0000000000|1577934245.0000000000|Thu Jan  2 002| 3\nMon Jun  7 08:09:10.0000000000 2021|2021-06-07 08:09|08:09:10.0000000000|2021-06-07+08:09:10.0000000000|1623053350.0000000000|Mon Jun  7 158| 8\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "-type", "f", "-name", "[a-f]*", "-printf", "%-10f|%5s|%-5d|%3m|\\n"],
    stdout:
      "a         |    0|1    |644|\nbig.dat   | 3000|1    |644|\nb         |    0|2    |644|\nc         |    0|3    |644|\nf.txt     |    6|1    |644|\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "-maxdepth", "0", "-printf", "[%05p][%-5d][%+d][% d][%05d][%.1p][%#m][%-#8m][%.3d]\\n"],
    stdout: "[    .][0    ][+0][ 0][00000][.][0755][0755    ][000]\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "-maxdepth", "0", "-printf", "a\\tb\\\\c\\101\\0\\n"],
    stdout: "a\tb\\cA\u0000\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-maxdepth", "0", "-printf", "abc\\cdef\\n"], stdout: "abc", stderr: "", status: 0 },
  {
    args: [".", "-maxdepth", "0", "-printf", "x\\y%z\\n"],
    stdout: "x\\y%z\n",
    stderr: "find: warning: unrecognized escape `\\y'\nfind: warning: unrecognized format directive `%z'\n",
    status: 0,
  },
  {
    args: [".", "-maxdepth", "0", "-printf", "%"],
    stdout: "",
    stderr: "find: error: % at end of format string\n",
    status: 1,
  },
  {
    args: [".", "-maxdepth", "0", "-printf", "%{"],
    stdout: "",
    stderr: "find: error: the format directive `%{' is reserved for future use\n",
    status: 1,
  },
  {
    args: [".", "-maxdepth", "0", "-printf", "%A"],
    stdout: "%A",
    stderr: "find: warning: format directive `%A' should be followed by another character\n",
    status: 0,
  },
  { args: ["d"], stdout: "d\nd/b\nd/e\nd/e/c\n", stderr: "", status: 0 },
  { args: ["d", "-depth"], stdout: "d/b\nd/e/c\nd/e\nd\n", stderr: "", status: 0 },
  { args: ["d/"], stdout: "d/\nd/b\nd/e\nd/e/c\n", stderr: "", status: 0 },
  { args: ["d//", "-maxdepth", "1"], stdout: "d//\nd//b\nd//e\n", stderr: "", status: 0 },
  { args: ["./d/../a"], stdout: "./d/../a\n", stderr: "", status: 0 },
  { args: ["nope"], stdout: "", stderr: "find: 'nope': No such file or directory\n", status: 1 },
  {
    args: [".", "nope", "-maxdepth", "0"],
    stdout: ".\n",
    stderr: "find: 'nope': No such file or directory\n",
    status: 1,
  },
  { args: ["a/"], stdout: "", stderr: "find: 'a/': Not a directory\n", status: 1 },
  { args: ["-H", "dl"], stdout: "dl\ndl/b\ndl/e\ndl/e/c\n", stderr: "", status: 0 },
  { args: ["dl"], stdout: "dl\n", stderr: "", status: 0 },
  { args: ["dl/"], stdout: "dl/\ndl/b\ndl/e\ndl/e/c\n", stderr: "", status: 0 },
  { args: ["-L", "dl"], stdout: "dl\ndl/b\ndl/e\ndl/e/c\n", stderr: "", status: 0 },
  { args: [".", "-name", "a", "-o", "-name", "c"], stdout: "./a\n./d/e/c\n", stderr: "", status: 0 },
  { args: [".", "-name", "a", ",", "-name", "c"], stdout: "./d/e/c\n", stderr: "", status: 0 },
  {
    args: [".", "-not", "-name", "*e*", "-type", "f"],
    stdout: "./a\n./big.dat\n./d/b\n./d/e/c\n./f.txt\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "!", "-type", "d", "!", "-type", "l"],
    stdout: "./a\n./big.dat\n./d/b\n./d/e/c\n./f.txt\n./sp ace\n",
    stderr: "",
    status: 0,
  },
  {
    args: [".", "(", "-name", "a", "-or", "-name", "c", ")", "-print"],
    stdout: "./a\n./d/e/c\n",
    stderr: "",
    status: 0,
  },
  { args: [".", "-name", "f*", "-exec", "echo", "found", "{}", ";"], stdout: "found ./f.txt\n", stderr: "", status: 0 },
  { args: [".", "-name", "a", "-exec", "echo", "{}", "x{}y", ";"], stdout: "./a x./ay\n", stderr: "", status: 0 },
  { args: [".", "-name", "a", "-exec", "false", ";", "-print"], stdout: "", stderr: "", status: 0 },
  { args: [".", "-name", "a", "-exec", "true", ";", "-print"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-maxdepth", "0", "-exec", "false", "{}", "+"], stdout: "", stderr: "", status: 1 },
  { args: ["d", "-type", "f", "-exec", "echo", "{}", "+"], stdout: "d/b d/e/c\n", stderr: "", status: 0 },
  {
    args: [".", "-name", "a", "-ok", "echo", "{}", ";"],
    stdin: "y\n",
    stdout: "./a\n",
    stderr: "< echo ... ./a > ? ",
    status: 0,
  },
  {
    args: [".", "-name", "a", "-ok", "echo", "{}", ";"],
    stdin: "n\n",
    stdout: "",
    stderr: "< echo ... ./a > ? ",
    status: 0,
  },
  { args: [".", "-true", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-false"], stdout: "", stderr: "", status: 0 },
  { args: [".", "-readable", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-writable", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-executable", "-type", "d", "-name", "e*"], stdout: "./d/e\n./empty\n", stderr: "", status: 0 },
  { args: [".", "-lname", "f*"], stdout: "./link\n", stderr: "", status: 0 },
  { args: [".", "-ilname", "NOW*"], stdout: "./broken\n", stderr: "", status: 0 },
  { args: [".", "-links", "1", "-name", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-links", "+2"], stdout: ".\n./d\n", stderr: "", status: 0 },
  { args: [".", "-name"], stdout: "", stderr: "find: missing argument to `-name'\n", status: 1 },
  { args: [".", "-nosuch"], stdout: "", stderr: "find: unknown predicate `-nosuch'\n", status: 1 },
  {
    args: [".", "(", "-name", "a"],
    stdout: "",
    stderr: "find: invalid expression; I was expecting to find a ')' somewhere but did not see one.\n",
    status: 1,
  },
  { args: [".", "-name", "a", ")"], stdout: "", stderr: "find: you have too many ')'\n", status: 1 },
  { args: [".", "-type", "q"], stdout: "", stderr: "find: Unknown argument to -type: q\n", status: 1 },
  {
    args: [".", "-type", "f,"],
    stdout: "",
    stderr: "find: Last file type in list argument to -type is missing, i.e., list is ending on: ','\n",
    status: 1,
  },
  {
    args: [".", "-type", "fd"],
    stdout: "",
    stderr: "find: Must separate multiple arguments to -type using: ','\n",
    status: 1,
  },
  {
    args: [".", "-type", "f,f"],
    stdout: "",
    stderr: "find: Duplicate file type 'f' in the argument list to -type.\n",
    status: 1,
  },
  {
    args: [".", "-type", ""],
    stdout: "",
    stderr: "find: Arguments to -type should contain at least one letter\n",
    status: 1,
  },
  { args: [".", "-size", "3q"], stdout: "", stderr: "find: invalid -size type `q'\n", status: 1 },
  { args: [".", "-size", ""], stdout: "", stderr: "find: invalid null argument to -size\n", status: 1 },
  { args: [".", "-size", "1.5k"], stdout: "", stderr: "find: Invalid argument `1.5k' to -size\n", status: 1 },
  {
    args: [".", "-maxdepth", "x"],
    stdout: "",
    stderr: "find: Expected a positive decimal integer argument to -maxdepth, but got 'x'\n",
    status: 1,
  },
  {
    args: [".", "-maxdepth", "-1"],
    stdout: "",
    stderr: "find: Expected a positive decimal integer argument to -maxdepth, but got '-1'\n",
    status: 1,
  },
  { args: [".", "!"], stdout: "", stderr: "find: expected an expression after '!'\n", status: 1 },
  { args: [".", "-exec", "echo"], stdout: "", stderr: "find: missing argument to `-exec'\n", status: 1 },
  {
    args: [".", "-exec", "echo", "{}", "{}", "+"],
    stdout: "",
    stderr: "find: Only one instance of {} is supported with -exec ... +\n",
    status: 1,
  },
  {
    args: [".", "-exec", "echo", "x{}", "+"],
    stdout: "",
    stderr: "find: In '-exec ... {} +' the '{}' must appear by itself, but you specified 'x{}'\n",
    status: 1,
  },
  { args: [".", "-newer", "nope"], stdout: "", stderr: "find: 'nope': No such file or directory\n", status: 1 },
  {
    args: [".", "-user", "nobodyx"],
    stdout: "",
    stderr: "find: 'nobodyx' is not the name of a known user\n",
    status: 1,
  },
  { args: [".", "-user", ""], stdout: "", stderr: "find: The argument to -user should not be empty\n", status: 1 },
  {
    args: [".", "-group", "12x"],
    stdout: "",
    stderr:
      "find: '12x' is not the name of an existing group and it does not look like a numeric group ID because it has the unexpected suffix 'x'\n",
    status: 1,
  },
  { args: [".", "-uid", "x"], stdout: "", stderr: "find: invalid argument `x' to `-uid'\n", status: 1 },
  { args: [".", "-perm", "999"], stdout: "", stderr: "find: invalid mode '999'\n", status: 1 },
  { args: [".", "-perm", "+644"], stdout: "", stderr: "find: invalid mode '+644'\n", status: 1 },
  { args: [".", "-perm", "a+q"], stdout: "", stderr: "find: invalid mode 'a+q'\n", status: 1 },
  {
    args: [".", "-maxdepth", "0", "-perm", "/000"],
    stdout: ".\n",
    stderr:
      "find: warning: you have specified a mode pattern /000 (which is equivalent to /000). The meaning of -perm /000 has now been changed to be consistent with -perm -000; that is, while it used to match no files, it now matches all files.\n",
    status: 0,
  },
  { args: [".", "-mtime", "x"], stdout: "", stderr: "find: invalid argument `x' to `-mtime'\n", status: 1 },
  { args: [".", "-mmin", "+x"], stdout: "", stderr: "find: invalid argument `+x' to `-mmin'\n", status: 1 },
  { args: [".", "-used", "x"], stdout: "", stderr: "find: Invalid argument x to -used\n", status: 1 },
  { args: [".", "-newerqm", "a"], stdout: "", stderr: "find: invalid predicate `-newerqm'\n", status: 1 },
  { args: [".", "-newermt"], stdout: "", stderr: "find: The '-newermt' test needs an argument\n", status: 1 },
  {
    args: [".", "-newermt", "garbage"],
    stdout: "",
    stderr: "find: I cannot figure out how to interpret 'garbage' as a date or time\n",
    status: 1,
  },
  {
    args: [".", "-regextype", "foo"],
    stdout: "",
    stderr:
      "find: Unknown regular expression type 'foo'; valid types are 'findutils-default', 'ed', 'emacs', 'gnu-awk', 'grep', 'posix-awk', 'awk', 'posix-basic', 'posix-egrep', 'egrep', 'posix-extended', 'posix-minimal-basic', 'sed'.\n",
    status: 1,
  },
  {
    args: [".", "-regex", "\\("],
    stdout: "",
    stderr: "find: failed to compile regular expression '\\(': Unmatched ( or \\(\n",
    status: 1,
  },
  {
    args: [".", "-regex", "["],
    stdout: "",
    stderr: "find: failed to compile regular expression '[': Invalid regular expression\n",
    status: 1,
  },
  {
    args: [".", "-regex", "[a"],
    stdout: "",
    stderr: "find: failed to compile regular expression '[a': Unmatched [, [^, [:, [., or [=\n",
    status: 1,
  },
  {
    args: [".", "-regex", "a\\"],
    stdout: "",
    stderr: "find: failed to compile regular expression 'a\\': Trailing backslash\n",
    status: 1,
  },
  {
    args: [".", "-regex", "\\1"],
    stdout: "",
    stderr: "find: failed to compile regular expression '\\1': Invalid back reference\n",
    status: 1,
  },
  {
    args: [".", "-regextype", "posix-extended", "-regex", "*a"],
    stdout: "",
    stderr: "find: failed to compile regular expression '*a': Invalid preceding regular expression\n",
    status: 1,
  },
  {
    args: [".", "-regextype", "posix-extended", "-regex", "a{1"],
    stdout: "",
    stderr: "find: failed to compile regular expression 'a{1': Unmatched \\{\n",
    status: 1,
  },
  {
    args: [".", "-regextype", "posix-basic", "-regex", "[[:foo:]]"],
    stdout: "",
    stderr: "find: failed to compile regular expression '[[:foo:]]': Invalid character class name\n",
    status: 1,
  },
  { args: [".", "-regextype", "posix-basic", "-regex", ".*/[[:alpha:]]\\{3\\}"], stdout: "", stderr: "", status: 0 },
  {
    args: [".", ")"],
    stdout: ".\n./a\n./big.dat\n./broken\n./d\n./d/b\n./d/e\n./d/e/c\n./dl\n./empty\n./f.txt\n./link\n./sp ace\n",
    stderr: "find: ')': No such file or directory\n",
    status: 1,
  },
  {
    args: [".", "(", ")"],
    stdout: "",
    stderr: "find: invalid expression; empty parentheses are not allowed.\n",
    status: 1,
  },
  { args: [".", "(", "-true", ")", ")"], stdout: "", stderr: "find: you have too many ')'\n", status: 1 },
  {
    args: [".", "(", "-not", ")"],
    stdout: "",
    stderr: "find: expected an expression between '-not' and ')'\n",
    status: 1,
  },
  {
    args: [".", "(", "-true", "-a", ")"],
    stdout: "",
    stderr: "find: expected an expression between '-a' and ')'\n",
    status: 1,
  },
  {
    args: [".", "("],
    stdout: "",
    stderr:
      "find: invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('\n",
    status: 1,
  },
  {
    args: [".", "-true", "("],
    stdout: "",
    stderr:
      "find: invalid expression; expected to find a ')' but didn't see one. Perhaps you need an extra predicate after '('\n",
    status: 1,
  },
  { args: [".", "!", "!"], stdout: "", stderr: "find: expected an expression after '!'\n", status: 1 },
  { args: [".", "-maxdepth", "0", "-o", "-true"], stdout: ".\n", stderr: "", status: 0 },
  { args: [".", "-true", "-o"], stdout: "", stderr: "find: expected an expression after '-o'\n", status: 1 },
  {
    args: [".", "-true", ",", ",", "-true"],
    stdout: "",
    stderr: "find: invalid expression; you have used a binary operator ',' with nothing before it.\n",
    status: 1,
  },
  {
    args: [".", "-a"],
    stdout: "",
    stderr: "find: invalid expression; you have used a binary operator '-a' with nothing before it.\n",
    status: 1,
  },
  {
    args: [".", "-daystart", "-a"],
    stdout: "",
    stderr: "find: invalid expression; you have used a binary operator '-a' with nothing before it.\n",
    status: 1,
  },
  { args: [".", "-name", "a", "b"], stdout: "", stderr: "find: paths must precede expression: `b'\n", status: 1 },
  {
    args: [".", "-name", "a", "f.txt"],
    stdout: "",
    stderr: "find: paths must precede expression: `f.txt'\nfind: possible unquoted pattern after predicate `-name'?\n",
    status: 1,
  },
  {
    args: ["-warn", ".", "-name", "a"],
    stdout: "",
    stderr: "find: paths must precede expression: `.'\nfind: possible unquoted pattern after predicate `-warn'?\n",
    status: 1,
  },
  { args: [".", "-print0x"], stdout: "", stderr: "find: unknown predicate `-print0x'\n", status: 1 },
  { args: [".", "-D"], stdout: "", stderr: "find: unknown predicate `-D'\n", status: 1 },
  { args: [".", "--", "-name", "a"], stdout: "", stderr: "find: unknown predicate `--'\n", status: 1 },
  { args: ["--", "a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["-P", "-L", "-P", "dl", "-maxdepth", "0"], stdout: "dl\n", stderr: "", status: 0 },
  { args: ["-O3", "a"], stdout: "a\n", stderr: "", status: 0 },
  { args: ["-Ox", "a"], stdout: "", stderr: "find: Please specify a decimal number immediately after -O\n", status: 1 },
  { args: ["-D", "x", "a"], stdout: "a\n", stderr: "find: Ignoring unrecognised debug flag 'x'\n", status: 0 },
  {
    args: [".", "-warn", "-name", "a", "-maxdepth", "1"],
    stdout: "./a\n",
    stderr:
      "find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional, i.e., -maxdepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n",
    status: 0,
  },
  {
    args: [".", "-warn", "-name", "a/b"],
    stdout: "",
    stderr:
      "find: warning: '-name' matches against basenames only, but the given pattern contains a directory separator ('/'), thus the expression will evaluate to false all the time.  Did you mean '-wholename'?\n",
    status: 0,
  },
  {
    args: [".", "-warn", "-d", "-maxdepth", "0"],
    stdout: ".\n",
    stderr:
      "find: warning: the -d option is deprecated; please use -depth instead, because the latter is a POSIX-compliant feature.\n",
    status: 0,
  },
  {
    args: [".", "-warn", "-name", "a", "-depth", "-mindepth", "1"],
    stdout: "./a\n",
    stderr:
      "find: warning: you have specified the global option -depth after the argument -name, but global options are not positional, i.e., -depth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\nfind: warning: you have specified the global option -mindepth after the argument -name, but global options are not positional, i.e., -mindepth affects tests specified before it as well as those specified after it.  Please specify global options before other arguments.\n",
    status: 0,
  },
  {
    args: [".", "-path", "x/"],
    stdout: "",
    stderr: "find: warning: -path x/ will not match anything because it ends with /.\n",
    status: 0,
  },
  {
    args: [".", "-name", "a", "-delete", "-prune"],
    stdout: "",
    stderr:
      "find: The -delete action automatically turns on -depth, but -prune does nothing when -depth is in effect.  If you want to carry on anyway, just explicitly use the -depth option.\n",
    status: 1,
  },
  {
    args: [".", "-name", "e", "-delete"],
    stdout: "",
    stderr: "find: cannot delete './d/e': Directory not empty\n",
    status: 1,
  },
  { args: [".", "-name", "empty", "-delete", "-print"], stdout: "./empty\n", stderr: "", status: 0 },
  {
    args: [".", "-name", "a", "-fprint", "nodir/x"],
    stdout: "",
    stderr: "find: 'nodir/x': No such file or directory\n",
    status: 1,
  },
  {
    args: [".", "-context", "x"],
    stdout: "",
    stderr: "find: invalid predicate -context: SELinux is not enabled.\n",
    status: 1,
  },
  { args: [".", "-samefile", "nope"], stdout: "", stderr: "find: 'nope': No such file or directory\n", status: 1 },
  { args: [".", "-samefile", "a"], stdout: "./a\n", stderr: "", status: 0 },
  { args: [".", "-inum", "-x"], stdout: "", stderr: "find: invalid argument `-x' to `-inum'\n", status: 1 },
  { args: [".", "-fstype"], stdout: "", stderr: "find: missing argument to `-fstype'\n", status: 1 },
  { args: ["a", "-printf", "%B@|%Bt|\\n"], stdout: "-1.-000000010||\n", stderr: "", status: 0 },
  { args: ["", "a"], stdout: "a\n", stderr: "find: '': No such file or directory\n", status: 1 },
]

describe("find", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(find, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin, commands })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

// Confirmed against GNU find the same way; only the order of entries (and so of the loop messages) differs.
describe("find -L loops", () => {
  const loops: Setup = { files: { "d/f": "x" }, symlinks: { "d/up": "..", dl: "d" } }
  const loopCases: ReadonlyArray<Row> = [
    {
      args: ["-L", "d"],
      stdout: "d\nd/f\nd/up\n",
      stderr:
        "find: File system loop detected; 'd/up/d' is part of the same file system loop as 'd'.\n" +
        "find: File system loop detected; 'd/up/dl' is part of the same file system loop as 'd'.\n",
      status: 1,
    },
    {
      args: [".", "-follow", "-name", "f"],
      stdout: "./d/f\n./dl/f\n",
      stderr:
        "find: File system loop detected; './d/up' is part of the same file system loop as '.'.\n" +
        "find: File system loop detected; './dl/up' is part of the same file system loop as '.'.\n",
      status: 1,
    },
  ]
  it.each(loopCases)("$args", async (c) => {
    const r = await run(find, c.args, { ...loops, cwd: "/w" })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

// Confirmed against GNU find like the main table.
describe("find -files0-from", () => {
  const lists: Setup = { files: { a: "", "d/b": "", list: "./a\0./d\0", l2: "./a\0\0./d\0", l3: "", l4: "./a" } }
  const listCases: ReadonlyArray<Row> = [
    { args: ["-files0-from", "list", "-maxdepth", "0"], stdout: "./a\n./d\n", stderr: "", status: 0 },
    { args: ["-files0-from", "list"], stdout: "./a\n./d\n./d/b\n", stderr: "", status: 0 },
    {
      args: [".", "-files0-from", "list"],
      stdout: "",
      stderr: "find: extra operand '.'\nfind: file operands cannot be combined with -files0-from\n",
      status: 1,
    },
    {
      args: ["-files0-from", "nope"],
      stdout: "",
      stderr: "find: cannot open 'nope' for reading: No such file or directory\n",
      status: 1,
    },
    {
      args: ["-files0-from", "l2", "-maxdepth", "0"],
      stdout: "./a\n./d\n",
      stderr: "find: 'l2':2: invalid zero-length file name\n",
      status: 1,
    },
    { args: ["-files0-from", "-", "-maxdepth", "0"], stdin: "./a\u0000", stdout: "./a\n", stderr: "", status: 0 },
    { args: ["-files0-from", "l3"], stdout: "", stderr: "", status: 0 },
    { args: ["-files0-from", "l4", "-maxdepth", "0"], stdout: "./a\n", stderr: "", status: 0 },
    { args: ["-files0-from"], stdout: "", stderr: "find: missing argument to `-files0-from'\n", status: 1 },
  ]
  it.each(listCases)("$args", async (c) => {
    const r = await run(find, c.args, { ...lists, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})

// What Mirage's files carry that a real disk does not reproduce: the one owner and hashed inodes.
describe("find: Mirage metadata and side effects", () => {
  it("matches the workspace user and group", async () => {
    const r = await run(
      find,
      [".", "-user", "user", "-group", "user", "-uid", "1000", "-name", "a", "-printf", "%u:%g:%U:%G\\n"],
      { ...setup, cwd: "/w" },
    )
    expect(r.stdout).toBe("user:user:1000:1000\n")
    const none = await run(find, [".", "-user", "root"], { ...setup, cwd: "/w" })
    expect(none.stdout).toBe("")
  })

  it("prints -ls lines with the workspace owner", async () => {
    const r = await run(find, [".", "-name", "f.txt", "-ls"], { ...setup, cwd: "/w" })
    expect(r.stdout).toMatch(/^ *\d+      4 -rw-r--r--   1 user     user            6 Jun  7  2021 \.\/f\.txt\n$/)
    const l = await run(find, [".", "-name", "link", "-ls"], { ...setup, cwd: "/w" })
    expect(l.stdout).toMatch(/ lrwxrwxrwx   1 user     user            5 .* \.\/link -> f\.txt\n$/)
  })

  it("deletes depth-first and reports what it cannot delete", async () => {
    const r = await run(find, ["d", "-delete"], { ...setup, cwd: "/w" })
    expect(r).toMatchObject({ stdout: "", stderr: "", status: 0 })
    const left = await run(find, ["."], { fs: r.fs, cwd: "/w" })
    expect(left.stdout.split("\n")).not.toContain("./d")
    const busy = await run(find, [".", "-name", "d", "-delete"], { ...setup, cwd: "/w" })
    expect(busy).toMatchObject({ stderr: "find: cannot delete './d': Directory not empty\n", status: 1 })
  })

  it("writes -fprint and -fprintf files when it ends", async () => {
    const r = await run(find, [".", "-name", "a", "-fprint", "out", "-fprintf", "out2", "%f!\\n"], {
      ...setup,
      cwd: "/w",
    })
    expect(r).toMatchObject({ stdout: "", stderr: "", status: 0 })
    expect(await readText(r.fs, "/w/out")).toBe("./a\n")
    expect(await readText(r.fs, "/w/out2")).toBe("a!\n")
  })

  it("batches -exec ... {} + and runs the batch before -quit ends the search", async () => {
    const r = await run(find, ["d", "-exec", "echo", "{}", "+", "-name", "b", "-quit"], {
      ...setup,
      cwd: "/w",
      commands,
    })
    expect(r.stdout).toBe("d d/b\n")
  })

  it("walks 20,000 files with one listing per directory", async () => {
    const fs = await Effect.runPromise(
      Effect.gen(function* () {
        const fs = yield* makeFs()
        const empty = new Uint8Array(0)
        for (let d = 0; d < 100; d++) {
          yield* fs.mkdir(`/t/d${d}`, { recursive: true })
          for (let f = 0; f < 200; f++) yield* fs.writeFile(`/t/d${d}/f${f}.${f % 2 ? "c" : "h"}`, empty)
        }
        return fs
      }),
    )
    let lists = 0
    let stats = 0
    const counted: NamespaceShape = {
      ...fs,
      list: (p) => {
        lists++
        return fs.list(p)
      },
      lstat: (p) => {
        stats++
        return fs.lstat(p)
      },
      stat: (p) => {
        stats++
        return fs.stat(p)
      },
    }
    const r = await run(find, ["/t", "-name", "*.c", "-type", "f"], { fs: counted })
    expect(r.stdout.split("\n").length - 1).toBe(10_000)
    expect(lists).toBe(101)
    expect(stats).toBeLessThan(5)
  })
})
