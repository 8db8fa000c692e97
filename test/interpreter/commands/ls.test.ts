import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { ls } from "../../../src/interpreter/commands/ls.ts"
import { expected, outcome, runEffect, type Case } from "./harness.ts"

// Expected outputs come from GNU coreutils 9.1 ls (LC_ALL=C, TZ=UTC) on the
// same tree at `generatedAt`, which the tests use as the clock. The owner
// and group columns were rewritten from root to "user" and link counts to 1:
// the fixed values Mirage prints (see LsFormat.ts).
const generatedAt = 1795322379000
const OLD = 1577934245000
const files = {
  f: "hi\n",
  big: "x".repeat(5000),
  exe: "#!/bin/sh\n",
  empty: "",
  "d1/a": "xyz\n",
  "d1/sub/deep": "",
  "d2/.hidden": "h",
  ".h": "",
  "z-last": "12345678",
}
const symlinks = { lnk: "d1", dead: "nope" }
const mtimes = {
  f: OLD,
  big: generatedAt - 7200000,
  exe: generatedAt - 3600000,
  empty: OLD + 86400000,
  "d1/a": OLD,
  "z-last": generatedAt - 60000,
  d1: OLD,
  d2: OLD,
  "d1/sub": OLD,
  "d1/sub/deep": OLD,
  "d2/.hidden": OLD,
  ".h": OLD,
}

const cases: ReadonlyArray<Case> = [
  { args: [], stdout: "big\nd1\nd2\ndead\nempty\nexe\nf\nlnk\nz-last\n", stderr: "", status: 0 },
  { args: ["-1"], stdout: "big\nd1\nd2\ndead\nempty\nexe\nf\nlnk\nz-last\n", stderr: "", status: 0 },
  { args: ["-a"], stdout: ".\n..\n.h\nbig\nd1\nd2\ndead\nempty\nexe\nf\nlnk\nz-last\n", stderr: "", status: 0 },
  { args: ["-A"], stdout: ".h\nbig\nd1\nd2\ndead\nempty\nexe\nf\nlnk\nz-last\n", stderr: "", status: 0 },
  { args: ["d1"], stdout: "a\nsub\n", stderr: "", status: 0 },
  { args: ["f", "d1", "d2"], stdout: "f\n\nd1:\na\nsub\n\nd2:\n", stderr: "", status: 0 },
  {
    args: ["-R"],
    stdout: ".:\nbig\nd1\nd2\ndead\nempty\nexe\nf\nlnk\nz-last\n\n./d1:\na\nsub\n\n./d1/sub:\ndeep\n\n./d2:\n",
    stderr: "",
    status: 0,
  },
  { args: ["-R", "d1"], stdout: "d1:\na\nsub\n\nd1/sub:\ndeep\n", stderr: "", status: 0 },
  { args: ["-d", "d1", "f"], stdout: "d1\nf\n", stderr: "", status: 0 },
  { args: ["-d"], stdout: ".\n", stderr: "", status: 0 },
  { args: ["-F"], stdout: "big\nd1/\nd2/\ndead@\nempty\nexe\nf\nlnk@\nz-last\n", stderr: "", status: 0 },
  { args: ["-p"], stdout: "big\nd1/\nd2/\ndead\nempty\nexe\nf\nlnk\nz-last\n", stderr: "", status: 0 },
  { args: ["-r"], stdout: "z-last\nlnk\nf\nexe\nempty\ndead\nd2\nd1\nbig\n", stderr: "", status: 0 },
  { args: ["-S"], stdout: "big\nd1\nd2\nexe\nz-last\ndead\nf\nlnk\nempty\n", stderr: "", status: 0 },
  { args: ["-t"], stdout: "dead\nlnk\nz-last\nexe\nbig\nempty\nd1\nd2\nf\n", stderr: "", status: 0 },
  { args: ["-tr"], stdout: "f\nd2\nd1\nempty\nbig\nexe\nz-last\nlnk\ndead\n", stderr: "", status: 0 },
  { args: ["-Sr"], stdout: "empty\nlnk\nf\ndead\nz-last\nexe\nd2\nd1\nbig\n", stderr: "", status: 0 },
  { args: ["nope", "f"], stdout: "f\n", stderr: "ls: cannot access 'nope': No such file or directory\n", status: 2 },
  { args: ["d2"], stdout: "", stderr: "", status: 0 },
  { args: ["-A", "d2"], stdout: ".hidden\n", stderr: "", status: 0 },
  { args: ["f", "f"], stdout: "f\nf\n", stderr: "", status: 0 },
  { args: ["d2", "d2"], stdout: "d2:\n\nd2:\n", stderr: "", status: 0 },
  { args: ["lnk"], stdout: "a\nsub\n", stderr: "", status: 0 },
  { args: ["-F", "lnk"], stdout: "lnk@\n", stderr: "", status: 0 },
  { args: ["-d", "lnk"], stdout: "lnk\n", stderr: "", status: 0 },
  { args: ["-C"], stdout: "big  d1  d2  dead  empty  exe  f  lnk  z-last\n", stderr: "", status: 0 },
  { args: ["-C", "d1"], stdout: "a  sub\n", stderr: "", status: 0 },
  { args: ["-CF"], stdout: "big  d1/  d2/  dead@  empty  exe  f  lnk@  z-last\n", stderr: "", status: 0 },
  { args: ["--color=never", "d1"], stdout: "a\nsub\n", stderr: "", status: 0 },
  {
    args: ["-1", "d1", "nope"],
    stdout: "d1:\na\nsub\n",
    stderr: "ls: cannot access 'nope': No such file or directory\n",
    status: 2,
  },
  { args: ["f/"], stdout: "", stderr: "ls: cannot access 'f/': Not a directory\n", status: 2 },
  { args: [""], stdout: "", stderr: "ls: cannot access '': No such file or directory\n", status: 2 },
  { args: ["-aR", "d2"], stdout: "d2:\n.\n..\n.hidden\n", stderr: "", status: 0 },
  { args: ["-A", "d1/sub"], stdout: "deep\n", stderr: "", status: 0 },
  {
    args: ["-l", "f", "big", "exe", "empty", "z-last"],
    stdout:
      "-rw-r--r-- 1 user user 5000 Nov 22 02:39 big\n-rw-r--r-- 1 user user    0 Jan  3  2020 empty\n-rw-r--r-- 1 user user   10 Nov 22 03:39 exe\n-rw-r--r-- 1 user user    3 Jan  2  2020 f\n-rw-r--r-- 1 user user    8 Nov 22 04:38 z-last\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-lh", "f", "big", "exe", "empty"],
    stdout:
      "-rw-r--r-- 1 user user 4.9K Nov 22 02:39 big\n-rw-r--r-- 1 user user    0 Jan  3  2020 empty\n-rw-r--r-- 1 user user   10 Nov 22 03:39 exe\n-rw-r--r-- 1 user user    3 Jan  2  2020 f\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "d1"],
    stdout: "total 8\n-rw-r--r-- 1 user user    4 Jan  2  2020 a\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 sub\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-lR", "d1"],
    stdout:
      "d1:\ntotal 8\n-rw-r--r-- 1 user user    4 Jan  2  2020 a\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 sub\n\nd1/sub:\ntotal 0\n-rw-r--r-- 1 user user 0 Jan  2  2020 deep\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-la", "d1/sub"],
    stdout:
      "total 8\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 .\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 ..\n-rw-r--r-- 1 user user    0 Jan  2  2020 deep\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-lF", "exe", "d1"],
    stdout:
      "-rw-r--r-- 1 user user   10 Nov 22 03:39 exe\n\nd1:\ntotal 8\n-rw-r--r-- 1 user user    4 Jan  2  2020 a\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 sub/\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ld", "d1", "d2"],
    stdout: "drwxr-xr-x 1 user user 4096 Jan  2  2020 d1\ndrwxr-xr-x 1 user user 4096 Jan  2  2020 d2\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-lS", "f", "big", "exe", "empty"],
    stdout:
      "-rw-r--r-- 1 user user 5000 Nov 22 02:39 big\n-rw-r--r-- 1 user user   10 Nov 22 03:39 exe\n-rw-r--r-- 1 user user    3 Jan  2  2020 f\n-rw-r--r-- 1 user user    0 Jan  3  2020 empty\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-lt", "f", "big", "exe", "empty"],
    stdout:
      "-rw-r--r-- 1 user user   10 Nov 22 03:39 exe\n-rw-r--r-- 1 user user 5000 Nov 22 02:39 big\n-rw-r--r-- 1 user user    0 Jan  3  2020 empty\n-rw-r--r-- 1 user user    3 Jan  2  2020 f\n",
    stderr: "",
    status: 0,
  },
  { args: ["-g", "f"], stdout: "-rw-r--r-- 1 user 3 Jan  2  2020 f\n", stderr: "", status: 0 },
  { args: ["-o", "f"], stdout: "-rw-r--r-- 1 user 3 Jan  2  2020 f\n", stderr: "", status: 0 },
  { args: ["-lG", "f"], stdout: "-rw-r--r-- 1 user 3 Jan  2  2020 f\n", stderr: "", status: 0 },
  { args: ["-l", "-1", "f"], stdout: "-rw-r--r-- 1 user user 3 Jan  2  2020 f\n", stderr: "", status: 0 },
  { args: ["-1", "-l", "f"], stdout: "-rw-r--r-- 1 user user 3 Jan  2  2020 f\n", stderr: "", status: 0 },
  { args: ["-lC", "f"], stdout: "f\n", stderr: "", status: 0 },
  {
    args: ["-lh", "d1"],
    stdout: "total 8.0K\n-rw-r--r-- 1 user user    4 Jan  2  2020 a\ndrwxr-xr-x 1 user user 4.0K Jan  2  2020 sub\n",
    stderr: "",
    status: 0,
  },
]

const runLs = (args: ReadonlyArray<string>) =>
  Effect.runPromise(
    Effect.gen(function* () {
      yield* TestClock.setTime(generatedAt)
      return yield* runEffect(ls, args, { files, symlinks, mtimes })
    }).pipe(Effect.provide(TestClock.layer())),
  )

describe("ls", () => {
  it.each(cases)("$args", async (c) => {
    expect(outcome(await runLs(c.args), c)).toEqual(expected(c))
  })
})
