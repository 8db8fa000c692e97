# Whole small scripts of the kind agents write, mixing many features.

#### count words in files and report the largest
mkdir docs
printf 'one two three\n' > docs/a.txt
printf 'one\n' > docs/b.txt
printf 'a b c d e\n' > docs/c.txt
best= max=-1
for f in docs/*.txt; do
  n=$(wc -w < "$f")
  if (( n > max )); then max=$n best=$f; fi
done
echo "$best has $max words"
## stdout: docs/c.txt has 5 words

#### csv column sum with read and IFS
cat > data.csv <<EOF
name,qty,price
apple,3,2
pear,5,1
EOF
total=0
{
  read -r header
  while IFS=, read -r name qty price; do
    total=$(( total + qty * price ))
  done
} < data.csv
echo "total=$total header=$header"
## stdout: total=11 header=name,qty,price

#### rename files by extension
touch a.txt b.txt c.md
for f in *.txt; do mv "$f" "${f%.txt}.bak"; done
ls
## STDOUT:
a.bak
b.bak
c.md
## END

#### associative array counting words
declare -A count
for w in red green red blue red green; do
  count[$w]=$(( ${count[$w]:-0} + 1 ))
done
for k in "${!count[@]}"; do echo "$k ${count[$k]}"; done | sort
## STDOUT:
blue 1
green 2
red 3
## END

#### option parsing with a usage function
usage() { echo "usage: tool [-v] [-o file] name" >&2; return 2; }
main() {
  local verbose=0 out=- OPTIND opt
  while getopts vo: opt; do
    case $opt in
      v) verbose=1 ;;
      o) out=$OPTARG ;;
      *) usage; return ;;
    esac
  done
  shift $((OPTIND - 1))
  [ $# -eq 1 ] || { usage; return; }
  echo "verbose=$verbose out=$out name=$1"
}
main -v -o result.txt thing
main -x 2>/dev/null
echo "status $?"
main 2>/dev/null
echo "status $?"
## STDOUT:
verbose=1 out=result.txt name=thing
status 2
status 2
## END

#### retry loop with a counter file
attempt() {
  local n
  n=$(cat counter 2>/dev/null || echo 0)
  n=$((n + 1))
  echo $n > counter
  [ $n -ge 3 ]
}
until attempt; do echo "attempt $(cat counter) failed"; done
echo "succeeded after $(cat counter)"
## STDOUT:
attempt 1 failed
attempt 2 failed
succeeded after 3
## END

#### build a report with a here-doc and functions
title() { echo "== $1 =="; }
items=(alpha beta gamma)
cat <<EOF
$(title Report)
count: ${#items[@]}
first: ${items[0]^}
last: ${items[-1]}
EOF
## STDOUT:
== Report ==
count: 3
first: Alpha
last: gamma
## END

#### find the longest line with a while loop
printf 'short\na much longer line\nmid size\n' > f
longest=
while IFS= read -r line; do
  (( ${#line} > ${#longest} )) && longest=$line
done < f
echo "$longest"
## stdout: a much longer line

#### join an array with a separator
join() { local IFS=$1; shift; echo "$*"; }
join , a b c
join ' - ' x y
## STDOUT:
a,b,c
x y
## END

#### string manipulation pipeline over paths
paths='/usr/local/bin/tool
/home/user/file.tar.gz
relative/name.txt'
while read -r p; do
  base=${p##*/}
  dir=${p%/*}
  echo "$base | ${base%%.*} | $dir"
done <<< "$paths"
## STDOUT:
tool | tool | /usr/local/bin
file.tar.gz | file | /home/user
name.txt | name | relative
## END

#### error handling with set -e and a trap
set -e
trap 'echo "failed at line $LINENO"' ERR
step() { echo "step $1"; }
step 1
step 2
false
step 3
## STDOUT:
step 1
step 2
failed at line 6
## END
## status: 1

#### fizzbuzz
for ((i = 1; i <= 15; i++)); do
  out=
  (( i % 3 == 0 )) && out+=Fizz
  (( i % 5 == 0 )) && out+=Buzz
  echo "${out:-$i}"
done | tr '\n' ,
echo
## stdout: 1,2,Fizz,4,Buzz,Fizz,7,8,Fizz,Buzz,11,Fizz,13,14,FizzBuzz,

#### group lines by key with sort and a state machine
printf 'b 2\na 1\nb 3\na 4\n' | sort | {
  prev= sum=0
  while read -r k v; do
    if [ -n "$prev" ] && [ "$k" != "$prev" ]; then echo "$prev $sum"; sum=0; fi
    prev=$k
    sum=$((sum + v))
  done
  echo "$prev $sum"
}
## STDOUT:
a 5
b 5
## END

#### stack with an array
stack=()
push() { stack+=("$1"); }
pop() { local top=${stack[-1]}; unset 'stack[-1]'; echo "$top"; }
push a; push b; push c
pop
pop
echo "left: ${stack[*]}"
## STDOUT:
c
b
left: a
## END

#### copy a tree and compare listings
mkdir -p src/x src/y
echo 1 > src/x/one
echo 2 > src/y/two
cp -r src dst
[ "$(cd src && ls -R)" = "$(cd dst && ls -R)" ] && echo same
grep -r . dst | sort
## STDOUT:
same
dst/x/one:1
dst/y/two:2
## END

#### tee into a log while counting
seq 5 | tee log | wc -l
tail -n 1 log
## STDOUT:
5
5
## END
