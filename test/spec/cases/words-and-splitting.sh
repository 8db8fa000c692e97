# Field splitting with IFS, "$@" versus $*, and empty arguments.

#### unquoted variable splits on spaces tabs and newlines
x=$'a b\tc\nd'
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
<c>
<d>
## END

#### leading and trailing whitespace is dropped
x='  a  b  '
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
## END

#### custom IFS character
IFS=:
x='a:b::c'
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
<>
<c>
## END

#### trailing non-whitespace IFS delimiter makes no empty field
IFS=:
x='a:b:'
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
## END

#### leading non-whitespace IFS delimiter makes an empty field
IFS=:
x=':a'
printf '<%s>\n' $x
## STDOUT:
<>
<a>
## END

#### IFS whitespace around a non-whitespace delimiter
IFS=' :'
x='a : b  c'
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
<c>
## END

#### empty IFS disables splitting
IFS=
x='a b c'
printf '<%s>\n' $x
## stdout: <a b c>

#### unset IFS splits on default whitespace
unset IFS
x=$'a\tb c'
printf '<%s>\n' $x
## STDOUT:
<a>
<b>
<c>
## END

#### literal text is not split by IFS
IFS=a
printf '<%s>\n' banana
## stdout: <banana>

#### splitting of command substitution
printf '<%s>\n' $(echo 'x  y'; echo z)
## STDOUT:
<x>
<y>
<z>
## END

#### empty unquoted variable disappears
e=
printf '<%s>\n' a $e b
## STDOUT:
<a>
<b>
## END

#### unquoted variable joined to text stays one word when not split
x=
printf '<%s>\n' a$x
## stdout: <a>

#### quoted at-sign keeps each argument
set -- 'a b' c ''
printf '<%s>\n' "$@"
## STDOUT:
<a b>
<c>
<>
## END

#### quoted star joins with first IFS character
set -- 'a b' c d
IFS=-
echo "$*"
## stdout: a b-c-d

#### quoted star with empty IFS joins with nothing
set -- a b c
IFS=
echo "$*"
## stdout: abc

#### quoted star with default IFS joins with space
set -- a b c
echo "$*"
## stdout: a b c

#### unquoted at-sign and star split again
set -- 'a b' c
printf '<%s>\n' $@
printf '[%s]\n' $*
## STDOUT:
<a>
<b>
<c>
[a]
[b]
[c]
## END

#### quoted at-sign with no arguments gives no words
set --
for a in "$@"; do echo "<$a>"; done
set -- "$@"
echo count=$#
## stdout: count=0

#### quoted star with no arguments gives one empty word
set --
printf '<%s>\n' "$*"
## stdout: <>

#### at-sign with prefix and suffix
set -- a b c
printf '<%s>\n' "x$@y"
## STDOUT:
<xa>
<b>
<cy>
## END

#### argument count
set -- a '' 'b c'
echo $#
## stdout: 3

#### positional parameters beyond nine need braces
set -- 1 2 3 4 5 6 7 8 9 10 11
echo $10 ${10} ${11}
## stdout: 10 10 11

#### assignment words are not split
x='a   b'
y=$x
echo "$y"
## stdout: a   b

#### splitting result feeds a for loop
list='one two  three'
for w in $list; do echo "[$w]"; done
## STDOUT:
[one]
[two]
[three]
## END

#### IFS newline only
IFS=$'\n'
x=$'a b\nc d'
printf '<%s>\n' $x
## STDOUT:
<a b>
<c d>
## END

#### IFS applies to unquoted array expansion
a=('x y' z)
printf '<%s>\n' ${a[@]}
## STDOUT:
<x>
<y>
<z>
## END

#### empty string argument in a command
printf '<%s>\n' "" | wc -l
## stdout: 1

#### dollar-star with custom IFS unquoted
set -- a:b c
IFS=:
printf '<%s>\n' $*
## STDOUT:
<a>
<b>
<c>
## END

#### double quoted empty at-sign inside other text
set --
printf '<%s>\n' "x$@"
## stdout: <x>

#### words from a variable keep glob characters when nothing matches
x='no*match'
echo $x
## stdout: no*match
