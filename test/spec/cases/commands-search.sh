# diff cmp patch xargs rg jq (cases where jq 1.6 and 1.8 agree).

#### diff normal format and status
printf 'a\nb\nc\n' > x
printf 'a\nB\nc\nd\n' > y
diff x y
echo "status=$?"
## STDOUT:
2c2
< b
---
> B
3a4
> d
status=1
## END

#### diff identical files
printf 'a\n' > x
cp x y
diff x y && echo same
diff -s x y
## STDOUT:
same
Files x and y are identical
## END

#### diff -u with labels
printf '1\n2\n3\n4\n5\n6\n7\n8\n9\n' > x
printf '1\n2\nthree\n4\n5\n6\n7\n8\n9\nten\n' > y
diff -u --label old --label new x y
## STDOUT:
--- old
+++ new
@@ -1,9 +1,10 @@
 1
 2
-3
+three
 4
 5
 6
 7
 8
 9
+ten
## END
## status: 1

#### diff -U0 and missing newline
printf 'a\nb' > x
printf 'a\nc\n' > y
diff -U0 --label x --label y x y
## STDOUT:
--- x
+++ y
@@ -2 +2 @@
-b
\ No newline at end of file
+c
## END
## status: 1

#### diff -c with labels
printf 'a\nb\n' > x
printf 'a\nc\n' > y
diff -c --label x --label y x y
## STDOUT:
*** x
--- y
***************
*** 1,2 ****
  a
! b
--- 1,2 ----
  a
! c
## END
## status: 1

#### diff -q, -w, -i, -B
printf 'a b\nX\n\n' > x
printf 'a  b\nx\n' > y
diff -q x y
diff -w -i -B x y && echo quiet
## STDOUT:
Files x and y differ
quiet
## END

#### diff -r over directories
mkdir -p d1/s d2/s
echo 1 > d1/f; echo 2 > d2/f
echo x > d1/only
echo y > d2/s/z
diff -r d1 d2
echo "status=$?"
## STDOUT:
diff -r d1/f d2/f
1c1
< 1
---
> 2
Only in d1: only
Only in d2/s: z
status=1
## END

#### diff missing file and bad usage
diff nope x
echo "status=$?"
diff x
echo "status=$?"
## STDOUT:
status=2
status=2
## END
## stderr-contains: diff: nope: No such file or directory
## stderr-contains: diff: missing operand after 'x'

#### diff -y side by side
printf 'a\nb\n' > x
printf 'a\nc\n' > y
diff -y -W 20 x y
## STDOUT:
a	a
b     |	c
## END
## status: 1

#### cmp differ and EOF
printf 'abc\ndef\n' > x
printf 'abc\ndxf\n' > y
printf 'abc\n' > z
cmp x y
cmp z x
cmp -s x x && echo equal
## STDOUT:
x y differ: char 6, line 2
equal
## END
## stderr-contains: cmp: EOF on z after byte 4, line 1

#### cmp -l and -b
printf 'abc' > x
printf 'axd' > y
cmp -l x y
cmp -b x y
## STDOUT:
2 142 170
3 143 144
x y differ: byte 2, line 1 is 142 b 170 x
## END
## status: 1

#### patch applies a unified diff
printf '1\n2\n3\n4\n5\n' > f
printf '1\n2\nthree\n4\n5\n' > g
diff -u --label f --label f f g > p.diff
patch < p.diff
cat f
## STDOUT:
patching file f
1
2
three
4
5
## END

#### patch with offset, dry run and -R
printf '1\n2\n3\n4\n5\n6\n7\n8\n' > f
printf '1\n2\n3\n4\nfive\n6\n7\n8\n' > g
diff -u --label f --label f f g > p.diff
printf 'x\ny\n1\n2\n3\n4\n5\n6\n7\n8\n' > f
patch --dry-run -i p.diff
patch --no-backup-if-mismatch -i p.diff
patch -R --no-backup-if-mismatch -i p.diff
cat f
## STDOUT:
checking file f
Hunk #1 succeeded at 4 (offset 2 lines).
patching file f
Hunk #1 succeeded at 4 (offset 2 lines).
patching file f
Hunk #1 succeeded at 4 (offset 2 lines).
x
y
1
2
3
4
5
6
7
8
## END

#### patch rejects a hunk that does not apply
printf 'a\nb\nc\n' > f
printf 'a\nB\nc\n' > g
diff -u --label f --label f f g > p.diff
printf 'x\ny\nz\n' > f
patch -i p.diff
echo "status=$?"
cat f.rej
## STDOUT:
patching file f
Hunk #1 FAILED at 1.
1 out of 1 hunk FAILED -- saving rejects to file f.rej
status=1
--- f
+++ f
@@ -1,3 +1,3 @@
 a
-b
+B
 c
## END

#### patch -p1 creates a file
mkdir w
printf -- '--- /dev/null\n+++ b/new.txt\n@@ -0,0 +1,2 @@\n+hello\n+world\n' > w.diff
cd w
patch -p1 < ../w.diff
cat new.txt
## STDOUT:
patching file new.txt
hello
world
## END

#### xargs default echo and -n
printf 'a b\nc "d e" f\\ g\n' | xargs
printf '1 2 3 4 5\n' | xargs -n 2 echo n:
## STDOUT:
a b c d e f g
n: 1 2
n: 3 4
n: 5
## END

#### xargs -I, -0, -d and -L
printf 'a b\nc\n' | xargs -I{} echo '[{}]'
printf 'x\0y z\0' | xargs -0 -n1 echo
printf 'p:q' | xargs -d: -n1 echo
printf 'a b\nc\n' | xargs -L 1 echo L
## STDOUT:
[a b]
[c]
x
y z
p
q
L a b
L c
## END

#### xargs -r, -t and statuses
printf '' | xargs -r echo never
printf 'a\n' | xargs -t echo
printf 'a\n' | xargs false
echo "status=$?"
printf "a 'b\n" | xargs echo
echo "status=$?"
## STDOUT:
a
status=123
a
status=1
## END
## stderr-contains: echo a
## stderr-contains: xargs: unmatched single quote

#### rg searches a tree, skipping hidden and ignored files
mkdir -p .git src .hid
printf 'hello world\nbye\n' > a.txt
printf 'say hello\n' > src/m.rs
printf 'hello\n' > .hid/x
printf 'hello\n' > skip.log
printf '*.log\n' > .gitignore
rg --sort path hello .
echo "status=$?"
rg --sort path -n -t rust hello .
rg nothing .
echo "status=$?"
## STDOUT:
./a.txt:hello world
./src/m.rs:say hello
status=0
./src/m.rs:1:say hello
status=1
## END

#### rg flags on one file
printf 'Hello\nhello world\nfoo\n' > f
rg -i hello f
rg -c hello f
rg -o 'w.r' f
rg -v -n world f
rg -w -F 'hello' f
## STDOUT:
Hello
hello world
1
wor
1:Hello
3:foo
hello world
## END

#### rg context and files
mkdir .git
printf 'a\nb\nc\nd\ne\n' > f
printf 'x\n' > g
rg -C1 c f
rg --files --sort path .
rg -l --sort path . -e x -e e
## STDOUT:
b
c
d
./f
./g
./f
./g
## END

#### rg regex error
rg '(' .
echo "status=$?"
## STDOUT:
status=2
## END
## stderr-contains: regex parse error

#### jq basic filters and formats
echo '{"a":{"b":[1,2,3]},"s":"x y"}' > j.json
jq .a.b j.json
jq -c '.a.b | map(. * 2)' j.json
jq -r .s j.json
jq --tab '.a' j.json
## STDOUT:
[
  1,
  2,
  3
]
[2,4,6]
x y
{
	"b": [
		1,
		2,
		3
	]
}
## END

#### jq -n, --arg, -s, -R and inputs
jq -n --arg x hi '{x: $x}' -c
printf '1 2 3' | jq -s -c .
printf 'a\nb\n' | jq -R .
printf '1\n2\n' | jq -n '[inputs] | add'
## STDOUT:
{"x":"hi"}
[1,2,3]
"a"
"b"
3
## END

#### jq -e statuses
echo null | jq -e . >/dev/null
echo "status=$?"
echo 1 | jq -e . >/dev/null
echo "status=$?"
## STDOUT:
status=1
status=0
## END

#### jq runtime error keeps going
printf '{"a":1}\n3\n{"a":2}\n' | jq .a
echo "status=$?"
## STDOUT:
1
2
status=0
## END
## stderr-contains: jq: error (at <stdin>:2): Cannot index number with

#### jq compile error
jq '.a |' </dev/null
echo "status=$?"
## STDOUT:
status=3
## END
## stderr-contains: jq: 1 compile error
