# type, command -v, which, hash-free lookups.

#### type of a builtin
type echo
## stdout: echo is a shell builtin

#### type of a keyword
type if
## stdout: if is a shell keyword

#### type of a function
f() { :; }
type -t f
## stdout: function

#### type -t kinds
shopt -s expand_aliases
alias al='echo'
f() { :; }
type -t echo if f al
## STDOUT:
builtin
keyword
function
alias
## END

#### type -t of a file command
type -t ls
## stdout: file

#### type of a missing command
type no_such_command_xyz
echo "status $?"
## stdout: status 1
## stderr-contains: no_such_command_xyz: not found

#### command -v of a builtin and a function
f() { :; }
command -v echo
command -v f
command -v if
## STDOUT:
echo
f
if
## END

#### command -v of an external program prints a path
command -v ls | grep -c /ls
## stdout: 1

#### command -v of a missing command
command -v no_such_command_xyz
echo "status $?"
## stdout: status 1

#### command runs a command skipping functions
cat() { echo "fake cat"; }
echo real > f
command cat f
## stdout: real

#### which finds a program
which ls > /dev/null
echo "status $?"
## stdout: status 0

#### which of a missing program
which no_such_command_xyz
echo "status $?"
## stdout: status 1

#### type -P prints a path
type -P ls | grep -c /ls
## stdout: 1

#### type of an alias
shopt -s expand_aliases
alias ll='ls -l'
type ll
## stdout: ll is aliased to `ls -l'
