# cat ls mkdir rm cp mv touch, on files each case creates.

#### cat a file
printf 'a\nb\n' > f
cat f
## STDOUT:
a
b
## END

#### cat several files
echo one > a
echo two > b
cat a b
## STDOUT:
one
two
## END

#### cat from stdin with a dash
echo file > f
echo piped | cat f - f
## STDOUT:
file
piped
file
## END

#### cat a missing file
echo ok > f
cat f missing
echo "status $?"
## STDOUT:
ok
status 1
## END
## stderr-contains: cat: missing: No such file or directory

#### cat a directory
mkdir d
cat d
echo "status $?"
## stdout: status 1
## stderr-contains: cat: d: Is a directory

#### cat -n numbers lines
printf 'a\nb\n' | cat -n
## STDOUT:
     1	a
     2	b
## END

#### cat keeps a missing final newline
printf 'no newline' > f
cat f
## stdout-json: "no newline"

#### cat reads the script stdin
cat
## STDIN:
from stdin
## END
## stdout: from stdin

#### ls of an empty directory
ls
## stdout-json: ""

#### ls lists sorted names one per line
touch b a c
mkdir d
ls
## STDOUT:
a
b
c
d
## END

#### ls hides dot files unless -a
touch .hidden shown
ls
echo --
ls -a
echo --
ls -A
## STDOUT:
shown
--
.
..
.hidden
shown
--
.hidden
shown
## END

#### ls of a file operand prints its name
touch f
ls f
## stdout: f

#### ls of several directories
mkdir x y
touch x/1 y/2
ls x y
## STDOUT:
x:
1

y:
2
## END

#### ls of a missing path
ls missing
echo "status $?"
## stdout: status 2
## stderr-contains: ls: cannot access 'missing': No such file or directory

#### ls -1 and -d
mkdir d
touch d/inner
ls -1 d
ls -d d
## STDOUT:
inner
d
## END

#### ls -R
mkdir -p a/b
touch a/f a/b/g
ls -R a
## STDOUT:
a:
b
f

a/b:
g
## END

#### ls -F marks directories
mkdir d
touch f
ls -F
## STDOUT:
d/
f
## END

#### ls sorts in C locale order
touch B a _c 1
ls
## STDOUT:
1
B
_c
a
## END

#### mkdir creates a directory
mkdir d
[ -d d ] && echo made
## stdout: made

#### mkdir of an existing directory fails
mkdir d
mkdir d
echo "status $?"
## stdout: status 1
## stderr-contains: mkdir: cannot create directory 'd': File exists

#### mkdir without parents fails
mkdir a/b
echo "status $?"
## stdout: status 1
## stderr-contains: mkdir: cannot create directory 'a/b': No such file or directory

#### mkdir -p creates parents and tolerates existing
mkdir -p a/b/c
mkdir -p a/b/c
echo "status $?"
ls a/b
## STDOUT:
status 0
c
## END

#### mkdir several directories
mkdir x y z
ls
## STDOUT:
x
y
z
## END

#### rm a file
touch f g
rm f
ls
## stdout: g

#### rm a missing file
rm missing
echo "status $?"
## stdout: status 1
## stderr-contains: rm: cannot remove 'missing': No such file or directory

#### rm -f ignores missing files
rm -f missing
echo "status $?"
## stdout: status 0

#### rm refuses a directory without -r
mkdir d
rm d
echo "status $?"
## stdout: status 1
## stderr-contains: rm: cannot remove 'd': Is a directory

#### rm -r removes a tree
mkdir -p d/e
touch d/e/f d/g
rm -r d
ls
## stdout-json: ""

#### rm -rf of a missing path
rm -rf nothing/here
echo "status $?"
## stdout: status 0

#### rmdir-free removal of an empty directory with rm -d
mkdir d
rm -d d
ls
## stdout-json: ""

#### cp a file
echo data > a
cp a b
cat b
## stdout: data

#### cp into a directory
mkdir d
echo data > a
cp a d/
cat d/a
## stdout: data

#### cp several files into a directory
mkdir d
touch a b
cp a b d
ls d
## STDOUT:
a
b
## END

#### cp overwrites the target
echo new > a
echo old > b
cp a b
cat b
## stdout: new

#### cp a directory needs -r
mkdir d
cp d e
echo "status $?"
## stdout: status 1
## stderr-contains: cp: -r not specified; omitting directory 'd'

#### cp -r copies a tree
mkdir -p src/sub
echo x > src/sub/f
cp -r src dst
cat dst/sub/f
## stdout: x

#### cp -r into an existing directory nests it
mkdir -p src dst
touch src/f
cp -r src dst
ls dst dst/src
## STDOUT:
dst:
src

dst/src:
f
## END

#### cp a missing file
cp missing x
echo "status $?"
## stdout: status 1
## stderr-contains: cp: cannot stat 'missing': No such file or directory

#### mv renames a file
echo data > a
mv a b
ls
cat b
## STDOUT:
b
data
## END

#### mv into a directory
mkdir d
touch a
mv a d
ls d
## stdout: a

#### mv a directory
mkdir -p d/sub
touch d/sub/f
mv d e
ls e/sub
## stdout: f

#### mv overwrites a file
echo new > a
echo old > b
mv a b
cat b
ls
## STDOUT:
new
b
## END

#### mv a missing file
mv missing x
echo "status $?"
## stdout: status 1
## stderr-contains: mv: cannot stat 'missing': No such file or directory

#### touch creates an empty file
touch f
wc -c < f
## stdout: 0

#### touch keeps existing content
echo keep > f
touch f
cat f
## stdout: keep

#### touch in a missing directory
touch nodir/f
echo "status $?"
## stdout: status 1
## stderr-contains: touch: cannot touch 'nodir/f': No such file or directory

#### touch -c does not create
touch -c f
ls
## stdout-json: ""

#### files with spaces in names
touch 'a b' c
ls
for f in *; do echo "[$f]"; done
## STDOUT:
a b
c
[a b]
[c]
## END
