# Pipelines: |, |&, !, PIPESTATUS, pipefail, early termination.

#### simple pipeline
echo hello | tr a-z A-Z
## stdout: HELLO

#### three stages
printf 'c\na\nb\n' | sort | head -n 2
## STDOUT:
a
b
## END

#### pipeline status is the last command
false | true; echo $?
true | false; echo $?
## STDOUT:
0
1
## END

#### negated pipeline
! false; echo $?
! true; echo $?
! echo hi | grep -q nope; echo $?
## STDOUT:
0
1
0
## END

#### PIPESTATUS records every stage
true | false | (exit 3)
echo "${PIPESTATUS[@]}"
## stdout: 0 1 3

#### PIPESTATUS of a single command
false
echo "${PIPESTATUS[@]}"
## stdout: 1

#### pipefail takes the last failure
set -o pipefail
(exit 2) | (exit 3) | true; echo $?
false | true; echo $?
true | true; echo $?
## STDOUT:
3
1
0
## END

#### yes piped into head terminates
yes | head -n 3
## STDOUT:
y
y
y
## END

#### yes with a word into head
yes abc | head -n 2
## STDOUT:
abc
abc
## END

#### seq piped into head stops early
seq 1 1000000 | head -n 2
## STDOUT:
1
2
## END

#### pipe ampersand sends stderr too
{ echo out; echo err >&2; } |& sort
## STDOUT:
err
out
## END

#### stderr does not go through a plain pipe
{ echo out; echo err >&2; } 2>/dev/null | wc -l
## stdout: 1

#### pipeline stages run in subshells
x=1
echo 2 | read x
echo $x
## stdout: 1

#### lastpipe is off in bash -c by default
x=1
echo 5 | { read x; echo "in $x"; }
echo "out $x"
## STDOUT:
in 5
out 1
## END

#### while loop reading a pipe
printf 'a\nb\n' | while read -r line; do echo "got $line"; done
## STDOUT:
got a
got b
## END

#### pipeline into a group
echo data | { cat; echo end; }
## STDOUT:
data
end
## END

#### pipeline with a function
up() { tr a-z A-Z; }
echo abc | up | cat
## stdout: ABC

#### long pipeline
echo abc | cat | cat | cat | cat | tr b X
## stdout: aXc

#### pipeline newline continuation
echo one |
  tr o O
## stdout: One

#### negation of a pipeline with pipefail
set -o pipefail
! false | true; echo $?
## stdout: 0

#### exit status of killed upstream is ignored by default
yes | head -n 1 > /dev/null
echo "${PIPESTATUS[1]}"
## stdout: 0

#### pipeline output from a for loop
for i in 3 1 2; do echo $i; done | sort
## STDOUT:
1
2
3
## END
