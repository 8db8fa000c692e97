import { describe, expect, it } from "vitest"
import { rg } from "../../../src/interpreter/commands/rg.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expectations from ripgrep 13 (`--sort path` for a stable order, stdin
// from /dev/null unless given) with LC_ALL=C on the same tree, which sits in
// a git repository (generated, then checked in).
const files: Readonly<Record<string, string>> = {
  "a.txt": "hello world\nfoo bar\nHello again\n",
  "src/main.rs": 'fn main() {\n  println!("hello");\n}\n',
  ".hidden/h.txt": "hello hidden\n",
  "node_modules/x.js": "hello nm\n",
  ".gitignore": "node_modules\n*.log\n",
  "x.log": "hello log\n",
  "bin.dat": "hel\0lo\nhello\n",
  "ctx.txt": "a\nhello\nb\nc\nhello\n",
  "noeol.txt": "hello",
  "sub/deep/app.ts": "const hello = 1;\n",
  "sub/.ignore": "deep.txt\n",
  "sub/deep/deep.txt": "hello deep\n",
  "README.md": "# Hello\nhello md\n",
  pats: "foo\nagain\n",
}

const cases: ReadonlyArray<Case> = [
  {
    args: ["hello", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "hello", "--sort", "path"],
    stdout:
      'README.md:2:hello md\na.txt:1:hello world\nctx.txt:2:hello\nctx.txt:5:hello\nnoeol.txt:1:hello\nsrc/main.rs:2:  println!("hello");\nsub/deep/app.ts:1:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  { args: ["hello", "a.txt", "--sort", "path"], stdout: "hello world\n", stderr: "", status: 0 },
  {
    args: ["hello", "a.txt", "src", "--sort", "path"],
    stdout: 'a.txt:hello world\nsrc/main.rs:  println!("hello");\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "hello", "--sort", "path"],
    stdout: "README.md:1\na.txt:1\nctx.txt:2\nnoeol.txt:1\nsrc/main.rs:1\nsub/deep/app.ts:1\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "hello", "--sort", "path"],
    stdout: "README.md\na.txt\nctx.txt\nnoeol.txt\nsrc/main.rs\nsub/deep/app.ts\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-o", "hel+o", "--sort", "path"],
    stdout:
      "README.md:hello\na.txt:hello\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:hello\nsub/deep/app.ts:hello\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i", "hello", "--sort", "path"],
    stdout:
      'README.md:# Hello\nREADME.md:hello md\na.txt:hello world\na.txt:Hello again\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  { args: ["-w", "hell", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  { args: ["-v", "hello", "a.txt", "--sort", "path"], stdout: "foo bar\nHello again\n", stderr: "", status: 0 },
  {
    args: ["-C1", "foo", "a.txt", "--sort", "path"],
    stdout: "hello world\nfoo bar\nHello again\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-A1", "hello", "--sort", "path"],
    stdout:
      'README.md:hello md\n--\na.txt:hello world\na.txt-foo bar\n--\nctx.txt:hello\nctx.txt-b\n--\nctx.txt:hello\n--\nnoeol.txt:hello\n--\nsrc/main.rs:  println!("hello");\nsrc/main.rs-}\n--\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "-B1", "Hello", "a.txt", "src", "--sort", "path"],
    stdout: "a.txt-2-foo bar\na.txt:3:Hello again\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--files", "--sort", "path"],
    stdout: "README.md\na.txt\nbin.dat\nctx.txt\nnoeol.txt\npats\nsrc/main.rs\nsub/deep/app.ts\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--hidden", "hello", "--sort", "path"],
    stdout:
      '.hidden/h.txt:hello hidden\nREADME.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-u", "hello", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnode_modules/x.js:hello nm\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\nsub/deep/deep.txt:hello deep\nx.log:hello log\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-uu", "hello", "--sort", "path"],
    stdout:
      '.hidden/h.txt:hello hidden\nREADME.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnode_modules/x.js:hello nm\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\nsub/deep/deep.txt:hello deep\nx.log:hello log\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-uuu", "hello", "--sort", "path"],
    stdout:
      '.hidden/h.txt:hello hidden\nREADME.md:hello md\na.txt:hello world\nbin.dat: binary file matches (found "\\0" byte around offset 3)\nctx.txt:hello\nctx.txt:hello\nnode_modules/x.js:hello nm\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\nsub/deep/deep.txt:hello deep\nx.log:hello log\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["hello", "bin.dat", "--sort", "path"],
    stdout: 'binary file matches (found "\\0" byte around offset 3)\n',
    stderr: "",
    status: 0,
  },
  { args: ["-a", "hello", "bin.dat", "--sort", "path"], stdout: "hello\n", stderr: "", status: 0 },
  {
    args: ["-g", "*.rs", "hello", "--sort", "path"],
    stdout: 'src/main.rs:  println!("hello");\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-g", "!*.rs", "hello", "--sort", "path"],
    stdout:
      "README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsub/deep/app.ts:const hello = 1;\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-t", "rust", "hello", "--sort", "path"],
    stdout: 'src/main.rs:  println!("hello");\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-T", "rust", "hello", "--sort", "path"],
    stdout:
      "README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsub/deep/app.ts:const hello = 1;\n",
    stderr: "",
    status: 0,
  },
  { args: ["-t", "md", "hello", "--sort", "path"], stdout: "README.md:hello md\n", stderr: "", status: 0 },
  { args: ["-m1", "-c", "l", "a.txt", "--sort", "path"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-q", "hello", "--sort", "path"], stdout: "", stderr: "", status: 0 },
  { args: ["nomatch", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  {
    args: ["(", "--sort", "path"],
    stdout: "",
    stderr: "regex parse error:\n    (\n    ^\nerror: unclosed group\n",
    status: 2,
  },
  {
    args: ["a)", "--sort", "path"],
    stdout: "",
    stderr: "regex parse error:\n    a)\n     ^\nerror: unopened group\n",
    status: 2,
  },
  { args: ["-c", "zzz", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  {
    args: ["-c", "hello", ".", "--sort", "path"],
    stdout: "./README.md:1\n./a.txt:1\n./ctx.txt:2\n./noeol.txt:1\n./src/main.rs:1\n./sub/deep/app.ts:1\n",
    stderr: "",
    status: 0,
  },
  { args: ["--files", "src", "a.txt", "--sort", "path"], stdout: "src/main.rs\na.txt\n", stderr: "", status: 0 },
  { args: ["-g", "src/*", "--files", "--sort", "path"], stdout: "src/main.rs\n", stderr: "", status: 0 },
  { args: ["-g", "main.rs", "--files", "--sort", "path"], stdout: "src/main.rs\n", stderr: "", status: 0 },
  { args: ["-g", "/main.rs", "--files", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  {
    args: ["--max-depth", "1", "--files", "--sort", "path"],
    stdout: "README.md\na.txt\nbin.dat\nctx.txt\nnoeol.txt\npats\n",
    stderr: "",
    status: 0,
  },
  { args: ["--count-matches", "l", "a.txt", "--sort", "path"], stdout: "5\n", stderr: "", status: 0 },
  { args: ["-o", "-n", "l", "a.txt", "--sort", "path"], stdout: "1:l\n1:l\n1:l\n3:l\n3:l\n", stderr: "", status: 0 },
  { args: ["-r", "X", "hel", "a.txt", "--sort", "path"], stdout: "Xlo world\n", stderr: "", status: 0 },
  { args: ["-r", "[$0]", "h(e)", "a.txt", "--sort", "path"], stdout: "[he]llo world\n", stderr: "", status: 0 },
  { args: ["-r", "<$1>", "h(e)", "a.txt", "--sort", "path"], stdout: "<e>llo world\n", stderr: "", status: 0 },
  { args: ["-x", "foo bar", "a.txt", "--sort", "path"], stdout: "foo bar\n", stderr: "", status: 0 },
  { args: ["-F", "o.", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  {
    args: ["-e", "hello", "-e", "foo", "a.txt", "--sort", "path"],
    stdout: "hello world\nfoo bar\n",
    stderr: "",
    status: 0,
  },
  { args: ["--files-without-match", "hello", "--sort", "path"], stdout: "pats\n", stderr: "", status: 0 },
  { args: ["-S", "Hello", "a.txt", "--sort", "path"], stdout: "Hello again\n", stderr: "", status: 0 },
  { args: ["-S", "hello", "a.txt", "--sort", "path"], stdout: "hello world\nHello again\n", stderr: "", status: 0 },
  {
    args: ["hello", "nope", "--sort", "path"],
    stdout: "",
    stderr: "nope: IO error for operation on nope: No such file or directory (os error 2)\n",
    status: 2,
  },
  { args: ["-t", "foo", "hello", "--sort", "path"], stdout: "", stderr: "unrecognized file type: foo\n", status: 2 },
  {
    args: ["--heading", "-n", "hello", "--sort", "path"],
    stdout:
      'README.md\n2:hello md\n\na.txt\n1:hello world\n\nctx.txt\n2:hello\n5:hello\n\nnoeol.txt\n1:hello\n\nsrc/main.rs\n2:  println!("hello");\n\nsub/deep/app.ts\n1:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  { args: ["--column", "hello", "a.txt", "--sort", "path"], stdout: "1:1:hello world\n", stderr: "", status: 0 },
  { args: ["-b", "hello", "a.txt", "--sort", "path"], stdout: "0:hello world\n", stderr: "", status: 0 },
  {
    args: ["--vimgrep", "hello", "--sort", "path"],
    stdout:
      'README.md:2:1:hello md\na.txt:1:1:hello world\nctx.txt:2:1:hello\nctx.txt:5:1:hello\nnoeol.txt:1:1:hello\nsrc/main.rs:2:13:  println!("hello");\nsub/deep/app.ts:1:7:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-0", "-l", "hello", "--sort", "path"],
    stdout: "README.md\u0000a.txt\u0000ctx.txt\u0000noeol.txt\u0000src/main.rs\u0000sub/deep/app.ts\u0000",
    stderr: "",
    status: 0,
  },
  {
    args: ["-C1", "-n", "hello|Hello", "--vimgrep", "a.txt", "--sort", "path"],
    stdout: "a.txt:1:1:hello world\na.txt-2-foo bar\na.txt:3:1:Hello again\n",
    stderr: "",
    status: 0,
  },
  { args: ["-m1", "-A1", "hello", "ctx.txt", "--sort", "path"], stdout: "hello\nb\n", stderr: "", status: 0 },
  { args: ["-c", "-v", "hello", "ctx.txt", "--sort", "path"], stdout: "3\n", stderr: "", status: 0 },
  { args: ["-o", "-b", "l", "a.txt", "--sort", "path"], stdout: "2:l\n3:l\n9:l\n22:l\n23:l\n", stderr: "", status: 0 },
  { args: ["-c", "hello", "bin.dat", "--sort", "path"], stdout: "1\n", stderr: "", status: 0 },
  { args: ["-l", "hello", "bin.dat", "--sort", "path"], stdout: "bin.dat\n", stderr: "", status: 0 },
  { args: ["hello", "noeol.txt", "--sort", "path"], stdout: "hello\n", stderr: "", status: 0 },
  {
    args: ["-A1", "-B1", "hello", "ctx.txt", ".", "--sort", "path"],
    stdout:
      'ctx.txt-a\nctx.txt:hello\nctx.txt-b\nctx.txt-c\nctx.txt:hello\n--\n./README.md-# Hello\n./README.md:hello md\n--\n./a.txt:hello world\n./a.txt-foo bar\n--\n./ctx.txt-a\n./ctx.txt:hello\n./ctx.txt-b\n./ctx.txt-c\n./ctx.txt:hello\n--\n./noeol.txt:hello\n--\n./src/main.rs-fn main() {\n./src/main.rs:  println!("hello");\n./src/main.rs-}\n--\n./sub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["\\bhello\\b", "-w", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["hel{2}o", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["[[:upper:]]ello", "--sort", "path"],
    stdout: "README.md:# Hello\na.txt:Hello again\n",
    stderr: "",
    status: 0,
  },
  { args: ["(?i)HELLO", "a.txt", "--sort", "path"], stdout: "hello world\nHello again\n", stderr: "", status: 0 },
  { args: ["(?P<x>hel)lo", "-r", "$x", "a.txt", "--sort", "path"], stdout: "hel world\n", stderr: "", status: 0 },
  { args: ["hello", "sub", "--sort", "path"], stdout: "sub/deep/app.ts:const hello = 1;\n", stderr: "", status: 0 },
  { args: ["-l", "hello", "sub/deep", "--sort", "path"], stdout: "sub/deep/app.ts\n", stderr: "", status: 0 },
  {
    args: ["-g", "*.txt", "-g", "!a.txt", "hello", "--sort", "path"],
    stdout: "ctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsub/deep/deep.txt:hello deep\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--no-ignore", "hello", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnode_modules/x.js:hello nm\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\nsub/deep/deep.txt:hello deep\nx.log:hello log\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["--no-ignore-vcs", "hello", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnode_modules/x.js:hello nm\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\nsub/deep/app.ts:const hello = 1;\nx.log:hello log\n',
    stderr: "",
    status: 0,
  },
  { args: ["--iglob", "*.MD", "hello", "--sort", "path"], stdout: "README.md:hello md\n", stderr: "", status: 0 },
  {
    args: ["-g", "!sub", "hello", "--sort", "path"],
    stdout:
      'README.md:hello md\na.txt:hello world\nctx.txt:hello\nctx.txt:hello\nnoeol.txt:hello\nsrc/main.rs:  println!("hello");\n',
    stderr: "",
    status: 0,
  },
  {
    args: ["-I", "hello", "a.txt", "ctx.txt", "--sort", "path"],
    stdout: "hello world\nhello\nhello\n",
    stderr: "",
    status: 0,
  },
  { args: ["-H", "hello", "a.txt", "--sort", "path"], stdout: "a.txt:hello world\n", stderr: "", status: 0 },
  { args: ["-N", "-n", "hello", "a.txt", "--sort", "path"], stdout: "1:hello world\n", stderr: "", status: 0 },
  { args: ["--no-heading", "hello", "a.txt", "--sort", "path"], stdout: "hello world\n", stderr: "", status: 0 },
  { args: ["-s", "HELLO", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  { args: ["-i", "-s", "HELLO", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  { args: ["'\\x{68}ello'", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  { args: ["\\x68ello", "a.txt", "--sort", "path"], stdout: "hello world\n", stderr: "", status: 0 },
  { args: ["hello\\z", "a.txt", "--sort", "path"], stdout: "", stderr: "", status: 1 },
  { args: ["\\#", "README.md", "--sort", "path"], stdout: "# Hello\n", stderr: "", status: 0 },
  { args: ["-f", "pats", "a.txt", "--sort", "path"], stdout: "foo bar\nHello again\n", stderr: "", status: 0 },
  { args: ["hello", "--sort", "path"], stdin: "one\nhello two\n", stdout: "hello two\n", stderr: "", status: 0 },
  {
    args: ["-n", "hello", "--sort", "path"],
    stdin: "one\nhello two\n",
    stdout: "2:hello two\n",
    stderr: "",
    status: 0,
  },
  { args: ["hello", "-", "--sort", "path"], stdin: "one\nhello two\n", stdout: "hello two\n", stderr: "", status: 0 },
  {
    args: ["-H", "hello", "-", "--sort", "path"],
    stdin: "one\nhello\n",
    stdout: "<stdin>:hello\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--sort", "path"],
    stdout: "",
    stderr:
      "error: The following required arguments were not provided:\n    <PATTERN>\n\nUSAGE:\n    \n    rg [OPTIONS] PATTERN [PATH ...]\n    rg [OPTIONS] -e PATTERN ... [PATH ...]\n    rg [OPTIONS] -f PATTERNFILE ... [PATH ...]\n    rg [OPTIONS] --files [PATH ...]\n    rg [OPTIONS] --type-list\n    command | rg [OPTIONS] PATTERN\n    rg [OPTIONS] --help\n    rg [OPTIONS] --version\n\nFor more information try --help\n\n",
    status: 2,
  },
]

describe("rg", () => {
  it.each(cases.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => {
    const r = await run(rg, c.args, { files, dirs: [".git"], stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })

  it("refuses unknown options as clap does, with status 2", async () => {
    const r = await run(rg, ["--foo", "x"], { files })
    expect(r.status).toBe(2)
    expect(r.stderr.startsWith("error: Found argument '--foo' which wasn't expected")).toBe(true)
  })

  it("lists its file types", async () => {
    const r = await run(rg, ["--type-list"], { files })
    expect(r.stdout).toContain("rust: *.rs\n")
    expect(r.stdout).toContain("ts: *.ts, *.tsx\n")
  })
})
