import { describe, expect, it } from "vitest"
import { strings } from "../../../src/interpreter/commands/strings.ts"
import { latin1, run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU strings (binutils 2.40) with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  sb: latin1("abc\u0000hello world\u0001\u0002tab\there\nnext line\nÿxyzw"),
  bin: latin1(
    "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
  ),
  e: "",
  hi: latin1("abcd\n"),
}

const cases: ReadonlyArray<TextCase> = [
  { args: ["sb"], stdout: "hello world\ntab\there\nnext line\nxyzw\n", stderr: "", status: 0 },
  { args: ["-n", "3", "sb"], stdout: "abc\nhello world\ntab\there\nnext line\nxyzw\n", stderr: "", status: 0 },
  {
    args: ["-t", "d", "sb"],
    stdout: "      4 hello world\n     17 tab\there\n     26 next line\n     38 xyzw\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-t", "x", "-n", "2", "sb"],
    stdout: "      0 abc\n      4 hello world\n     11 tab\there\n     1a next line\n     26 xyzw\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-to", "sb"],
    stdout: "      4 hello world\n     21 tab\there\n     32 next line\n     46 xyzw\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-o", "sb"],
    stdout: "      4 hello world\n     21 tab\there\n     32 next line\n     46 xyzw\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-f", "sb", "hi"],
    stdout: "sb: hello world\nsb: tab\there\nsb: next line\nsb: xyzw\n",
    stderr: "",
    status: 0,
  },
  { args: ["-w", "sb"], stdout: "hello world\ntab\there\nnext line\n\nxyzw\n", stderr: "", status: 0 },
  { args: ["nope"], stdout: "", stderr: "strings: 'nope': No such file\n", status: 1 },
  { args: ["-n", "0", "sb"], stdout: "", stderr: "strings: invalid minimum string length 0\n", status: 1 },
  { args: ["-3", "sb"], stdout: "abc\nhello world\ntab\there\nnext line\nxyzw\n", stderr: "", status: 0 },
  {
    args: ["-a", "bin"],
    stdout: " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-n1", "bin"],
    stdout: "\t\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\n",
    stderr: "",
    status: 0,
  },
  { args: ["-e", "S", "-n", "3", "hi"], stdout: "abcd\n", stderr: "", status: 0 },
  { args: ["-n", "3", "hi"], stdout: "", stderr: "", status: 0 },
  { args: ["e"], stdout: "", stderr: "", status: 0 },
  { args: [], stdin: "some text\u0000\u0000more", stdout: "some text\nmore\n", stderr: "", status: 0 },
  {
    args: ["-f"],
    stdin: "some text\u0000\u0000more",
    stdout: "{standard input}: some text\n{standard input}: more\n",
    stderr: "",
    status: 0,
  },
  { args: ["-s", "|", "sb"], stdout: "hello world|tab\there|next line|xyzw|", stderr: "", status: 0 },
  { args: ["--bytes=10", "sb"], stdout: "hello world\n", stderr: "", status: 0 },
  { args: ["-d", "sb"], stdout: "hello world\ntab\there\nnext line\nxyzw\n", stderr: "", status: 0 },
]

describe("strings", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(strings, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
