import { Effect } from "effect"
import * as Flag from "../Argv.ts"
import { make } from "../Command.ts"
import { makeSink } from "./shared/Sink.ts"

/** The byte sets of the POSIX classes in the C locale. */
const CLASS_TESTS: Record<string, (b: number) => boolean> = {
  alnum: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  alpha: (b) => (b >= 65 && b <= 90) || (b >= 97 && b <= 122),
  blank: (b) => b === 32 || b === 9,
  cntrl: (b) => b < 32 || b === 127,
  digit: (b) => b >= 48 && b <= 57,
  graph: (b) => b > 32 && b < 127,
  lower: (b) => b >= 97 && b <= 122,
  print: (b) => b >= 32 && b < 127,
  punct: (b) => b > 32 && b < 127 && !CLASS_TESTS.alnum(b),
  space: (b) => b === 32 || (b >= 9 && b <= 13),
  upper: (b) => b >= 65 && b <= 90,
  xdigit: (b) => (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102),
}

const classBytes = (name: string): Array<number> => {
  const out: Array<number> = []
  for (let b = 0; b < 256; b++) if (CLASS_TESTS[name](b)) out.push(b)
  return out
}

type Element =
  | { readonly _tag: "Bytes"; readonly bytes: ReadonlyArray<number> }
  | { readonly _tag: "Class"; readonly name: string }
  | { readonly _tag: "Repeat"; readonly byte: number; readonly count: number | undefined }

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11 }

/** One possibly escaped byte at `i`: its value and the index after it. */
const unescape = (
  s: Uint8Array,
  i: number,
  warnings: Array<string>,
): { readonly byte: number; readonly next: number } => {
  if (s[i] !== 92) return { byte: s[i], next: i + 1 }
  if (i + 1 >= s.length) {
    warnings.push("warning: an unescaped backslash at end of string is not portable")
    return { byte: 92, next: i + 1 }
  }
  const c = String.fromCharCode(s[i + 1])
  if (c >= "0" && c <= "7") {
    let j = i + 1
    let value = 0
    while (j < s.length && j < i + 4 && s[j] >= 48 && s[j] <= 55) {
      const v = value * 8 + (s[j] - 48)
      if (v > 255) {
        warnings.push(
          `warning: the ambiguous octal escape \\${String.fromCharCode(...s.subarray(i + 1, i + 4))} is being\n\tinterpreted as the 2-byte sequence \\0${String.fromCharCode(s[i + 1], s[i + 2])}, ${String.fromCharCode(s[i + 3])}`,
        )
        break
      }
      value = v
      j++
    }
    return { byte: value, next: j }
  }
  return { byte: ESCAPES[c] ?? s[i + 1], next: i + 2 }
}

const latin = (s: Uint8Array, start: number, end: number) => String.fromCharCode(...s.subarray(start, end))

/** Parse a SET operand into elements, or an error message. */
const parseSet = (text: string, warnings: Array<string>): Array<Element> | { readonly error: string } => {
  const s = new TextEncoder().encode(text)
  const out: Array<Element> = []
  let i = 0
  while (i < s.length) {
    if (s[i] === 91 /* [ */ && (s[i + 1] === 58 || s[i + 1] === 61) /* : = */) {
      const kind = s[i + 1]
      let close = -1
      for (let j = i + 2; j + 1 < s.length; j++) {
        if (s[j] === kind && s[j + 1] === 93) {
          close = j
          break
        }
      }
      if (close !== -1) {
        const name = latin(s, i + 2, close)
        if (kind === 58) {
          if (!(name in CLASS_TESTS)) return { error: `invalid character class '${name}'` }
          out.push({ _tag: "Class", name })
        } else {
          if (close - (i + 2) !== 1) return { error: `${name}: equivalence class operand must be a single character` }
          out.push({ _tag: "Bytes", bytes: [s[i + 2]] })
        }
        i = close + 2
        continue
      }
    }
    if (s[i] === 91 && i + 1 < s.length) {
      // [c*n] or [c*]
      const c = unescape(s, i + 1, [])
      if (s[c.next] === 42 /* * */) {
        const end = s.indexOf(93, c.next + 1)
        if (end !== -1) {
          const digits = latin(s, c.next + 1, end)
          if (!/^\d*$/.test(digits)) return { error: `invalid repeat count '${digits}' in [c*n] construct` }
          const count = digits === "" ? undefined : digits.startsWith("0") ? parseInt(digits, 8) : Number(digits)
          out.push({ _tag: "Repeat", byte: c.byte, count: count === 0 ? undefined : count })
          i = end + 1
          continue
        }
      }
    }
    const lo = unescape(s, i, warnings)
    if (s[lo.next] === 45 /* - */ && lo.next + 1 < s.length) {
      const hi = unescape(s, lo.next + 1, warnings)
      if (hi.byte < lo.byte) {
        return { error: `range-endpoints of '${latin(s, i, hi.next)}' are in reverse collating sequence order` }
      }
      const bytes: Array<number> = []
      for (let b = lo.byte; b <= hi.byte; b++) bytes.push(b)
      out.push({ _tag: "Bytes", bytes })
      i = hi.next
      continue
    }
    out.push({ _tag: "Bytes", bytes: [lo.byte] })
    i = lo.next
  }
  return out
}

/** Expanded bytes of a set, with the class occupying each position (for the upper/lower alignment check). */
const expand = (
  elements: ReadonlyArray<Element>,
  fill: number,
): { bytes: Array<number>; classAt: Array<string | undefined> } => {
  const bytes: Array<number> = []
  const classAt: Array<string | undefined> = []
  for (const e of elements) {
    const add =
      e._tag === "Bytes"
        ? e.bytes
        : e._tag === "Class"
          ? classBytes(e.name)
          : Array.from({ length: e.count ?? fill }, () => e.byte)
    for (const b of add) {
      bytes.push(b)
      classAt.push(e._tag === "Class" ? e.name : undefined)
    }
  }
  return { bytes, classAt }
}

const size = (elements: ReadonlyArray<Element>): number => expand(elements, 0).bytes.length

// The byte loops are plain functions: loops inside the command's generator are not optimized.

/** Each byte through a 256-entry table, into a fresh array (never in place: the input may be shared). */
const translate = (chunk: Uint8Array, map: Uint8Array): Uint8Array => {
  const out = new Uint8Array(chunk.length)
  for (let i = 0; i < chunk.length; i++) out[i] = map[chunk[i]]
  return out
}

/** Translate, delete and squeeze; `state.previous` carries the last byte written across chunks. */
const filter = (
  chunk: Uint8Array,
  map: Uint8Array,
  deleting: Uint8Array,
  squeezing: Uint8Array,
  state: { previous: number },
): Uint8Array => {
  const out = new Uint8Array(chunk.length)
  let n = 0
  let previous = state.previous
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]
    if (deleting[b] === 1) continue
    const c = map[b]
    if (squeezing[c] === 1 && c === previous) continue
    previous = c
    out[n++] = c
  }
  state.previous = previous
  return out.subarray(0, n)
}

/** `tr`: translate, squeeze, and/or delete bytes. */
export const tr = make("tr", {
  summary: "Translate, squeeze, and/or delete characters from standard input, writing to standard output.",
  flags: {
    complement: Flag.boolean(["c", "C"], "complement", "use the complement of SET1"),
    delete: Flag.boolean("d", "delete", "delete characters in SET1, do not translate"),
    squeeze: Flag.boolean(
      "s",
      "squeeze-repeats",
      "replace each sequence of a repeated character that is listed in the last specified SET with a single occurrence of that character",
    ),
    truncate: Flag.boolean("t", "truncate-set1", "first truncate SET1 to length of SET2"),
  },
  operands: { usage: "SET1 [SET2]" },
  details:
    "SETs are specified as strings of characters: ranges CHAR1-CHAR2, [CHAR*], [CHAR*REPEAT], [:CLASS:], [=CHAR=], and backslash escapes.",
  run: ({ flags, operands, ctx, usage, warn }) =>
    Effect.gen(function* () {
      const translating = !flags.delete && operands.length === 2
      const needTwo = (flags.delete && flags.squeeze) || (!flags.delete && !flags.squeeze)
      if (operands.length === 0) return yield* usage("missing operand")
      if (needTwo && operands.length === 1) {
        const why = flags.delete ? "both deleting and squeezing repeats" : "translating"
        return yield* usage(`missing operand after '${operands[0]}'\nTwo strings must be given when ${why}.`)
      }
      const max = flags.delete && !flags.squeeze ? 1 : 2
      if (operands.length > max) {
        const hint = max === 1 ? "\nOnly one string may be given when deleting without squeezing repeats." : ""
        return yield* usage(`extra operand '${operands[max]}'${hint}`)
      }
      const warnings: Array<string> = []
      const set1 = parseSet(operands[0], warnings)
      const set2 = operands.length === 2 ? parseSet(operands[1], warnings) : []
      for (const w of warnings) yield* warn(w)
      const fail = (message: string) => Effect.as(warn(message), 1)
      if ("error" in set1) return yield* fail(set1.error)
      if ("error" in set2) return yield* fail(set2.error)
      if (set1.some((e) => e._tag === "Repeat" && e.count === undefined))
        return yield* fail("the [c*] repeat construct may not appear in string1")
      if (set2.filter((e) => e._tag === "Repeat" && e.count === undefined).length > 1) {
        return yield* fail("only one [c*] repeat construct may appear in string2")
      }

      let s1 = expand(set1, 0)
      if (flags.complement) {
        const inSet = new Set(s1.bytes)
        const bytes: Array<number> = []
        for (let b = 0; b < 256; b++) if (!inSet.has(b)) bytes.push(b)
        s1 = { bytes, classAt: bytes.map(() => undefined) }
      }
      const fill = Math.max(0, s1.bytes.length - size(set2))
      const s2 = expand(set2, fill)

      const map = new Uint8Array(256)
      for (let b = 0; b < 256; b++) map[b] = b
      if (translating) {
        if (set2.some((e) => e._tag === "Class" && e.name !== "upper" && e.name !== "lower")) {
          return yield* fail(
            "when translating, the only character classes that may appear in\nstring2 are 'upper' and 'lower'",
          )
        }
        for (let k = 0; k < s2.classAt.length; k++) {
          const c2 = s2.classAt[k]
          if (c2 === undefined) continue
          const c1 = flags.complement ? undefined : s1.classAt[k]
          if (c1 !== "upper" && c1 !== "lower") return yield* fail("misaligned [:upper:] and/or [:lower:] construct")
        }
        if (flags.truncate) s1.bytes.length = Math.min(s1.bytes.length, s2.bytes.length)
        else if (s2.bytes.length === 0) return yield* fail("when not truncating set1, string2 must be non-empty")
        const last = s2.bytes[s2.bytes.length - 1]
        for (let k = 0; k < s1.bytes.length; k++) {
          // Case classes map by case, whatever positions their expansions have.
          const c1 = s1.classAt[k]
          const c2 = s2.classAt[k]
          const from = s1.bytes[k]
          if (c1 !== undefined && c2 !== undefined && c1 !== c2) map[from] = c2 === "upper" ? from - 32 : from + 32
          else map[from] = k < s2.bytes.length ? s2.bytes[k] : last
        }
      }
      const deleting = new Uint8Array(256)
      if (flags.delete) for (const b of s1.bytes) deleting[b] = 1
      const squeezing = new Uint8Array(256)
      if (flags.squeeze) for (const b of operands.length === 2 ? s2.bytes : s1.bytes) squeezing[b] = 1

      const sink = makeSink(ctx.stdout)
      const state = { previous: -1 }
      const plain = !flags.delete && !flags.squeeze
      while (true) {
        const chunk = yield* ctx.stdin.read.pipe(Effect.catchTag("VfsError", () => Effect.succeed(null)))
        if (chunk === null) break
        sink.push(plain ? translate(chunk, map) : filter(chunk, map, deleting, squeezing, state))
        yield* sink.flushIfFull
      }
      yield* sink.flush
      return 0
    }),
})
