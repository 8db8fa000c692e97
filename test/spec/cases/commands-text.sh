# head tail wc grep sort uniq tee tr cut seq.

#### head defaults to ten lines
seq 20 | head
## STDOUT:
1
2
3
4
5
6
7
8
9
10
## END

#### head -n and the short form
seq 5 | head -n 2
seq 5 | head -3
## STDOUT:
1
2
1
2
3
## END

#### head -n negative drops the last lines
seq 5 | head -n -2
## STDOUT:
1
2
3
## END

#### head -c counts bytes
echo abcdef | head -c 3
## stdout-json: "abc"

#### head of several files prints headers
echo a > x
echo b > y
head -n 1 x y
## STDOUT:
==> x <==
a

==> y <==
b
## END

#### tail defaults to ten lines
seq 12 | tail
## STDOUT:
3
4
5
6
7
8
9
10
11
12
## END

#### tail -n and plus form
seq 5 | tail -n 2
seq 5 | tail -n +4
## STDOUT:
4
5
4
5
## END

#### tail -c
echo abcdef | tail -c 3
## stdout: ef

#### tail of a file without final newline
printf 'a\nb' > f
tail -n 1 f
## stdout-json: "b"

#### wc counts lines words bytes
printf 'one two\nthree\n' > f
wc f
wc -l f
wc -w < f
wc -c < f
## STDOUT:
 2  3 14 f
2 f
3
14
## END

#### wc from stdin
printf 'a b\nc\n' | wc
## stdout:       2       3       6

#### wc of several files with a total
echo a > x
printf 'b\nc\n' > y
wc -l x y
## STDOUT:
1 x
2 y
3 total
## END

#### wc -l counts newlines only
printf 'a\nb' | wc -l
## stdout: 1

#### grep matching lines
printf 'apple\nbanana\ncherry\n' | grep an
## stdout: banana

#### grep status
echo abc | grep -q b; echo $?
echo abc | grep -q z; echo $?
grep x missing 2>/dev/null; echo $?
## STDOUT:
0
1
2
## END

#### grep -v -c -n -i
printf 'A\nb\na\n' > f
grep -v a f
grep -c -i a f
grep -n a f
grep -i a f
## STDOUT:
A
b
2
3:a
A
a
## END

#### grep -o and -w
echo 'cat catalog cat' | grep -o cat
echo 'cat catalog' | grep -wo 'cat[a-z]*'
## STDOUT:
cat
cat
cat
cat
catalog
## END

#### grep extended and basic regex
printf 'aa\nab\nb\n' > f
grep -E 'a+b?$' f
grep 'a\{2\}' f
## STDOUT:
aa
ab
aa
## END

#### grep -F fixed strings
printf 'a.c\nabc\n' | grep -F a.c
## stdout: a.c

#### grep several files prefixes names
echo hit > a
echo miss > b
echo hit > c
grep hit a b c
grep -l hit a b c
grep -h hit a c
## STDOUT:
a:hit
c:hit
a
c
hit
hit
## END

#### grep -r through a tree
mkdir -p d/e
echo needle > d/e/f
echo hay > d/g
grep -r needle d
## stdout: d/e/f:needle

#### grep -e several patterns
printf 'a\nb\nc\n' | grep -e a -e c
## STDOUT:
a
c
## END

#### grep missing file message
grep x missing
echo "status $?"
## stdout: status 2
## stderr-contains: grep: missing: No such file or directory

#### sort lines
printf 'b\na\nc\n' | sort
## STDOUT:
a
b
c
## END

#### sort -r -n -u
printf '10\n9\n100\n9\n' | sort -n
printf '10\n9\n100\n9\n' | sort -rn
printf 'b\na\nb\n' | sort -u
## STDOUT:
9
9
10
100
100
10
9
9
a
b
## END

#### sort by key and separator
printf 'x:3\ny:1\nz:2\n' | sort -t: -k2 -n
## STDOUT:
y:1
z:2
x:3
## END

#### sort in C locale puts uppercase first
printf 'b\nB\na\nA\n' | sort
## STDOUT:
A
B
a
b
## END

#### sort -k with multiple fields
printf 'a 2\nb 1\nc 2\n' | sort -k2,2 -k1,1r
## STDOUT:
b 1
c 2
a 2
## END

#### uniq collapses adjacent duplicates
printf 'a\na\nb\na\n' | uniq
## STDOUT:
a
b
a
## END

#### uniq -c -d -u
printf 'a\na\nb\nc\nc\n' > f
uniq -c f
uniq -d f
uniq -u f
## STDOUT:
      2 a
      1 b
      2 c
a
c
b
## END

#### sort piped to uniq -c
printf 'x\ny\nx\nx\n' | sort | uniq -c | sort -rn
## STDOUT:
      3 x
      1 y
## END

#### tee writes to files and stdout
echo data | tee a b
cat a b
## STDOUT:
data
data
data
## END

#### tee -a appends
echo one > f
echo two | tee -a f > /dev/null
cat f
## STDOUT:
one
two
## END

#### tr translates and ranges
echo hello | tr a-y b-z
echo hello | tr 'a-z' 'A-Z'
## STDOUT:
ifmmp
HELLO
## END

#### tr -d deletes and -s squeezes
echo 'a  b   c' | tr -s ' '
echo 'h-e-l-l-o' | tr -d -
## STDOUT:
a b c
hello
## END

#### tr classes and complement
echo 'ab12cd' | tr -d '[:digit:]'
echo 'ab12cd' | tr -cd '[:digit:]'
echo
## STDOUT:
abcd
12
## END

#### tr newline to comma
printf 'a\nb\nc\n' | tr '\n' ,
## stdout-json: "a,b,c,"

#### cut fields
echo 'a:b:c:d' | cut -d: -f2
echo 'a:b:c:d' | cut -d: -f1,3
echo 'a:b:c:d' | cut -d: -f2-
## STDOUT:
b
a:c
b:c:d
## END

#### cut characters
echo abcdef | cut -c2-4
echo abcdef | cut -c1,6
## STDOUT:
bcd
af
## END

#### cut default tab delimiter and lines without delimiter
printf 'a\tb\nnodelim\n' | cut -f2
printf 'a\tb\nnodelim\n' | cut -s -f2
## STDOUT:
b
nodelim
b
## END

#### seq forms
seq 3
seq 2 4
seq 1 3 10
seq 3 -1 1
## STDOUT:
1
2
3
2
3
4
1
4
7
10
3
2
1
## END

#### seq -s and -w
seq -s , 5
seq -w 8 10
## STDOUT:
1,2,3,4,5
08
09
10
## END

#### seq with nothing to print
seq 5 1
echo "status $?"
## stdout: status 0

#### a text pipeline
printf 'b 2\na 1\nb 3\na 4\n' | cut -d' ' -f1 | sort | uniq -c | tr -s ' ' | cut -d' ' -f2-
## STDOUT:
2 a
2 b
## END

#### head and tail together select a range
seq 10 | head -n 6 | tail -n 2
## STDOUT:
5
6
## END
