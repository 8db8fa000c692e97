# Command substitution: $(...), backticks, nesting, newline stripping.

#### basic substitution
echo "x$(echo inner)y"
## stdout: xinnery

#### trailing newlines are stripped
x=$(printf 'a\n\n\n')
echo "[$x]"
## stdout: [a]

#### inner newlines are kept
x=$(printf 'a\n\nb\n')
echo "[$x]"
## STDOUT:
[a

b]
## END

#### leading newlines are kept
x=$(printf '\na')
echo "[$x]"
## STDOUT:
[
a]
## END

#### backticks
echo `echo back`
## stdout: back

#### nested substitution
echo $(echo a $(echo b $(echo c)))
## stdout: a b c

#### nested backticks need escaping
echo `echo a \`echo b\``
## stdout: a b

#### backslash in backticks
echo `echo '\$x'`
## stdout: $x

#### substitution status is the assignment status
x=$(exit 3)
echo $?
## stdout: 3

#### substitution runs in a subshell
x=1
y=$(x=2; echo $x)
echo $x $y
## stdout: 1 2

#### cd inside substitution does not leak
mkdir sub
d=$(cd sub && pwd)
echo "$d"
pwd
## STDOUT:
/work/sub
/work
## END

#### stderr is not captured
x=$(echo out; echo err >&2)
echo "[$x]"
## stdout: [out]
## stderr-contains: err

#### capture stderr with redirect
x=$(echo err >&2 2>&1)
y=$( { echo err2 >&2; } 2>&1 )
echo "[$x] [$y]"
## stdout: [] [err2]

#### dollar-paren with cat of a file
echo content > f
echo "$(< f)"
## stdout: content

#### substitution with case statement containing parens
x=$(case a in a) echo matched ;; esac)
echo $x
## stdout: matched

#### substitution of a function output
f() { echo "from f"; }
echo "$(f)!"
## stdout: from f!

#### substitution with pipes
echo $(printf 'b\na\n' | sort | tr '\n' ' ')
## stdout: a b

#### unquoted substitution is split and globbed
touch g1 g2
printf '<%s>\n' $(echo 'g*  x')
## STDOUT:
<g1>
<g2>
<x>
## END

#### empty substitution as an argument disappears
printf '<%s>\n' a $(true) b
## STDOUT:
<a>
<b>
## END

#### quoted empty substitution stays
printf '<%s>\n' "$(true)"
## stdout: <>

#### substitution containing quotes
echo "$(echo "a   b")"
## stdout: a   b

#### substitution inside arithmetic and parameter expansion
x=$(( $(echo 2) + $(echo 3) ))
s=hello
echo $x ${s:$(echo 1):2}
## stdout: 5 el

#### multiline substitution
x=$(
  echo one
  echo two
)
echo "$x"
## STDOUT:
one
two
## END

#### exit inside substitution only ends the substitution
x=$(echo partial; exit 4; echo never)
echo "$x $?"
## stdout: partial 4

#### comment inside substitution
x=$(echo a # comment )
)
echo $x
## stdout: a
