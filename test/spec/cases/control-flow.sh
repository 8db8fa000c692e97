# if, for, while, until, break/continue, case.

#### if then fi
if true; then echo yes; fi
if false; then echo no; fi
## stdout: yes

#### if else
if false; then echo a; else echo b; fi
## stdout: b

#### if elif else chain
for n in 1 2 3; do
  if [ $n = 1 ]; then echo one
  elif [ $n = 2 ]; then echo two
  else echo other
  fi
done
## STDOUT:
one
two
other
## END

#### if condition is a list
if false; true; then echo last-counts; fi
## stdout: last-counts

#### if status when no branch runs is zero
false
if false; then :; fi
echo $?
## stdout: 0

#### if status is the branch status
if true; then (exit 4); fi
echo $?
## stdout: 4

#### for over words
for w in a b c; do echo $w; done
## STDOUT:
a
b
c
## END

#### for without in uses positional parameters
set -- x 'y z'
for a; do echo "[$a]"; done
## STDOUT:
[x]
[y z]
## END

#### for over nothing
for w in; do echo never; done
echo done
## stdout: done

#### for variable keeps the last value
for w in a b c; do :; done
echo $w
## stdout: c

#### c-style for loop
for ((i = 0; i < 3; i++)); do echo $i; done
## STDOUT:
0
1
2
## END

#### c-style for with empty parts and break
for ((;;)); do echo once; break; done
## stdout: once

#### c-style for with two variables
for ((i = 0, j = 10; i < 3; i++, j -= 2)); do echo "$i $j"; done
## STDOUT:
0 10
1 8
2 6
## END

#### while loop
i=0
while [ $i -lt 3 ]; do echo $i; i=$((i + 1)); done
## STDOUT:
0
1
2
## END

#### until loop
i=0
until [ $i -ge 2 ]; do echo $i; i=$((i + 1)); done
## STDOUT:
0
1
## END

#### while false runs zero times with status zero
false
while false; do echo never; done
echo $?
## stdout: 0

#### break leaves the loop
for i in 1 2 3 4; do
  [ $i = 3 ] && break
  echo $i
done
## STDOUT:
1
2
## END

#### continue skips to the next iteration
for i in 1 2 3 4; do
  [ $i = 2 ] && continue
  echo $i
done
## STDOUT:
1
3
4
## END

#### break with a level
for a in 1 2; do
  for b in x y; do
    echo $a$b
    break 2
  done
done
echo after
## STDOUT:
1x
after
## END

#### continue with a level
for a in 1 2; do
  for b in x y; do
    [ $b = y ] && continue 2
    echo $a$b
  done
  echo never
done
## STDOUT:
1x
2x
## END

#### break level larger than nesting breaks all
for a in 1 2; do
  while true; do break 5; done
  echo inner-done
done
echo after
## stdout: after

#### break in a while loop with a condition
n=0
while true; do
  n=$((n + 1))
  [ $n -ge 5 ] && break
done
echo $n
## stdout: 5

#### loop status is the last body command
for i in 1; do false; done; echo $?
## stdout: 1

#### case with simple patterns
for w in apple banana cherry; do
  case $w in
    apple) echo fruit-a ;;
    b*) echo starts-b ;;
    *) echo other ;;
  esac
done
## STDOUT:
fruit-a
starts-b
other
## END

#### case with alternatives
case yes in
  y|yes|Y) echo affirmative ;;
  n|no) echo negative ;;
esac
## stdout: affirmative

#### case fallthrough with semicolon ampersand
case a in
  a) echo one ;&
  b) echo two ;;
  c) echo three ;;
esac
## STDOUT:
one
two
## END

#### case continue matching with double semicolon ampersand
case abc in
  a*) echo starts-a ;;&
  *c) echo ends-c ;;&
  x*) echo never ;;
  *) echo default ;;
esac
## STDOUT:
starts-a
ends-c
default
## END

#### case with no match has status zero
false
case z in a) echo a ;; esac
echo $?
## stdout: 0

#### case status is the last command of the branch
case a in a) false ;; esac
echo $?
## stdout: 1

#### case pattern with character classes
for c in a 5 Z; do
  case $c in
    [[:digit:]]) echo "$c digit" ;;
    [a-z]) echo "$c lower" ;;
    *) echo "$c other" ;;
  esac
done
## STDOUT:
a lower
5 digit
Z other
## END

#### case with quoted pattern is literal
x='*'
case hello in
  "$x") echo literal ;;
  $x) echo pattern ;;
esac
## stdout: pattern

#### case with optional leading parenthesis
case b in
  (a) echo a ;;
  (b) echo b ;;
esac
## stdout: b

#### case with empty word and empty pattern
case "" in
  "") echo empty ;;
esac
## stdout: empty

#### case last branch without double semicolon
case x in
  x) echo last
esac
## stdout: last

#### nested loops and case
for i in 1 2 3; do
  case $i in
    2) continue ;;
  esac
  echo $i
done
## STDOUT:
1
3
## END

#### while read loop over a file
printf 'a 1\nb 2\n' > data
while read -r name num; do echo "$num:$name"; done < data
## STDOUT:
1:a
2:b
## END

#### select-free one-line loop forms
for i in 1 2; do echo $i; done; while false; do :; done; echo end
## STDOUT:
1
2
end
## END

#### loop variable changes are visible after the loop
for i in 1 2 3; do last=$i; done
echo $last
## stdout: 3

#### brace group body for a for loop
for i in a b; { echo $i; }
## STDOUT:
a
b
## END

#### break outside a loop is harmless
break
echo "status $?"
## stdout: status 0

#### until with a compound condition
i=0
until [ $i -ge 3 ] || [ $i -eq 1 ]; do i=$((i + 1)); done
echo $i
## stdout: 1
