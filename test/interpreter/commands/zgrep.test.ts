import { describe, expect, it } from "vitest"
import { zgrep } from "../../../src/interpreter/commands/zgrep.ts"
import { grep } from "../../../src/interpreter/commands/grep.ts"
import { run, tree } from "./harness.ts"

// Every expectation below is what GNU zgrep (gzip 1.12) with GNU grep 3.8 printed for the same arguments,
// files and stdin (LC_ALL=C, TZ=UTC unless the case sets TZ). File values
// starting with "b64:" are bytes (archives made by the real tools).
const commands = { zgrep: zgrep }
const bytes = (v: string): Uint8Array =>
  v.startsWith("b64:") ? Uint8Array.from(atob(v.slice(4)), (c) => c.charCodeAt(0)) : new TextEncoder().encode(v)

const cases: ReadonlyArray<{
  readonly command?: keyof typeof commands
  readonly args: ReadonlyArray<string>
  readonly stdin?: string
  readonly files?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly stdout: string
  readonly stderr: string
  readonly status: number
  readonly tree?: ReadonlyArray<string>
}> = [
  {
    args: ["hel", "a.gz", "b"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "a.gz:hello\nb:help\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-c", "hel", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "1\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["hel", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "hello\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-h", "hel", "a.gz", "b"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "hello\nhelp\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-n", "-e", "wor", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "2:world\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["x", "nope.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "",
    stderr: "gzip: nope.gz: No such file or directory\n",
    status: 2,
  },
  {
    args: ["-i", "HEL", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "hello\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-v", "hel", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "world\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["-l", "hel", "a.gz", "b"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "a.gz\nb\n",
    stderr: "",
    status: 0,
  },
  {
    args: ["zzz", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "",
    stderr: "",
    status: 1,
  },
  {
    args: ["-q", "hel", "a.gz"],
    files: { "a.gz": "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=", b: "help\n", "bad.gz": "\u001fxx" },
    stdout: "",
    stderr: "",
    status: 0,
  },
  {
    args: ["-H", "hel"],
    stdin: "b64:H4sIAAAAAAAAA8tIzcnJ5yrPL8pJ4QIA/13FxAwAAAA=",
    stdout: "(standard input):hello\n",
    stderr: "",
    status: 0,
  },
]

describe("zgrep", () => {
  it.each(cases)("$command $args", async (c) => {
    const files = Object.fromEntries(Object.entries(c.files ?? {}).map(([k, v]) => [k, bytes(v)]))
    const r = await run(commands[c.command ?? "zgrep"], c.args, {
      files,
      stdin: c.stdin === undefined ? undefined : bytes(c.stdin),
      env: c.env ?? { TZ: "UTC" },
      commands: [grep],
    })
    const got = { stdout: r.stdout, stderr: r.stderr, status: r.status }
    expect(got).toEqual({ stdout: c.stdout, stderr: c.stderr, status: c.status })
    if (c.tree !== undefined) expect((await tree(r.fs)).map((x) => x.replace(/[=@][^]*$/, "")).sort()).toEqual(c.tree)
  })
})
