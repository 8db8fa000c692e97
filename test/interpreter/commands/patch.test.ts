import { describe, expect, it } from "vitest"
import { patch } from "../../../src/interpreter/commands/patch.ts"
import { expected, outcome, run, tree, type Case } from "./harness.ts"

// Expectations (output, status and the files afterwards) from GNU patch
// 2.7.6 run with LC_ALL=C on the same files, the patches made by GNU diff
// (generated, then checked in).
const cases: ReadonlyArray<readonly [string, Case]> = [
  [
    "exact",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "stdin",
    {
      args: [],
      stdin:
        "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      files: { f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n" },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: ["f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n"],
    },
  ],
  [
    "offset",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\nHunk #1 succeeded at 4 (offset 2 lines).\nHunk #2 succeeded at 14 (offset 2 lines).\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f=x\ny\n1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fuzz",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nX\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nHunk #1 succeeded at 4 with fuzz 2 (offset 2 lines).\nHunk #2 succeeded at 14 with fuzz 2 (offset 2 lines).\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\nX\n18\n19\n20\n",
        "f=x\ny\n1\n2\nthree\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\nX\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fail",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.orig=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        "f=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fail dry",
    {
      args: ["--dry-run", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "checking file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED\n",
      stderr: "",
      status: 1,
      tree: [
        "f=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fail -o",
    {
      args: ["-o", "out", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file out (read from f)\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file out.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "out.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        "out=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fail -s",
    {
      args: ["-s", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.orig=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        "f=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "fail no backup",
    {
      args: ["--no-backup-if-mismatch", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\nHunk #1 FAILED at 2.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        "f=1\n2\n3\nX\nY\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "reversed",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nReversed (or previously applied) patch detected!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "reversed -N",
    {
      args: ["-N", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nReversed (or previously applied) patch detected!  Skipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "reversed -t",
    {
      args: ["-t", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\nReversed (or previously applied) patch detected!  Assuming -R.\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "f=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "-R",
    {
      args: ["-R", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "-R unreversed",
    {
      args: ["-R", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nUnreversed patch detected!  Ignore -R? [n] \nApply anyway? [n] \nSkipping patch.\n2 out of 2 hunks ignored -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.rej=--- g\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-five\n+5\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-fifteen\n+15\n 16\n 17\n 18\n",
        "f=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "operands",
    {
      args: ["h", "p.diff"],
      files: {
        h: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file h\n",
      stderr: "",
      status: 0,
      tree: [
        "h=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "missing",
    {
      args: ["-i", "p.diff"],
      files: {
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "can't find file to patch at input line 3\nPerhaps you should have used the -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|--- f\n|+++ g\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n2 out of 2 hunks ignored\n",
      stderr: "",
      status: 1,
      tree: [
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "grow",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,9 @@\n 2\n 3\n 4\n-5\n+five\n+five2\n+five3\n 6\n 7\n 8\n@@ -12,7 +14,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\nHunk #1 succeeded at 3 (offset 1 line).\nHunk #2 succeeded at 15 (offset 1 line).\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=x\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f=x\n1\n2\n3\n4\nfive\nfive2\nfive3\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,9 @@\n 2\n 3\n 4\n-5\n+five\n+five2\n+five3\n 6\n 7\n 8\n@@ -12,7 +14,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "create",
    {
      args: ["-i", "c.diff"],
      files: { "c.diff": "--- /dev/null\n+++ n\n@@ -0,0 +1 @@\n+hello\n" },
      stdout: "patching file n\n",
      stderr: "",
      status: 0,
      tree: ["c.diff=--- /dev/null\n+++ n\n@@ -0,0 +1 @@\n+hello\n", "n=hello\n"],
    },
  ],
  [
    "create exists",
    {
      args: ["-i", "c.diff"],
      files: { n: "hello\n", "c.diff": "--- /dev/null\n+++ n\n@@ -0,0 +1 @@\n+hello\n" },
      stdout:
        "The next patch would create the file n,\nwhich already exists!  Assume -R? [n] \nApply anyway? [n] \nSkipping patch.\n1 out of 1 hunk ignored\n",
      stderr: "",
      status: 1,
      tree: ["c.diff=--- /dev/null\n+++ n\n@@ -0,0 +1 @@\n+hello\n", "n=hello\n"],
    },
  ],
  [
    "delete",
    {
      args: ["-i", "d.diff"],
      files: { n: "hello\n", "d.diff": "--- n\n+++ /dev/null\n@@ -1 +0,0 @@\n-hello\n" },
      stdout: "patching file n\n",
      stderr: "",
      status: 0,
      tree: ["d.diff=--- n\n+++ /dev/null\n@@ -1 +0,0 @@\n-hello\n"],
    },
  ],
  [
    "-p1",
    {
      args: ["-p1", "-i", "p.diff"],
      files: {
        "x/f": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file x/f\n",
      stderr: "",
      status: 0,
      tree: [
        "p.diff=--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "x/",
        "x/f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
      ],
    },
  ],
  [
    "-p0",
    {
      args: ["-p0", "-i", "p.diff"],
      files: {
        "a/x/f": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file a/x/f\n",
      stderr: "",
      status: 0,
      tree: [
        "a/",
        "a/x/",
        "a/x/f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "basename",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "git",
    {
      args: ["-p1", "-i", "p.diff"],
      files: {
        "x/f": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "diff --git a/x/f b/x/f\nindex 1..2 100644\n--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file x/f\n",
      stderr: "",
      status: 0,
      tree: [
        "p.diff=diff --git a/x/f b/x/f\nindex 1..2 100644\n--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "x/",
        "x/f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
      ],
    },
  ],
  [
    "git no -p",
    {
      args: ["-i", "p.diff"],
      files: {
        "x/f": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "diff --git a/x/f b/x/f\nindex 1..2 100644\n--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "can't find file to patch at input line 5\nPerhaps you should have used the -p or --strip option?\nThe text leading up to this was:\n--------------------------\n|diff --git a/x/f b/x/f\n|index 1..2 100644\n|--- a/x/f\n|+++ b/x/f\n--------------------------\nFile to patch: \nSkip this patch? [y] \nSkipping patch.\n2 out of 2 hunks ignored\n",
      stderr: "",
      status: 1,
      tree: [
        "p.diff=diff --git a/x/f b/x/f\nindex 1..2 100644\n--- a/x/f\n+++ b/x/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "x/",
        "x/f=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
      ],
    },
  ],
  [
    "context diff",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "*** f\n--- g\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 12,18 ****\n  12\n  13\n  14\n! 15\n  16\n  17\n  18\n--- 12,18 ----\n  12\n  13\n  14\n! fifteen\n  16\n  17\n  18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=*** f\n--- g\n***************\n*** 2,8 ****\n  2\n  3\n  4\n! 5\n  6\n  7\n  8\n--- 2,8 ----\n  2\n  3\n  4\n! five\n  6\n  7\n  8\n***************\n*** 12,18 ****\n  12\n  13\n  14\n! 15\n  16\n  17\n  18\n--- 12,18 ----\n  12\n  13\n  14\n! fifteen\n  16\n  17\n  18\n",
      ],
    },
  ],
  [
    "normal diff",
    {
      args: ["f", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff": "5c5\n< 5\n---\n> five\n15c15\n< 15\n---\n> fifteen\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=5c5\n< 5\n---\n> five\n15c15\n< 15\n---\n> fifteen\n",
      ],
    },
  ],
  [
    "no newline",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "a\nb",
        "p.diff":
          "--- f\n+++ g\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=a\nc",
        "p.diff=--- f\n+++ g\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
      ],
    },
  ],
  [
    "add newline",
    {
      args: ["-i", "p.diff"],
      files: { f: "a\nb", "p.diff": "--- f\n+++ g\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n" },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: ["f=a\nb\nc\n", "p.diff=--- f\n+++ g\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"],
    },
  ],
  [
    "garbage",
    {
      args: [],
      stdin: "hello\n",
      files: {},
      stdout: "",
      stderr: "patch: **** Only garbage was found in the patch input.\n",
      status: 2,
      tree: [],
    },
  ],
  ["empty", { args: [], stdin: "", files: {}, stdout: "", stderr: "", status: 0, tree: [] }],
  [
    "two files",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        h: "1\n2\n3\n4\n5\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n--- h\n+++ h\n@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n",
      },
      stdout: "patching file f\npatching file h\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "h=1\n2\n3\n4\n5\n6\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n--- h\n+++ h\n@@ -3,3 +3,4 @@\n 3\n 4\n 5\n+6\n",
      ],
    },
  ],
  [
    "-F0",
    {
      args: ["-F0", "-i", "p.diff"],
      files: {
        f: "x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nHunk #1 FAILED at 2.\nHunk #2 succeeded at 14 (offset 2 lines).\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.orig=x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f.rej=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        "f=x\ny\n1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "mail text",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "Subject: fix\n\nsome text\n--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=Subject: fix\n\nsome text\n--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "-d",
    {
      args: ["-d", "sub", "-i", "../p.diff"],
      files: {
        "sub/f": "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
        "sub/",
        "sub/f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
      ],
    },
  ],
  [
    "-E",
    {
      args: ["-E", "-i", "d.diff"],
      files: { n: "hello\n", "d.diff": "--- n\n+++ n\n@@ -1 +0,0 @@\n-hello\n" },
      stdout: "patching file n\n",
      stderr: "",
      status: 0,
      tree: ["d.diff=--- n\n+++ n\n@@ -1 +0,0 @@\n-hello\n"],
    },
  ],
  [
    "-b",
    {
      args: ["-b", "-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f=1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
  [
    "no patch file",
    {
      args: ["-i", "nope"],
      files: {},
      stdout: "",
      stderr: "patch: **** Can't open patch file nope : No such file or directory\n",
      status: 2,
      tree: [],
    },
  ],
  [
    "fuzz stops at the context",
    {
      args: ["-i", "p.diff"],
      files: { f: "x\ny\nz\n", "p.diff": "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n" },
      stdout: "patching file f\nHunk #1 FAILED at 1.\n1 out of 1 hunk FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.orig=x\ny\nz\n",
        "f.rej=--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
        "f=x\ny\nz\n",
        "p.diff=--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
      ],
    },
  ],
  [
    "one context line, fuzz 1",
    {
      args: ["-i", "p.diff"],
      files: { f: "q\na\nb\nX\n", "p.diff": "--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n" },
      stdout: "patching file f\nHunk #1 succeeded at 2 with fuzz 1 (offset 1 line).\n",
      stderr: "",
      status: 0,
      tree: ["f.orig=q\na\nb\nX\n", "f=q\na\nB\nX\n", "p.diff=--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"],
    },
  ],
  [
    "no leading context: start of file",
    {
      args: ["-i", "p.diff"],
      files: { f: "a\nb\nc\nd\n", "p.diff": "--- f\n+++ f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n" },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: ["f=A\nb\nc\nd\n", "p.diff=--- f\n+++ f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n"],
    },
  ],
  [
    "no leading context, shifted",
    {
      args: ["-i", "p.diff"],
      files: { f: "z\na\nb\nc\nd\n", "p.diff": "--- f\n+++ f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n" },
      stdout: "patching file f\nHunk #1 succeeded at 2 with fuzz 2 (offset 1 line).\n",
      stderr: "",
      status: 0,
      tree: ["f.orig=z\na\nb\nc\nd\n", "f=z\nA\nb\nc\nd\n", "p.diff=--- f\n+++ f\n@@ -1,3 +1,3 @@\n-a\n+A\n b\n c\n"],
    },
  ],
  [
    "no trailing context: end of file",
    {
      args: ["-i", "p.diff"],
      files: { f: "a\nb\nc\nd\n", "p.diff": "--- f\n+++ f\n@@ -2,3 +2,3 @@\n b\n c\n-d\n+D\n" },
      stdout: "patching file f\n",
      stderr: "",
      status: 0,
      tree: ["f=a\nb\nc\nD\n", "p.diff=--- f\n+++ f\n@@ -2,3 +2,3 @@\n b\n c\n-d\n+D\n"],
    },
  ],
  [
    "no trailing context, shifted",
    {
      args: ["-i", "p.diff"],
      files: { f: "a\nb\nc\nd\ne\n", "p.diff": "--- f\n+++ f\n@@ -2,3 +2,3 @@\n b\n c\n-d\n+D\n" },
      stdout: "patching file f\nHunk #1 succeeded at 2 with fuzz 2.\n",
      stderr: "",
      status: 0,
      tree: ["f.orig=a\nb\nc\nd\ne\n", "f=a\nb\nc\nD\ne\n", "p.diff=--- f\n+++ f\n@@ -2,3 +2,3 @@\n b\n c\n-d\n+D\n"],
    },
  ],
  [
    "insertion with offset",
    {
      args: ["-i", "p.diff"],
      files: { f: "0\n1\n2\n3\n4\n5\n6\n", "p.diff": "--- f\n+++ f\n@@ -2,2 +2,3 @@\n 2\n 3\n+new\n" },
      stdout: "patching file f\nHunk #1 succeeded at 2 with fuzz 2.\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=0\n1\n2\n3\n4\n5\n6\n",
        "f=0\n1\n2\nnew\n3\n4\n5\n6\n",
        "p.diff=--- f\n+++ f\n@@ -2,2 +2,3 @@\n 2\n 3\n+new\n",
      ],
    },
  ],
  [
    "second hunk fails",
    {
      args: ["-i", "p.diff"],
      files: {
        f: "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\nX\n25\n26\n27\n28\n29\n30\n",
        "p.diff":
          "--- f\n+++ g\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -22,7 +22,7 @@\n 22\n 23\n 24\n-25\n+tf\n 26\n 27\n 28\n",
      },
      stdout: "patching file f\nHunk #2 FAILED at 22.\n1 out of 2 hunks FAILED -- saving rejects to file f.rej\n",
      stderr: "",
      status: 1,
      tree: [
        "f.orig=1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\nX\n25\n26\n27\n28\n29\n30\n",
        "f.rej=--- f\n+++ g\n@@ -22,7 +22,7 @@\n 22\n 23\n 24\n-25\n+tf\n 26\n 27\n 28\n",
        "f=1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n21\n22\n23\nX\n25\n26\n27\n28\n29\n30\n",
        "p.diff=--- f\n+++ g\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -22,7 +22,7 @@\n 22\n 23\n 24\n-25\n+tf\n 26\n 27\n 28\n",
      ],
    },
  ],
  [
    "-F3",
    {
      args: ["-F3", "-i", "p.diff"],
      files: {
        f: "x\ny\n1\ntwo\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "p.diff":
          "--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      },
      stdout:
        "patching file f\nHunk #1 succeeded at 4 with fuzz 2 (offset 2 lines).\nHunk #2 succeeded at 14 (offset 2 lines).\n",
      stderr: "",
      status: 0,
      tree: [
        "f.orig=x\ny\n1\ntwo\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n",
        "f=x\ny\n1\ntwo\nthree\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\nfifteen\n16\n17\n18\n19\n20\n",
        "p.diff=--- f\n+++ g\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n@@ -12,7 +12,7 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n 18\n",
      ],
    },
  ],
]

describe("patch", () => {
  it.each(cases)("%s", async (_name, c) => {
    const r = await run(patch, c.args, { files: c.files, stdin: c.stdin })
    expect(outcome(r, c)).toEqual(expected(c))
    expect(await tree(r.fs)).toEqual(c.tree)
  })
})
