import { describe, expect, it } from "vitest"
import { xxd } from "../../../src/interpreter/commands/xxd.ts"
import { latin1, run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running xxd from vim 9.0 (2022-01-14) with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {
  x: "hello world\nthis is xxd test data!\n",
  bin: latin1(
    "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ",
  ),
  z: "ab\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000cd",
  "1st-file.bin": "xyz",
  h: "00000000: 6865 6c6c 6f0a                           hello.\n",
  p: "68656c6c6f0a\n776f726c64\n",
  g: "00000010: 4142\n00000000: 4344\n",
  s: "00000004: 4142 4344\n",
}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["x"],
    stdout:
      "00000000: 6865 6c6c 6f20 776f 726c 640a 7468 6973  hello world.this\n00000010: 2069 7320 7878 6420 7465 7374 2064 6174   is xxd test dat\n00000020: 6121 0a                                  a!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-p", "x"],
    stdout: "68656c6c6f20776f726c640a746869732069732078786420746573742064\n617461210a\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-ps", "x"],
    stdout: "68656c6c6f20776f726c640a746869732069732078786420746573742064\n617461210a\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-g", "4", "-c", "8", "x"],
    stdout:
      "00000000: 68656c6c 6f20776f  hello wo\n00000008: 726c640a 74686973  rld.this\n00000010: 20697320 78786420   is xxd \n00000018: 74657374 20646174  test dat\n00000020: 61210a             a!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-u", "-l", "10", "x"],
    stdout: "00000000: 6865 6C6C 6F20 776F 726C                 hello worl\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-s", "5", "-l", "8", "x"],
    stdout: "00000005: 2077 6f72 6c64 0a74                       world.t\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-b", "-l", "7", "x"],
    stdout:
      "00000000: 01101000 01100101 01101100 01101100 01101111 00100000  hello \n00000006: 01110111                                               w\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i", "x"],
    stdout:
      "unsigned char x[] = {\n  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x0a,\n  0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x78, 0x78, 0x64, 0x20,\n  0x74, 0x65, 0x73, 0x74, 0x20, 0x64, 0x61, 0x74, 0x61, 0x21, 0x0a\n};\nunsigned int x_len = 35;\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i"],
    stdin: "hi there",
    stdout: "  0x68, 0x69, 0x20, 0x74, 0x68, 0x65, 0x72, 0x65\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i", "-C", "1st-file.bin"],
    stdout: "unsigned char __1ST_FILE_BIN[] = {\n  0x78, 0x79, 0x7a\n};\nunsigned int __1ST_FILE_BIN_LEN = 3;\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i", "-n", "my var", "x"],
    stdout:
      "unsigned char my_var[] = {\n  0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x20, 0x77, 0x6f, 0x72, 0x6c, 0x64, 0x0a,\n  0x74, 0x68, 0x69, 0x73, 0x20, 0x69, 0x73, 0x20, 0x78, 0x78, 0x64, 0x20,\n  0x74, 0x65, 0x73, 0x74, 0x20, 0x64, 0x61, 0x74, 0x61, 0x21, 0x0a\n};\nunsigned int my_var_len = 35;\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-i", "-u", "-c", "4", "x"],
    stdout:
      "unsigned char x[] = {\n  0X68, 0X65, 0X6C, 0X6C,\n  0X6F, 0X20, 0X77, 0X6F,\n  0X72, 0X6C, 0X64, 0X0A,\n  0X74, 0X68, 0X69, 0X73,\n  0X20, 0X69, 0X73, 0X20,\n  0X78, 0X78, 0X64, 0X20,\n  0X74, 0X65, 0X73, 0X74,\n  0X20, 0X64, 0X61, 0X74,\n  0X61, 0X21, 0X0A\n};\nunsigned int x_len = 35;\n",
    stderr: "",
    status: 0,
  },
  { args: ["-r", "-p", "p"], stdout: "hello\nworld", stderr: "", status: 0 },
  { args: ["-r", "h"], stdout: "hello\n", stderr: "", status: 0 },
  {
    args: ["-r", "g"],
    stdout: "\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000AB",
    stderr: "xxd: Sorry, cannot seek backwards.\n",
    status: 5,
  },
  { args: ["-r", "s"], stdout: "\u0000\u0000\u0000\u0000ABCD", stderr: "", status: 0 },
  { args: ["-r"], stdin: "00000000: 4142\n", stdout: "AB", stderr: "", status: 0 },
  { args: ["-r", "-s", "2", "h"], stdout: "\u0000\u0000hello\n", stderr: "", status: 0 },
  {
    args: ["bin"],
    stdout:
      "00000000: 0001 0203 0405 0607 0809 0a0b 0c0d 0e0f  ................\n00000010: 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f  ................\n00000020: 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f   !\"#$%&'()*+,-./\n00000030: 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f  0123456789:;<=>?\n00000040: 4041 4243 4445 4647 4849 4a4b 4c4d 4e4f  @ABCDEFGHIJKLMNO\n00000050: 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f  PQRSTUVWXYZ[\\]^_\n00000060: 6061 6263 6465 6667 6869 6a6b 6c6d 6e6f  `abcdefghijklmno\n00000070: 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f  pqrstuvwxyz{|}~.\n00000080: 8081 8283 8485 8687 8889 8a8b 8c8d 8e8f  ................\n00000090: 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f  ................\n000000a0: a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf  ................\n000000b0: b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf  ................\n000000c0: c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf  ................\n000000d0: d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf  ................\n000000e0: e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef  ................\n000000f0: f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff  ................\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "0", "-p", "bin"],
    stdout:
      "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "12", "-g", "3", "x"],
    stdout:
      "00000000: 68656c 6c6f20 776f72 6c640a  hello world.\n0000000c: 746869 732069 732078 786420  this is xxd \n00000018: 746573 742064 617461 210a    test data!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-e", "x"],
    stdout:
      "00000000: 6c6c6568 6f77206f 0a646c72 73696874  hello world.this\n00000010: 20736920 20647878 74736574 74616420   is xxd test dat\n00000020:   0a2161                             a!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-e", "-g", "8", "-c", "8", "x"],
    stdout:
      "00000000: 6f77206f6c6c6568  hello wo\n00000008: 736968740a646c72  rld.this\n00000010: 2064787820736920   is xxd \n00000018: 7461642074736574  test dat\n00000020:           0a2161  a!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-e", "-g", "3", "x"],
    stdout: "",
    stderr: "xxd: number of octets per group must be a power of 2 with -e.\n",
    status: 1,
  },
  {
    args: ["-a", "z"],
    stdout:
      "00000000: 6162 0000 0000 0000 0000 0000 0000 0000  ab..............\n00000010: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n*\n00000050: 0000 6364                                ..cd\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["z"],
    stdout:
      "00000000: 6162 0000 0000 0000 0000 0000 0000 0000  ab..............\n00000010: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000020: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000030: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000040: 0000 0000 0000 0000 0000 0000 0000 0000  ................\n00000050: 0000 6364                                ..cd\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-a", "-c", "2"],
    stdin: "\u0000\u0000\u0000\u0000\u0000\u0000",
    stdout: "00000000: 0000  ..\n00000002: 0000  ..\n00000004: 0000  ..\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-d", "-o", "100", "x"],
    stdout:
      "00000100: 6865 6c6c 6f20 776f 726c 640a 7468 6973  hello world.this\n00000116: 2069 7320 7878 6420 7465 7374 2064 6174   is xxd test dat\n00000132: 6121 0a                                  a!.\n",
    stderr: "",
    status: 0,
  },
  { args: ["-c", "300", "x"], stdout: "", stderr: "xxd: invalid number of columns (max. 256).\n", status: 1 },
  {
    args: ["-Z", "x"],
    stdout: "",
    stderr:
      "Usage:\n       xxd [options] [infile [outfile]]\n    or\n       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]\nOptions:\n    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.\n    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.\n    -C          capitalize variable names in C include file style (-i).\n    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).\n    -E          show characters in EBCDIC. Default ASCII.\n    -e          little-endian dump (incompatible with -ps,-i,-r).\n    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).\n    -h          print this summary.\n    -i          output in C include file style.\n    -l len      stop after <len> octets.\n    -n name     set the variable name used in C include output (-i).\n    -o off      add <off> to the displayed file position.\n    -ps         output in postscript plain hexdump style.\n    -r          reverse operation: convert (or patch) hexdump into binary.\n    -r -s off   revert with <off> added to file positions found in hexdump.\n    -d          show offset in decimal instead of hex.\n    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.\n    -u          use upper case hex letters.\n    -v          show version: \"xxd 2022-01-14 by Juergen Weigert et al.\".\n",
    status: 1,
  },
  { args: ["nope"], stdout: "", stderr: "xxd: nope: No such file or directory\n", status: 2 },
  { args: [], stdin: "", stdout: "", stderr: "", status: 0 },
  {
    args: ["-cols", "4", "-len", "9", "x"],
    stdout: "00000000: 6865 6c6c  hell\n00000004: 6f20 776f  o wo\n00000008: 72         r\n",
    stderr: "",
    status: 0,
  },
  { args: ["--cols=4", "x"], stdout: "", stderr: "", status: 0 },
  {
    args: ["-c4", "-g1", "x"],
    stdout:
      "00000000: 68 65 6c 6c  hell\n00000004: 6f 20 77 6f  o wo\n00000008: 72 6c 64 0a  rld.\n0000000c: 74 68 69 73  this\n00000010: 20 69 73 20   is \n00000014: 78 78 64 20  xxd \n00000018: 74 65 73 74  test\n0000001c: 20 64 61 74   dat\n00000020: 61 21 0a     a!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-s", "-5", "x"],
    stdout: "0000001e: 6174 6121 0a                             ata!.\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-s", "+3", "-l", "4"],
    stdin: "abcdefgh",
    stdout: "00000003: 6465 6667                                defg\n",
    stderr: "",
    status: 0,
  },
  { args: ["-s", "100", "x"], stdout: "", stderr: "", status: 0 },
  { args: ["-b", "-r", "x"], stdout: "", stderr: "xxd: Sorry, cannot revert this type of hexdump\n", status: 255 },
  { args: ["-v"], stdout: "", stderr: "xxd 2022-01-14 by Juergen Weigert et al.\n", status: 0 },
  {
    args: ["-", "-"],
    stdin: "q",
    stdout: "00000000: 71                                       q\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["a", "b", "c"],
    stdout: "",
    stderr:
      "Usage:\n       xxd [options] [infile [outfile]]\n    or\n       xxd -r [-s [-]offset] [-c cols] [-ps] [infile [outfile]]\nOptions:\n    -a          toggle autoskip: A single '*' replaces nul-lines. Default off.\n    -b          binary digit dump (incompatible with -ps,-i,-r). Default hex.\n    -C          capitalize variable names in C include file style (-i).\n    -c cols     format <cols> octets per line. Default 16 (-i: 12, -ps: 30).\n    -E          show characters in EBCDIC. Default ASCII.\n    -e          little-endian dump (incompatible with -ps,-i,-r).\n    -g bytes    number of octets per group in normal output. Default 2 (-e: 4).\n    -h          print this summary.\n    -i          output in C include file style.\n    -l len      stop after <len> octets.\n    -n name     set the variable name used in C include output (-i).\n    -o off      add <off> to the displayed file position.\n    -ps         output in postscript plain hexdump style.\n    -r          reverse operation: convert (or patch) hexdump into binary.\n    -r -s off   revert with <off> added to file positions found in hexdump.\n    -d          show offset in decimal instead of hex.\n    -s [+][-]seek  start at <seek> bytes abs. (or +: rel.) infile offset.\n    -u          use upper case hex letters.\n    -v          show version: \"xxd 2022-01-14 by Juergen Weigert et al.\".\n",
    status: 1,
  },
]

describe("xxd", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(xxd, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
