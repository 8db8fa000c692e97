import type { AwkCase } from "./tables.ts"

// Expected results come from GNU Awk 5.2.1 (LC_ALL=C TZ=UTC); re-check with confirm.ts.
export const cases: ReadonlyArray<AwkCase> = [
  {
    args: ["BEGIN { print 100000 * 100000, 2^31, 2^53, 2^53 + 1, 2^63, 1e300 * 1e10, -1e300 * 1e10, log(-1) }"],
    stdout: "10000000000 2147483648 9007199254740992 9007199254740992 9223372036854775808 +inf -inf -nan\n",
    stderr: "awk: cmd. line:1: warning: log: received negative argument -1\n",
  },
  {
    args: ['BEGIN { print 0.1, 1/7, 123456.789, 1234567.89, 0.000001234, 1e-5, 100, -0, 3.0, "3.0" + 0 }'],
    stdout: "0.1 0.142857 123457 1.23457e+06 1.234e-06 1e-05 100 0 3 3\n",
  },
  { args: ["BEGIN { x = 0.1 + 0.2; print (x == 0.3), x - 0.3 }"], stdout: "0 5.55112e-17\n" },
  {
    args: ['BEGIN { OFMT = "%.2f"; print 3.14159, 3.14159 ""; x = 3.14159; print x; print 42 }'],
    stdout: "3.14 3.14159\n3.14\n42\n",
  },
  { args: ['BEGIN { CONVFMT = "%d"; a[3.7] = 1; for (k in a) print k }'], stdout: "3\n" },
  {
    args: ['BEGIN { a[0.1] = 1; a[1e6] = 2; a[1e20]=3; for (k in a) print k | "sort"; close("sort") }'],
    stdout: "0.1\n1000000\n100000000000000000000\n",
  },
  {
    args: ['BEGIN { print "3x" + 1, "x3" + 1, " 12 " + 1, "1e2x" * 1, ".5" + 0, "5." + 0, "-.5e1" + 0, "+3" + 0 }'],
    stdout: "4 1 13 100 0.5 5 -5 3\n",
  },
  { args: ['BEGIN { print 1 " " 2, 1 2, 1+2 "" 3 }'], stdout: "1 2 12 33\n" },
  { args: ['BEGIN { print -"3", !"", !"0", !0, !"a", !x }'], stdout: "-3 1 0 1 0 1\n" },
  {
    args: ['BEGIN { x = "0"; if (x) print "true"; else print "false"; y = 0; if (y "") print "t2" }'],
    stdout: "true\nt2\n",
  },
  {
    args: ['{ if ($1) print "T"; else print "F" }'],
    stdin: "0\n0.0\n 0 \nabc\n\n00\n1\n-0\n+0\n0x0\n",
    stdout: "F\nF\nF\nT\nF\nF\nT\nF\nF\nT\n",
  },
  { args: ["{ print ($1 == 0) }"], stdin: "0\n0.0\n \nabc\n+0\n-0\n.0\n0e5\n", stdout: "1\n1\n0\n0\n1\n1\n1\n1\n" },
  {
    args: ["{ print ($1 < $2), ($1 == $2) }"],
    stdin: "2 10\n2.0 2\nabc 10\n1e2 100\n 3  3\n",
    stdout: "1 0\n0 1\n0 0\n0 1\n0 1\n",
  },
  { args: ["{ x = $1; y = x + 0; print (x == y) }"], stdin: "1.0\n1\nabc\n", stdout: "1\n1\n0\n" },
  { args: ["BEGIN { print length(12.0), length(0.1+0.2), length(1e10) }"], stdout: "2 3 11\n" },
  { args: ['BEGIN { print 3 == "3", 3 == "3.0", "a" == "a", "10" == 10.0 }'], stdout: "1 0 1 1\n" },
  { args: ['BEGIN { print substr("hello", 2, 100), substr("hello", 10), substr("", 1, 2) "|" }'], stdout: "ello  |\n" },
  {
    args: ['BEGIN { printf "%5s|%-5s|%.2s|%5.1s|\\n", "abc", "abc", "abc", "abc" }'],
    stdout: "  abc|abc  |ab|    a|\n",
  },
  {
    args: ['BEGIN { printf "%d|%5d|%-5d|%05d|%+d|% d|%.3d|%+.3d\\n", 42, 42, 42, 42, 42, 42, 42, 42 }'],
    stdout: "42|   42|42   |00042|+42| 42|042|+042\n",
  },
  { args: ['BEGIN { printf "%d %d %d %d\\n", -42.9, "12abc", "", 1e18 }'], stdout: "-42 12 0 1000000000000000000\n" },
  {
    args: ['BEGIN { printf "%i|%o|%x|%X|%#o|%#x|%#X|%u\\n", 42, 42, 255, 255, 8, 255, 255, 42 }'],
    stdout: "42|52|ff|FF|010|0xff|0XFF|42\n",
  },
  {
    args: [
      'BEGIN { printf "%f|%.2f|%10.3f|%-10.1f|%+.1f|%010.2f\\n", 3.14159, 3.14159, 3.14159, 3.14159, 3.14159, -3.14159 }',
    ],
    stdout: "3.141590|3.14|     3.142|3.1       |+3.1|-000003.14\n",
  },
  {
    args: [
      'BEGIN { printf "%e|%.2e|%E|%g|%G|%.3g|%g|%g\\n", 314.159, 314.159, 0.00031, 314.159, 0.000001, 314.159, 1e100, 123456789 }',
    ],
    stdout: "3.141590e+02|3.14e+02|3.100000E-04|314.159|1E-06|314|1e+100|1.23457e+08\n",
  },
  {
    args: ['BEGIN { printf "%g %g %g %g %g %g\\n", 0.0001, 0.00001, 123456, 1234567, 100, 0 }'],
    stdout: "0.0001 1e-05 123456 1.23457e+06 100 0\n",
  },
  { args: ['BEGIN { printf "%#g|%#.3g|%#e|%#f\\n", 1, 1, 1, 1 }'], stdout: "1.00000|1.00|1.000000e+00|1.000000\n" },
  { args: ['BEGIN { printf "%c|%c|%c|%c\\n", "ABC", 66, "", 256+67 }'], stdout: "A|B|\u0000|C\n" },
  { args: ['BEGIN { printf "%5c|%-5c|\\n", "x", "y" }'], stdout: "    x|y    |\n" },
  {
    args: ['BEGIN { printf "%*d|%-*d|%.*f|%*.*f\\n", 5, 1, 5, 2, 1, 3.14159, 8, 2, 3.14159 }'],
    stdout: "    1|2    |3.1|    3.14\n",
  },
  { args: ['BEGIN { printf "%%|%5%|%z|%k\\n" }'], stdout: "%|%|%z|%k\n" },
  {
    args: ['BEGIN { printf "%s" }'],
    stdout: "",
    stderr:
      "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s'\n\t ^ ran out for this one\n",
    status: 2,
  },
  {
    args: ['BEGIN { printf "%d\\n" }'],
    stdout: "",
    stderr:
      "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%d\n'\n\t ^ ran out for this one\n",
    status: 2,
  },
  { args: ['BEGIN { printf "no newline" }'], stdout: "no newline" },
  {
    args: ['BEGIN { printf "%s %s\\n", "only" }'],
    stdout: "",
    stderr:
      "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%s %s\n'\n\t    ^ ran out for this one\n",
    status: 2,
  },
  { args: ['BEGIN { printf("%s-%s\\n", "a", "b") }'], stdout: "a-b\n" },
  { args: ['BEGIN { x = sprintf("%5.1f%%", 45.678); print x }'], stdout: " 45.7%\n" },
  { args: ['BEGIN { printf "%.0f %.0f %.0f %.0f\\n", 0.5, 1.5, 2.5, 3.5 }'], stdout: "0 2 2 4\n" },
  { args: ['BEGIN { printf "%.2f %.2f %.1f\\n", 2.675, 1.005, 0.25 }'], stdout: "2.67 1.00 0.2\n" },
  {
    args: ['BEGIN { printf "%x %o %u\\n", -1, -1, -1 }'],
    stdout: "ffffffffffffffff 1777777777777777777777 18446744073709551615\n",
  },
  { args: ['BEGIN { printf "%d %i\\n", 2^53, -2^53 }'], stdout: "9007199254740992 -9007199254740992\n" },
  { args: ['BEGIN { printf "%s %s %s\\n", 1e6, 1e-6, 0.1+0.2 }'], stdout: "1000000 1e-06 0.3\n" },
  { args: ['BEGIN { printf "[%10.4e]\\n", 12345.6789 }'], stdout: "[1.2346e+04]\n" },
  { args: ['BEGIN { printf "%a %A\\n", 1, 255.5 }'], stdout: "0x1p+0 0X1.FFP+7\n" },
  { args: ['BEGIN { printf "%2$s %1$s\\n", "world", "hello" }'], stdout: "hello world\n" },
  { args: ['BEGIN { printf "%-08d|%08.3f|%+08d\\n", 5, 3.14159, 5 }'], stdout: "5       |0003.142|+0000005\n" },
  {
    args: ['BEGIN { printf "%.10g|%.17g|%.1g\\n", 1/3, 0.1, 0.05 }'],
    stdout: "0.3333333333|0.10000000000000001|0.05\n",
  },
  { args: ['BEGIN { printf "%5.3s|\\n", "abcdef" }'], stdout: "  abc|\n" },
  { args: ['BEGIN { printf "%d%%\\n", 50 }'], stdout: "50%\n" },
  { args: ['BEGIN { printf "%c", 0 }'], stdout: "\u0000" },
  { args: ['BEGIN { s = "aaa"; n = gsub(/a/, "b", s); print n, s }'], stdout: "3 bbb\n" },
  { args: ['BEGIN { s = "hello"; gsub(/l/, "[&]", s); print s }'], stdout: "he[l][l]o\n" },
  { args: ['BEGIN { s = "hello"; gsub(/l/, "\\\\&", s); print s }'], stdout: "he&&o\n" },
  { args: ['BEGIN { s = "hello"; gsub(/l/, "\\\\\\\\&", s); print s }'], stdout: "he\\l\\lo\n" },
  { args: ['BEGIN { s = "a.b.c"; gsub(".", "-", s); print s }'], stdout: "-----\n" },
  { args: ['BEGIN { s = "a.b.c"; gsub(/\\./, "-", s); print s }'], stdout: "a-b-c\n" },
  { args: ['BEGIN { s = "abc"; gsub(//, "-", s); print s }'], stdout: "-a-b-c-\n" },
  { args: ['BEGIN { s = "abc"; gsub(/x*/, "-", s); print s }'], stdout: "-a-b-c-\n" },
  { args: ['BEGIN { s = "abc"; gsub(/b*/, "-", s); print s }'], stdout: "-a-c-\n" },
  {
    args: ['BEGIN { s = "hello world"; gsub(/o/, "0"); print s; $0 = "foo boo"; gsub(/o/, "0"); print }'],
    stdout: "hello world\nf00 b00\n",
  },
  { args: ['BEGIN { s = "aaa"; print sub(/a/, "b", s), s }'], stdout: "1 baa\n" },
  {
    args: [
      'BEGIN { s = "abcabc"; print gensub(/b/, "B", 2, s), gensub(/b/, "B", "g", s), gensub(/(a)(b)(c)/, "\\\\3\\\\2\\\\1", 1, s), s }',
    ],
    stdout: "abcaBc aBcaBc cbaabc abcabc\n",
  },
  { args: ['BEGIN { print gensub(/o/, "0", "g", "foo boo") }'], stdout: "f00 b00\n" },
  { args: ['BEGIN { $0 = "x y"; print gensub(/y/, "&&", "G") }'], stdout: "x yy\n" },
  {
    args: ['BEGIN { print gensub(/a/, "b", 0, "aaa") }'],
    stdout: "baa\n",
    stderr: "awk: cmd. line:1: warning: gensub: third argument `0' treated as 1\n",
  },
  { args: ['BEGIN { n = split("a b  c", arr); print n, arr[1], arr[2], arr[3] }'], stdout: "3 a b c\n" },
  { args: ['BEGIN { n = split("  a b  ", arr); print n, "[" arr[1] "]" }'], stdout: "2 [a]\n" },
  {
    args: [
      'BEGIN { n = split("a,b,,c,", arr, ","); print n; for (i = 1; i <= n; i++) printf "[%s]", arr[i]; print "" }',
    ],
    stdout: "5\n[a][b][][c][]\n",
  },
  { args: ['BEGIN { n = split("a1b22c333d", arr, /[0-9]+/); print n, arr[1], arr[4] }'], stdout: "4 a d\n" },
  { args: ['BEGIN { n = split("abc", arr, ""); print n, arr[1], arr[3] }'], stdout: "3 a c\n" },
  { args: ['BEGIN { n = split("", arr); print n, length(arr) }'], stdout: "0 0\n" },
  { args: ['BEGIN { n = split("a:b:c", arr, ":", seps); print n, seps[1], seps[2] }'], stdout: "3 : :\n" },
  {
    args: ['BEGIN { n = split(" a b ", arr, " ", seps); print n, "[" seps[0] "]", "[" seps[2] "]" }'],
    stdout: "2 [ ] [ ]\n",
  },
  { args: ['BEGIN { n = split("a.b.c", arr, "."); print n, arr[2] }'], stdout: "3 b\n" },
  { args: ['BEGIN { n = split("a|b|c", arr, "|"); print n, arr[2] }'], stdout: "3 b\n" },
  { args: ['BEGIN { n = split("aXbxc", arr, "x"); print n }'], stdout: "2\n" },
  {
    args: [
      'BEGIN { if (match("the quick fox", /q[a-z]+/)) print RSTART, RLENGTH, substr("the quick fox", RSTART, RLENGTH) }',
    ],
    stdout: "5 5 quick\n",
  },
  { args: ['BEGIN { print match("abc", /x/), RSTART, RLENGTH }'], stdout: "0 0 -1\n" },
  {
    args: ['BEGIN { match("foo=bar", /(\\w+)=(\\w+)/, m); print m[0], m[1], m[2], m[1, "start"], m[2, "length"] }'],
    stdout: "foo=bar foo bar 1 3\n",
  },
  { args: ['BEGIN { print index("foobar", "bar"), index("foobar", "x"), index("", "") }'], stdout: "4 0 1\n" },
  { args: ['BEGIN { print toupper("abc123xyZ"), tolower("ÀBC") }'], stdout: "ABC123XYZ Ãbc\n" },
  { args: ['BEGIN { print length("héllo") }'], stdout: "6\n" },
  { args: ['BEGIN { s = "x"; s = s s s; print s, length(s) }'], stdout: "xxx 3\n" },
  {
    args: ['BEGIN { print substr("hello", 2), substr("hello", 1, 0) "|", substr("hello", 5, 1) }'],
    stdout: "ello | o\n",
  },
  {
    args: ['BEGIN { print sprintf("%s", 1/3), sprintf("%d", "0x1A"), sprintf("%s", 100/2) }'],
    stdout: "0.333333 0 50\n",
  },
  {
    args: ['BEGIN { print strtonum("0x10"), strtonum("010"), strtonum("10"), strtonum(" 0x1f"), strtonum("1.5e1") }'],
    stdout: "16 8 10 0 15\n",
  },
  {
    args: ["BEGIN { print and(5, 3), or(5, 3), xor(5, 3), lshift(1, 10), rshift(1024, 3), compl(5) }"],
    stdout: "1 7 6 1024 128 18014398509481978\n",
  },
]
