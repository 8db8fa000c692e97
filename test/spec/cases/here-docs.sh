# Here-documents: << and <<-, quoted and unquoted delimiters.

#### unquoted here-doc expands
x=world
cat <<EOF
hello $x
sum $((1 + 2))
cmd $(echo sub)
EOF
## STDOUT:
hello world
sum 3
cmd sub
## END

#### quoted delimiter keeps text literal
x=world
cat <<'EOF'
hello $x $(echo no) `echo no`
EOF
## stdout: hello $x $(echo no) `echo no`

#### double-quoted delimiter keeps text literal
cat <<"END"
$HOME \$ \\
END
## stdout: $HOME \$ \\

#### partly quoted delimiter counts as quoted
x=1
cat <<E"O"F
$x
EOF
## stdout: $x

#### backslash escapes in an unquoted here-doc
cat <<EOF
a \$x \\ \" \a
EOF
## stdout: a $x \ \" \a

#### backslash-newline joins lines in an unquoted here-doc
cat <<EOF
one \
two
EOF
## stdout: one two

#### dash strips leading tabs
cat <<-EOF
	indented
		twice
	EOF
## STDOUT:
indented
twice
## END

#### dash does not strip spaces
cat <<-EOF
  spaces
EOF
## stdout:   spaces

#### here-doc with a command after it on the same line
cat <<EOF | tr a-z A-Z
piped
EOF
## stdout: PIPED

#### two here-docs on one line
cat <<A; cat <<B
first
A
second
B
## STDOUT:
first
second
## END

#### here-doc to a file
cat > f <<EOF
saved
EOF
cat f
## stdout: saved

#### here-doc in a function
f() {
  cat <<EOF
in function $1
EOF
}
f arg
## stdout: in function arg

#### here-doc in a loop
for i in 1 2; do
  cat <<EOF
item $i
EOF
done
## STDOUT:
item 1
item 2
## END

#### empty here-doc
cat <<EOF
EOF
echo end
## stdout: end

#### delimiter must match the whole line
cat <<EOF
EOF more
 EOF
EOF
## STDOUT:
EOF more
 EOF
## END

#### here-doc feeds read
read -r a b <<EOF
one two three
EOF
echo "$a|$b"
## stdout: one|two three

#### here-doc with single quotes inside stays literal
cat <<EOF
it's "quoted"
EOF
## stdout: it's "quoted"

#### here-doc to a while loop
while read -r line; do echo "[$line]"; done <<EOF
a
b c
EOF
## STDOUT:
[a]
[b c]
## END

#### here-doc into a numbered descriptor
cat 3<<EOF <&3
three
EOF
## stdout: three

#### redirects apply left to right so fd 3 is not open yet
cat <&3 3<<EOF
three
EOF
## status: 1
## stderr-contains: 3: Bad file descriptor

#### here-doc keeps blank lines
cat <<EOF
a

b
EOF
## STDOUT:
a

b
## END

#### here-doc inside command substitution
x=$(cat <<EOF
inside
EOF
)
echo "$x"
## stdout: inside
