# read: -r, -a, -d, -n, IFS splitting, loops.

#### read a line into a variable
read -r line <<< 'hello world'
echo "[$line]"
## stdout: [hello world]

#### read splits into several variables
read -r a b c <<< 'one two three four'
echo "$a|$b|$c"
## stdout: one|two|three four

#### read with fewer words than variables
read -r a b c <<< 'only'
echo "$a|$b|$c"
## stdout: only||

#### read into REPLY by default
read <<< 'default var'
echo "$REPLY"
## stdout: default var

#### read trims leading and trailing whitespace
read -r x <<< '   padded   '
echo "[$x]"
## stdout: [padded]

#### REPLY keeps whitespace
read -r <<< '   padded   '
echo "[$REPLY]"
## stdout: [   padded   ]

#### read without -r handles backslashes
read x <<< 'a\tb\\c'
echo "$x"
## stdout: atb\c

#### read -r keeps backslashes
read -r x <<< 'a\tb\\c'
echo "$x"
## stdout: a\tb\\c

#### read without -r joins continued lines
printf 'one \\\ntwo\n' | { read x; echo "$x"; }
## stdout: one two

#### read with a custom IFS
IFS=: read -r user pass uid <<< 'root:x:0:extra'
echo "$user $uid"
## stdout: root 0:extra

#### read IFS keeps empty fields between delimiters
IFS=, read -r a b c <<< 'x,,z'
echo "[$a][$b][$c]"
## stdout: [x][][z]

#### read -a into an array
read -ra arr <<< 'a b c'
echo ${#arr[@]} ${arr[1]}
## stdout: 3 b

#### read -d with a delimiter
read -r -d ';' x <<< 'first;second'
echo "$x"
## stdout: first

#### read -d empty reads to NUL
printf 'a\nb\0c' | { read -r -d '' x; echo "[$x]"; }
## STDOUT:
[a
b]
## END

#### read -n reads a number of characters
read -r -n 3 x <<< 'abcdef'
echo "$x"
## stdout: abc

#### read -N ignores delimiters
printf 'a\nbc' | { read -r -N 3 x; echo "[$x]"; }
## STDOUT:
[a
b]
## END

#### read status at end of input
read -r x < /dev/null
echo "status $? [$x]"
## stdout: status 1 []

#### read last line without newline
printf 'a\nb' | { while read -r l; do echo "got $l"; done; echo "left [$l]"; }
## STDOUT:
got a
left [b]
## END

#### loop that also handles a last line without newline
printf 'a\nb' | while read -r l || [ -n "$l" ]; do echo "got $l"; done
## STDOUT:
got a
got b
## END

#### while read over a file
printf '1 one\n2 two\n' > f
while read -r n w; do echo "$w=$n"; done < f
## STDOUT:
one=1
two=2
## END

#### while read over a pipe
seq 3 | while read -r n; do echo $((n * n)); done
## STDOUT:
1
4
9
## END

#### read from stdin of the script
read -r first
read -r second
echo "$second $first"
## STDIN:
alpha
beta
## END
## stdout: beta alpha

#### read -p prompt goes to stderr only when interactive
read -r -p 'prompt> ' x <<< 'v'
echo "$x"
## stdout: v

#### read with IFS empty keeps whitespace
IFS= read -r x <<< '  keep  '
echo "[$x]"
## stdout: [  keep  ]

#### read consumes only one line from a shared file descriptor
printf 'l1\nl2\nl3\n' > f
{ read -r a; read -r b; cat; } < f
echo "$a $b"
## STDOUT:
l3
l1 l2
## END

#### read from a here-doc with multiple lines
{ read -r a; read -r b; } <<EOF
first
second
EOF
echo "$b/$a"
## stdout: second/first

#### read -s and -t accepted non-interactively
read -r -t 1 x <<< 'timed'
echo "$x"
## stdout: timed

#### read invalid variable name
read -r 'bad-name' <<< x
echo "status $?"
## stdout: status 1
## stderr-contains: `bad-name': not a valid identifier
