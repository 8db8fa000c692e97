import { spawnSync } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import fc from "fast-check"
import { afterAll, describe, expect, it } from "vitest"
import { diff } from "../../../src/interpreter/commands/diff.ts"
import { expected, outcome, run, type Case } from "./harness.ts"

// Expectations from GNU diffutils 3.8 `diff` run with LC_ALL=C TZ=UTC on the
// same files and modification times (generated, then checked in).
const seq = (a: number, b: number, f: (n: number) => string = String) =>
  Array.from({ length: b - a + 1 }, (_, i) => f(a + i) + "\n").join("")

const files: Readonly<Record<string, string>> = {
  p: "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n",
  q: "a\nB\nc\nd\ne\nf\ng\nh\ni\nJ\nk\nl\n",
  n1: "x\ny",
  n2: "x\ny\n",
  e: "",
  s1: "a b\n\nc\td\n",
  s2: "a  b\nC\td \n\n",
  bl: "\n",
  bl2: "\n\n",
  cr1: "a\r\nb\r\n",
  cr2: "a\nb\n",
  bin: "a\0b",
  t1: "\tone\ttwo\nsame\nlonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglonglong\n",
  t2: "\tone\tTWO\nsame\nshort\n",
  "d1/f": "1\n",
  "d2/f": "2\n",
  "d1/only": "x\n",
  "d2/s/z": "y\n",
  "d1/s/z2": "y\n",
  "d1/same": "s\n",
  "d2/same": "s\n",
  "d1/k/q": "1\n",
  "d2/k": "1\n",
  l1: seq(1, 30),
  l2: seq(1, 30, (n) => (n === 3 ? "three" : n === 20 ? "twenty" : n === 27 ? "" : String(n))),
}

const mtimes = {
  e: 1704164645000,
  p: 1704164645000,
  q: 1704251045000,
  n1: 1704164645000,
  n2: 1704164645000,
  "d1/f": 1704164645000,
  "d2/f": 1704251045000,
  l1: 1704164645000,
  l2: 1704164645000,
}

const cases: ReadonlyArray<Case> = [
  { args: ["p", "q"], stdout: "2c2\n< b\n---\n> B\n10c10\n< j\n---\n> J\n11a12\n> l\n", stderr: "", status: 1 },
  {
    args: ["-u", "p", "q"],
    stdout:
      "--- p\t2024-01-02 03:04:05.000000000 +0000\n+++ q\t2024-01-03 03:04:05.000000000 +0000\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,5 +7,6 @@\n g\n h\n i\n-j\n+J\n k\n+l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-U1", "p", "q"],
    stdout:
      "--- p\t2024-01-02 03:04:05.000000000 +0000\n+++ q\t2024-01-03 03:04:05.000000000 +0000\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n@@ -9,3 +9,4 @@\n i\n-j\n+J\n k\n+l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-U0", "p", "q"],
    stdout:
      "--- p\t2024-01-02 03:04:05.000000000 +0000\n+++ q\t2024-01-03 03:04:05.000000000 +0000\n@@ -2 +2 @@\n-b\n+B\n@@ -10 +10 @@\n-j\n+J\n@@ -11,0 +12 @@\n+l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-c", "p", "q"],
    stdout:
      "*** p\tTue Jan  2 03:04:05 2024\n--- q\tWed Jan  3 03:04:05 2024\n***************\n*** 1,5 ****\n  a\n! b\n  c\n  d\n  e\n--- 1,5 ----\n  a\n! B\n  c\n  d\n  e\n***************\n*** 7,11 ****\n  g\n  h\n  i\n! j\n  k\n--- 7,12 ----\n  g\n  h\n  i\n! J\n  k\n+ l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-C1", "p", "q"],
    stdout:
      "*** p\tTue Jan  2 03:04:05 2024\n--- q\tWed Jan  3 03:04:05 2024\n***************\n*** 1,3 ****\n  a\n! b\n  c\n--- 1,3 ----\n  a\n! B\n  c\n***************\n*** 9,11 ****\n  i\n! j\n  k\n--- 9,12 ----\n  i\n! J\n  k\n+ l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["--unified=2", "p", "q"],
    stdout:
      "--- p\t2024-01-02 03:04:05.000000000 +0000\n+++ q\t2024-01-03 03:04:05.000000000 +0000\n@@ -1,4 +1,4 @@\n a\n-b\n+B\n c\n d\n@@ -8,4 +8,5 @@\n h\n i\n-j\n+J\n k\n+l\n",
    stderr: "",
    status: 1,
  },
  { args: ["-q", "p", "q"], stdout: "Files p and q differ\n", stderr: "", status: 1 },
  { args: ["-s", "p", "p"], stdout: "Files p and p are identical\n", stderr: "", status: 0 },
  { args: ["-sq", "p", "q"], stdout: "Files p and q differ\n", stderr: "", status: 1 },
  { args: ["p", "p"], stdout: "", stderr: "", status: 0 },
  { args: ["n1", "n2"], stdout: "2c2\n< y\n\\ No newline at end of file\n---\n> y\n", stderr: "", status: 1 },
  {
    args: ["-u", "n1", "n2"],
    stdout:
      "--- n1\t2024-01-02 03:04:05.000000000 +0000\n+++ n2\t2024-01-02 03:04:05.000000000 +0000\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+y\n",
    stderr: "",
    status: 1,
  },
  { args: ["n2", "n1"], stdout: "2c2\n< y\n---\n> y\n\\ No newline at end of file\n", stderr: "", status: 1 },
  { args: ["-w", "n1", "n2"], stdout: "", stderr: "", status: 0 },
  { args: ["e", "n2"], stdout: "0a1,2\n> x\n> y\n", stderr: "", status: 1 },
  { args: ["n2", "e"], stdout: "1,2d0\n< x\n< y\n", stderr: "", status: 1 },
  {
    args: ["-u", "e", "n2"],
    stdout:
      "--- e\t2024-01-02 03:04:05.000000000 +0000\n+++ n2\t2024-01-02 03:04:05.000000000 +0000\n@@ -0,0 +1,2 @@\n+x\n+y\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-c", "n2", "e"],
    stdout:
      "*** n2\tTue Jan  2 03:04:05 2024\n--- e\tTue Jan  2 03:04:05 2024\n***************\n*** 1,2 ****\n- x\n- y\n--- 0 ----\n",
    stderr: "",
    status: 1,
  },
  { args: ["s1", "s2"], stdout: "1c1,2\n< a b\n---\n> a  b\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-w", "s1", "s2"], stdout: "1a2\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-b", "s1", "s2"], stdout: "1a2\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-i", "s1", "s2"], stdout: "1c1,2\n< a b\n---\n> a  b\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-Z", "s1", "s2"], stdout: "1c1,2\n< a b\n---\n> a  b\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-wB", "s1", "s2"], stdout: "1a2\n> C\td \n3d3\n< c\td\n", stderr: "", status: 1 },
  { args: ["-iwB", "s1", "s2"], stdout: "", stderr: "", status: 0 },
  { args: ["-B", "bl", "bl2"], stdout: "", stderr: "", status: 0 },
  { args: ["-sB", "bl", "bl2"], stdout: "Files bl and bl2 are identical\n", stderr: "", status: 0 },
  { args: ["-qB", "bl", "bl2"], stdout: "", stderr: "", status: 0 },
  { args: ["cr1", "cr2"], stdout: "1,2c1,2\n< a\r\n< b\r\n---\n> a\n> b\n", stderr: "", status: 1 },
  { args: ["--strip-trailing-cr", "cr1", "cr2"], stdout: "", stderr: "", status: 0 },
  { args: ["bin", "p"], stdout: "Binary files bin and p differ\n", stderr: "", status: 1 },
  { args: ["-q", "bin", "p"], stdout: "Files bin and p differ\n", stderr: "", status: 1 },
  {
    args: ["-a", "bin", "n1"],
    stdout: "1c1,2\n< a\u0000b\n\\ No newline at end of file\n---\n> x\n> y\n\\ No newline at end of file\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-y", "p", "q"],
    stdout:
      "a\t\t\t\t\t\t\t\ta\nb\t\t\t\t\t\t\t      |\tB\nc\t\t\t\t\t\t\t\tc\nd\t\t\t\t\t\t\t\td\ne\t\t\t\t\t\t\t\te\nf\t\t\t\t\t\t\t\tf\ng\t\t\t\t\t\t\t\tg\nh\t\t\t\t\t\t\t\th\ni\t\t\t\t\t\t\t\ti\nj\t\t\t\t\t\t\t      |\tJ\nk\t\t\t\t\t\t\t\tk\n\t\t\t\t\t\t\t      >\tl\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-y", "-W", "40", "p", "q"],
    stdout:
      "a\t\t\ta\nb\t\t   |\tB\nc\t\t\tc\nd\t\t\td\ne\t\t\te\nf\t\t\tf\ng\t\t\tg\nh\t\t\th\ni\t\t\ti\nj\t\t   |\tJ\nk\t\t\tk\n\t\t   >\tl\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-y", "--suppress-common-lines", "p", "q"],
    stdout: "b\t\t\t\t\t\t\t      |\tB\nj\t\t\t\t\t\t\t      |\tJ\n\t\t\t\t\t\t\t      >\tl\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-y", "--left-column", "p", "q"],
    stdout:
      "a\t\t\t\t\t\t\t      (\nb\t\t\t\t\t\t\t      |\tB\nc\t\t\t\t\t\t\t      (\nd\t\t\t\t\t\t\t      (\ne\t\t\t\t\t\t\t      (\nf\t\t\t\t\t\t\t      (\ng\t\t\t\t\t\t\t      (\nh\t\t\t\t\t\t\t      (\ni\t\t\t\t\t\t\t      (\nj\t\t\t\t\t\t\t      |\tJ\nk\t\t\t\t\t\t\t      (\n\t\t\t\t\t\t\t      >\tl\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-y", "t1", "t2"],
    stdout:
      "\tone\ttwo\t\t\t\t\t      |\t\tone\tTWO\nsame\t\t\t\t\t\t\t\tsame\nlonglonglonglonglonglonglonglonglonglonglonglonglonglonglongl |\tshort\n",
    stderr: "",
    status: 1,
  },
  { args: ["-y", "n1", "n2"], stdout: "x\t\t\t\t\t\t\t\tx\ny\t\t\t\t\t\t\t      \\\ty\n", stderr: "", status: 1 },
  {
    args: ["-y", "p", "p"],
    stdout:
      "a\t\t\t\t\t\t\t\ta\nb\t\t\t\t\t\t\t\tb\nc\t\t\t\t\t\t\t\tc\nd\t\t\t\t\t\t\t\td\ne\t\t\t\t\t\t\t\te\nf\t\t\t\t\t\t\t\tf\ng\t\t\t\t\t\t\t\tg\nh\t\t\t\t\t\t\t\th\ni\t\t\t\t\t\t\t\ti\nj\t\t\t\t\t\t\t\tj\nk\t\t\t\t\t\t\t\tk\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--label", "L1", "--label", "L2", "-u", "p", "q"],
    stdout: "--- L1\n+++ L2\n@@ -1,5 +1,5 @@\n a\n-b\n+B\n c\n d\n e\n@@ -7,5 +7,6 @@\n g\n h\n i\n-j\n+J\n k\n+l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-L", "old", "-c", "p", "q"],
    stdout:
      "*** old\n--- q\tWed Jan  3 03:04:05 2024\n***************\n*** 1,5 ****\n  a\n! b\n  c\n  d\n  e\n--- 1,5 ----\n  a\n! B\n  c\n  d\n  e\n***************\n*** 7,11 ****\n  g\n  h\n  i\n! j\n  k\n--- 7,12 ----\n  g\n  h\n  i\n! J\n  k\n+ l\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["d1", "d2"],
    stdout:
      "diff d1/f d2/f\n1c1\n< 1\n---\n> 2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nCommon subdirectories: d1/s and d2/s\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-r", "d1", "d2"],
    stdout:
      "diff -r d1/f d2/f\n1c1\n< 1\n---\n> 2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nOnly in d2/s: z\nOnly in d1/s: z2\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-r", "d1/", "d2/"],
    stdout:
      "diff -r d1/f d2/f\n1c1\n< 1\n---\n> 2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1/: only\nOnly in d2/s: z\nOnly in d1/s: z2\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-ru", "d1", "d2"],
    stdout:
      "diff -ru d1/f d2/f\n--- d1/f\t2024-01-02 03:04:05.000000000 +0000\n+++ d2/f\t2024-01-03 03:04:05.000000000 +0000\n@@ -1 +1 @@\n-1\n+2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nOnly in d2/s: z\nOnly in d1/s: z2\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-r", "-u", "d1", "d2"],
    stdout:
      "diff -r -u d1/f d2/f\n--- d1/f\t2024-01-02 03:04:05.000000000 +0000\n+++ d2/f\t2024-01-03 03:04:05.000000000 +0000\n@@ -1 +1 @@\n-1\n+2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nOnly in d2/s: z\nOnly in d1/s: z2\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-rq", "d1", "d2"],
    stdout:
      "Files d1/f and d2/f differ\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nOnly in d2/s: z\nOnly in d1/s: z2\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-rN", "d1", "d2"],
    stdout:
      "diff -rN d1/f d2/f\n1c1\n< 1\n---\n> 2\nFile d1/k is a directory while file d2/k is a regular file\ndiff -rN d1/only d2/only\n1d0\n< x\ndiff -rN d1/s/z d2/s/z\n0a1\n> y\ndiff -rN d1/s/z2 d2/s/z2\n1d0\n< y\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-rs", "d1", "d2"],
    stdout:
      "diff -rs d1/f d2/f\n1c1\n< 1\n---\n> 2\nFile d1/k is a directory while file d2/k is a regular file\nOnly in d1: only\nOnly in d2/s: z\nOnly in d1/s: z2\nFiles d1/same and d2/same are identical\n",
    stderr: "",
    status: 1,
  },
  { args: ["p", "d1"], stdout: "", stderr: "diff: d1/p: No such file or directory\n", status: 2 },
  { args: ["d1/f", "d2"], stdout: "1c1\n< 1\n---\n> 2\n", stderr: "", status: 1 },
  { args: ["nope", "p"], stdout: "", stderr: "diff: nope: No such file or directory\n", status: 2 },
  {
    args: ["nope1", "nope2"],
    stdout: "",
    stderr: "diff: nope1: No such file or directory\ndiff: nope2: No such file or directory\n",
    status: 2,
  },
  { args: ["-N", "nope", "n2"], stdout: "0a1,2\n> x\n> y\n", stderr: "", status: 1 },
  {
    args: ["-N", "nope1", "nope2"],
    stdout: "",
    stderr: "diff: nope1: No such file or directory\ndiff: nope2: No such file or directory\n",
    status: 2,
  },
  {
    args: ["-u", "-c", "p", "q"],
    stdout: "",
    stderr: "diff: conflicting output style options\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["-U", "x", "p", "q"],
    stdout: "",
    stderr: "diff: invalid context length 'x'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["p"],
    stdout: "",
    stderr: "diff: missing operand after 'p'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: [],
    stdout: "",
    stderr: "diff: missing operand after 'diff'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["p", "q", "r"],
    stdout: "",
    stderr: "diff: extra operand 'r'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["--foo", "p", "q"],
    stdout: "",
    stderr: "diff: unrecognized option '--foo'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["-W", "0", "-y", "p", "q"],
    stdout: "",
    stderr: "diff: invalid width '0'\ndiff: Try 'diff --help' for more information.\n",
    status: 2,
  },
  {
    args: ["l1", "l2"],
    stdout: "3c3\n< 3\n---\n> three\n20c20\n< 20\n---\n> twenty\n27c27\n< 27\n---\n> \n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-u", "l1", "l2"],
    stdout:
      "--- l1\t2024-01-02 03:04:05.000000000 +0000\n+++ l2\t2024-01-02 03:04:05.000000000 +0000\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -17,14 +17,14 @@\n 17\n 18\n 19\n-20\n+twenty\n 21\n 22\n 23\n 24\n 25\n 26\n-27\n+\n 28\n 29\n 30\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-U2", "l1", "l2"],
    stdout:
      "--- l1\t2024-01-02 03:04:05.000000000 +0000\n+++ l2\t2024-01-02 03:04:05.000000000 +0000\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+three\n 4\n 5\n@@ -18,5 +18,5 @@\n 18\n 19\n-20\n+twenty\n 21\n 22\n@@ -25,5 +25,5 @@\n 25\n 26\n-27\n+\n 28\n 29\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-B", "-u", "l1", "l2"],
    stdout:
      "--- l1\t2024-01-02 03:04:05.000000000 +0000\n+++ l2\t2024-01-02 03:04:05.000000000 +0000\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -17,14 +17,14 @@\n 17\n 18\n 19\n-20\n+twenty\n 21\n 22\n 23\n 24\n 25\n 26\n-27\n+\n 28\n 29\n 30\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-c", "l1", "l2"],
    stdout:
      "*** l1\tTue Jan  2 03:04:05 2024\n--- l2\tTue Jan  2 03:04:05 2024\n***************\n*** 1,6 ****\n  1\n  2\n! 3\n  4\n  5\n  6\n--- 1,6 ----\n  1\n  2\n! three\n  4\n  5\n  6\n***************\n*** 17,30 ****\n  17\n  18\n  19\n! 20\n  21\n  22\n  23\n  24\n  25\n  26\n! 27\n  28\n  29\n  30\n--- 17,30 ----\n  17\n  18\n  19\n! twenty\n  21\n  22\n  23\n  24\n  25\n  26\n! \n  28\n  29\n  30\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-", "p"],
    stdin: "a\nb\n",
    stdout: "2a3,11\n> c\n> d\n> e\n> f\n> g\n> h\n> i\n> j\n> k\n",
    stderr: "",
    status: 1,
  },
  {
    args: ["-u", "--label", "x", "--label", "y", "-", "p"],
    stdin: "a\nb\n",
    stdout: "--- x\n+++ y\n@@ -1,2 +1,11 @@\n a\n b\n+c\n+d\n+e\n+f\n+g\n+h\n+i\n+j\n+k\n",
    stderr: "",
    status: 1,
  },
  { args: ["-", "d1"], stdin: "", stdout: "", stderr: "diff: cannot compare '-' to a directory\n", status: 2 },
]

describe("diff", () => {
  it.each(cases.map((c) => [c.args.join(" "), c] as const))("%s", async (_name, c) => {
    const r = await run(diff, c.args, { files, mtimes, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
  })
})

// GNU diff picks among equally short edit scripts with its own heuristics;
// random files over a small alphabet (where choices abound) must give the
// same hunks. Runs where GNU diff is installed.
const gnuDiff = (() => {
  try {
    return spawnSync("diff", ["--version"], { encoding: "utf8" }).stdout.includes("GNU diffutils")
  } catch {
    return false
  }
})()

describe.skipIf(!gnuDiff)("diff against GNU diff", () => {
  const dir = mkdtempSync(join(tmpdir(), "mirage-diff-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const lines = fc.array(fc.constantFrom("a", "b", "c", "", "x y", "X  Y"), { maxLength: 30 })
  const text = fc.tuple(lines, fc.boolean()).map(([ls, eol]) => ls.join("\n") + (ls.length > 0 && eol ? "\n" : ""))
  const styles = [[], ["-u"], ["-c"], ["-U1"], ["-y"], ["-bB"], ["-wu"]]

  it("gives the same output on random files", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, fc.constantFrom(...styles), async (a, b, style) => {
        writeFileSync(join(dir, "a"), a)
        writeFileSync(join(dir, "b"), b)
        const args = [...style, "--label", "A", "--label", "B", "a", "b"]
        const real = spawnSync("diff", args, { cwd: dir, encoding: "utf8", env: { LC_ALL: "C" } })
        const ours = await run(diff, args, { files: { a, b } })
        expect({ stdout: ours.stdout, status: ours.status }).toEqual({ stdout: real.stdout, status: real.status })
      }),
      { numRuns: 150 },
    )
  })
})
