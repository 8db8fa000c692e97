import * as fs from "node:fs"
import * as path from "node:path"

/**
 * Deterministic inputs for the benchmarks. Every generator takes a seed, so
 * two runs (and the three engines) see byte-identical data; files are
 * written in 1 MB chunks so that a 1 GB input never sits in memory as a
 * string.
 */

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
export const prng = (seed: number): (() => number) => {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Words of the text columns; "foo" and its look-alikes give grep something to find and something to skip. */
const VOCABULARY = [
  "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma", "omega",
  "foo", "food", "fool", "bar", "baz", "qux", "quux", "lorem", "ipsum", "dolor", "sit", "amet", "consectetur",
  "error", "warning", "info", "debug", "request", "response", "timeout", "retry", "user", "admin", "session",
  "GET", "POST", "PUT", "DELETE", "/api/v1/items", "/api/v1/users", "/health", "cache", "miss", "hit", "ok",
] // prettier-ignore

const CHUNK = 1 << 20

/** Text of about CHUNK characters at a time, `bytes` in all (rounded up to a whole line), made by `line`. */
function* chunksOf(bytes: number, line: () => string): Generator<string> {
  let written = 0
  while (written < bytes) {
    let chunk = ""
    while (chunk.length < CHUNK && written + chunk.length < bytes) chunk += line()
    yield chunk
    written += chunk.length
  }
}

/** Writes `bytes` (rounded up to a whole line) produced by `line` to `file`. */
const writeLines = (file: string, bytes: number, line: () => string): void => {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const fd = fs.openSync(file, "w")
  try {
    for (const chunk of chunksOf(bytes, line)) fs.writeSync(fd, chunk)
  } finally {
    fs.closeSync(fd)
  }
}

/** One line of the log-like table (see `writeTable`), drawn from `rnd`. */
const tableLine = (rnd: () => number): (() => string) => {
  const word = () => VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]
  return () => {
    const words = 3 + Math.floor(rnd() * 6)
    let text = word()
    for (let i = 1; i < words; i++) text += " " + word()
    return `${Math.floor(rnd() * 1_000_000)}\t${Math.floor(rnd() * 1000)}\t${text}\n`
  }
}

/**
 * A log-like table: `id<TAB>number<TAB>words...` with ids up to a million and
 * numbers below 1000 (so sums stay exact and `sort -n -k2` has many ties).
 */
export const writeTable = (file: string, bytes: number, seed: number): void =>
  writeLines(file, bytes, tableLine(prng(seed)))

/** The same table as `writeTable` with the same seed, as text chunks of about 1 MB (so 1 GB never sits in memory). */
export const tableChunks = (bytes: number, seed: number): Generator<string> => chunksOf(bytes, tableLine(prng(seed)))

/** Pronounceable made-up words, so a vocabulary of thousands needs no word list. */
const SYLLABLES = ["ka", "to", "ri", "ne", "mo", "la", "shi", "vu", "de", "po", "ga", "ze", "ru", "mi", "so", "be"]

const vocabulary = (size: number, rnd: () => number): ReadonlyArray<string> => {
  const words = new Set<string>()
  while (words.size < size) {
    const syllables = 1 + Math.floor(rnd() * 4)
    let w = ""
    for (let i = 0; i < syllables; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]
    words.add(w)
  }
  return [...words]
}

/** One word per line, drawn from a 5,000-word vocabulary with Zipf frequencies, as in real text. */
export const writeWords = (file: string, bytes: number, seed: number): void => {
  const rnd = prng(seed)
  const words = vocabulary(5_000, rnd)
  const cumulative: Array<number> = []
  let total = 0
  for (let k = 0; k < words.length; k++) cumulative.push((total += 1 / (k + 1)))
  writeLines(file, bytes, () => {
    const x = rnd() * total
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (cumulative[mid] < x) lo = mid + 1
      else hi = mid
    }
    return words[lo] + "\n"
  })
}

/**
 * A source-tree-like directory: `files` small files, 100 to a directory, two
 * levels deep, with .txt, .log and .md names and a few lines of words each.
 */
export const writeTree = (root: string, files: number, seed: number): void => {
  const rnd = prng(seed)
  const extensions = [".txt", ".log", ".md"]
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `d${Math.floor(i / 1000)}`, `s${Math.floor(i / 100) % 10}`)
    if (i % 100 === 0) fs.mkdirSync(dir, { recursive: true })
    const lines = 2 + Math.floor(rnd() * 10)
    let text = ""
    for (let l = 0; l < lines; l++) {
      const n = 3 + Math.floor(rnd() * 8)
      for (let w = 0; w < n; w++) text += (w > 0 ? " " : "") + VOCABULARY[Math.floor(rnd() * VOCABULARY.length)]
      text += "\n"
    }
    fs.writeFileSync(path.join(dir, `file${i}${extensions[i % extensions.length]}`), text)
  }
}

/** Every regular file under `root`, as paths relative to it ('/'-separated). */
export const listFiles = (root: string): Array<string> =>
  fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
