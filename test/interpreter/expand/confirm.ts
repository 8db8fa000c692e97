/**
 * Confirm mode for the expansion tables (arith, pattern, braces, glob): runs
 * every case through GNU bash with LC_ALL=C and prints each expectation that
 * bash does not reproduce. Exit status 1 when any differs.
 *
 *     node test/interpreter/expand/confirm.ts
 */
import { execFileSync } from "node:child_process"
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { ARITH_ROWS } from "./arith.cases.ts"
import { BRACE_ROWS } from "./braces.cases.ts"
import { GLOB_ROWS, GLOB_TREE } from "./glob.cases.ts"
import { MATCH, OPS, TEXTS } from "./pattern.cases.ts"

/** A bash ANSI-C quoted word holding exactly `s`. */
const quote = (s: string): string =>
  `$'${[...s].map((c) => (c === "\\" || c === "'" ? `\\${c}` : c < " " || c === "\x7f" ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c)).join("")}'`

const bash = (script: string): string =>
  execFileSync("bash", ["--norc", "--noprofile", "-s"], {
    input: script,
    env: { LC_ALL: "C", PATH: process.env.PATH },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  })

/** One result per chunk: each chunk's output ends with a NUL. */
const chunks = (out: string): Array<string> => out.split("\0").slice(0, -1)

let failures = 0
const check = (what: string, want: unknown, got: unknown): void => {
  if (JSON.stringify(want) === JSON.stringify(got)) return
  failures++
  console.log(`${what}\n  table: ${JSON.stringify(want)}\n  bash:  ${JSON.stringify(got)}`)
}

const confirmArith = (): void => {
  const script = ARITH_ROWS.map((row) => {
    const vars = Object.entries(row.vars ?? {})
    const names = [
      ...new Set([...vars.map(([k]) => k.replace(/\[.*/, "")), ...(row.expr.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? [])]),
    ].filter((n) => n !== "_")
    const setup = [
      ...(row.arrays ?? []).map((a) => `declare -a ${a}`),
      ...vars.map(([k, v]) => `${k}=${quote(v)}`),
      row.nounset === true ? "set -u" : "",
    ].join("\n")
    const dump = names.map(
      (n) =>
        `declare -n r=${n}; for k in "\${!r[@]}"; do [ "$k" = 0 ] && echo "${n}=\${r[$k]}" || echo "${n}[$k]=\${r[$k]}"; done; unset -n r`,
    )
    return `(\n${setup}\ne=${quote(row.expr)}; v=$(($e)); echo "=$v"; set +u\n${dump.join("\n")}\n) 2>&1; printf '\\0'`
  }).join("\n")
  chunks(bash(script)).forEach((out, i) => {
    const row = ARITH_ROWS[i]
    const lines = out.replace(/\n$/, "").split("\n")
    // warnings (`a[]: bad array subscript`) come before the value line; the table does not hold them
    const at = lines.findIndex((l) => l.startsWith("="))
    if (at < 0) return check(`arith ${row.expr}`, row.want, `!${out.trim().replace(/^bash: line \d+: /, "")}`)
    const after = Object.fromEntries(
      lines
        .slice(at + 1)
        .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])
        .filter(([k, v]) => row.vars?.[k] !== v),
    )
    check(`arith ${row.expr}`, [row.want, row.after ?? {}], [lines[at], after])
  })
}

const confirmPatterns = (): void => {
  const setups = { off: "", extglob: "shopt -s extglob", nocase: "shopt -s extglob nocasematch" }
  for (const [name, rows] of Object.entries(MATCH)) {
    const script = [
      setups[name as keyof typeof setups],
      ...rows.flatMap(([p]) =>
        TEXTS.map((t) => `p=${quote(p)} t=${quote(t)}; case $t in $p) printf y;; *) printf n;; esac`),
      ),
    ].join("\n")
    const out = bash(script)
    rows.forEach(([p, want], i) =>
      check(`match ${name} ${p}`, want, out.slice(i * TEXTS.length, (i + 1) * TEXTS.length)),
    )
  }
  for (const [name, rows] of Object.entries(OPS)) {
    const script = [
      setups[name as keyof typeof setups],
      ...rows.map(
        ([x, p]) =>
          `x=${quote(x)} p=${quote(p)} r=R; printf '%s\\1' "\${x#$p}" "\${x##$p}" "\${x%$p}" "\${x%%$p}"; ` +
          `y=\${x/$p/"$r"}; printf '%s\\1' "$y"; y=\${x//$p/"$r"}; printf '%s\\1' "$y"; ` +
          `y=\${x/#$p/"$r"}; printf '%s\\1' "$y"; y=\${x/%$p/"$r"}; printf '%s\\0' "$y"`,
      ),
    ].join("\n")
    chunks(bash(script)).forEach((out, i) => {
      const [x, p, ...want] = rows[i]
      check(`ops ${name} ${JSON.stringify(x)} ${p}`, want, out.split("\x01"))
    })
  }
}

const confirmBraces = (): void => {
  const script = ["n=3", ...BRACE_ROWS.map(([word]) => `set -- ${word}; printf '%s\\1' "$#" "$@"; printf '\\0'`)].join(
    "\n",
  )
  chunks(bash(script)).forEach((out, i) => {
    const [word, want] = BRACE_ROWS[i]
    check(`braces ${word}`, want, out.split("\x01").slice(1, -1))
  })
}

const confirmGlob = (): void => {
  const root = mkdtempSync(join(tmpdir(), "mirage-glob-"))
  const real = (p: string) => p.replace(/^\/t/, root)
  try {
    for (const d of GLOB_TREE.dirs) mkdirSync(real(d), { recursive: true })
    for (const f of GLOB_TREE.files) writeFileSync(real(f), "")
    for (const [link, target] of Object.entries(GLOB_TREE.links)) symlinkSync(target, real(link))
    const setups: Record<string, string> = {
      default: "",
      dotglob: "shopt -s dotglob",
      globstar: "shopt -s globstar",
      "globstar+dotglob": "shopt -s globstar dotglob",
      extglob: "shopt -s extglob",
      nocaseglob: "shopt -s nocaseglob",
    }
    for (const [name, rows] of Object.entries(GLOB_ROWS)) {
      const script = [
        `cd ${quote(root)}`,
        "shopt -s nullglob",
        setups[name],
        "IFS=",
        ...rows.map(
          ([p]) => `p=${quote(p.replaceAll("/tmp/g3", root))}; set -- $p; printf '%s\\1' "$#" "$@"; printf '\\0'`,
        ),
      ].join("\n")
      chunks(bash(script)).forEach((out, i) => {
        const [pattern, want] = rows[i]
        const got = out
          .split("\x01")
          .slice(1, -1)
          .map((w) => w.replaceAll(root, "/tmp/g3"))
        check(`glob ${name} ${pattern}`, want, got)
      })
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

confirmArith()
confirmPatterns()
confirmBraces()
confirmGlob()
console.log(failures === 0 ? "all expectations confirmed by bash" : `${failures} expectations differ from bash`)
process.exitCode = failures === 0 ? 0 : 1
