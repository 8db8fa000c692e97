# sed: addresses, commands, substitution, regex dialects, in-place editing, errors.

#### substitute the first match on each line
printf 'foo foo\nbar foo\n' | sed 's/foo/X/'
## STDOUT:
X foo
bar X
## END

#### substitute globally and the Nth match
echo aaaa | sed 's/a/b/g'
echo aaaa | sed 's/a/b/3'
echo aaaa | sed 's/a/b/2g'
## STDOUT:
bbbb
aaba
abbb
## END

#### print a line range with -n
seq 10 | sed -n '3,5p'
## STDOUT:
3
4
5
## END

#### last line and negation
seq 5 | sed -n '$p'
seq 5 | sed '$!d'
seq 3 | sed '2!s/^/>/'
## STDOUT:
5
5
>1
2
>3
## END

#### regex ranges, step and relative addresses
seq 12 | sed -n '/4/,/6/p'
seq 10 | sed -n '0~4p'
seq 10 | sed -n '/7/,+2p'
## STDOUT:
4
5
6
4
8
7
8
9
## END

#### 0,/re/ ends at the first line when it matches
printf 'x\ny\nx\n' | sed '0,/x/s/x/FIRST/'
printf 'x\ny\nx\n' | sed '1,/x/s/x/R/'
## STDOUT:
FIRST
y
x
R
y
R
## END

#### delete comment and blank lines
printf '# c\nkeep\n\n  # indented\nalso\n' | sed '/^[[:space:]]*#/d;/^$/d'
## STDOUT:
keep
also
## END

#### back-references and the whole match
echo 'John Smith' | sed 's/\(\w*\) \(\w*\)/\2, \1/'
echo 'key=value' | sed 's/=.*/[&]/'
echo 'a.b' | sed 's/\./\&/'
## STDOUT:
Smith, John
key[=value]
a&b
## END

#### extended regexes with -E and -r
echo 'v1.22.333' | sed -E 's/([0-9]+)/<\1>/g'
echo 'aaa bbb' | sed -r 's/(a+|b+)/X/2'
echo 'a+b' | sed 's/a+b/plus/'
## STDOUT:
v<1>.<22>.<333>
aaa X
plus
## END

#### GNU extensions in basic regexes
echo 'aaa-bbb' | sed 's/a\+/A/;s/x\?-/_/;s/b\{2\}/B/'
echo 'cat dog bird' | sed 's/cat\|bird/pet/g'
## STDOUT:
A_Bb
pet dog pet
## END

#### POSIX leftmost-longest alternation
echo abcd | sed -E 's/a|ab/X/'
echo xyz | sed 's/x*\|xy/[&]/'
## STDOUT:
Xcd
[xy]z
## END

#### character classes and bracket expressions
echo 'Ab1 _-]x' | sed 's/[[:upper:]]/U/;s/[[:digit:]]/D/;s/[]-]/Y/g;s/[^[:alnum:] ]/./g'
## STDOUT:
UbD .YYx
## END

#### word boundaries and escapes
echo 'cat concat cats' | sed 's/\<cat\>/DOG/g'
echo 'a b	c' | sed 's/\s/_/g'
echo 'hello world' | sed 's/\bw/W/'
## STDOUT:
DOG concat cats
a_b_c
hello World
## END

#### case conversion in the replacement
echo 'hello world' | sed 's/\w\+/\u&/g'
echo 'Hello World' | sed 's/.*/\U&/'
echo 'MiXeD' | sed -E 's/(.)(.*)/\1\L\2/'
echo 'foo bar' | sed -E 's/(foo) (bar)/\U\1\E \2/'
## STDOUT:
Hello World
HELLO WORLD
Mixed
FOO bar
## END

#### newline and tab in the replacement
echo 'a,b' | sed 's/,/\n/'
echo 'a,b' | sed 's/,/\t/' | od -c | head -1
## STDOUT:
a
b
0000000   a  \t   b  \n
## END

#### empty regex reuses the last one
printf 'foo\nbar\n' | sed -n '/o/s//0/gp'
## stdout: f00

#### alternate delimiters
echo /usr/local/bin | sed 's|/usr/local|/opt|'
echo a:b | sed 's:\::-:'
echo path | sed '\,p,s,,P,'
## STDOUT:
/opt/bin
a-b
Path
## END

#### transliterate with y
echo hello | sed 'y/abcdefghij/ABCDEFGHIJ/'
printf 'a\nb\n' | sed 'N;y/\n/ /'
## STDOUT:
HEllo
a b
## END

#### append, insert and change, one-liner and classic forms
printf '1\n2\n' | sed '1a after one'
printf '1\n2\n' | sed '2i\
before two'
printf '1\n2\n3\n' | sed '2c\changed'
printf '1\n2\n' | sed '$a\  indented'
## STDOUT:
1
after one
2
1
before two
2
1
changed
3
1
2
  indented
## END

#### change a range prints the text once
seq 5 | sed '2,4c gone'
## STDOUT:
1
gone
5
## END

#### join all lines with a loop
printf 'a\nb\nc\n' | sed ':a;N;$!ba;s/\n/,/g'
## stdout: a,b,c

#### N, P and D keep a sliding window
printf '1\n2\n3\n4\n' | sed -n '$!N;P;D'
printf 'a\na\nb\nb\nb\nc\n' | sed '$!N;/^\(.*\)\n\1$/!P;D'
## STDOUT:
1
2
3
4
a
b
c
## END

#### hold space reverses lines
printf 'a\nb\nc\n' | sed -n '1!G;h;$p'
## STDOUT:
c
b
a
## END

#### t branches after a substitution
echo 'aaa' | sed ':x;s/a/b/;tx'
echo 'x1' | sed -e 's/1/one/;T' -e 's/$/!/'
echo 'x2' | sed -e 's/1/one/;T' -e 's/$/!/'
## STDOUT:
bbb
xone!
x2
## END

#### line numbers, l and file names
printf 'a\tb\n' > f
sed -n '$=' f
sed -n 'l' f
sed -n 'F' f
## STDOUT:
1
a\tb$
f
## END

#### q and Q with exit codes
seq 5 | sed 2q
seq 5 | sed 3q7; echo "status $?"
seq 5 | sed 2Q; echo "status $?"
## STDOUT:
1
2
1
2
3
status 7
1
status 0
## END

#### missing final newline is preserved
printf 'a\nb' | sed 's/b/B/' | od -c | head -1
printf 'a\nb' | sed p | od -c | head -1
## STDOUT:
0000000   a  \n   B
0000000   a  \n   a  \n   b  \n   b
## END

#### in-place editing with and without backup
printf 'one\ntwo\n' > f
sed -i 's/one/1/' f
cat f
sed -i.bak 's/two/2/' f
cat f f.bak
## STDOUT:
1
two
1
2
1
two
## END

#### in-place treats files separately
printf 'a\nb\n' > x
printf 'c\nd\n' > y
sed -i '1d;$s/$/!/' x y
cat x y
## STDOUT:
b!
d!
## END

#### -s restarts line numbers and $ per file
printf 'a\nb\n' > x
printf 'c\nd\n' > y
sed -n '$p' x y
sed -s -n '$p' x y
sed -s '1i --' x y
## STDOUT:
d
b
d
--
a
b
--
c
d
## END

#### w writes matching lines to a file, r reads one in
printf 'ok 1\nerr 2\nok 3\n' > log
sed -n '/err/w errors' log
cat errors
printf 'INSERTED\n' > ins
printf 'a\nb\n' | sed '1r ins'
## STDOUT:
err 2
a
INSERTED
b
## END

#### several -e and -f pieces
printf 's/a/A/\n' > script.sed
echo abc | sed -e 's/b/B/' -f script.sed -e 's/c/C/'
## stdout: ABC

#### null-separated data with -z
printf 'a\0b\0' | sed -z 's/^/>/' | tr '\0' '\n'
## STDOUT:
>a
>b
## END

#### bytes outside ASCII pass through untouched
printf 'caf\351 \377\n' | sed 's/ /_/' | od -An -c
## STDOUT:
   c   a   f 351   _ 377  \n
## END

#### unterminated s command
sed 's/a/b' < /dev/null; echo "status $?"
## stdout: status 1
## stderr-contains: sed: -e expression #1, char 5: unterminated `s' command

#### unknown command and unknown option to s
sed 'k' < /dev/null; echo "status $?"
sed 's/a/b/x' < /dev/null; echo "status $?"
## STDOUT:
status 1
status 1
## END
## stderr-contains: sed: -e expression #1, char 1: unknown command: `k'
## stderr-contains: sed: -e expression #1, char 7: unknown option to `s'

#### regex errors are reported as glibc words them
sed 's/\(a/b/' < /dev/null; echo "status $?"
sed -E 's/a{2,1}/b/' < /dev/null; echo "status $?"
## STDOUT:
status 1
status 1
## END
## stderr-contains: char 8: Unmatched ( or \(
## stderr-contains: char 11: Invalid content of \{\}

#### missing input file gives status 2 and goes on
echo x > f
sed p nofile f; echo "status $?"
## STDOUT:
x
x
status 2
## END
## stderr-contains: sed: can't read nofile: No such file or directory

#### unknown label and missing command
sed 'b nowhere' < /dev/null; echo "status $?"
sed '1,3' < /dev/null; echo "status $?"
## STDOUT:
status 4
status 1
## END
## stderr-contains: sed: can't find label for jump to `nowhere'
## stderr-contains: sed: -e expression #1, char 3: missing command

#### print the first matching line and stop
printf 'a1\nb2\nb3\n' | sed -n '/^b/{p;q}'
## stdout: b2

#### trim trailing blanks and indent every line
printf 'x  \n y\t\n' | sed -E 's/[[:space:]]+$//;s/^/> /'
## STDOUT:
> x
>  y
## END

#### drop the first and last lines
seq 5 | sed '1d;$d'
## STDOUT:
2
3
4
## END

#### numbered lines with = and N
printf 'a\nb\n' | sed = | sed 'N;s/\n/: /'
## STDOUT:
1: a
2: b
## END

#### comments and blank commands in a script file
printf '# swap words\ns/\\(\\w*\\) \\(\\w*\\)/\\2 \\1/\n\n# done\n' > swap.sed
echo 'one two' | sed -f swap.sed
## stdout: two one

#### in-place on a missing file reports and keeps going
printf 'a\n' > f
sed -i 's/a/b/' nofile f; echo "status $?"
cat f
## STDOUT:
status 2
b
## END
## stderr-contains: sed: can't read nofile: No such file or directory
