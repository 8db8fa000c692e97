import { describe, expect, it } from "vitest"
import type * as Ast from "../../src/parser/Ast.ts"
import { parseSync } from "../../src/parser/parse.ts"
import { print } from "../../src/parser/print.ts"
import { walk } from "../../src/parser/walk.ts"
import { expectBashAccepts, hasBash } from "./bash.ts"
import { corpus } from "./corpus.ts"
import { strip } from "./helpers.ts"

const printed: ReadonlyArray<readonly [string, string]> = [
  ["echo   hi", "echo hi\n"],
  ["a=1  b+=(x [k]=y)   cmd  >out 2>&1", "a=1 b+=(x [k]=y) cmd > out 2>&1\n"],
  [">out echo hi", "echo hi > out\n"],
  ["if  true;then echo hi;fi", "if true; then echo hi; fi\n"],
  ["if a\nthen b\nelif c\nthen d\nelse e\nfi", "if a; then b; elif c; then d; else e; fi\n"],
  ["for x in a b\ndo\n echo $x\ndone", "for x in a b; do echo $x; done\n"],
  ["for ((i=0;i<3;i++)) { :; }", "for ((i=0;i<3;i++)); do :; done\n"],
  ["while read l; do :; done < f", "while read l; do :; done < f\n"],
  ["case $x in a|b) x;; *) y;& esac", "case $x in (a|b) x; ;; (*) y; ;& esac\n"],
  ["f () { echo; }", "f() { echo; }\n"],
  ["function g() ( echo )", "function g() ( echo; )\n"],
  ["function g { echo; }", "function g { echo; }\n"],
  ["a && b || c & d", "a && b || c &\nd\n"],
  ["! time a |& b", "time ! a |& b\n"],
  ["[[ ! -f x && ( a == b || $c =~ ^(x|y)$ ) ]]", "[[ ! -f x && ( a == b || $c =~ ^(x|y)$ ) ]]\n"],
  ["echo $( (a) ) $(b;) `c \\`d\\``", "echo $( ( a; )) $(b) `c \\`d\\``\n"],
  ["echo \"a\\$b\\\"c\" 'd' $'e\\n' \\f ~/g", "echo \"a\\$b\\\"c\" 'd' $'e\\n' \\f ~/g\n"],
  ['echo "${x:-"y"}" ${x//a/b} ${#x} ${!p*} ${a[@]:1}', 'echo "${x:-"y"}" ${x//a/b} ${#x} ${!p*} ${a[@]:1}\n'],
  ["cat <<A; cat <<'B'\n$a\nA\n$b\nB\n", "cat << A\n$a\nA\ncat << 'B'\n$b\nB\n"],
  ["cat <<-A | grep x\n\tx\n\tA\necho", "cat <<- A | grep x\nx\nA\necho\n"],
  ["x=$(cat <<E\nin\nE\n)", "x=$(cat << E\nin\nE\n)\n"],
  ["{ cat <<E; }\nbody\nE\n", "{ cat << E\nbody\nE\n }\n"],
]

describe("print", () => {
  it.each(printed)("%j", (source, expected) => {
    expect(print(parseSync(source))).toBe(expected)
  })

  it.each(corpus)("round-trips %j", (source) => {
    const tree = strip(parseSync(source))
    expect(strip(parseSync(print(parseSync(source))))).toEqual(tree)
  })
})

describe.runIf(hasBash)("printed corpus", () => {
  it("is accepted by bash -n", () => {
    expectBashAccepts(corpus.map((source) => print(parseSync(source))))
  })
})

describe("walk", () => {
  it("visits every node, parents first, in source order", () => {
    const names: Array<string> = []
    walk(parseSync("a | b; if c; then d $(e); fi; f() { g; }"), (n) => {
      if (n._tag === "SimpleCommand" && n.words[0]?.parts[0]?._tag === "Literal") names.push(n.words[0].parts[0].value)
    })
    expect(names).toEqual(["a", "b", "c", "d", "e", "g"])
  })

  it("skips the children of a node when visit returns false", () => {
    const names: Array<string> = []
    walk(parseSync("a $(b); c <(d) ${x:-$(e)}"), (n) => {
      if (n._tag === "CommandSub") return false
      if (n._tag === "SimpleCommand" && n.words[0]?.parts[0]?._tag === "Literal") names.push(n.words[0].parts[0].value)
    })
    expect(names).toEqual(["a", "c", "d"])
  })

  it("finds here-documents, words in ${...} operators and [[ ]] operands", () => {
    const tags: Array<string> = []
    const docs: Array<Ast.HereDoc> = []
    walk(parseSync("cat <<A\n$x\nA\n[[ -n ${y#$z} ]]"), (n, parent) => {
      if (n._tag === "HereDoc") docs.push(n)
      if (n._tag === "ParamExp") tags.push(`${n.name}<${parent?._tag}`)
    })
    expect(docs.map((d) => d.delimiter)).toEqual(["A"])
    expect(tags).toEqual(["x<Word", "y<Word", "z<Word"])
  })
})
