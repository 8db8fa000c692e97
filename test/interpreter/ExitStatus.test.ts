import { describe, expect, it } from "vitest"
import { commandNotFound, quote, quoteIfNeeded } from "../../src/interpreter/ExitStatus.ts"

// [name, as `rm: cannot remove NAME` quotes it, as `cat: NAME: ...` quotes it]:
// taken from GNU coreutils 9.1's messages (LC_ALL=C) for each name.
const names: ReadonlyArray<readonly [string, string, string]> = [
  ["a", "'a'", "a"],
  ["a b", "'a b'", "'a b'"],
  ["a'b", '"a\'b"', '"a\'b"'],
  ['a"b', "'a\"b'", "'a\"b'"],
  ["a$b", "'a$b'", "'a$b'"],
  ["", "''", "''"],
  ["a\nb", "'a'$'\\n''b'", "'a'$'\\n''b'"],
  ["a\tb", "'a'$'\\t''b'", "'a'$'\\t''b'"],
  ["a{b", "'a{b'", "a{b"],
  ["{a", "'{a'", "{a"],
  ["{", "'{'", "'{'"],
  ["}", "'}'", "'}'"],
  ["a}", "'a}'", "a}"],
  ["a#", "'a#'", "a#"],
  ["#a", "'#a'", "'#a'"],
  ["~a", "'~a'", "'~a'"],
  ["a~", "'a~'", "a~"],
  ["a=b", "'a=b'", "'a=b'"],
  ["a,b", "'a,b'", "a,b"],
  ["a%b", "'a%b'", "a%b"],
  ["a+b", "'a+b'", "a+b"],
  ["a:b", "'a:b'", "'a:b'"],
  ["a@b", "'a@b'", "a@b"],
  ["a'b c", '"a\'b c"', '"a\'b c"'],
  ["a'b\"c", "'a'\\''b\"c'", "'a'\\''b\"c'"],
  ["a]", "'a]'", "a]"],
  ["a^", "'a^'", "'a^'"],
  ["a*", "'a*'", "'a*'"],
  ["a?", "'a?'", "'a?'"],
  ["a!", "'a!'", "'a!'"],
  ["a(", "'a('", "'a('"],
  ["a|b", "'a|b'", "'a|b'"],
  ["a;b", "'a;b'", "'a;b'"],
  ["a<b", "'a<b'", "'a<b'"],
  ["a&b", "'a&b'", "'a&b'"],
  ["a`b", "'a`b'", "'a`b'"],
  ["a\\b", "'a\\b'", "'a\\b'"],
  ["-a", "'-a'", "-a"],
  ["\u00e9", "''$'\\303\\251'", "''$'\\303\\251'"],
  ["a\u0001", "'a'$'\\001'", "'a'$'\\001'"],
  ["a\u007f", "'a'$'\\177'", "'a'$'\\177'"],
  ["a'b$", "'a'\\''b$'", "'a'\\''b$'"],
  ["a'b:", '"a\'b:"', '"a\'b:"'],
  ["a'b!", "'a'\\''b!'", "'a'\\''b!'"],
  ["a'b{", "'a'\\''b{'", "'a'\\''b{'"],
  ["'", '"\'"', '"\'"'],
  ["''", "\"''\"", "\"''\""],
  ["\u001b[0m", "''$'\\033''[0m'", "''$'\\033''[0m'"],
]

describe("quoting file names in messages", () => {
  it.each(names)("%j", (name, always, needed) => {
    expect(quote(name)).toBe(always)
    expect(quoteIfNeeded(name)).toBe(needed)
  })
})

describe("commandNotFound", () => {
  it("gives bash's line and status 127", () => {
    expect(commandNotFound("frob")).toEqual({ message: "frob: command not found\n", status: 127 })
  })
})
