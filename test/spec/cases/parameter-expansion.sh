# Parameter expansion: every operator, set/unset/empty distinctions, patterns.

#### default value for unset and empty
unset u; e=; s=set
echo "${u:-d} ${e:-d} ${s:-d}"
## stdout: d d set

#### default value without colon only for unset
unset u; e=
echo "[${u-d}] [${e-d}]"
## stdout: [d] []

#### assign default
unset u
echo "${u:=new}"
echo "$u"
## STDOUT:
new
new
## END

#### assign default without colon keeps empty
e=
echo "[${e=new}]"
echo "[$e]"
## STDOUT:
[]
[]
## END

#### assign default to empty with colon
e=
: ${e:=filled}
echo "$e"
## stdout: filled

#### error if unset prints message and exits
# bash -c exits with 127 here (a script file would exit with 1)
unset u
echo before
echo "${u:?custom message}"
echo after
## stdout: before
## status: 127
## stderr-contains: u: custom message

#### error if unset without message
unset u
( echo "${u:?}" )
## status: 1
## stderr-contains: u: parameter null or not set

#### error if empty with colon
e=
( x=${e:?is empty}; echo not reached )
## status: 1
## stderr-contains: e: is empty

#### question without colon accepts empty
e=
echo "[${e?unset}]"
## stdout: []

#### error inside a subshell ends only the subshell
unset u
( echo "${u:?gone}" )
echo "status $?"
## stdout: status 1
## stderr-contains: u: gone

#### alternative value
unset u; e=; s=x
echo "[${u:+alt}] [${e:+alt}] [${s:+alt}]"
## stdout: [] [] [alt]

#### alternative without colon applies to empty
e=
echo "[${e+alt}]"
## stdout: [alt]

#### default value is expanded
unset u
y=fallback
echo ${u:-$y-$((1+1))}
## stdout: fallback-2

#### default value with spaces stays one word when quoted
unset u
printf '<%s>\n' "${u:-a b}"
## stdout: <a b>

#### length of string
x=hello
echo ${#x}
## stdout: 5

#### length of empty and unset
e=
unset u
echo ${#e} ${#u}
## stdout: 0 0

#### length of positional parameters
set -- a b c
echo ${#}
## stdout: 3

#### remove shortest prefix
x=a/b/c
echo ${x#*/}
## stdout: b/c

#### remove longest prefix
x=a/b/c
echo ${x##*/}
## stdout: c

#### remove shortest suffix
x=file.tar.gz
echo ${x%.*}
## stdout: file.tar

#### remove longest suffix
x=file.tar.gz
echo ${x%%.*}
## stdout: file

#### prefix pattern that does not match leaves value
x=abc
echo ${x#z} ${x%z}
## stdout: abc abc

#### pattern with character class
x=abc123
echo ${x%%[0-9]*} ${x##*[a-z]}
## stdout: abc 123

#### quoted pattern is literal
x='a*b'
echo "${x#"a*"}" ${x#a\*}
## stdout: b b

#### pattern from a variable is a pattern
x=abcabc
p='b*'
echo ${x#*$p} "${x%"$p"}"
## stdout: cabc abcabc

#### replace first
x=aXbXc
echo ${x/X/-}
## stdout: a-bXc

#### replace all
x=aXbXc
echo ${x//X/-}
## stdout: a-b-c

#### replace at start
x=abab
echo ${x/#ab/X} ${x/#b/X}
## stdout: Xab abab

#### replace at end
x=abab
echo ${x/%ab/X} ${x/%a/X}
## stdout: abX abab

#### replace with empty deletes
x=a-b-c
echo ${x//-} ${x/-/}
## stdout: abc ab-c

#### replace with glob pattern is greedy
x=aXXbXc
echo ${x/X*X/_}
## stdout: a_c

#### replace ampersand is literal in bash 5.2 without patsub_replacement off
x=abc
echo "${x/b/[&]}"
## stdout: a[b]c

#### substring from offset
x=abcdef
echo ${x:2}
## stdout: cdef

#### substring with offset and length
x=abcdef
echo ${x:1:3}
## stdout: bcd

#### substring with negative offset needs a space
x=abcdef
echo ${x: -2} ${x:(-3):2}
## stdout: ef de

#### substring with negative length
x=abcdef
echo ${x:1:-2}
## stdout: bcd

#### substring offset past the end is empty
x=abc
echo "[${x:5}]"
## stdout: []

#### substring with arithmetic
x=abcdef
i=1
echo ${x:i+1:i*2}
## stdout: cd

#### substring of positional parameters
set -- a b c d
echo ${@:2} / ${@:2:2}
## stdout: b c d / b c

#### substring of positional parameters from zero includes shell name slot
set -- a b
echo ${@:1:1}
## stdout: a

#### uppercase all
x='hello World'
echo ${x^^}
## stdout: HELLO WORLD

#### lowercase all
x='Hello WORLD'
echo ${x,,}
## stdout: hello world

#### uppercase first
x=hello
echo ${x^}
## stdout: Hello

#### lowercase first
x=HELLO
echo ${x,}
## stdout: hELLO

#### case conversion with pattern
x=banana
echo ${x^^a} ${x^^[bn]}
## stdout: bAnAnA BaNaNa

#### indirect expansion
name=target
target=value
echo ${!name}
## stdout: value

#### indirect expansion to a positional parameter
set -- first second
n=2
echo ${!n}
## stdout: second

#### indirect expansion of an unset name is empty
name=nothing
unset nothing
echo "[${!name}]"
## stdout: []

#### names with prefix
ab1=x ab2=y ac=z
echo ${!ab*}
## stdout: ab1 ab2

#### quote operator
x="it's a b"
echo ${x@Q}
## stdout: 'it'\''s a b'

#### quote operator on simple word
x=abc
echo ${x@Q}
## stdout: 'abc'

#### uppercase operator with at
x=abc
echo ${x@U} ${x@u}
## stdout: ABC Abc

#### assignment operator with at
x=abc
echo ${x@A}
## stdout: x='abc'

#### escape operator with at
x='a\tb'
echo "${x@E}"
## stdout: a	b

#### braces needed for adjacent text
x=ab
echo ${x}c $xc.
## stdout: abc .

#### special parameters question and hash in braces
false
echo ${?} ${#}
## stdout: 1 0

#### nested default expansions
unset a b
c=deep
echo ${a:-${b:-$c}}
## stdout: deep

#### unset variable expands to nothing
unset nope
echo "[$nope]"
## stdout: []

#### bad substitution is an error
echo ${x!y}
## status: 1
## stderr-contains: bad substitution

#### pattern removal on every positional parameter
set -- a.txt b.txt
echo ${@%.txt}
## stdout: a b

#### replace on every positional parameter
set -- aa ba
echo "${@/a/X}"
## stdout: Xa bX

#### length in characters of a multibyte string in C locale counts bytes
x=héllo
echo ${#x}
## stdout: 6

#### default with unset positional parameter
set -- a
echo ${2:-none}
## stdout: none

#### star in replacement pattern on anchored removal
path=/usr/local/bin
echo ${path#/} ${path%/*} ${path##*/}
## stdout: usr/local/bin /usr/local bin

#### expansion in here-string
x=val
cat <<< "${x^^}"
## stdout: VAL
