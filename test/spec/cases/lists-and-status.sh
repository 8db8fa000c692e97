# Lists: ;, &&, ||, newlines, and $?.

#### and runs the right side on success
true && echo yes
false && echo no
echo end
## STDOUT:
yes
end
## END

#### or runs the right side on failure
false || echo fallback
true || echo never
## stdout: fallback

#### and-or chain is left associative
false && echo a || echo b
true || echo c && echo d
## STDOUT:
b
d
## END

#### status of an and-or list
false && true; echo $?
true && false; echo $?
false || false; echo $?
## STDOUT:
1
1
1
## END

#### semicolons sequence commands
echo a; echo b; echo c
## STDOUT:
a
b
c
## END

#### dollar-question after true and false
true; echo $?
false; echo $?
## STDOUT:
0
1
## END

#### dollar-question of a command not found
nosuchcommand_xyz 2>/dev/null; echo $?
## stdout: 127

#### command not found message
nosuchcommand_xyz
## status: 127
## stderr-contains: nosuchcommand_xyz: command not found

#### script status is the last command status
true
false
## status: 1

#### exit sets the status
echo before
exit 7
echo after
## stdout: before
## status: 7

#### exit without argument uses last status
false
exit
## status: 1

#### exit status is taken modulo 256
exit 300
## status: 44

#### dollar-question after a failed redirection
echo hi > /nonexistent_dir_xyz/f 2>/dev/null
echo $?
## stdout: 1

#### dollar-question is the same in every word of one command
false
echo $? $?
echo $?
## STDOUT:
1 1
0
## END

#### newlines after and-or operators
true &&
echo continued ||
echo never
## stdout: continued

#### status of a group
{ false; }; echo $?
{ true; false; true; }; echo $?
## STDOUT:
1
0
## END

#### colon is a successful no-op
: ignored arguments
echo $?
## stdout: 0

#### background job with ampersand and wait
echo bg > out &
wait
cat out
## stdout: bg

#### ampersand ends a command
true &
echo ok
wait
## stdout: ok
