# Syntax errors: status 2 and bash's message (each case is one line, so nothing runs first).

#### unexpected token
echo a )
## status: 2
## stderr-contains: syntax error near unexpected token `)'

#### if without fi
if true; then echo a
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### fi without if
fi
## status: 2
## stderr-contains: syntax error near unexpected token `fi'

#### done without loop
done
## status: 2
## stderr-contains: syntax error near unexpected token `done'

#### unterminated single quote
echo 'abc
## status: 2
## stderr-contains: unexpected EOF while looking for matching `''

#### unterminated double quote
echo "abc
## status: 2
## stderr-contains: unexpected EOF while looking for matching `"'

#### then without condition
if then echo a; fi
## status: 2
## stderr-contains: syntax error near unexpected token `then'

#### pipe with nothing after it at end of input
echo a |
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### double semicolon outside case
echo a ;;
## status: 2
## stderr-contains: syntax error near unexpected token `;;'

#### and-and at the start
&& echo a
## status: 2
## stderr-contains: syntax error near unexpected token `&&'

#### unclosed brace group
{ echo a
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### unclosed subshell
( echo a
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### empty parentheses
( )
## status: 2
## stderr-contains: syntax error near unexpected token `)'

#### redirect without a target
echo a >
## status: 2
## stderr-contains: syntax error near unexpected token `newline'

#### case without esac
case a in a) echo a ;;
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### unterminated command substitution
echo $(echo a
## status: 2
## stderr-contains: unexpected EOF while looking for matching `)'

#### syntax error prevents the whole line from running
echo first; if
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### function definition without body
f()
## status: 2
## stderr-contains: syntax error: unexpected end of file

#### semicolon alone
;
## status: 2
## stderr-contains: syntax error near unexpected token `;'

#### bad for loop variable is a runtime error not a syntax error
for 1x in a; do echo never; done; echo "after $?"
## stdout: after 1
## stderr-contains: `1x': not a valid identifier
