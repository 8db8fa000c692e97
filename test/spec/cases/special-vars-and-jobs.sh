# $$, $RANDOM, $LINENO, $!, $_, time, wait.

#### dollar-dollar is a number
case $$ in ''|*[!0-9]*) echo bad ;; *) echo number ;; esac
## stdout: number

#### dollar-dollar is the same in a subshell
outer=$$
inner=$( echo $$ )
[ "$outer" = "$inner" ] && echo same
## stdout: same

#### BASHPID differs in a subshell
outer=$BASHPID
inner=$( echo $BASHPID )
[ "$outer" != "$inner" ] && echo differs
## stdout: differs

#### RANDOM is in range and changes
a=$RANDOM b=$RANDOM c=$RANDOM
for v in $a $b $c; do (( v >= 0 && v <= 32767 )) || echo out-of-range; done
[ "$a $b $c" != "$a $a $a" ] && echo differs
## stdout: differs

#### RANDOM with a seed is repeatable
RANDOM=42; a=$RANDOM$RANDOM
RANDOM=42; b=$RANDOM$RANDOM
[ "$a" = "$b" ] && echo repeatable
## stdout: repeatable

#### LINENO counts lines
echo $LINENO
echo $LINENO

echo $LINENO
## STDOUT:
1
2
4
## END

#### LINENO inside a function
f() {
  echo $LINENO
}
f
## stdout: 2

#### dollar-bang is the last background pid
true &
pid=$!
wait $pid
echo "status $?"
case $pid in ''|*[!0-9]*) echo bad ;; *) echo number ;; esac
## STDOUT:
status 0
number
## END

#### wait returns the status of a job
(exit 5) &
wait $!
echo $?
## stdout: 5

#### wait for all background jobs
echo one > a &
echo two > b &
wait
cat a b
## STDOUT:
one
two
## END

#### wait without jobs succeeds
wait
echo $?
## stdout: 0

#### background jobs run concurrently and wait collects them
for i in 1 2 3; do (echo "job $i" > "out$i") & done
wait
cat out1 out2 out3
## STDOUT:
job 1
job 2
job 3
## END

#### background job in a subshell does not change variables
x=1
x=2 &
wait
echo $x
## stdout: 1

#### underscore is the last argument of the previous command
echo a b last > /dev/null
echo $_
## stdout: last

#### time writes to stderr and keeps the status
time true
echo "status $?"
time false
echo "status $?"
## STDOUT:
status 0
status 1
## END
## stderr-contains: real

#### time of a pipeline
time echo hi | tr a-z A-Z
## stdout: HI
## stderr-contains: user

#### dollar-hash and dollar-at in the main script
echo $# "[$*]"
## stdout: 0 []

#### dollar-hyphen contains h and B by default
case $- in *h*B*) echo hB ;; esac
## stdout: hB

#### PPID is a number
case $PPID in ''|*[!0-9]*) echo bad ;; *) echo number ;; esac
## stdout: number

#### IFS default value
printf '%s' "$IFS" | wc -c
## stdout: 3

#### HOME comes from the environment
echo "$HOME"
## stdout: /work

#### PWD and cd
echo "$PWD"
## stdout: /work

#### SECONDS starts small
[ "$SECONDS" -lt 5 ] && echo small
## stdout: small
