# cd, pwd, OLDPWD, export, unset, readonly, shift, declare, true/false/:.

#### pwd starts in the working directory
pwd
## stdout: /work

#### cd into a directory and pwd
mkdir -p a/b
cd a/b
pwd
echo $PWD
## STDOUT:
/work/a/b
/work/a/b
## END

#### cd dot-dot
mkdir -p a/b
cd a/b
cd ..
pwd
## stdout: /work/a

#### cd without arguments goes HOME
mkdir h
HOME=$PWD/h
cd
pwd
## stdout: /work/h

#### cd dash returns to OLDPWD and prints it
mkdir a b
cd a
cd ../b
cd -
pwd
## STDOUT:
/work/a
/work/a
## END

#### OLDPWD is set by cd
mkdir a
cd a
echo $OLDPWD
## stdout: /work

#### cd to a missing directory fails
cd nowhere
echo "status $?"
pwd
## STDOUT:
status 1
/work
## END
## stderr-contains: cd: nowhere: No such file or directory

#### cd to a file fails
touch file
cd file
echo "status $?"
## stdout: status 1
## stderr-contains: cd: file: Not a directory

#### cd with too many arguments
mkdir a b
cd a b
echo "status $?"
## stdout: status 1
## stderr-contains: cd: too many arguments

#### cd to an absolute path
mkdir -p x/y
cd "$PWD/x/y"
pwd
## stdout: /work/x/y

#### cd to root
cd /
pwd
## stdout: /

#### cd normalizes dot and dot-dot
mkdir -p a/b
cd ./a/../a/b/.
pwd
## stdout: /work/a/b

#### pwd after the directory changes through a relative cd chain
mkdir -p a/b/c
cd a
cd b/c
cd ../..
pwd
## stdout: /work/a

#### export makes a variable exported
export EV=value
declare -p EV
## stdout: declare -x EV="value"

#### export then assign
export LATER
LATER=now
declare -p LATER
## stdout: declare -x LATER="now"

#### export -n removes the export attribute
export EV=1
export -n EV
declare -p EV
## stdout: declare -- EV="1"

#### exported variable reaches a child command
export GREETING=hi
env | grep '^GREETING='
## stdout: GREETING=hi

#### prefix assignment reaches only that command
X=temp env | grep '^X='
echo "[$X]"
## STDOUT:
X=temp
[]
## END

#### prefix assignment on a builtin does not persist
X=1
X=2 true
echo $X
## stdout: 1

#### unset a variable
x=1
unset x
echo "[${x-unset}]"
## stdout: [unset]

#### unset -v and unset of a missing name succeed
unset -v nothing_here
echo $?
## stdout: 0

#### unset a function with unset -f
f() { :; }
unset -f f
type f >/dev/null 2>&1 || echo gone
## stdout: gone

#### readonly blocks assignment
readonly R=1
R=2
echo "after $R"
## stdout: after 1
## stderr-contains: R: readonly variable

#### readonly assignment failure status
readonly R=1
( R=2 ) 2>/dev/null
echo "status $?"
## stdout: status 1

#### readonly blocks unset
readonly R=1
unset R
echo "status $? $R"
## stdout: status 1 1
## stderr-contains: R: cannot unset: readonly variable

#### declare -r is readonly
declare -r C=const
C=x 2>/dev/null
echo $C
## stdout: const

#### readonly listing of one variable
readonly R=1
declare -p R
## stdout: declare -r R="1"

#### shift drops the first parameter
set -- a b c
shift
echo "$# $@"
## stdout: 2 b c

#### shift by a count
set -- a b c d
shift 2
echo "$@"
## stdout: c d

#### shift too far fails and keeps parameters
set -- a b
shift 3
echo "status $? $#"
## stdout: status 1 2

#### set -- replaces positional parameters
set -- x y
echo "$1$2"
set --
echo $#
## STDOUT:
xy
0
## END

#### true false and colon
true; echo $?
false; echo $?
:; echo $?
## STDOUT:
0
1
0
## END

#### declare -i integer attribute
declare -i n=5
n=n*2
echo $n
## stdout: 10

#### declare -l and -u change case
declare -l lower=MiXeD
declare -u upper=MiXeD
echo $lower $upper
## stdout: mixed MIXED

#### declare -p of a plain variable
v='a "b"'
declare -p v
## stdout: declare -- v="a \"b\""

#### declare -p of an unset variable fails
declare -p not_defined_var
echo "status $?"
## stdout: status 1
## stderr-contains: not_defined_var: not found

#### assignment with no command keeps status of a substitution
x=$(false)
echo $?
y=plain
echo $?
## STDOUT:
1
0
## END

#### several assignments on one line
a=1 b=2 c=$a$b
echo $c
## stdout: 12

#### plus-equals on a string
s=ab
s+=cd
echo $s
## stdout: abcd

#### invalid variable name in export
export 1bad=x
echo "status $?"
## stdout: status 1
## stderr-contains: `1bad=x': not a valid identifier

#### PATH from the environment is exported
declare -p PATH | cut -d' ' -f1,2
## stdout: declare -x

#### builtin command runs the builtin
builtin echo via-builtin
## stdout: via-builtin
