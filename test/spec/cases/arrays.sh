# Indexed and associative arrays.

#### indexed array literal and element access
a=(x y z)
echo ${a[0]} ${a[2]}
## stdout: x z

#### bare name is element zero
a=(x y z)
echo $a
## stdout: x

#### all elements quoted at keeps elements
a=('a b' c)
printf '<%s>\n' "${a[@]}"
## STDOUT:
<a b>
<c>
## END

#### all elements quoted star joins
a=(a b c)
IFS=,
echo "${a[*]}"
## stdout: a,b,c

#### number of elements
a=(a b c d)
echo ${#a[@]} ${#a[*]}
## stdout: 4 4

#### length of one element
a=(abc de)
echo ${#a[0]} ${#a[1]}
## stdout: 3 2

#### indices of a sparse array
a=([1]=x [5]=y [3]=z)
echo ${!a[@]}
echo ${a[@]}
## STDOUT:
1 3 5
x z y
## END

#### assign by index extends the array
a=(a)
a[3]=d
echo ${#a[@]} ${!a[@]}
## stdout: 2 0 3

#### append with plus-equals
a=(a b)
a+=(c d)
echo ${a[@]} ${#a[@]}
## stdout: a b c d 4

#### append to an element string
a=(ab cd)
a[1]+=ef
echo ${a[1]}
## stdout: cdef

#### unset one element keeps indices
a=(a b c)
unset 'a[1]'
echo ${a[@]} / ${!a[@]} / ${#a[@]}
## stdout: a c / 0 2 / 2

#### unset whole array
a=(a b)
unset a
echo "[${a[@]}] ${#a[@]}"
## stdout: [] 0

#### negative index counts from the end
a=(a b c d)
echo ${a[-1]} ${a[-2]}
## stdout: d c

#### slice of an array
a=(a b c d e)
echo ${a[@]:1:3}
echo ${a[@]:3}
## STDOUT:
b c d
d e
## END

#### slice with negative offset
a=(a b c d e)
echo ${a[@]: -2}
## stdout: d e

#### arithmetic index
a=(a b c d)
i=1
echo ${a[i+1]} ${a[$i]}
## stdout: c b

#### missing element is empty
a=(a)
echo "[${a[7]}]"
## stdout: []

#### array from command substitution splits
a=($(printf 'x y\nz'))
echo ${#a[@]}
## stdout: 3

#### pattern operators on every element
a=(one.txt two.txt)
echo ${a[@]%.txt} ${a[@]/o/0} ${a[@]^}
## stdout: one two 0ne.txt tw0.txt One.txt Two.txt

#### iterate over elements
a=('a b' c)
for x in "${a[@]}"; do echo "[$x]"; done
## STDOUT:
[a b]
[c]
## END

#### iterate over indices
a=(x y z)
for i in "${!a[@]}"; do echo "$i=${a[$i]}"; done
## STDOUT:
0=x
1=y
2=z
## END

#### empty array has no elements
a=()
echo ${#a[@]}
for x in "${a[@]}"; do echo never; done
## stdout: 0

#### scalar assignment to array name sets element zero
a=(x y)
a=new
echo ${a[@]}
## stdout: new y

#### declare -a
declare -a a
a[2]=two
echo ${#a[@]} ${a[2]}
## stdout: 1 two

#### associative array basics
declare -A m
m[one]=1
m[two]=2
echo ${m[one]} ${m[two]} ${#m[@]}
## stdout: 1 2 2

#### associative array literal
declare -A m=([a]=x [b]=y)
echo ${m[a]}${m[b]}
## stdout: xy

#### associative array keys sorted
declare -A m=([k1]=a [k2]=b [k3]=c)
for k in "${!m[@]}"; do echo "$k"; done | sort
## STDOUT:
k1
k2
k3
## END

#### associative key with spaces
declare -A m
m['a b']=spaced
k='a b'
echo "${m[$k]}"
## stdout: spaced

#### unset associative element
declare -A m=([a]=1 [b]=2)
unset 'm[a]'
echo ${#m[@]} ${m[b]}
## stdout: 1 2

#### associative key test with -v
declare -A m=([a]=1)
[[ -v m[a] ]] && echo has-a
[[ -v m[z] ]] || echo no-z
## STDOUT:
has-a
no-z
## END

#### associative append
declare -A m=([a]=1)
m+=([b]=2)
m[a]+=0
echo ${m[a]} ${m[b]}
## stdout: 10 2

#### indexed array plus-equals element assignment
a=(1 2)
a+=([5]=6)
echo ${!a[@]}
## stdout: 0 1 5

#### array in arithmetic
a=(10 20 30)
echo $(( a[0] + a[2] ))
(( a[1] += 5 ))
echo ${a[1]}
## STDOUT:
40
25
## END

#### read into an array
read -ra words <<< 'a b  c'
echo ${#words[@]} ${words[2]}
## stdout: 3 c

#### array copy
a=('x y' z)
b=("${a[@]}")
echo ${#b[@]} "${b[0]}"
## stdout: 2 x y

#### declare -p of an indexed array
a=(x 'y z')
declare -p a
## stdout: declare -a a=([0]="x" [1]="y z")

#### local array in a function
f() { local -a arr=(1 2 3); echo ${#arr[@]}; }
f
echo "[${arr[@]}]"
## STDOUT:
3
[]
## END

#### element expansion with default
a=()
echo ${a[0]:-empty}
## stdout: empty

#### array length after sparse assignment
a[10]=x
a[20]=y
echo ${#a[@]}
## stdout: 2
