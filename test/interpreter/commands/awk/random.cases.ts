import type { AwkCase } from "./tables.ts"

// Randomly generated programs (fixed seeds); expected results come from GNU Awk 5.2.1 (LC_ALL=C TZ=UTC).
export const cases: ReadonlyArray<AwkCase> = [
  {
    args: ["{ print int(((NF < 3.7) < NF 3.7)); print 3.7; print 1e3; print toupper((2 >= 1e-5)) !toupper(0) }"],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1\n3.7\n1000\n10\n1\n3.7\n1000\n10\n1\n3.7\n1000\n10\n0\n3.7\n1000\n10\n1\n3.7\n1000\n10\n1\n3.7\n1000\n10\n1\n3.7\n1000\n10\n",
  },
  {
    args: [
      '{ print 0.5; print +0 ("" $0 && 0); print sprintf("%d|%s|%.3g|%5.2f", (1 ? "1e2" : 1), 1e-5, 1 "10", (0.5 + 0.5)) ($0 == NR) ((NR) in a); print x }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n0.5\n00\n100|1e-05|110| 1.0000\n\n",
  },
  {
    args: [
      '{ print ((index($1, 1234567) < ($3 ? " 12 " : 2))   (index("1e2", "abc") || (-3   3.7))); print 3.7; print x; print toupper(int((2 >= NF))) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "01\n3.7\n\n0\n01\n3.7\n\n0\n01\n3.7\n\n0\n11\n3.7\n\n1\n01\n3.7\n\n0\n01\n3.7\n\n0\n01\n3.7\n\n0\n",
  },
  {
    args: [
      '{ print ((x = " 12 ") && -x); print +1; print ((!100000 ? (y += NR) : 1e-5) * (1 NF ~ (x = $0))); print +!$2 int(NF) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "1\n1\n0\n03\n1\n1\n0\n03\n1\n1\n0\n03\n1\n1\n1e-05\n10\n1\n1\n0\n03\n1\n1\n0\n03\n1\n1\n0\n04\n",
  },
  {
    args: [
      '{ print (x ~ -3) x y 0 (NR ^ 3.7); print (length(" 12 ") - ((-3 * "abc") < x $3)); print 3.7; print sprintf("%d|%s|%.3g|%5.2f", 1e-5, "abc", 1234567, (0.5 0.5 ~ (y ? $3 : "1e2"))) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "001\n3\n3.7\n0|abc|1.23e+06| 0.00\n0012.996\n3\n3.7\n0|abc|1.23e+06| 0.00\n0058.2571\n3\n3.7\n0|abc|1.23e+06| 0.00\n00168.897\n4\n3.7\n0|abc|1.23e+06| 0.00\n00385.646\n3\n3.7\n0|abc|1.23e+06| 0.00\n00757.111\n4\n3.7\n0|abc|1.23e+06| 0.00\n001339.25\n3\n3.7\n0|abc|1.23e+06| 0.00\n",
  },
  {
    args: [
      '{ print index((" 12 " || (1234567 ? NF : 3.7)), ((" 12 " ? 1e3 : 0.5) >= y)); print (index("abc", ("1e2" || y)) && 1); print 0; print (y += (-3 0 || (1e3 == NR))) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "1\n0\n0\n1\n1\n0\n0\n2\n1\n0\n0\n3\n1\n0\n0\n4\n1\n0\n0\n5\n1\n0\n0\n6\n1\n0\n0\n7\n",
  },
  {
    args: [
      '{ print (x = 3.7); print ((x != 1234567) ($0 ~ 1e3) ? x : "" (0 ~ 1234567)); print (y += +y); print ((($3   $2) ? "10" 1e-5 : ("abc" >= $1)) ? ("1e2" "abc" ? ("abc"   $3) : (1e-5 ? x : 2)) : -3) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "3.7\n3.7\n0\nabc3\n3.7\n3.7\n0\nabc9\n3.7\n3.7\n0\nabcx\n3.7\n3.7\n0\nabc\n3.7\n3.7\n0\nabc1e1\n3.7\n3.7\n0\nabc-3.0\n3.7\n3.7\n0\nabc2\n",
  },
  {
    args: [
      '{ print (100000   (substr(NF, $1, " 12 ") ? $1 : ("abc" - $1))); print (-($1 ? 1234567 : " 12 ") % "1e2"); print ((("abc" % "10") + 1234567) % 0 $2 NF); print $3 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "",
    stderr: "awk: cmd. line:1: error: division by zero attempted in `%'\n",
    status: 1,
  },
  {
    args: [
      '{ print ((" 12 " * " 12 ") ? (int("10") ? "10" x : substr(0, "1e2", " 12 ")) : (-"" == (NF || x))); print (sprintf("%d|%s|%.3g|%5.2f", $2, (NF + 1234567), 0.5 0, $1) - substr(NR, $0)); print " 12 " ((1 NF) in a); print (y += "") index($3 "", 1) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "10\n1\n 12 0\n00\n10\n8\n 12 0\n00\n10\n997\n 12 0\n00\n10\n-4\n 12 0\n00\n10\n10\n 12 0\n01\n10\n-6\n 12 0\n00\n10\n3\n 12 0\n00\n",
  },
  {
    args: [
      '{ print (((0.5 == 1) == $1 1) < length((a[""] = 3.7))); print $3; print (3.7 " 12 " != "1e2") 1234567; print $0 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1\n3\n11234567\n1 2 3\n1\n9\n11234567\nabc 10 9\n1\nx\n11234567\n  0.5  1e3  x \n1\n\n11234567\n\n1\n1e1\n11234567\n10 10.0 1e1\n1\n-3.0\n11234567\n-3 abc -3.0\n1\n2\n11234567\n3.7 3 2 1\n",
  },
  {
    args: [
      '{ print (((a[y] = 0) && "abc" 1e-5) - (("10" == "1e2")   $2)); print (x = !!100000); print toupper("abc"); print ($3 - (a["1e2"] = x) 0.5 0) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "-2\n1\nABC\n20.50\n-10\n1\nABC\n80.50\n-1000\n1\nABC\n-10.50\n0\n1\nABC\n-10.50\n-10\n1\nABC\n90.50\n0\n1\nABC\n-40.50\n-3\n1\nABC\n10.50\n",
  },
  {
    args: [
      '{ print ((split(2, b) >= ("1e2" && y)) && +$0); print ((substr(1e-5, $0)   (x - y))   length(0 $3)); print (("10" ? "10" : NR) ? 1234567 : (3.7 < 2)) +(NF ~ " 12 "); print y }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1\n1e-0502\n1234567\n\n0\n1e-0502\n1234567\n\n1\n1e-0502\n1234567\n\n0\n1e-0501\n1234567\n\n1\n04\n1234567\n\n1\n1e-0505\n1234567\n\n1\n-0502\n1234567\n\n",
  },
  {
    args: [
      '{ print (("abc"   3.7) "" "" ~ (y += ("" != 2))); print NF; print (1e3 - ((" 12 " ^ 0) - (-3 == 3.7))); print ((0 == "10") == (1 ~ "10")) -NR "" }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "0\n3\n999\n0\n0\n3\n999\n-1\n1\n3\n999\n-2\n0\n0\n999\n-3\n0\n3\n999\n-4\n0\n3\n999\n-5\n1\n4\n999\n-6\n",
  },
  {
    args: [
      '{ print -3 y (3.7 && 0) 1234567; print ((($0 || " 12 ") ~ sprintf("%d|%s|%.3g|%5.2f", NF, 100000, 2, 0))   index("", x)); print "1e2"; print +-index(-3, $0) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "-301234567\n01\n1e2\n0\n-301234567\n01\n1e2\n0\n-301234567\n01\n1e2\n0\n-301234567\n01\n1e2\n-1\n-301234567\n01\n1e2\n0\n-301234567\n01\n1e2\n0\n-301234567\n01\n1e2\n0\n",
  },
  {
    args: ['{ print length(-$3) toupper(("" * 100000)); print 0; print $0; print 1 }'],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "20\n0\n1 2 3\n1\n20\n0\nabc 10 9\n1\n10\n0\n  0.5  1e3  x \n1\n10\n0\n\n1\n30\n0\n10 10.0 1e1\n1\n10\n0\n-3 abc -3.0\n1\n20\n0\n3.7 3 2 1\n1\n",
  },
  {
    args: [
      '{ print sprintf("%d|%s|%.3g|%5.2f", toupper((3.7 < 1234567)), ($0 == "abc") " 12 " $3, toupper((1234567   0)), 2); print int((1234567   1234567)) y; print ((((-3) in a) && (1234567 ~ "abc")) >= "abc" NF); print 1e-5 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1|0 12 3|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 9|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 x|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 |1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 1e1|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 -3.0|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n1|0 12 2|1.23e+07| 2.00\n12345671234567\n0\n1e-05\n",
  },
  {
    args: [
      '{ print ""; print -(-3 < 1234567) ""; print (x || 2); print ((1e-5 ? -3 : $3) ? $3 y : 2) (1234567 * substr("abc", $3)) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "\n-1\n1\n30\n\n-1\n1\n90\n\n-1\n1\nx0\n\n-1\n1\n0\n\n-1\n1\n1e10\n\n-1\n1\n-3.00\n\n-1\n1\n20\n",
  },
  {
    args: [
      '{ print +3.7; print ((("abc" && 2) < (NR ? x : 1)) ? substr((" 12 " && 1), (" 12 "   1e-5), (-3 ~ 0.5)) : "1e2"); print ((1234567 ? 3.7 : -3) (0.5 - 2) != ((2 < 1e3) || 1234567)); print $3 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "3.7\n1e2\n1\n3\n3.7\n1e2\n1\n9\n3.7\n1e2\n1\nx\n3.7\n1e2\n1\n\n3.7\n1e2\n1\n1e1\n3.7\n1e2\n1\n-3.0\n3.7\n1e2\n1\n2\n",
  },
  {
    args: [
      '{ print -!"abc"; print (((100000 != 0.5) - (y += 1)) ? (" 12 " 3.7 == ("1e2" < "1e2")) : (y += " 12 ") (("abc") in a)); print ((NR "" ~ 0.5) % -"10" -3); print toupper(0.5) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "0\n130\n-3\n0.5\n0\n0\n-3\n0.5\n0\n0\n-3\n0.5\n0\n0\n-3\n0.5\n0\n0\n-3\n0.5\n0\n0\n-3\n0.5\n0\n0\n-3\n0.5\n",
  },
  {
    args: [
      '{ print NR; print 1e-5 substr(($1 ? 1e-5 : "10"), 2 0.5, (" 12 " ? "10" : NF)); print (2 1e3 ^ $0) length(($0 != NR)); print -3 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1\n1e-05\n210001\n-3\n2\n1e-05\n211\n-3\n3\n1e-05\n231.62281\n-3\n4\n1e-05\n211\n-3\n5\n1e-05\n210000000000000000198846248386561\n-3\n6\n1e-05\n21e-091\n-3\n7\n1e-05\n21.25893e+111\n-3\n",
  },
  {
    args: [
      '{ print !"10" NF; print (toupper(("" % NF)) && ((2 ~ $3) ? (NF == -3) : (("1e2") in a))); print 100000; print (a[(a[(y += "")] = (y += 1234567))] = $0) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "03\n0\n100000\n1 2 3\n03\n0\n100000\nabc 10 9\n03\n0\n100000\n  0.5  1e3  x \n00\n",
    stderr: "awk: cmd. line:1: (FILENAME=- FNR=4) fatal: division by zero attempted in `%'\n",
    status: 2,
  },
  {
    args: [
      '{ print (((1 ? 1 : $3) < toupper("10")) * x); print !NR (y += toupper(100000)); print !$1; print ((-0.5 + (3.7 >= $2))   100000) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "0\n0100000\n0\n0.5100000\n0\n0200000\n0\n-0.5100000\n0\n0300000\n0\n-0.5100000\n0\n0400000\n1\n0.5100000\n0\n0500000\n0\n-0.5100000\n0\n0600000\n0\n-0.5100000\n0\n0700000\n0\n0.5100000\n",
  },
  {
    args: [
      '{ print 3.7 ($3 * "1e2") 0; print substr(sprintf("%d|%s|%.3g|%5.2f", 1, 1e-5, 1234567, $3) substr(NF, 100000), 1234567); print !("" ? NF : $1); print (+" 12 " < (NR * $3)) (x ? " 12 " 100000 : 0) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "3.73000\n\n0\n00\n3.79000\n\n0\n10\n3.700\n\n0\n00\n3.700\n\n1\n00\n3.710000\n\n0\n10\n3.7-3000\n\n0\n00\n3.72000\n\n0\n10\n",
  },
  {
    args: [
      '{ print ((index(x, 0) ? (y ~ $3) : 1234567 1e-5) + (("1e2" ~ 0) % 2 1e-5)); print " 12 "; print sprintf("%d|%s|%.3g|%5.2f", (int(x) ? ((" 12 ") in a) : ($0 ~ NF)), (0 "1e2" ~ (1e-5 && 100000)), 0.5, substr(toupper(NF), substr(0.5, "abc", " 12 "))); print ((NF   " 12 ") ~ " 12 ") ((1e3 ~ x)   (3.7 ? "1e2" : x)) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "123.457\n 12 \n1|1|0.5| 3.00\n111e2\n123.457\n 12 \n0|1|0.5| 3.00\n111e2\n123.457\n 12 \n1|1|0.5| 3.00\n111e2\n123.457\n 12 \n0|1|0.5| 0.00\n111e2\n123.457\n 12 \n0|1|0.5| 3.00\n111e2\n123.457\n 12 \n1|1|0.5| 3.00\n111e2\n123.457\n 12 \n0|1|0.5| 4.00\n111e2\n",
  },
  {
    args: [
      '{ print (substr(0.5, y 0.5, -1e-5) ? (!2 ^ ("1e2" ? "10" : " 12 ")) : ((x ^ x) == 3.7 "1e2")); print ((toupper("") % ($3 * 3.7)) * (($3 + -3) ~ NF " 12 ")); print "" (1e3 >= " 12 " NR); print 0.5 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "0\n0\n1\n0.5\n0\n0\n1\n0.5\n0\n",
    stderr: "awk: cmd. line:1: (FILENAME=- FNR=3) fatal: division by zero attempted in `%'\n",
    status: 2,
  },
  {
    args: ['{ print NR; print ("10" || $1); print $1; print ((1 >= -3) ($2 ? y : y) && " 12 ") }'],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "1\n1\n1\n1\n2\n1\nabc\n1\n3\n1\n0.5\n1\n4\n1\n\n1\n5\n1\n10\n1\n6\n1\n-3\n1\n7\n1\n3.7\n1\n",
  },
  {
    args: [
      '{ print 1e-5; print (y ? (0   (3.7 == $1)) : "" toupper(1e3)); print -(($1 - 1e-5) % (1e-5 - $2)); print length((1234567 * "")) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1e-05\n1000\n-0.99999\n1\n1e-05\n1000\n1e-05\n1\n1e-05\n1000\n-0.49999\n1\n1e-05\n1000\n0\n1\n1e-05\n1000\n0\n1\n1e-05\n1000\n1e-05\n1\n1e-05\n1000\n-0.7\n1\n",
  },
  {
    args: [
      '{ print (($1 ^ 1234567) ($3 < 100000) != ("1e2" ? index(1e3, 3.7) : (y += $0))); print (0 ("10" ? "abc" : 100000) != ((100000 ? 2 : 3.7) < "1e2")); print ((x && ($0 + 1)) ? (a[-x] = (x = NF)) : (y += sprintf("%d|%s|%.3g|%5.2f", 0, 100000, "10", ""))); print (("10" ? 1e-5 : "1e2") >= ("abc" < 1e-5)) (substr(2, NF, "abc") * (0 >= 1e-5)) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "1\n1\n0\n10\n1\n1\n0\n10\n1\n1\n0\n10\n1\n1\n0\n10\n1\n1\n0\n10\n1\n1\n0\n10\n1\n1\n0\n10\n",
  },
  {
    args: [
      '{ print +((y ? -3 : $0) && sprintf("%d|%s|%.3g|%5.2f", NF, $1, 3.7, $3)); print (1 < $2); print (($1 $1 ? ("1e2" != 100000) : (y + 1)) || ((("") in a) != "10")); print ((0.5 * "abc") (-3 == NR) % (+" 12 " - (0 >= 1e3))) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "1\n1\n1\n00\n1\n1\n1\n00\n1\n1\n1\n00\n0\n0\n1\n00\n1\n1\n1\n00\n1\n1\n1\n00\n1\n1\n1\n00\n",
  },
  {
    args: [
      "{ print (+($3 && 1e-5) != ($1 ^ length(0.5))); print y toupper(x) (NF == (-3 || $3)); print x; print (split($2 $2, b) >= x) }",
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "0\n0\n\n1\n1\n0\n\n1\n1\n0\n\n1\n0\n0\n\n1\n1\n0\n\n1\n1\n0\n\n1\n1\n0\n\n1\n",
  },
  {
    args: [
      '{ print length(0.5) (x = NR) ("10" >= $3); print ((toupper(NR) * ("10" ~ 0)) ~ $1); print $0; print (sprintf("%d|%s|%.3g|%5.2f", -3, "abc", 3.7, "") == (y   NR)) int(3.7) (x = -3) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "310\n1\n1 2 3\n03-3\n320\n0\nabc 10 9\n03-3\n330\n0\n  0.5  1e3  x \n03-3\n341\n1\n\n03-3\n350\n0\n10 10.0 1e1\n03-3\n361\n0\n-3 abc -3.0\n03-3\n370\n0\n3.7 3 2 1\n03-3\n",
  },
  {
    args: [
      '{ print $3; print (substr((NR != x), " 12 ") ? index(0, 0) " 12 " " 12 " : split(-3, b)); print 1; print 100000 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "3\n1\n1\n100000\n9\n1\n1\n100000\nx\n1\n1\n100000\n\n1\n1\n100000\n1e1\n1\n1\n100000\n-3.0\n1\n1\n100000\n2\n1\n1\n100000\n",
  },
  {
    args: [
      '{ print (a[$2] = 1e-5); print "abc"; print 1234567; print (((-3 - NR) == "10" 1e-5) ~ (2 != 1e-5) ($0 ? "10" : 2)) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n1e-05\nabc\n1234567\n0\n",
  },
  {
    args: [
      '{ print (-3 >= (-100000 ? 2 : 1e-5 $1)); print !!3.7 "1e2"; print (0.5 < ((100000 >= 1e3)   sprintf("%d|%s|%.3g|%5.2f", $3, $3, $0, 1e3))); print 1234567 }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n0\n11e2\n1\n1234567\n",
  },
  {
    args: [
      '{ print 2; print !$3 sprintf("%d|%s|%.3g|%5.2f", 0, y, " 12 ", $3) +" 12 "; print NF; print sprintf("%d|%s|%.3g|%5.2f", $1, "", "abc", 100000) (0.5 ^ $3) (0.5 == -3) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "2\n012\n3\n1||0|100000.000.1250\n2\n012\n3\n0||0|100000.000.001953120\n2\n012\n3\n0||0|100000.0010\n2\n112\n0\n0||0|100000.0010\n2\n012\n3\n10||0|100000.000.0009765620\n2\n012\n3\n-3||0|100000.0080\n2\n012\n4\n3||0|100000.000.250\n",
  },
  {
    args: ['{ print 3.7; print 100000; print "10"; print (NR   ("10" && ("abc" ? $3 : $3))) }'],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout:
      "3.7\n100000\n10\n11\n3.7\n100000\n10\n21\n3.7\n100000\n10\n31\n3.7\n100000\n10\n40\n3.7\n100000\n10\n51\n3.7\n100000\n10\n61\n3.7\n100000\n10\n71\n",
  },
  {
    args: [
      '{ print (int($3) != NF) (2 100000 ~ (1e-5 ? 1e3 : y)); print (1 < (0.5 < $2) "abc" 2); print NR; print !int("1e2") split(NF, b) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "01\n1\n1\n01\n11\n1\n2\n01\n11\n1\n3\n01\n01\n0\n4\n01\n11\n1\n5\n01\n11\n1\n6\n01\n11\n1\n7\n01\n",
  },
  {
    args: [
      '{ print substr((0.5 >= ("1e2" || x)), 2, ($2   100000) (0.5 >= 2)); print (" 12 " ? ((y   " 12 ") != 0 $3) : "1e2" NF); print (0.5 - ($2 $0 % (NR < 2))); print -((y ? 3.7 : "1e2") && (" 12 " + $0)) }',
    ],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "\n1\n-19.5\n-1\n\n1\n",
    stderr: "awk: cmd. line:1: (FILENAME=- FNR=2) fatal: division by zero attempted in `%'\n",
    status: 2,
  },
  {
    args: ['{ print 0; print NF; print (1 >= ((1e-5) in a) "abc"); print substr($1, (x || ("" ? $1 : "10"))) }'],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "0\n3\n1\n1\n0\n3\n1\nabc\n0\n3\n1\n0.5\n0\n0\n1\n\n0\n3\n1\n10\n0\n3\n1\n-3\n0\n4\n1\n3.7\n",
  },
  {
    args: ['{ print -3; print (x >= (3.7 2 != -$3)); print toupper(""); print (-x || 2) }'],
    stdin: "1 2 3\nabc 10 9\n  0.5  1e3  x \n\n10 10.0 1e1\n-3 abc -3.0\n3.7 3 2 1\n",
    stdout: "-3\n0\n\n1\n-3\n0\n\n1\n-3\n0\n\n1\n-3\n0\n\n1\n-3\n0\n\n1\n-3\n0\n\n1\n-3\n0\n\n1\n",
  },
  {
    args: ['{ printf "[%+#.1X|%+ 12u|%.1u]\\n", -1e-10, 123456789, -1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0X0|   123456789|18446744073709551615]\n[0X0|   123456789|18446744073709551615]\n",
  },
  {
    args: ['{ printf "[% 0i|%#*s|%- s]\\n", 123456789, -4, -1e-10, 0.5 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[ 123456789|-1e-10|0.5]\n[ 123456789|-1e-10|0.5]\n",
  },
  {
    args: ['{ printf "[%.3F|%+1x|%x]\\n", -1e-10, 1, "abc" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[-0.000|1|0]\n[-0.000|1|0]\n",
  },
  {
    args: ['{ printf "[%#5.*u|% 5.10c|%o]\\n", 3, 65, -2.5, 0 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[  065|    þ|0]\n[  065|    þ|0]\n",
  },
  {
    args: ['{ printf "[%1.3g|%+ 0%|%#%]\\n", 123456789 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[1.23e+08|%|%]\n[1.23e+08|%|%]\n",
  },
  {
    args: ['{ printf "[%-+ 0.10d|%+12X|%0*.1s]\\n", $1, 3.14159, 1.5, $1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[+0000000042|           3|4]\n[-0000000007|           3|-]\n",
  },
  {
    args: ['{ printf "[%1G|% 5.1%|%+01u]\\n", 255, 255 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[255|%|255]\n[255|%|255]\n",
  },
  {
    args: ['{ printf "[%+#12e|%#01E|%1.*d]\\n", $1, "", 0, "12abc" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[+4.200000e+01|0.000000E+00|12]\n[-7.500000e+00|0.000000E+00|12]\n",
  },
  {
    args: ['{ printf "[%#i|%#G|% .0o]\\n", "abc", -2.5, 1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0|-2.50000|1]\n[0|-2.50000|1]\n",
  },
  {
    args: ['{ printf "[%+12X|% 012.*e|%1s]\\n", -1, 3, 0.5, 123456789 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[FFFFFFFFFFFFFFFF| 005.000e-01|123456789]\n[FFFFFFFFFFFFFFFF| 005.000e-01|123456789]\n",
  },
  {
    args: ['{ printf "[%12f|%- .10u|%i]\\n", 1e100, 123456789, -0.0 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout:
      "[10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000|0123456789|0]\n[10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000|0123456789|0]\n",
  },
  {
    args: ['{ printf "[%- 12G|%+*.*%|%1i]\\n", -0.0, 1.5, 12, 2^53 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[-0          |%|9007199254740992]\n[-0          |%|9007199254740992]\n",
  },
  {
    args: ['{ printf "[%#12X|%+5.3o|%+o]\\n", 0, "12abc", -2.5 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[           0|  014|1777777777777777777776]\n[           0|  014|1777777777777777777776]\n",
  },
  {
    args: ['{ printf "[%-0u|%u|%5.*f]\\n", 65, 123456789, 1.5, 1e10 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[65|123456789|10000000000.0]\n[65|123456789|10000000000.0]\n",
  },
  {
    args: ['{ printf "[%.*G|%1.3u|%-5.0o]\\n", 1.5, 3.14159, "", -1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[3|000|1777777777777777777777]\n[3|000|1777777777777777777777]\n",
  },
  {
    args: ['{ printf "[%-012.3G|%0G|%12s]\\n", "12abc", -2.5, $2 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[12          |-2.5|           x]\n[12          |-2.5|           3]\n",
  },
  {
    args: ['{ printf "[%+0.10i|%*.*s|%12e]\\n", -1, 12, -4, 123456789, -1e-10 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[-0000000001|   123456789|-1.000000e-10]\n[-0000000001|   123456789|-1.000000e-10]\n",
  },
  {
    args: ['{ printf "[%*.10E|%- #e|%%]\\n", -4, "12abc", -1e-10 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[1.2000000000E+01|-1.000000e-10|%]\n[1.2000000000E+01|-1.000000e-10|%]\n",
  },
  {
    args: ['{ printf "[%#12.1c|%-+*X|%- 0%]\\n", 0, 1.5, -1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[           \u0000|FFFFFFFFFFFFFFFF|%]\n[           \u0000|FFFFFFFFFFFFFFFF|%]\n",
  },
  {
    args: ['{ printf "[%-1f|%5.1g|% 0.1u]\\n", -1e-10, $2, "abc" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[-0.000000|    0|0]\n[-0.000000|    3|0]\n",
  },
  {
    args: ['{ printf "[%#5.0u|% 5f|%- F]\\n", 123456789, 1, -0.0 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[123456789| 1.000000|-0.000000]\n[123456789| 1.000000|-0.000000]\n",
  },
  {
    args: ['{ printf "[%E|%-1.3o|%s]\\n", "", $1, -0.0 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0.000000E+00|052|0]\n[0.000000E+00|1777777777777777777771|0]\n",
  },
  {
    args: ['{ printf "[% #1.*%|%+#.*F|%-12.*c]\\n", 12, 3, -1e-10, 12, 3.14159 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[%|-0.000|\u0003           ]\n[%|-0.000|\u0003           ]\n",
  },
  {
    args: ['{ printf "[%12u|% .3i|%.10X]\\n", "", -2.5, 1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[           0|-002|0000000001]\n[           0|-002|0000000001]\n",
  },
  {
    args: ['{ printf "[%-1X|% #12%|%012.3f]\\n", 123456789, 3.14159 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[75BCD15|%|00000003.142]\n[75BCD15|%|00000003.142]\n",
  },
  {
    args: ['{ printf "[% u|%.3%|%-1.10E]\\n", -1e-10, $2 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0|%|0.0000000000E+00]\n[0|%|3.0000000000E+00]\n",
  },
  {
    args: ['{ printf "[%0.1c|%-%|%-5i]\\n", -2.5, 0.5 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[þ|%|0    ]\n[þ|%|0    ]\n",
  },
  {
    args: ['{ printf "[% 0X|% *d|%0u]\\n", 3.14159, -4, -1, 1e100 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[3|-1  |1e+100]\n[3|-1  |1e+100]\n",
  },
  { args: ['{ printf "[%-12%|% #o|%0.0%]\\n", 255 }'], stdin: "42 x\n-7.5 3\n", stdout: "[%|0377|%]\n[%|0377|%]\n" },
  {
    args: ['{ printf "[%+5c|%#*.3f|%-5.10x]\\n", $1, 3, $1, "" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[    *|42.000|0000000000]\n[    ù|-7.500|0000000000]\n",
  },
  {
    args: ['{ printf "[%u|%*X|%-E]\\n", -1, 1.5, 255, $2 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[18446744073709551615|FF|0.000000E+00]\n[18446744073709551615|FF|3.000000E+00]\n",
  },
  {
    args: ['{ printf "[%012.1G|% 1.*x|%5.10X]\\n", 255, 12, 0, "12abc" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[00000003E+02|000000000000|000000000C]\n[00000003E+02|000000000000|000000000C]\n",
  },
  {
    args: ['{ printf "[%-u|%+d|% X]\\n", -1, 65, 255 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[18446744073709551615|+65|FF]\n[18446744073709551615|+65|FF]\n",
  },
  {
    args: ['{ printf "[% 0s|%1g|%1f]\\n", 0.5, -1, $1 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0.5|-1|42.000000]\n[0.5|-1|-7.500000]\n",
  },
  {
    args: ['{ printf "[% *i|% *.0E|%-12.*%]\\n", 3, -1, 12, "", 3 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[ -1|       0E+00|%]\n[ -1|       0E+00|%]\n",
  },
  {
    args: ['{ printf "[%#1.0%|%+1.0d|%- F]\\n", 3.14159, 1e10 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[%|+3| 10000000000.000000]\n[%|+3| 10000000000.000000]\n",
  },
  {
    args: ['{ printf "[%- 0.1x|%- 5.3g|%.10c]\\n", $2, -0.0, "abc" }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0|-0   |a]\n[3|-0   |a]\n",
  },
  {
    args: ['{ printf "[%f|%.1E|%f]\\n", $2, -0.0, -0.0 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[0.000000|-0.0E+00|-0.000000]\n[3.000000|-0.0E+00|-0.000000]\n",
  },
  {
    args: ['{ printf "[%-+#0.0d|%05X|%+1%]\\n", 255, 2^53 }'],
    stdin: "42 x\n-7.5 3\n",
    stdout: "[+255|20000000000000|%]\n[+255|20000000000000|%]\n",
  },
  { args: ['{ printf "[% d|%*%|%+ 1%]\\n", $1, 3 }'], stdin: "42 x\n-7.5 3\n", stdout: "[ 42|%|%]\n[-7|%|%]\n" },
  {
    args: [
      'BEGIN { OFS = ":" } { $1 = "Q"; print; print NF; n = split($0, p, /\\./); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; $0 = " c  d "; print NF, $1 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "Q:aab:bca\n3\n1:[Q:aab:bca]\n2:c\nQ:b\n2\n1:[Q:b]\n2:c\nQ\n1\n1:[Q]\n2:c\nQ\n1\n1:[Q]\n2:c\nQ:a1b22\n2\n1:[Q:a1b22]\n2:c\nQ:ab:abc:ba\n4\n1:[Q:ab:abc:ba]\n2:c\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { $0 = " c  d "; print NF, $1; s = $0; n = gsub(/a*/, "X", s); print n "|" s; n = sub(/\\./, "\\\\&", $1); print n, $0, NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2 c\n7|X XcX X XdX X\n0  c  d  2\n2 c\n7|X XcX X XdX X\n0  c  d  2\n2 c\n7|X XcX X XdX X\n0  c  d  2\n2 c\n7|X XcX X XdX X\n0  c  d  2\n2 c\n7|X XcX X XdX X\n0  c  d  2\n2 c\n7|X XcX X XdX X\n0  c  d  2\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { $0 = " c  d "; print NF, $1; n = split($0, p, "a"); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; NF = 0; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2-c\n1:[ c  d ]\n\n0\n2-c\n1:[ c  d ]\n\n0\n2-c\n1:[ c  d ]\n\n0\n2-c\n1:[ c  d ]\n\n0\n2-c\n1:[ c  d ]\n\n0\n2-c\n1:[ c  d ]\n\n0\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { $6 = "x y"; print; print NF; s = $0; n = gsub("a", "\\\\\\\\&", s); print n "|" s; $4 = "x y"; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc:aab:bca:::x y\n6\n4|\\abc:\\a\\ab:bc\\a:::x y\nabc:aab:bca:x y::x y\n6\na:b::::x y\n6\n1|\\a:b::::x y\na:b::x y::x y\n6\n:::::x y\n6\n0|:::::x y\n:::x y::x y\n6\naaa:::::x y\n6\n3|\\a\\a\\a:::::x y\naaa:::x y::x y\n6\nx.y.z:a1b22::::x y\n6\n1|x.y.z:\\a1b22::::x y\nx.y.z:a1b22::x y::x y\n6\ncab:ab:abc:ba::x y\n6\n4|c\\ab:\\ab:\\abc:b\\a::x y\ncab:ab:abc:x y::x y\n6\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = split($0, p, /[^ ]+/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; $6 = "Q"; print; print NF; NF = 5; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "4:[][ ][ ][]\nabc:aab:bca:::Q\n6\nabc:aab:bca::\n5\n3:[  ][  ][  ]\na:b::::Q\n6\na:b:::\n5\n0:\n:::::Q\n6\n::::\n5\n2:[][]\naaa:::::Q\n6\naaa::::\n5\n3:[][ ][]\nx.y.z:a1b22::::Q\n6\nx.y.z:a1b22:::\n5\n5:[][ ][ ][ ][]\ncab:ab:abc:ba::Q\n6\ncab:ab:abc:ba:\n5\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { print toupper($1) tolower($2), index($0, " "); NF = 0; print; print NF; print toupper($1) tolower($2), index($0, " ") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout: "ABCaab:4\n\n0\n:0\nAb:1\n\n0\n:0\n:0\n\n0\n:0\nAAA:0\n\n0\n:0\nX.Y.Za1b22:6\n\n0\n:0\nCABab:4\n\n0\n:0\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = gsub(/./, "\\\\\\\\&"); print n, $0; s = $0; n = gsub("", "&&", s); print n "|" s; n = gsub(/[^ ]+/, "\\\\\\\\&"); print n, $0 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "11:\\a\\b\\c\\ \\a\\a\\b\\ \\b\\c\\a\n23|\\a\\b\\c\\ \\a\\a\\b\\ \\b\\c\\a\n3:\\\\a\\b\\c\\ \\\\a\\a\\b\\ \\\\b\\c\\a\n8:\\ \\ \\a\\ \\ \\b\\ \\ \n17|\\ \\ \\a\\ \\ \\b\\ \\ \n6:\\\\ \\\\ \\\\a\\ \\\\ \\\\b\\ \\\\ \n0:\n1|\n0:\n3:\\a\\a\\a\n7|\\a\\a\\a\n1:\\\\a\\a\\a\n11:\\x\\.\\y\\.\\z\\ \\a\\1\\b\\2\\2\n23|\\x\\.\\y\\.\\z\\ \\a\\1\\b\\2\\2\n2:\\\\x\\.\\y\\.\\z\\ \\\\a\\1\\b\\2\\2\n13:\\c\\a\\b\\ \\a\\b\\ \\a\\b\\c\\ \\b\\a\n27|\\c\\a\\b\\ \\a\\b\\ \\a\\b\\c\\ \\b\\a\n4:\\\\c\\a\\b\\ \\\\a\\b\\ \\\\a\\b\\c\\ \\\\b\\a\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = split($0, p, /a/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; s = $0; n = gsub(/(a|b)c/, "", s); print n "|" s; print match($0, ""), RSTART, RLENGTH }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "5:[][bc ][][b bc][]\n2|a aab a\n1:1:0\n2:[  ][  b  ]\n0|  a  b  \n1:1:0\n0:\n0|\n1:1:0\n4:[][][][]\n0|aaa\n1:1:0\n2:[x.y.z ][1b22]\n0|x.y.z a1b22\n1:1:0\n5:[c][b ][b ][bc b][]\n1|cab ab a ba\n1:1:0\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = gsub(//, "&&"); print n, $0; n = gsub(/\\./, "X"); print n, $0; NF = 5; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "12:abc aab bca\n0:abc aab bca\nabc:aab:bca::\n5\n9:  a  b  \n0:  a  b  \na:b:::\n5\n1:\n0:\n::::\n5\n4:aaa\n0:aaa\naaa::::\n5\n12:x.y.z a1b22\n2:xXyXz a1b22\nxXyXz:a1b22:::\n5\n14:cab ab abc ba\n0:cab ab abc ba\ncab:ab:abc:ba:\n5\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print gensub("a", "&", "g"); s = $0; n = gsub(/x*/, "&&", s); print n "|" s; n = split($0, p, /ab|a/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print "" }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc aab bca\n12|abc aab bca\n5:[][c ][][ bc][]\n  a  b  \n9|  a  b  \n2:[  ][  b  ]\n\n1|\n0:\naaa\n4|aaa\n4:[][][][]\nx.y.z a1b22\n11|xx.y.z a1b22\n2:[x.y.z ][1b22]\ncab ab abc ba\n14|cab ab abc ba\n5:[c][ ][ ][c b][]\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print match($0, ""), RSTART, RLENGTH; print gensub("a", "\\\\1", "g"); print toupper($1) tolower($2), index($0, "b") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "1 1 0\nbc b bc\nABCaab 2\n1 1 0\n    b  \nAb 6\n1 1 0\n\n 0\n1 1 0\n\nAAA 0\n1 1 0\nx.y.z 1b22\nX.Y.Za1b22 9\n1 1 0\ncb b bc b\nCABab 3\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { NF = 1; print; print NF; print toupper($1) tolower($2), index($0, ""); print toupper($1) tolower($2), index($0, "b") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc\n1\nABC 1\nABC 2\na\n1\nA 1\nA 0\n\n1\n 1\n 0\naaa\n1\nAAA 1\nAAA 0\nx.y.z\n1\nX.Y.Z 1\nX.Y.Z 0\ncab\n1\nCAB 1\nCAB 3\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { s = $0; n = gsub(".", "", s); print n "|" s; print gensub(/[^ ]+/, "X", "1"); print gensub("a", "&", "1") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "11|\nX aab bca\nabc aab bca\n8|\n  X  b  \n  a  b  \n0|\n\n\n3|\nX\naaa\n11|\nX a1b22\nx.y.z a1b22\n13|\nX ab abc ba\ncab ab abc ba\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { NF = 5; print; print NF; print toupper($1) tolower($2), index($0, "b"); n = gsub(/x*/, "X"); print n, $0 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc aab bca  \n5\nABCaab 2\n14 XaXbXcX XaXaXbX XbXcXaX X X\na b   \n5\nAb 3\n7 XaX XbX X X X\n    \n5\n 0\n5 X X X X X\naaa    \n5\nAAA 0\n8 XaXaXaX X X X X\nx.y.z a1b22   \n5\nX.Y.Za1b22 9\n14 X.XyX.XzX XaX1XbX2X2X X X X\ncab ab abc ba \n5\nCABab 3\n15 XcXaXbX XaXbX XaXbXcX XbXaX X\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { print gensub(".", "&", "2"); print length(), length($1), substr($0, 0, 1); NF = 1; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc aab bca\n11:3:a\nabc\n1\n  a  b  \n8:1: \na\n1\n\n0:0:\n\n1\naaa\n3:3:a\naaa\n1\nx.y.z a1b22\n11:5:x\nx.y.z\n1\ncab ab abc ba\n13:3:c\ncab\n1\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { $0 = "a b"; print NF, $1; n = gsub("a", "\\\\&"); print n, $0; $2 = ""; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2 a\n1 & b\n& \n2\n2 a\n1 & b\n& \n2\n2 a\n1 & b\n& \n2\n2 a\n1 & b\n& \n2\n2 a\n1 & b\n& \n2\n2 a\n1 & b\n& \n2\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = split($0, p, //); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; $0 = ""; print NF, $1; n = split($0, p, /x*/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print "" }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "11:[a][b][c][ ][a][a][b][ ][b][c][a]\n0:\n0:\n8:[ ][ ][a][ ][ ][b][ ][ ]\n0:\n0:\n0:\n0:\n0:\n3:[a][a][a]\n0:\n0:\n11:[x][.][y][.][z][ ][a][1][b][2][2]\n0:\n0:\n13:[c][a][b][ ][a][b][ ][a][b][c][ ][b][a]\n0:\n0:\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { NF = 2; print; print NF; n = sub("", "\\\\&", $3); print n, $0, NF; print match($0, /./), RSTART, RLENGTH }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc aab\n2\n1 abc aab & 3\n1 1 1\na b\n2\n1 a b & 3\n1 1 1\n \n2\n1   & 3\n1 1 1\naaa \n2\n1 aaa  & 3\n1 1 1\nx.y.z a1b22\n2\n1 x.y.z a1b22 & 3\n1 1 1\ncab ab\n2\n1 cab ab & 3\n1 1 1\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { n = sub(/^a/, "-", $1); print n, $0, NF; s = $0; n = gsub("a", "X", s); print n "|" s; $0 = " c  d "; print NF, $1 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "1--bc-aab-bca-3\n3|-bc-XXb-bcX\n2-c\n1---b-2\n0|--b\n2-c\n0--1\n0|\n2-c\n1--aa-1\n2|-XX\n2-c\n0-x.y.z a1b22-2\n1|x.y.z X1b22\n2-c\n0-cab ab abc ba-4\n4|cXb Xb Xbc bX\n2-c\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { n = split($0, p, /ab|a/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; NF = 1; print; print NF; print length(), length($1), substr($0, 2, 3) }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "5:[][c ][][ bc][]\nabc\n1\n3-3-bc\n2:[  ][  b  ]\na\n1\n1-1-\n0:\n\n1\n0-0-\n4:[][][][]\naaa\n1\n3-3-aa\n2:[x.y.z ][1b22]\nx.y.z\n1\n5-5-.y.\n5:[c][ ][ ][c b][]\ncab\n1\n3-3-ab\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print match($0, ""), RSTART, RLENGTH; s = $0; n = gsub(/\\./, "\\\\\\\\&", s); print n "|" s; s = $0; n = gsub(/a*/, "\\\\&", s); print n "|" s }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "1 1 0\n0|abc aab bca\n8|&b&c& &b& &b&c&\n1 1 0\n0|  a  b  \n8|& & & & &b& & &\n1 1 0\n0|\n1|&\n1 1 0\n0|aaa\n1|&\n1 1 0\n2|x\\.y\\.z a1b22\n11|&x&.&y&.&z& &1&b&2&2&\n1 1 0\n0|cab ab abc ba\n10|&c&b& &b& &b&c& &b&\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print toupper($1) tolower($2), index($0, " "); n = sub(/(a|b)c/, "\\\\&", $2); print n, $0, NF; $4 = "x y"; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "ABCaab 4\n0 abc aab bca 3\nabc aab bca x y\n4\nAb 1\n0   a  b   2\na b  x y\n4\n 0\n0  2\n   x y\n4\nAAA 0\n0 aaa 2\naaa   x y\n4\nX.Y.Za1b22 6\n0 x.y.z a1b22 2\nx.y.z a1b22  x y\n4\nCABab 4\n0 cab ab abc ba 4\ncab ab abc x y\n4\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = gsub(/[^ ]+/, "&&"); print n, $0; print match($0, /a*/), RSTART, RLENGTH; n = sub(/a/, "\\\\\\\\&", $2); print n, $0, NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "3:abcabc aabaab bcabca\n1:1:1\n1:abcabc:\\aabaab:bcabca:3\n2:  aa  bb  \n1:1:0\n0:  aa  bb  :2\n0:\n1:1:0\n0::2\n1:aaaaaa\n1:1:6\n0:aaaaaa:2\n2:x.y.zx.y.z a1b22a1b22\n1:1:0\n1:x.y.zx.y.z:\\a1b22a1b22:2\n4:cabcab abab abcabc baba\n1:1:0\n1:cabcab:\\abab:abcabc:baba:4\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { n = split($0, p, /a+/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; s = $0; n = gsub(/a+/, "&&", s); print n "|" s; n = gsub(/(a|b)c/, "-"); print n, $0 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "4:[][bc ][b bc][]\n3|aabc aaaab bcaa\n2 a- aab -a\n2:[  ][  b  ]\n1|  aa  b  \n0   a  b  \n0:\n0|\n0 \n2:[][]\n1|aaaaaa\n0 aaa\n2:[x.y.z ][1b22]\n1|x.y.z aa1b22\n0 x.y.z a1b22\n5:[c][b ][b ][bc b][]\n4|caab aab aabc baa\n1 cab ab a- ba\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { NF = 1; print; print NF; n = split($0, p, /[[:digit:]]+/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; print length(), length($1), substr($0, -1, 1) }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc\n1\n1:[abc]\n3-3-a\na\n1\n1:[a]\n1-1-a\n\n1\n0:\n0-0-\naaa\n1\n1:[aaa]\n3-3-a\nx.y.z\n1\n1:[x.y.z]\n5-5-x\ncab\n1\n1:[cab]\n3-3-c\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print toupper($1) tolower($2), index($0, "a"); print gensub(//, "X", "g"); print length(), length($1), substr($0, 2, 10) }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "ABCaab 1\nXaXbXcX XaXaXbX XbXcXaX\n11 3 bc aab bca\nAb 3\nX X XaX X XbX X X\n8 1  a  b  \n 0\nX\n0 0 \nAAA 1\nXaXaXaX\n3 3 aa\nX.Y.Za1b22 7\nXxX.XyX.XzX XaX1XbX2X2X\n11 5 .y.z a1b22\nCABab 2\nXcXaXbX XaXbX XaXbXcX XbXaX\n13 3 ab ab abc \n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print gensub(/^a/, "&", "2"); NF = 1; print; print NF; print gensub(/(a|b)c/, "&", "2") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc aab bca\nabc\n1\nabc\n  a  b  \na\n1\na\n\n\n1\n\naaa\naaa\n1\naaa\nx.y.z a1b22\nx.y.z\n1\nx.y.z\ncab ab abc ba\ncab\n1\ncab\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { NF = 1; print; print NF; print toupper($1) tolower($2), index($0, " "); NF = 1; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "abc\n1\nABC:0\nabc\n1\na\n1\nA:0\na\n1\n\n1\n:0\n\n1\naaa\n1\nAAA:0\naaa\n1\nx.y.z\n1\nX.Y.Z:0\nx.y.z\n1\ncab\n1\nCAB:0\ncab\n1\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { s = $0; n = gsub(/ab|a/, "", s); print n "|" s; n = gsub(/./, "&&"); print n, $0; s = $0; n = gsub(/(a|b)c/, "&&", s); print n "|" s }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "4|c  bc\n11-aabbcc  aaaabb  bbccaa\n2|aabbcbcc  aaaabb  bbcbccaa\n1|    b  \n8-    aa    bb    \n0|    aa    bb    \n0|\n0-\n0|\n3|\n3-aaaaaa\n0|aaaaaa\n1|x.y.z 1b22\n11-xx..yy..zz  aa11bb2222\n0|xx..yy..zz  aa11bb2222\n4|c  c b\n13-ccaabb  aabb  aabbcc  bbaa\n1|ccaabb  aabb  aabbcbcc  bbaa\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { print length(), length($1), substr($0, -1, 10); n = sub(/[ab]/, "\\\\\\\\&", $2); print n, $0, NF; n = sub(/a+/, "[&]", $1); print n, $0, NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "11 3 abc aab bc\n1 abc \\aab bca 3\n1 [a]bc \\aab bca 3\n8 1   a  b  \n1 a \\b 2\n1 [a] \\b 2\n0 0 \n0  2\n0  2\n3 3 aaa\n0 aaa 2\n1 [aaa]  2\n11 5 x.y.z a1b2\n1 x.y.z \\a1b22 2\n0 x.y.z \\a1b22 2\n13 3 cab ab abc\n1 cab \\ab abc ba 4\n1 c[a]b \\ab abc ba 4\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { s = $0; n = gsub("a", "X", s); print n "|" s; print length(), length($1), substr($0, 0, 1); $4 = ""; print; print NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "4|Xbc XXb bcX\n11-3-a\nabc-aab-bca-\n4\n1|  X  b  \n8-1- \na-b--\n4\n0|\n0-0-\n---\n4\n3|XXX\n3-3-a\naaa---\n4\n1|x.y.z X1b22\n11-5-x\nx.y.z-a1b22--\n4\n4|cXb Xb Xbc bX\n13-3-c\ncab-ab-abc-\n4\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { print toupper($1) tolower($2), index($0, "a"); n = split($0, p, /[^ ]+/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; $0 = ""; print NF, $1 }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "ABCaab-1\n4:[][ ][ ][]\n0-\nAb-3\n3:[  ][  ][  ]\n0-\n-0\n0:\n0-\nAAA-1\n2:[][]\n0-\nX.Y.Za1b22-7\n3:[][ ][]\n0-\nCABab-2\n5:[][ ][ ][ ][]\n0-\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { $0 = " c  d "; print NF, $1; n = split($0, p, /a$/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; print length(), length($1), substr($0, 2, 1) }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2-c\n1:[ c  d ]\n6-1-c\n2-c\n1:[ c  d ]\n6-1-c\n2-c\n1:[ c  d ]\n6-1-c\n2-c\n1:[ c  d ]\n6-1-c\n2-c\n1:[ c  d ]\n6-1-c\n2-c\n1:[ c  d ]\n6-1-c\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { print match($0, /[ab]/), RSTART, RLENGTH; n = split($0, p, / +/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; n = split($0, p, /[^ ]+/); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print "" }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "1:1:1\n3:[abc][aab][bca]\n4:[][ ][ ][]\n3:3:1\n4:[][a][b][]\n3:[  ][  ][  ]\n0:0:-1\n0:\n0:\n1:1:1\n1:[aaa]\n2:[][]\n7:7:1\n2:[x.y.z][a1b22]\n3:[][ ][]\n2:2:1\n4:[cab][ab][abc][ba]\n5:[][ ][ ][ ][]\n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { $1 = "Q"; print; print NF; s = $0; n = gsub(/ +/, "X", s); print n "|" s; n = sub(/\\./, "[&]", $3); print n, $0, NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "Q aab bca\n3\n2|QXaabXbca\n0 Q aab bca 3\nQ b\n2\n1|QXb\n0 Q b 3\nQ\n1\n0|Q\n0 Q 3\nQ\n1\n0|Q\n0 Q 3\nQ a1b22\n2\n1|QXa1b22\n0 Q a1b22 3\nQ ab abc ba\n4\n3|QXabXabcXba\n0 Q ab abc ba 4\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { $0 = " c  d "; print NF, $1; print length(), length($1), substr($0, -1, 3); print gensub(/\\./, "&", "1") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2:c\n6:1: c \n c  d \n2:c\n6:1: c \n c  d \n2:c\n6:1: c \n c  d \n2:c\n6:1: c \n c  d \n2:c\n6:1: c \n c  d \n2:c\n6:1: c \n c  d \n",
  },
  {
    args: [
      'BEGIN { OFS = " " } { s = $0; n = gsub(/[ab]/, "[&]", s); print n "|" s; $2 = "Q"; print; print NF; print toupper($1) tolower($2), index($0, "a") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "7|[a][b]c [a][a][b] [b]c[a]\nabc Q bca\n3\nABCq 1\n2|  [a]  [b]  \na Q\n2\nAq 1\n0|\n Q\n2\nq 0\n3|[a][a][a]\naaa Q\n2\nAAAq 1\n2|x.y.z [a]1[b]22\nx.y.z Q\n2\nX.Y.Zq 0\n8|c[a][b] [a][b] [a][b]c [b][a]\ncab Q abc ba\n4\nCABq 2\n",
  },
  {
    args: [
      'BEGIN { OFS = ":" } { n = split($0, p, //); printf "%d:", n; for (i = 1; i <= n; i++) printf "[%s]", p[i]; print ""; n = gsub(".", "&&"); print n, $0; s = $0; n = gsub(/./, "\\\\&", s); print n "|" s }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "11:[a][b][c][ ][a][a][b][ ][b][c][a]\n11:aabbcc  aaaabb  bbccaa\n22|&&&&&&&&&&&&&&&&&&&&&&\n8:[ ][ ][a][ ][ ][b][ ][ ]\n8:    aa    bb    \n16|&&&&&&&&&&&&&&&&\n0:\n0:\n0|\n3:[a][a][a]\n3:aaaaaa\n6|&&&&&&\n11:[x][.][y][.][z][ ][a][1][b][2][2]\n11:xx..yy..zz  aa11bb2222\n22|&&&&&&&&&&&&&&&&&&&&&&\n13:[c][a][b][ ][a][b][ ][a][b][c][ ][b][a]\n13:ccaabb  aabb  aabbcc  bbaa\n26|&&&&&&&&&&&&&&&&&&&&&&&&&&\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { $0 = "a b"; print NF, $1; print match($0, /x*/), RSTART, RLENGTH; n = sub(/a$/, "", $1); print n, $0, NF }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout:
      "2-a\n1-1-0\n1--b-2\n2-a\n1-1-0\n1--b-2\n2-a\n1-1-0\n1--b-2\n2-a\n1-1-0\n1--b-2\n2-a\n1-1-0\n1--b-2\n2-a\n1-1-0\n1--b-2\n",
  },
  {
    args: [
      'BEGIN { OFS = "-" } { NF = 0; print; print NF; $2 = ""; print; print NF; print toupper($1) tolower($2), index($0, "a") }',
    ],
    stdin: "abc aab bca\n  a  b  \n\naaa\nx.y.z a1b22\ncab ab abc ba\n",
    stdout: "\n0\n-\n2\n-0\n\n0\n-\n2\n-0\n\n0\n-\n2\n-0\n\n0\n-\n2\n-0\n\n0\n-\n2\n-0\n\n0\n-\n2\n-0\n",
  },
]
