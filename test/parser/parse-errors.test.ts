import { spawnSync } from "node:child_process"
import { describe, expect, it } from "vitest"
import { isIncomplete, ParseError, parseSync } from "../../src/parser/parse.ts"
import { hasBash } from "./bash.ts"

const failure = (source: string) => {
  try {
    parseSync(source)
  } catch (e) {
    if (e instanceof ParseError) return { message: e.message, line: e.line, incomplete: e.incomplete }
    throw e
  }
  throw new Error(`parsed: ${JSON.stringify(source)}`)
}

// [input, bash's message, bash's line, incomplete]; `every error` below checks
// message and line against `bash -n -c` whenever bash is installed.
const errors: ReadonlyArray<readonly [string, string, number, boolean]> = [
  ['echo "x', "unexpected EOF while looking for matching `\"'", 1, true],
  ["echo 'x", "unexpected EOF while looking for matching `''", 1, true],
  ["echo `x", "unexpected EOF while looking for matching ``'", 1, true],
  ["echo $(x", "unexpected EOF while looking for matching `)'", 2, true],
  ["echo $((1+", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo ${x", "unexpected EOF while looking for matching `}'", 1, true],
  ["if true; then fi", "syntax error near unexpected token `fi'", 1, false],
  ["fi", "syntax error near unexpected token `fi'", 1, false],
  ["if true; then echo", "syntax error: unexpected end of file", 2, true],
  ["echo |", "syntax error: unexpected end of file", 2, true],
  ["echo &&", "syntax error: unexpected end of file", 2, true],
  ["echo a; fi", "syntax error near unexpected token `fi'", 1, false],
  ["{ echo; } echo", "syntax error near unexpected token `echo'", 1, false],
  ["echo )", "syntax error near unexpected token `)'", 1, false],
  ["case x in", "syntax error: unexpected end of file", 2, true],
  ["f() ", "syntax error: unexpected end of file", 2, true],
  ["echo (", "syntax error near unexpected token `newline'", 1, false],
  ["( echo", "syntax error: unexpected end of file", 2, true],
  ["for", "syntax error near unexpected token `newline'", 1, false],
  ["for x in", "syntax error: unexpected end of file", 2, true],
  ["while true", "syntax error: unexpected end of file", 2, true],
  ["echo a\necho b\nfi", "syntax error near unexpected token `fi'", 3, false],
  ["[[ a ", "unexpected token `newline', conditional binary operator expected", 1, false],
  ["[[ a == ]]", "unexpected argument `]]' to conditional binary operator", 1, false],
  ["((1+", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo ;;", "syntax error near unexpected token `;;'", 1, false],
  ["a=(1 2", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo $'x", "unexpected EOF while looking for matching `''", 1, true],
  ['echo "${x', "unexpected EOF while looking for matching `}'", 1, true],
  ['echo $(echo "', "unexpected EOF while looking for matching `\"'", 1, true],
  ['x\n\n\necho "a\nb', "unexpected EOF while looking for matching `\"'", 4, true],
  ["case x in a) echo;; b", "syntax error near unexpected token `newline'", 1, false],
  ["echo >", "syntax error near unexpected token `newline'", 1, false],
  ["echo > ;", "syntax error near unexpected token `;'", 1, false],
  ["echo a |& ", "syntax error: unexpected end of file", 2, true],
  ["echo $(if)", "syntax error near unexpected token `)'", 1, false],
  ["echo $(fi)", "syntax error near unexpected token `fi'", 1, false],
  ["{ }", "syntax error near unexpected token `}'", 1, false],
  ["( )", "syntax error near unexpected token `)'", 1, false],
  ["if; then fi", "syntax error near unexpected token `;'", 1, false],
  ["function", "syntax error near unexpected token `newline'", 1, false],
  ["function f", "syntax error: unexpected end of file", 2, true],
  ["f() echo", "syntax error near unexpected token `echo'", 1, false],
  ["for x in a b c do echo; done", "syntax error near unexpected token `done'", 1, false],
  ["[[ -f ]]", "unexpected argument `]]' to conditional unary operator", 1, false],
  ["[[ a -eq ]]", "unexpected argument `]]' to conditional binary operator", 1, false],
  ["[[ ( a ]]", "unexpected token `]]', expected `)'", 1, false],
  ["while true\n", "syntax error: unexpected end of file", 2, true],
  ["echo $(x\n\n", "unexpected EOF while looking for matching `)'", 3, true],
  ["\n\necho $(x", "unexpected EOF while looking for matching `)'", 4, true],
  ["echo $(x\ny", "unexpected EOF while looking for matching `)'", 3, true],
  ["\n\necho $((x", "unexpected EOF while looking for matching `)'", 3, true],
  ["\n\necho ${x\n", "unexpected EOF while looking for matching `}'", 3, true],
  ["\n\n(echo", "syntax error: unexpected end of file", 4, true],
  ['echo "$(x', "unexpected EOF while looking for matching `)'", 2, true],
  ['echo "a\n$(x', "unexpected EOF while looking for matching `)'", 3, true],
  ['echo $(echo "a\nb', "unexpected EOF while looking for matching `\"'", 1, true],
  ["$'a", "unexpected EOF while looking for matching `''", 1, true],
  ["\n\necho `x", "unexpected EOF while looking for matching ``'", 3, true],
  ["echo |\n\n", "syntax error: unexpected end of file", 3, true],
  ["for x\n", "syntax error: unexpected end of file", 2, true],
  ["echo >\n", "syntax error near unexpected token `newline'", 1, false],
  ["echo (\n", "syntax error near unexpected token `newline'", 1, false],
  ["echo 'a\n", "unexpected EOF while looking for matching `''", 1, true],
  ["[[ a\n", "unexpected token `newline', conditional binary operator expected", 1, false],
  ["\n[[ a ", "unexpected token `newline', conditional binary operator expected", 2, false],
  ["a=(1\n2\n", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo $((1+\n2", "unexpected EOF while looking for matching `)'", 1, true],
  ["f() {\n echo\n", "syntax error: unexpected end of file", 3, true],
  ['x=${a:-"b', "unexpected EOF while looking for matching `\"'", 1, true],
  ["case x in a) ;; esac x", "syntax error near unexpected token `x'", 1, false],
  ["echo a &; b", "syntax error near unexpected token `;'", 1, false],
  ["echo a;;", "syntax error near unexpected token `;;'", 1, false],
  ["; echo", "syntax error near unexpected token `;'", 1, false],
  ["& echo", "syntax error near unexpected token `&'", 1, false],
  ["| echo", "syntax error near unexpected token `|'", 1, false],
  ["&& echo", "syntax error near unexpected token `&&'", 1, false],
  ["echo ||| x", "syntax error near unexpected token `|'", 1, false],
  ["echo | | x", "syntax error near unexpected token `|'", 1, false],
  ["echo <<< ", "syntax error near unexpected token `newline'", 1, false],
  ["echo <(", "unexpected EOF while looking for matching `)'", 2, true],
  ["echo >(x", "unexpected EOF while looking for matching `)'", 2, true],
  ["[[ a b ]]", "conditional binary operator expected", 1, false],
  ["[[ a == b c ]]", "syntax error in conditional expression", 1, false],
  ["[[ a\n && b ]]", "unexpected token `newline', conditional binary operator expected", 1, false],
  ["[[ -f == x ]]", "syntax error in conditional expression", 1, false],
  ["[[ a == b", "unexpected EOF while looking for `]]'", 1, true],
  ["[[ a ==", "unexpected argument `newline' to conditional binary operator", 1, false],
  ["[[ a &&", "unexpected token `EOF' in conditional command", 2, false],
  ["[[ -f", "unexpected argument `newline' to conditional unary operator", 1, false],
  ["[[ ( a", "unexpected token `newline', conditional binary operator expected", 1, false],
  ["[[ a == b\n", "unexpected EOF while looking for `]]'", 1, true],
  ["echo a=(1)", "syntax error near unexpected token `('", 1, false],
  ["[[ && a ]]", "unexpected token `&&' in conditional command", 1, false],
  ["[[ -z ]]", "unexpected argument `]]' to conditional unary operator", 1, false],
  ["[[ a ) ]]", "syntax error in conditional expression: unexpected token `)'", 1, false],
  ["if true; then echo; else fi", "syntax error near unexpected token `fi'", 1, false],
  ["if true; then echo; elif; then x; fi", "syntax error near unexpected token `;'", 1, false],
  ["while; do x; done", "syntax error near unexpected token `;'", 1, false],
  ["until x; do done", "syntax error near unexpected token `done'", 1, false],
  ["for x in a; do; done", "syntax error near unexpected token `;'", 1, false],
  ["case x in a b) echo;; esac", "syntax error near unexpected token `b'", 1, false],
  ["echo hi; }", "syntax error near unexpected token `}'", 1, false],
  ["a | b |", "syntax error: unexpected end of file", 2, true],
  ["x=1 &&", "syntax error: unexpected end of file", 2, true],
  ["echo $(( 1 + 2 )", "unexpected EOF while looking for matching `)'", 1, true],
  ['echo "a\\', "unexpected EOF while looking for matching `\"'", 1, true],
  ["`echo", "unexpected EOF while looking for matching ``'", 1, true],
  ["echo ${", "unexpected EOF while looking for matching `}'", 1, true],
  ["${x:-", "unexpected EOF while looking for matching `}'", 1, true],
  ['"abc\ndef', "unexpected EOF while looking for matching `\"'", 1, true],
  ["echo 1 && || echo 2", "syntax error near unexpected token `||'", 1, false],
  ["echo done\ndone", "syntax error near unexpected token `done'", 2, false],
  ["then", "syntax error near unexpected token `then'", 1, false],
  ["else echo", "syntax error near unexpected token `else'", 1, false],
  ["esac", "syntax error near unexpected token `esac'", 1, false],
  ["do", "syntax error near unexpected token `do'", 1, false],
  [")", "syntax error near unexpected token `)'", 1, false],
  ["}", "syntax error near unexpected token `}'", 1, false],
  ["in", "syntax error near unexpected token `in'", 1, false],
  ["a && b ||", "syntax error: unexpected end of file", 2, true],
  ["if x\nthen", "syntax error: unexpected end of file", 3, true],
  ["if x; then y; fi; fi", "syntax error near unexpected token `fi'", 1, false],
  ["{ echo a }", "syntax error: unexpected end of file", 2, true],
  ["(echo a", "syntax error: unexpected end of file", 2, true],
  ["echo a)", "syntax error near unexpected token `)'", 1, false],
  ["echo >>", "syntax error near unexpected token `newline'", 1, false],
  ["echo 2>&", "syntax error near unexpected token `newline'", 1, false],
  ["cat << ", "syntax error near unexpected token `newline'", 1, false],
  ["echo $(( ", "unexpected EOF while looking for matching `)'", 1, true],
  ['echo "$((1+2"\n', "unexpected EOF while looking for matching `\"'", 1, true],
  ["if [ -f x ]; then\n  echo yes\nelse\n  echo no", "syntax error: unexpected end of file", 5, true],
  ["for f in *; do\n  echo $f", "syntax error: unexpected end of file", 3, true],
  ["while true; do\n  sleep 1\ndone\ndone", "syntax error near unexpected token `done'", 4, false],
  ["case $1 in\n  a) echo a\n  b) echo b;;\nesac", "syntax error near unexpected token `)'", 3, false],
  ['echo "unterminated\nmore\nlines', "unexpected EOF while looking for matching `\"'", 1, true],
  ['x=$(echo "a', "unexpected EOF while looking for matching `\"'", 1, true],
  ["function f {\n  echo", "syntax error: unexpected end of file", 3, true],
  ["f() {\n  echo }", "syntax error: unexpected end of file", 3, true],
  ["echo a | | b", "syntax error near unexpected token `|'", 1, false],
  ["echo a && && b", "syntax error near unexpected token `&&'", 1, false],
  ["ls ||", "syntax error: unexpected end of file", 2, true],
  ["ls |&", "syntax error: unexpected end of file", 2, true],
  ["echo $(", "unexpected EOF while looking for matching `)'", 2, true],
  ["echo ${x:-", "unexpected EOF while looking for matching `}'", 1, true],
  ['echo "${x:-"', "unexpected EOF while looking for matching `\"'", 1, true],
  ["(( 1 +", "unexpected EOF while looking for matching `)'", 1, true],
  ["if then fi", "syntax error near unexpected token `then'", 1, false],
  ["then echo", "syntax error near unexpected token `then'", 1, false],
  ["echo a; ;", "syntax error near unexpected token `;'", 1, false],
  ["echo a &;", "syntax error near unexpected token `;'", 1, false],
  ["a=(1 2)) ", "syntax error near unexpected token `)'", 1, false],
  ["echo a=(1 2)", "syntax error near unexpected token `('", 1, false],
  ["for i in 1 2 3 do echo; done", "syntax error near unexpected token `done'", 1, false],
  ["for ((i=0; i<3)); do echo; done", "syntax error: arithmetic expression required", 1, false],
  ["while :; do echo; end", "syntax error: unexpected end of file", 2, true],
  ["echo ${x:-a\nb", "unexpected EOF while looking for matching `}'", 1, true],
  ["echo $'\\", "unexpected EOF while looking for matching `''", 1, true],
  ["{ echo a; echo b", "syntax error: unexpected end of file", 2, true],
  ["if true\nthen\n  if false\n  then\n    echo\n  fi", "syntax error: unexpected end of file", 7, true],
  ["case x in\n  *) echo", "syntax error: unexpected end of file", 3, true],
  ['echo "a" "b', "unexpected EOF while looking for matching `\"'", 1, true],
  ["echo 'a' 'b", "unexpected EOF while looking for matching `''", 1, true],
  ["cmd <<", "syntax error near unexpected token `newline'", 1, false],
  ["cmd >", "syntax error near unexpected token `newline'", 1, false],
  ["cmd 2>", "syntax error near unexpected token `newline'", 1, false],
  ["cmd &>", "syntax error near unexpected token `newline'", 1, false],
  ["cmd <<< ", "syntax error near unexpected token `newline'", 1, false],
  ["echo a > > b", "syntax error near unexpected token `>'", 1, false],
  ["echo a < | b", "syntax error near unexpected token `|'", 1, false],
  ["f() \n{", "syntax error: unexpected end of file", 3, true],
  ["x=( [1]=a", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo $(echo a))", "syntax error near unexpected token `)'", 1, false],
  ["))", "syntax error near unexpected token `)'", 1, false],
  ["((", "unexpected EOF while looking for matching `)'", 1, true],
  ["[[ a =~ ( ]]", "unexpected EOF while looking for matching `)'", 1, true],
  ["[[ a == b ]] ]]", "syntax error near unexpected token `]]'", 1, false],
  ["{ echo; }}", "syntax error: unexpected end of file", 2, true],
  ["{echo a; }", "syntax error near unexpected token `}'", 1, false],
  ["echo a; then", "syntax error near unexpected token `then'", 1, false],
  ["case x in a) echo;; b) echo;; esac; esac", "syntax error near unexpected token `esac'", 1, false],
  ["x=1 y=2 &&", "syntax error: unexpected end of file", 2, true],
  ["if true; then echo; elif", "syntax error: unexpected end of file", 2, true],
  ["echo $((\n1 +", "unexpected EOF while looking for matching `)'", 1, true],
  ['echo "line1\nline2" \'unterminated', "unexpected EOF while looking for matching `''", 2, true],
  ["a=(", "unexpected EOF while looking for matching `)'", 1, true],
  ["echo ${x/a", "unexpected EOF while looking for matching `}'", 1, true],
  ['echo "$x', "unexpected EOF while looking for matching `\"'", 1, true],
  ["cat <(ls", "unexpected EOF while looking for matching `)'", 2, true],
  ["echo `ls", "unexpected EOF while looking for matching ``'", 1, true],
  ["foo() { bar; } baz", "syntax error near unexpected token `baz'", 1, false],
  ["echo hi >> ", "syntax error near unexpected token `newline'", 1, false],
  ["exit 1 |\n", "syntax error: unexpected end of file", 2, true],
  ["echo $[1+", "unexpected EOF while looking for matching `]'", 1, true],
  ["echo ${x!y", "unexpected EOF while looking for matching `}'", 1, true],
  ["for 1x", "syntax error: unexpected end of file", 2, true],
  ["for 1x in\n", "syntax error: unexpected end of file", 2, true],
  ["echo ${x:-${y}", "unexpected EOF while looking for matching `}'", 1, true],
  ['echo "${x:-$(ls}"', "unexpected EOF while looking for matching `\"'", 1, true],
  ['echo ${x:-"}\n', "unexpected EOF while looking for matching `\"'", 1, true],
]

describe("syntax errors", () => {
  it.each(errors)("%j", (source, message, line, incomplete) => {
    expect(failure(source)).toEqual({ message, line, incomplete })
  })

  it("gives the column of the offending token", () => {
    const e = (() => {
      try {
        parseSync("echo a\n  echo b; fi")
      } catch (x) {
        return x
      }
    })()
    expect(e).toBeInstanceOf(ParseError)
    expect(e instanceof ParseError && [e.line, e.column]).toEqual([2, 11])
  })

  it("throws only ParseError, also for nesting deeper than the stack", () => {
    expect(() => parseSync("(".repeat(20_000))).toThrow(ParseError)
    expect(() => parseSync("echo " + "$(".repeat(20_000))).toThrow(ParseError)
  })
})

describe.runIf(hasBash)("every error", () => {
  it("is worded and placed as bash -n words and places it", () => {
    for (const [source, message, line] of errors) {
      const r = spawnSync("bash", ["-n", "-c", source], { encoding: "utf8", env: { LC_ALL: "C" } })
      const first = /^bash: -c: line (\d+): (.*)$/m.exec(r.stderr)
      expect(first && [first[2], Number(first[1])], source).toEqual([message, line])
    }
  })
})

const incomplete: ReadonlyArray<readonly [string, boolean]> = [
  ["echo a", false],
  ['echo "a', true],
  ["echo 'a\nb", true],
  ["echo $(ls", true],
  ["echo ${x", true],
  ["echo $((1+", true],
  ["echo `ls", true],
  ["if true; then", true],
  ["if true; then echo; fi", false],
  ["for x in a b; do", true],
  ["while true", true],
  ["case x in", true],
  ["f() {", true],
  ["{ echo", true],
  ["( echo", true],
  ["echo a |", true],
  ["echo a &&", true],
  ["echo a ||\n", true],
  ["[[ a == b", true],
  ["[[ a", false],
  ["cat <<EOF", true],
  ["cat <<EOF\nbody", true],
  ["cat <<EOF\nbody\nEOF", false],
  ["cat <<EOF\nbody\nEOF\n", false],
  ["echo \\", true],
  ["echo a \\", true],
  ["echo a\\\\", false],
  ["fi", false],
  ["echo >", false],
  ["for", false],
  ["echo )", false],
]

describe("isIncomplete", () => {
  it.each(incomplete)("%j", (source, expected) => {
    expect(isIncomplete(source)).toBe(expected)
  })
})
