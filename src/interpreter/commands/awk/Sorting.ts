import type { AwkArray } from "./AwkArray.ts"
import { AwkFatal } from "./Runtime.ts"
import { intToStr, StrNum, strToNum, toNum, type Value } from "./Values.ts"

/**
 * gawk's array orderings (array.c): the `@ind_*` / `@val_*` names that
 * PROCINFO["sorted_in"] and asort()'s third argument take, with gawk's tie
 * breaks, or a user function `f(i1, v1, i2, v2)`.
 */

/** Compare as gawk's cmp_strings does: bytes, a prefix first. */
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** gawk's cmp_numbers: NaN after everything. */
const byNumber = (x: number, y: number): number => {
  if (x !== x) return y !== y ? 0 : 1
  if (y !== y) return -1
  return x < y ? -1 : x > y ? 1 : 0
}

const keyText = (k: Value): string => (typeof k === "number" ? intToStr(k) : typeof k === "string" ? k : k.s)

const text = (v: Value, str: (v: Value) => string): string => (typeof v === "object" ? v.s : str(v))

/** Whether a value counts as a number for `@val_type` (a number, or input that looks like one). */
const numeric = (v: Value): boolean => typeof v === "number" || (typeof v === "object" && v.isNumeric())

/** An element being sorted: its subscript and value. */
export interface Element {
  readonly key: Value
  readonly value: Value
}

type Compare = (a: Element, b: Element) => number

const PREDEFINED = (str: (v: Value) => string): Record<string, Compare> => {
  const indStr: Compare = (a, b) => byString(keyText(a.key), keyText(b.key))
  const indNum: Compare = (a, b) => byNumber(strToNum(keyText(a.key)), strToNum(keyText(b.key))) || indStr(a, b)
  const valStr: Compare = (a, b) => byString(text(a.value, str), text(b.value, str)) || indStr(a, b)
  const valNum: Compare = (a, b) =>
    byNumber(toNum(a.value), toNum(b.value)) || byString(text(a.value, str), text(b.value, str)) || indStr(a, b)
  const valType: Compare = (a, b) => {
    const an = numeric(a.value)
    const bn = numeric(b.value)
    const r =
      an && bn
        ? byNumber(toNum(a.value), toNum(b.value))
        : an
          ? -1
          : bn
            ? 1
            : byString(text(a.value, str), text(b.value, str))
    return r || indStr(a, b)
  }
  const down =
    (f: Compare): Compare =>
    (a, b) =>
      -f(a, b)
  return {
    "@ind_str_asc": indStr,
    "@ind_str_desc": down(indStr),
    "@ind_num_asc": indNum,
    "@ind_num_desc": down(indNum),
    "@val_str_asc": valStr,
    "@val_str_desc": down(valStr),
    "@val_num_asc": valNum,
    "@val_num_desc": down(valNum),
    "@val_type_asc": valType,
    "@val_type_desc": down(valType),
  }
}

/**
 * The elements of `arr` in the order `how` names ("" or "@unsorted" keep
 * gawk's own order). `call` runs a user comparison function.
 */
export const sortElements = (
  arr: AwkArray,
  how: string,
  str: (v: Value) => string,
  call: ((name: string, args: ReadonlyArray<Value>) => Value) | undefined,
  exists: (name: string) => boolean = () => call !== undefined,
): Array<Element> => {
  const list: Array<Element> = arr.keys().map((key) => ({ key, value: arr.get(keyText(key)) ?? new StrNum("") }))
  if (how === "" || how === "@unsorted") return list
  let cmp = PREDEFINED(str)[how]
  if (cmp === undefined) {
    if (how.startsWith("@") || call === undefined || !exists(how)) {
      throw new AwkFatal(`sort comparison function \`${how}' is not defined`)
    }
    cmp = (a, b) => Math.sign(toNum(call(how, [a.key, a.value, b.key, b.value])))
  }
  return list.sort(cmp)
}
