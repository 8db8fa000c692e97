# ln readlink realpath stat du mktemp truncate rmdir, on files each case creates. Sizes use
# --apparent-size or -b, since allocated blocks depend on the file system under the temp dir.

#### ln -s makes a symbolic link
echo hi > target
ln -s target link
cat link
readlink link
## STDOUT:
hi
target
## END

#### ln -s into a directory keeps the base name
mkdir d
touch a b
ln -s ../a ../b d
readlink d/a d/b
## STDOUT:
../a
../b
## END

#### ln -s refuses an existing name without -f
touch a
ln -s a b
ln -s a b
echo "status $?"
ln -sf x b
readlink b
## STDOUT:
status 1
x
## END
## stderr-contains: ln: failed to create symbolic link 'b': File exists

#### ln -sv reports each link
touch a
ln -sv a l
## stdout: 'l' -> 'a'

#### ln -sn replaces a link to a directory
mkdir d1 d2
ln -s d1 cur
ln -sfn d2 cur
readlink cur
## stdout: d2

#### ln -sr makes a relative link
mkdir -p x/y
touch a
ln -sr a x/y/rel
readlink x/y/rel
## stdout: ../../a

#### ln with several targets needs a directory
touch a b
ln -s a b nodir
echo "status $?"
## stdout: status 1
## stderr-contains: ln: target 'nodir': No such file or directory

#### ln without operands
ln
echo "status $?"
## stdout: status 1
## stderr-contains: ln: missing file operand

#### readlink without -f fails quietly on a regular file
touch f
readlink f
echo "status $?"
readlink -v f
echo "status $?"
## STDOUT:
status 1
status 1
## END
## stderr-contains: readlink: f: Invalid argument

#### readlink -f follows every link
mkdir -p real/sub
ln -s real alias
ln -s alias/sub deep
readlink -f deep
## stdout: /work/real/sub

#### readlink -f, -e and -m on missing names
readlink -f missing
readlink -m missing/a/../b
readlink -e missing
echo "status $?"
## STDOUT:
/work/missing
/work/missing/b
status 1
## END

#### realpath resolves links and dot-dot
mkdir -p a/b
ln -s a/b link
realpath link/.. a/./b
## STDOUT:
/work/a
/work/a/b
## END

#### realpath -s keeps symlinks
mkdir d
ln -s d l
realpath -s l/../l
## stdout: /work/l

#### realpath --relative-to
mkdir -p x/y z
realpath --relative-to=x/y z x/y x
## STDOUT:
../../z
.
..
## END

#### realpath of a path through a missing directory
realpath missing/file
echo "status $?"
## stdout: status 1
## stderr-contains: realpath: missing/file: No such file or directory

#### realpath -e needs every component
touch f
realpath -e f nothere
echo "status $?"
## STDOUT:
/work/f
status 1
## END
## stderr-contains: realpath: nothere: No such file or directory

#### stat -c with file directives
printf hello > f
mkdir d
ln -s f l
stat -c '%n %s %F %a %A' f d
stat -c '%N %F' l
## STDOUT:
f 5 regular file 644 -rw-r--r--
d 4096 directory 755 drwxr-xr-x
'l' -> 'f' symbolic link
## END

#### stat -L follows the link
printf abc > f
ln -s f l
stat -L -c '%n %s %F' l
## stdout: l 3 regular file

#### stat --printf interprets escapes and adds no newline
printf xy > f
stat --printf '%n\t%s\n' f
## stdout: f	2

#### stat -c widths
printf 12345 > f
stat -c '[%8s][%-8n][%05a][%#a]' f
## stdout: [       5][f       ][00644][0644]

#### stat of a missing file
stat missing
echo "status $?"
## stdout: status 1
## stderr-contains: stat: cannot statx 'missing': No such file or directory

#### stat -c %Y and %y of a fixed time
touch -d '2020-01-02 03:04:05' f
stat -c '%Y %y' f
## stdout: 1577934245 2020-01-02 03:04:05.000000000 +0000

#### du -b counts bytes
mkdir -p d/sub
printf 12345 > d/a
printf 123 > d/sub/b
du -b d | sort -k2
## STDOUT:
8200	d
4099	d/sub
## END

#### du -sb, -ab and --max-depth
mkdir -p d/sub
printf 12345 > d/a
printf 123 > d/sub/b
du -sb d
du -ab d | sort -k2
du -b --max-depth=0 d
## STDOUT:
8200	d
8200	d
5	d/a
4099	d/sub
3	d/sub/b
8200	d
## END

#### du --apparent-size -h and -c
printf '%02000d' 0 > a
printf '%03000d' 0 > b
du --apparent-size -h a b
du -bc a b
## STDOUT:
2.0K	a
3.0K	b
2000	a
3000	b
5000	total
## END

#### du of a missing file
du missing
echo "status $?"
## stdout: status 1
## stderr-contains: du: cannot access 'missing': No such file or directory

#### mktemp creates a file from the template
f=$(mktemp -p . tmp.XXXXXX)
test -f "$f" && echo file
case $f in ./tmp.??????) echo named ;; esac
## STDOUT:
file
named
## END

#### mktemp -d creates a directory
d=$(mktemp -d -p . work.XXX)
test -d "$d" && echo dir
## stdout: dir

#### mktemp keeps a suffix after the X's
f=$(mktemp -p . aXXXX.txt)
case $f in ./a????.txt) echo ok ;; esac
## stdout: ok

#### mktemp with too few X's
mktemp fooXX
echo "status $?"
## stdout: status 1
## stderr-contains: mktemp: too few X's in template 'fooXX'

#### truncate shrinks, grows and creates
printf 'hello world' > f
truncate -s 5 f
cat f; echo
truncate -s +3 f
wc -c < f
truncate -s 10 new
wc -c < new
## STDOUT:
hello
8
10
## END

#### truncate relative sizes
printf 1234567 > f
truncate -s '%4' f
wc -c < f
truncate -s '/3' f
wc -c < f
truncate -s '<2' f
wc -c < f
## STDOUT:
8
6
2
## END

#### truncate -c does not create
truncate -c -s 5 nothere
test -e nothere || echo absent
## stdout: absent

#### truncate needs a size
touch f
truncate f
echo "status $?"
## stdout: status 1
## stderr-contains: truncate: you must specify either '--size' or '--reference'

#### rmdir removes empty directories
mkdir -p a/b/c
rmdir a/b/c
rmdir -p a/b
test -e a || echo gone
## stdout: gone

#### rmdir refuses a non-empty directory
mkdir d
touch d/f
rmdir d
echo "status $?"
rmdir --ignore-fail-on-non-empty d
echo "status $?"
## STDOUT:
status 1
status 0
## END
## stderr-contains: rmdir: failed to remove 'd': Directory not empty

#### rmdir -v
mkdir -p x/y
rmdir -pv x/y
## STDOUT:
rmdir: removing directory, 'x/y'
rmdir: removing directory, 'x'
## END

#### rmdir of a file
touch f
rmdir f
echo "status $?"
## stdout: status 1
## stderr-contains: rmdir: failed to remove 'f': Not a directory

#### ls follows a link named with a trailing slash
mkdir -p d && touch d/f && ln -s d l
ls -l l/ | sed 's/ .* / /'
ls -ld l/ | cut -c1
ls -l l | cut -c1
## STDOUT:
total 0
-rw-r--r-- f
d
l
## END
