# Quoting: single, double, $'...', backslashes, and what each one protects.

#### single quotes keep everything literal
echo 'a $HOME `x` \n "q"'
## stdout: a $HOME `x` \n "q"

#### double quotes expand parameters
x=world
echo "hello $x"
## stdout: hello world

#### double quotes keep spaces
x='a   b'
echo "$x"
echo $x
## STDOUT:
a   b
a b
## END

#### backslash escapes inside double quotes
echo "a\$b \"c\" \\d \e"
## stdout: a$b "c" \d \e

#### backslash outside quotes
echo a\ b \$x \\ \'
## stdout: a b $x \ '

#### backslash-newline joins lines
echo abc\
def
## stdout: abcdef

#### backslash-newline inside double quotes
echo "abc\
def"
## stdout: abcdef

#### backslash-newline inside single quotes is kept
echo 'abc\
def'
## STDOUT:
abc\
def
## END

#### adjacent quoted parts form one word
x=1
printf '<%s>\n' 'a'"b"c"$x"'$x'
## stdout: <abc1$x>

#### empty quotes make an empty argument
printf '<%s>\n' '' "" a
## STDOUT:
<>
<>
<a>
## END

#### dollar-single-quote escapes
printf '%s\n' $'a\tb' $'c\nd' $'\x41\101\u0042' $'it\'s'
## STDOUT:
a	b
c
d
AAB
it's
## END

#### dollar-double-quote is a plain string in the C locale
echo $"hello"
## stdout: hello

#### single quote inside double quotes
echo "it's"
## stdout: it's

#### double quote inside single quotes
echo 'say "hi"'
## stdout: say "hi"

#### quoted glob characters are literal
touch a b
echo '*' "*" \*
## stdout: * * *

#### quoted variable holding a glob is not expanded
touch a b
x='*'
echo "$x"
echo $x
## STDOUT:
*
a b
## END

#### command substitution inside double quotes keeps newlines
echo "$(printf 'a\nb')"
## STDOUT:
a
b
## END

#### nested double quotes inside command substitution
x="outer $(echo "inner $(echo "deep")")"
echo "$x"
## stdout: outer inner deep

#### quoted tilde is not expanded
HOME=/h
echo "~" '~' ~
## stdout: ~ ~ /h

#### backslash before an ordinary letter in double quotes stays
echo "\a\b"
## stdout: \a\b

#### backtick escaped in double quotes
echo "\`echo hi\`"
## stdout: `echo hi`

#### arithmetic in double quotes
echo "$((1 + 2))"
## stdout: 3

#### quoted reserved word is a command name
'if' 2>/dev/null
echo $?
## stdout: 127

#### hash starts a comment only at word start
echo a#b # comment
echo '#' x
## STDOUT:
a#b
# x
## END

#### quote removal of an assignment value
x="a b"'c d'
echo "$x"
## stdout: a bc d

#### semicolon and pipe inside quotes are literal
echo 'a;b|c&d'
echo "a;b|c&d"
## STDOUT:
a;b|c&d
a;b|c&d
## END

#### dollar at end of word is literal
echo $ a$ "$"
## stdout: $ a$ $

#### escaped backslash and quotes in dollar-single-quote
printf '%s|' $'a\\b' $'\"' $'\''
echo
## stdout: a\b|"|'|

#### quoted empty variable is one empty argument
e=
set -- "$e" $e
echo $#
## stdout: 1

#### printf %q quotes for reuse
printf '%q\n' 'a b' "it's" ''
## STDOUT:
a\ b
it\'s
''
## END
