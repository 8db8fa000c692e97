# awk (GNU Awk 5.2 behaviour), on files and pipes each case creates.

#### print a column
printf 'alice 30\nbob 25\n' | awk '{ print $2 }'
## STDOUT:
30
25
## END

#### sum a column
printf '1 10\n2 20\n3 30\n' > nums
awk '{ s += $2 } END { print s }' nums
## stdout: 60

#### -F with a single character
printf 'a:b:c\nd:e:f\n' | awk -F: '{ print $3, NF }'
## STDOUT:
c 3
f 3
## END

#### -F with a regex and OFS
echo 'a, b,c' | awk -F', *' -v OFS='|' '{ $1 = $1; print }'
## stdout: a|b|c

#### -F tab escape
printf 'x\ty\tz\n' | awk -F'\t' '{ print $2 }'
## stdout: y

#### pattern and range
printf '1\n2\n3\n4\n5\n' | awk 'NR == 2, NR == 4 { print "in", $0 } $0 > 4'
## STDOUT:
in 2
in 3
in 4
5
## END

#### regex pattern and counting
printf 'GET /a\nPOST /b\nGET /c\n' | awk '/^GET/ { n++ } END { print n }'
## stdout: 2

#### group by with sort
printf 'x 1\ny 2\nx 3\n' | awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }' | sort
## STDOUT:
x 4
y 2
## END

#### printf formats
awk 'BEGIN { printf "%5.2f|%-4s|%03d|%x|%e\n", 3.14159, "ab", 7, 255, 12345 }'
## stdout:  3.14|ab  |007|ff|1.234500e+04

#### number output uses OFMT and integers print whole
awk 'BEGIN { print 1/3, 2^31, 1e6, 0.1 + 0.2; OFMT = "%.2f"; print 1/3 }'
## STDOUT:
0.333333 2147483648 1000000 0.3
0.33
## END

#### string functions
awk 'BEGIN { s = "Hello, World"; print length(s), toupper(s), substr(s, 8), index(s, "World") }'
## stdout: 12 HELLO, WORLD World 8

#### sub and gsub with ampersand
echo 'aaa bbb' | awk '{ n = gsub(/a/, "[&]"); sub(/b+/, "X"); print n, $0 }'
## stdout: 3 [a][a][a] X

#### split with a separator
awk 'BEGIN { n = split("a:b:c", parts, ":"); print n, parts[1], parts[3] }'
## stdout: 3 a c

#### match sets RSTART and RLENGTH
awk 'BEGIN { if (match("foo123bar", /[0-9]+/)) print RSTART, RLENGTH }'
## stdout: 4 3

#### gensub and match with an array
awk 'BEGIN { print gensub(/([a-z]+)-([0-9]+)/, "\\2:\\1", "g", "ab-12 cd-34"); match("k=v", /(.)=(.)/, m); print m[1], m[2] }'
## STDOUT:
12:ab 34:cd
k v
## END

#### user functions and recursion
awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) } BEGIN { print fact(10) }'
## stdout: 3628800

#### arrays are passed by reference
awk 'function fill(a, n,   i) { for (i = 1; i <= n; i++) a[i] = i * i } BEGIN { fill(sq, 3); print sq[1], sq[2], sq[3], length(sq) }'
## stdout: 1 4 9 3

#### assigning a field rebuilds the record
echo 'a b c' | awk '{ $2 = "X"; print; $5 = "E"; print; print NF }'
## STDOUT:
a X c
a X c  E
5
## END

#### NF can shrink a record
echo 'a b c d' | awk '{ NF = 2; print }'
## stdout: a b

#### strnum comparison of fields
printf '10 9\nabc abd\n2 10\n' | awk '{ print ($1 < $2) }'
## STDOUT:
0
1
1
## END

#### next and exit with a status
printf 'a\nb\nc\n' | awk 'NR == 1 { next } { print } NR == 2 { exit 3 }'
echo "status $?"
## STDOUT:
b
status 3
## END

#### END runs after exit in BEGIN
awk 'BEGIN { print "begin"; exit } END { print "end" }'
## STDOUT:
begin
end
## END

#### paragraph mode
printf 'a b\nc\n\n\nd\n' | awk 'BEGIN { RS = "" } { print NR ": " $1 "/" NF }'
## STDOUT:
1: a/3
2: d/1
## END

#### regex RS and RT
printf 'a1b22c' | awk 'BEGIN { RS = "[0-9]+" } { print $0, RT }'
## stdout-json: "a 1\nb 22\nc \n"

#### -v and command-line assignments
printf 'x\n' > f1
printf 'y\n' > f2
awk -v pre='>' '{ print pre, tag, $0 }' tag=one f1 tag=two f2
## STDOUT:
> one x
> two y
## END

#### FILENAME FNR and NR across files
printf 'a\nb\n' > f1
printf 'c\n' > f2
awk '{ print FILENAME, FNR, NR }' f1 f2
## STDOUT:
f1 1 1
f1 2 2
f2 1 3
## END

#### getline from a file
printf 'one\ntwo\n' > f
awk 'BEGIN { while ((getline line < "f") > 0) n++; print n, line }'
## stdout: 2 two

#### getline from a command
awk 'BEGIN { "echo hello world" | getline; print $2; close("echo hello world") }'
## stdout: world

#### print to a file and read it back
awk 'BEGIN { print "saved" > "out.txt"; close("out.txt") }'
cat out.txt
## stdout: saved

#### print to a pipe
printf '3\n1\n2\n' | awk '{ print | "sort -n" } END { close("sort -n"); print "done" }'
## STDOUT:
1
2
3
done
## END

#### system returns the status
awk 'BEGIN { r = system("exit 4"); print "r=" r }'
## stdout: r=4

#### printf to stderr
awk 'BEGIN { print "oops" > "/dev/stderr"; print "ok" }'
## stdout: ok
## stderr-contains: oops

#### uninitialized values
awk 'BEGIN { print x + 0, "[" x "]", length(x), (x == 0), (x == "") }'
## stdout: 0 [] 0 1 1

#### in and delete
awk 'BEGIN { a["k"] = 1; print ("k" in a), ("z" in a); delete a["k"]; print length(a) }'
## STDOUT:
1 0
0
## END

#### multi-dimensional subscripts
awk 'BEGIN { a[1, 2] = 3; for (k in a) { split(k, p, SUBSEP); print p[1], p[2], a[k] } }'
## stdout: 1 2 3

#### syntax error
awk '{ print $1'
echo "status $?"
## STDOUT:
status 1
## END
## stderr-contains: awk: cmd. line:1: { print $1
## stderr-contains: ^ unexpected newline or end of string

#### division by zero is fatal
awk 'BEGIN { x = 0; print 1 / x }'
echo "status $?"
## stdout: status 2
## stderr-contains: awk: cmd. line:1: fatal: division by zero attempted

#### missing input file is fatal
awk '{ print }' nosuch
echo "status $?"
## stdout: status 2
## stderr-contains: awk: fatal: cannot open file `nosuch' for reading: No such file or directory

#### program from a file
printf '{ print NR ": " $0 }\n' > prog.awk
printf 'a\nb\n' | awk -f prog.awk
## STDOUT:
1: a
2: b
## END

#### uniq-like dedup keeps the first occurrence
printf 'b\na\nb\nc\na\n' | awk '!seen[$0]++'
## STDOUT:
b
a
c
## END

#### rand is repeatable with a seed
awk 'BEGIN { srand(42); printf "%.6f\n", rand() }'
## stdout: 0.246320

#### strftime in UTC
awk 'BEGIN { print strftime("%Y-%m-%d %H:%M:%S", 86400 * 365) }'
## stdout: 1971-01-01 00:00:00

#### gawk is the same command
echo 'a b' | gawk '{ print $2 }'
## stdout: b

#### FPAT splits quoted CSV fields
printf '"Smith, John",42\nJane,7\n' | awk 'BEGIN { FPAT = "([^,]+)|(\"[^\"]+\")" } { print $1 "|" $2 }'
## STDOUT:
"Smith, John"|42
Jane|7
## END

#### PROCINFO sorted_in orders for-in
printf 'b\na\nc\na\n' | awk '{ n[$1]++ } END { PROCINFO["sorted_in"] = "@ind_str_asc"; for (k in n) print k, n[k] }'
## STDOUT:
a 2
b 1
c 1
## END

#### for-in visits keys in gawk's order
awk 'BEGIN { split("x y z", a); a["k"] = 1; for (i in a) printf "%s,", i; print "" }'
## stdout: k,1,2,3,

#### awk stops when its reader goes away
seq 1 100000 | awk '{ print }' | head -2
## STDOUT:
1
2
## END

#### asort and asorti
awk 'BEGIN { a["x"] = 3; a["y"] = 1; a["z"] = 2; n = asort(a, v); m = asorti(a, k); print n, v[1], v[3], k[1], k[3] }'
## stdout: 3 1 3 x z
