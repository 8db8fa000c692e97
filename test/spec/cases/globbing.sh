# Pathname expansion over a file tree each case builds for itself.

#### star matches sorted names
touch c.txt a.txt b.log
echo *
## stdout: a.txt b.log c.txt

#### star with suffix
touch c.txt a.txt b.log
echo *.txt
## stdout: a.txt c.txt

#### question mark matches one character
touch a1 a22 b3
echo a?
## stdout: a1

#### bracket expression
touch a1 a2 a3 b1
echo a[13] [!a]1 a[^1]
## stdout: a1 a3 b1 a2 a3

#### bracket range and class
touch x1 xa xB
echo x[0-9] x[[:lower:]] x[[:upper:]]
## stdout: x1 xa xB

#### no match stays literal
echo *.none
## stdout: *.none

#### no match in a for loop stays literal
for f in *.none; do echo "[$f]"; done
## stdout: [*.none]

#### nullglob removes unmatched patterns
shopt -s nullglob
echo start *.none end
## stdout: start end

#### nullglob with for loop runs zero times
shopt -s nullglob
for f in *.none; do echo never; done
echo done
## stdout: done

#### failglob makes no match an error
shopt -s failglob
echo *.none
echo "status $?"
## stdout: status 1
## stderr-contains: no match: *.none

#### hidden files need an explicit dot
touch .hidden visible
echo *
echo .h*
## STDOUT:
visible
.hidden
## END

#### dotglob matches hidden files but not dot and dot-dot
touch .hidden visible
shopt -s dotglob
echo *
## stdout: .hidden visible

#### dot star skips dot and dot-dot by default
touch .a
echo .*
## stdout: .a

#### glob in subdirectory
mkdir -p src/lib
touch src/a.ts src/b.js src/lib/c.ts
echo src/*.ts src/*/*.ts
## stdout: src/a.ts src/lib/c.ts

#### star in directory part
mkdir -p a/x b/x c
touch a/x/f b/x/f
echo */x/f
## stdout: a/x/f b/x/f

#### trailing slash matches directories only
mkdir d1 d2
touch f1
echo */
## stdout: d1/ d2/

#### globstar matches any depth
mkdir -p a/b/c
touch top.ts a/one.ts a/b/two.ts a/b/c/three.ts a/b/c/x.js
shopt -s globstar
echo **/*.ts
## stdout: a/b/c/three.ts a/b/two.ts a/one.ts top.ts

#### globstar alone lists everything recursively
mkdir -p a/b
touch a/b/f
shopt -s globstar
echo **
## stdout: a a/b a/b/f

#### double star without globstar is a single star
mkdir -p a/b
touch a/b/f a/g
echo **/f
## stdout: **/f

#### extglob at-sign alternatives
touch a.js a.ts a.md
shopt -s extglob
echo *.@(js|ts)
## stdout: a.js a.ts

#### extglob negation
touch a.js a.ts a.md
shopt -s extglob
echo !(*.md)
## stdout: a.js a.ts

#### extglob plus and star and question
touch ab aab b aaab
shopt -s extglob
echo +(a)b
echo *(a)b
echo ?(a)b
## STDOUT:
aaab aab ab
aaab aab ab b
ab b
## END

#### extglob in case patterns
shopt -s extglob
for w in foo.c foo.h bar; do
  case $w in
    *.@(c|h)) echo "$w source" ;;
    *) echo "$w other" ;;
  esac
done
## STDOUT:
foo.c source
foo.h source
bar other
## END

#### quoted parts of a pattern are literal
touch 'a*b' axb
echo 'a*'b
echo a*b
## STDOUT:
a*b
a*b axb
## END

#### glob from an unquoted variable
touch one.txt two.txt
p='*.txt'
echo $p
echo "$p"
## STDOUT:
one.txt two.txt
*.txt
## END

#### glob results are not split again
touch 'with space.txt' plain.txt
for f in *.txt; do echo "[$f]"; done
## STDOUT:
[plain.txt]
[with space.txt]
## END

#### set -f disables globbing
touch a b
set -f
echo *
set +f
echo *
## STDOUT:
*
a b
## END

#### nocaseglob
touch Abc abd
shopt -s nocaseglob
echo a*
## stdout: Abc abd

#### glob sorts in C locale order
touch B a C b _x 1
echo *
## stdout: 1 B C _x a b

#### glob in an assignment is not expanded
touch a b
x=*
echo "$x"
## stdout: *

#### glob in a redirect target
touch only.txt
echo hi > *.txt
cat only.txt
## stdout: hi

#### glob matching nothing with a slash suffix
echo nodir*/
## stdout: nodir*/

#### bracket with a literal dash and closing bracket
touch a- a] ab
echo a[-] a[]] a[b-]
## stdout: a- a] a- ab

#### backslash escapes a glob character
touch 'a?' ab
echo a\?
## stdout: a?

#### glob inside double-bracket is pattern matching not files
touch x.txt
[[ x.txt == *.txt ]] && echo match
[[ '*.txt' == "*.txt" ]] && echo literal
## STDOUT:
match
literal
## END

#### GLOBIGNORE hides matches
touch a.txt b.txt c.log
GLOBIGNORE='b*'
echo *
## stdout: a.txt c.log
