import { describe, expect, it } from "vitest"
import { iconv } from "../../../src/interpreter/commands/iconv.ts"
import { latin1, run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running glibc 2.36 iconv with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  u8: latin1("cafÃ© naÃ¯ve\n"),
  l1: latin1("café\n"),
  q: latin1("â¬ âqâ Å ä¸­ Â½\n"),
  bad: latin1("abÿcd"),
  inc: latin1("abcÃ"),
  u16: latin1("ÿþh\u0000i\u0000"),
  u16n: "h\u0000i\u0000",
  u16b: latin1("þÿ\u0000h\u0000i"),
  cp: latin1("abc"),
  sur: latin1("í "),
  emoji: latin1("ð\n"),
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["-f", "UTF-8", "-t", "LATIN1", "u8"], stdout: "café naïve\n", stderr: "", status: 0 },
  { args: ["-f", "latin1", "-t", "utf-8", "l1"], stdout: "cafÃ©\n", stderr: "", status: 0 },
  {
    args: ["-f", "UTF-8", "-t", "ASCII", "u8"],
    stdout: "caf",
    stderr: "iconv: illegal input sequence at position 3\n",
    status: 1,
  },
  { args: ["-c", "-f", "UTF-8", "-t", "ASCII", "u8"], stdout: "caf nave\n", stderr: "", status: 0 },
  { args: ["-f", "UTF-8", "-t", "ASCII//TRANSLIT", "u8"], stdout: "caf? na?ve\n", stderr: "", status: 0 },
  { args: ["-f", "utf-8", "-t", "ascii//TRANSLIT", "q"], stdout: 'EUR "q" oe ?  1/2 \n', stderr: "", status: 0 },
  {
    args: ["-f", "UTF-8", "-t", "LATIN1", "bad"],
    stdout: "ab",
    stderr: "iconv: illegal input sequence at position 2\n",
    status: 1,
  },
  { args: ["-c", "-f", "UTF-8", "-t", "LATIN1", "bad"], stdout: "abcd", stderr: "", status: 0 },
  { args: ["-f", "UTF-8", "-t", "UTF-16"], stdin: "hi", stdout: "ÿþh\u0000i\u0000", stderr: "", status: 0 },
  { args: ["-f", "UTF-8", "-t", "UTF-16LE"], stdin: "hi", stdout: "h\u0000i\u0000", stderr: "", status: 0 },
  { args: ["-f", "UTF-8", "-t", "UTF-16BE"], stdin: "hi", stdout: "\u0000h\u0000i", stderr: "", status: 0 },
  {
    args: ["-t", "UTF-32"],
    stdin: "hi",
    stdout: "ÿþ\u0000\u0000h\u0000\u0000\u0000i\u0000\u0000\u0000",
    stderr: "",
    status: 0,
  },
  {
    args: ["-f", "FOO", "-t", "UTF-8", "u8"],
    stdout: "",
    stderr: "iconv: failed to start conversion processing\n",
    status: 1,
  },
  {
    args: ["-f", "UTF-8", "-t", "BAR", "u8"],
    stdout: "",
    stderr: "iconv: failed to start conversion processing\n",
    status: 1,
  },
  {
    args: ["-f", "utf-8", "-t", "latin1", "inc"],
    stdout: "abc",
    stderr: "iconv: incomplete character or shift sequence at end of buffer\n",
    status: 1,
  },
  {
    args: ["-f", "utf8", "-t", "ascii", "u8", "nope", "l1"],
    stdout: "caf",
    stderr: "iconv: illegal input sequence at position 3\n",
    status: 1,
  },
  {
    args: ["-f", "utf8", "-t", "latin1", "nope", "u8"],
    stdout: "café naïve\n",
    stderr: "iconv: cannot open input file `nope': No such file or directory\n",
    status: 1,
  },
  { args: ["u8"], stdout: "caf", stderr: "iconv: illegal input sequence at position 3\n", status: 1 },
  { args: ["-f", "UTF-16", "-t", "UTF-8", "u16"], stdout: "hi", stderr: "", status: 0 },
  { args: ["-f", "UTF-16", "-t", "UTF-8", "u16n"], stdout: "hi", stderr: "", status: 0 },
  { args: ["-f", "UTF-16", "-t", "UTF-8", "u16b"], stdout: "hi", stderr: "", status: 0 },
  {
    args: ["-f", "CP1252", "-t", "UTF-8", "cp"],
    stdout: "aâ¬b",
    stderr: "iconv: illegal input sequence at position 3\n",
    status: 1,
  },
  {
    args: ["-f", "UTF-8", "-t", "UTF-16LE", "sur"],
    stdout: "",
    stderr: "iconv: illegal input sequence at position 0\n",
    status: 1,
  },
  { args: ["-f", "utf-8", "-t", "latin1//TRANSLIT", "q"], stdout: 'EUR "q" oe ? ½\n', stderr: "", status: 0 },
  {
    args: ["-t", "ASCII//IGNORE", "-f", "utf-8", "u8"],
    stdout: "caf nave\n",
    stderr: "iconv: illegal input sequence at position 13\n",
    status: 1,
  },
  { args: ["-f", "utf-8", "-t", "utf-16be", "emoji"], stdout: "Ø=Þ\u0000\u0000\n", stderr: "", status: 0 },
  {
    args: ["-f", "utf-8", "-t", "iso-8859-15", "q"],
    stdout: "¤ ",
    stderr: "iconv: illegal input sequence at position 4\n",
    status: 1,
  },
  { args: ["-c", "-f", "utf-8", "-t", "iso-8859-15", "q"], stdout: "¤ q ½  \n", stderr: "", status: 0 },
  { args: ["-f", "utf-8", "-t", "cp1252", "-c", "q"], stdout: " q   ½\n", stderr: "", status: 0 },
  { args: ["-f", "latin1", "-t", "ascii//TRANSLIT", "l1"], stdout: "caf?\n", stderr: "", status: 0 },
  {
    args: ["-f", "utf-8", "-t", "utf-8", "bad"],
    stdout: "ab",
    stderr: "iconv: illegal input sequence at position 2\n",
    status: 1,
  },
  { args: ["--from-code=UTF-8", "--to-code=ISO-8859-1"], stdin: latin1("xÃ©y"), stdout: "xéy", stderr: "", status: 0 },
]

describe("iconv", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(iconv, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
