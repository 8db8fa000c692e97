# Functions: definition forms, arguments, local, return, recursion, FUNCNAME.

#### posix style definition
greet() { echo "hi $1"; }
greet bob
## stdout: hi bob

#### function keyword definition
function greet { echo "hello $1"; }
greet ann
## stdout: hello ann

#### function keyword with parentheses
function f() { echo both; }
f
## stdout: both

#### positional parameters inside a function
f() { echo "$# $1 $2 $@"; }
f a b c
## stdout: 3 a b a b c

#### positional parameters are restored after the call
set -- outer args
f() { set -- inner; echo "$1"; }
f x
echo "$1 $2"
## STDOUT:
inner
outer args
## END

#### return value sets the status
f() { return 3; }
f
echo $?
## stdout: 3

#### return without argument uses the last status
f() { false; return; }
f
echo $?
## stdout: 1

#### return stops the function
f() { echo before; return 0; echo after; }
f
## stdout: before

#### function status is the last command
f() { true; false; }
f
echo $?
## stdout: 1

#### variables are global by default
f() { g=set-in-f; }
f
echo $g
## stdout: set-in-f

#### local variables do not leak
x=global
f() { local x=local; echo "in $x"; }
f
echo "out $x"
## STDOUT:
in local
out global
## END

#### local is visible in called functions
outer() { local v=outer-value; inner; }
inner() { echo "inner sees $v"; }
outer
echo "after [$v]"
## STDOUT:
inner sees outer-value
after []
## END

#### local without value is unset until assigned
x=global
f() { local x; echo "[${x-unset}]"; x=changed; }
f
echo $x
## STDOUT:
[unset]
global
## END

#### recursion
fact() {
  if [ $1 -le 1 ]; then echo 1; return; fi
  echo $(( $1 * $(fact $(( $1 - 1 ))) ))
}
fact 10
## stdout: 3628800

#### recursive fibonacci with locals
fib() {
  local n=$1
  if (( n < 2 )); then echo $n; return; fi
  local a b
  a=$(fib $((n - 1)))
  b=$(fib $((n - 2)))
  echo $((a + b))
}
fib 12
## stdout: 144

#### FUNCNAME gives the current function
f() { echo "$FUNCNAME ${FUNCNAME[0]}"; }
f
## stdout: f f

#### FUNCNAME stack
a() { b; }
b() { echo "${FUNCNAME[@]}"; }
a
## stdout: b a

#### function overriding a command
ls() { echo "not ls"; }
ls
## stdout: not ls

#### command bypasses a function
echo() { builtin echo "wrapped $*"; }
echo hi
command echo plain
## STDOUT:
wrapped hi
plain
## END

#### function redefinition
f() { echo one; }
f() { echo two; }
f
## stdout: two

#### unset -f removes a function
f() { echo here; }
unset -f f
f 2>/dev/null
echo $?
## stdout: 127

#### function with redirect on definition
f() { echo inside; } > out
f
cat out
## stdout: inside

#### function output in a pipeline
f() { printf 'b\na\n'; }
f | sort
## STDOUT:
a
b
## END

#### exit inside a function ends the script
f() { echo in; exit 5; }
f
echo never
## stdout: in
## status: 5

#### return outside a function is an error
return 2>/dev/null
echo "status $?"
## stdout: status 2

#### function names with dashes and dots
my-func.x() { echo ok; }
my-func.x
## stdout: ok

#### declare -F lists function names
b() { :; }
a() { :; }
declare -F
## STDOUT:
declare -f a
declare -f b
## END

#### local in a subshell body function
f() ( x=sub; echo $x )
x=main
f
echo $x
## STDOUT:
sub
main
## END

#### local dynamic scope assignment from a callee
f() { local v=1; g; echo "f sees $v"; }
g() { v=2; }
f
## stdout: f sees 2

#### arguments with spaces survive
f() { printf '<%s>\n' "$@"; }
f 'a b' '' c
## STDOUT:
<a b>
<>
<c>
## END

#### dollar-zero is unchanged inside a function
f() { [ "$0" = "$outer0" ] && echo same; }
outer0=$0
f
## stdout: same

#### return with a status above 255 wraps
f() { return 257; }
f
echo $?
## stdout: 1

#### local export is exported to children
f() { local -x LV=exported; declare -p LV; }
f
## stdout: declare -x LV="exported"

#### function defined inside a function
outer() { inner() { echo inner-ran; }; }
outer
inner
## stdout: inner-ran
