import type { AwkCase } from "./tables.ts"

// Expected results come from GNU Awk 5.2.1 (LC_ALL=C TZ=UTC); re-check with confirm.ts.
export const cases: ReadonlyArray<AwkCase> = [
  { args: ['BEGIN { print match("abcd", /ab|abcd/), RLENGTH }'], stdout: "1 4\n" },
  { args: ['BEGIN { s = "abc"; sub(/a|ab/, "X", s); print s }'], stdout: "Xc\n" },
  { args: ['BEGIN { s = "3.14 and 42"; gsub(/[0-9]+|[0-9]+\\.[0-9]+/, "N", s); print s }'], stdout: "N and N\n" },
  { args: ['BEGIN { n = split("a, b,c", p, /,|, /); print n, p[2] }'], stdout: "3 b\n" },
  { args: ['BEGIN { s = "foobar"; gsub(/o|oo/, "_", s); print s }'], stdout: "f_bar\n" },
  { args: ['BEGIN { print gensub(/a|ab/, "<&>", "g", "abab") }'], stdout: "<ab><ab>\n" },
  { args: ['BEGIN { RS = "x|xy" } { print NR ": " $0 }'], stdin: "1xy2x3", stdout: "1: 1\n2: 2\n3: 3\n" },
  { args: ["-F", "a|ab", "{ print $2 }"], stdin: "1ab2\n", stdout: "2\n" },
  { args: ['BEGIN { match("abcd", /(a|ab)(c|bcd)/, m); print m[0], m[1], RLENGTH }'], stdout: "abcd a 4\n" },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@ind_str_asc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "10=x 9=1.5 a=10 b=3 c=2 d=10 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@ind_str_desc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "d=10 c=2 b=3 a=10 9=1.5 10=x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@ind_num_asc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "a=10 b=3 c=2 d=10 9=1.5 10=x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@ind_num_desc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "10=x 9=1.5 d=10 c=2 b=3 a=10 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_str_asc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "9=1.5 a=10 d=10 c=2 b=3 10=x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_str_desc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "10=x b=3 c=2 d=10 a=10 9=1.5 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_num_asc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "10=x 9=1.5 c=2 b=3 a=10 d=10 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_num_desc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "d=10 a=10 b=3 c=2 9=1.5 10=x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_type_asc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "9=1.5 c=2 b=3 a=10 d=10 10=x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@val_type_desc"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "10=x d=10 a=10 b=3 c=2 9=1.5 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  PROCINFO["sorted_in"] = "@unsorted"; for (k in a) printf "%s=%s ", k, a[k]; print "" }',
    ],
    stdout: "9=1.5 10=x a=10 b=3 c=2 d=10 \n",
  },
  {
    args: [
      'function cmp(i1, v1, i2, v2) { return v2 - v1 } BEGIN { a["x"] = 1; a["y"] = 3; a["z"] = 2; PROCINFO["sorted_in"] = "cmp"; for (k in a) print k, a[k] }',
    ],
    stdout: "y 3\nz 2\nx 1\n",
  },
  {
    args: ['{ c[$1]++ } END { PROCINFO["sorted_in"] = "@val_num_desc"; for (w in c) print c[w], w }'],
    stdin: "a\nb\na\nc\nb\na\n",
    stdout: "3 a\n2 b\n1 c\n",
  },
  {
    args: ['{ c[$1]++ } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (w in c) print w, c[w] }'],
    stdin: "pear\napple\nfig\napple\n",
    stdout: "apple 2\nfig 1\npear 1\n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  n = asort(a, b); for (i = 1; i <= n; i++) printf "%s ", b[i]; print "" }',
    ],
    stdout: "1.5 2 3 10 10 x \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  n = asorti(a, b); for (i = 1; i <= n; i++) printf "%s ", b[i]; print "" }',
    ],
    stdout: "10 9 a b c d \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  n = asort(a, b, "@val_str_desc"); for (i = 1; i <= n; i++) printf "%s ", b[i]; print "" }',
    ],
    stdout: "x 3 2 10 10 1.5 \n",
  },
  {
    args: [
      'BEGIN { a["b"] = 3; a["a"] = 10; a["c"] = 2; a[10] = "x"; a[9] = 1.5; a["d"] = "10";  n = asorti(a, b, "@ind_num_desc"); for (i = 1; i <= n; i++) printf "%s ", b[i]; print "" }',
    ],
    stdout: "10 9 d c b a \n",
  },
  {
    args: ['BEGIN { PROCINFO["sorted_in"] = "nosuch"; a[1]; for (k in a) print k }'],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: sort comparison function `nosuch' is not defined\n",
    status: 2,
  },
  {
    args: ['BEGIN { FPAT = "([^,]*)|(\\"[^\\"]+\\")" } { print NF ": " $1 " | " $3 }'],
    stdin: 'name,age,city\n"Smith, John",42,"New York, NY"\nJane,,Boston\n"Doe ""JD"" Jr",7,\n',
    stdout: '3: name | city\n3: "Smith, John" | "New York, NY"\n3: Jane | Boston\n3: "Doe ""JD"" Jr" | \n',
  },
  {
    args: ['BEGIN { FPAT = "([^,]+)|(\\"[^\\"]+\\")" } { print NF ": " $1 " | " $2 }'],
    stdin: 'name,age,city\n"Smith, John",42,"New York, NY"\nJane,,Boston\n"Doe ""JD"" Jr",7,\n',
    stdout: '3: name | age\n3: "Smith, John" | 42\n2: Jane | Boston\n2: "Doe ""JD"" Jr" | 7\n',
  },
  {
    args: [
      'BEGIN { FPAT = "([^,]*)|(\\"([^\\"]|\\"\\")+\\")" } { for (i = 1; i <= NF; i++) printf "<%s>", $i; print "" }',
    ],
    stdin: 'name,age,city\n"Smith, John",42,"New York, NY"\nJane,,Boston\n"Doe ""JD"" Jr",7,\n',
    stdout: '<name><age><city>\n<"Smith, John"><42><"New York, NY">\n<Jane><><Boston>\n<"Doe ""JD"" Jr"><7><>\n',
  },
  {
    args: ['BEGIN { FPAT = "[0-9]+" } { print NF, $1, $NF }'],
    stdin: "a12b3c456\nnone\n",
    stdout: "3 12 456\n0  none\n",
  },
  { args: ['BEGIN { FPAT = "[a-z]+" } { $2 = "X"; print; print NF }'], stdin: "ab cd ef\n", stdout: "ab X ef\n3\n" },
  { args: ['BEGIN { FPAT = "[0-9]+"; FS = "," } { print $2 }'], stdin: "1,2,3\n", stdout: "2\n" },
  {
    args: [
      'BEGIN { n = patsplit("a1b22c333", arr, /[0-9]+/, seps); print n, arr[1], arr[3], "[" seps[0] "]", "[" seps[1] "]", "[" seps[3] "]" }',
    ],
    stdout: "3 1 333 [a] [b] []\n",
  },
  {
    args: [
      'BEGIN { n = patsplit("x,y,,z", arr, "[^,]*"); print n; for (i = 1; i <= n; i++) printf "<%s>", arr[i]; print "" }',
    ],
    stdout: "4\n<x><y><><z>\n",
  },
  {
    args: ['BEGIN { FPAT = "[^,]*" } { print NF; for (i = 1; i <= NF; i++) printf "<%s>", $i; print "" }'],
    stdin: "a,,b,\n,x\n",
    stdout: "4\n<a><><b><>\n2\n<><x>\n",
  },
]
