import { readdirSync, readFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

/**
 * The bash conformance case format (see `test/spec/README.md`), shared by the
 * confirm mode (`confirm.ts`, real bash) and the vitest runner (`spec.test.ts`,
 * the Mirage interpreter), so both judge a case by the same rules.
 */

/** One conformance case: a script and what real bash does with it. */
export interface SpecCase {
  /** The case file's name without `.sh`, e.g. `quoting`. */
  readonly file: string
  /** The 1-based line of the `####` header, for error messages. */
  readonly line: number
  readonly name: string
  /** The script, ending with a newline. */
  readonly script: string
  /** Bytes on stdin (empty unless `## STDIN:` is given). */
  readonly stdin: string
  /** The whole expected stdout (empty unless a stdout directive is given). */
  readonly stdout: string
  readonly status: number
  /** Texts that must each occur in stderr (without the `bash: line 1: ` prefix). */
  readonly stderrContains: ReadonlyArray<string>
  /** Why the Mirage runner skips this case; bash still confirms it. */
  readonly skip: string | undefined
  /** Wall-time cap for one run of the case. */
  readonly timeoutMs: number
}

/** What one run of a case produced. */
export interface CaseOutcome {
  readonly stdout: string
  readonly stderr: string
  readonly status: number
}

/** The wall-time cap of a case without `## timeout:`. */
export const DEFAULT_TIMEOUT_MS = 5_000

/** The directory holding the `cases/*.sh` files. */
export const casesDir: string = join(dirname(fileURLToPath(import.meta.url)), "cases")

/** A malformed case file: names the file and line. */
export class CaseSyntaxError extends Error {
  constructor(file: string, line: number, message: string) {
    super(`${file}.sh:${line}: ${message}`)
    this.name = "CaseSyntaxError"
  }
}

interface Draft {
  line: number
  name: string
  script: Array<string>
  inDirectives: boolean
  stdout: string | undefined
  stdin: string
  status: number
  stderrContains: Array<string>
  skip: string | undefined
  timeoutMs: number
}

const directive = /^## ([A-Za-z-]+):(?: (.*))?$/

const parseJsonString = (raw: string, fail: (m: string) => never): string => {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    fail(`not a JSON string: ${raw}`)
  }
  if (typeof value !== "string") fail(`not a JSON string: ${raw}`)
  return value
}

/**
 * Parse the text of one case file. `file` names it in errors and in the cases.
 *
 * @example
 * parseCases("#### upper\necho hi | tr a-z A-Z\n## stdout: HI\n", "demo")
 * // [{ name: "upper", script: "echo hi | tr a-z A-Z\n", stdout: "HI\n", status: 0, ... }]
 */
export const parseCases = (text: string, file: string): Array<SpecCase> => {
  const lines = text.split("\n")
  if (lines.at(-1) === "") lines.pop()
  const cases: Array<SpecCase> = []
  const seen = new Set<string>()
  let draft: Draft | undefined
  let i = 0
  const fail: (message: string) => never = (message) => {
    throw new CaseSyntaxError(file, i + 1, message)
  }

  const finish = () => {
    if (draft === undefined) return
    const script = [...draft.script]
    while (script.length > 0 && script.at(-1)?.trim() === "") script.pop()
    if (script.length === 0) throw new CaseSyntaxError(file, draft.line, `case "${draft.name}" has no script`)
    if (seen.has(draft.name)) throw new CaseSyntaxError(file, draft.line, `duplicate case name "${draft.name}"`)
    seen.add(draft.name)
    cases.push({
      file,
      line: draft.line,
      name: draft.name,
      script: script.join("\n") + "\n",
      stdin: draft.stdin,
      stdout: draft.stdout ?? "",
      status: draft.status,
      stderrContains: draft.stderrContains,
      skip: draft.skip,
      timeoutMs: draft.timeoutMs,
    })
    draft = undefined
  }

  // Editors strip trailing blanks silently, so expected text may not end in one.
  const noTrailingBlank = (text: string): string =>
    /[ \t]$/.test(text) ? fail("expected text ends in a blank; use ## stdout-json:") : text

  // A block runs from the line after `## KEY:` up to `## END`; its lines end with "\n".
  const readBlock = (): string => {
    const body: Array<string> = []
    for (i++; i < lines.length; i++) {
      if (lines[i] === "## END") return body.map((l) => l + "\n").join("")
      body.push(noTrailingBlank(lines[i]))
    }
    return fail("block not closed by ## END")
  }

  for (; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith("####")) {
      finish()
      const name = line.slice(4).trim()
      if (name === "") fail("case without a name")
      draft = {
        line: i + 1,
        name,
        script: [],
        inDirectives: false,
        stdout: undefined,
        stdin: "",
        status: 0,
        stderrContains: [],
        skip: undefined,
        timeoutMs: DEFAULT_TIMEOUT_MS,
      }
      continue
    }
    // Text before the first case is the file's commentary.
    if (draft === undefined) continue
    if (!line.startsWith("##")) {
      if (!draft.inDirectives) draft.script.push(line)
      else if (line.trim() !== "") fail("script text after the case's directives")
      continue
    }
    const m = directive.exec(line)
    if (m === null) return fail(`malformed directive: ${line}`)
    draft.inDirectives = true
    const key = m[1]
    const value = m[2] ?? ""
    const setStdout = (s: string) => {
      if (draft === undefined) return
      if (draft.stdout !== undefined) fail("stdout given twice")
      draft.stdout = s
    }
    switch (key) {
      case "stdout":
        setStdout(noTrailingBlank(value) + "\n")
        break
      case "stdout-json":
        setStdout(parseJsonString(value, fail))
        break
      case "STDOUT":
        if (value !== "") fail("## STDOUT: takes no value; the block follows")
        setStdout(readBlock())
        break
      case "STDIN":
        if (value !== "") fail("## STDIN: takes no value; the block follows")
        draft.stdin = readBlock()
        break
      case "status": {
        if (!/^\d+$/.test(value)) fail(`status must be a number: ${value}`)
        draft.status = Number(value)
        break
      }
      case "stderr-contains":
        if (value === "") fail("empty stderr-contains")
        draft.stderrContains.push(value)
        break
      case "skip":
        if (value === "") fail("skip needs a reason")
        draft.skip = value
        break
      case "timeout": {
        if (!/^\d+(\.\d+)?$/.test(value)) fail(`timeout must be seconds: ${value}`)
        draft.timeoutMs = Math.round(Number(value) * 1000)
        break
      }
      default:
        fail(`unknown directive: ${key}`)
    }
  }
  finish()
  return cases
}

/** The cases of one file. */
export interface CaseFile {
  readonly file: string
  readonly cases: ReadonlyArray<SpecCase>
}

/** Read and parse every `*.sh` file of `dir`, in name order. */
export const loadCaseFiles = (dir: string = casesDir): Array<CaseFile> =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".sh"))
    .sort()
    .map((name) => {
      const file = basename(name, ".sh")
      return { file, cases: parseCases(readFileSync(join(dir, name), "utf8"), file) }
    })

/**
 * How `outcome` departs from what `c` expects: one line per difference, empty
 * when the outcome conforms. stdout and status must be equal; each
 * `stderr-contains` text must occur in stderr.
 */
export const mismatches = (c: SpecCase, outcome: CaseOutcome): Array<string> => {
  const out: Array<string> = []
  if (outcome.stdout !== c.stdout)
    out.push(`stdout: expected ${JSON.stringify(c.stdout)}, got ${JSON.stringify(outcome.stdout)}`)
  if (outcome.status !== c.status) out.push(`status: expected ${c.status}, got ${outcome.status}`)
  for (const s of c.stderrContains)
    if (!outcome.stderr.includes(s))
      out.push(`stderr: expected to contain ${JSON.stringify(s)}, got ${JSON.stringify(outcome.stderr)}`)
  return out
}
