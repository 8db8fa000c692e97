# echo and printf.

#### echo joins arguments with spaces
echo a   b    c
## stdout: a b c

#### echo with no arguments prints a newline
echo
## stdout-json: "\n"

#### echo -n omits the newline
echo -n abc
## stdout-json: "abc"

#### echo does not interpret escapes by default
echo 'a\tb\n'
## stdout: a\tb\n

#### echo -e interprets escapes
echo -e 'a\tb\x41\0101\\'
## stdout: a	bAA\

#### echo -e backslash c stops output
echo -e 'abc\cdef'
echo
## stdout: abc

#### echo combined flags
echo -ne 'x\ny'
## stdout-json: "x\ny"

#### echo with an unknown flag prints it
echo -z -n
## stdout: -z -n

#### echo double dash is printed
echo -- a
## stdout: -- a

#### echo -E disables escapes
echo -E 'a\nb'
## stdout: a\nb

#### printf reuses the format for extra arguments
printf '%s=%s\n' a 1 b 2 c
## STDOUT:
a=1
b=2
c=
## END

#### printf does not add a newline
printf abc
## stdout-json: "abc"

#### printf widths and alignment
printf '[%5s][%-5s][%.2s]\n' ab ab abcdef
## stdout: [   ab][ab   ][ab]

#### printf integers
printf '%d %5d %-4d| %05d %+d\n' 42 42 42 42 42
## stdout: 42    42 42  | 00042 +42

#### printf hex octal and char
printf '%x %X %o %#x %c\n' 255 255 8 255 hello
## stdout: ff FF 10 0xff h

#### printf floats
printf '%.2f %5.1f %e %g\n' 3.14159 2.5 1234.5 0.0001
## stdout: 3.14   2.5 1.234500e+03 0.0001

#### printf percent literal
printf '100%%\n'
## stdout: 100%

#### printf %b interprets escapes in the argument
printf '%b|%s\n' 'a\tb' 'a\tb'
## stdout: a	b|a\tb

#### printf escapes in the format
printf 'a\tb\\c\101\n'
## stdout: a	b\cA

#### printf numeric argument from a character constant
printf '%d %d\n' "'A" '"a'
## stdout: 65 97

#### printf invalid number
printf '%d\n' abc
echo "status $?"
## STDOUT:
0
status 1
## END
## stderr-contains: abc: invalid number

#### printf missing arguments are empty or zero
printf '[%s][%d]\n'
## stdout: [][0]

#### printf -v assigns to a variable
printf -v out '%03d' 7
echo "$out"
## stdout: 007

#### printf %q
printf '%q\n' 'a b' 'x$y' $'tab\there'
## STDOUT:
a\ b
x\$y
$'tab\there'
## END

#### printf with a star width
printf '[%*s]\n' 6 right
## stdout: [ right]

#### printf negative numbers and hex input
printf '%d %d %d\n' -5 0x10 010
## stdout: -5 16 8

#### printf with a dash-starting format needs double dash
printf -- '-%s-\n' x
## stdout: -x-

#### printf %s with no format arguments consumed repeats once
printf 'fixed\n' extra args
## stdout: fixed

#### printf %c of an empty string
printf '[%c]\n' ''
## stdout-json: "[\u0000]\n"

#### printf big integers
printf '%d\n' 9223372036854775807
## stdout: 9223372036854775807

#### printf %i is %d
printf '%i\n' 12
## stdout: 12

#### printf %u of a negative number
printf '%u\n' -1
## stdout: 18446744073709551615
