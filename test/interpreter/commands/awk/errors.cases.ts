import type { AwkCase } from "./tables.ts"

// Expected results come from GNU Awk 5.2.1 (LC_ALL=C TZ=UTC); re-check with confirm.ts.
export const cases: ReadonlyArray<AwkCase> = [
  {
    args: ["{print $1"],
    stdout: "",
    stderr: "awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    args: ["BEGIN { x = }"],
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { x = }\nawk: cmd. line:1:             ^ syntax error\n",
    status: 1,
  },
  {
    args: ['BEGIN { print "abc }'],
    stdout: "",
    stderr: 'awk: cmd. line:1: BEGIN { print "abc }\nawk: cmd. line:1:               ^ unterminated string\n',
    status: 1,
  },
  {
    args: ["BEGIN { if (x) }"],
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { if (x) }\nawk: cmd. line:1:                ^ syntax error\n",
    status: 1,
  },
  {
    args: ["BEGIN { a b c d +}"],
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN { a b c d +}\nawk: cmd. line:1:                  ^ syntax error\n",
    status: 1,
  },
  {
    args: ["\nBEGIN {\n  x = 1 +\n}"],
    stdout: "",
    stderr: "awk: cmd. line:4:   x = 1 +\nawk: cmd. line:4:          ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    args: ["BEGIN {\n"],
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN {\nawk: cmd. line:1:        ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    args: ["{"],
    stdout: "",
    stderr: "awk: cmd. line:1: {\nawk: cmd. line:1:  ^ unexpected newline or end of string\n",
    status: 1,
  },
  { args: ["}"], stdout: "", stderr: "awk: cmd. line:1: }\nawk: cmd. line:1: ^ syntax error\n", status: 1 },
  {
    args: ["BEGIN{print 1)}"],
    stdout: "",
    stderr: "awk: cmd. line:1: BEGIN{print 1)}\nawk: cmd. line:1:              ^ syntax error\n",
    status: 1,
  },
  {
    args: ["/abc"],
    stdout: "",
    stderr: "awk: cmd. line:1: /abc\nawk: cmd. line:1:  ^ unterminated regexp\n",
    status: 1,
  },
  { args: ["BEGIN"], stdout: "", stderr: "awk: cmd. line:1: BEGIN blocks must have an action part\n", status: 1 },
  {
    args: ["BEGIN\n{ print }"],
    stdout: "",
    stderr: "awk: cmd. line:2: BEGIN blocks must have an action part\n",
    status: 1,
  },
  {
    args: ["BEGIN { return 1 }"],
    stdout: "",
    stderr:
      "awk: cmd. line:1: BEGIN { return 1 }\nawk: cmd. line:1:         ^ `return' used outside function context\n",
    status: 1,
  },
  { args: ["BEGIN { next }"], stdout: "", stderr: "awk: cmd. line:1: error: `next' used in BEGIN action\n", status: 1 },
  {
    args: ["function f(a) { return a } function f(b) { return b } BEGIN { }"],
    stdout: "",
    stderr: "awk: cmd. line:1: error: function name `f' previously defined\n",
    status: 1,
  },
  {
    args: ["function f(f) { }"],
    stdout: "",
    stderr: "awk: cmd. line:1: error: function `f': cannot use function name as parameter name\n",
    status: 1,
  },
  {
    args: ["function length() {}"],
    stdout: "",
    stderr:
      "awk: cmd. line:1: function length() {}\nawk: cmd. line:1:          ^ `length' is a built-in function, it cannot be redefined\n",
    status: 1,
  },
  { args: ["BEGIN { f(1) }"], stdout: "", stderr: "awk: cmd. line:1: fatal: function `f' not defined\n", status: 2 },
  {
    args: ["function f(a) { return a } BEGIN { f(1, 2) }"],
    stdout: "",
    stderr: "awk: cmd. line:1: warning: function `f' called with more arguments than declared\n",
  },
  {
    args: ['BEGIN { print substr("a") }'],
    stdout: "",
    stderr:
      'awk: cmd. line:1: BEGIN { print substr("a") }\nawk: cmd. line:1:                         ^ 1 is invalid as number of arguments for substr\n',
    status: 1,
  },
  {
    args: ["BEGIN { print length(1, 2) }"],
    stdout: "",
    stderr:
      "awk: cmd. line:1: BEGIN { print length(1, 2) }\nawk: cmd. line:1:                          ^ 2 is invalid as number of arguments for length\n",
    status: 1,
  },
  {
    args: ['BEGIN { print split("a") }'],
    stdout: "",
    stderr:
      'awk: cmd. line:1: BEGIN { print split("a") }\nawk: cmd. line:1:                        ^ 1 is invalid as number of arguments for split\n',
    status: 1,
  },
  {
    args: ["BEGIN { x[1] = 1; x = 2 }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use array `x' in a scalar context\n",
    status: 2,
  },
  {
    args: ["BEGIN { x = 2; x[1] = 1 }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use scalar `x' as an array\n",
    status: 2,
  },
  {
    args: ["BEGIN { x[1]; print x }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use array `x' in a scalar context\n",
    status: 2,
  },
  {
    args: ["function f(a) { a[1] = 2 } BEGIN { x = 1; f(x) }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use scalar parameter `a' as an array\n",
    status: 2,
  },
  {
    args: ["function f(a) { return a + 1 } BEGIN { x[1] = 1; f(x) }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to use array `a (from x)' in a scalar context\n",
    status: 2,
  },
  {
    args: ["BEGIN { x = 0; print 1 / x }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: division by zero attempted\n",
    status: 2,
  },
  {
    args: ["BEGIN { x = 0; print 1 % x }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: division by zero attempted in `%'\n",
    status: 2,
  },
  {
    args: ["BEGIN { x = 0; y = 1; y /= x }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: division by zero attempted in `/='\n",
    status: 2,
  },
  {
    args: ["{ x = 0; print $1 / x }"],
    stdin: "5\n",
    stdout: "",
    stderr: "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: division by zero attempted\n",
    status: 2,
  },
  {
    args: ["BEGIN { print 1/0 }"],
    stdout: "",
    stderr: "awk: cmd. line:1: error: division by zero attempted\n",
    status: 1,
  },
  {
    args: ["BEGIN { $(-1) = 1 }"],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: attempt to access field -1\n",
    status: 2,
  },
  { args: ["BEGIN { NF = -1 }"], stdout: "", stderr: "awk: cmd. line:1: fatal: NF set to negative value\n", status: 2 },
  {
    args: ['BEGIN { printf "%d %d\\n", 1 }'],
    stdout: "",
    stderr:
      "awk: cmd. line:1: fatal: not enough arguments to satisfy format string\n\t`%d %d\n'\n\t    ^ ran out for this one\n",
    status: 2,
  },
  {
    args: ['{ printf "%s %s %s\\n", $1 }'],
    stdin: "a\n",
    stdout: "",
    stderr:
      "awk: cmd. line:1: (FILENAME=- FNR=1) fatal: not enough arguments to satisfy format string\n\t`%s %s %s\n'\n\t    ^ ran out for this one\n",
    status: 2,
  },
  {
    args: ['BEGIN { if ("a" ~ /(/) print }'],
    stdout: "",
    stderr: "awk: cmd. line:1: error: Unmatched ( or \\(: /(/\n",
    status: 1,
  },
  {
    args: ['BEGIN { r = "("; if ("a" ~ r) print }'],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: invalid regexp: Unmatched ( or \\(: /(/\n",
    status: 2,
  },
  {
    args: ['BEGIN { if ("a" ~ /[[:foo:]]/) print }'],
    stdout: "",
    stderr: "awk: cmd. line:1: error: Invalid character class name: /[[:foo:]]/\n",
    status: 1,
  },
  {
    args: ['BEGIN { print "x" > "/nonexistent/dir/f" }'],
    stdout: "",
    stderr: "awk: cmd. line:1: fatal: cannot redirect to `/nonexistent/dir/f': No such file or directory\n",
    status: 2,
  },
  { args: ['BEGIN { getline x < "/nonexistent"; print "ok" }'], stdout: "ok\n" },
  { args: ["BEGIN { print length() }"], stdout: "0\n" },
  {
    args: ['BEGIN { print "a\\qb" }'],
    stdout: "aqb\n",
    stderr: "awk: cmd. line:1: warning: escape sequence `\\q' treated as plain `q'\n",
  },
  {
    args: ['BEGIN { print "\\/" }'],
    stdout: "/\n",
    stderr: "awk: cmd. line:1: warning: escape sequence `\\/' treated as plain `/'\n",
  },
  {
    args: ["/a\\d/"],
    stdin: "ad\n",
    stdout: "ad\n",
    stderr: "awk: cmd. line:1: warning: regexp escape sequence `\\d' is not a known regexp operator\n",
  },
  {
    args: ['BEGIN { x = "\\y" }'],
    stdout: "",
    stderr: "awk: cmd. line:1: warning: escape sequence `\\y' treated as plain `y'\n",
  },
  {
    args: ["-v", "x-y=1", "BEGIN { }"],
    stdout: "",
    stderr: "awk: fatal: `x-y' is not a legal variable name\n",
    status: 2,
  },
  {
    args: ["-v", "x", "BEGIN { }"],
    stdout: "",
    stderr:
      "awk: `x' argument to `-v' not in `var=value' form\n\nUsage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
    status: 1,
  },
  {
    args: ["-f", "nope.awk"],
    stdout: "",
    stderr: "awk: fatal: cannot open source file `nope.awk' for reading: No such file or directory\n",
    status: 2,
  },
  { args: ["-f", "p.awk", "data"], files: { "p.awk": '{ print NR": "$0 }\n', data: "a\nb\n" }, stdout: "1: a\n2: b\n" },
  {
    args: ["-f", "p.awk", "-f", "q.awk"],
    stdin: "x\n",
    files: { "p.awk": "function f(x) { return x x }\n", "q.awk": "{ print f($0) }\n" },
    stdout: "xx\n",
  },
  {
    args: ["-f", "bad.awk"],
    files: { "bad.awk": "BEGIN {\n  print 1 +\n}\n" },
    stdout: "",
    stderr: "awk: bad.awk:3:   print 1 +\nawk: bad.awk:3:            ^ unexpected newline or end of string\n",
    status: 1,
  },
  {
    args: ["-f", "bad2.awk"],
    files: { "bad2.awk": "BEGIN {\n  x = 1\n  y = 0\n  print x / y\n}\n" },
    stdout: "",
    stderr: "awk: bad2.awk:4: fatal: division by zero attempted\n",
    status: 2,
  },
  { args: ["-e", "BEGIN { print 1 }", "-e", "BEGIN { print 2 }"], stdout: "1\n2\n" },
  { args: ["--", 'BEGIN { print "dd" }'], stdout: "dd\n" },
  { args: ["-F:", "-v", "OFS=-", "{ $1 = $1; print }"], stdin: "a:b:c\n", stdout: "a-b-c\n" },
  { args: ["-v", "n=3", "-v", "s=x y", "BEGIN { print n * 2, s }"], stdout: "6 x y\n" },
  { args: ["-vn=5", "BEGIN { print n }"], stdout: "5\n" },
  { args: ['BEGIN { printf "[%s]\\n", x }', "x=1"], stdout: "[]\n" },
  { args: ["{ print }", "-"], stdin: "stdin line\n", stdout: "stdin line\n" },
  { args: ["END { print NR }", "/dev/stdin"], stdin: "a\nb\n", stdout: "2\n" },
  { args: ['BEGIN { print ENVIRON["TZ"], ENVIRON["LC_ALL"] }'], stdout: "UTC C\n" },
  { args: ["BEGIN { print length(ENVIRON) > 0 }"], stdout: "" },
  { args: ["BEGIN { print ARGV[0] }"], stdout: "awk\n" },
  {
    args: [],
    stdout: "",
    stderr:
      "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
    status: 1,
  },
  {
    args: ["-z", "BEGIN{}"],
    stdout: "",
    stderr:
      "Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
    status: 1,
  },
  {
    args: ["-F"],
    stdout: "",
    stderr:
      "awk: option requires an argument -- F\nUsage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\nPOSIX options:\t\tGNU long options: (standard)\n\t-f progfile\t\t--file=progfile\n\t-F fs\t\t\t--field-separator=fs\n\t-v var=val\t\t--assign=var=val\nShort options:\t\tGNU long options: (extensions)\n\t-b\t\t\t--characters-as-bytes\n\t-c\t\t\t--traditional\n\t-C\t\t\t--copyright\n\t-d[file]\t\t--dump-variables[=file]\n\t-D[file]\t\t--debug[=file]\n\t-e 'program-text'\t--source='program-text'\n\t-E file\t\t\t--exec=file\n\t-g\t\t\t--gen-pot\n\t-h\t\t\t--help\n\t-i includefile\t\t--include=includefile\n\t-I\t\t\t--trace\n\t-l library\t\t--load=library\n\t-L[fatal|invalid|no-ext]\t--lint[=fatal|invalid|no-ext]\n\t-M\t\t\t--bignum\n\t-N\t\t\t--use-lc-numeric\n\t-n\t\t\t--non-decimal-data\n\t-o[file]\t\t--pretty-print[=file]\n\t-O\t\t\t--optimize\n\t-p[file]\t\t--profile[=file]\n\t-P\t\t\t--posix\n\t-r\t\t\t--re-interval\n\t-s\t\t\t--no-optimize\n\t-S\t\t\t--sandbox\n\t-t\t\t\t--lint-old\n\t-V\t\t\t--version\n\nTo report bugs, use the `gawkbug' program.\nFor full instructions, see the node `Bugs' in `gawk.info'\nwhich is section `Reporting Problems and Bugs' in the\nprinted version.  This same information may be found at\nhttps://www.gnu.org/software/gawk/manual/html_node/Bugs.html.\nPLEASE do NOT try to report bugs by posting in comp.lang.awk,\nor by using a web forum such as Stack Overflow.\n\ngawk is a pattern scanning and processing language.\nBy default it reads standard input and writes standard output.\n\nExamples:\n\tawk '{ sum += $1 }; END { print sum }' file\n\tawk -F: '{ print $1 }' /etc/passwd\n",
    status: 1,
  },
]
