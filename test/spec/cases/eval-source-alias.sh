# eval, source/., alias (with expand_aliases, as bash -c needs it).

#### eval runs a string
eval 'echo evaluated'
## stdout: evaluated

#### eval joins its arguments
eval echo a 'b c'
## stdout: a b c

#### eval sees and sets variables
x=1
eval 'y=$((x + 1))'
echo $y
## stdout: 2

#### eval with a dynamic variable name
name=dyn
eval "$name=value"
echo $dyn
## stdout: value

#### eval status
eval 'false'
echo $?
eval ''
echo $?
## STDOUT:
1
0
## END

#### eval with a syntax error
eval 'if then'
echo "status $?"
## stdout: status 2
## stderr-contains: syntax error near unexpected token

#### eval of a multi-line string
eval 'for i in 1 2; do
  echo $i
done'
## STDOUT:
1
2
## END

#### double evaluation through eval
a='$b'
b=final
eval echo $a
## stdout: final

#### source a file
echo 'sourced_var=from-file' > lib.sh
source lib.sh
echo $sourced_var
## stdout: from-file

#### dot is the same as source
echo 'f() { echo lib-function; }' > lib.sh
. ./lib.sh
f
## stdout: lib-function

#### source with arguments sets positional parameters
echo 'echo "args: $# $1 $2"' > lib.sh
set -- outer
source lib.sh a b
echo "after: $1"
## STDOUT:
args: 2 a b
after: outer
## END

#### source status is the last command
echo 'false' > lib.sh
source lib.sh
echo $?
## stdout: 1

#### return from a sourced file
printf 'echo first\nreturn 3\necho never\n' > lib.sh
source lib.sh
echo "status $?"
## STDOUT:
first
status 3
## END

#### source of a missing file
source ./missing.sh
echo "status $?"
## stdout: status 1
## stderr-contains: missing.sh: No such file or directory

#### sourced file changes the working directory
mkdir d
echo 'cd d' > lib.sh
. ./lib.sh
pwd
## stdout: /work/d

#### alias needs expand_aliases and a new line
shopt -s expand_aliases
alias greet='echo hello'
greet world
## stdout: hello world

#### alias is not expanded without expand_aliases
alias greet='echo hello'
greet 2>/dev/null
echo "status $?"
## stdout: status 127

#### alias with trailing space expands the next word
shopt -s expand_aliases
alias run='echo '
alias word='expanded'
run word
## stdout: expanded

#### alias listing
alias ll='ls -l'
alias
## stdout: alias ll='ls -l'

#### unalias removes an alias
shopt -s expand_aliases
alias x='echo x'
unalias x
x 2>/dev/null
echo "status $?"
## stdout: status 127

#### unalias of a missing alias
unalias nope
echo "status $?"
## stdout: status 1
## stderr-contains: nope: not found

#### alias is not expanded when quoted
shopt -s expand_aliases
alias e='echo aliased'
\e 2>/dev/null
echo "status $?"
## stdout: status 127

#### alias defined on the same line is not yet active
shopt -s expand_aliases
alias same='echo same'; same 2>/dev/null; echo "status $?"
same
## STDOUT:
status 127
same
## END
