import { describe, expect, it } from "vitest"
import * as Flag from "../../src/interpreter/Argv.ts"

const flags = {
  lines: Flag.string("n", "lines", "number of lines", { arg: "NUM" }),
  quiet: Flag.boolean("q", ["quiet", "silent"], "be quiet"),
  verbose: Flag.boolean("v", "verbose", "talk"),
  all: Flag.boolean("a", "all", "everything"),
  count: Flag.integer("c", "count", "a count", { invalid: (v) => `invalid count: '${v}'` }),
  expr: Flag.list("e", "regexp", "a pattern"),
  color: Flag.string(null, ["color", "colour"], "when", { optional: true }),
  level: Flag.boolean(null, "level", "long only"),
}

type Parsed = Extract<ReturnType<typeof Flag.parse<typeof flags>>, { _tag: "Parsed" }>
const parsed = (args: ReadonlyArray<string>, options?: Flag.ParseOptions): Parsed => {
  const r = Flag.parse(flags, args, options)
  if (r._tag !== "Parsed") throw new Error(`expected Parsed, got ${JSON.stringify(r)}`)
  return r
}

describe("Argv.parse", () => {
  it.each([
    [["-n5"], "5"],
    [["-n", "5"], "5"],
    [["--lines=5"], "5"],
    [["--lines", "5"], "5"],
    [["--li=5"], "5"],
    [["--lines="], ""],
    [["-n", "-5"], "-5"],
    [["-n1", "-n", "2"], "2"],
  ])("%j gives lines %j", (args, want) => {
    expect(parsed(args).flags.lines).toBe(want)
  })

  it("clusters booleans and ends a cluster at a flag with an argument", () => {
    const r = parsed(["-qvn3", "x"])
    expect(r.flags).toMatchObject({ quiet: true, verbose: true, lines: "3", all: false })
    expect(r.operands).toEqual(["x"])
  })

  it("permutes options after operands, unless told not to", () => {
    expect(parsed(["a", "-q", "b"]).operands).toEqual(["a", "b"])
    expect(parsed(["a", "-q", "b"]).flags.quiet).toBe(true)
    const strict = parsed(["a", "-q", "b"], { permute: false })
    expect(strict.operands).toEqual(["a", "-q", "b"])
    expect(strict.flags.quiet).toBe(false)
  })

  it("treats -- as the end of options and - as an operand", () => {
    const r = parsed(["-q", "--", "-v", "-"])
    expect(r.flags.verbose).toBe(false)
    expect(r.operands).toEqual(["-v", "-"])
    expect(parsed(["-"]).operands).toEqual(["-"])
  })

  it("collects repeatable flags in order, and records every occurrence", () => {
    const r = parsed(["-e", "a", "--regexp=b", "-eb2", "-q"])
    expect(r.flags.expr).toEqual(["a", "b", "b2"])
    expect(r.occurrences.map((o) => o.key)).toEqual(["expr", "expr", "expr", "quiet"])
  })

  it("decodes integers and refuses bad ones with the declared wording", () => {
    expect(parsed(["-c", "42"]).flags.count).toBe(42)
    expect(parsed([]).flags.count).toBeUndefined()
    expect(Flag.parse(flags, ["-c", "x"])).toEqual({
      _tag: "UsageError",
      message: "invalid count: 'x'",
      tryHelp: false,
    })
  })

  it("takes an optional argument only attached", () => {
    expect(parsed(["--color", "x"]).flags.color).toBeUndefined()
    expect(parsed(["--color", "x"]).operands).toEqual(["x"])
    expect(parsed(["--colour=never"]).flags.color).toBe("never")
    expect(parsed(["--color"]).occurrences).toEqual([{ key: "color", value: undefined }])
  })

  it("accepts a unique prefix even when several names of one flag match", () => {
    expect(parsed(["--col=always"]).flags.color).toBe("always")
    expect(parsed(["--s"]).flags.quiet).toBe(true)
  })

  // Messages as glibc's getopt_long words them (checked against `head`, `ls`, `cat`).
  it.each([
    [["-z"], "invalid option -- 'z'"],
    [["--foo"], "unrecognized option '--foo'"],
    [["--foo=bar"], "unrecognized option '--foo=bar'"],
    [["-n"], "option requires an argument -- 'n'"],
    [["--lines"], "option '--lines' requires an argument"],
    [["--quiet=3"], "option '--quiet' doesn't allow an argument"],
    [["--qu=1"], "option '--quiet' doesn't allow an argument"],
    [["--help=x"], "option '--help' doesn't allow an argument"],
    [["--l"], "option '--l' is ambiguous; possibilities: '--lines' '--level'"],
    [["--li=3"], undefined],
  ])("%j fails with %j", (args, message) => {
    const r = Flag.parse(flags, args)
    if (message === undefined) expect(r._tag).toBe("Parsed")
    else expect(r).toEqual({ _tag: "UsageError", message, tryHelp: true })
  })

  it("recognizes --help and --version (and their prefixes) unless disabled", () => {
    expect(Flag.parse(flags, ["x", "--help"])._tag).toBe("Help")
    expect(Flag.parse(flags, ["--he"])._tag).toBe("Help")
    expect(Flag.parse(flags, ["--version"])._tag).toBe("Version")
    expect(Flag.parse(flags, ["--help"], { standard: false })._tag).toBe("UsageError")
  })

  it("stops at the first error in command-line order", () => {
    expect(Flag.parse(flags, ["-z", "--help"])._tag).toBe("UsageError")
    expect(Flag.parse(flags, ["--help", "-z"])._tag).toBe("Help")
  })

  it("describes flags for --help", () => {
    const text = Flag.describeFlags({ lines: flags.lines, quiet: flags.quiet, color: flags.color })
    expect(text).toContain("  -n, --lines=NUM")
    expect(text).toContain("  -q, --quiet, --silent")
    expect(text).toContain("      --color, --colour[=STRING]")
    expect(text).toContain("      --help")
  })
})
