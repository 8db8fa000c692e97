# Tilde expansion.

#### tilde alone is HOME
HOME=/home/me
echo ~
## stdout: /home/me

#### tilde slash path
HOME=/home/me
echo ~/docs/a.txt
## stdout: /home/me/docs/a.txt

#### tilde in the middle of a word is literal
HOME=/home/me
echo a~ a~/b
## stdout: a~ a~/b

#### quoted tilde is literal
HOME=/home/me
echo "~" '~/x' \~
## stdout: ~ ~/x ~

#### tilde after assignment equals sign
HOME=/home/me
x=~/bin
echo $x
## stdout: /home/me/bin

#### tilde after colon in an assignment
HOME=/home/me
p=/bin:~/bin
echo $p
## stdout: /bin:/home/me/bin

#### tilde in an argument after colon is literal
HOME=/home/me
echo a:~/b
## stdout: a:~/b

#### tilde plus is PWD and tilde minus is OLDPWD
mkdir -p a b
cd a
cd ../b
[ ~+ = "$PWD" ] && echo plus
[ ~- = "$OLDPWD" ] && echo minus
## STDOUT:
plus
minus
## END

#### tilde inside double-quoted variable default is not expanded
HOME=/home/me
unset u
echo "${u:-~}" ${u:-~}
## stdout: ~ /home/me

#### tilde from variable value is not expanded
HOME=/home/me
t='~'
echo $t
## stdout: ~

#### unknown user stays literal
echo ~no_such_user_xyz/x
## stdout: ~no_such_user_xyz/x
