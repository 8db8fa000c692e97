# paste join comm nl fold fmt expand unexpand rev tac column split csplit shuf tsort od xxd strings iconv numfmt.

#### paste joins files side by side
printf '1\n2\n3\n' > a
printf 'x\ny\n' > b
paste a b
paste -d, a b
## stdout-json: "1\tx\n2\ty\n3\t\n1,x\n2,y\n3,\n"

#### paste -s and a delimiter list
printf '1\n2\n3\n4\n' | paste -sd ':,'
## stdout: 1:2,3:4

#### paste with stdin twice takes lines in turn
printf 'a\nb\nc\nd\ne\n' | paste - -
## stdout-json: "a\tb\nc\td\ne\t\n"

#### join on the first field
printf '1 apple\n2 banana\n3 cherry\n' > a
printf '1 red\n3 dark\n4 none\n' > b
join a b
join -v2 a b
join -a1 -e X -o 0,1.2,2.2 a b
## STDOUT:
1 apple red
3 cherry dark
4 none
1 apple red
2 banana X
3 cherry dark
## END

#### join -t with a custom separator and field
printf 'x,a\ny,b\n' > a
printf 'a,1\nb,2\n' > b
join -t, -1 2 -2 1 a b
## STDOUT:
a,x,1
b,y,2
## END

#### join warns about unsorted input
printf 'b 1\na 2\n' > a
printf 'a x\nc y\n' > b
join a b
echo "status=$?"
## STDOUT:
status=1
## END
## stderr-contains: join: a:2: is not sorted: a 2

#### comm shows three columns
printf 'a\nb\nc\n' > x
printf 'b\nc\nd\n' > y
comm x y
comm -12 x y
## STDOUT:
a
		b
		c
	d
b
c
## END

#### comm --output-delimiter and --total
printf 'a\nb\n' > x
printf 'b\nc\n' > y
comm --output-delimiter=: --total x y
## STDOUT:
a
::b
:c
1:1:1:total
## END

#### nl numbers non-empty lines by default
printf 'one\n\ntwo\n' | nl
## stdout-json: "     1\tone\n       \n     2\ttwo\n"

#### nl -ba -n rz -w 3 -s
printf 'a\n\nb\n' | nl -ba -n rz -w 3 -s ': '
## stdout-json: "001: a\n002: \n003: b\n"

#### fold wraps at a width
echo 'abcdefghij' | fold -w 4
## STDOUT:
abcd
efgh
ij
## END

#### fold -s breaks at spaces
echo 'the quick brown fox jumps' | fold -s -w 10
## stdout-json: "the quick \nbrown fox \njumps\n"

#### fmt refills a paragraph
printf 'one two\nthree four five six seven eight nine ten eleven twelve\n' | fmt -w 20
## STDOUT:
one two three four
five six seven
eight nine ten
eleven twelve
## END

#### expand and unexpand tabs
printf 'a\tb\n' | expand -t 4 | od -c
printf '        x\n' | unexpand | od -c
## STDOUT:
0000000   a               b  \n
0000006
0000000  \t   x  \n
0000003
## END

#### rev reverses each line
printf 'abc\nhello\n' | rev
## STDOUT:
cba
olleh
## END

#### tac reverses lines and keeps a missing newline quirk
printf '1\n2\n3\n' | tac
printf 'a\nb' | tac
## STDOUT:
3
2
1
ba
## END

#### tac -s with a separator
printf 'a,b,c,' | tac -s ,
echo
## stdout: c,b,a,

#### column -t aligns a table
printf 'name age\nalice 30\nbob 4\n' | column -t
## STDOUT:
name   age
alice  30
bob    4
## END

#### column -t -s and -o
printf 'a:b\nccc:d\n' | column -t -s: -o ' | '
## STDOUT:
a   | b
ccc | d
## END

#### split by lines writes files
seq 5 > f
split -l 2 f part.
cat part.aa; echo --; cat part.ab; echo --; cat part.ac
## STDOUT:
1
2
--
3
4
--
5
## END

#### split -n and numeric suffixes
printf 'abcdefgh' > f
split -n 3 -d f x
cat x00; echo; cat x01; echo; cat x02; echo
## STDOUT:
ab
cd
efgh
## END

#### csplit on a pattern prints sizes
seq 6 > f
csplit f /4/
cat xx00; echo --; cat xx01
## STDOUT:
6
6
1
2
3
--
4
5
6
## END

#### csplit with repeat and quiet
seq 6 > f
csplit -s -f p f 3 '{1}'
cat p00; echo --; cat p01; echo --; cat p02
## STDOUT:
1
2
--
3
4
5
--
6
## END

#### shuf with a random source is deterministic
printf 'abcdefghijklmnopqrstuvwxyz0123456789' > rs
shuf --random-source=rs -e a b c d e
shuf --random-source=rs -i 1-5
## STDOUT:
c
e
d
b
a
3
5
4
2
1
## END

#### shuf -n and -r
printf 'abcdefghijklmnopqrstuvwxyz0123456789' > rs
shuf --random-source=rs -n 2 -i 10-20
shuf --random-source=rs -r -n 3 -e x y
## STDOUT:
19
10
y
x
x
## END

#### tsort orders a graph
printf 'a b\nb c\na c\n' | tsort
## STDOUT:
a
b
c
## END

#### tsort reports a loop
printf 'a b\nb a\n' | tsort
echo "status=$?"
## STDOUT:
a
b
status=1
## END
## stderr-contains: tsort: -: input contains a loop:

#### od default and -c
printf 'hello\n' | od
printf 'hi\t\n' | od -c
## STDOUT:
0000000 062550 066154 005157
0000006
0000000   h   i  \t  \n
0000004
## END

#### od -A x -t x1 with duplicate suppression
printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab' | od -A x -t x1
## STDOUT:
000000 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61
*
000030 62
000031
## END

#### od -t d2 -N -j
printf '\001\000\377\377\002\000' | od -A d -t d2 -j 2 -N 4
## STDOUT:
0000002     -1      2
0000006
## END

#### xxd default and -p
printf 'hello world\n' | xxd
printf 'hi' | xxd -p
## STDOUT:
00000000: 6865 6c6c 6f20 776f 726c 640a            hello world.
6869
## END

#### xxd -r -p round trip
printf '68656c6c6f0a' | xxd -r -p
## stdout: hello

#### xxd -i from a file
printf 'ab' > data
xxd -i data
## STDOUT:
unsigned char data[] = {
  0x61, 0x62
};
unsigned int data_len = 2;
## END

#### strings finds printable runs
printf 'ab\000hello\001world!\000xyz\n' > bin
strings bin
strings -n 3 -t d bin
## STDOUT:
hello
world!
      3 hello
      9 world!
     16 xyz
## END

#### iconv converts between UTF-8 and Latin-1
printf 'caf\303\251\n' | iconv -f UTF-8 -t LATIN1 | od -An -c
printf 'caf\351\n' | iconv -f ISO-8859-1 -t UTF-8
## STDOUT:
   c   a   f 351  \n
café
## END

#### iconv reports an illegal sequence
printf 'ab\303\251cd' | iconv -f UTF-8 -t ASCII
echo "status=$?"
## STDOUT:
abstatus=1
## END
## stderr-contains: iconv: illegal input sequence at position 2

#### iconv -c and //TRANSLIT
printf 'caf\303\251 \342\202\254\n' | iconv -c -f UTF-8 -t ASCII
printf '\342\202\254 \342\200\234q\342\200\235\n' | iconv -f UTF-8 -t ASCII//TRANSLIT
## stdout-json: "caf \nEUR \"q\"\n"

#### numfmt --to=si and --to=iec
numfmt --to=si 1000 1500000 999
numfmt --to=iec-i 1024 1536
## STDOUT:
1.0K
1.5M
999
1.0Ki
1.5Ki
## END

#### numfmt --from and fields
numfmt --from=iec 2K 1.5M
printf 'a 2048 x\n' | numfmt --field=2 --to=iec
## STDOUT:
2048
1572864
a 2.0K x
## END

#### numfmt --format --padding --suffix
numfmt --format='%08.2f' 3.14159
numfmt --padding=6 42
numfmt --suffix=B --to=si 2500
## STDOUT:
00003.15
    42
2.5KB
## END

#### numfmt rejects bad input
numfmt abc
echo "status=$?"
## STDOUT:
status=2
## END
## stderr-contains: numfmt: invalid number: 'abc'
