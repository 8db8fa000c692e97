import { describe, expect, it } from "vitest"
import { file } from "../../../src/interpreter/commands/file.ts"
import { run, type Setup } from "./harness.ts"

// Every row was confirmed against file 5.44 (LC_ALL=C TZ=UTC) on the same tree, built on disk from
// `setup` in a directory standing for /w; the file system left behind was compared too.
const setup: Setup = {
  files: {
    "t.txt": "hello\n",
    nonl: "hello",
    empty: "",
    "j.json": '{"a": 1}\n',
    arr: "[1,2]",
    utf: "café\n",
    latin: new Uint8Array([99, 97, 102, 233, 10]),
    crlf: "a\r\nb\r\n",
    sh: "#!/bin/sh\necho hi\n",
    py: "#!/usr/bin/env python3\nprint(1)\n",
    bash: "#!/bin/bash\necho\n",
    perl: "#!/usr/bin/perl\nprint 1;\n",
    node: "#!/usr/bin/env node\nconsole.log(1)\n",
    awk: "#!/usr/bin/awk -f\n",
    tool: "#!/opt/x/tool\n",
    cr: "a\rb\r",
    mixed: "a\r\nb\n",
    num: "42\n",
    obj: "{}",
    over: "a\bb\n",
    esc: "\u001b[1mbold\n",
    badjson: '{"a":\n',
    long: "very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line very long line ",
    bom: "﻿bom\n",
    utfcrlf: "café\r\n",
    nonisi: new Uint8Array([128, 129, 97, 10]),
    bin: new Uint8Array([0, 1, 2, 3]),
    "x.xml": '<?xml version="1.0"?>\n<a/>\n',
    "h.html": "<!DOCTYPE html>\n<html></html>\n",
    h2: "<html><body>x</body></html>\n",
    "s.svg": '<svg xmlns="http://www.w3.org/2000/svg"></svg>\n',
    "g.gz": new Uint8Array([31, 139, 8, 0, 0, 0, 0, 0, 0, 3, 203, 200, 228, 2, 0, 122, 122, 111, 237, 3, 0, 0, 0]),
    "n.gz": new Uint8Array([
      31, 139, 8, 8, 128, 43, 14, 94, 2, 3, 116, 46, 116, 120, 116, 0, 203, 200, 228, 2, 0, 122, 122, 111, 237, 3, 0, 0,
      0,
    ]),
    "b.bz2": "BZh91AY&SY",
    fakebz: "BZh",
    "x.xz": new Uint8Array([253, 55, 122, 88, 90, 0, 0, 4, 230, 214, 180, 70]),
    "z.zst": new Uint8Array([40, 181, 47, 253, 4, 0]),
    "p.png": new Uint8Array([
      137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 16, 0, 0, 0, 32, 8, 6, 0, 0, 0,
    ]),
    "g.gif": "GIF89a\u0010\u0000 \u0000",
    "x.pdf": "%PDF-1.4\n%\n",
    elf: new Uint8Array([127, 69, 76, 70, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 62, 0, 1, 0, 0, 0]),
    "z.zip": new Uint8Array([
      80, 75, 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]),
    "r.zip": new Uint8Array([
      80, 75, 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 97, 46, 116, 120,
      116, 203, 0, 80, 75, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]),
    "s.zip": new Uint8Array([
      80, 75, 3, 4, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]),
  },
  dirs: ["d"],
  symlinks: { l: "t.txt", broken: "nowhere" },
}

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
    args: [
      "t.txt",
      "nonl",
      "empty",
      "d",
      "l",
      "broken",
      "j.json",
      "arr",
      "utf",
      "latin",
      "crlf",
      "sh",
      "py",
      "bash",
      "perl",
      "node",
      "awk",
      "tool",
      "cr",
      "mixed",
      "num",
      "obj",
      "over",
      "esc",
      "badjson",
      "long",
      "bom",
      "utfcrlf",
      "nonisi",
      "bin",
      "x.xml",
      "h.html",
      "h2",
      "s.svg",
    ],
    stdout:
      "t.txt:   ASCII text\nnonl:    ASCII text, with no line terminators\nempty:   empty\nd:       directory\nl:       symbolic link to t.txt\nbroken:  broken symbolic link to nowhere\nj.json:  JSON text data\narr:     JSON text data\nutf:     Unicode text, UTF-8 text\nlatin:   ISO-8859 text\ncrlf:    ASCII text, with CRLF line terminators\nsh:      POSIX shell script, ASCII text executable\npy:      Python script, ASCII text executable\nbash:    Bourne-Again shell script, ASCII text executable\nperl:    Perl script text executable\nnode:    Node.js script executable, ASCII text\nawk:     awk script, ASCII text executable\ntool:    a /opt/x/tool script, ASCII text executable\ncr:      ASCII text, with CR line terminators\nmixed:   ASCII text, with CRLF, LF line terminators\nnum:     ASCII text\nobj:     JSON text data\nover:    ASCII text, with overstriking\nesc:     ASCII text, with escape sequences\nbadjson: ASCII text\nlong:    ASCII text, with very long lines (1500), with no line terminators\nbom:     Unicode text, UTF-8 (with BOM) text\nutfcrlf: Unicode text, UTF-8 text, with CRLF line terminators\nnonisi:  Non-ISO extended-ASCII text\nbin:     data\nx.xml:   XML 1.0 document, ASCII text\nh.html:  HTML document, ASCII text\nh2:      HTML document, ASCII text\ns.svg:   SVG Scalable Vector Graphics image\n",
    stderr: "",
    status: 0,
  },
  {
    args: [
      "g.gz",
      "n.gz",
      "b.bz2",
      "fakebz",
      "x.xz",
      "z.zst",
      "p.png",
      "g.gif",
      "x.pdf",
      "elf",
      "z.zip",
      "s.zip",
      "r.zip",
    ],
    stdout:
      'g.gz:   gzip compressed data, from Unix, original size modulo 2^32 3\nn.gz:   gzip compressed data, was "t.txt", last modified: Thu Jan  2 17:42:24 2020, max compression, from Unix, original size modulo 2^32 3\nb.bz2:  bzip2 compressed data, block size = 900k\nfakebz: bzip2 compressed data\nx.xz:   XZ compressed data, checksum CRC64\nz.zst:  Zstandard compressed data (v0.8+), Dictionary ID: None\np.png:  PNG image data, 16 x 32, 8-bit/color RGBA, non-interlaced\ng.gif:  GIF image data, version 89a, 16 x 32\nx.pdf:  PDF document, version 1.4\nelf:    ELF 64-bit LSB shared object, x86-64, version 1 (SYSV)\nz.zip:  data\ns.zip:  data\nr.zip:  Zip archive data, at least v2.0 to extract, compression method=deflate\n',
    stderr: "",
    status: 0,
  },
  { args: ["-b", "t.txt", "d"], stdout: "ASCII text\ndirectory\n", stderr: "", status: 0 },
  {
    args: [
      "-i",
      "t.txt",
      "empty",
      "d",
      "l",
      "utf",
      "latin",
      "j.json",
      "g.gz",
      "p.png",
      "elf",
      "bin",
      "sh",
      "broken",
      "bash",
      "node",
      "obj",
      "h2",
      "s.svg",
      "x.xml",
      "b.bz2",
      "x.xz",
      "g.gif",
      "z.zip",
      "r.zip",
      "py",
      "perl",
      "nonisi",
    ],
    stdout:
      "t.txt:  text/plain; charset=us-ascii\nempty:  inode/x-empty; charset=binary\nd:      inode/directory; charset=binary\nl:      inode/symlink; charset=binary\nutf:    text/plain; charset=utf-8\nlatin:  text/plain; charset=iso-8859-1\nj.json: application/json; charset=us-ascii\ng.gz:   application/gzip; charset=binary\np.png:  image/png; charset=binary\nelf:    application/x-sharedlib; charset=binary\nbin:    application/octet-stream; charset=binary\nsh:     text/x-shellscript; charset=us-ascii\nbroken: inode/symlink\nbash:   text/x-shellscript; charset=us-ascii\nnode:   application/javascript; charset=us-ascii\nobj:    application/json; charset=us-ascii\nh2:     text/html; charset=us-ascii\ns.svg:  image/svg+xml; charset=us-ascii\nx.xml:  text/xml; charset=us-ascii\nb.bz2:  application/x-bzip2; charset=us-ascii\nx.xz:   application/x-xz; charset=binary\ng.gif:  image/gif; charset=binary\nz.zip:  application/octet-stream; charset=binary\nr.zip:  application/zip; charset=binary\npy:     text/x-script.python; charset=us-ascii\nperl:   text/x-perl; charset=us-ascii\nnonisi: text/plain; charset=unknown-8bit\n",
    stderr: "",
    status: 0,
  },
  { args: ["nope"], stdout: "nope: cannot open `nope' (No such file or directory)\n", stderr: "", status: 0 },
  {
    args: ["-L", "l", "broken"],
    stdout: "l:      ASCII text\nbroken: cannot open `broken' (No such file or directory)\n",
    stderr: "",
    status: 0,
  },
  {
    args: [],
    stdout: "",
    stderr:
      "Usage: file [-bcCdEhikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n",
    status: 1,
  },
  { args: ["--mime-type", "t.txt", "d"], stdout: "t.txt: text/plain\nd:     inode/directory\n", stderr: "", status: 0 },
  {
    args: ["--mime-encoding", "t.txt", "utf", "bin"],
    stdout: "t.txt: us-ascii\nutf:   utf-8\nbin:   binary\n",
    stderr: "",
    status: 0,
  },
  { args: ["-bi", "t.txt"], stdout: "text/plain; charset=us-ascii\n", stderr: "", status: 0 },
  { args: ["-N", "t.txt", "d"], stdout: "t.txt: ASCII text\nd: directory\n", stderr: "", status: 0 },
  { args: ["-F", "|", "t.txt"], stdout: "t.txt| ASCII text\n", stderr: "", status: 0 },
  {
    args: ["-E", "nope", "t.txt"],
    stdout: "nope:  ERROR: cannot stat `nope' (No such file or directory)\nt.txt: ASCII text\n",
    stderr: "",
    status: 1,
  },
  { args: ["-0", "t.txt"], stdout: "t.txt\u0000: ASCII text\n", stderr: "", status: 0 },
]

describe("file", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(file, c.args, { ...setup, ...c.setup, cwd: "/w", stdin: c.stdin })
    expect({ stdout: r.stdout, stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
