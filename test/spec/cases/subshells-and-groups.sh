# ( ) subshells and { } groups.

#### subshell variables do not leak
x=outer
( x=inner; echo $x )
echo $x
## STDOUT:
inner
outer
## END

#### subshell cd does not leak
mkdir d
( cd d; pwd )
pwd
## STDOUT:
/work/d
/work
## END

#### subshell exit ends only the subshell
( exit 3 )
echo "status $?"
## stdout: status 3

#### subshell sees parent variables
x=visible
( echo $x )
## stdout: visible

#### subshell function definitions do not leak
( f() { echo f; } )
f 2>/dev/null
echo "status $?"
## stdout: status 127

#### subshell set options do not leak
( set -e )
false
echo survived
## stdout: survived

#### subshell output is captured in order
( echo a; echo b ) | tr '\n' ,
echo
## stdout: a,b,

#### nested subshells
x=0
( x=1; ( x=2; echo $x ); echo $x )
echo $x
## STDOUT:
2
1
0
## END

#### group runs in the current shell
x=outer
{ x=group; }
echo $x
## stdout: group

#### group cd persists
mkdir d
{ cd d; }
pwd
## stdout: /work/d

#### group needs a terminator before the closing brace
{ echo a; echo b; }
## STDOUT:
a
b
## END

#### group with newlines
{
  echo one
  echo two
}
## STDOUT:
one
two
## END

#### group exit ends the shell
{ echo in; exit 4; }
echo never
## stdout: in
## status: 4

#### group status
{ true; false; }
echo $?
## stdout: 1

#### group output redirected together
{ echo a; echo b; } > f
wc -l < f
## stdout: 2

#### group in a pipeline runs in a subshell
x=1
{ x=2; echo piped; } | cat
echo $x
## STDOUT:
piped
1
## END

#### subshell with redirect
( echo one; echo two ) > f
cat f
## STDOUT:
one
two
## END

#### subshell traps do not leak
( trap 'echo sub-trap' EXIT )
echo main
## STDOUT:
sub-trap
main
## END

#### subshell positional parameters do not leak
set -- a b
( set -- x; echo $# )
echo $#
## STDOUT:
1
2
## END

#### group and subshell combined with and-or
( false ) || { echo recovered; }
## stdout: recovered

#### subshell created by parentheses keeps exported changes local
export V=1
( export V=2 )
echo $V
## stdout: 1

#### double parentheses with spaces is a nested subshell
( (echo nested) )
## stdout: nested
