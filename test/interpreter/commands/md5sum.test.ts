import { describe, expect, it } from "vitest"
import { md5sum } from "../../../src/interpreter/commands/md5sum.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU md5sum (coreutils 9.1) printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ).
const cases: ReadonlyArray<{
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}> = [
  {
    args: ["f", "g"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "b1946ac92492d2347c6235b4d2611184  f\n591785b794601e212b260e25925636fd  g\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["f", "a\\b", "n\nl", "nope"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout:
      "b1946ac92492d2347c6235b4d2611184  f\n\\9dd4e461268c8034f5c8564e155c67a6  a\\\\b\n\\415290769594460e2e485922904f345d  n\\nl\n",
    stderr: "md5sum: nope: No such file or directory\n",
    status: 1,
  },
  {
    args: ["--tag", "f", "a\\b"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "MD5 (f) = b1946ac92492d2347c6235b4d2611184\n\\MD5 (a\\\\b) = 9dd4e461268c8034f5c8564e155c67a6\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-b", "f"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "b1946ac92492d2347c6235b4d2611184 *f\n",
    stderr: "",
    status: 0,
  },
  {
    args: [],
    stdin: "hi\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "764efa883dda1e11db47671c4a3bbd9e  -\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["--tag"],
    stdin: "hi\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "MD5 (-) = 764efa883dda1e11db47671c4a3bbd9e\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-z", "f", "n\nl"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "b1946ac92492d2347c6235b4d2611184  f\u0000415290769594460e2e485922904f345d  n\nl\u0000",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\nf: FAILED\nnope: FAILED open or read\n",
    stderr:
      "md5sum: nope: No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n",
    status: 1,
  },
  {
    args: ["-c", "--quiet", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: FAILED\nnope: FAILED open or read\n",
    stderr:
      "md5sum: nope: No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n",
    status: 1,
  },
  {
    args: ["-c", "--status", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: nope: No such file or directory\n",
    status: 1,
  },
  {
    args: ["-c", "--ignore-missing", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\nf: FAILED\n",
    stderr: "md5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 computed checksum did NOT match\n",
    status: 1,
  },
  {
    args: ["--strict", "-c", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\nf: FAILED\nnope: FAILED open or read\n",
    stderr:
      "md5sum: nope: No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n",
    status: 1,
  },
  {
    args: ["-w", "-c", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\nf: FAILED\nnope: FAILED open or read\n",
    stderr:
      "md5sum: sums: 2: improperly formatted MD5 checksum line\nmd5sum: nope: No such file or directory\nmd5sum: WARNING: 1 line is improperly formatted\nmd5sum: WARNING: 1 listed file could not be read\nmd5sum: WARNING: 1 computed checksum did NOT match\n",
    status: 1,
  },
  {
    args: ["-c"],
    stdin: "junk\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: 'standard input': no properly formatted checksum lines found\n",
    status: 1,
  },
  {
    args: ["-c"],
    stdin: "MD5 (f) = b1946ac92492d2347c6235b4d2611184\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c"],
    stdin: "\\9dd4e461268c8034f5c8564e155c67a6  a\\\\b\n\\415290769594460e2e485922904f345d  n\\nl\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "a\\b: OK\n\\n\\nl: OK\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "nope"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: nope: No such file or directory\n",
    status: 1,
  },
  {
    args: ["--quiet", "f"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr:
      "md5sum: the --quiet option is meaningful only when verifying checksums\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-c", "--tag", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr:
      "md5sum: the --tag option is meaningless when verifying checksums\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-c", "-b", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr:
      "md5sum: the --binary and --text options are meaningless when verifying checksums\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["--tag", "-t", "f"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: --tag does not support --text mode\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-c"],
    stdin: "b1946ac92492d2347c6235b4d2611184 f\nB1946AC92492D2347C6235B4D2611184 *f\n# comment\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\n*f: FAILED open or read\n",
    stderr: "md5sum: '*f': No such file or directory\nmd5sum: WARNING: 1 listed file could not be read\n",
    status: 1,
  },
  {
    args: ["-c"],
    stdin: "MD5(f)= b1946ac92492d2347c6235b4d2611184\r\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: OK\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "--ignore-missing"],
    stdin: "b1946ac92492d2347c6235b4d2611184  nope\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: 'standard input': no file was verified\n",
    status: 1,
  },
  {
    args: ["-c"],
    stdin: "00000000000000000000000000000000  f\n00000000000000000000000000000000  g\n",
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "f: FAILED\ng: FAILED\n",
    stderr: "md5sum: WARNING: 2 computed checksums did NOT match\n",
    status: 1,
  },
  {
    args: ["--status", "f"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr:
      "md5sum: the --status option is meaningful only when verifying checksums\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-x"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr: "md5sum: invalid option -- 'x'\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
  {
    args: ["-c", "-z", "sums"],
    files: {
      f: "hello\n",
      g: "world\n",
      "a\\b": "x",
      "n\nl": "y",
      sums: "b1946ac92492d2347c6235b4d2611184  f\nbad line\n00000000000000000000000000000000  f\nb1946ac92492d2347c6235b4d2611184  nope\n",
    },
    stdout: "",
    stderr:
      "md5sum: the --zero option is not supported when verifying checksums\nTry 'md5sum --help' for more information.\n",
    status: 1,
  },
]

describe("md5sum", () => {
  it.each(cases)("md5sum $args", async (c) => {
    const r = await run(md5sum, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
