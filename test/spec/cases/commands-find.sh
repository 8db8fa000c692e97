# find, on trees each case creates. Real find lists a directory in the file system's own order and
# Mirage in byte order, so cases with several entries sort the output (or list one entry per directory).

#### find lists everything under a directory
mkdir -p d/e
touch a d/b d/e/c
find . | sort
## STDOUT:
.
./a
./d
./d/b
./d/e
./d/e/c
## END

#### find with no path starts at the working directory
mkdir d
touch d/x
cd d && find
## STDOUT:
.
./x
## END

#### find -name matches base names with a glob
mkdir -p src/lib
touch src/a.c src/b.h src/lib/c.c README
find . -name '*.c' | sort
## STDOUT:
./src/a.c
./src/lib/c.c
## END

#### find -iname ignores case
touch Notes.TXT other
find . -iname '*.txt'
## stdout: ./Notes.TXT

#### find -type f and -type d
mkdir -p d/sub
touch d/f
find d -type f
find d -type d | sort
## STDOUT:
d/f
d
d/sub
## END

#### find -type with a list of letters
mkdir d
touch f
ln -s f l
find . -type f,l | sort
## STDOUT:
./f
./l
## END

#### find -maxdepth and -mindepth
mkdir -p a/b/c
find a -maxdepth 1
find a -mindepth 2 | sort
## STDOUT:
a
a/b
a/b/c
## END

#### find -path and -wholename see the whole path
mkdir -p x/y
touch x/y/z x/w
find . -path './x/y/*'
find . -wholename '*/w'
## STDOUT:
./x/y/z
./x/w
## END

#### find -regex uses emacs syntax by default
touch a1 b2 c3
find . -regex '.*/\(a\|b\)[0-9]' | sort
## STDOUT:
./a1
./b2
## END

#### find -regextype posix-extended
touch a1 b2 c3
find . -regextype posix-extended -regex '.*/(b|c)[[:digit:]]' | sort
## STDOUT:
./b2
./c3
## END

#### find -empty
mkdir empty full
touch full/zero
printf x > full/one
find . -empty | sort
## STDOUT:
./empty
./full/zero
## END

#### find -size rounds up to the unit
printf '%05000d' 0 > five
printf x > one
: > zero
find . -type f -size -1k
find . -type f -size 1k
find . -type f -size +4k
find . -size 5000c
## STDOUT:
./zero
./one
./five
./five
## END

#### find -newer compares modification times
touch -d '2020-01-01 00:00' old
touch -d '2021-01-01 00:00' ref
touch -d '2022-01-01 00:00' new
find . -type f -newer ref
## stdout: ./new

#### find -mtime counts whole days back
touch -d '2000-01-01 00:00' ancient
touch fresh
find . -type f -mtime +1000
find . -type f -mtime -1
## STDOUT:
./ancient
./fresh
## END

#### find -prune skips a directory
mkdir -p keep skip/deep
touch keep/k skip/s skip/deep/d
find . -name skip -prune -o -type f -print | sort
## STDOUT:
./keep/k
## END

#### find -depth lists contents first
mkdir -p a/b
find a -depth
## STDOUT:
a/b
a
## END

#### find operators: ! -o and parentheses
touch a b c
find . -type f ! -name a | sort
find . \( -name a -o -name c \) -print | sort
## STDOUT:
./b
./c
./a
./c
## END

#### find comma evaluates both sides
touch a
find . -name a -printf 'first\n' , -name a -printf 'second\n'
## STDOUT:
first
second
## END

#### find -print0
mkdir d
touch d/x
find d -print0
## stdout-json: "d\u0000d/x\u0000"

#### find -printf directives
mkdir -p d/sub
printf hello > d/sub/f.txt
find d -name f.txt -printf '%p|%f|%h|%P|%H|%d|%s|%y|%m\n'
## stdout: d/sub/f.txt|f.txt|d/sub|sub/f.txt|d|2|5|f|644

#### find -printf widths and escapes
touch ab
find . -name ab -printf '[%-5f][%5f]\t%%\n'
## stdout: [ab   ][   ab]	%

#### find -printf with a fixed modification time
touch -d '2020-01-02 03:04:05' f
find f -printf '%TY-%Tm-%Td %TH:%TM %t %T@\n'
## stdout: 2020-01-02 03:04 Thu Jan  2 03:04:05.0000000000 2020 1577934245.0000000000

#### find -printf of symlinks
touch target
ln -s target link
ln -s missing dangling
find . -type l -printf '%p %l %Y\n' | sort
## STDOUT:
./dangling missing N
./link target f
## END

#### find -exec with a semicolon runs once per file
touch a b
find . -type f -exec echo file: {} ';' | sort
## STDOUT:
file: ./a
file: ./b
## END

#### find -exec with a plus batches names
mkdir d
touch d/x
find d -exec echo {} +
## stdout: d d/x

#### find -exec result is a test
touch a b
find . -type f -exec test {} = ./a ';' -print
## stdout: ./a

#### find -quit stops at the first match
mkdir d
touch d/only
find d -type f -print -quit
## stdout: d/only

#### find -delete removes depth first
mkdir -p junk/sub
touch junk/sub/f keep
find . -name junk -delete
echo "status $?"
find junk -delete
find . | sort
## STDOUT:
status 1
.
./keep
## END
## stderr-contains: find: cannot delete './junk': Directory not empty

#### find follows symlinks with -L
mkdir real
touch real/inside
ln -s real alias
find alias
find -L alias | sort
## STDOUT:
alias
alias
alias/inside
## END

#### find -L reports a file system loop
mkdir d
ln -s .. d/up
find -L d -name up
echo "status $?"
## STDOUT:
d/up
status 1
## END
## stderr-contains: find: File system loop detected; 'd/up/d' is part of the same file system loop as 'd'.

#### find of a missing start point
find missing
echo "status $?"
## stdout: status 1
## stderr-contains: find: 'missing': No such file or directory

#### find of a file with a trailing slash
touch f
find f/
echo "status $?"
## stdout: status 1
## stderr-contains: find: 'f/': Not a directory

#### find with an unknown predicate
find . -bogus
echo "status $?"
## stdout: status 1
## stderr-contains: find: unknown predicate `-bogus'

#### find with a missing argument
find . -name
echo "status $?"
## stdout: status 1
## stderr-contains: find: missing argument to `-name'

#### find with an unbalanced parenthesis
find . \( -name x
echo "status $?"
## stdout: status 1
## stderr-contains: find: invalid expression; I was expecting to find a ')' somewhere but did not see one.

#### find with paths after the expression
touch a
find -name a .
echo "status $?"
## stdout: status 1
## stderr-contains: find: paths must precede expression: `.'

#### find -type with an unknown letter
find . -type q
echo "status $?"
## stdout: status 1
## stderr-contains: find: Unknown argument to -type: q

#### find -warn about a late global option
touch a
find . -warn -name a -maxdepth 1
## stdout: ./a
## stderr-contains: find: warning: you have specified the global option -maxdepth after the argument -name, but global options are not positional

#### find -size with a bad unit
find . -size 3q
echo "status $?"
## stdout: status 1
## stderr-contains: find: invalid -size type `q'

#### find -regex that does not compile
find . -regex '\('
echo "status $?"
## stdout: status 1
## stderr-contains: find: failed to compile regular expression '\(': Unmatched ( or \(

#### find output feeds xargs-free loops
mkdir -p d
touch d/one d/two
find d -type f | sort | while read -r f; do echo "got $f"; done
## STDOUT:
got d/one
got d/two
## END
