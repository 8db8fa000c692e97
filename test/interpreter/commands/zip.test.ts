import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { zip } from "../../../src/interpreter/commands/zip.ts"
import { unzip } from "../../../src/interpreter/commands/unzip.ts"
import { run, tree } from "./harness.ts"

// Every expectation below is what Info-ZIP zip 3.0 and unzip 6.0 printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ). File values
// starting with "b64:" are bytes (archives made by the real tools).
const commands = { zip: zip, unzip: unzip }
const bytes = (v: string): Uint8Array =>
  v.startsWith("b64:") ? Uint8Array.from(atob(v.slice(4)), (c) => c.charCodeAt(0)) : new TextEncoder().encode(v)

const cases: ReadonlyArray<{
  readonly command?: keyof typeof commands
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
  readonly tree?: ReadonlyArray<string>
}> = [
  {
    args: ["-l", "out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n        0  2024-01-02 03:04   d/\n        0  2024-01-02 03:04   d/sub/\n     1000  2024-01-02 03:04   d/sub/b\n        6  2024-01-02 03:04   d/a\n---------                     -------\n     1006                     4 files\n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-p", "out.zip", "d/a"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "hello\n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-o", "out.zip", "-d", "o"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n   creating: o/d/\n   creating: o/d/sub/\n  inflating: o/d/sub/b               \n extracting: o/d/a                   \n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "o/", "o/d/", "o/d/a", "o/d/sub/", "o/d/sub/b", "out.zip"],
    command: "unzip",
  },
  {
    args: ["out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n   creating: d/\n   creating: d/sub/\n  inflating: d/sub/b                 \n extracting: d/a                     \n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "d/", "d/a", "d/sub/", "d/sub/b", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-t", "out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n    testing: d/                       OK\n    testing: d/sub/                   OK\n    testing: d/sub/b                  OK\n    testing: d/a                      OK\nNo errors detected in compressed data of out.zip.\n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-p", "out.zip", "d/zz"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "",
    stderr: "caution: filename not matched:  d/zz\n",
    status: 11,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-l", "out.zip", "d/s*"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n        0  2024-01-02 03:04   d/sub/\n     1000  2024-01-02 03:04   d/sub/b\n---------                     -------\n     1000                     2 files\n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-l", "nope.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "",
    stderr: "unzip:  cannot find or open nope.zip, nope.zip.zip or nope.zip.ZIP.\n",
    status: 9,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-l", "bad.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "Archive:  bad.zip\n",
    stderr:
      "  End-of-central-directory signature not found.  Either this file is not\n  a zipfile, or it constitutes one disk of a multi-part archive.  In the\n  latter case the central directory and zipfile comment will be found on\n  the last disk(s) of this archive.\nunzip:  cannot find zipfile directory in one of bad.zip or\n        bad.zip.zip, and cannot find bad.zip.ZIP, period.\n",
    status: 9,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-q", "out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "d/", "d/a", "d/sub/", "d/sub/b", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-j", "out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout: "Archive:  out.zip\n  inflating: b                       \n extracting: a                       \n",
    stderr: "",
    status: 0,
    tree: ["a", "b", "bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["out.zip", "d/a"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
      "d/a": "old",
    },
    stdout: "Archive:  out.zip\n",
    stderr: 'replace d/a? [y]es, [n]o, [A]ll, [N]one, [r]ename:  NULL\n(EOF or read error, treating as "[N]one" ...)\n',
    status: 1,
    tree: ["bad.zip", "d/", "d/a", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-n", "out.zip"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
      "d/a": "old",
    },
    stdout: "Archive:  out.zip\n   creating: d/sub/\n  inflating: d/sub/b                 \n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "d/", "d/a", "d/sub/", "d/sub/b", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-o", "out.zip", "d/a"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
      "d/a": "old",
    },
    stdout: "Archive:  out.zip\n extracting: d/a                     \n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "d/", "d/a", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-l", "out"],
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
    },
    stdout:
      "Archive:  out.zip\n  Length      Date    Time    Name\n---------  ---------- -----   ----\n        0  2024-01-02 03:04   d/\n        0  2024-01-02 03:04   d/sub/\n     1000  2024-01-02 03:04   d/sub/b\n        6  2024-01-02 03:04   d/a\n---------                     -------\n     1006                     4 files\n",
    stderr: "",
    status: 0,
    tree: ["bad.zip", "out.zip"],
    command: "unzip",
  },
  {
    args: ["out.zip", "d/a"],
    stdin: "y\n",
    files: {
      "out.zip":
        "b64:UEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAACABwAZC9VVAkAAyV9k2URewJrdXgLAAEEAAAAAAQAAAAAUEsDBAoAAAAAAIMYIlgAAAAAAAAAAAAAAAAGABwAZC9zdWIvVVQJAAMlfZNlEXsCa3V4CwABBAAAAAAEAAAAAFBLAwQUAAAACACDGCJY5slBOwsAAADoAwAABwAcAGQvc3ViL2JVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAq6gYBaNgFAx3AABQSwMECgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAHABkL2FVVAkAAyV9k2UlfZNldXgLAAEEAAAAAAQAAAAAaGVsbG8KUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAIAGAAAAAAAAAAQAO1BAAAAAGQvVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWAAAAAAAAAAAAAAAAAYAGAAAAAAAAAAQAO1BPAAAAGQvc3ViL1VUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLAQIeAxQAAAAIAIMYIljmyUE7CwAAAOgDAAAHABgAAAAAAAEAAACkgXwAAABkL3N1Yi9iVVQFAAMlfZNldXgLAAEEAAAAAAQAAAAAUEsBAh4DCgAAAAAAgxgiWCAwOjYGAAAABgAAAAMAGAAAAAAAAQAAAKSByAAAAGQvYVVUBQADJX2TZXV4CwABBAAAAAAEAAAAAFBLBQYAAAAABAAEACoBAAALAQAAAAA=",
      "bad.zip": "garbage\n",
      "d/a": "old",
    },
    stdout: "Archive:  out.zip\n extracting: d/a                     \n",
    stderr: "replace d/a? [y]es, [n]o, [A]ll, [N]one, [r]ename: ",
    status: 0,
    tree: ["bad.zip", "d/", "d/a", "out.zip"],
    command: "unzip",
  },
  {
    args: ["-r", "o.zip", "d"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: d/ (stored 0%)\n  adding: d/a (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["o.zip", "d/a"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: d/a (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["o", "d/a"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: d/a (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["-r", "y.zip", "nope"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "\tzip warning: name not matched: nope\n\nzip error: Nothing to do! (try: zip -r y.zip . -i nope)\n",
    stderr: "",
    status: 12,
    tree: ["d/", "d/a", "e"],
    command: "zip",
  },
  {
    args: ["empty.zip"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "\nzip error: Nothing to do! (empty.zip)\n",
    stderr: "",
    status: 12,
    tree: ["d/", "d/a", "e"],
    command: "zip",
  },
  {
    args: ["-q", "o.zip", "d/a"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["-r", "o.zip", "d", "nope"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "\tzip warning: name not matched: nope\n  adding: d/ (stored 0%)\n  adding: d/a (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["o.zip", "d"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: d/ (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["-j", "o.zip", "d/a"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: a (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
  {
    args: ["o.zip", "e"],
    files: { "d/a": "hello\n", e: "" },
    stdout: "  adding: e (stored 0%)\n",
    stderr: "",
    status: 0,
    tree: ["d/", "d/a", "e", "o.zip"],
    command: "zip",
  },
]

describe("zip", () => {
  it.each(cases)("$command $args", async (c) => {
    const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [k, bytes(v)]))
    const r = await run(commands[c.command ?? "unzip"], c.args, {
      files,
      stdin: c.stdin === undefined ? undefined : bytes(c.stdin),
      env: c.env ?? { TZ: "UTC" },
      commands: [],
    })
    const got = { stdout: r.stdout, stderr: r.stderr, status: r.status }
    expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status })
    if (c.tree !== undefined) expect((await tree(r.fs)).map((x) => x.replace(/[=@][^]*$/, "")).sort()).toEqual(c.tree)
  })

  it("unzips what it zipped, with times", async () => {
    const text = Array.from({ length: 5000 }, (_, i) => `row ${i}\n`).join("")
    const made = await run(zip, ["-qr", "out.zip", "d"], {
      files: { "d/big": text, "d/e/small": "s" },
      mtimes: { "d/big": 1700000000000 },
    })
    expect(made.status).toBe(0)
    const back = await run(unzip, ["-q", "out.zip", "-d", "copy"], { fs: made.fs })
    expect(back.status).toBe(0)
    const all = await tree(back.fs)
    expect(all).toContain(`copy/d/big=${text}`)
    expect(all).toContain("copy/d/e/small=s")
    expect((await Effect.runPromise(back.fs.stat("/copy/d/big"))).mtime).toBe(1700000000000)
  })
})
