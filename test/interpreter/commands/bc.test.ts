import { describe, expect, it } from "vitest"
import { bc } from "../../../src/interpreter/commands/bc.ts"
import { run } from "./harness.ts"

// Every expectation below is what GNU bc 1.07.1 printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ). The byte-code
// address in GNU's runtime messages (`adr=3`) has no counterpart here, so it
// is left out of the comparison.
const cases: ReadonlyArray<{
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}> = [
  { args: [], stdin: "1/0\n", stdout: "", stderr: "Runtime error (func=(main), adr=3): Divide by zero\n", status: 0 },
  { args: [], stdin: "scale=2; 1/3\n", stdout: ".33\n", stderr: "", status: 0 },
  { args: [], stdin: "1.50\n.5\n-0.5\n0.000\n-3.0*1\n", stdout: "1.50\n.5\n-.5\n0\n-3.0\n", stderr: "", status: 0 },
  { args: [], stdin: "2^100\n", stdout: "1267650600228229401496703205376\n", stderr: "", status: 0 },
  { args: [], stdin: "2^-2\nscale=5; 2^-2\n", stdout: "0\n.25000\n", stderr: "", status: 0 },
  { args: [], stdin: "sqrt(2)\nscale=10; sqrt(2)\n", stdout: "1\n1.4142135623\n", stderr: "", status: 0 },
  { args: [], stdin: "x=5; x++; x; ++x\n", stdout: "5\n6\n7\n", stderr: "", status: 0 },
  { args: [], stdin: '"hi\\n"\nprint 1, "a", 2, "\\n"\n', stdout: "hi\\n1a2\n", stderr: "", status: 0 },
  { args: [], stdin: "1+\n", stdout: "", stderr: "(standard_in) 2: syntax error\n", status: 0 },
  {
    args: [],
    stdin: "obase=16; 255; obase=2; 10; obase=20; 12345\n",
    stdout: "FF\n1010\n 01 10 17 05\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "ibase=16; FF; A\n", stdout: "255\n10\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "2^1000\n",
    stdout:
      "10715086071862673209484250490600018105614048117055336074437503883703\\\n51051124936122493198378815695858127594672917553146825187145285692314\\\n04359845775746985748039345677748242309854210746050623711418779541821\\\n53046474983581941267398767559165543946077062914571196477686542167660\\\n429831652624386837205668069376\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "define f(x) { return (x*2); }; f(3)\n", stdout: "6\n", stderr: "", status: 0 },
  { args: [], stdin: "a[2]=5; a[2]; a[1]\n", stdout: "5\n0\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "if (1 < 2) 10 else 20\nfor (i=0; i<3; i++) i\nwhile (i > 0) { i-- ; if (i == 1) break; }\ni\n",
    stdout: "10\n0\n1\n2\n3\n2\n1\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "quit\n1\n", stdout: "", stderr: "", status: 0 },
  { args: [], stdin: "length(123.45); scale(1.234)\n", stdout: "5\n3\n", stderr: "", status: 0 },
  { args: [], stdin: "5 % 3; 5.5 % 2; scale=2; 5.5 % 2\n", stdout: "2\n1.5\n0\n", stderr: "", status: 0 },
  { args: [], stdin: "-2^2; 2^3^2\n", stdout: "4\n512\n", stderr: "", status: 0 },
  { args: [], stdin: "1 == 1; 2 < 1; !0; 1 && 0; 0 || 3\n", stdout: "1\n0\n1\n0\n1\n", stderr: "", status: 0 },
  { args: [], stdin: "halt\n2\n", stdout: "", stderr: "", status: 0 },
  {
    args: [],
    stdin: "3.7^2.5\n",
    stdout: "13.6\n",
    stderr: "Runtime warning (func=(main), adr=11): non-zero scale in exponent\n",
    status: 0,
  },
  { args: [], stdin: "x = 3\nx\nlast\n.\n", stdout: "3\n3\n3\n", stderr: "", status: 0 },
  { args: [], stdin: "scale=3; -1/3\n", stdout: "-.333\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "sqrt(-1)\n",
    stdout: "",
    stderr: "Runtime error (func=(main), adr=4): Square root of a negative number\n",
    status: 0,
  },
  {
    args: [],
    stdin: "foo(1)\n",
    stdout: "",
    stderr: "Runtime error (func=(main), adr=3): Function foo not defined.\n",
    status: 0,
  },
  {
    args: [],
    stdin: "define fact(n) { if (n <= 1) return (1); return (n * fact(n-1)); }\nfact(50)\n",
    stdout: "30414093201713378043612608166064768844377641568960512000000000000\n",
    stderr: "",
    status: 0,
  },
  {
    args: [],
    stdin: "scale=100; 1/7\n",
    stdout:
      ".1428571428571428571428571428571428571428571428571428571428571428571\\\n428571428571428571428571428571428\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "obase=16; 1/3; scale=5; 1/3\n", stdout: "0\n.55551\n", stderr: "", status: 0 },
  { args: [], stdin: 'x=1; if (x) { "yes\n" } else { "no\n" }\n', stdout: "yes\n", stderr: "", status: 0 },
  { args: [], stdin: "/* c */ 1 # x\n", stdout: "1\n", stderr: "", status: 0 },
  { args: [], stdin: "define g(a[]) { return (a[0]+1); }; b[0]=4; g(b[])\n", stdout: "5\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "define h() { auto x; x = 5; return x; }; x=1; h(); x\n",
    stdout: "5\n1\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "scale=0; 7/2; -7/2; 7%-2; -7%2\n", stdout: "3\n-3\n1\n-1\n", stderr: "", status: 0 },
  {
    args: [],
    stdin: "1.000000000000000000000000000001 * 3\n",
    stdout: "3.000000000000000000000000000003\n",
    stderr: "",
    status: 0,
  },
  {
    args: [],
    stdin: "99999999999999999999999999999999999999999999999999999999999999999999999999999999\n",
    stdout: "99999999999999999999999999999999999999999999999999999999999999999999\\\n999999999999\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "obase=8; -8.5\n", stdout: "-10.40\n", stderr: "", status: 0 },
  { args: [], stdin: "ibase=2; 101.1\n", stdout: "5.5\n", stderr: "", status: 0 },
  { args: [], stdin: "a=2; a^=3; a; a%=5; a; a/=2; a\n", stdout: "8\n3\n1\n", stderr: "", status: 0 },
  { args: [], stdin: "if (1) 2\nelse 3\n", stdout: "2\n", stderr: "(standard_in) 2: syntax error\n", status: 0 },
  { args: [], stdin: "1 +\n2\n3\n", stdout: "2\n3\n", stderr: "(standard_in) 2: syntax error\n", status: 0 },
  { args: [], stdin: "for(;;) { if (++i > 5) break; }; i\n", stdout: "6\n", stderr: "", status: 0 },
  { args: [], stdin: 'print "a\\tb\\n"\n', stdout: "a\tb\n", stderr: "", status: 0 },
  { args: [], stdin: "length(0); length(0.00); length(-12.3)\n", stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: [], stdin: "1;2;3\n", stdout: "1\n2\n3\n", stderr: "", status: 0 },
  { args: [], stdin: "scale=5; sqrt(0.0004)\n", stdout: ".02000\n", stderr: "", status: 0 },
  { args: [], stdin: "0.1 * 0.1\n", stdout: "0\n", stderr: "", status: 0 },
  { args: [], stdin: "scale=1; 0.1 * 0.1\n", stdout: "0\n", stderr: "", status: 0 },
  { args: [], stdin: "-0\n", stdout: "0\n", stderr: "", status: 0 },
  { args: [], stdin: "ibase=20\n", stdout: "", stderr: "", status: 0 },
  { args: [], stdin: "x[1]\n", stdout: "0\n", stderr: "", status: 0 },
  { args: ["-l"], stdin: "s(1)\n", stdout: ".84147098480789650665\n", stderr: "", status: 0 },
  {
    args: ["-l"],
    stdin: "c(1); a(1); l(2); e(1); j(1,1)\n",
    stdout:
      ".54030230586813971740\n.78539816339744830961\n.69314718055994530941\n2.71828182845904523536\n.44005058574493351595\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l"],
    stdin: "scale=50; s(1); c(0.5); a(0.2); a(5); l(10); e(-2); j(2,3.5)\n",
    stdout:
      ".84147098480789650665250232163029899962256306079837\n.87758256189037271611628158260382965199164519710974\n.19739555984988075837004976519479029344758510378785\n1.37340076694501586086127192644496114865099959589970\n2.30258509299404568401799145468436420760110148862877\n.13533528323661269189399949497248440340763154590957\n.45862918419430748350225324563494563703387901684709\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l"],
    stdin: "e(0); l(1); s(0); a(0); l(0); l(-1)\n",
    stdout:
      "1.00000000000000000000\n0\n0\n0\n-99999999999999999999.00000000000000000000\n-99999999999999999999.00000000000000000000\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l"],
    stdin: "scale=5; e(10); s(100); c(-3)\n",
    stdout: "22026.46579\n-.50635\n-.98999\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l"],
    stdin: "scale=70; a(1)\n",
    stdout: ".7853981633974483096156608458198757210492923498437764552437361480769\\\n541\n",
    stderr: "",
    status: 0,
  },
  { args: ["-l"], stdin: "s(3.14159265358979323846)\n", stdout: "0\n", stderr: "", status: 0 },
  { args: ["-l"], stdin: "j(-3, 2)\n", stdout: "-.12894324947440205109\n", stderr: "", status: 0 },
  {
    args: ["-l"],
    stdin: "e(100)\n",
    stdout: "26881171418161354484126255515800135873611118.77374192241519160861\n",
    stderr: "",
    status: 0,
  },
  { args: ["-l"], stdin: "scale=0; e(1); l(10)\n", stdout: "2\n2\n", stderr: "", status: 0 },
  { args: ["f"], stdin: "2+2\n", files: { f: "1+1\n" }, stdout: "2\n4\n", stderr: "", status: 0 },
  { args: ["f"], stdin: "2+2\n", files: { f: "1+1\nquit\n" }, stdout: "2\n", stderr: "", status: 0 },
  { args: ["nope"], stdin: "2+2\n", stdout: "", stderr: "File nope is unavailable.\n", status: 1 },
  {
    args: [],
    stdin: "2^200\n",
    env: { TZ: "UTC", BC_LINE_LENGTH: "0" },
    stdout: "1606938044258990275541962092341162602522202993782792835301376\n",
    stderr: "",
    status: 0,
  },
  {
    args: [],
    stdin: "2^200\n",
    env: { TZ: "UTC", BC_LINE_LENGTH: "20" },
    stdout: "160693804425899027\\\n554196209234116260\\\n252220299378279283\\\n5301376\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "1 +* 2\n3\n", stdout: "3\n", stderr: "(standard_in) 1: syntax error\n", status: 0 },
  {
    args: [],
    stdin: "define f(x) {\n  auto y\n  y = x * 2\n  return (y)\n}\nf(21)\n",
    stdout: "42\n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "obase=16; 2^70\n", stdout: "400000000000000000\n", stderr: "", status: 0 },
  { args: [], stdin: "obase=100; 123456789\n", stdout: " 01 23 45 67 89\n", stderr: "", status: 0 },
  { args: [], stdin: '"multi\nline"\n', stdout: "multi\nline", stderr: "", status: 0 },
  {
    args: [],
    stdin: 'for (i = 1; i <= 3; i++) { print i, " " }\nprint "\\n"\n',
    stdout: "1 2 3 \n",
    stderr: "",
    status: 0,
  },
  { args: [], stdin: "x=0; while (x < 100000) x += 1; x\n", stdout: "100000\n", stderr: "", status: 0 },
  { args: [], stdin: "a=1;b=2;a<b;a>b;a==b\n", stdout: "1\n0\n0\n", stderr: "", status: 0 },
  { args: [], stdin: "}\n1\n", stdout: "1\n", stderr: "(standard_in) 1: syntax error\n", status: 0 },
  { args: ["-l"], stdin: "scale=10; 4*a(1)\n", stdout: "3.1415926532\n", stderr: "", status: 0 },
]

describe("bc", () => {
  it.each(cases)("bc $args", async (c) => {
    const r = await run(bc, c.args, { files: c.files, stdin: c.stdin, env: c.env ?? { TZ: "UTC" } })
    const adr = (s: string) => s.replace(/adr=\d+/g, "adr=?")
    expect({ stdout: r.stdout, stderr: adr(r.stderr), status: r.status }).toEqual({
      stdout: c.stdout,
      stderr: adr(c.stderr),
      status: c.status,
    })
  })
})
