# test, [ and [[: strings, integers, files, =~, && || ! inside.

#### string equality with test
test abc = abc; echo $?
test abc = abd; echo $?
test abc != abd; echo $?
## STDOUT:
0
1
0
## END

#### bracket form needs the closing bracket
[ a = a ] && echo yes
[ a = a
echo "status $?"
## STDOUT:
yes
status 2
## END
## stderr-contains: missing `]'

#### empty and non-empty strings
e=
[ -z "$e" ] && echo z
[ -n "$e" ] || echo not-n
[ -n x ] && echo n
[ x ] && echo bare
[ "" ] || echo empty-false
## STDOUT:
z
not-n
n
bare
empty-false
## END

#### integer comparisons
[ 5 -eq 5 ] && echo eq
[ 5 -ne 3 ] && echo ne
[ 2 -lt 10 ] && echo lt
[ 10 -le 10 ] && echo le
[ 10 -gt 2 ] && echo gt
[ 2 -ge 3 ] || echo not-ge
## STDOUT:
eq
ne
lt
le
gt
not-ge
## END

#### string comparison is lexical but integer comparison is numeric
[ 10 \< 9 ] && echo string-less
[ 10 -lt 9 ] || echo not-int-less
## STDOUT:
string-less
not-int-less
## END

#### integer expression expected
[ abc -eq 1 ]
echo "status $?"
## stdout: status 2
## stderr-contains: abc: integer expression expected

#### negation and combinations in test
[ ! -z x ] && echo negated
[ a = a -a b = b ] && echo and
[ a = b -o b = b ] && echo or
## STDOUT:
negated
and
or
## END

#### file tests
mkdir d
echo data > f
touch empty
[ -e f ] && echo exists
[ -f f ] && echo regular
[ -d d ] && echo directory
[ -f d ] || echo dir-not-file
[ -s f ] && echo non-empty
[ -s empty ] || echo empty-file
[ -e missing ] || echo missing
[ -r f ] && echo readable
## STDOUT:
exists
regular
directory
dir-not-file
non-empty
empty-file
missing
readable
## END

#### double brackets string equality and patterns
[[ abc == abc ]] && echo eq
[[ abc == a* ]] && echo glob
[[ abc == "a*" ]] || echo quoted-literal
[[ abc != x* ]] && echo ne
## STDOUT:
eq
glob
quoted-literal
ne
## END

#### double brackets do not split or glob variables
touch a b
v='x y'
[[ $v == 'x y' ]] && echo no-split
g='*'
[[ $g == '*' ]] && echo no-glob
## STDOUT:
no-split
no-glob
## END

#### double brackets logical operators
[[ -n a && -z '' ]] && echo and
[[ -z a || -n b ]] && echo or
[[ ! -z a ]] && echo not
[[ ( a == b || c == c ) && d == d ]] && echo grouped
## STDOUT:
and
or
not
grouped
## END

#### double brackets string less than
[[ apple < banana ]] && echo less
[[ b > a ]] && echo greater
## STDOUT:
less
greater
## END

#### double brackets integer comparison with arithmetic
x=5
[[ x+1 -eq 6 ]] && echo arith
[[ 010 -eq 8 ]] && echo octal
## STDOUT:
arith
octal
## END

#### regex match sets BASH_REMATCH
[[ 'key=value' =~ ^([a-z]+)=(.*)$ ]] && echo "${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}"
## stdout: key=value key value

#### regex no match
[[ abc =~ ^x ]]
echo "status $?"
## stdout: status 1

#### regex from a variable
re='[0-9]+'
[[ 'abc123def' =~ $re ]] && echo "${BASH_REMATCH[0]}"
## stdout: 123

#### quoted regex is literal
[[ 'a.c' =~ "a.c" ]] && echo literal-dot
[[ 'abc' =~ "a.c" ]] || echo no-match
## STDOUT:
literal-dot
no-match
## END

#### invalid regex status
re='('
[[ a =~ $re ]]
echo "status $?"
## stdout: status 2

#### regex partial match anywhere
[[ 'hello world' =~ o\ w ]] && echo found
## stdout: found

#### double brackets -v tests a variable is set
x=
[[ -v x ]] && echo x-set
[[ -v nope ]] || echo nope-unset
## STDOUT:
x-set
nope-unset
## END

#### file comparison ef
mkdir d
touch d/a
[[ d/a -ef ./d/../d/a ]] && echo same-file
## stdout: same-file

#### test with one argument
test && echo no || echo no-args-false
test x && echo one-arg-true
## STDOUT:
no-args-false
one-arg-true
## END

#### test with a literal operator as operand
[ -n = ] 2>/dev/null; echo $?
[ = = = ] && echo equal-signs
## STDOUT:
0
equal-signs
## END

#### double brackets empty string is false
[[ '' ]] || echo empty-false
[[ x ]] && echo x-true
## STDOUT:
empty-false
x-true
## END

#### double brackets equal sign single
[[ a = a ]] && echo single-eq
## stdout: single-eq

#### double brackets pattern with extglob-like groups works by default
[[ foo.js == *.@(js|ts) ]] && echo ext
## stdout: ext

#### test -o option
set -o noglob
[ -o noglob ] && echo noglob-on
## stdout: noglob-on

#### unary test on a missing operand
[ -f ]
echo "status $?"
## stdout: status 0

#### too many arguments
[ 1 -eq 1 1 ]
echo "status $?"
## stdout: status 2
## stderr-contains: too many arguments
