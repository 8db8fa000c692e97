# Redirections: files, descriptors, duplication, closing, noclobber, process substitution.

#### output redirect creates and truncates
echo first > f
echo second > f
cat f
## stdout: second

#### append redirect
echo a > f
echo b >> f
cat f
## STDOUT:
a
b
## END

#### input redirect
printf 'x\ny\n' > f
wc -l < f
## stdout: 2

#### redirect stderr to a file
{ echo out; echo err >&2; } 2> e
echo "[$(cat e)]"
## STDOUT:
out
[err]
## END

#### stderr to stdout
{ echo out; echo err >&2; } 2>&1 | sort
## STDOUT:
err
out
## END

#### stdout to stderr
echo visible
echo hidden >&2
## stdout: visible
## stderr-contains: hidden

#### explicit 1>&2
echo to-err 1>&2
## stderr-contains: to-err

#### ampersand-greater sends both to a file
{ echo out; echo err >&2; } &> both
sort both
## STDOUT:
err
out
## END

#### ampersand-double-greater appends both
echo first > both
{ echo out; echo err >&2; } &>> both
wc -l < both
## stdout: 3

#### discard stderr to dev null
ls nonexistent_file 2>/dev/null
echo "status $?"
## stdout: status 2

#### discard stdout to dev null
echo gone > /dev/null
echo kept
## stdout: kept

#### order matters stderr dup before file
{ echo out; echo err >&2; } 2>&1 > f
echo "file: $(cat f)"
## STDOUT:
err
file: out
## END

#### order matters file before stderr dup
{ echo out; echo err >&2; } > f 2>&1
sort f
## STDOUT:
err
out
## END

#### read-write redirect
echo hello > f
cat <> f
## stdout: hello

#### read-write redirect creates a missing file
: <> created
ls
## stdout: created

#### close stdout
( echo hidden >&- ) 2>/dev/null
echo "status $?"
## stdout: status 1

#### close a numbered descriptor
exec 3> f
echo via3 >&3
exec 3>&-
echo again >&3
echo "status $?"
cat f
## STDOUT:
status 1
via3
## END
## stderr-contains: Bad file descriptor

#### numbered descriptor for input
printf 'l1\nl2\n' > f
exec 4< f
read -r a <&4
read -r b <&4
exec 4<&-
echo "$a $b"
## stdout: l1 l2

#### redirect before the command name
> f echo prefix
cat f
## stdout: prefix

#### redirect in the middle of arguments
echo a > f b
cat f
## stdout: a b

#### several output redirects the last one wins
echo x > f1 > f2
echo "[$(cat f1)] [$(cat f2)]"
## stdout: [] [x]

#### redirect on a group
{ echo one; echo two; } > f
cat f
## STDOUT:
one
two
## END

#### redirect on a loop
for i in 1 2 3; do echo $i; done > f
tail -n 1 f
## stdout: 3

#### redirect of a while loop input
printf 'a\nb\n' > f
while read -r l; do echo "<$l>"; done < f
## STDOUT:
<a>
<b>
## END

#### redirect to a missing directory fails
echo x > nodir/f
echo "status $?"
## stdout: status 1
## stderr-contains: nodir/f: No such file or directory

#### input from a missing file fails
cat < missing
echo "status $?"
## stdout: status 1
## stderr-contains: missing: No such file or directory

#### noclobber refuses to overwrite
echo first > f
set -o noclobber
echo second > f
echo "status $?"
cat f
## STDOUT:
status 1
first
## END
## stderr-contains: cannot overwrite existing file

#### greater-pipe overrides noclobber
echo first > f
set -C
echo second >| f
cat f
## stdout: second

#### noclobber still allows append and new files
set -C
echo a > new
echo b >> new
cat new
## STDOUT:
a
b
## END

#### exec redirects the rest of the script
exec > f
echo into-file
exec >&2
cat f >&2
## stderr-contains: into-file

#### redirect with a variable target
name=out.txt
echo data > "$name"
cat out.txt
## stdout: data

#### duplicate an input descriptor
echo line > f
exec 5< f
cat <&5
## stdout: line

#### process substitution as input
cat <(echo a) <(echo b)
## STDOUT:
a
b
## END

#### process substitution with a loop
while read -r x; do echo "got $x"; done < <(printf '1\n2\n')
## STDOUT:
got 1
got 2
## END

#### process substitution keeps variables in the current shell
n=0
while read -r x; do n=$((n + 1)); done < <(seq 5)
echo $n
## stdout: 5

#### output process substitution
echo hello > >(tr a-z A-Z > up.txt)
wait $!
cat up.txt
## stdout: HELLO

#### redirect a builtin's stderr
cd /nonexistent_dir_xyz 2>/dev/null
echo "status $?"
## stdout: status 1

#### here-string
cat <<< 'here string'
## stdout: here string

#### here-string adds a newline
wc -c <<< abc
## stdout: 4

#### here-string expands variables
x=val
tr a-z A-Z <<< "$x and more"
## stdout: VAL AND MORE

#### empty redirect target is an error
f=
echo x > $f
echo "status $?"
## stdout: status 1
## stderr-contains: ambiguous redirect

#### redirect to a glob matching two files is ambiguous
touch a1 a2
echo x > a*
echo "status $?"
## stdout: status 1
## stderr-contains: ambiguous redirect

#### stdout and stderr to separate files
{ echo o; echo e >&2; } > out 2> err
echo "$(cat out) $(cat err)"
## stdout: o e

#### stderr redirect of one command in a pipeline
{ echo o; echo e >&2; } 2>&1 | tr a-z A-Z
## STDOUT:
O
E
## END

#### swap stdout and stderr
{ echo o; echo e >&2; } 3>&1 1>&2 2>&3 | tr a-z A-Z
## stdout: E
## stderr-contains: o

#### /dev/zero and /dev/urandom are endless sources
head -c 5 /dev/zero | od -An -tx1
head -c 70000 /dev/urandom | wc -c
echo discarded > /dev/zero; echo $?
## STDOUT:
 00 00 00 00 00
70000
0
## END
