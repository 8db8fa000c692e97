import { describe, expect, it } from "vitest"
import { CaseSyntaxError, DEFAULT_TIMEOUT_MS, loadCaseFiles, mismatches, parseCases } from "./cases.ts"

const one = (text: string) => {
  const cases = parseCases(text, "t")
  expect(cases).toHaveLength(1)
  return cases[0]
}

describe("parseCases", () => {
  it.each([
    ["a one-line stdout gets its newline", "#### c\necho hi\n## stdout: hi\n", "hi\n"],
    ["a one-line stdout keeps leading spaces", "#### c\necho\n## stdout:   x\n", "  x\n"],
    ["stdout-json is exact", '#### c\nprintf a\n## stdout-json: "a\\tb"\n', "a\tb"],
    ["a block ends every line with a newline", "#### c\nx\n## STDOUT:\na\n\nb\n## END\n", "a\n\nb\n"],
    ["an empty block is empty output", "#### c\nx\n## STDOUT:\n## END\n", ""],
    ["no stdout directive means empty stdout", "#### c\ntrue\n", ""],
    [
      "a block may hold lines starting with ##",
      "#### c\nx\n## STDOUT:\n## not a directive\n## END\n",
      "## not a directive\n",
    ],
  ])("%s", (_, text, stdout) => {
    expect(one(text).stdout).toBe(stdout)
  })

  it("reads the script up to the first directive, trimming trailing blank lines", () => {
    const c = one("#### name here  \n\nline 1\n# a comment\n\n\n## status: 3\n")
    expect(c.name).toBe("name here")
    expect(c.script).toBe("\nline 1\n# a comment\n")
    expect(c.status).toBe(3)
    expect(c.line).toBe(1)
  })

  it("reads status, stderr-contains, skip, timeout and stdin", () => {
    const c = one(
      "#### c\ncat\n## STDIN:\nin\n## END\n## status: 1\n## stderr-contains: a\n## stderr-contains: b c\n## skip: not yet\n## timeout: 0.5\n",
    )
    expect(c).toMatchObject({
      stdin: "in\n",
      status: 1,
      stderrContains: ["a", "b c"],
      skip: "not yet",
      timeoutMs: 500,
    })
  })

  it("gives defaults", () => {
    expect(one("#### c\ntrue\n")).toMatchObject({
      stdin: "",
      status: 0,
      stderrContains: [],
      skip: undefined,
      timeoutMs: DEFAULT_TIMEOUT_MS,
    })
  })

  it("splits cases, ignores text before the first one and records lines", () => {
    const cases = parseCases("# header\n\n#### a\necho a\n## stdout: a\n\n#### b\necho b\n", "f")
    expect(cases.map((c) => [c.file, c.name, c.line, c.script])).toEqual([
      ["f", "a", 3, "echo a\n"],
      ["f", "b", 7, "echo b\n"],
    ])
  })

  it.each([
    ["an unknown directive", "#### c\nx\n## stdot: a\n", "t.sh:3: unknown directive: stdot"],
    ["a directive without a colon", "#### c\nx\n## stdout a\n", "t.sh:3: malformed directive"],
    ["an unclosed block", "#### c\nx\n## STDOUT:\na\n", "block not closed"],
    ["stdout given twice", "#### c\nx\n## stdout: a\n## stdout: b\n", "stdout given twice"],
    ["script after directives", "#### c\nx\n## status: 1\necho more\n", "t.sh:4: script text after"],
    ["a case without script", "#### c\n## stdout: a\n", "has no script"],
    ["a duplicate name", "#### c\nx\n#### c\ny\n", 'duplicate case name "c"'],
    ["a bad status", "#### c\nx\n## status: one\n", "status must be a number"],
    ["bad stdout-json", "#### c\nx\n## stdout-json: a\n", "not a JSON string"],
    ["a nameless case", "####\nx\n", "case without a name"],
    ["a stdout ending in a blank", "#### c\nx\n## stdout: a \n", "ends in a blank"],
    ["a block line ending in a tab", "#### c\nx\n## STDOUT:\na\t\n## END\n", "t.sh:4: expected text ends in a blank"],
  ])("rejects %s", (_, text, message) => {
    expect(() => parseCases(text, "t")).toThrow(CaseSyntaxError)
    expect(() => parseCases(text, "t")).toThrow(message)
  })
})

describe("mismatches", () => {
  const c = one("#### c\nx\n## stdout: out\n## status: 2\n## stderr-contains: boom\n")

  it("accepts a conforming outcome", () => {
    expect(mismatches(c, { stdout: "out\n", stderr: "mirage: line 1: boom here\n", status: 2 })).toEqual([])
  })

  it("reports each difference", () => {
    const problems = mismatches(c, { stdout: "out", stderr: "", status: 0 })
    expect(problems).toHaveLength(3)
    expect(problems[0]).toContain("stdout")
    expect(problems[1]).toBe("status: expected 2, got 0")
    expect(problems[2]).toContain("boom")
  })
})

describe("the case files", () => {
  it("all parse, with several hundred cases", () => {
    const files = loadCaseFiles()
    expect(files.length).toBeGreaterThan(20)
    expect(files.flatMap((f) => f.cases).length).toBeGreaterThan(500)
  })
})
