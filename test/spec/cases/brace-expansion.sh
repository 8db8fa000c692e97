# Brace expansion: lists, ranges, nesting, and what is not a brace expansion.

#### comma list
echo a{b,c,d}e
## stdout: abe ace ade

#### numeric range
echo {1..5}
## stdout: 1 2 3 4 5

#### descending range
echo {5..1}
## stdout: 5 4 3 2 1

#### range with step
echo {1..10..3} {10..1..4}
## stdout: 1 4 7 10 10 6 2

#### letter range
echo {a..e} {e..a..2}
## stdout: a b c d e e c a

#### zero padded range
echo {01..10..3} {8..010}
## stdout: 01 04 07 10 008 009 010

#### negative range
echo {-2..2}
## stdout: -2 -1 0 1 2

#### nested braces
echo {a,b{1,2},c}
## stdout: a b1 b2 c

#### two braces make a cross product
echo {a,b}{1,2}
## stdout: a1 a2 b1 b2

#### empty alternative
echo x{,y}z
## stdout: xz xyz

#### single element is not expanded
echo {a} {a..}
## stdout: {a} {a..}

#### quoted braces are literal
echo "{a,b}" '{1..3}' \{a,b\}
## stdout: {a,b} {1..3} {a,b}

#### brace expansion happens before parameter expansion
x=1 y=3
echo {$x..$y}
echo {a,$x}
## STDOUT:
{1..3}
a 1
## END

#### braces in an assignment are not expanded
x={a,b}
echo "$x"
## stdout: {a,b}

#### brace expansion with prefix path
echo /tmp/{a,b}/file
## stdout: /tmp/a/file /tmp/b/file

#### brace expansion creates files
mkdir -p d/{x,y}
touch d/{x,y}/{1,2}.txt
ls d/x d/y
## STDOUT:
d/x:
1.txt
2.txt

d/y:
1.txt
2.txt
## END

#### brace with quoted parts inside
echo {'a b',c}
## stdout: a b c

#### mixed letter and number range is not expanded
echo {a..3}
## stdout: {a..3}

#### brace expansion in a for loop
for i in {1..3}; do printf '%s,' "$i"; done
echo
## stdout: 1,2,3,

#### comma inside quotes does not split alternatives
printf '<%s>\n' {"a,b",c}
## STDOUT:
<a,b>
<c>
## END

#### dollar-brace is not brace expansion
x=v
echo ${x}{1,2}
## stdout: v1 v2
