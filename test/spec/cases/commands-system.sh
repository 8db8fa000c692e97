# expr bc date env printenv timeout checksums base64 base32 gzip tar zip, on data each case makes.

#### expr arithmetic and status
expr 2 \* 3 + 1
expr 5 - 5
echo "status $?"
## STDOUT:
7
0
status 1
## END

#### expr string operators
expr length hello
expr substr hello 2 3
expr index hello lo
expr foo.c : '\(.*\)\.c'
expr abc : 'a.*'
## STDOUT:
5
ell
3
foo
3
## END

#### expr errors
expr 1 / 0
echo "status $?"
expr a + 1
echo "status $?"
## STDOUT:
status 2
status 2
## END
## stderr-contains: expr: division by zero
## stderr-contains: expr: non-integer argument

#### bc basics
echo 'scale=3; 10/3; 2^10; sqrt(2)' | bc
## STDOUT:
3.333
1024
1.414
## END

#### bc leading zero and negative fractions
printf '0.5\n-0.25\n1/4\n' | bc -l
## STDOUT:
.5
-.25
.25000000000000000000
## END

#### bc math library
echo 'scale=10; 4*a(1); e(1); l(10); s(0); c(0)' | bc -l
## STDOUT:
3.1415926532
2.7182818284
2.3025850929
0
1.0000000000
## END

#### bc functions, arrays and loops
bc <<'EOF2'
define f(n) {
  if (n <= 1) return (1)
  return (n * f(n - 1))
}
f(20)
for (i = 0; i < 3; i++) a[i] = i * i
a[2]
print "done\n"
EOF2
## STDOUT:
2432902008176640000
4
done
## END

#### bc long numbers wrap at 70 columns
echo '2^300' | bc
## STDOUT:
20370359763344860862684456884093781610514683936659362506361404493543\
81299763336706183397376
## END

#### bc bases
echo 'obase=16; 255; obase=2; 10' | bc
echo 'ibase=16; FF' | bc
## STDOUT:
FF
1010
255
## END

#### date with a fixed time
date -u -d @0
date -u -d '2024-03-01 12:34:56' '+%Y-%m-%d %H:%M:%S %j %a %b %s'
date -u -d '2024-01-31 +1 month' +%F
date -u -d '2024-01-02 3 days ago' +%F
## STDOUT:
Thu Jan  1 00:00:00 UTC 1970
2024-03-01 12:34:56 061 Fri Mar 1709296496
2024-03-02
2023-12-30
## END

#### date iso and rfc formats
date -u -d @1720000000 -Iseconds
date -u -d @1720000000 -R
date -u -d @1720000000 --rfc-3339=date
## STDOUT:
2024-07-03T09:46:40+00:00
Wed, 03 Jul 2024 09:46:40 +0000
2024-07-03
## END

#### date in a fixed-offset zone
TZ=JST-9 date -d @0 '+%H:%M %Z %z %:z'
## stdout: 09:00 JST +0900 +09:00

#### date invalid
date -d nonsense
echo "status $?"
## stdout: status 1
## stderr-contains: date: invalid date 'nonsense'

#### env sets and unsets
env -i A=1 B=2 env
env -i A=1 B=2 env -u A
## STDOUT:
A=1
B=2
B=2
## END

#### env runs a command
env -i GREETING=hi printenv GREETING
## stdout: hi

#### printenv missing variable
env -i A=1 printenv A B
echo "status $?"
## STDOUT:
1
status 1
## END

#### timeout lets a quick command finish
timeout 5 echo fast
echo "status $?"
## STDOUT:
fast
status 0
## END

#### timeout stops a slow command
timeout 0.1 sleep 10
echo "status $?"
## stdout: status 124

#### md5sum and sha256sum
printf 'hello\n' > f
md5sum f
sha256sum f
sha1sum --tag f
## STDOUT:
b1946ac92492d2347c6235b4d2611184  f
5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03  f
SHA1 (f) = f572d396fae9206628714fb2ce00f72e94f2258f
## END

#### md5sum check mode
printf 'hello\n' > f
md5sum f > sums
md5sum -c sums
printf 'changed\n' > f
md5sum -c sums
echo "status $?"
## STDOUT:
f: OK
f: FAILED
status 1
## END
## stderr-contains: WARNING: 1 computed checksum did NOT match

#### cksum default and algorithms
printf 'hello\n' > f
cksum f
cksum -a sha256 f
## STDOUT:
3015617425 6 f
SHA256 (f) = 5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03
## END

#### b2sum with a length
printf 'hello\n' | b2sum -l 128
## stdout: ea41b4de6c03f13a95758b28dd75693e  -

#### base64 round trip
printf 'hello world' | base64
printf 'hello world' | base64 | base64 -d
echo
## STDOUT:
aGVsbG8gd29ybGQ=
hello world
## END

#### base64 wrap and invalid input
printf 'abcdefghij' | base64 -w 4
echo 'a!b' | base64 -d
echo "status $?"
## STDOUT:
YWJj
ZGVm
Z2hp
ag==
status 1
## END
## stderr-contains: base64: invalid input

#### base32 round trip
printf 'hello' | base32
printf 'hello' | base32 | base32 -d
echo
## STDOUT:
NBSWY3DP
hello
## END

#### gzip and gunzip in place
printf 'some text\n' > f
gzip f
ls
gunzip f.gz
cat f
## STDOUT:
f.gz
some text
## END

#### gzip keeps with -k and zcat reads
printf 'abc\n' > f
gzip -k f
ls
zcat f.gz
## STDOUT:
f
f.gz
abc
## END

#### gzip stdin round trip
printf 'line1\nline2\n' | gzip | gunzip
## STDOUT:
line1
line2
## END

#### zcat of plain data
echo hi | zcat
echo "status $?"
## stdout: status 1
## stderr-contains: gzip: stdin: not in gzip format

#### gzip missing file
gzip nope
echo "status $?"
## stdout: status 1
## stderr-contains: gzip: nope: No such file or directory

#### zgrep searches compressed files
printf 'alpha\nbeta\n' > f
gzip f
zgrep bet f.gz
zgrep -c a f.gz
## STDOUT:
beta
2
## END

#### tar create, list and extract
mkdir -p d/sub
printf 'one\n' > d/a
printf 'two\n' > d/sub/b
tar -cf x.tar d/a d/sub/b
tar -tf x.tar
mkdir out
tar -xf x.tar -C out
cat out/d/a out/d/sub/b
## STDOUT:
d/a
d/sub/b
one
two
## END

#### tar with gzip and strip-components
mkdir -p d
printf 'x\n' > d/f
tar -czf x.tgz d/f
mkdir out
tar -xzf x.tgz -C out --strip-components=1
cat out/f
tar -xOf x.tgz d/f
## STDOUT:
x
x
## END

#### tar missing member
mkdir d
printf 'x\n' > d/f
tar -cf x.tar d/f
tar -tf x.tar d/zz
echo "status $?"
## STDOUT:
status 2
## END
## stderr-contains: tar: d/zz: Not found in archive

#### zip and unzip
mkdir d
printf 'hello\n' > d/a
zip -q -r out.zip d
unzip -p out.zip d/a
mkdir o
unzip -q out.zip -d o
cat o/d/a
## STDOUT:
hello
hello
## END

#### unzip missing archive
unzip -l nope.zip
echo "status $?"
## stdout: status 9
## stderr-contains: cannot find or open nope.zip
