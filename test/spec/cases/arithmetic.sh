# Arithmetic: $(( )), (( )), let, 64-bit integers, bases, errors.

#### basic operators and precedence
echo $(( 1 + 2 * 3 )) $(( (1 + 2) * 3 )) $(( 7 / 2 )) $(( 7 % 3 )) $(( 2 ** 10 ))
## stdout: 7 9 3 1 1024

#### division truncates toward zero
echo $(( -7 / 2 )) $(( -7 % 2 )) $(( 7 / -2 ))
## stdout: -3 -1 -3

#### unary operators
x=5
echo $(( -x )) $(( +x )) $(( !x )) $(( ~x )) $(( !0 ))
## stdout: -5 5 0 -6 1

#### comparison operators give 0 or 1
echo $(( 1 < 2 )) $(( 2 <= 1 )) $(( 3 == 3 )) $(( 3 != 3 )) $(( 4 > 3 )) $(( 4 >= 5 ))
## stdout: 1 0 1 0 1 0

#### logical operators
echo $(( 1 && 0 )) $(( 1 || 0 )) $(( 0 || 0 )) $(( 2 && 3 ))
## stdout: 0 1 0 1

#### logical operators short circuit
x=0
echo $(( 0 && (x = 5) )) $x
echo $(( 1 || (x = 6) )) $x
## STDOUT:
0 0
1 0
## END

#### bitwise operators
echo $(( 6 & 3 )) $(( 6 | 3 )) $(( 6 ^ 3 )) $(( 1 << 4 )) $(( 256 >> 2 ))
## stdout: 2 7 5 16 64

#### ternary operator
x=3
echo $(( x > 2 ? 10 : 20 )) $(( x > 5 ? 10 : 20 ))
## stdout: 10 20

#### comma operator
echo $(( 1, 2, 3 ))
## stdout: 3

#### assignment operators
x=10
(( x += 5 )); echo $x
(( x -= 3 )); echo $x
(( x *= 2 )); echo $x
(( x /= 4 )); echo $x
(( x %= 4 )); echo $x
(( x <<= 3 )); echo $x
(( x |= 1 )); echo $x
## STDOUT:
15
12
24
6
2
16
17
## END

#### increment and decrement
x=5
echo $(( x++ )) $x $(( ++x )) $x $(( x-- )) $(( --x ))
## stdout: 5 6 7 7 7 5

#### variables without dollar
a=3 b=4
echo $(( a * a + b * b ))
## stdout: 25

#### unset variable is zero
unset z
echo $(( z + 1 ))
## stdout: 1

#### variable holding an expression is evaluated
e='2 + 3'
echo $(( e * 2 ))
## stdout: 10

#### empty variable is zero
e=
echo $(( e + 7 ))
## stdout: 7

#### hex octal and binary constants
echo $(( 0x1F )) $(( 010 )) $(( 2#1010 )) $(( 16#ff )) $(( 36#z ))
## stdout: 31 8 10 255 35

#### base 64 digits
echo $(( 64#@ )) $(( 64#_ )) $(( 64#10 ))
## stdout: 62 63 64

#### 64-bit maximum
echo $(( 9223372036854775807 ))
## stdout: 9223372036854775807

#### 64-bit wraparound on addition
echo $(( 9223372036854775807 + 1 ))
## stdout: -9223372036854775808

#### 64-bit wraparound on multiplication
echo $(( 4294967296 * 4294967296 )) $(( 3037000500 * 3037000500 ))
## stdout: 0 -9223372036709301616

#### minimum negated stays minimum
echo $(( -9223372036854775807 - 1 )) $(( -(-9223372036854775807 - 1) ))
## stdout: -9223372036854775808 -9223372036854775808

#### shift wraps at 64 bits
echo $(( 1 << 63 )) $(( 1 << 64 ))
## stdout: -9223372036854775808 1

#### exponent large values
echo $(( 2 ** 62 )) $(( 2 ** 63 )) $(( 2 ** 64 ))
## stdout: 4611686018427387904 -9223372036854775808 0

#### division by zero abandons the rest of the line
# bash drops the rest of the current top-level line, then goes on with $? = 1
echo $(( 1 / 0 )); echo same line
echo "next line $?"
## stdout: next line 1
## stderr-contains: division by 0

#### division by zero in a subshell
( echo $(( 5 % 0 )) )
echo "status $?"
## stdout: status 1
## stderr-contains: division by 0

#### negative exponent is an error
( echo $(( 2 ** -1 )) )
echo "status $?"
## stdout: status 1
## stderr-contains: exponent less than 0

#### syntax error in expression
( echo $(( 1 + )) )
echo "status $?"
## stdout: status 1
## stderr-contains: syntax error

#### invalid number for base
( echo $(( 2#3 )) )
echo "status $?"
## stdout: status 1
## stderr-contains: value too great for base

#### double parentheses status
(( 5 )); echo $?
(( 0 )); echo $?
(( -1 )); echo $?
## STDOUT:
0
1
0
## END

#### double parentheses in a condition
x=4
if (( x % 2 == 0 )); then echo even; fi
## stdout: even

#### let command
let x=2+3 'y = x * 2'
echo $x $y
## stdout: 5 10

#### let status reflects last value
let 'z = 0'; echo $?
let 'z = 1'; echo $?
## STDOUT:
1
0
## END

#### arithmetic in array subscripts and nested
a=(1 2 3)
i=0
echo $(( a[i+1] * $(( 2 + 1 )) ))
## stdout: 6

#### arithmetic with command substitution
echo $(( $(echo 6) * 7 ))
## stdout: 42

#### arithmetic for loop counter
sum=0
for ((i = 1; i <= 10; i++)); do (( sum += i )); done
echo $sum
## stdout: 55

#### spaces and newlines in expression
echo $((
  1 +
  2
))
## stdout: 3

#### assignment inside expansion persists
echo $(( n = 4 * 4 ))
echo $n
## STDOUT:
16
16
## END

#### string value that is not a number is an error
x=abc
y='1 2'
( echo $(( y + 1 )) )
echo "status $?"
## stdout: status 1
## stderr-contains: syntax error in expression

#### variable named as another variable resolves recursively
a=b
b=c
c=7
echo $(( a + 1 ))
## stdout: 8

#### leading zeros mean octal
echo $(( 0777 )) $(( 10#0777 ))
## stdout: 511 777

#### invalid octal is an error
( echo $(( 09 )) )
echo "status $?"
## stdout: status 1
## stderr-contains: value too great for base

#### deprecated dollar-bracket form
echo $[ 3 * 4 ]
## stdout: 12

#### declare -i evaluates on assignment
declare -i n
n='3 + 4'
n+=1
echo $n
## stdout: 8

#### exit status of arithmetic expansion command
x=$(( 0 ))
echo $?
## stdout: 0
