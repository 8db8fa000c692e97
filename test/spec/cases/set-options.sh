# set -e, set -u, set -x, set -o pipefail, set -f, set -C and how they interact.

#### errexit stops at a failing command
set -e
echo one
false
echo two
## stdout: one
## status: 1

#### errexit keeps the failing status
set -e
(exit 42)
echo never
## status: 42

#### errexit ignores the condition of if
set -e
if false; then echo no; fi
echo survived
## stdout: survived

#### errexit ignores the left side of and-or
set -e
false && echo no
false || echo rescued
echo survived
## STDOUT:
rescued
survived
## END

#### errexit triggers on the last command of an and list
set -e
true && false
echo never
## status: 1

#### errexit ignores negated commands
set -e
! true
echo survived
## stdout: survived

#### errexit ignores a while condition
set -e
while false; do :; done
echo survived
## stdout: survived

#### errexit with a failing pipeline
set -e
false | true
echo ran
true | false
echo never
## stdout: ran
## status: 1

#### errexit with pipefail
set -eo pipefail
false | true
echo never
## status: 1

#### errexit in a subshell ends the subshell and then the shell
set -e
(false; echo never-in-sub)
echo never
## status: 1

#### errexit is not triggered inside a function called from a condition
set -e
f() { false; echo still-running; }
if f; then echo f-succeeded; fi
## STDOUT:
still-running
f-succeeded
## END

#### errexit triggered inside a function
set -e
f() { echo start; false; echo never; }
f
echo never
## stdout: start
## status: 1

#### set +e turns errexit off
set -e
set +e
false
echo survived
## stdout: survived

#### errexit does not fire for a failing command substitution in an assignment argument of local
set -e
f() { local x=$(false); echo "local hides status"; }
f
## stdout: local hides status

#### errexit fires for a failing substitution in a plain assignment
set -e
x=$(false)
echo never
## status: 1

#### nounset fails on an unset variable
set -u
echo "$undefined_var"
echo never
## status: 127
## stderr-contains: undefined_var: unbound variable

#### nounset in a subshell
set -u
( echo $undefined_var )
echo "status $?"
## stdout: status 1
## stderr-contains: undefined_var: unbound variable

#### nounset allows defaults
set -u
echo "${undefined_var:-default} ${undefined_var-x}"
## stdout: default x

#### nounset allows empty at-sign
set -u
set --
echo "[$@]" $#
## stdout: [] 0

#### nounset with unset positional parameter
set -u
( echo $1 )
echo "status $?"
## stdout: status 1
## stderr-contains: $1: unbound variable

#### xtrace prints commands to stderr
set -x
echo traced
## stdout: traced
## stderr-contains: + echo traced

#### xtrace shows expanded arguments
set -x
v=value
echo "$v"
## stdout: value
## stderr-contains: + v=value

#### xtrace nesting shows more plus signs
set -x
x=$(echo inner)
## stderr-contains: ++ echo inner

#### set +x stops tracing
set -x
set +x
echo quiet 2>&1
## stdout: quiet

#### PS4 changes the trace prefix
PS4='>> '
set -x
echo hi
## stdout: hi
## stderr-contains: >> echo hi

#### pipefail on and off
set -o pipefail
false | true
echo $?
set +o pipefail
false | true
echo $?
## STDOUT:
1
0
## END

#### set -o lists an option state
set -o pipefail
set -o | grep -E '^(pipefail|errexit) '
## STDOUT:
errexit        	off
pipefail       	on
## END

#### dollar-dash shows short options
set -eu
case $- in *e*) echo has-e ;; esac
case $- in *u*) echo has-u ;; esac
## STDOUT:
has-e
has-u
## END

#### set -f noglob
touch a
set -f
echo *
## stdout: *

#### set -o noglob long form
touch a
set -o noglob
echo *
set +o noglob
echo *
## STDOUT:
*
a
## END

#### set -n reads without running
set -n
echo never
## stdout-json: ""

#### shopt -q reports an option
shopt -s extglob
shopt -q extglob && echo on
shopt -u extglob
shopt -q extglob || echo off
## STDOUT:
on
off
## END

#### invalid set option
set -o no_such_option
echo "status $?"
## stdout: status 2
## stderr-contains: no_such_option: invalid option name

#### errexit does not apply to a command that is part of a pipeline
set -e
false | echo piped
echo survived
## STDOUT:
piped
survived
## END

#### errexit applies to arithmetic commands
set -e
(( 0 ))
echo never
## status: 1
