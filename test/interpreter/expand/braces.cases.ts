/**
 * Brace expansion cases for braces.test.ts, checked against GNU bash 5.2 by
 * confirm.ts. A word is written as bash source: '..' and "..." are quoted
 * text and $n a parameter (n=3), all opaque to brace expansion.
 */

/** An opaque item: quoted text or an expansion, standing for the text it will expand to. */
export interface Quoted {
  readonly value: string
}
/** A word item: unquoted text or an opaque one. */
export type Item = string | Quoted
/** Tells text from opaque items. */
export const isText = (x: Item): x is string => typeof x === "string"

/** Splits bash word source into unquoted text and opaque items ('..', "..", and $n, which stands for 3). */
export const split = (src: string): Array<Item> => {
  const out: Array<Item> = []
  let text = ""
  const flush = () => {
    if (text !== "") out.push(text)
    text = ""
  }
  for (let i = 0; i < src.length; i++) {
    const c = src[i]
    if (c === "\\") {
      text += c + (src[i + 1] ?? "")
      i++
    } else if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1)
      flush()
      out.push({ value: src.slice(i + 1, end) })
      i = end
    } else if (c === "$" && /[a-z]/.test(src[i + 1] ?? "")) {
      flush()
      out.push({ value: "3" })
      i++
    } else text += c
  }
  flush()
  return out
}

/** The word bash would pass on: backslashes removed from text, opaque items replaced by their text; unquoted empty words vanish. */
export const render = (word: ReadonlyArray<Item>): string | undefined =>
  word.every(isText) && word.join("") === ""
    ? undefined
    : word.map((x) => (isText(x) ? x.replace(/\\(.?)/g, "$1") : x.value)).join("")

/** `[word source, words bash 5.2 produced]` (from `set -- WORD; printf '%s\n' "$@"`, with n=3). */
export const BRACE_ROWS: ReadonlyArray<readonly [string, ReadonlyArray<string>]> = [
  ["{1..10..3}", ["1", "4", "7", "10"]],
  ["{01..10}", ["01", "02", "03", "04", "05", "06", "07", "08", "09", "10"]],
  ["{10..1}", ["10", "9", "8", "7", "6", "5", "4", "3", "2", "1"]],
  ["{1..10..2}", ["1", "3", "5", "7", "9"]],
  ["{a..e}", ["a", "b", "c", "d", "e"]],
  ["{z..a..2}", ["z", "x", "v", "t", "r", "p", "n", "l", "j", "h", "f", "d", "b"]],
  ["{-05..5..3}", ["-05", "-02", "001", "004"]],
  ["{-5..05..4}", ["-5", "-1", "03"]],
  ["{05..-5..3}", ["05", "02", "-1", "-4"]],
  ["{0..010..4}", ["000", "004", "008"]],
  ["{a..Z}", ["a", "`", "_", "^", "]", "", "[", "Z"]],
  ["{Z..a}", ["Z", "[", "", "]", "^", "_", "`", "a"]],
  ["{1..3..0}", ["1", "2", "3"]],
  ["{1..3..-1}", ["1", "2", "3"]],
  ["{3..1..1}", ["3", "2", "1"]],
  ["{a}", ["{a}"]],
  ["{}", ["{}"]],
  ["{a..}", ["{a..}"]],
  ["{..a}", ["{..a}"]],
  ["{1..a}", ["{1..a}"]],
  ["{1..5..}", ["{1..5..}"]],
  ["{1..5..x}", ["{1..5..x}"]],
  ["{a..e..2}", ["a", "c", "e"]],
  ["{aa..b}", ["{aa..b}"]],
  ["{+1..3}", ["1", "2", "3"]],
  ["{1..+3}", ["1", "2", "3"]],
  ["{1..3..+1}", ["1", "2", "3"]],
  ["a{b,c}d{e,f}", ["abde", "abdf", "acde", "acdf"]],
  ["{{a,b}", ["{a", "{b"]],
  ["{a,b}}", ["a}", "b}"]],
  ["{}{a,b}", ["{}a", "{}b"]],
  ["x{}{a,b}", ["x{}a", "x{}b"]],
  ["{a}{b,c}", ["{a}b", "{a}c"]],
  ["{a,b}{", ["a{", "b{"]],
  ["}{a,b}", ["}a", "}b"]],
  ["{a,{b,c}}", ["a", "b", "c"]],
  ["{a,}", ["a"]],
  ["{,}", []],
  ["{,a}", ["a"]],
  ["{a\\,b,c}", ["a,b", "c"]],
  ["\\{a,b\\}", ["{a,b}"]],
  ["{a,b\\}", ["{a,b}"]],
  ['{a,"b,c"}', ["a", "b,c"]],
  ["{1..$n}", ["{1..3}"]],
  ["{a,$n}", ["a", "3"]],
  ["{$n,b}.c", ["3.c", "b.c"]],
  ["{a..c}{1..2}", ["a1", "a2", "b1", "b2", "c1", "c2"]],
  ['{"a",b}', ["a", "b"]],
  ['{a,b}"{c,d}"', ["a{c,d}", "b{c,d}"]],
  ["{1..3}{a}", ["1{a}", "2{a}", "3{a}"]],
  ["{a,b{1..2}}", ["a", "b1", "b2"]],
  ["a{b{c,d}e}f", ["a{bce}f", "a{bde}f"]],
  ["{a,b,c}", ["a", "b", "c"]],
  ["{-1..-3}", ["-1", "-2", "-3"]],
  ["{9223372036854775806..9223372036854775807}", ["9223372036854775806", "9223372036854775807"]],
  ["{1..2..9223372036854775807}", ["1"]],
  ["{0x1..3}", ["{0x1..3}"]],
  ["{1..0x3}", ["{1..0x3}"]],
  ["{a..b..}", ["{a..b..}"]],
  ["{a..b..c}", ["{a..b..c}"]],
  ["{1..3..2..}", ["{1..3..2..}"]],
  ["{1..2}{a,b}{x,y}", ["1ax", "1ay", "1bx", "1by", "2ax", "2ay", "2bx", "2by"]],
  ["pre{a,b}post", ["preapost", "prebpost"]],
  ["{a,b}{c,d}{e,f}", ["ace", "acf", "ade", "adf", "bce", "bcf", "bde", "bdf"]],
  ["{a..c..-1}", ["a", "b", "c"]],
  ["{c..a..-1}", ["c", "b", "a"]],
  ["{1..1}", ["1"]],
  ["{a..a}", ["a"]],
  ["{0..0}", ["0"]],
  ["{00..00}", ["00"]],
  ["{-0..0}", ["0"]],
  ["{1..-1}", ["1", "0", "-1"]],
  ["{-01..1}", ["-01", "000", "001"]],
  ["{1..9223372036854775807..4611686018427387904}", ["1", "4611686018427387905"]],
  ["{9223372036854775808..1}", ["{9223372036854775808..1}"]],
  ["{1..3000000000}", ["{1..3000000000}"]],
  ["{a,b}{1..3..0}", ["a1", "a2", "a3", "b1", "b2", "b3"]],
  ["a\\{b,c}", ["a{b,c}"]],
  ["a{b\\,c}", ["a{b,c}"]],
  ["a{b,c\\}", ["a{b,c}"]],
  ["{a,b}\\}", ["a}", "b}"]],
  ["\\\\{a,b}", ["\\a", "\\b"]],
  ["{'a','b'}", ["a", "b"]],
  ['{"",a}', ["", "a"]],
  ["{''}", ["{}"]],
  ["{'',''}", ["", ""]],
  ["a{'',b}", ["a", "ab"]],
  ["{a,'b'}{c,$n}", ["ac", "a3", "bc", "b3"]],
  ["{a,{b,{c,d}}}", ["a", "b", "c", "d"]],
  ["{{a,b},{c,d}}", ["a", "b", "c", "d"]],
  ["{a{1,2},b{3,4}}", ["a1", "a2", "b3", "b4"]],
  ["{a,b}c{d,e}f{g,h}", ["acdfg", "acdfh", "acefg", "acefh", "bcdfg", "bcdfh", "bcefg", "bcefh"]],
  ["{..}", ["{..}"]],
  ["{...}", ["{...}"]],
  ["{....}", ["{....}"]],
  ["{a...b}", ["{a...b}"]],
  ["{1...3}", ["{1...3}"]],
  ["{1..2...}", ["{1..2...}"]],
  ["{,b..c}", ["b..c"]],
  ["{b..c,}", ["b..c"]],
  ["{a,b..}", ["a", "b.."]],
  ["{x..y}{,}", ["x", "x", "y", "y"]],
  ["{x..y},", ["x,", "y,"]],
  ["{a},{b}", ["{a},{b}"]],
  ["{a}{b}", ["{a}{b}"]],
]
