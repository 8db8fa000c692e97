/**
 * Speeds up the parser peggy generates (run by `npm run build:grammar` on
 * src/parser/grammar.js): a run of characters taken as text (`$[a-z]+`,
 * `$[^"\\$]*`) is matched by one sticky regular expression instead of one
 * `charAt`, class test and array push per character.
 *
 * peggy compiles `$[class]+` to a loop that collects the characters in an
 * array and then throws the array away for `input.substring(start, pos)`.
 * Only that exact shape is rewritten: the array's value is only ever compared
 * with `peg$FAILED` before the substring replaces it, so any other value does.
 * The failure peggy records where the run stops (for "expected ..." in
 * syntax errors) is recorded at the same place, so errors are unchanged.
 *
 * Nothing else is touched; the script fails when it finds nothing to
 * rewrite (peggy's output changed shape, and this needs a look).
 */
import * as fs from "node:fs"

const file = process.argv[2]
if (file === undefined) throw new Error("usage: node scripts/optimize-grammar.ts src/parser/grammar.js")
let source = fs.readFileSync(file, "utf8")

const ws = "[ \\t]*"
/**
 * One step of the generated loop: take the next character if the class
 * matches, else record the failure. The first step names the variable, the
 * class and the expectation; the second refers back to them.
 */
const step = (first: boolean) =>
  [
    `${ws}${first ? "(?<item>s\\d+)" : "\\k<item>"} = input\\.charAt\\(peg\\$currPos\\);\\n`,
    `${ws}if \\(${first ? "(?<re>peg\\$r\\d+)" : "\\k<re>"}\\.test\\(\\k<item>\\)\\) \\{\\n`,
    `${ws}peg\\$currPos\\+\\+;\\n`,
    `${ws}\\} else \\{\\n`,
    `${ws}\\k<item> = peg\\$FAILED;\\n`,
    `${ws}if \\(peg\\$silentFails === 0\\) \\{ peg\\$fail\\(${first ? "(?<exp>peg\\$e\\d+)" : "\\k<exp>"}\\); \\}\\n`,
    `${ws}\\}\\n`,
  ].join("")

// `$[class]+`: at least one character, else the array becomes peg$FAILED.
const plus = new RegExp(
  [
    `(?<indent>${ws})(?<array>s\\d+) = \\[\\];\\n`,
    step(true),
    `${ws}if \\(\\k<item> !== peg\\$FAILED\\) \\{\\n`,
    `${ws}while \\(\\k<item> !== peg\\$FAILED\\) \\{\\n`,
    `${ws}\\k<array>\\.push\\(\\k<item>\\);\\n`,
    step(false),
    `${ws}\\}\\n`,
    `${ws}\\} else \\{\\n`,
    `${ws}\\k<array> = peg\\$FAILED;\\n`,
    `${ws}\\}\\n`,
    `(?<after>${ws}if \\(\\k<array> !== peg\\$FAILED\\) \\{\\n${ws}(?<text>s\\d+) = input\\.substring\\(\\k<text>, peg\\$currPos\\);\\n)`,
  ].join(""),
  "g",
)

// `$[class]*`: never fails; the substring follows the loop directly.
const star = new RegExp(
  [
    `(?<indent>${ws})(?<array>s\\d+) = \\[\\];\\n`,
    step(true),
    `${ws}while \\(\\k<item> !== peg\\$FAILED\\) \\{\\n`,
    `${ws}\\k<array>\\.push\\(\\k<item>\\);\\n`,
    step(false),
    `${ws}\\}\\n`,
    `(?<after>${ws}(?<text>s\\d+) = input\\.substring\\(\\k<text>, peg\\$currPos\\);\\n)`,
  ].join(""),
  "g",
)

const runs = new Set<string>()
let rewritten = 0
const rewrite =
  (min: 0 | 1) =>
  (...args: Array<unknown>): string => {
    const groups = args[args.length - 1] as Record<string, string>
    runs.add(groups.re)
    rewritten++
    return `${groups.indent}${groups.array} = peg$scanRun(${groups.re}$run, ${groups.exp}, ${min});\n${groups.after}`
  }
source = source.replace(plus, rewrite(1)).replace(star, rewrite(0))
if (rewritten === 0) throw new Error(`optimize-grammar: no character run found in ${file}; has peggy's output changed?`)

// A sticky `[class]*` beside each class used in a run.
for (const re of runs) {
  const declaration = new RegExp(`^(${ws})const ${re.replace("$", "\\$")} = /\\^(\\[.*\\])/;$`, "m")
  const match = declaration.exec(source)
  if (match === null) throw new Error(`optimize-grammar: no declaration of ${re}`)
  // a function replacement: the class may hold `$'`, which a replacement string would expand
  source = source.replace(match[0], () => `${match[0]}\n${match[1]}const ${re}$run = /${match[2]}*/y;`)
}

// The helper goes before the first rule function, inside peg$parse, where peg$currPos lives.
const helper = `
  /**
   * Match a run of a character class at peg$currPos with the sticky \`run\`
   * (optimize-grammar.ts): the same outcome as peggy's per-character loop,
   * failure record included. Returns peg$FAILED when fewer than \`min\`.
   */
  function peg$scanRun(run, expectation, min) {
    run.lastIndex = peg$currPos;
    run.test(input);
    const end = run.lastIndex;
    if (end - peg$currPos < min) {
      if (peg$silentFails === 0) { peg$fail(expectation); }
      return peg$FAILED;
    }
    peg$currPos = end;
    if (peg$silentFails === 0) { peg$fail(expectation); }
    return true;
  }
`
const firstRule = source.search(/\n {2}function peg\$parse[A-Z_]/)
if (firstRule === -1) throw new Error("optimize-grammar: no rule function found")
source = source.slice(0, firstRule) + "\n" + helper + source.slice(firstRule)

fs.writeFileSync(file, source)
process.stderr.write(`optimize-grammar: ${rewritten} character runs in ${file} use sticky expressions\n`)
