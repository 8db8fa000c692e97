import { describe, expect, it } from "vitest"
import { numfmt } from "../../../src/interpreter/commands/numfmt.ts"
import { run } from "./harness.ts"
import { bytesText, type TextCase } from "./textHarness.ts"

// Expected outputs come from running GNU coreutils 9.1 with LC_ALL=C on the same
// files (stdout as one code unit per byte).
const files: Readonly<Record<string, string | Uint8Array>> = {}

const cases: ReadonlyArray<TextCase> = [
  {
    args: ["--to=si", "1000", "1500", "999", "1049", "1050", "1051", "999999", "1000000", "123456789", "0", "0.5"],
    stdout: "1.0K\n1.5K\n999\n1.1K\n1.1K\n1.1K\n1.0M\n1.0M\n124M\n0\n0\n",
    stderr: "",
    status: 0,
  },
  { args: ["--to=si", "--", "-1500"], stdout: "-1.5K\n", stderr: "", status: 0 },
  {
    args: ["--to=iec", "1024", "1536", "1000", "1048575", "1048576", "5000000"],
    stdout: "1.0K\n1.5K\n1000\n1.0M\n1.0M\n4.8M\n",
    stderr: "",
    status: 0,
  },
  { args: ["--to=iec-i", "1024", "2048", "100"], stdout: "1.0Ki\n2.0Ki\n100\n", stderr: "", status: 0 },
  { args: ["--from=si", "1K", "1.5M", "2G"], stdout: "1000\n1500000\n2000000000\n", stderr: "", status: 0 },
  { args: ["--from=iec", "1K", "1.5M"], stdout: "1024\n1572864\n", stderr: "", status: 0 },
  { args: ["--from=auto", "1Ki", "1K", "1Mi"], stdout: "1024\n1000\n1048576\n", stderr: "", status: 0 },
  {
    args: ["--from=iec-i", "1Ki", "1024"],
    stdout: "1024\n",
    stderr: "numfmt: missing 'i' suffix in input: '1024' (e.g Ki/Mi/Gi)\n",
    status: 2,
  },
  { args: ["--to=si", "--round=down", "1999", "1501"], stdout: "1.9K\n1.5K\n", stderr: "", status: 0 },
  { args: ["--to=si", "--round=nearest", "1450", "1550"], stdout: "1.5K\n1.6K\n", stderr: "", status: 0 },
  { args: ["--to=si", "--round=up", "1001"], stdout: "1.1K\n", stderr: "", status: 0 },
  { args: ["--to=si", "--round=towards-zero", "1999"], stdout: "1.9K\n", stderr: "", status: 0 },
  { args: ["--format=%.2f", "3.14159", "2"], stdout: "3.15\n2.00\n", stderr: "", status: 0 },
  { args: ["--format=%08.1f", "3.14159"], stdout: "000003.2\n", stderr: "", status: 0 },
  { args: ["--format=x%-8fy", "42"], stdout: "x42      y\n", stderr: "", status: 0 },
  { args: ["--padding=8", "42", "1234567"], stdout: "      42\n 1234567\n", stderr: "", status: 0 },
  { args: ["--padding=-6", "42"], stdout: "42    \n", stderr: "", status: 0 },
  { args: ["--suffix=B", "--to=si", "2000", "3000B"], stdout: "2.0KB\n3.0KB\n", stderr: "", status: 0 },
  { args: ["1K"], stdout: "", stderr: "numfmt: rejecting suffix in input: '1K' (consider using --from)\n", status: 2 },
  { args: ["abc"], stdout: "", stderr: "numfmt: invalid number: 'abc'\n", status: 2 },
  { args: ["12abc"], stdout: "", stderr: "numfmt: invalid suffix in input: '12abc'\n", status: 2 },
  {
    args: ["1Kx"],
    stdout: "",
    stderr: "numfmt: rejecting suffix in input: '1Kx' (consider using --from)\n",
    status: 2,
  },
  { args: ["--from=si", "1Kx"], stdout: "", stderr: "numfmt: invalid suffix in input '1Kx': 'x'\n", status: 2 },
  { args: ["--to=si", "1e3"], stdout: "", stderr: "numfmt: invalid suffix in input: '1e3'\n", status: 2 },
  { args: ["--format=%f", "1.5"], stdout: "1.5\n", stderr: "", status: 0 },
  { args: ["--to=si", "--format=%.3f", "2500000"], stdout: "2.500M\n", stderr: "", status: 0 },
  {
    args: ["123456789012345678901"],
    stdout: "",
    stderr: "numfmt: value too large to be printed: '1.23457e+20' (consider using --to)\n",
    status: 2,
  },
  { args: ["--format=%.1f", "--round=nearest", "1.15"], stdout: "1.2\n", stderr: "", status: 0 },
  { args: ["--to=si", "9999", "99999", "999499", "999500"], stdout: "10K\n100K\n1.0M\n1.0M\n", stderr: "", status: 0 },
  { args: ["--to=iec", "1023", "1024000"], stdout: "1023\n1000K\n", stderr: "", status: 0 },
  { args: ["--from=si", "--to=iec", "1M"], stdout: "977K\n", stderr: "", status: 0 },
  { args: ["--to=si", "0.001"], stdout: "0\n", stderr: "", status: 0 },
  { args: ["--grouping", "1234567"], stdout: "1234567\n", stderr: "", status: 0 },
  {
    args: ["--to=si"],
    stdin: "1000\n2000000\nxyz\n3000\n",
    stdout: "1.0K\n2.0M\n",
    stderr: "numfmt: invalid number: 'xyz'\n",
    status: 2,
  },
  {
    args: ["--to=si", "--invalid=warn"],
    stdin: "1000\nxyz\n3000\n",
    stdout: "1.0K\nxyz\n3.0K\n",
    stderr: "numfmt: invalid number: 'xyz'\n",
    status: 0,
  },
  {
    args: ["--to=si", "--invalid=fail"],
    stdin: "1000\nxyz\n3000\n",
    stdout: "1.0K\nxyz\n3.0K\n",
    stderr: "numfmt: invalid number: 'xyz'\n",
    status: 2,
  },
  {
    args: ["--to=si", "--invalid=ignore"],
    stdin: "1000\nxyz\n3000\n",
    stdout: "1.0K\nxyz\n3.0K\n",
    stderr: "",
    status: 0,
  },
  { args: ["--header", "--to=si"], stdin: "size\n1000\n2000\n", stdout: "size\n1.0K\n2.0K\n", stderr: "", status: 0 },
  { args: ["--header=2", "--to=iec"], stdin: "a\nb\n4096\n", stdout: "a\nb\n4.0K\n", stderr: "", status: 0 },
  {
    args: ["--to=si", "--field=2"],
    stdin: "a 1000 2000\nb 3000000 4\n",
    stdout: "a 1.0K 2000\nb    3.0M 4\n",
    stderr: "",
    status: 0,
  },
  { args: ["--to=si", "--field", "2-3"], stdin: "a 1000 2000\n", stdout: "a 1.0K 2.0K\n", stderr: "", status: 0 },
  { args: ["--to=si", "--field=-2"], stdin: "1000 2000 3000\n", stdout: "1.0K 2.0K 3000\n", stderr: "", status: 0 },
  { args: ["-d,", "--to=si", "--field=2"], stdin: "x,1000,y\n", stdout: "x,1.0K,y\n", stderr: "", status: 0 },
  { args: ["--to=si"], stdin: "   1000\n", stdout: "   1.0K\n", stderr: "", status: 0 },
  {
    args: ["--to=iec", "--field=2"],
    stdin: "file     123456789 x\n",
    stdout: "file          118M x\n",
    stderr: "",
    status: 0,
  },
  { args: ["--from=si", "--to=si", "--format=%.1f", "1.25M"], stdout: "1.3M\n", stderr: "", status: 0 },
  { args: ["--to=si", "--from-unit=1024", "2"], stdout: "2.1K\n", stderr: "", status: 0 },
  { args: ["--to-unit=1000", "5000"], stdout: "5\n", stderr: "", status: 0 },
  {
    args: ["--to=foo", "1"],
    stdout: "",
    stderr:
      "numfmt: invalid argument 'foo' for '--to'\nValid arguments are:\n  - 'none'\n  - 'si'\n  - 'iec'\n  - 'iec-i'\nTry 'numfmt --help' for more information.\n",
    status: 1,
  },
  { args: ["--round=n", "--to=si", "1550"], stdout: "1.6K\n", stderr: "", status: 0 },
  {
    args: ["--format=%d", "1"],
    stdout: "",
    stderr: "numfmt: invalid format '%d', directive must be %[0]['][-][N][.][N]f\n",
    status: 1,
  },
  { args: ["--format=abc", "1"], stdout: "", stderr: "numfmt: format 'abc' has no % directive\n", status: 1 },
  { args: ["--padding=0", "1"], stdout: "", stderr: "numfmt: invalid padding value '0'\n", status: 1 },
  { args: ["-d", "ab", "1"], stdout: "", stderr: "numfmt: the delimiter must be a single character\n", status: 1 },
  { args: ["--to=si", "-z"], stdin: "1000\u00002000\u0000", stdout: "1.0K\u00002.0K\u0000", stderr: "", status: 0 },
  { args: ["--to=si"], stdin: "1000", stdout: "1.0K", stderr: "", status: 0 },
  { args: ["0.1234", "--format=%.2f"], stdout: "0.13\n", stderr: "", status: 0 },
  { args: ["--to=si", "--round=nearest", "--", "-1550", "-1450"], stdout: "-1.6K\n-1.5K\n", stderr: "", status: 0 },
  { args: ["--to=iec", "--format=%.2f", "1536", "1000000"], stdout: "1.50K\n976.57K\n", stderr: "", status: 0 },
  { args: ["--to=si", "1.5"], stdout: "2\n", stderr: "", status: 0 },
  { args: ["--format=%'.2f", "1234.5"], stdout: "1234.50\n", stderr: "", status: 0 },
  { args: ["--to=si", "--format=%05f", "1500"], stdout: "001.5K\n", stderr: "", status: 0 },
  {
    args: ["99999999999999999999999999999"],
    stdout: "",
    stderr: "numfmt: value too large to be converted: '99999999999999999999999999999'\n",
    status: 2,
  },
  {
    args: ["--from=si", "999Y"],
    stdout: "",
    stderr: "numfmt: value too large to be printed: '9.99e+26' (consider using --to)\n",
    status: 2,
  },
  {
    args: ["--from=si", "--to=si", "1000Y"],
    stdout: "",
    stderr: "numfmt: value too large to be printed: '1e+27' (cannot handle values > 999Y)\n",
    status: 2,
  },
]

describe("numfmt", () => {
  it.each(cases)("$args", async (c) => {
    const r = await run(numfmt, c.args, { files: { ...files, ...c.files }, dirs: c.dirs, stdin: c.stdin })
    expect({ stdout: bytesText(r.stdoutBytes), stderr: r.stderr, status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: c.stderr,
      status: c.status,
    })
  })
})
