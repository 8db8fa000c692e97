import { Effect } from "effect"
import type { Input } from "../Io.ts"
import * as Sh from "../Shell.ts"
import * as State from "../State.ts"
import { fail, make, parseFlags } from "./Builtin.ts"

/**
 * `read [-r] [-a array] [-d delim] [-n n] [-N n] [-p prompt] [-s] [-t t] [-u fd] [name...]`.
 * Reads only up to the delimiter and leaves the rest of the input for the
 * next reader, so `while read` loops share their input with their bodies.
 */
export const read = make("read", (sh, args) =>
  Effect.gen(function* () {
    const parsed = parseFlags(args, "rse", "adnNptu")
    if (parsed.bad !== undefined) return yield* fail(sh, "read", `-${parsed.bad}: invalid option`, 2)
    const f = parsed.flags
    const raw = f.has("r")
    const delimOpt = f.get("d")
    const delim = typeof delimOpt === "string" ? (delimOpt === "" ? 0 : delimOpt.charCodeAt(0)) : 10
    const nOpt = f.get("n") ?? f.get("N")
    const limit = typeof nOpt === "string" ? Number(nOpt) : Infinity
    const exact = f.has("N")
    const fdOpt = f.get("u")
    const input = typeof fdOpt === "string" ? sh.fds[Number(fdOpt)]?.input : Sh.stdin(sh)
    if (input === undefined)
      return yield* fail(sh, "read", `${String(fdOpt ?? 0)}: invalid file descriptor: Bad file descriptor`)
    const { text, eof } = yield* readRecord(input, exact ? -1 : delim, limit, raw)
    const line = raw || exact ? plainLine(text) : unescape(text)
    const names = parsed.rest
    for (const n of [...names, ...(typeof f.get("a") === "string" ? [String(f.get("a"))] : [])]) {
      if (!State.isName(n)) return yield* fail(sh, "read", `\`${n}': not a valid identifier`)
    }
    const ifsVar = State.lookup(sh.state, "IFS")
    const ifs = ifsVar === undefined ? " \t\n" : (State.scalarValue(ifsVar) ?? "")
    const arrayName = f.get("a")
    if (typeof arrayName === "string") {
      const fields = splitAll(line.text, line.escaped, ifs)
      Sh.assignArray(
        sh,
        arrayName,
        fields.map((value) => ({ key: null, value })),
      )
    } else if (names.length === 0) {
      Sh.assign(sh, "REPLY", line.text)
    } else {
      const values = splitInto(line.text, line.escaped, ifs, names.length)
      for (let i = 0; i < names.length; i++) {
        const r = Sh.assign(sh, names[i]!, values[i] ?? "")
        if (!r.ok) return yield* fail(sh, "read", r.message)
      }
    }
    return eof ? 1 : 0
  }),
)

const decoder = new TextDecoder()

/**
 * Read up to the delimiter (or `limit` characters). Without -r a backslash
 * before a newline continues the record.
 */
const readRecord = (
  input: Input,
  delim: number,
  limit: number,
  raw: boolean,
): Effect.Effect<{ readonly text: string; readonly eof: boolean }, never> =>
  Effect.gen(function* () {
    const parts: Array<Uint8Array> = []
    let count = 0
    while (true) {
      const chunk = yield* Effect.orElseSucceed(input.read, () => null)
      if (chunk === null) return { text: decode(parts), eof: true }
      let i = 0
      for (; i < chunk.length; i++) {
        const b = chunk[i]!
        if (b === delim) {
          const prev = i > 0 ? chunk[i - 1] : lastByte(parts)
          if (!raw && delim === 10 && prev === 92 && !escapedBackslash(parts, chunk, i)) continue
          parts.push(chunk.subarray(0, i))
          input.unread(chunk.subarray(i + 1))
          return { text: decode(parts), eof: false }
        }
        if ((b & 0xc0) !== 0x80) count++
        if (count > limit) {
          parts.push(chunk.subarray(0, i))
          input.unread(chunk.subarray(i))
          return { text: decode(parts), eof: false }
        }
      }
      parts.push(chunk)
    }
  })

const lastByte = (parts: ReadonlyArray<Uint8Array>): number | undefined => {
  for (let i = parts.length - 1; i >= 0; i--) {
    const p = parts[i]!
    if (p.length > 0) return p[p.length - 1]
  }
  return undefined
}

/** True when the backslash before position i is itself escaped (an even run of backslashes). */
const escapedBackslash = (parts: ReadonlyArray<Uint8Array>, chunk: Uint8Array, i: number): boolean => {
  let n = 0
  let j = i - 1
  while (j >= 0 && chunk[j] === 92) {
    n++
    j--
  }
  if (j < 0) {
    for (let k = parts.length - 1; k >= 0; k--) {
      const p = parts[k]!
      let m = p.length - 1
      while (m >= 0 && p[m] === 92) {
        n++
        m--
      }
      if (m >= 0) break
    }
  }
  return n % 2 === 0
}

const decode = (parts: ReadonlyArray<Uint8Array>): string => {
  if (parts.length === 1) return decoder.decode(parts[0])
  let total = 0
  for (const p of parts) total += p.length
  const all = new Uint8Array(total)
  let o = 0
  for (const p of parts) {
    all.set(p, o)
    o += p.length
  }
  return decoder.decode(all)
}

/** Backslash processing without -r: `\x` is x (and protected from splitting), `\`+newline vanishes. */
const unescape = (text: string): { readonly text: string; readonly escaped: ReadonlySet<number> } => {
  let out = ""
  const escaped = new Set<number>()
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === "\\" && i + 1 < text.length) {
      const next = text[++i]!
      if (next === "\n") continue
      escaped.add(out.length)
      out += next
    } else if (c !== "\\") out += c
  }
  return { text: out, escaped }
}

const plainLine = (text: string) => ({ text, escaped: new Set<number>() })

const isWs = (c: string) => c === " " || c === "\t" || c === "\n"

/** Split into at most `n` fields; the last keeps the rest of the line. */
const splitInto = (text: string, escaped: ReadonlySet<number>, ifs: string, n: number): Array<string> => {
  const out: Array<string> = []
  const isSep = (i: number) => !escaped.has(i) && ifs.includes(text[i]!)
  const isSepWs = (i: number) => isSep(i) && isWs(text[i]!)
  let i = 0
  while (i < text.length && isSepWs(i)) i++
  while (out.length < n - 1 && i < text.length) {
    let field = ""
    while (i < text.length && !isSep(i)) field += text[i++]
    out.push(field)
    while (i < text.length && isSepWs(i)) i++
    if (i < text.length && isSep(i) && !isWs(text[i]!)) {
      i++
      while (i < text.length && isSepWs(i)) i++
    }
  }
  if (i < text.length) {
    let end = text.length
    while (end > i && isSepWs(end - 1)) end--
    let rest = text.slice(i, end)
    // a single trailing non-whitespace separator is dropped, as bash does
    if (
      rest.length > 0 &&
      isSep(end - 1) &&
      !isWs(text[end - 1]!) &&
      !rest
        .slice(0, -1)
        .split("")
        .some((_, k) => isSep(i + k))
    ) {
      rest = rest.slice(0, -1)
    }
    out.push(rest)
  }
  return out
}

const splitAll = (text: string, escaped: ReadonlySet<number>, ifs: string): Array<string> =>
  splitInto(text, escaped, ifs, Number.MAX_SAFE_INTEGER)
